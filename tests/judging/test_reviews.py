"""Tests for what reviews teach: merged proposals are positives, rejected ones negatives."""

from __future__ import annotations

from promptbot.judging.reviews import Reviews, reviews_of
from promptbot.models import BotPullRequest, Memory, Proposal


def pr(number: int, state: str, *proposals: Proposal) -> BotPullRequest:
    return BotPullRequest(number=number, state=state, branch="promptbot/new-papers",
                          title="Add papers", body="", proposals=proposals)


def proposal(arxiv_id: str, title: str = "") -> Proposal:
    return Proposal(arxiv_id=arxiv_id, section="S", entry="* x", title=title)


def test_merged_papers_teach_yes_and_turned_down_papers_teach_no() -> None:
    memory = Memory((
        pr(1, "merged", proposal("2501.00001", "Kept"), proposal("2501.00002", "Deleted")),
        pr(2, "closed", proposal("2501.00003", "Closed")),
        pr(3, "open", proposal("2501.00004", "Pending")),
    ))
    rejected = {"2501.00002": 1, "2501.00003": 2}
    assert reviews_of(memory, rejected) == Reviews(("Kept",), ("Deleted", "Closed"))


def test_a_title_missing_from_the_proposal_comes_from_the_cache_else_the_paper_is_skipped() -> None:
    memory = Memory((pr(1, "closed", proposal("2501.00003"), proposal("2501.00005")),))
    cache = {"2501.00003": "Cached title\nabstract"}
    assert reviews_of(memory, {"2501.00003": 1, "2501.00005": 1}, cache).turned_down == (
        "Cached title\nabstract",)
