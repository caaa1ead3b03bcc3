"""Each section's entry style, learned from its own entries by a vote per feature."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from promptbot.entries.metadata import canonical_venue
from promptbot.entries.render_check import structure
from promptbot.entries.style_bullets import bullet_style, layout, title_keeps_name
from promptbot.entries.style_model import LINK_RE, VENUE_LABEL, EntryStyle, LinkStyle, vote
from promptbot.entries.table_rows import cells, column_field, table_delimiter_line
from promptbot.entries.template_choice import SectionTemplates, ends, induce
from promptbot.entries.template_model import PREPRINT_WORDS
from promptbot.models import Catalog, Entry, Section

__all__ = ["VENUE_LABEL", "EntryStyle", "LinkStyle", "cells", "infer_style", "layout",
           "title_keeps_name"]

_BLOCK_LINE = re.compile(r"^(\s*[-*+]\s*)([^:：\s][^:：]*?)(\s*[:：]\s*)(\S+)\s*$")


def infer_style(catalog: Catalog, section: Section) -> EntryStyle:
    """The dominant style of the section's entries, falling back to the whole catalog's, with
    the section's entries as templates."""
    return replace(_voted_style(catalog, section), templates=section_templates(catalog, section))


def section_templates(catalog: Catalog, section: Section) -> SectionTemplates | None:
    """The section's templates and the element structures its entries render to."""
    found = induce(catalog, section)
    if found is None:
        return None
    pool = section.entries or catalog.entries
    # The list's tag of one kind of paper put in an exemplar of the other (venue_tags) makes a
    # look the list's entries with that tag have, wherever they are.
    looks = [e.raw for e in ends(pool)] + list(found.tags.looks)
    shapes = frozenset(structure(raw.replace("\r\n", "\n").rstrip("\n"), found.context)
                       for raw in looks)
    return replace(found, structures=shapes)


def _voted_style(catalog: Catalog, section: Section) -> EntryStyle:
    kind = _section_kind(catalog, section)
    own = [e for e in section.entries if e.kind == kind]
    every = [e for e in catalog.entries if e.kind == kind]
    pool = own or every
    base = EntryStyle(
        kind=kind, unknown_name=_unknown_marker(catalog.entries), venues=_venues(catalog.entries)
    )
    base = replace(base, arxiv_word=_arxiv_word(own) or _arxiv_word(every) or "arXiv")
    if kind == "table":
        return _table_style(catalog, section, base, own, every)
    if kind == "block":
        return replace(base, labels=_block_labels(pool) or _block_labels(every))
    return bullet_style(base, own, every)


def _section_kind(catalog: Catalog, section: Section) -> str:
    kinds = Counter(e.kind for e in section.entries)
    if kinds:
        return kinds.most_common(1)[0][0]
    if table_delimiter_line(catalog, section) is not None:
        return "table"
    every = Counter(e.kind for e in catalog.entries)
    return every.most_common(1)[0][0] if every else "bullet"

def _unknown_marker(entries: Sequence[Entry]) -> str:
    """A name made only of punctuation ("?") is the list's way to say "no short name"."""
    return vote((e.name for e in entries if e.name and not any(c.isalnum() for c in e.name)), "")


def _venues(entries: Sequence[Entry]) -> tuple[tuple[str, str], ...]:
    """The list's own spelling of each known venue, by majority ("NeurIPS" over one "NIPS")."""
    votes: dict[str, Counter[str]] = {}
    for entry in entries:
        canonical = canonical_venue(entry.venue) if entry.venue else None
        if canonical and canonical != "arXiv":
            votes.setdefault(canonical, Counter())[entry.venue or canonical] += 1
    return tuple(sorted((c, v.most_common(1)[0][0]) for c, v in votes.items()))


def _arxiv_word(entries: Sequence[Entry]) -> str | None:
    """The list's word for a preprint's venue: `arXiv`, `ArXiv`, or `Preprint`, as a filled
    template keeps an exemplar's own (template_fill)."""
    words = [e.venue for e in entries if e.venue and e.venue.lower() in PREPRINT_WORDS]
    return Counter(words).most_common(1)[0][0] if words else None



# --- tables -------------------------------------------------------------------------------------

def _table_style(
    catalog: Catalog,
    section: Section,
    base: EntryStyle,
    own: Sequence[Entry],
    every: Sequence[Entry],
) -> EntryStyle:
    delimiter = table_delimiter_line(catalog, section)
    if delimiter is None:
        return replace(base, kind="bullet")
    header = cells(catalog.lines[delimiter - 2])
    columns = tuple(column_field(h) for h in header)
    widths = tuple(len(c) for c in header)
    rows = [cells(e.raw) for e in (own or every)]
    padded = sum(1 for r in rows if len(r) == len(widths) and _is_padded(r, widths))
    code_at = columns.index("code") if "code" in columns else -1
    code_cells = [r[code_at].strip() for r in rows if 0 <= code_at < len(r)]
    # What a row without code says there (`-`, `None`): no link, nor a bare URL, which is
    # another row's code (`https://github.com/oxwhirl/pymarl`, shared by four rows).
    missing = vote((c for c in code_cells if c and "](" not in c and "://" not in c), "")
    labels = [m.group(1) for c in code_cells for m in [LINK_RE.search(c)] if m]
    links = replace(LinkStyle(), code_label=vote(labels, "Code"), before="", after="")
    return replace(
        base,
        columns=columns,
        widths=widths if rows and padded * 2 > len(rows) else (),
        missing=missing,
        links=links,
    )


def _is_padded(row: Sequence[str], widths: Sequence[int]) -> bool:
    pairs = zip(row, widths, strict=False)
    return all(len(cell) == w or len(cell.strip()) + 2 > w for cell, w in pairs)


# --- blocks -------------------------------------------------------------------------------------


_BLOCK_ROLES = {"paper": "paper", "arxiv": "paper", "pdf": "paper", "code": "code"}


def _block_labels(entries: Sequence[Entry]) -> tuple[tuple[str, str], ...]:
    """The `- Paper: ` and `- Code: ` line prefixes the list's blocks use, by vote."""
    votes: dict[str, Counter[str]] = {"paper": Counter(), "code": Counter()}
    for entry in entries:
        for line in entry.raw.splitlines()[1:]:
            match = _BLOCK_LINE.match(line)
            if not match:
                continue
            label = match.group(2).strip().lower()
            role = _BLOCK_ROLES.get(label, "")
            if role:
                votes[role][match.group(1) + match.group(2) + match.group(3)] += 1
    return tuple((role, c.most_common(1)[0][0]) for role, c in votes.items() if c)

