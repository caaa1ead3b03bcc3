"""Whole runs through the CLI against the fake GitHub server: real PyGithub, real pipeline."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from arxiv_server import FakeClock
from github_server import FakeGitHub, Fault

from promptbot import cli, runner
from promptbot.catalog.parser import parse
from promptbot.config import Config
from promptbot.github.forge import GitHubForge
from promptbot.models import PullRequestPlan
from promptbot.ports import Applied, Forge
from promptbot.sources.politeness import Politeness

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


def test_second_run_with_nothing_new_makes_at_most_5_calls_and_no_write(gh: FakeGitHub) -> None:
    assert run() == 0
    before, writes = len(gh.requests), gh.count(writes=True)
    assert run() == 0
    assert len(gh.requests) - before <= 5
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
        ("GET", f"/repos/{REPO}/git/ref/heads/main"), ("GET", f"/repos/{REPO}/contents/README.md")]
    assert {r.authorization for r in gh.requests} == {""}


def test_check_without_catalog_sends_the_token_when_there_is_one(
    gh: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check"]) == 0
    assert "t0ken-never-printed" not in "".join(capsys.readouterr())
    assert [r.authorization for r in gh.requests] == ["token t0ken-never-printed"] * 2


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


# The seed copy's own [sections] (the built-in defaults name the published list's headings).
SEED_SECTIONS_TOML = (
    '[sections]\ndefault = "Prompt Learning/Tuning(arxiv4月-)"\n'
    'published = "Prompt Learning/Tuning"\npreprint = "Prompt Learning/Tuning(arxiv4月-)"\n'
    'never = ["Prompt Learning/Tuning(已读)"]\n')


def test_a_live_dry_run_asks_the_feeds_new_versions_of_listed_papers_by_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from arxiv_server import ArxivServer, entries_of, entry_as, listing_feed

    title = "Instance-aware Dynamic Prompt Tuning for Pre-trained Point Cloud Models"
    real = entries_of(ROOT / "tests" / "data" / "arxiv" / "api"
                      / "id_1605.08386_s0_m100_199195aa31ad.xml")[0]
    idpt = entry_as(real, arxiv_id="2304.07221", version=2, title=title,
                    comment="Accepted to ICCV 2023")
    row = {"id": "2304.07221", "version": 2, "categories": ["cs.CV"], "authors": ["Y. Zha"],
           "title": title, "summary": "Pre-trained point cloud models."}
    seed = ROOT / "tests" / "data" / "catalogs" / "seed_Awesome-Prompt-Learning-CV.md"
    today = datetime.now(UTC).strftime("%a, %d %b %Y 00:00:00 +0000")  # inside the look-back
    feed = listing_feed([row], ["replace"], day=today)
    with ArxivServer([idpt], feeds={"/rss/cs.CV": feed}) as srv:
        config = tmp_path / "config.toml"
        config.write_text(f'[arxiv]\napi_url = "{srv.api_url}"\nrss_url = "{srv.url}/rss/cs.CV"\n'
                          "num_retries = 0\n[updates]\nrecheck_weekday = 0\n"
                          # no abstract cache: this run asks by id for the update check only
                          '[scoring]\nabstract_cache = ""\n'
                          + SEED_SECTIONS_TOML, encoding="utf-8")
        fake = FakeClock()  # arXiv's 3 seconds between requests, on a clock that does not wait
        monkeypatch.setattr(runner, "Politeness",
                            lambda delay: Politeness(delay, sleep=fake.sleep, clock=fake))
        monkeypatch.setenv("PROMPTBOT_CONFIG", str(config))
        assert cli.main(["run", "--dry-run", "--json", "--catalog", str(seed)]) == 0
    data = json.loads(capsys.readouterr().out)
    (idpt_decision,) = [c for c in data["candidates"] if c["arxiv_id"] == "2304.07221"]
    assert idpt_decision["decision"] == "update"
    assert data["updates"][0]["moved"] and data["pull_request"]["updates"] == ["2304.07221"]
    by_id = [r for r in srv.api_requests() if r.args.get("id_list")]
    assert [r.args["id_list"] for r in by_id] == ["2304.07221"]


def test_a_saved_feed_with_a_new_version_of_a_listed_paper_gives_its_update(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from arxiv_server import listing_feed

    row = {"id": "2304.07221", "version": 2, "categories": ["cs.CV"], "authors": ["Y. Zha"],
           "title": "Instance-aware Dynamic Prompt Tuning for Pre-trained Point Cloud Models",
           "summary": "Pre-trained point cloud models.",
           "journal_reference": "2023 IEEE/CVF International Conference on Computer Vision"
                                " (ICCV), Paris, France, 2023"}
    feed = tmp_path / "feed.xml"
    feed.write_bytes(listing_feed([row], ["replace"]))
    seed = ROOT / "tests" / "data" / "catalogs" / "seed_Awesome-Prompt-Learning-CV.md"
    (tmp_path / "config.toml").write_text(SEED_SECTIONS_TOML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PROMPTBOT_CONFIG", raising=False)
    assert cli.main(["run", "--dry-run", "--catalog", str(seed), "--feed", str(feed)]) == 0
    out = capsys.readouterr().out
    assert "update" in out and "~ 2304.07221 v2: venue: arXiv 2023 → ICCV 2023" in out
    assert '+* **IDPT**: "Instance-aware Dynamic Prompt Tuning for Pre-trained Point Cloud' \
           ' Models",ICCV, 2023(*Tsinghua University*)' in out
    assert "**Updates: 1 entry**" in out


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
