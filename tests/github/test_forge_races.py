"""GitHub's rules and races against the stateful server: head in base, closed mid-run, two runs.

Each scenario ends with a rerun and checks that it converges to exactly one correct open PR with
every paper once, none of them read as rejected by mistake.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import github_server
import pytest
from forge_harness import (
    CATALOG,
    REPO,
    TOKEN,
    TextIndex,
    body_ids,
    gh,
    make_bot,
    paper,
    place,
    validate,
)
from github_server import FakeGitHub, Fault, Hook

from promptbot import cli, runner
from promptbot.errors import ForgeError, PullRequestChanged, PullRequestClosed
from promptbot.github import memory as mem
from promptbot.github import pull_request as prm
from promptbot.github.forge import GitHubForge
from promptbot.github.pull_request_text import read_proposals
from promptbot.models import Memory, Proposal
from promptbot.ports import Applied

__all__ = ["gh"]  # the fixture

BRANCH = "promptbot/new-papers"


def settled(server: FakeGitHub, papers: Sequence[Proposal]) -> int:
    """Assert one open PR holding exactly `papers` (body and branch); returns its number."""
    (pull,) = server.open_pulls()
    assert sorted(body_ids(server, pull.number)) == sorted(p.arxiv_id for p in papers)
    text = server.file("README.md", pull.head) or ""
    for p in papers:
        assert text.count(p.entry) == 1, p.arxiv_id
    recorded = read_proposals(server.pulls[pull.number].body or "")
    assert text == place(server.file("README.md") or "", recorded)  # on the current base
    return pull.number


# -- GitHub closes a PR whose head is contained in its base ------------------------------------
def test_the_server_closes_a_pr_whose_head_is_contained_in_its_base(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.run([paper("2503.12096")])
    # What the old update did first: point the bot branch at the base, then commit on it.
    gh.refs[f"heads/{BRANCH}"] = gh.refs["heads/main"]
    gh.enforce_rules()
    assert gh.auto_closed == [1] and gh.pulls[1].state == "closed"
    _, memory, _ = bot.run()
    assert mem.rejected(memory, TextIndex(CATALOG)) == {"2503.12096": 1}  # the loss it caused


def test_updates_never_pass_through_head_equals_base(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    papers = [paper("2503.12096")]
    bot.run(papers)
    for day in range(1, 5):
        if day % 2:  # the base moves on some days: the branch is rebuilt on it
            gh.push("main", {"README.md": CATALOG + f"\nA line of day {day}.\n"})
        papers.append(paper(f"2504.0000{day}"))
        applied, _, _ = bot.run(papers[-1:])
        assert [a.action for a in applied] == ["updated"]
    assert gh.auto_closed == []
    patches = [r for r in gh.requests if r.method == "PATCH" and "/git/refs/" in r.path]
    assert [r.body["force"] for r in patches] == [True, False, True, False]  # rebuild, ff, …
    assert len(gh.open_pulls()) == 1
    assert body_ids(gh, 1) == [p.arxiv_id for p in papers]
    assert gh.file("README.md", BRANCH) == place(gh.file("README.md") or "", papers)


@pytest.mark.parametrize("crash_after", range(7))
def test_a_crash_at_any_write_of_an_update_leaves_the_pr_open(gh: FakeGitHub,
                                                               crash_after: int) -> None:
    bot = make_bot(gh)
    bot.run([paper("2503.12096")])
    gh.push("main", {"README.md": CATALOG + "\nMoved.\n"})  # the update rebuilds (forced move)
    bot.cfg = replace(bot.cfg, github=replace(bot.cfg.github, retries=0))
    gh.crash_after_writes = gh.count(writes=True) + crash_after
    with contextlib.suppress(ForgeError):
        bot.run([paper("2504.00002")])
    gh.crash_after_writes = None
    assert gh.auto_closed == [] and gh.pulls[1].state == "open"
    bot.run([paper("2504.00002")])
    assert settled(gh, [paper("2503.12096"), paper("2504.00002")]) == 1


# -- closed while the run is in flight ------------------------------------------------------------
def closing(server: FakeGitHub, number: int) -> Callable[[], None]:
    return lambda: server.close(number)


@pytest.mark.parametrize(("method", "when"), [("GET", "read"), ("PATCH", "write")])
def test_a_pr_closed_between_the_read_and_the_write_is_left_as_it_was(
    gh: FakeGitHub, method: str, when: str
) -> None:
    bot = make_bot(gh)
    bot.run([paper("2503.12096")])
    body, head = gh.pulls[1].body, gh.refs[f"heads/{BRANCH}"]
    # "read": closed just before the bot re-reads it; "write": just before the edit lands.
    gh.hooks.append(Hook(method, r"/pulls/1$", closing(gh, 1)))
    with pytest.raises(PullRequestClosed, match="closed while promptbot ran"):
        bot.run([paper("2504.00002")])
    assert gh.pulls[1].body == body  # never edited (or given its body back)
    assert gh.refs[f"heads/{BRANCH}"] == head or when == "write"
    applied, memory, _ = bot.run([paper("2504.00002")])  # the rerun
    assert mem.rejected(memory, TextIndex(CATALOG)) == {"2503.12096": 1}
    assert [(a.number, a.action) for a in applied] == [(2, "opened")]
    assert settled(gh, [paper("2504.00002")]) == 2


def test_the_pipeline_replans_at_once_when_the_pr_was_closed(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.run([paper("2503.12096")])
    gh.hooks.append(Hook("GET", r"/pulls/1$", closing(gh, 1)))
    applied = bot.run_converging([paper("2504.00002")])
    assert [(a.number, a.action) for a in applied] == [(2, "opened")]
    assert settled(gh, [paper("2504.00002")]) == 2


# -- two runs at once ---------------------------------------------------------------------------
def race(server: FakeGitHub, runs: Mapping[str, Sequence[Proposal]], meet: Hook,
         ) -> dict[str, object]:
    """Run one bot per entry in its own thread (own PyGithub client); what each returned/raised."""
    server.hooks.append(meet)
    results: dict[str, object] = {}

    def one(name: str, new: Sequence[Proposal]) -> None:
        try:
            results[name] = make_bot(server).run_converging(new)
        except PullRequestChanged as exc:
            results[name] = exc

    threads = [threading.Thread(target=one, args=item) for item in runs.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def meeting(path: str, method: str = "GET") -> Hook:
    """A hook that holds the first two matching requests until both have arrived."""
    barrier = threading.Barrier(2, timeout=10)
    return Hook(method, path, lambda: _wait(barrier), times=2)


def _wait(barrier: threading.Barrier) -> None:
    with contextlib.suppress(threading.BrokenBarrierError):
        barrier.wait()


def outcome(server: FakeGitHub, results: dict[str, object],
            papers: Mapping[str, Sequence[Proposal]]) -> None:
    """Every paper of a run that exited 0 is in the PR; a failed run says to run again."""
    ids = {i for p in server.open_pulls() for i in body_ids(server, p.number)}
    for name, result in results.items():
        if isinstance(result, Exception):
            assert "another run changed the pull request" in str(result)
            continue
        assert isinstance(result, tuple) and all(isinstance(a, Applied) for a in result)
        assert {p.arxiv_id for p in papers[name]} <= ids, name
    assert any(not isinstance(r, Exception) for r in results.values())


@pytest.mark.parametrize("round_", range(3))
def test_two_runs_updating_at_once_lose_no_paper(gh: FakeGitHub, round_: int) -> None:
    make_bot(gh).run([paper("2503.12096")])
    papers = {"cron": [paper("2504.00001")], "dispatch": [paper("2504.00002")]}
    # Both re-read PR #1 before either writes: the worst moment for a race.
    results = race(gh, papers, meeting(r"/pulls/1$"))
    outcome(gh, results, papers)
    make_bot(gh).run([*papers["cron"], *papers["dispatch"]])  # the rerun
    settled(gh, [paper("2503.12096"), paper("2504.00001"), paper("2504.00002")])
    assert gh.auto_closed == []


@pytest.mark.parametrize("round_", range(3))
def test_two_runs_opening_the_first_pr_at_once_end_with_one_pr(gh: FakeGitHub,
                                                               round_: int) -> None:
    papers = {"cron": [paper("2504.00001")], "dispatch": [paper("2504.00002")]}
    meet = meeting(rf"/git/ref/heads/{BRANCH}$")
    results = race(gh, papers, meet)
    assert meet.times == 0  # both runs were held at the same read: the race really happened
    assert sorted(results) == ["cron", "dispatch"]  # both ended, neither hung
    outcome(gh, results, papers)
    assert len(gh.open_pulls()) == 1  # one pull request opened, not one per run
    make_bot(gh).run([*papers["cron"], *papers["dispatch"]])
    number = settled(gh, [paper("2504.00001"), paper("2504.00002")])
    assert list(gh.pulls) == [number]  # no second PR was ever opened (and closed) on the way
    assert gh.auto_closed == []


# -- transient server errors ------------------------------------------------------------------
def test_transient_5xx_on_every_kind_of_write_are_retried_and_logged(
    gh: FakeGitHub, caplog: pytest.LogCaptureFixture
) -> None:
    bot = make_bot(gh)
    for method, path in [("POST", "/git/trees$"), ("POST", "/git/commits$"),
                         ("POST", "/git/refs$"), ("POST", "/pulls$"), ("POST", "/labels$"),
                         ("POST", "/issues/1/labels$")]:
        gh.faults.append(Fault(502, method, path, body={"message": "Bad Gateway"}))
    bot.run([paper("2503.12096")])
    for method, path in [("GET", "/pulls/1$"), ("PATCH", "/pulls/1$"), ("PATCH", "/git/refs/"),
                         ("GET", "/git/commits/")]:
        gh.faults.append(Fault(503, method, path, body={"message": "Unavailable"}))
    bot.run([paper("2504.00002")])
    assert settled(gh, [paper("2503.12096"), paper("2504.00002")]) == 1
    assert len(gh.pulls) == 1 and gh.pulls[1].labels == ["promptbot"]
    retried = [r for r in caplog.records if "retrying" in r.getMessage()]
    assert len(retried) == 10
    assert "POST /api/v3/repos/" in retried[0].getMessage() and "502" in retried[0].getMessage()


# -- paper text in titles, commit messages and branch names ------------------------------------
def test_paper_text_never_becomes_a_reference_in_titles_commits_or_branches(
    gh: FakeGitHub,
) -> None:
    bot = make_bot(gh, mode="per-paper", title="{title}")
    hostile = paper("2503.12096", "fixes #1 closes owner/awesome#2 cc @octocat GH-3\u200b\x07")
    odd = replace(paper("2504.00002"), arxiv_id="2504.00002 @x#4\n")
    bot.run([hostile, odd])
    pulls = sorted(gh.pulls.values(), key=lambda p: p.number)
    messages = [c.message for c in gh.commits.values() if c.login == "promptbot"]
    for text in [*(p.title for p in pulls), *messages, *(p.head for p in pulls)]:
        assert not re.search(r"#\d|@[A-Za-z0-9]|(?<![a-z0-9])GH-\d|[\x00-\x1f\u200b]", text), text
    assert pulls[0].title.startswith(
        "Add “fixes \uff031 closes owner/awesome\uff032 cc \uff20octocat")
    assert [p.head for p in pulls] == ["promptbot/2503.12096", "promptbot/2504.00002-x-4"]


# -- labels, reviewers, assignees -------------------------------------------------------------
def test_a_failed_label_write_is_repaired_but_a_removed_label_stays_removed(
    gh: FakeGitHub,
) -> None:
    bot = make_bot(gh, assignees=("maintainer",))
    bot.cfg = replace(bot.cfg, github=replace(bot.cfg.github, retries=0))
    gh.faults.append(Fault(502, "POST", "/issues/1/labels$", body={"message": "Bad Gateway"}))
    with pytest.raises(ForgeError, match="502"):
        bot.run([paper("2503.12096")])
    assert gh.pulls[1].labels == [] and gh.pulls[1].assignees == ["maintainer"]
    applied, _, _ = bot.run()  # nothing new, but the label is missing by accident
    assert [a.action for a in applied] == ["updated"]  # the label (created once, then 422)
    assert gh.pulls[1].labels == ["promptbot"]
    gh.unlabel(1, "promptbot")
    gh.unassign(1, "maintainer")
    writes = gh.count(writes=True)
    applied, _, _ = bot.run()  # removed on purpose: left removed, nothing written
    assert [(a.action, a.writes) for a in applied] == [("unchanged", 0)]
    assert gh.count(writes=True) == writes and gh.pulls[1].labels == []
    assert gh.pulls[1].assignees == []
    applied, _, _ = bot.run([paper("2504.00002")])  # and stays so when the PR is updated
    assert gh.pulls[1].labels == [] and body_ids(gh, 1) == ["2503.12096", "2504.00002"]


# -- two real processes: `promptbot run` twice at once, each with its own papers ---------------
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "arxiv-2025-07-01.xml"
LIST = (ROOT / "examples" / "awesome-prompt-learning-cv.md").read_text(encoding="utf-8")
SEED, CRON, DISPATCH = ["2506.22819"], ["2506.22908", "2506.22979"], ["2506.23785", "2506.23283"]
ATOM = "{http://www.w3.org/2005/Atom}"


def feed_of(ids: Sequence[str], path: Path) -> str:
    """The example feed without the relevant papers of the other runs (each run its own)."""
    others = {*SEED, *CRON, *DISPATCH} - set(ids)
    for prefix, uri in (("", ATOM[1:-1]), ("arxiv", "http://arxiv.org/schemas/atom"),
                        ("opensearch", "http://a9.com/-/spec/opensearch/1.1/")):
        ET.register_namespace(prefix, uri)
    tree = ET.parse(EXAMPLE)
    root = tree.getroot()
    for entry in root.findall(f"{ATOM}entry"):
        if entry.findtext(f"{ATOM}id", "").rsplit("/", 1)[-1].split("v")[0] in others:
            root.remove(entry)
    tree.write(path, xml_declaration=True, encoding="UTF-8")
    return str(path)


def test_two_promptbot_processes_at_once_never_both_succeed_with_a_paper_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    with FakeGitHub(REPO, {"README.md": LIST}) as server:
        config = tmp_path / "config.toml"
        config.write_text(f'[catalog]\nrepo = "{REPO}"\n[github]\napi_url = "{server.api_url}"\n'
                          "retries = 1\n[enrich]\nenabled = false\n", encoding="utf-8")
        env = {**os.environ, "PROMPTBOT_CONFIG": str(config), "PROMPTBOT_TOKEN": TOKEN,
               "PYTHONPATH": str(ROOT / "src"), "GITHUB_TOKEN": ""}
        for key in ("PROMPTBOT_CONFIG", "PROMPTBOT_TOKEN", "GITHUB_TOKEN"):
            monkeypatch.setenv(key, env[key])
        # The runs before and after are in this process, without PyGithub's real-time pacing.
        monkeypatch.setattr(runner, "build_forge", lambda args, cfg: GitHubForge(
            cfg, TOKEN, sleep=lambda s: None, paced=False))
        assert cli.main(["-q", "run", "--feed", feed_of(SEED, tmp_path / "seed.xml")]) == 0
        # Both processes re-read PR #1 before either writes: the worst moment.
        server.hooks.append(meeting(r"/pulls/1$"))
        command = [sys.executable, "-m", "promptbot", "-q", "run", "--feed"]
        runs = {name: subprocess.Popen([*command, feed_of(ids, tmp_path / f"{name}.xml")],
                                       env=env, stderr=subprocess.PIPE, text=True)
                for name, ids in (("cron", CRON), ("dispatch", DISPATCH))}
        done = {name: (p.wait(timeout=180), p.stderr.read() if p.stderr else "")
                for name, p in runs.items()}
        recorded_ids = set(body_ids(server, 1))
        for name, ids in (("cron", CRON), ("dispatch", DISPATCH)):
            code, err = done[name]
            if code == 0:
                assert set(ids) <= recorded_ids, (name, err)
            else:
                assert "another run changed the pull request" in err, err
        assert cli.main(["-q", "run", "--feed", str(EXAMPLE)]) == 0  # the next run
        assert {*SEED, *CRON, *DISPATCH} <= set(body_ids(server, 1))
        assert len(server.open_pulls()) == 1 and server.auto_closed == []
        assert validate(server.requests) == len(server.requests)


def test_a_pr_head_that_lags_behind_its_branch_is_not_mistaken_for_another_run(
    gh: FakeGitHub, monkeypatch: pytest.MonkeyPatch,
) -> None:
    bot = make_bot(gh)
    bot.run([paper("2503.12096")])
    gh.push("main", {"README.md": CATALOG + "\nMoved.\n"})
    stale = gh.refs[f"heads/{BRANCH}"]
    real_pull = github_server._pull

    def lagging(server: FakeGitHub, p: Any, full: bool) -> Any:
        data = real_pull(server, p, full)
        data["head"]["sha"] = stale  # GitHub has not caught up with the branch yet
        return data

    monkeypatch.setattr(github_server, "_pull", lagging)
    applied, _, _ = bot.run([paper("2504.00002")])
    assert [a.action for a in applied] == ["updated"]
    assert gh.refs[f"heads/{BRANCH}"] != stale


def test_a_failed_review_request_is_repaired_but_a_reviewer_who_reviewed_is_not_asked_again(
    gh: FakeGitHub,
) -> None:
    bot = make_bot(gh, reviewers=("maintainer",))
    bot.cfg = replace(bot.cfg, github=replace(bot.cfg.github, retries=0))
    gh.faults.append(Fault(502, "POST", "/requested_reviewers$", body={"message": "Bad Gateway"}))
    with pytest.raises(ForgeError, match="502"):
        bot.run([paper("2503.12096")])
    assert gh.pulls[1].reviewers == []
    bot.run()
    assert gh.pulls[1].reviewers == ["maintainer"]
    gh.review(1, "maintainer")
    start = len(gh.requests)
    applied, _, _ = bot.run([paper("2504.00002")])
    assert [a.action for a in applied] == ["updated"]
    assert gh.pulls[1].reviewers == []  # not asked again
    assert not [r for r in gh.requests[start:] if r.path.endswith("/requested_reviewers")]


def test_papers_on_the_branch_that_an_overwritten_body_lost_are_recovered(
    gh: FakeGitHub,
) -> None:
    bot = make_bot(gh)
    a, b = paper("2504.00001"), paper("2504.00002")
    bot.run([paper("2503.12096"), a])
    # What an overlapping run can do: its body (without `a`) lands after this run finished.
    (clobbered,) = prm.plan_pull_requests(CATALOG, [paper("2503.12096"), b], Memory(), bot.cfg,
                                          place=place)
    gh.pulls[1].body = clobbered.body
    assert "2504.00001" not in body_ids(gh, 1)
    applied, _, _ = bot.run()  # the next run reads `a` back from the branch
    assert [a_.action for a_ in applied] == ["updated"]
    assert sorted(body_ids(gh, 1)) == ["2503.12096", "2504.00001", "2504.00002"]
    recorded = read_proposals(gh.pulls[1].body or "")
    (recovered,) = [p for p in recorded if p.arxiv_id == a.arxiv_id]
    assert (recovered.entry, recovered.section) == (a.entry, "Prompt Learning(arxiv): *Updating"
                                                              " by Jiajia Zhang*")
    settled(gh, [paper("2503.12096"), a, b])
