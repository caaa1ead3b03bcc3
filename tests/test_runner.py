"""Whole runs through the CLI against the fake GitHub server: real PyGithub, real pipeline."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from github_server import FakeGitHub, Fault

from promptbot import cli, runner
from promptbot.catalog.parser import parse
from promptbot.config import Config
from promptbot.github.forge import GitHubForge
from promptbot.models import PullRequestPlan
from promptbot.ports import Applied, Forge

ROOT = Path(__file__).resolve().parent.parent
REPO = "BWLONG/Awesome-Prompt-Learning-CV"
CATALOG = (ROOT / "examples" / "awesome-prompt-learning-cv.md").read_text(encoding="utf-8")
FEED = str(ROOT / "examples" / "arxiv-2025-07-01.xml")


@pytest.fixture
def gh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGitHub]:
    with FakeGitHub(REPO, {"README.md": CATALOG}) as server:
        config = tmp_path / "config.toml"
        config.write_text(
            f'[catalog]\nrepo = "{REPO}"\n[github]\napi_url = "{server.api_url}"\nretries = 1\n',
            encoding="utf-8",
        )
        monkeypatch.setenv("PROMPTBOT_CONFIG", str(config))
        monkeypatch.setenv("PROMPTBOT_TOKEN", "t0ken-never-printed")
        monkeypatch.delenv("GITHUB_TOKEN", raising=False)
        monkeypatch.setattr(runner, "build_forge", _unpaced_forge)
        yield server


def _unpaced_forge(args: argparse.Namespace, cfg: Config) -> Forge:
    # PyGithub spaces requests with real sleeps; tests drop that pacing, nothing else.
    return GitHubForge(cfg, "t0ken-never-printed", sleep=lambda s: None, paced=False)


def run(*extra: str) -> int:
    return cli.main(["run", "--feed", FEED, *extra])


def test_first_run_opens_one_pr_whose_branch_holds_the_dry_run_text(
    gh: FakeGitHub, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dry = tmp_path / "dry.md"
    assert run("--dry-run", "--output", str(dry)) == 0
    assert gh.count(writes=True) == 0
    assert run() == 0
    (pull,) = gh.open_pulls()
    assert gh.file("README.md", pull.head) == dry.read_text(encoding="utf-8")
    assert "promptbot" in pull.labels
    err = capsys.readouterr().err
    assert f"PR #{pull.number} opened" in err
    assert "t0ken-never-printed" not in err


def test_second_run_with_nothing_new_makes_at_most_4_calls_and_no_write(gh: FakeGitHub) -> None:
    assert run() == 0
    before, writes = len(gh.requests), gh.count(writes=True)
    assert run() == 0
    assert len(gh.requests) - before <= 4
    assert gh.count(writes=True) == writes
    assert len(gh.open_pulls()) == 1


def test_closed_pr_papers_are_shown_as_rejected_and_not_proposed(
    gh: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run() == 0
    (pull,) = gh.open_pulls()
    gh.close(pull.number)
    capsys.readouterr()
    assert run("--dry-run") == 0
    out, err = capsys.readouterr()
    assert f"rejected in #{pull.number}" in out
    assert "nothing to propose" in err


def test_base_moving_during_the_run_is_rebuilt_on_the_new_base(
    gh: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited = CATALOG.replace("# Papers\n", "# Papers\n\nA maintainer's new sentence.\n", 1)

    class MaintainerRaces(GitHubForge):
        pushed = False

        def apply(self, plan: PullRequestPlan) -> Applied:
            if not MaintainerRaces.pushed:
                MaintainerRaces.pushed = True
                gh.push("main", {"README.md": edited})
            return super().apply(plan)

    monkeypatch.setattr(runner, "build_forge", lambda args, cfg: MaintainerRaces(
        cfg, "t0ken-never-printed", sleep=lambda s: None, paced=False))
    assert run() == 0
    (pull,) = gh.open_pulls()
    text = gh.file("README.md", pull.head) or ""
    assert "A maintainer's new sentence." in text
    assert len(parse(text).entries) > len(parse(edited).entries)


@pytest.mark.parametrize("crash_after", [1, 2, 3, 4])
def test_a_crash_after_any_write_converges_on_the_next_run(
    gh: FakeGitHub, crash_after: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["run", "--feed", FEED, "--dry-run", "--json", "-q"]) == 0
    expected_ids = capsys.readouterr().out.count('"decision": "proposed"')
    gh.crash_after_writes = crash_after
    assert run() == 1
    assert "GitHub:" in capsys.readouterr().err
    gh.crash_after_writes = None
    assert run() == 0
    (pull,) = gh.open_pulls()
    branch_text = gh.file("README.md", pull.head) or ""
    added = len(parse(branch_text).entries) - len(parse(CATALOG).entries)
    assert added == expected_ids


def test_check_without_catalog_reads_github_with_no_token(
    gh: FakeGitHub, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PROMPTBOT_TOKEN")
    assert cli.main(["check", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["entries"] == len(parse(CATALOG).entries)
    assert [(r.method, r.path) for r in gh.requests] == [
        ("GET", f"/repos/{REPO}/contents/README.md")]
    assert gh.requests[0].authorization == ""


def test_check_without_catalog_sends_the_token_when_there_is_one(
    gh: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check"]) == 0
    assert "t0ken-never-printed" not in "".join(capsys.readouterr())
    assert [r.authorization for r in gh.requests] == ["token t0ken-never-printed"]


def test_the_token_stays_out_of_stderr_even_when_github_quotes_it(
    gh: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    gh.faults.append(Fault(401, "GET", "/contents/", body={
        "message": "Bad credentials: Authorization: token t0ken-never-printed"}))
    assert cli.main(["-v", "run", "--feed", FEED]) == 1
    out, err = capsys.readouterr()
    said = "GitHub: 401 Unauthorized (Bad credentials: Authorization: token ***)"
    assert f"promptbot: error: {said}" in err
    assert "t0ken-never-printed" not in out + err


def test_the_abstract_cache_is_used_only_by_learned_runs_that_ask_arxiv() -> None:
    from dataclasses import replace

    cfg = Config()
    live = argparse.Namespace(feed=[])
    replay = argparse.Namespace(feed=["saved.xml"])
    assert runner.build_abstracts(replay, cfg) is None
    assert runner.build_abstracts(live, replace(cfg, scoring=replace(cfg.scoring,
                                                                     model="terms"))) is None
    assert runner.build_abstracts(live, replace(cfg, scoring=replace(cfg.scoring,
                                                                     abstract_cache=""))) is None
    assert callable(runner.build_abstracts(live, cfg))  # built, never called: no request
