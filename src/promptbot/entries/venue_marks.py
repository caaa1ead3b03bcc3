"""Venues and preprint marks written in an entry's own text, for lists the parser reads no venue of.

Such lists still mark a preprint: a word (`[arXiv]`, `[**Arxiv 2023.10**]`, `**ArXiv'23.12**`)
or a month where published entries write their venue (`(Jun., 2024)` beside `(NeurIPS, 2024)`).
How the list writes a published venue with its year (`ECCV 2024`, `[**CVPR'26**]`) is learned
from its entries as a `VenueShape`. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from promptbot.catalog.links import find_links
from promptbot.catalog.section_signals import PUBLISHED, venue_status
from promptbot.entries.metadata import canonical_venue
from promptbot.entries.template_dates import MONTH_WORD
from promptbot.models import Entry

# A preprint marker outside links: "Arxiv 2023.10", "ArXiv'23.12", "arXiv", "preprint";
# ... or a month where published entries write their venue: "(Jun., 2024)" beside "(CVPR, 2024)".
_MARKER = re.compile(r"(?<![\w/.])(?:(?:arxiv|preprint)(?:\s*['’]?\s*\d{2}(?:\d{2})?"
                     r"(?:[.\-/]\d{1,2})?)?|" + MONTH_WORD + r",?\s*(?:19|20)\d\d)(?![\w'’])",
                     re.IGNORECASE)
# A venue and its year as a list writes them outside links: "ECCV 2024", "CVPR'25".
_VENUE_TOKEN = re.compile(r"(?<![\w/.*_])(?P<em>\*{1,2}|_{1,2})?(?P<venue>[A-Za-z][A-Za-z-]{1,11})"
                          r"(?P<sep>\s*['’]\s*|\s*,\s*|\s+)(?P<year>(?:19|20)\d\d|\d\d)(?![\w.])"
                          r"(?P<close>\*{1,2}|_{1,2})?")


def entry_text(entry: Entry) -> str:
    """The entry's text as listed, without its final line ending."""
    return entry.raw.rstrip("\r\n") if entry.raw.endswith(("\n", "\r")) else entry.raw


def masked(text: str) -> str:
    """`text` with its links blanked out, so a search finds only the entry's own words."""
    out = list(text)
    for start, end, _, _ in find_links(text):
        out[start:end] = " " * (end - start)
    return "".join(out)


@dataclass(frozen=True)
class VenueShape:
    """How a list writes a venue with its year in an entry's text: "ECCV 2024", "CVPR'25"."""

    separator: str = " "
    short_year: bool = False
    emphasis: str = ""  # "**" when the list writes published venues in bold

    def render(self, venue: str, year: int) -> str:
        """`venue` and `year` in this shape, without the emphasis."""
        return f"{venue}{self.separator}{year % 100:02d}" if self.short_year \
            else f"{venue}{self.separator}{year}"

    def replace(self, text: str, start: int, end: int, venue: str, year: int) -> str:
        """`text` with `text[start:end]` (a preprint marker) made this venue, emphasised like
        the list's published venues unless the marker already is."""
        em = self.emphasis
        wrapped = bool(em) and text[max(0, start - len(em)):start] == em == text[end:end + len(em)]
        new = self.render(venue, year)
        return text[:start] + (new if wrapped or not em else f"{em}{new}{em}") + text[end:]


def venue_shape(entries: Sequence[Entry]) -> VenueShape | None:
    """The most common shape of known venues with years in the entries' own text, if any."""
    votes: Counter[tuple[str, bool, str]] = Counter()
    for entry in entries:
        for found in _VENUE_TOKEN.finditer(masked(entry_text(entry))):
            venue = canonical_venue(found.group("venue"))
            if venue is not None and venue != "arXiv":
                em = found.group("em") or ""
                votes[(found.group("sep"), len(found.group("year")) == 2,
                       em if em == (found.group("close") or "") else "")] += 1
    if not votes:
        return None
    (separator, short, emphasis), _ = votes.most_common(1)[0]
    return VenueShape(separator, short, emphasis)


def preprint_marker(entry: Entry) -> tuple[int, int] | None:
    """Where the one preprint marker of an entry whose venue the parser did not read is."""
    if entry.venue is not None:
        return None
    text = masked(entry_text(entry))
    found = list(_MARKER.finditer(text))
    if len(found) != 1:
        return None
    return found[0].span()


def preprint_tag(entry: Entry) -> tuple[int, int] | None:
    """Where an entry's preprint venue stands as a tag of its own (`[arXiv]`), which a venue
    replaces the way the list tags venues (`[**CVPR'26**]`); None for a venue written as a field
    (`"Title", arXiv, 2023`)."""
    if entry.venue is None or venue_status(entry.venue) == PUBLISHED:
        return None
    text = entry_text(entry)
    found = list(_MARKER.finditer(masked(text)))
    if len(found) != 1:
        return None
    start, end = found[0].span()
    # `[arXiv]`, or `[**Arxiv 2025.03**]` with the tag's own emphasis inside the brackets.
    inner = len(text[:start]) - len(text[:start].rstrip("*_"))
    after = len(text[end:]) - len(text[end:].lstrip("*_"))
    opened = start - inner > 0 and text[start - inner - 1] == "["
    closed = text[end + after:end + after + 1] == "]"
    return (start, end) if opened and closed else None


def venue_key(entry: Entry) -> tuple[str, int] | None:
    """The published venue and year an entry names ("ICCV", 2023), None for a preprint."""
    if entry.venue and entry.year and venue_status(entry.venue) == PUBLISHED:
        venue = canonical_venue(entry.venue)
        return (venue, entry.year) if venue else None
    found = _VENUE_TOKEN.search(masked(entry_text(entry)))
    venue = canonical_venue(found.group("venue")) if found else None
    if found is None or venue is None or venue == "arXiv":
        return None
    year = int(found.group("year"))
    return venue, year + 2000 if year < 100 else year
