"""Papers on a bot branch that its memory lacks are read back from the branch (pure)."""

from __future__ import annotations

from dataclasses import replace

from forge_harness import CATALOG, paper, place

from promptbot.github.recovery import RECOVERED, branch_papers, recover_branch_papers
from promptbot.models import BotPullRequest, Memory

HEADING = "Prompt Learning(arxiv): *Updating by Jiajia Zhang*"


def pr_with(body_ids: list[str], branch_ids: list[str], **kw: object) -> BotPullRequest:
    text = place(CATALOG, [paper(i) for i in branch_ids])
    return BotPullRequest(1, "open", "promptbot/new-papers", "t", "",
                          tuple(paper(i) for i in body_ids), branch_text=text, **kw)  # type: ignore[arg-type]


def test_a_paper_on_the_branch_but_not_in_the_memory_is_recovered_whole() -> None:
    (found,) = branch_papers(pr_with(["2503.00001"], ["2503.00001", "2504.00002"]), CATALOG)
    expected = paper("2504.00002")
    assert (found.arxiv_id, found.section, found.entry) == (expected.arxiv_id, HEADING,
                                                            expected.entry)
    assert found.why == RECOVERED and found.title


def test_nothing_is_recovered_when_memory_and_branch_agree_or_the_branch_is_unknown() -> None:
    assert branch_papers(pr_with(["2503.00001"], ["2503.00001"]), CATALOG) == ()
    assert branch_papers(replace(pr_with([], ["2503.00001"]), branch_text=None), CATALOG) == ()
    listed = CATALOG.replace("# Papers\n", "# Papers\nsee arXiv 2504.00002\n")
    assert branch_papers(pr_with([], ["2504.00002"]), listed) == ()  # already in the base


def test_only_prs_the_bot_rebuilds_get_papers_back() -> None:
    mine = pr_with(["2503.00001"], ["2503.00001", "2504.00002"])
    memory = recover_branch_papers(Memory((mine,)), CATALOG)
    assert [p.arxiv_id for p in memory.pull_requests[0].proposals] == ["2503.00001",
                                                                       "2504.00002"]
    theirs = Memory((replace(mine, foreign_commits=True),))
    assert recover_branch_papers(theirs, CATALOG) == theirs
    same = Memory((pr_with(["2504.00002"], ["2504.00002"]),))
    assert recover_branch_papers(same, CATALOG) is same
