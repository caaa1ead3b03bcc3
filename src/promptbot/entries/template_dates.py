"""Dates in an entry, found by the entry's own arXiv id: `2508`, `202508`, `2025.08`, `25-08`,
`2025-08-18`, `(Aug., 2025)`, `'25`; each becomes a date slot with the list's format."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from promptbot.entries.template_model import Slot

Span = tuple[int, int, Slot]  # a value's place in an entry's text, and the slot it becomes
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
_MONTHS = tuple(name[:3].lower() for name in MONTH_NAMES)
# A month as lists write it, whole or abbreviated (`Jan`, `January`, `Sept`), for patterns that
# must not take a longer word (`Mayer`): the names and their three-letter forms, longest first.
MONTH_WORD = "(?:" + "|".join(sorted({*(n.lower() for n in MONTH_NAMES), *_MONTHS, "sept"},
                                     key=lambda w: (-len(w), w))) + r")\.?"
# A month and year, perhaps with the day before the month (`10 Sep 2022`) or after it (`Feb. 28,
# 2025`).
_MONTH_DATE = re.compile(
    rf"(?i)(?:(?<![\w.])(?P<before>[0-3]?\d)(?P<ordinal>st|nd|rd|th)? )?"
    rf"\b(?P<month>{'|'.join(_MONTHS)})(?P<rest>[a-z]*)"
    r"(?:(?P<mark>\.?) (?P<after>[0-3]?\d)(?=,))?(?P<sep>\.?,? ?)(?:19|20)\d\d\b"
)
_DATE = re.compile(
    r"(?<![\w.'’\"=])(?:(?P<ymd>(?:19|20)\d\d-\d{1,2}-\d{1,2})"
    r"|(?P<dotted>(?:19|20)\d\d(?P<dsep>[./])\d\d(?P=dsep)\d\d)"
    r"|(?P<ym>(?:19|20)\d\d)(?P<sep>\\?[.\-/]?)"
    r"(?P<m>\d{1,2})(?![\d.]|-\d)|(?P<yymmdd>\d\d(?P<tsep>[./])\d\d(?P=tsep)\d\d)"
    r"|(?P<yy_mm>\d\d(?P<ysep>[-.])\d\d)"
    r"|(?P<my>(?:0[1-9]|1[0-2])(?P<msep>[./])(?:19|20)\d\d)|(?P<four>\d{4})(?!\.\d{4}))"
    r"(?![\w])"
)
_TAG = re.compile(r"<[A-Za-z][^<>]*>")
_SHORT_YEAR = re.compile(r"(['’]) ?((?:19|20)?\d\d)(?:(\.)(\d{1,2}))?(?!\d)")
# A venue's two-digit year after a space (`CVPR 16`, `ACM MM 17`): a date where it is the entry's
# own year, never a count (`Top 10`) or a version.
_SPACED_YEAR = re.compile(r"\b[A-Z][A-Za-z]*[A-Z] (\d\d)(?![\w.'’])")


def free(spans: list[Span], start: int, end: int) -> bool:
    """Whether no span found so far overlaps start..end."""
    return all(end <= s or start >= e for s, e, _ in spans)


def date_spans(text: str, spans: list[Span], yymm: str, year: int | None) -> Iterator[Span]:
    """The entry's dates as slots; a number inside an HTML tag (an image's file name,
    `excel_images/2026-01-09_…`) is part of another paper's value, never a date shown."""
    taken = list(spans) + [(m.start(), m.end(), Slot("other")) for m in _TAG.finditer(text)]
    for span in _month_dates(text, taken):
        taken.append(span)
        yield span
    for match in _DATE.finditer(text):
        form = _date_form(match, yymm, year)
        if form and free(taken, match.start(), match.end()):
            # A day of another month than the paper's (a later version's, `[[v5](…)](2023.08.05)`)
            # is a value the bot cannot know, not the paper's date.
            kind = "other" if form == "?" else "date"
            span = (match.start(), match.end(), Slot(kind, "" if form == "?" else form,
                                                     original=match.group()))
            taken.append(span)
            yield span
    for span in _bare_months(text, taken, yymm):
        taken.append(span)
        yield span
    for match in _SHORT_YEAR.finditer(text):
        form = ("%Y" if len(match.group(2)) == 4 else "%y") + (
            "." + ("%m" if len(match.group(4)) == 2 else "%-m") if match.group(3) else "")
        if free(taken, match.start(2), match.end()):
            taken.append((match.start(2), match.end(), Slot("date")))
            yield match.start(2), match.end(), Slot("date", form,
                                                    original=text[match.start(2):match.end()])
    for match in _SPACED_YEAR.finditer(text):
        if year is not None and match.group(1) == f"{year % 100:02d}" \
                and free(taken, match.start(1), match.end(1)):
            yield match.start(1), match.end(1), Slot("date", "%y", original=match.group(1))


