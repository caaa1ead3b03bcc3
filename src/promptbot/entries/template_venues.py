"""Venues in an entry's text as template slots: known venue words with their publisher
(`ACM MM`, `IEEE TPAMI`), the venue the parser read where it is several words (`ACM
Multimedia`), and a venue glued to its year (`CVPR23`, `[ECCV2020]`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from promptbot.entries.metadata import PUBLISHERS, canonical_venue
from promptbot.entries.template_dates import Span, free
from promptbot.entries.template_model import Slot, flexible
from promptbot.models import Entry

# A hyphen before digits ends the word: `[ECCV-2022]` is a venue and its year; one after a year
# starts it: `2023-WACV - Title`.
_VENUE_WORD = re.compile(
    r"(?:(?<![\w\-])|(?<=\d\d\d\d-))([A-Za-z][A-Za-z\-]*[A-Za-z])(?![\w]|-[^\d])")


def venue_spans(text: str, spans: list[Span], venue: str | None = None) -> Iterator[Span]:
    """The known venue words of an entry's text (and an acronym right before a date), each with
    the publisher before it. Another venue than the one the entry was read to have (`venue`) is
    a remark of the exemplar's (`(ResNet, CVPR best paper)`), no place for a new paper's venue."""
    dated = {s for s, _, slot in spans if slot.kind == "date"}
    for match in _VENUE_WORD.finditer(text):
        word = match.group(1)
        # An image's alt text, or a badge's parameter (`logo=arxiv`, a logo's name): no venue.
        if not free(spans, match.start(), match.end()) or text[:match.start()].endswith(
                ("![", "=")):
            continue
        # An acronym right before a date is a venue the table may not know: `[**HPCA'23**]`;
        # `Preprint'25` is where the list's published papers say `ICML'25`.
        at_date = any(0 <= d - match.end() <= 2 for d in dated)
        before_date = at_date and (_acronym(word) or word.lower() == "preprint")
        if word.lower() == "arxiv" or _is_venue(word) or before_date:
            start = _venue_start(text, match.start(), spans)
            kind = "other" if _is_venue(word) and _another(word, venue) else "venue"
            yield start, match.end(), Slot(kind, original=text[start:match.end()])


def _another(word: str, venue: str | None) -> bool:
    """Whether a known venue word is not the entry's venue, where the parser read a venue that
    names one (a date misread as the venue, `[6th Feb.`, says nothing of the others)."""
    if venue is None or not any(w.lower() == "arxiv" or _is_venue(w)
                                for w in _VENUE_WORD.findall(venue)):
        return False
    return word.lower() not in venue.lower() and canonical_venue(word) != canonical_venue(venue)


def _venue_start(text: str, start: int, spans: list[Span]) -> int:
    """Where a venue starts: a publisher right before it is part of its name (`ACM MM 2018`,
    `IEEE TPAMI`), and a new paper's venue takes its place whole."""
    before = _WORD_BEFORE.search(text, 0, start)
    if before is None or before.group(1) not in PUBLISHERS \
            or not free(spans, before.start(), start):
        return start
    return before.start()


_WORD_BEFORE = re.compile(r"(?<![\w'’])(\w+) $")


def read_venue_span(text: str, entry: Entry, spans: list[Span]) -> Iterator[Span]:
    """The venue the parser read, where it is more than one known word (`ACM Multimedia`,
    `IEEE Transactions on Multimedia`): a new paper's venue takes its place whole, where the
    known-word reading would slot a word of it and copy the rest; one word, where the entry's
    year follows it (`Eurographics 2024`)."""
    venue = entry.venue or ""
    if not venue or any(c.isdigit() for c in venue):
        return  # a year inside is a date slot's
    pattern = flexible(venue)
    # One word is the known-word reading's, unless a tag holds it and the entry's year alone
    # (`[Eurographics 2024]` is a venue tag, whatever venues the reading knows), or it is the
    # list's word for a preprint (`**Title.** Preprint.`, where others say `NeurIPS 2020.`).
    word, preprint = len(venue.split()) == 1, venue.lower() == "preprint"  # `arXiv` is known
    tagged = word and entry.year is not None and not preprint
    if word and not tagged and not preprint:
        return
    for match in pattern.finditer(text) if pattern else ():
        if tagged and not (text[:match.start()].endswith(("[", "(")) and re.match(
                rf"\s?{entry.year}[\])]", text[match.end():])):
            continue
        if free(spans, match.start(), match.end()):
            yield match.start(), match.end(), Slot("venue", original=match.group())
            return


# A venue and its year run together: `[Pei et al. CVPR23]`, `ARXIV22`, `ACMMM22`, `[ECCV2020]`.
_GLUED = re.compile(r"(?<![\w\-])([A-Za-z]{2,12}?)((?:19|20)\d\d|\d\d)(?![\w\-.])")


def glued_spans(text: str, spans: list[Span], year: int | None,
                venue: str | None = None) -> Iterator[Span]:
    """A venue glued to its year as two slots, the venue and a `%y` or `%Y` date: only for the
    entry's own year and a word that is a venue or an acronym. The entry's `venue` of more
    words than the glued one is the venue slot whole (`ACM MM2024`, not `ACM {venue}2024`)."""
    for match in _GLUED.finditer(text):
        word, digits = match.group(1), match.group(2)
        if year is None or int(digits) not in (year, year % 100) or not free(
                spans, *match.span()):
            continue
        if word.lower() == "arxiv" or _is_venue(word) or _acronym(word):
            start = match.start(1)
            if venue and venue.endswith(" " + word) and text[:start].endswith(venue[:-len(word)]) \
                    and free(spans, start - len(venue) + len(word), start):
                start -= len(venue) - len(word)
            yield start, match.end(1), Slot("venue", original=text[start:match.end(1)])
            yield match.start(2), match.end(2), Slot(
                "date", "%Y" if len(digits) == 4 else "%y", original=digits)


def _acronym(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 and len(word) <= 12


def _is_venue(word: str) -> bool:
    canonical = canonical_venue(word)
    return canonical is not None and canonical != "arXiv" and (
        word.isupper() or word == canonical or word.lower() in ("nips", "neurips"))
