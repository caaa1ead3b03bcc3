"""Pending papers whose section was renamed or removed: placed again, marked, the run goes on."""

from __future__ import annotations

from dataclasses import replace

import pytest
from forge_harness import CATALOG, body_ids, gh, make_bot, paper
from github_server import FakeGitHub

from promptbot import planning
from promptbot.catalog import parse
from promptbot.config import Config
from promptbot.errors import CatalogError
from promptbot.github import pull_request as prm
from promptbot.github.lost_sections import closest_section, replace_lost_sections
from promptbot.github.pull_request_text import read_proposals
from promptbot.models import BotPullRequest, Memory, Proposal

__all__ = ["gh"]  # the fixture

ARXIV = "Prompt Learning(arxiv): *Updating by Jiajia Zhang*"
ACCEPTED = "Prompt Learning(accepted): *Updating by Linbin Wang*"
RENAMED = CATALOG.replace("### Prompt Learning(arxiv): *Updating by Jiajia Zhang*",
                          "### Prompt Learning (arXiv preprints)")
REMOVED = CATALOG.replace("### Prompt Learning(arxiv): *Updating by Jiajia Zhang*\n", "")


def pending(section: str = ARXIV, *ids: str) -> Proposal:
    return Proposal(ids[0] if ids else "2503.12096", section,
                    "* **?**: Visual prompt tuning for CLIP, arXiv, 2025."
                    " [[Paper](https://arxiv.org/abs/2503.12096)]",
                    title="Visual prompt tuning for CLIP", score=0.8)


def memory_of(*proposals: Proposal, state: str = "open") -> Memory:
    return Memory((BotPullRequest(1, state, "promptbot/new-papers", "t", "", proposals),))


def test_a_renamed_section_takes_its_pending_papers_marked_for_triage() -> None:
    memory, notes = replace_lost_sections(memory_of(pending()), parse(RENAMED))
    (moved,) = memory.pull_requests[0].proposals
    assert (moved.section, moved.needs_triage) == ("Prompt Learning (arXiv preprints)", True)
    assert notes == (f"section {ARXIV!r} is no longer in the catalog (renamed or removed?): 1"
                     " pending paper(s) of PR #1 moved to 'Prompt Learning (arXiv preprints)',"
                     " marked for triage",)


def test_a_removed_section_sends_them_to_the_closest_remaining_one() -> None:
    memory, notes = replace_lost_sections(memory_of(pending()), parse(REMOVED))
    assert memory.pull_requests[0].proposals[0].section == ACCEPTED
    assert len(notes) == 1 and "moved to" in notes[0]


def test_sections_still_there_and_closed_prs_are_left_alone() -> None:
    same = memory_of(pending())
    assert replace_lost_sections(same, parse(CATALOG)) == (same, ())
    closed = memory_of(pending(), state="closed")
    assert replace_lost_sections(closed, parse(RENAMED)) == (closed, ())
    (pr,) = memory_of(pending()).pull_requests
    hands_off = Memory((replace(pr, foreign_commits=True),))
    assert replace_lost_sections(hands_off, parse(RENAMED)) == (hands_off, ())


def test_similarity_prefers_the_heading_then_the_entries() -> None:
    sections = parse(CATALOG).sections
    listing = [s for s in sections if s.entries]
    assert closest_section("Prompt Learning (arXiv)", "", listing) == ARXIV
    assert closest_section("Prompt learning accepted", "", listing) == ACCEPTED


def test_the_plan_goes_on_instead_of_stopping_with_no_section() -> None:
    catalog = parse(RENAMED)
    memory = memory_of(pending())
    with pytest.raises(CatalogError, match="no section"):  # what every run did before
        planning.place(RENAMED, [pending()])
    plan = planning.plan(catalog, [], memory, Config())
    (pr,) = plan.pull_requests
    assert pr.proposals[0].section == "Prompt Learning (arXiv preprints)"
    assert pending().entry in pr.new_text and "*needs triage*" in pr.body
    assert any(ARXIV in note for note in plan.notes)


def test_on_github_a_rename_mid_review_converges(gh: FakeGitHub) -> None:
    bot = make_bot(gh)
    first = paper("2503.12096")
    first = Proposal(first.arxiv_id, ARXIV, first.entry, title=first.title, score=0.8)

    def run(new: list[Proposal]) -> tuple[str, ...]:
        forge = bot.forge()
        text = forge.read_catalog().text
        memory, notes = replace_lost_sections(forge.read_memory(), parse(text))
        plans = prm.plan_pull_requests(text, new, memory, bot.cfg, place=planning.place)
        for plan in plans:
            forge.apply(plan)
        return notes

    assert run([first]) == ()
    gh.push("main", {"README.md": RENAMED})
    notes = run([])
    assert len(notes) == 1 and ARXIV in notes[0]
    (recorded,) = read_proposals(gh.pulls[1].body or "")
    assert (recorded.section, recorded.needs_triage) == ("Prompt Learning (arXiv preprints)",
                                                         True)
    branch = gh.file("README.md", "promptbot/new-papers") or ""
    assert branch == planning.place(RENAMED, [recorded]) and branch.count(first.entry) == 1
    writes = gh.count(writes=True)
    assert run([]) == ()  # the rerun: nothing left to move, nothing to write
    assert gh.count(writes=True) == writes and body_ids(gh, 1) == ["2503.12096"]
    assert len(gh.open_pulls()) == 1
