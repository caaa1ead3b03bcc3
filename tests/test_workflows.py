"""The GitHub Actions workflows and the composite action: GitHub's schemas, then what they do."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]

from promptbot import schedule

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "promptbot.yml"
CI = ROOT / ".github" / "workflows" / "ci.yml"
ACTION = ROOT / "action.yml"
README = ROOT / "README.md"


def load(path: Path) -> dict[str, Any]:
    """A YAML file as a dict; YAML 1.1 reads the key `on` as True, so it is put back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    if True in data:
        data["on"] = data.pop(True)
    return data


def schema_check(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema with one of its bundled schemas (no network needed)."""
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
         *map(str, files)],
        capture_output=True, text=True, timeout=60, check=False,
    )


def readme_workflows() -> list[str]:
    """The README's copy-paste workflows: yaml blocks starting `# .github/workflows/`."""
    blocks = README.read_text(encoding="utf-8").split("```yaml\n")[1:]
    texts = [block.split("```", 1)[0] for block in blocks]
    return [t for t in texts if t.startswith("# .github/workflows/")]


# --- GitHub's published schemas ---

@pytest.mark.parametrize("path", [WORKFLOW, CI], ids=lambda p: p.name)
def test_workflow_matches_githubs_schema(path: Path) -> None:
    result = schema_check("vendor.github-workflows", path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_action_matches_githubs_schema() -> None:
    result = schema_check("vendor.github-actions", ACTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_workflows_match_githubs_schema(tmp_path: Path) -> None:
    texts = readme_workflows()
    assert len(texts) >= 2, "README shows a workflow using the action and one using pip"
    files = []
    for i, text in enumerate(texts):
        files.append(tmp_path / f"readme-{i}.yml")
        files[-1].write_text(text, encoding="utf-8")
    result = schema_check("vendor.github-workflows", *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    text = WORKFLOW.read_text(encoding="utf-8").replace("contents: write", "contents: admin")
    broken.write_text(text, encoding="utf-8")
    assert schema_check("vendor.github-workflows", broken).returncode != 0


# --- what the promptbot workflow does ---

@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return load(WORKFLOW)


def steps(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The steps of a workflow's only job, or of a composite action."""
    if "runs" in doc:
        found: list[dict[str, Any]] = doc["runs"]["steps"]
        return found
    (job,) = doc["jobs"].values()
    found = job["steps"]
    return found


def run_step(doc: dict[str, Any]) -> dict[str, Any]:
    (step,) = [s for s in steps(doc) if "promptbot " in s.get("run", "")]
    return step


def test_cron_runs_on_weekdays_after_the_arxiv_announcement(workflow: dict[str, Any]) -> None:
    (entry,) = workflow["on"]["schedule"]
    minute, hour, day, month, weekdays = entry["cron"].split()
    # GitHub reads crontab weekdays (0 = Sunday): Monday to Friday, after 01:00 UTC, when the
    # 20:00 US Eastern announcement has happened in both summer and winter time.
    assert schedule.crontab_days(weekdays) == "mon,tue,wed,thu,fri"
    assert (day, month) == ("*", "*")
    assert 1 <= int(hour) <= 6 and 0 <= int(minute) <= 59


def test_manual_runs_take_dry_run_and_since(workflow: dict[str, Any]) -> None:
    inputs = workflow["on"]["workflow_dispatch"]["inputs"]
    assert inputs["dry_run"]["type"] == "boolean" and inputs["dry_run"]["default"] is False
    assert inputs["since"]["type"] == "string" and not inputs["since"].get("required", False)


def test_permissions_are_least_privilege(workflow: dict[str, Any]) -> None:
    assert workflow["permissions"] == {"contents": "write", "pull-requests": "write"}
    (job,) = workflow["jobs"].values()
    assert "permissions" not in job


def test_two_runs_never_overlap_and_a_running_one_is_never_cancelled(
    workflow: dict[str, Any],
) -> None:
    assert workflow["concurrency"]["group"]
    assert workflow["concurrency"]["cancel-in-progress"] is False
    # The README's copy-paste workflows share the same group: the first defence against races.
    for text in readme_workflows():
        assert yaml.safe_load(text)["concurrency"] == workflow["concurrency"]


def test_python_is_set_up_with_pip_caching_and_promptbot_installed(
    workflow: dict[str, Any],
) -> None:
    uses = [s.get("uses", "") for s in steps(workflow)]
    assert any(u.startswith("actions/checkout@") for u in uses)
    (setup,) = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/setup-python@")]
    assert setup["with"]["cache"] == "pip"
    assert float(setup["with"]["python-version"]) >= 3.11
    assert any(s.get("run", "").endswith("pip install --disable-pip-version-check .")
               for s in steps(workflow))


def test_token_comes_from_secrets_preferring_promptbots_own(workflow: dict[str, Any]) -> None:
    env = run_step(workflow)["env"]
    assert env["PROMPTBOT_TOKEN"] == "${{ secrets.PROMPTBOT_TOKEN }}"
    assert env["GITHUB_TOKEN"] == "${{ secrets.GITHUB_TOKEN }}"


@pytest.mark.parametrize("doc_path", [WORKFLOW, ACTION], ids=lambda p: p.name)
def test_inputs_never_reach_a_script_unquoted(doc_path: Path) -> None:
    for step in steps(load(doc_path)):
        assert "${{" not in step.get("run", ""), f"use env: for expressions in {step}"


# --- the run step, executed with a stand-in promptbot that records its arguments ---

def run_script(doc: dict[str, Any], tmp_path: Path, **env: str) -> list[str]:
    """Run the doc's promptbot step in bash; the arguments promptbot would have received."""
    # GitHub's runners and .ci/run both run bash: a machine without it cannot run CI at all.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    record = tmp_path / "argv"
    fake = bin_dir / "promptbot"
    fake.write_text('#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done > "$RECORD"\n',
                    encoding="utf-8")
    fake.chmod(0o755)
    environ = {"PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
               "RECORD": str(record), "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), **env}
    subprocess.run(["bash", "-e", "-c", run_step(doc)["run"]], env=environ, check=True,
                   timeout=30)
    return record.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("doc_path", [WORKFLOW, ACTION], ids=lambda p: p.name)
@pytest.mark.parametrize(("dry_run", "since", "extra"), [
    ("", "", []),  # the scheduled run: no inputs at all
    ("false", "", []),
    ("true", "", ["--dry-run"]),
    ("false", "2026-11-02", ["--since", "2026-11-02"]),
    ("true", "2026-11-02; rm -rf /", ["--dry-run", "--since", "2026-11-02; rm -rf /"]),
])
def test_run_step_passes_the_inputs_as_flags(
    doc_path: Path, dry_run: str, since: str, extra: list[str], tmp_path: Path
) -> None:
    argv = run_script(load(doc_path), tmp_path, DRY_RUN=dry_run, SINCE=since, LIVE="true")
    assert argv == ["run", "--summary", str(tmp_path / "summary.md"), *extra]


@pytest.mark.parametrize("live", ["", "false", "yes"])
def test_this_repositorys_workflow_dry_runs_until_made_live(live: str, tmp_path: Path) -> None:
    argv = run_script(load(WORKFLOW), tmp_path, DRY_RUN="false", SINCE="", LIVE=live)
    assert argv == ["run", "--summary", str(tmp_path / "summary.md"), "--dry-run"]


def test_workflow_wires_its_inputs_to_the_run_step(workflow: dict[str, Any]) -> None:
    env = run_step(workflow)["env"]
    assert env["DRY_RUN"] == "${{ inputs.dry_run }}"
    assert env["SINCE"] == "${{ inputs.since }}"
    assert env["LIVE"] == "${{ vars.PROMPTBOT_LIVE }}"


# --- the composite action ---

@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    return load(ACTION)


def test_action_is_composite_with_the_documented_inputs(action: dict[str, Any]) -> None:
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"config", "dry-run", "since", "token", "python-version"}
    assert action["inputs"]["token"]["default"] == "${{ github.token }}"
    assert action["inputs"]["dry-run"]["default"] == "false"
    for step in steps(action):
        assert "uses" in step or step.get("shell") == "bash", "composite run steps need a shell"


def test_action_installs_promptbot_from_its_own_checkout(action: dict[str, Any]) -> None:
    (install,) = [s for s in steps(action) if "pip install" in s.get("run", "")]
    assert install["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    assert '"$ACTION_PATH"' in install["run"]


def test_action_passes_config_and_token_through_the_environment(action: dict[str, Any]) -> None:
    env = run_step(action)["env"]
    assert env["PROMPTBOT_CONFIG"] == "${{ inputs.config }}"
    assert env["PROMPTBOT_TOKEN"] == "${{ inputs.token }}"
    assert env["DRY_RUN"] == "${{ inputs.dry-run }}"
    assert env["SINCE"] == "${{ inputs.since }}"


# --- CI ---

def test_ci_runs_the_readme_test_command_on_push_and_pull_request() -> None:
    ci = load(CI)
    assert {"push", "pull_request"} <= set(ci["on"])
    assert any(s.get("run", "").strip() == "bash .ci/run" for s in steps(ci))


@pytest.mark.parametrize("path", [ROOT / ".github" / "workflows" / "promptbot.yml",
                                  ROOT / "action.yml"])
def test_the_readme_sections_named_in_comments_exist(path: Path) -> None:
    headings = {line.lstrip("#").strip() for line in
                (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
                if line.startswith("#")}
    named = re.findall(r'README\.md, "([^"]+)"', path.read_text(encoding="utf-8"))
    assert named and all(name in headings for name in named), (named, path)
