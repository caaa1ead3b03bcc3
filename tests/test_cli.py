"""The command line: every command's happy path and every documented exit code."""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from catalog_files import MULTIMODAL
from fakes import FakeSource

from promptbot import cli, runner
from promptbot.catalog.parser import parse

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_CATALOG = ROOT / "examples" / "awesome-prompt-learning-cv.md"
EXAMPLE_FEED = ROOT / "examples" / "arxiv-2025-07-01.xml"
PUBLISHED_LIST = "BWLONG_Awesome-Prompt-Learning-CV_README_2023-12-22_HEAD.md"
DRY_RUN = ["run", "--dry-run", "--catalog", str(EXAMPLE_CATALOG), "--feed", str(EXAMPLE_FEED)]


@pytest.fixture(autouse=True)
def _no_tokens(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("PROMPTBOT_TOKEN", "GITHUB_TOKEN", "PROMPTBOT_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(ROOT)


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    assert "usage: promptbot" in capsys.readouterr().err


def test_unknown_flag_exits_2() -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["run", "--bogus"])
    assert info.value.code == 2


def test_readme_dry_run_shows_candidates_diff_and_pr(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(DRY_RUN) == 0
    out, err = capsys.readouterr()
    assert "@@" in out and "+* **" in out  # a unified diff adding entries in the list's style
    assert "Pull request" in out
    assert "proposed" in out and "irrelevant" in out
    assert "would open a PR (dry run)" in err


@pytest.mark.parametrize("catalog", [
    EXAMPLE_CATALOG, ROOT / "tests" / "data" / "catalogs" / PUBLISHED_LIST])
def test_the_shipped_config_fits_the_published_list_without_warnings(
    capsys: pytest.CaptureFixture[str], catalog: Path,
) -> None:
    # From the repository root, as the README's quick start runs: ./config.toml is read.
    assert cli.main(["run", "--dry-run", "--catalog", str(catalog), "--feed", str(EXAMPLE_FEED),
                     "--json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert not any("not found" in n for n in data["notes"]), data["notes"]
    assert "not found" not in err and "placing by similarity" not in err
    sections = {c["section"] for c in data["candidates"] if c["decision"] == "proposed"}
    assert sections == {"Prompt Learning(accepted): *Updating by Linbin Wang*",
                        "Prompt Learning(arxiv): *Updating by Jiajia Zhang*"}
    assert cli.main(["check", "--catalog", str(catalog)]) == 0
    assert "Configured sections not in the catalog: none" in capsys.readouterr().out


def test_dry_run_json_is_one_object_with_the_documented_keys(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main([*DRY_RUN, "--json", "-q"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"candidates", "diff", "pull_request"} <= data.keys()
    first = data["candidates"][0]
    assert {"arxiv_id", "title", "decision", "score", "section", "section_confidence",
            "reasons", "duplicate_of"} <= first.keys()
    proposed = [c for c in data["candidates"] if c["decision"] == "proposed"]
    assert proposed and all(c["arxiv_id"] in data["diff"] for c in proposed)
    assert data["pull_request"]["title"] and data["pull_request"]["body"]


def test_output_writes_the_new_catalog_with_old_entries_kept(tmp_path: Path) -> None:
    out = tmp_path / "new.md"
    assert cli.main([*DRY_RUN, "-q", "--output", str(out)]) == 0
    old = parse(EXAMPLE_CATALOG.read_text(encoding="utf-8"))
    new = parse(out.read_text(encoding="utf-8"))
    assert {e.raw for e in old.entries} <= {e.raw for e in new.entries}
    assert len(new.entries) > len(old.entries)


def test_summary_file_gets_a_markdown_table(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    assert cli.main([*DRY_RUN, "-q", "--summary", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n")  # appended, as $GITHUB_STEP_SUMMARY expects
    assert "| paper | decision | score | section |" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["run", "--catalog", str(EXAMPLE_CATALOG), "--feed", str(EXAMPLE_FEED)],
         "--catalog FILE works with --dry-run only"),
        ([*DRY_RUN, "--since", "yesterday"], "--since 'yesterday': expected a date"),
        ([*DRY_RUN, "--since", "2025-07-02", "--until", "2025-07-01"], "is after --until"),
        (["run", "--dry-run", "--catalog", "absent.md", "--feed", str(EXAMPLE_FEED)],
         "absent.md: cannot read catalog"),
        (["run", "--dry-run", "--catalog", str(EXAMPLE_CATALOG), "--feed", "absent.xml"],
         "absent.xml: cannot read saved feed"),
        (["check", "--catalog", "absent.md"], "absent.md: cannot read catalog"),
    ],
)
def test_user_mistakes_exit_2_with_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err and err.count("error:") == 1


def test_bad_config_exits_2_naming_file_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[arxiv]\nkeywords = "prompt"\n', encoding="utf-8")
    assert cli.main(["--config", str(bad), *DRY_RUN]) == 2
    assert capsys.readouterr().err == (
        f"promptbot: error: {bad}:2: [arxiv].keywords: must be a list of strings\n")


def test_every_config_mistake_is_reported_before_any_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[scoring]\npositive_terms = ["prompt^x"]\n[format]\ntemplate = "{nmae}"\n'
                   '[schedule]\ncron = "0 0 31 2 *"\n', encoding="utf-8")

    def no_requests(*args: object, **kwargs: object) -> None:
        raise AssertionError("a request was attempted")

    monkeypatch.setattr(runner, "build_sources", no_requests)
    monkeypatch.setattr(runner, "build_forge", no_requests)
    for command in (["run", "--dry-run"], ["check"], ["run", "--dry-run", "--config", str(bad)]):
        argv = command if "--config" in command else ["--config", str(bad), *command]
        assert cli.main(argv) == 2
        err = capsys.readouterr().err.splitlines()
        assert [line.split(": ", 3)[2] for line in err] == [
            f"{bad}:2", f"{bad}:4", f"{bad}:6"], err
        assert "bad weight" in err[0] and "{nmae}" in err[1] and "never fires" in err[2]


def test_no_config_file_says_the_built_in_defaults_are_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    catalog = tmp_path / "list.md"
    shutil.copy(EXAMPLE_CATALOG, catalog)
    assert cli.main(["check", "--catalog", str(catalog)]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "using the built-in defaults" in err


def test_config_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "env.toml"
    bad.write_text("[pull_request]\nmax_open = 0\n", encoding="utf-8")
    monkeypatch.setenv("PROMPTBOT_CONFIG", str(bad))
    assert cli.main(DRY_RUN) == 2
    assert "[pull_request].max_open" in capsys.readouterr().err


def test_a_failing_arxiv_source_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = FakeSource(name="arXiv API", error="arXiv API: HTTP 503 after 3 retries")
    monkeypatch.setattr(runner, "build_sources", lambda args, cfg, *rest: [broken])
    argv = ["run", "--dry-run", "--catalog", str(EXAMPLE_CATALOG)]
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert "arXiv API: HTTP 503 after 3 retries" in err and "Traceback" not in err
    assert broken.windows and broken.windows[0] is not None  # the look-back window was asked


def test_a_real_run_without_a_token_fails_before_any_request(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = cli.main(["run", "--feed", str(EXAMPLE_FEED)])
    assert code == 2  # a missing token is a usage problem, not a failed run
    assert "promptbot: error: GitHub: a real run needs a token: set PROMPTBOT_TOKEN (or" \
        " GITHUB_TOKEN in GitHub Actions), or use --dry-run" in capsys.readouterr().err


def test_check_reports_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "--catalog", str(EXAMPLE_CATALOG), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["entries"] == len(parse(EXAMPLE_CATALOG.read_text(encoding="utf-8")).entries)


def test_python_dash_m_entry_point(tmp_path: Path) -> None:
    import subprocess
    import sys

    catalog = tmp_path / "c.md"
    shutil.copy(EXAMPLE_CATALOG, catalog)
    done = subprocess.run([sys.executable, "-m", "promptbot", "check", "--catalog", str(catalog)],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "entries" in done.stdout.lower()


def test_a_reader_that_stops_reading_gets_no_traceback(tmp_path: Path) -> None:
    # `promptbot check | head -3`: the pipe closes before the report (over 8 KB, more than one
    # buffer) is written.
    import subprocess
    import sys

    catalog = tmp_path / "c.md"
    shutil.copy(ROOT / "tests" / "data" / "catalogs" / MULTIMODAL, catalog)
    child = subprocess.Popen(
        [sys.executable, "-m", "promptbot", "check", "--catalog", str(catalog)], cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()
    err = child.stderr.read().decode()
    child.wait(timeout=120)
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert child.returncode == 1


@pytest.mark.parametrize("content", ["", "MIT License\n\nCopyright (c) 2023\n", None])
def test_check_and_run_refuse_a_file_that_lists_no_papers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None,
) -> None:
    path = tmp_path / "not-a-list.md"
    if content is None:
        shutil.copy(ROOT / "pyproject.toml", path)  # its "# comments" read as headings
    else:
        path.write_text(content, encoding="utf-8")
    for argv in (["check", "--catalog", str(path)],
                 ["run", "--dry-run", "--catalog", str(path), "--feed", str(EXAMPLE_FEED)]):
        assert cli.main(argv) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1, err
        assert err.startswith(f"promptbot: error: {path}: not a list of papers")
        assert "paper(s)" not in err  # refused before the feed was read


@pytest.mark.parametrize("flag", ["--output", "--summary"])
def test_an_unwritable_output_is_refused_before_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str,
) -> None:
    for target, why in ((tmp_path / "missing" / "x.md", "does not exist"),
                        (tmp_path, "is a folder")):
        assert cli.main([*DRY_RUN, flag, str(target)]) == 2
        out, err = capsys.readouterr()
        assert out == "" and err == f"promptbot: error: {flag} {target}: " + (
            f"the folder {target.parent} {why}\n" if "exist" in why else f"{why}, not a file\n")


def test_a_malformed_feed_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text("", encoding="utf-8")
    assert cli.main(["run", "--dry-run", "--catalog", str(EXAMPLE_CATALOG), "--feed",
                     str(feed)]) == 2
    assert capsys.readouterr().err == f"promptbot: error: --feed {feed}: the file is empty\n"


def test_until_alone_says_which_window_it_means(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main([*DRY_RUN, "--until", "2025-06-29"]) == 0
    err = capsys.readouterr().err
    assert "--until alone: the window is the 3 day(s) up to it ([arxiv].lookback_days)," \
        " 2025-06-27 to 2025-06-29" in err
    assert "469 of 469 paper(s) fall outside 2025-06-27 to 2025-06-29" in err


def test_per_paper_mode_opens_the_best_papers_and_says_so_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    config = tmp_path / "per-paper.toml"
    config.write_text((ROOT / "config.toml").read_text(encoding="utf-8").replace(
        'mode = "rolling"', 'mode = "per-paper"').replace("max_open = 5", "max_open = 2"),
        encoding="utf-8")
    assert cli.main(["--config", str(config), *DRY_RUN, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    proposed = sorted((c for c in data["candidates"] if c["decision"] == "proposed"),
                      key=lambda c: -c["score"])
    assert [pr["arxiv_ids"] for pr in data["pull_requests"]] == [
        [proposed[0]["arxiv_id"]], [proposed[1]["arxiv_id"]]]
    body = data["pull_requests"][0]["body"]
    assert "closing the PR rejects it" in body and "rejects all of them" not in body
    assert cli.main(["--config", str(config), *DRY_RUN]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines()[-1].endswith("; would open 2 PRs (dry run)")
    changes = out.split("Changes to")[1].split("Pull request 1 of 2")[0]
    assert [line.split()[1] for line in changes.splitlines() if line.startswith("  + ")] == \
        sorted(p["arxiv_id"] for p in proposed[:2])
    assert f"  ({len(proposed) - 2} more proposed paper(s) wait for a free pull request:" \
        " [pull_request].max_open)" in changes


def test_schedule_log_lines_carry_a_utc_timestamp(capsys: pytest.CaptureFixture[str]) -> None:
    cli.configure_logging(0, False, timestamps=True)
    logging.getLogger("promptbot").info("scheduled")
    cli.configure_logging(0, False)
    logging.getLogger("promptbot").info("plain")
    lines = capsys.readouterr().err.splitlines()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC scheduled", lines[0]), lines
    assert lines[1] == "plain"
