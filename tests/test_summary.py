"""Tests for the closing line and the markdown step summary."""

from __future__ import annotations

from dataclasses import replace

import cmarkgfm
from cmarkgfm.cmark import Options

from promptbot import summary
from promptbot.models import Decision, Paper, Plan, PullRequestPlan, Status
from promptbot.ports import Applied


def decision(arxiv_id: str, status: Status, title: str = "A title", score: float = 0.5) -> Decision:
    return Decision(paper=Paper(arxiv_id=arxiv_id, title=title), status=status, score=score,
                    section="Papers")


def plan(decisions: list[Decision], prs: int = 0, number: int | None = None) -> Plan:
    pulls = tuple(
        PullRequestPlan(branch="promptbot/new-papers", base_branch="main", title="t", body="b",
                        new_text="x", proposals=(), number=number)
        for _ in range(prs)
    )
    return Plan(decisions=tuple(decisions), base_text="", new_text="", insertions=(),
                pull_requests=pulls)


def test_counts_line_lists_only_statuses_present_in_a_fixed_order() -> None:
    p = plan([decision("1", Status.IRRELEVANT), decision("2", Status.PROPOSED),
              decision("3", Status.IRRELEVANT), decision("4", Status.REJECTED)])
    assert summary.counts_line(p) == "4 candidates: 1 proposed, 2 irrelevant, 1 rejected before"


def test_closing_line_names_the_pull_request_outcome() -> None:
    p = plan([decision("1", Status.PROPOSED)], prs=1, number=12)
    applied = [Applied(number=12, url="", action="updated", writes=2)]
    assert summary.closing_line(p, applied, dry_run=False) == (
        "1 candidate: 1 proposed; PR #12 updated")
    assert summary.closing_line(p, [], dry_run=True).endswith("would update PR #12 (dry run)")


def test_nothing_to_propose() -> None:
    assert summary.closing_line(plan([]), [], dry_run=False) == "0 candidates; nothing to propose"


def test_markdown_table_survives_hostile_titles() -> None:
    hostile = "A | B @octocat [x](javascript:alert(1)) <script>"
    text = summary.markdown(plan([decision("2501.00001", Status.PROPOSED, hostile)]), [],
                            dry_run=True)
    html = cmarkgfm.github_flavored_markdown_to_html(text)
    assert html.count("<tr>") == 2  # header + one row: the pipe did not split the row
    assert "<script" not in html
    assert "javascript:" not in html.replace("javascript\\:", "")
    assert 'href="https://arxiv.org/abs/2501.00001"' in html
    assert "@octocat" not in html


def test_closing_line_counts_the_html_requests_of_enrichment() -> None:
    from dataclasses import replace

    from promptbot.models import Enrichment

    p = replace(plan([decision("1", Status.PROPOSED)]),
                enrichment=Enrichment(requests=3, cached=2, without_page=("2506.00001",)))
    assert summary.closing_line(p, [], dry_run=True).endswith(
        "; arXiv HTML pages: 3 request(s), 2 cached, 1 written without affiliation")
    assert summary.closing_line(replace(p, enrichment=Enrichment()), [], dry_run=True).endswith(
        "; arXiv HTML pages: 0 request(s), 0 cached")
    assert "arXiv HTML" not in summary.closing_line(plan([]), [], dry_run=True)


def test_dry_run_outcome_is_one_phrase_for_many_pull_requests() -> None:
    p = plan([decision("1", Status.PROPOSED)], prs=3)
    assert summary.outcome_line(p, [], dry_run=True) == "would open 3 PRs (dry run)"
    mixed = replace(p, pull_requests=(*p.pull_requests,
                                      replace(p.pull_requests[0], number=7)))
    assert summary.outcome_line(mixed, [], dry_run=True) == (
        "would open 3 PRs and would update PR #7 (dry run)")
    one = plan([decision("1", Status.PROPOSED)], prs=1)
    assert summary.outcome_line(one, [], dry_run=True) == "would open a PR (dry run)"


def test_the_step_summary_shows_proposals_diff_and_link_and_folds_the_rest() -> None:
    base = "# Papers\n* one\n"
    proposed = decision("2501.00001", Status.PROPOSED, "Proposed paper", 0.9)
    rest = [decision(f"2501.{n:05d}", Status.IRRELEVANT, "x" * 120, 0.1) for n in range(2, 3000)]
    p = replace(plan([proposed, *rest], prs=1), base_text=base, new_text=base + "* two\n")
    applied = [Applied(number=12, url="https://github.com/o/r/pull/12", action="opened")]
    text = summary.markdown(p, applied, dry_run=False, path="README.md")
    assert len(text) <= summary.SUMMARY_LIMIT
    assert "[Pull request #12](https://github.com/o/r/pull/12) opened" in text
    proposed_part, folded = text.split("<details><summary>2998 other candidate(s)</summary>")
    assert "Proposed paper" in proposed_part and "x" * 100 not in proposed_part
    assert "~~~diff\n--- a/README.md\n+++ b/README.md\n" in proposed_part and "+* two" in text
    assert folded.rstrip().endswith("(--json lists all)\n\n</details>")
    html = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)
    assert html.count("<details>") == html.count("</details>") == 1


def test_the_dry_run_step_summary_holds_the_pr_text_without_its_marker() -> None:
    body = "Body text\n\n<!-- promptbot:proposals {\"a\": 1} -->\n"
    p = plan([decision("2501.00001", Status.PROPOSED)], prs=1)
    p = replace(p, pull_requests=(replace(p.pull_requests[0], title="Add it", body=body),))
    text = summary.markdown(p, [], dry_run=True)
    assert "**Add it**" in text and "Body text" in text and "promptbot:proposals" not in text
