"""The description of a section's entry style, shared by the inference and the formatter."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from promptbot.entries.template_choice import SectionTemplates

VENUE_LABEL = "{venue}"  # a paper-link label that shows the venue: "[[CVPR 2022](…)]"
# An affiliation placeholder with the brackets and emphasis around it: "(*{affiliation}*)".
AFFILIATION_GROUP = re.compile(r"\s*[(\[]?[*_]*\{affiliation\}[*_]*[)\]]?")
LINK_RE = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\(\s*([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\s*\)")


@dataclass(frozen=True)
class LinkStyle:
    """How an entry's links look: labels, the arXiv URL form, brackets and spacing."""

    paper_label: str = "Paper"  # a fixed label, or VENUE_LABEL
    arxiv_date: str = "yymm"  # with VENUE_LABEL, arXiv papers show "arXiv 2306" or "arXiv 2023"
    paper_url: str = "abs"  # "abs" | "pdf"
    code_label: str = "Code"
    before: str = "["  # around each `[label](url)`: "[[Paper](…)]"
    after: str = "]"
    joiner: str = ""


@dataclass(frozen=True)
class EntryStyle:
    """A template-like description of one section's entries."""

    kind: str = "bullet"  # "bullet" | "table" | "block"
    head: str = "* **{name}**: "  # bullet: everything before the title
    quote: str = '"'  # bullet: the title's quotes ("" for none)
    middle: str = ", {venue}, {year} (*{affiliation}*). "  # between the title and the links
    tail: str = ""
    links: LinkStyle = field(default_factory=LinkStyle)
    arxiv_word: str = "arXiv"  # how the list spells the venue of an arXiv-only paper
    unknown_name: str = ""  # the list's marker for a paper without short name ("?")
    columns: tuple[str, ...] = ()  # table: the field each column shows
    widths: tuple[int, ...] = ()  # table: cell widths to pad to (empty = compact cells)
    missing: str = ""  # table: what a code cell holds without code ("---")
    labels: tuple[tuple[str, str], ...] = ()  # block: (role, line prefix): ("paper", "- Paper: ")
    venues: tuple[tuple[str, str], ...] = ()  # (canonical, as the list writes it): ("ACM MM", "MM")
    title_keeps_name: bool = True  # bullet: "**MaPLe**: MaPLe: Multi-modal…" rather than dropped
    templates: SectionTemplates | None = None  # the section's own entries as slot templates

    def venue(self, canonical: str) -> str:
        """How this list spells a venue."""
        if canonical == "arXiv":
            return self.arxiv_word
        return dict(self.venues).get(canonical, canonical)



def vote(values: Iterable[str | None], default: str) -> str:
    """The most frequent value (the first seen on a tie), else `default`."""
    counts = Counter(v for v in values if v is not None)
    return counts.most_common(1)[0][0] if counts else default


def weighted(values: Iterable[tuple[str | None, float]], default: str) -> str:
    """The value with the most weight (the first seen on a tie), else `default`."""
    counts: dict[str, float] = {}
    for value, weight in values:
        if value is not None:
            counts[value] = counts.get(value, 0.0) + weight
    return max(counts, key=lambda v: counts[v]) if counts else default
