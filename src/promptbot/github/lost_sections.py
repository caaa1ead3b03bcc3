"""Pending papers whose section a maintainer renamed or removed: placed again, marked for triage.

A bot PR records each paper's section by heading. When the heading is gone from the catalog, the
PR cannot be rebuilt there; instead of stopping every later run, each such paper moves to the
most similar section that is still there (the heading's own words first, then the paper's title
against the section's entries), is marked for triage, and the run says which section went.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz, process, utils

from promptbot.github.memory import touchable
from promptbot.models import BotPullRequest, Catalog, Memory, Proposal, Section

HEADING_WEIGHT = 0.85  # a rename mostly keeps the heading's words; the titles break ties


def _candidates(catalog: Catalog) -> list[Section]:
    """Sections a paper can go to: the ones that list entries (all of them if none do)."""
    listing = [s for s in catalog.sections if s.entries]
    return listing or list(catalog.sections)


def _title_similarity(title: str, section: Section) -> float:
    titles = [e.title for e in section.entries if e.title]
    if not title or not titles:
        return 0.0
    best = process.extractOne(title, titles, scorer=fuzz.token_sort_ratio,
                              processor=utils.default_process)
    return best[1] / 100 if best else 0.0


def _name(heading: str) -> str:
    """A heading's name: the part before a colon ("X: *Updating by Y*" is named X)."""
    return heading.split(":")[0]


def closest_section(lost: str, title: str, sections: Sequence[Section]) -> str:
    """The heading most like `lost` (and whose entries are most like `title`)."""
    def score(s: Section) -> float:
        heading = fuzz.token_set_ratio(_name(lost), _name(s.heading),
                                       processor=utils.default_process) / 100
        return HEADING_WEIGHT * heading + (1 - HEADING_WEIGHT) * _title_similarity(title, s)
    return max(sections, key=score).heading


def replace_lost_sections(memory: Memory, catalog: Catalog) -> tuple[Memory, tuple[str, ...]]:
    """Memory with every paper of a PR the bot rebuilds in a section the catalog still has.

    Returns the memory and one note per section that went (naming it and where its papers went).
    """
    headings = {s.heading.strip() for s in catalog.sections}
    sections = _candidates(catalog)
    if not sections:
        return memory, ()
    moved: dict[tuple[str, str], list[int]] = {}

    def placed(p: Proposal, number: int) -> Proposal:
        if p.section.strip() in headings:
            return p
        new = closest_section(p.section, p.title, sections)
        moved.setdefault((p.section, new), []).append(number)
        return replace(p, section=new, needs_triage=True)

    def again(pr: BotPullRequest) -> BotPullRequest:
        if not touchable(pr):  # closed, or hands-off: never rebuilt, nothing to move
            return pr
        proposals = tuple(placed(p, pr.number) for p in pr.proposals)
        return pr if proposals == pr.proposals else replace(pr, proposals=proposals)

    prs = tuple(again(pr) for pr in memory.pull_requests)
    notes = tuple(
        f"section {old!r} is no longer in the catalog (renamed or removed?): {len(numbers)}"
        f" pending paper(s) of PR #{', #'.join(map(str, sorted(set(numbers))))} moved to"
        f" {new!r}, marked for triage"
        for (old, new), numbers in moved.items()
    )
    return (replace(memory, pull_requests=prs) if notes else memory), notes
