"""How a list writes affiliations, learned from its own entries; and a paper's written so. Pure.

The seed list writes the first author's institution, short (`(*Tsinghua University*)`), and
spells some institutions its own way (`NTU, Singapore`, `Peking`, `CMU`); another list joins
several with ` + ` (`UW + AI2`). The list teaches both: its most frequent spelling of an
institution wins, and a joiner used by a good share of its entries means "all of them".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from promptbot.entries.affiliations import AuthorBlock
from promptbot.models import Catalog

JOINERS = (" + ", " & ", "; ", " / ")
JOINER_SHARE = 0.25  # the share of a list's affiliations that must use a joiner to adopt it
MAX_JOINED = 3
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "at", "in", "de", "la", "&"})
_GENERIC = frozenset({"university", "universität", "université", "the", "of"})


@dataclass(frozen=True)
class AffiliationHabit:
    """The list's spellings of institutions (most frequent first) and its joiner, if any."""

    spellings: tuple[str, ...] = ()
    joiner: str | None = None


def learn(catalog: Catalog) -> AffiliationHabit:
    """The habit of a catalog's entries."""
    return learn_from(e.affiliation for e in catalog.entries if e.affiliation)


def learn_from(affiliations: Iterable[str]) -> AffiliationHabit:
    """The habit of a list whose entries write these affiliations."""
    written = [" ".join(a.split()) for a in affiliations if a.strip()]
    counts: Counter[str] = Counter()
    for text in written:
        counts.update(_split(text))
    joiner = None
    if written:
        share = {j: sum(j in t for t in written) / len(written) for j in JOINERS}
        best = max(share, key=lambda j: share[j])
        joiner = best if share[best] >= JOINER_SHARE else None
    return AffiliationHabit(tuple(name for name, _ in counts.most_common()), joiner)


def _split(text: str) -> list[str]:
    for joiner in JOINERS:
        if joiner in text:
            return [p.strip() for p in text.split(joiner) if p.strip()]
    return [text]


def write_affiliation(block: AuthorBlock, habit: AffiliationHabit) -> str | None:
    """The affiliation an entry writes for this author block, in the list's own form."""
    if habit.joiner:
        names = list(dict.fromkeys(spell(i, habit) for i in block.institutions))[:MAX_JOINED]
        return habit.joiner.join(names) or None
    first = block.first_institution
    return spell(first, habit) if first else None


def spell(institution: str, habit: AffiliationHabit) -> str:
    """The list's spelling of an institution, when the list names it; else the name as read."""
    key = _normal(institution)
    for written in habit.spellings:  # most frequent first
        if _normal(written) == key:
            return written
    for written in habit.spellings:
        if _abbreviates(written, institution):
            return written
    return institution


def _normal(text: str) -> str:
    text = re.sub(r"\blaboratory\b", "lab", text.lower())
    return " ".join(w for w in re.findall(r"[^\W_]+", text) if w != "the")


def _abbreviates(written: str, institution: str) -> bool:
    """`NUS`, `Peking` or `NTU, Singapore` for the institution's full name."""
    head, *rest = [p.strip() for p in written.split(",")]
    if len(rest) > 1 or (rest and not re.fullmatch(r"[A-Z][\w .'-]*", rest[0])):
        return False
    if not head or len(head) < 2:
        return False
    words = re.findall(r"[^\W_]+", institution)
    initials = "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS)
    if len(initials) >= 2 and head == initials.upper() and head.isupper():
        return True
    stem = " ".join(w for w in words if w.lower() not in _GENERIC)
    return bool(stem) and stem != " ".join(words) and _normal(head) == _normal(stem)
