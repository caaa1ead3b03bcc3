"""An entry that opens with its venue as the link to its paper, `- [[ICLR](url)] Title.
[[code](…)]` (a point-cloud list's form, and the lists that copied it): the label is the venue,
the link the paper's, and the text after it the title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from promptbot.catalog.links import clean, venue_label

_OPENING = re.compile(r"\s*\[\[([^\[\]]{1,60})\]\(([^()\s]+)\)\]\s*")
# A count (`1k:fire:`, `5.8k:star:`), the list's mark of a popular paper: no name, no title.
COUNT = re.compile(r"[\d.]+[kKmM]?(?::[\w+\-]+:)*")
_COUNT_TAG = re.compile(rf"\[{COUNT.pattern}\]\s*")
# A venue's first word: an acronym (`ICLR`, `CoRR`, `NeurIPS`, `TPAMI`) or arXiv.
_VENUE_WORD = re.compile(r"(?:[A-Za-z]*[A-Z][a-z]*[A-Z][A-Za-z]*|(?i:arxiv))")
_MAX_WORDS = 8


@dataclass(frozen=True)
class VenueLink:
    """The venue and year an entry's opening link names, and where its title starts."""

    venue: str
    year: int | None
    end: int


def venue_link(text: str) -> VenueLink | None:
    """The venue link an entry opens with, None for an entry that opens otherwise."""
    opening = _OPENING.match(text)
    if opening is None:
        return None
    label = clean(opening.group(1)).strip("*_ ")
    dated = venue_label(label)
    if dated is not None and dated[0]:
        venue, year = dated[0], dated[1]
    elif len(label.split()) <= _MAX_WORDS and _VENUE_WORD.fullmatch(label.split()[0]):
        venue, year = label, None  # `ICLR`, `ICLR Practical ML for Low Resource Settings Workshop`
    else:
        return None
    end = opening.end()
    while count := _COUNT_TAG.match(text, end):
        end = count.end()
    return VenueLink(venue, year, end)
