"""Decisions to a Plan, pure: proposals, placement on a base text, the whole plan of a run."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from catalog_files import ALL_LISTS, SEED, read

from promptbot import catalog, planning
from promptbot.config import Config
from promptbot.entries import editing
from promptbot.models import Decision, Insertion, Memory, Paper, Proposal, Status

SEED_TEXT = read(SEED)
HEADING = "Prompt Learning/Tuning"


def decision(n: int, status: Status = Status.PROPOSED, score: float = 0.8) -> Decision:
    paper = Paper(arxiv_id=f"2401.{n:05d}", title=f"Prompting Everything Number {n}",
                  abstract=f"Abstract {n}.", published=datetime(2024, 1, n, tzinfo=UTC))
    reasons = ("score 0.80 above 0.3", "topic terms: prompt tuning", "vision terms: image")
    return Decision(paper, status, score, section=HEADING, reasons=reasons)


def test_proposals_carry_title_score_and_the_matched_terms() -> None:
    insertion = Insertion("2401.00003", HEADING, 10, "* entry 3", missing=("name",))
    orphan = Insertion("2401.00009", HEADING, 10, "* entry 9")
    listed = decision(9, Status.LISTED)
    kept, bare = planning.proposals_for([insertion, orphan], [decision(3, score=0.12345), listed])
    assert kept == Proposal("2401.00003", HEADING, "* entry 3",
                            title="Prompting Everything Number 3", score=0.123,
                            missing=("name",), why="topic terms: prompt tuning")
    assert bare == Proposal("2401.00009", HEADING, "* entry 9")


def test_place_without_proposals_returns_the_base_unchanged() -> None:
    assert planning.place(SEED_TEXT, []) is SEED_TEXT


@pytest.mark.parametrize("name", ALL_LISTS)
def test_place_on_a_parsed_catalog_is_place_on_its_text(name: str) -> None:
    text = read(name)
    parsed = catalog.parse(text)
    heading = max(parsed.sections, key=lambda s: len(s.entries)).heading
    proposals = [Proposal("2401.00001", heading, "* **A**: New paper one."),
                 Proposal("2401.00002", heading, "* **B**: New paper two.")]
    placed = planning.place(text, proposals)
    assert planning.place(text, proposals, catalog=parsed) == placed
    assert placed.count("New paper") == text.count("New paper") + 2
    assert len(placed.splitlines()) == len(text.splitlines()) + 2


def test_a_plan_without_proposals_changes_nothing() -> None:
    parsed = catalog.parse(SEED_TEXT)
    plan = planning.plan(parsed, [decision(1, Status.IRRELEVANT)], Memory(), Config(),
                         notes=("a note",))
    assert plan.base_text == plan.new_text == SEED_TEXT
    assert plan.pull_requests == () and plan.insertions == ()
    assert plan.notes == ("a note",)


def test_a_plan_puts_each_proposed_entry_in_the_text_and_the_one_pull_request() -> None:
    parsed = catalog.parse(SEED_TEXT)
    decisions = [decision(2), decision(1), decision(3, Status.IRRELEVANT)]
    plan = planning.plan(parsed, decisions, Memory(), Config())
    assert [i.arxiv_id for i in plan.insertions] == ["2401.00001", "2401.00002"]
    (pr,) = plan.pull_requests
    assert pr.new_text == plan.new_text == editing.insert(SEED_TEXT, plan.insertions)
    assert [p.arxiv_id for p in pr.proposals] == ["2401.00001", "2401.00002"]
    assert "Abstract 1." in pr.body and "2401.00003" not in pr.body