def _month_dates(text: str, spans: list[Span]) -> Iterator[Span]:
    for match in _MONTH_DATE.finditer(text):
        if not free(spans, match.start(), match.end()):
            continue
        word = match.group("month") + match.group("rest")
        dotted = (match.group("mark") or match.group("sep")).startswith(".")
        # `June.`, `July.` (whole, yet dotted as the list's abbreviations are) and `Sept` are
        # abbreviations: `Nov.` for another month, not `November.`.
        short = len(word) <= 3 or word.lower() == "sept" or (len(word) == 4 and dotted)
        month = "%b" if short else "%B"
        sep = match.group("sep").replace("%", "%%")
        if match.group("after"):
            form = f"{month}{match.group('mark')} {_day(match.group('after'), '%d')}{sep}%Y"
        elif match.group("before"):
            # `16th Oct., 2024`: the day's ordinal suffix is the day's (`1st`, `22nd`, `3rd`)
            ordinal = "%o" if match.group("ordinal") else ""
            form = f"{_day(match.group('before'), '%-d')}{ordinal} {month}{sep}%Y"
        else:
            form = f"{month}{sep}%Y"
        yield match.start(), match.end(), Slot("date", form, original=match.group())


def _day(digits: str, either: str) -> str:
    """The format of a day of the month as written: `01` is padded, `1` not, `28` either way
    (`either`: a day after the month is padded in the lists seen, one before it not)."""
    if digits.startswith("0"):
        return "%d"
    return "%-d" if len(digits) == 1 else either


_BARE_MONTH = re.compile(rf"(?i)(?<![\w'’])({MONTH_WORD})(?![\w'’])")


def _bare_months(text: str, spans: list[Span], yymm: str) -> Iterator[Span]:
    """A month without a year (`` `Mar` `` in a section of this year's preprints), only where
    it is the month of the entry's own arXiv id: a word `May` of a remark is no date."""
    if len(yymm) != 4:
        return
    for match in _BARE_MONTH.finditer(text):
        word = match.group(1).rstrip(".")
        if month_index(word) == int(yymm[2:]) and word[:1].isupper() \
                and free(spans, match.start(), match.end()):
            form = "%B" if len(word) > 3 and word.lower() != "sept" else "%b"
            yield match.start(), match.end(), Slot("date", form + match.group(1)[len(word):],
                                                   original=match.group())


def _date_form(match: re.Match[str], yymm: str, year: int | None) -> str | None:
    if ymd := match.group("ymd"):  # `2024-09-28`, and unpadded `2023-5-20`
        _, month, day = ymd.split("-")
        return "%Y-" + ("%m" if len(month) == 2 else "%-m") + "-" + (
            "%d" if len(day) == 2 else "%-d")
    if dotted := match.group("dotted"):  # `2021.12.27`, `2021/12/27`
        if yymm and dotted[2:4] + dotted[5:7] != yymm:
            return "?"
        sep = match.group("dsep")
        return f"%Y{sep}%m{sep}%d"
    if match.group("ym"):
        month = match.group("m")
        if not 1 <= int(month) <= 12:
            return None
        return "%Y" + match.group("sep") + ("%m" if len(month) == 2 else "%-m")
    if day := match.group("yymmdd"):  # `24.04.12`: a day of the entry's own month, or another's
        sep = match.group("tsep")
        return f"%y{sep}%m{sep}%d" if day[:2] + day[3:5] == yymm else "?"
    if match.group("my"):  # `12/2024`: the month first
        return f"%m{match.group('msep')}%Y"
    if short := match.group("yy_mm"):
        if match.group("ysep") == "-":
            # `25-08`, a month of the entry's year; `82-97` is a citation's pages.
            yy, month = short.split("-")
            years = {yymm[:2], f"{year % 100:02d}" if year else ""} - {""}
            return "%y-%m" if 1 <= int(month) <= 12 and (not years or yy in years) else None
        # `25.03` is a date only as the entry's own arXiv month: a dotted pair of two digits is
        # as often a score or a version.
        return "%y.%m" if short.replace(".", "") == yymm else None
    four = match.group("four")
    if yymm and four == yymm:
        return "%y%m"
    if four[:2] in ("19", "20") and (year is None or int(four) == year or not yymm):
        return "%Y"
    return None


def month_index(word: str) -> int | None:
    """1..12 for a month name or abbreviation."""
    word = word[:3].lower()
    return _MONTHS.index(word) + 1 if word in _MONTHS else None


def month_spellings(texts: Iterable[str]) -> tuple[str, ...]:
    """How a list spells each month in its dates, by vote (`Mar.`, `May`, `July`): 12 strings,
    "" for a month it never writes. A list abbreviates with a period except where the month is
    short (`May`, `July`), and that is learned per month, not copied from one exemplar."""
    votes = [Counter[str]() for _ in _MONTHS]
    for text in texts:
        for match in _MONTH_DATE.finditer(text):
            word = match.group("month") + match.group("rest")
            index = _MONTHS.index(word[:3].lower())
            dotted = (match.group("mark") or match.group("sep")).startswith(".")
            # `Sept`, `July`; not `Mayer 2025`
            if MONTH_NAMES[index].lower().startswith(word.lower()):
                votes[index][word + ("." if dotted else "")] += 1
    return tuple(v.most_common(1)[0][0] if v else "" for v in votes)

