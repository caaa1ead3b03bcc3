"""GitHub's 65,536-character limit on a PR body, on the stateful server with real papers.

A backfill and a week nobody reviews: every body stays within the limit (the server refuses
longer ones, as GitHub does), a full PR stops growing, later papers go to a continuation PR, and
every paper is recorded in exactly one PR's memory.
"""

from __future__ import annotations

from collections import Counter

from forge_harness import CATALOG, body_ids, gh, make_bot, place, real_papers
from github_server import BODY_LIMIT, FakeGitHub

from promptbot.config import Config
from promptbot.github import pull_request as prm
from promptbot.github import pull_request_text as prt
from promptbot.github.pull_request_text import read_proposals
from promptbot.models import Memory

__all__ = ["gh"]  # the fixture


def recorded(server: FakeGitHub) -> Counter[str]:
    """How many open PRs' memories record each arXiv id."""
    return Counter(i for p in server.open_pulls() for i in body_ids(server, p.number))


def test_a_300_paper_backfill_opens_continuation_prs_that_fit(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    papers, abstracts = real_papers(300)
    start = len(gh.requests)
    applied, _, calls = bot.run(papers, abstracts=abstracts)
    assert all(a.action == "opened" for a in applied) and len(applied) >= 3
    assert not [r for r in gh.requests[start:] if r.status >= 400 and r.method != "GET"]
    assert recorded(gh) == Counter(p.arxiv_id for p in papers)  # each paper exactly once
    branches = [p.head for p in gh.open_pulls()]
    assert branches == ["promptbot/new-papers", *(f"promptbot/new-papers-{n}"
                                                  for n in range(2, len(branches) + 1))]
    for pull in gh.open_pulls():
        body = pull.body or ""
        assert len(body) <= prt.BODY_LIMIT < BODY_LIMIT
        assert ("so later papers go to this pull request" in body) == (pull.number > 1)
        kept = read_proposals(body)
        assert gh.file("README.md", pull.head) == place(CATALOG, kept)
    print(f"over budget (300-paper backfill): {calls} API calls,"
          f" {sum(a.writes for a in applied)} writes, {len(applied)} PRs")
    writes = gh.count(writes=True)
    applied, _, calls = bot.run(papers, abstracts=abstracts)  # the next day: nothing new
    assert {a.action for a in applied} == {"unchanged"} and gh.count(writes=True) == writes
    print(f"nothing new with {len(applied)} open PRs: {calls} API calls")


def test_a_week_of_unreviewed_days_stops_growing_the_full_pr(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    seen: list[str] = []
    full_body: str | None = None
    for day in range(7):
        papers, abstracts = real_papers(40, start=40 * day)
        bot.run(papers, abstracts=abstracts)
        seen += [p.arxiv_id for p in papers]
        assert recorded(gh) == Counter(seen), f"day {day}"
        assert all(len(p.body or "") <= prt.BODY_LIMIT for p in gh.open_pulls())
        if len(gh.open_pulls()) > 1 and full_body is None:
            full_body = gh.pulls[1].body
    assert full_body is not None and gh.pulls[1].body == full_body  # #1 stopped growing
    assert len(gh.open_pulls()) >= 3


def test_the_run_says_where_the_papers_went() -> None:
    papers, abstracts = real_papers(150)
    cfg = Config()
    plans = prm.plan_pull_requests(CATALOG, papers, Memory(), cfg, place=place,
                                   abstracts=abstracts)
    assert len(plans) >= 2
    (note,) = prm.overflow(plans, Memory(), cfg)
    assert note.startswith("the pull request of branch promptbot/new-papers is full (GitHub"
                           " allows 65,536 characters")
    assert f"{sum(len(p.proposals) for p in plans[1:])} paper(s) go to a continuation" in note
