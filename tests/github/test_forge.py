"""GitHubForge against a stateful GitHub REST server on 127.0.0.1, with the real PyGithub client.

Every scenario's traffic is validated against GitHub's OpenAPI description (a slice in
tests/data/github/) when the test ends. The harness is in tests/forge_harness.py.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import time
from dataclasses import replace
from typing import Any

import pytest
from forge_harness import (
    CATALOG,
    DATA,
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
from github_server import FakeGitHub, Fault

from promptbot.errors import CatalogError, ForgeError, PullRequestChanged, UsageError
from promptbot.github import memory as mem
from promptbot.github import pull_request as prm
from promptbot.github.forge import BaseMoved, token_from_env
from promptbot.github.pull_request_text import read_proposals, render_body
from promptbot.models import Memory, Update

__all__ = ["gh"]  # the fixture


# -- the scenarios ---------------------------------------------------------------------------------
def test_first_pr_opens_one_labelled_pull_request(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    applied, memory, calls = bot.run([paper("2503.12096"), paper("2503.00001")])
    assert memory == Memory()
    assert [(a.number, a.action) for a in applied] == [(1, "opened")]
    pull = gh.pulls[1]
    assert (pull.head, pull.base, pull.labels) == ("promptbot/new-papers", "main", ["promptbot"])
    assert gh.labels["promptbot"] == ("promptbot", "0e8a16")
    assert body_ids(gh, 1) == ["2503.12096", "2503.00001"]
    assert gh.file("README.md", "promptbot/new-papers") == place(CATALOG, [paper("2503.12096"),
                                                                        paper("2503.00001")])
    assert gh.file("README.md") == CATALOG  # the base is untouched
    head = gh.commits[gh.refs["heads/promptbot/new-papers"]]
    assert head.parents == (gh.refs["heads/main"],)
    assert head.author == ("promptbot", "promptbot@users.noreply.github.com")
    # tree, commit, ref, PR, label, PR labels
    assert applied[0].writes == gh.count(writes=True) == 6
    print(f"first PR: {calls} API calls, {applied[0].writes} writes")


def test_rerun_with_nothing_new_makes_no_write(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.run([paper("2503.12096")], abstracts={"2503.12096": "We prompt @someone's CLIP."})
    writes = gh.count(writes=True)
    applied, _, calls = bot.run()
    assert [(a.number, a.action, a.writes) for a in applied] == [(1, "unchanged", 0)]
    assert gh.count(writes=True) == writes
    # base ref, catalog, pull requests, the PR's commits, the branch's catalog
    assert calls <= 5, calls
    print(f"nothing new: {calls} API calls, 0 writes")


def test_rerun_with_new_papers_updates_the_same_pr(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.run([paper("2503.12096")], abstracts={"2503.12096": "First abstract."})
    before = gh.count(writes=True)
    applied, _, calls = bot.run([paper("2503.00001")])
    assert [(a.number, a.action) for a in applied] == [(1, "updated")]
    assert len(gh.pulls) == 1 and body_ids(gh, 1) == ["2503.12096", "2503.00001"]
    assert "First abstract." in (gh.pulls[1].body or "")  # kept from the marker
    assert gh.file("README.md", "promptbot/new-papers") == place(
        CATALOG, [paper("2503.12096"), paper("2503.00001")])
    assert calls <= 16, calls
    print(f"update with new papers: {calls} API calls, {gh.count(writes=True) - before} writes")


def test_closed_pr_papers_are_rejected_and_never_proposed_again(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.run([paper("2503.12096")])
    gh.close(1)
    applied, memory, _ = bot.run([paper("2503.12096")])
    assert applied == ()
    assert mem.rejected(memory, TextIndex(CATALOG)) == {"2503.12096": 1}
    applied, _, _ = bot.run([paper("2503.12096"), paper("2504.00002")])
    assert [(a.number, a.action) for a in applied] == [(2, "opened")]
    assert body_ids(gh, 2) == ["2504.00002"]
    assert gh.pulls[2].head == "promptbot/new-papers"  # the branch name is reused, rebuilt


def test_merged_after_deleting_a_line_rejects_that_paper(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    a, b = paper("2503.12096"), paper("2503.00001")
    bot.run([a, b])
    edited = gh.file("README.md", "promptbot/new-papers") or ""
    gh.push("promptbot/new-papers", {"README.md": edited.replace(b.entry + "\n", "")})
    gh.merge(1)
    applied, memory, _ = bot.run([a, b])
    assert applied == ()
    text = gh.file("README.md") or ""
    assert mem.rejected(memory, TextIndex(text)) == {"2503.00001": 1}
    assert mem.pending(memory) == {}


def test_the_updates_a_pr_body_records_are_read_once_onto_the_pull_request(
        gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.run([paper("2503.12096")])
    update = Update("2304.07221", 2, "* old line", "* new line", "Published", "Preprint")
    gh.pulls[1].body = render_body(read_proposals(gh.pulls[1].body or ""),
                                   catalog_path="README.md", updates=(update,))
    (pr,) = bot.forge().read_memory().pull_requests
    assert pr.updates == (update,)
    assert [p.arxiv_id for p in pr.proposals] == ["2503.12096"]

def test_maintainer_push_leaves_the_pr_alone_and_opens_a_new_one(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.run([paper("2503.12096")])
    edited = (gh.file("README.md", "promptbot/new-papers") or "").replace("Paper 2503", "P. 2503")
    gh.push("promptbot/new-papers", {"README.md": edited})
    head, body = gh.refs["heads/promptbot/new-papers"], gh.pulls[1].body
    applied, memory, _ = bot.run([paper("2503.12096"), paper("2504.00002")])
    assert memory.pull_requests[0].foreign_commits
    assert [(a.number, a.action) for a in applied] == [(2, "opened")]
    assert gh.refs["heads/promptbot/new-papers"] == head and gh.pulls[1].body == body
    assert gh.pulls[2].head == "promptbot/new-papers-2"
    assert body_ids(gh, 2) == ["2504.00002"]  # the pending paper stays with #1
    assert "#\u200d1 was changed by someone else" in (gh.pulls[2].body or "")
    notes = prm.explain(CATALOG, [], memory, bot.cfg)
    assert notes and "leaves it alone" in notes[0]
    applied, _, _ = bot.run()
    assert [(a.number, a.action) for a in applied] == [(2, "unchanged")]


def test_base_changed_between_runs_rebuilds_on_the_new_base(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.run([paper("2503.12096")])
    changed = CATALOG.replace("# Papers\n", "# Papers\nA line the maintainer added.\n")
    gh.push("main", {"README.md": changed})
    applied, _, _ = bot.run([paper("2504.00002")])
    assert [(a.number, a.action) for a in applied] == [(1, "updated")]
    assert gh.file("README.md", "promptbot/new-papers") == place(
        changed, [paper("2503.12096"), paper("2504.00002")])
    head = gh.commits[gh.refs["heads/promptbot/new-papers"]]
    assert head.parents == (gh.refs["heads/main"],)  # no conflict possible: one commit on base


def test_base_changed_during_the_run_is_reported_then_converges(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.run([paper("2503.12096")])
    forge = bot.forge()
    text = forge.read_catalog().text
    memory = forge.read_memory()
    plans = prm.plan_pull_requests(text, [paper("2504.00002")], memory, bot.cfg, place=place)
    changed = CATALOG.replace("# Papers\n", "# Papers\nNew line.\n")
    gh.push("main", {"README.md": changed})
    with pytest.raises(BaseMoved, match="main moved while promptbot ran"):
        forge.apply(plans[0])
    bot.run()
    assert body_ids(gh, 1) == ["2503.12096", "2504.00002"]  # recorded before the branch moved
    assert gh.file("README.md", "promptbot/new-papers") == place(
        changed, [paper("2503.12096"), paper("2504.00002")])
    head = gh.commits[gh.refs["heads/promptbot/new-papers"]]
    assert head.parents == (gh.refs["heads/main"],)  # rebuilt as one commit on the new base
    assert gh.auto_closed == [] and len(gh.open_pulls()) == 1


@pytest.mark.parametrize("crash_after", [0, 1, 2, 3, 4, 5])
def test_a_crash_while_opening_converges_to_one_pr(gh: FakeGitHub, crash_after: int) -> None:
    bot = make_bot(gh, labels=("promptbot",))
    bot.cfg = replace(bot.cfg, github=replace(bot.cfg.github, retries=0))
    gh.crash_after_writes = crash_after
    with pytest.raises(ForgeError, match="503"):
        bot.run([paper("2503.12096")])
    gh.crash_after_writes = None
    bot.run([paper("2503.12096")])
    assert len(gh.open_pulls()) == 1
    number = gh.open_pulls()[0].number
    assert body_ids(gh, number) == ["2503.12096"]
    assert gh.file("README.md", "promptbot/new-papers") == place(CATALOG, [paper("2503.12096")])
    assert gh.pulls[number].labels == ["promptbot"]  # a failed label write is repaired
    applied, _, _ = bot.run()
    assert applied[0].action == "unchanged"


@pytest.mark.parametrize("crash_after", [0, 1, 2])
def test_a_crash_while_updating_loses_no_pending_paper(gh: FakeGitHub, crash_after: int) -> None:
    bot = make_bot(gh)
    bot.run([paper("2503.12096")])
    bot.cfg = replace(bot.cfg, github=replace(bot.cfg.github, retries=0))
    gh.crash_after_writes = gh.count(writes=True) + crash_after
    with pytest.raises(ForgeError, match="503"):
        bot.run([paper("2504.00002")])
    gh.crash_after_writes = None
    # Papers recorded in the body survive even if arXiv does not return them again.
    again = [] if crash_after >= 1 else [paper("2504.00002")]
    bot.run(again)
    assert len(gh.pulls) == 1 and body_ids(gh, 1) == ["2503.12096", "2504.00002"]
    assert gh.file("README.md", "promptbot/new-papers") == place(
        CATALOG, [paper("2503.12096"), paper("2504.00002")])


def test_an_existing_pr_on_the_branch_is_adopted_not_duplicated(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.run([paper("2503.12096")])
    forge = bot.forge()
    text = forge.read_catalog().text
    # A plan made without seeing PR #1 (another run opened it meanwhile) would drop its paper.
    plans = prm.plan_pull_requests(text, [paper("2504.00002")], Memory(), bot.cfg, place=place)
    with pytest.raises(PullRequestChanged, match="another run changed the pull request"):
        forge.apply(plans[0])
    bot.run([paper("2504.00002")])  # the re-plan sees #1 and adds to it
    assert len(gh.pulls) == 1 and body_ids(gh, 1) == ["2503.12096", "2504.00002"]
    assert gh.file("README.md", "promptbot/new-papers") == place(
        CATALOG, [paper("2503.12096"), paper("2504.00002")])
    plans = prm.plan_pull_requests(text, [paper("2503.12096"), paper("2504.00002")], Memory(),
                                   bot.cfg, place=place)
    applied = bot.forge().apply(plans[0])  # holds everything #1 holds: adopted
    assert (applied.number, len(gh.pulls)) == (1, 1)


def test_already_exists_with_no_open_pr_is_one_clear_error(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    gh.faults.append(Fault(422, "POST", "/pulls$", body={
        "message": "Validation Failed",
        "errors": [{"message": "A pull request already exists for BWLONG:promptbot/new-papers."}]}))
    with pytest.raises(ForgeError, match=r"^GitHub: a pull request from promptbot/new-papers "
                                         r"already exists but none is open now; run again$"):
        bot.run([paper("2503.12096")])
    bot.run([paper("2503.12096")])  # the next run converges
    assert len(gh.pulls) == 1


def test_per_paper_mode_respects_max_open(gh: FakeGitHub) -> None:
    bot = make_bot(gh, mode="per-paper", max_open=2)
    new = [paper("2503.12096"), paper("2503.00001"), paper("2504.00002")]
    applied, _, _ = bot.run(new)
    assert [a.action for a in applied] == ["opened", "opened"]
    assert sorted(p.head for p in gh.open_pulls()) == ["promptbot/2503.00001",
                                                       "promptbot/2503.12096"]
    writes = gh.count(writes=True)
    applied, memory, _ = bot.run(new)
    assert [a.action for a in applied] == ["unchanged", "unchanged"]
    assert gh.count(writes=True) == writes
    assert "wait for a free slot" in prm.explain(CATALOG, new, memory, bot.cfg)[0]
    gh.merge(1)
    applied, _, _ = bot.run(new)
    assert [a.action for a in applied] == ["updated", "opened"]  # #2 rebuilt on the new base
    assert gh.pulls[3].head == "promptbot/2504.00002"
    assert gh.pulls[3].title.startswith("Add “Paper 2504.00002”")


# -- faults ----------------------------------------------------------------------------------------
def test_primary_rate_limit_waits_until_the_reset(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.slept = []
    reset = int(time.time()) + 30
    gh.faults.append(Fault(403, "GET", "/pulls$", body={
        "message": "API rate limit exceeded for user ID 1.", "documentation_url": "x"},
        headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(reset)}))
    bot.run([paper("2503.12096")])
    assert len(bot.slept) == 1 and 25 <= bot.slept[0] <= 32
    assert len(gh.pulls) == 1


def test_retry_after_is_honoured_for_429_and_secondary_limits(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.slept = []
    gh.faults.append(Fault(429, "GET", "/contents/", headers={"Retry-After": "7"},
                           body={"message": "Too many requests"}))
    gh.faults.append(Fault(403, "POST", "/pulls$", headers={"Retry-After": "11"}, body={
        "message": "You have exceeded a secondary rate limit. Please wait a few minutes"
                   " before you try again."}))
    bot.run([paper("2503.12096")])
    assert bot.slept == [7, 11]
    assert len(gh.pulls) == 1


def test_a_rate_limit_beyond_the_bound_stops_with_a_clear_error(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.slept = []
    gh.faults.append(Fault(403, "GET", "/contents/", body={"message": "API rate limit exceeded"},
                           headers={"X-RateLimit-Remaining": "0",
                                    "X-RateLimit-Reset": str(int(time.time()) + 3600)}))
    with pytest.raises(ForgeError, match=r"rate limit .*max_rate_limit_wait_seconds = 60"):
        bot.run()
    assert bot.slept == []


def test_server_errors_are_retried_by_pygithub(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.slept = []
    gh.faults.append(Fault(502, "POST", "/git/trees", body={"message": "Bad Gateway"}))
    gh.faults.append(Fault(503, "PATCH", "/pulls/", body={"message": "Unavailable"}))
    gh.faults.append(Fault(502, "POST", "/labels$", body={"message": "Bad Gateway"}))
    applied, _, _ = bot.run([paper("2503.12096")])
    assert applied[0].action == "opened"
    assert [r.status for r in gh.requests if r.path.endswith("/git/trees")] == [502, 201]
    applied, _, _ = bot.run([paper("2504.00002")])  # the body edit is retried too
    assert [r.status for r in gh.requests if r.method == "PATCH" and "/pulls/" in r.path] == [
        503, 200]
    assert body_ids(gh, 1) == ["2503.12096", "2504.00002"]


def test_persistent_server_errors_become_one_forge_error(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    gh.faults.append(Fault(502, "GET", "/contents/", body={"message": "Bad Gateway"}, times=9))
    with pytest.raises(ForgeError) as err:
        bot.run()
    assert str(err.value) == f"GitHub: 502 Bad Gateway reading {REPO}:README.md@main"
    assert sum(1 for r in gh.requests if r.status == 502) == 3  # 1 + retries


def test_a_retry_after_beyond_the_bound_stops_without_sleeping(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.slept = []
    gh.faults.append(Fault(429, "GET", "/pulls$", headers={"Retry-After": "3600"},
                           body={"message": "Too many requests"}))
    with pytest.raises(ForgeError, match="resets in 3600 s, more than"):
        bot.run()
    assert bot.slept == []


def test_an_unreachable_github_is_one_clear_error() -> None:
    with FakeGitHub(REPO, {"README.md": CATALOG}) as server:
        url = server.api_url
    bot = make_bot(server)
    bot.cfg = replace(bot.cfg, github=replace(bot.cfg.github, api_url=url, retries=1))
    with pytest.raises(ForgeError, match=f"^GitHub: cannot reach {re.escape(url)} while reading"):
        bot.forge().read_catalog()


def test_a_catalog_over_one_megabyte_is_read_through_the_blob_api() -> None:
    text = CATALOG + "".join(f"* filler line {i} of a very long list\n" for i in range(40_000))
    assert len(text.encode()) > 1_000_000
    with FakeGitHub(REPO, {"README.md": text}) as server:
        bot = make_bot(server)
        assert bot.forge().read_catalog().text == text
        assert [r.path.rsplit("/", 2)[-2] for r in server.requests] == ["heads", "contents",
                                                                          "blobs"]
        applied, _, _ = bot.run([paper("2503.12096")])
        assert applied[0].action == "opened"
        assert validate(server.requests) == len(server.requests)


def test_missing_catalog_is_a_clear_error(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.cfg = replace(bot.cfg, catalog=replace(bot.cfg.catalog, path="NOPE.md"))
    with pytest.raises(ForgeError, match=f"^GitHub: 404 Not Found reading {REPO}:NOPE.md@main"
                                         r" \(check \[catalog\]\.repo, \.path and \.branch\)$"):
        bot.forge().read_catalog()


def test_a_private_repository_without_token_gets_a_hint(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.token = None
    gh.faults.append(Fault(404, "GET", "/pulls$", body={"message": "Not Found"}))
    with pytest.raises(ForgeError, match=r"404 Not Found .*needs a token: set PROMPTBOT_TOKEN"):
        bot.forge().read_memory()


def test_refused_write_names_the_step_and_hides_the_token(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    gh.faults.append(Fault(403, "POST", "/git/refs", body={
        "message": "Resource not accessible by integration", "documentation_url": "x"}))
    with pytest.raises(ForgeError) as err:
        bot.run([paper("2503.12096")])
    text = str(err.value)
    assert text.startswith("GitHub: 403 Forbidden (Resource not accessible by integration)")
    assert "promptbot/new-papers" in text and TOKEN not in text


# -- auth, encodings, enterprise -----------------------------------------------------------------
def test_reading_needs_no_token_but_a_real_run_does(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    bot.token = None
    forge = bot.forge()
    assert forge.read_catalog().text == CATALOG
    plans = prm.plan_pull_requests(CATALOG, [paper("2503.12096")], forge.read_memory(), bot.cfg,
                                   place=place)
    with pytest.raises(UsageError, match="needs a token: set PROMPTBOT_TOKEN"):
        forge.apply(plans[0])
    with pytest.raises(UsageError, match="needs a token"):
        forge.require_write_access()
    assert gh.count(writes=True) == 0


def test_token_from_env_prefers_promptbot_token() -> None:
    assert token_from_env({"GITHUB_TOKEN": "a", "PROMPTBOT_TOKEN": "b"}) == "b"
    assert token_from_env({"GITHUB_TOKEN": "a", "PROMPTBOT_TOKEN": " "}) == "a"
    assert token_from_env({}) is None


def test_crlf_and_non_ascii_survive_the_round_trip() -> None:
    text = CATALOG.replace("\n", "\r\n") + "* **?**: Ünïcode 『title』\r\n"
    with FakeGitHub(REPO, {"README.md": text}, prefix="") as server:
        bot = make_bot(server)
        catalog = bot.forge().read_catalog()
        assert catalog.text == text and catalog.sha == server.commits[
            server.refs["heads/main"]].tree["README.md"]
        bot.run([paper("2503.12096")])
        assert server.file("README.md", "promptbot/new-papers") == place(text,
                                                                          [paper("2503.12096")])


# -- the server against GitHub's recorded conversations (@octokit/fixtures) ------------------------
FIXTURES = DATA / "octokit-fixtures"


def recorded(name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((FIXTURES / f"{name}.json").read_text())
    return data


def replay(server: FakeGitHub, rec: dict[str, Any]) -> tuple[int, Any]:
    """Send a recorded request to the fake server; its status and JSON reply."""
    import urllib.error
    import urllib.request

    body = json.dumps(rec["body"]).encode() if rec["body"] else None
    req = urllib.request.Request(server.api_url + rec["path"], data=body,
                                 method=rec["method"].upper(),
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def same_shape(ours: dict[str, Any], theirs: dict[str, Any], *fields: str) -> None:
    assert set(ours) == set(theirs), set(ours) ^ set(theirs)
    for name in fields:
        assert ours[name] == theirs[name], name


def test_put_contents_matches_the_recorded_create_file() -> None:
    rec = recorded("create-file")[0]
    with FakeGitHub("octokit-fixture-org/create-file", {}, prefix="") as server:
        status, reply = replay(server, rec)
        assert server.file("test.txt") == "Test content"
        assert validate(server.requests) == 1
    assert status == rec["status"] == 201
    same_shape(reply["content"], rec["response"]["content"], "name", "path", "sha", "size",
               "type")
    assert set(rec["response"]["commit"]) <= set(reply["commit"])
    assert reply["commit"]["message"] == rec["response"]["commit"]["message"]


def test_get_contents_matches_the_recorded_listing() -> None:
    listing = recorded("get-content")[0]["response"]
    item = next(i for i in listing if i["name"] == "README.md")
    with FakeGitHub("octokit-fixture-org/hello-world", {"README.md": "# hello-world"},
                    prefix="") as server:
        status, reply = replay(server, {"method": "get", "body": "",
                                        "path": "/repos/octokit-fixture-org/hello-world/contents/"
                                                "README.md"})
        assert validate(server.requests) == 1
    assert status == 200
    assert set(item) <= set(reply) and reply["encoding"] == "base64"
    assert (reply["sha"], reply["size"], reply["type"]) == (item["sha"], item["size"], "file")


def test_git_refs_match_the_recorded_create_and_update() -> None:
    recs = [r for r in recorded("git-refs") if r["method"] in ("post", "patch")]
    one, two = "0" * 39 + "1", "0" * 39 + "2"
    with FakeGitHub("octokit-fixture-org/git-refs", {}, prefix="") as server:
        server.seed_commit(two)
        server.seed_commit(one, (two,))  # the recorded update is a fast-forward from 2 to 1
        for rec in recs:
            status, reply = replay(server, rec)
            assert status == rec["status"]
            same_shape(reply, rec["response"], "ref")
            assert reply["object"]["sha"] == rec["response"]["object"]["sha"]
            assert set(reply["object"]) == set(rec["response"]["object"])
        status, reply = replay(server, recs[0])  # creating it again: GitHub says 422
        assert (status, reply["message"]) == (422, "Reference already exists")
        assert validate(server.requests) == 3


def test_labels_match_the_recorded_create_error_and_add() -> None:
    created = next(r for r in recorded("labels") if r["method"] == "post")
    invalid = recorded("errors")[0]
    added = recorded("add-labels-to-issue")[1]
    with FakeGitHub("octokit-fixture-org/labels", {}, prefix="") as server:
        status, reply = replay(server, created)
        assert status == created["status"] == 201
        same_shape(reply, created["response"], "name", "color", "default", "description")
        status, reply = replay(server, {**invalid, "path": invalid["path"].replace("errors",
                                                                                    "labels")})
        assert status == invalid["status"] == 422
        assert reply["message"] == invalid["response"]["message"]
        assert reply["errors"] == invalid["response"]["errors"]
        assert validate(server.requests) == 2
    with FakeGitHub("octokit-fixture-org/add-labels-to-issue", {}, prefix="") as server:
        server.push("topic", {"a.txt": "a"})
        replay(server, {"method": "post", "path": "/repos/octokit-fixture-org/add-labels-to-issue"
                        "/pulls", "body": {"title": "t", "head": "topic", "base": "main"}})
        status, reply = replay(server, added)
        assert status == added["status"] == 200
        assert [(x["name"], x["color"]) for x in reply] == [
            (x["name"], x["color"]) for x in added["response"]]
        for ours, theirs in zip(reply, added["response"], strict=True):
            same_shape(ours, theirs, "name", "default", "description")
        assert validate(server.requests) == 2


def test_a_token_echoed_by_the_server_never_reaches_the_error_or_the_logs(
    gh: FakeGitHub, caplog: pytest.LogCaptureFixture
) -> None:
    # A proxy or a misbehaving Enterprise server may quote the request's headers in its answer;
    # PyGithub copies that body into its exception.
    caplog.set_level(logging.DEBUG)
    bot = make_bot(gh)
    gh.faults.append(Fault(401, "GET", "/contents/", body={
        "message": f"Bad credentials (Authorization: token {TOKEN})",
        "errors": [{"message": f"token {TOKEN} is revoked"}]}))
    with pytest.raises(ForgeError) as err:
        bot.forge().read_catalog()
    assert str(err.value).startswith("GitHub: 401 Unauthorized (Bad credentials (Authorization:")
    assert TOKEN not in str(err.value) and "token ***" in str(err.value)
    assert gh.requests[-1].authorization == f"token {TOKEN}"  # the token was really sent
    assert TOKEN not in caplog.text


def test_a_redirect_to_another_host_is_a_forge_error(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    gh.faults.append(Fault(301, "GET", "/contents/",
                           headers={"Location": "https://elsewhere.invalid/api/v3/x"}))
    with pytest.raises(ForgeError, match=r"^GitHub: .*redirected.*\[github\]\.api_url"):
        bot.forge().read_catalog()



def test_a_catalog_that_is_not_utf8_is_a_catalog_error_naming_the_file(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    data = base64.b64encode(b"# List\n\xff\n").decode()
    gh.faults.append(Fault(200, "GET", "/contents/", body={
        "type": "file", "encoding": "base64", "size": 8, "name": "README.md", "path": "README.md",
        "content": data, "sha": "0" * 40}))
    with pytest.raises(CatalogError, match=f"^reading {REPO}:README.md@main: not UTF-8 text"
                                           r" \(byte 7\)$"):
        bot.forge().read_catalog()
