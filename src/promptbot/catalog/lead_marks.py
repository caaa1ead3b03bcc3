"""Marks an entry writes before its title: the paper's short name in code (`` `CoOp` ``), a
credit line in brackets (`` `[Pei et al. CVPR23]` ``, `[Zhou et al., Proc. CVPR 2025]`), and
the HTML anchors lists put there for their tables to link to (`<span id="01601">[Conv-AE]</span>`,
`<a name="todo"></a>`).

Read only where an entry opens with code or an anchor: an entry that opens with a bracket is
the tagged kind the fields reader already knows (`[**CVPR'26**] [Name] Title`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from promptbot.catalog.links import clean, venue_label

_OPENS = ("`", "<span", "<a ")
_ANCHOR = re.compile(r"\s*</?span\b[^>]*>\s*", re.IGNORECASE)
# An empty anchor shows nothing: a mark of its own (xialeiliu/Awesome-Incremental-Learning
# opens a thousand entries `<a name="todo"></a> Title (**ICML 2026**)`), never the title's.
_EMPTY_ANCHOR = re.compile(r"\s*<a\s+(?:name|id)\s*=\s*\"[^\"<>]*\"\s*>\s*</a>\s*",
                           re.IGNORECASE)
# A mark: code (not a name before a colon, `` `CoOp`: Title ``, which the name reader knows),
# or a bracket that is no link's label.
_CODE = re.compile(r"\s*`([^`]{1,80})`(?!\s*[:：])\s*")
_BRACKET = re.compile(r"\s*\[([^\[\]]{1,80})\](?![(\[])\s*")
# The venue that ends a credit: `CVPR23`, `Proc. CVPR 2025`, `ACMMM22`, `TCSVT'23`.
_VENUE_END = re.compile(
    r"(?:Proc\.\s*(?:of\s+)?(?:the\s+)?)?([A-Za-z][A-Za-z&\-]*?)\s*['’]?((?:19|20)?\d\d)$")
_NAME_WORDS = 4


@dataclass(frozen=True)
class Lead:
    """Where an entry's title part starts, and what the marks before it said."""

    end: int
    name: str | None = None
    venue: str | None = None
    year: int | None = None


def lead_marks(text: str) -> Lead | None:
    """The marks before an entry's title, None where the entry opens with none of them."""
    if not text.lstrip().startswith(_OPENS):
        return None
    at, marks = 0, 0
    name: str | None = None
    venue: str | None = None
    year: int | None = None
    while True:
        if empty := _EMPTY_ANCHOR.match(text, at):
            marks, at = marks + 1, empty.end()
            continue
        anchor = _ANCHOR.match(text, at)
        if anchor and anchor.end() > at:
            at = anchor.end()
            continue
        mark = _CODE.match(text, at) or _BRACKET.match(text, at)
        if not mark:
            break
        inner = mark.group(1).strip()
        if inner[:1] + inner[-1:] == "[]":
            inner = inner[1:-1].strip()
        credit = _credit(inner)
        dated = venue_label(inner)
        if credit is not None:
            venue, year = credit
        elif dated is not None and dated[0] and dated[1]:
            venue, year = dated  # `` `[ECCV 2024]` ``: a venue tag in code, no name
        elif name is None and 0 < len(inner.split()) <= _NAME_WORDS:
            name = clean(inner).strip("*_ ") or None
        else:
            break
        marks, at = marks + 1, mark.end()
    return Lead(at, name, venue, year) if marks else None


def _credit(inner: str) -> tuple[str | None, int | None] | None:
    """The venue and year of a credit mark (`Pei et al. CVPR23`, `Zhou et al., Proc. CVPR
    2025`), None for a mark that credits no one."""
    if "et al" not in inner and "," not in inner:
        return None
    tail = re.split(r"et al\.?|,", inner)[-1].strip(" .")
    found = _VENUE_END.search(tail)
    if not found:
        return None, None
    digits = found.group(2)
    return found.group(1) or None, int(digits) + (2000 if len(digits) == 2 else 0)
