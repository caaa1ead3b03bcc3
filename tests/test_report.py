"""The dry-run report: aligned, plain unless asked for colour, safe against hostile titles."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from promptbot import report
from promptbot.catalog.parser import parse
from promptbot.config import Config
from promptbot.entries import editing
from promptbot.models import Decision, Paper, Plan, Proposal, PullRequestPlan, Status

BASE = (
    "# Papers\n\n### Prompt Learning\n"
    '* **A**: "Alpha", CVPR, 2022 (*X*). [[Paper](https://arxiv.org/abs/2201.00001)]\n'
    "\n## End\n"
)


def decision(n: int, status: Status, **kw: object) -> Decision:
    p = Paper(arxiv_id=f"2401.{n:05d}", title=f"Paper number {n}",
              published=datetime(2024, 1, n, tzinfo=UTC))
    base: dict[str, object] = {"section": "Prompt Learning", "reasons": ("matches 'prompt'",)}
    base.update(kw)
    return Decision(p, status, 0.1 * n, **base)  # type: ignore[arg-type]


def make_plan(with_pr: bool = True, *decisions: Decision) -> Plan:
    decisions = decisions or (
        decision(1, Status.REJECTED, pull_request=4),
        decision(9, Status.PROPOSED, needs_triage=True),
        decision(2, Status.LISTED, duplicate_of="* **A**: ...", duplicate_line=4),
    )
    insertions = editing.plan_insertions(parse(BASE), decisions, Config())
    new = editing.insert(BASE, insertions)
    prs = (
        PullRequestPlan(branch="promptbot/new-papers", base_branch="main",
                        title="Add 1 new paper(s) from arXiv", body="Body **text**\n",
                        new_text=new, proposals=tuple(
                            Proposal(i.arxiv_id, i.section, i.text) for i in insertions)),
    ) if with_pr else ()
    return Plan(decisions=decisions, base_text=BASE, new_text=new, insertions=insertions,
                pull_requests=prs, notes=("arXiv listing was empty (weekend)",))


def test_text_report_has_the_table_diff_and_pull_request() -> None:
    text = report.render_text(make_plan(), path="README.md")
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("DECISION"))
    rows = lines[header + 1 : header + 7]
    assert rows[0].startswith("proposed") and "0.90" in rows[0]
    assert "needs triage" in rows[1]
    assert rows[2].startswith("listed") and "already listed (line 4)" in rows[3]
    assert rows[4].startswith("rejected") and "pull request #4" in rows[5]
    # The table is aligned: the score column starts at the same place on every row.
    assert len({r.index("0.") for r in (rows[0], rows[2], rows[4])}) == 1
    assert "please fill in: name, affiliation" in text
    assert "--- a/README.md" in text and "+* \"Paper number 9\", arXiv, 2024." in text
    assert "Title: Add 1 new paper(s) from arXiv" in text and "Body **text**" in text
    assert "- arXiv listing was empty (weekend)" in text
    assert "\x1b[" not in text
    # The same counts, in the same words, as the closing line of the run.
    assert lines[0] == "Candidates — 3 candidates: 1 proposed, 1 already listed, 1 rejected before"


def test_colour_only_when_asked() -> None:
    coloured = report.render_text(make_plan(), path="README.md", color=True)
    assert "\x1b[32mproposed" in coloured and "\x1b[32m+* \"Paper number 9\"" in coloured


def test_no_pull_request_and_no_change() -> None:
    plan = make_plan(False, decision(3, Status.IRRELEVANT, section=None))
    text = report.render_text(plan, path="README.md")
    assert "(no change)" in text and "(none would be opened)" in text
    data = json.loads(report.render_json(plan, path="README.md"))
    assert data["pull_request"] is None and data["diff"] == "" and data["changed"] is False


def test_terminal_control_sequences_are_neutralised() -> None:
    evil = Decision(Paper(arxiv_id="2401.00005", title="Nice\x1b[2J\x1b]0;pwned\x07 title"),
                    Status.PROPOSED, 0.9, section="Prompt Learning")
    text = report.render_text(make_plan(True, evil), path="README.md")
    assert "\x1b" not in text and "\x07" not in text and "Nice\ufffd[2J" in text


def test_json_report_is_one_object_with_everything() -> None:
    data = json.loads(report.render_json(make_plan(), path="README.md"))
    assert set(data) >= {"candidates", "diff", "pull_request", "notes", "insertions"}
    first = data["candidates"][0]
    assert set(first) == {"arxiv_id", "title", "decision", "score", "section",
                          "section_confidence", "needs_triage", "reasons", "duplicate_of",
                          "pull_request"}
    assert data["pull_request"]["title"] == "Add 1 new paper(s) from arXiv"
    assert data["insertions"][0]["missing"] == ["name", "affiliation"]
    assert data["diff"].startswith("--- a/README.md")


def test_only_the_best_irrelevant_candidates_are_listed() -> None:
    many = [decision(n, Status.IRRELEVANT, section=None) for n in range(1, 9)]
    text = report.render_text(make_plan(False, *many), path="README.md", max_irrelevant=3)
    assert "2401.00008" in text and "2401.00006" in text and "2401.00005" not in text
    assert "… and 5 more irrelevant candidate(s)" in text
    data = json.loads(report.render_json(make_plan(False, *many), path="README.md"))
    assert len(data["candidates"]) == 8


def test_per_paper_pull_requests_each_show_their_own_diff_and_body() -> None:
    decisions = (decision(3, Status.PROPOSED), decision(5, Status.PROPOSED))
    catalog = parse(BASE)
    insertions = editing.plan_insertions(catalog, decisions, Config())
    prs = tuple(
        PullRequestPlan(branch=f"promptbot/{ins.arxiv_id}", base_branch="main",
                        title=f"Add {ins.arxiv_id}", body=f"Body of {ins.arxiv_id}\n",
                        new_text=editing.insert(BASE, [ins]), proposals=())
        for ins in insertions
    )
    plan = Plan(decisions=decisions, base_text=BASE, new_text=prs[0].new_text,
                insertions=insertions, pull_requests=prs)
    text = report.render_text(plan, path="README.md")
    first, second = text.split("Pull request 1 of 2")[1].split("Pull request 2 of 2")
    assert "Paper number 3" in first and "Paper number 5" not in first
    assert "Paper number 5" in second and "Paper number 3" not in second
    assert "Body of 2401.00003" in first and "Body of 2401.00005" in second
    data = json.loads(report.render_json(plan, path="README.md"))
    assert [p["branch"] for p in data["pull_requests"]] == [p.branch for p in prs]
    assert "Paper number 5" in data["pull_requests"][1]["diff"]
    assert data["pull_request"] == data["pull_requests"][0]


def test_update_decisions_in_json_and_text() -> None:
    from promptbot.models import Update

    update = Update("2401.00003", 2, "* old", "* new", "Prompt Learning", "Preprints",
                    changes=("venue: arXiv 2024 → CVPR 2024", 'moved to "Prompt Learning"'))
    plan = make_plan(True, decision(3, Status.UPDATE, update=update))
    plan = Plan(decisions=plan.decisions, base_text=BASE, new_text=BASE, insertions=(),
                pull_requests=(), updates=(update,))
    data = json.loads(report.render_json(plan, path="README.md"))
    (candidate,) = data["candidates"]
    assert candidate["decision"] == "update"
    assert candidate["update"] == data["updates"][0]
    assert data["updates"][0] | {"before": "* old", "after": "* new", "moved": True,
                                 "version": 2} == data["updates"][0]
    text = report.render_text(plan, path="README.md")
    assert "~ 2401.00003 v2: venue: arXiv 2024 → CVPR 2024" in text
    assert "1 to update" in text


def test_the_terminal_width_sets_the_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    long_title = "A very long title " * 10
    plan = make_plan(True, decision(9, Status.PROPOSED),
                     replace(decision(8, Status.IRRELEVANT, section="S" * 60),
                             paper=Paper("2401.00008", long_title)))
    for width in (80, 100, 200):
        text = report.render_text(plan, path="README.md", layout=report.Layout(width=width))
        table = text.split("\n\nChanges to")[0].splitlines()[2:]
        assert max(len(line) for line in table) <= width, (width, table)
    narrow = report.Layout(width=80)
    assert (narrow.section, narrow.title) == (13, 28)
    assert report.Layout(width=200).section == 40
    monkeypatch.setenv("COLUMNS", "90")
    assert report.terminal_layout().width == 90


def test_why_the_section_was_chosen_is_shown_for_proposed_papers() -> None:
    why = 'section "Prompt Learning": published at CVPR 2025'
    plan = make_plan(True, decision(9, Status.PROPOSED, section_confidence=1.0,
                                    reasons=("relevance 0.9", why)))
    lines = report.render_text(plan, path="README.md").splitlines()
    assert f"            confidence 1.00, {why}" in lines
    assert "            relevance 0.9" in lines  # the reasons line no longer repeats it


def test_verbose_lists_every_candidate_and_whole_reasons() -> None:
    reasons = ("word " * 60,)
    many = [decision(n, Status.IRRELEVANT, reasons=reasons) for n in range(1, 16)]
    plan = make_plan(False, *many)
    short = report.render_text(plan, path="README.md")
    full = report.render_text(plan, path="README.md", layout=report.Layout(verbose=True))
    assert "… and 5 more irrelevant candidate(s)" in short
    assert "more irrelevant" not in full
    assert sum(line.startswith("irrelevant") for line in full.splitlines()) == 15
    assert ("word " * 60).strip() in full and ("word " * 60).strip() not in short


def test_the_memory_marker_stays_out_of_the_terminal_view() -> None:
    marker = "<!-- promptbot:proposals " + json.dumps({"x": "y" * 5000}) + " -->"
    plan = make_plan()
    pr = replace(plan.pull_requests[0], body=f"Body\n\n{marker}\n")
    text = report.render_text(replace(plan, pull_requests=(pr,)), path="README.md")
    assert "yyyy" not in text
    assert f"<!-- promptbot:proposals … ({len(marker):,} characters of memory for the next run;" \
        " --json shows them) -->" in text
    assert marker in json.loads(report.render_json(replace(plan, pull_requests=(pr,)),
                                                   path="README.md"))["pull_request"]["body"]


def test_an_absolute_path_gets_git_style_diff_headers() -> None:
    text = report.render_text(make_plan(), path="/srv/lists/README.md")
    assert "--- a/srv/lists/README.md\n+++ b/srv/lists/README.md\n" in text
    assert "Changes to /srv/lists/README.md" in text
