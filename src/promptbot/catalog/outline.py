"""How a list is laid out: section names and paths, year subsections, and the order it keeps.

All of it is read from the list itself:

- a section's name is its heading, or its heading path (`🌁 Vision > 2026`) when another section
  has the same heading; either finds it again;
- year subsections are sections whose heading is a year, or a venue and its year (`CVPR 2022`:
  a paper goes under its own venue's year there); a new year is opened the way the list opened
  its newest one (same heading line, date changed), where the list puts that date;
- a section is newest-first when its entries mostly go from newer to older (arXiv ids, years):
  such a list inserts at the top.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from promptbot.catalog.section_signals import says_preprint
from promptbot.catalog.subgroups import groups_of
from promptbot.models import Catalog, Entry, Section

SEPARATOR = " > "
_YEAR_HEADING = re.compile(r"^\W{0,6}(?:year\s*)?((?:19|20)\d\d)\W{0,6}$", re.IGNORECASE)
_VENUE_WORD = r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
_VENUE_YEAR_HEADING = re.compile(rf"^\W{{0,6}}({_VENUE_WORD}(?: {_VENUE_WORD}){{0,2}})[\s'’-]*"
                                 r"((?:19|20)\d\d)\W{0,6}$")
_NEW_ID = re.compile(r"^(\d\d)(\d\d)\.\d{4,5}$")
_MIN_PAIRS = 3  # ordered pairs a section needs before its own order counts


def _key(section: Section) -> str:
    return section.heading.strip()


def section_names(catalog: Catalog) -> dict[int, str]:
    """Each section's name by `id()`: its heading, or where headings repeat the shortest end of
    its path that no other section shares (`🌁 Vision > 2026`)."""
    counts = Counter(_key(s) for s in catalog.sections)
    names: dict[int, str] = {}
    for section in catalog.sections:
        names[id(section)] = _key(section)
        if counts[_key(section)] > 1 and section.path:
            names[id(section)] = _unique_tail(catalog, section)
    return names


def _unique_tail(catalog: Catalog, section: Section) -> str:
    path = tuple(p.strip() for p in section.path)
    for size in range(2, len(path) + 1):
        tail = path[-size:]
        if sum(1 for s in catalog.sections
               if tuple(p.strip() for p in s.path[-size:]) == tail) == 1:
            return SEPARATOR.join(tail)
    return SEPARATOR.join(path)


def section_name(catalog: Catalog, section: Section) -> str:
    """The name that finds `section` (or a sub-group) again: its heading, or its path if the
    heading repeats; a sub-group is named after its section: `Visual Captioning > Video`."""
    names = section_names(catalog)
    if section.kind != "group":
        return names.get(id(section), _key(section))
    owner = next((s for s in catalog.sections if s.line <= section.line <= s.end_line), None)
    if owner is None:
        return SEPARATOR.join(section.path)
    return f"{names.get(id(owner), _key(owner))}{SEPARATOR}{_key(section)}"


def find(catalog: Catalog, name: str) -> Section | None:
    """The section a name gives: an exact heading first, then a heading path (or its tail)."""
    wanted = name.strip()
    for section in catalog.sections:
        if _key(section) == wanted:
            return section
    parts = tuple(p.strip() for p in wanted.split(SEPARATOR.strip()))
    if len(parts) < 2:
        return None
    for section in (*catalog.sections, *catalog.groups):
        path = tuple(p.strip() for p in section.path)
        if path[-len(parts):] == parts:
            return section
    owner = find(catalog, SEPARATOR.join(parts[:-1]))  # `Section > Group` by the section's name
    if owner is None:
        return None
    return next((g for g in groups_of(catalog, owner) if _key(g) == parts[-1]), None)


def parent_of(catalog: Catalog, section: Section) -> Section | None:
    """The section whose heading is right above `section`'s in its path, None at the top."""
    return next((s for s in catalog.sections if s.path == section.path[:-1]), None)


def has_subsections(catalog: Catalog, section: Section) -> bool:
    """Whether headings of the catalog sit below `section` (its path is their path's start)."""
    depth = len(section.path)
    return depth > 0 and any(len(s.path) > depth and s.path[:depth] == section.path
                             for s in catalog.sections)


@dataclass(frozen=True)
class HeadingDate:
    """What a dated heading says: its year, and the venue before it (`CVPR 2022`, `arXiv
    2023`, as the heading writes it), None for a year alone."""

    year: int
    venue: str | None = None


@lru_cache(maxsize=4096)  # every placement and insertion asks it of every heading again
def parse_heading_date(text: str) -> HeadingDate | None:
    """The date a heading's text is (`2026`, `#### 2025:`, `**2024**`, `CVPR 2022`, `ACM-MM
    2021`), None otherwise. A venue is up to three words of two capitals or more each, or
    arXiv: `Vision 2025` names a topic and its year, which no list splits a topic into."""
    text = text.strip()
    match = _YEAR_HEADING.match(text)
    if match:
        return HeadingDate(int(match.group(1)))
    match = _VENUE_YEAR_HEADING.match(text)
    if match and _is_venue_word(match.group(1)):
        return HeadingDate(int(match.group(2)), match.group(1))
    return None


def _is_venue_word(words: str) -> bool:
    """arXiv, or words of two capitals or more each (`CVPR`, `ACM-MM`, `ACM MM`, `NeurIPS`)."""
    return words.casefold() == "arxiv" or all(sum(c.isupper() for c in w) >= 2
                                              for w in words.split())


def heading_date(section: Section) -> HeadingDate | None:
    """The date a section's heading is (parse_heading_date)."""
    return parse_heading_date(section.heading)


def heading_year(section: Section) -> int | None:
    """The year a section's heading is (`2026`, `CVPR 2022`), None if it is no date."""
    date = heading_date(section)
    return date.year if date else None


def same_venue(one: str | None, other: str | None) -> bool:
    """Whether two venues are one as dated headings name them: letters and digits, any case
    (`ACM-MM` is `ACM MM`); no venue is a preprint's, which such a list files under arXiv."""
    return _venue_letters(one) == _venue_letters(other)


def _venue_letters(venue: str | None) -> str:
    return re.sub(r"[^0-9a-z]", "", (venue or "arXiv").casefold())


def by_venue(siblings: Sequence[Section]) -> bool:
    """Whether dated siblings are split by venue as well as year (`CVPR 2022`, `ICLR 2023`)."""
    return any((date := heading_date(s)) is not None and date.venue for s in siblings)


def year_siblings(catalog: Catalog, section: Section) -> list[Section]:
    """The year sections beside `section` (or under it, if it only holds years), in file order."""
    parent = section.path[:-1] if heading_year(section) is not None else section.path
    return [s for s in catalog.sections if s.path[:-1] == parent and s.path
            and heading_year(s) is not None]


def year_section(catalog: Catalog, section: Section, year: int,
                 venue: str | None = None) -> Section | None:
    """In a list split by year, the year section beside `section` for `year` itself (and for
    `venue` too in a list split by venue and year); None when `section` is no year section or
    the list has none for that year."""
    if heading_year(section) is None:
        return None
    chosen = by_year(year_siblings(catalog, section), year, venue)
    return chosen if chosen is not None and heading_year(chosen) == year else None


def by_year(siblings: Sequence[Section], year: int, venue: str | None = None) -> Section | None:
    """The sibling for `year`: its own, else the nearest older one; None: a newer year is due.
    Siblings split by venue too (`CVPR 2022`, `ICCV 2023`) give only the one of the paper's
    venue (`venue`; a preprint's is arXiv) and year: any other is a venue to open."""
    if by_venue(siblings):
        found = _dated(siblings, year, venue)
        if found is None and files_as_preprint(venue):  # where a heading of it would be
            found = _dated(siblings, year, None)
        return found
    years = {heading_year(s): s for s in siblings}
    if year in years:
        return years[year]
    if not years or year > max(y for y in years if y is not None):
        return None
    older = [y for y in years if y is not None and y < year]
    return years[max(older)] if older else years[min(y for y in years if y is not None)]


def dated_section(catalog: Catalog, siblings: Sequence[Section], year: int,
                  venue: str | None = None) -> Section | None:
    """The section among dated `siblings` for a paper of `year` and `venue` (by_year), or in a
    list that dates its published papers by venue but not its preprints, a preprint's undated
    heading beside them (preprint_shelf); None: a heading to open."""
    return by_year(siblings, year, venue) or (
        preprint_shelf(catalog, siblings) if files_as_preprint(venue) else None)


def preprint_shelf(catalog: Catalog, siblings: Sequence[Section]) -> Section | None:
    """In a list dated by venue and year (`## CVPR 2023`, `## ICCV 2023`) that dates no
    preprints (no `arXiv 2023`), the undated heading beside them that says it holds preprints
    (`## arXiv`, `## Preprints`); None where there is no such heading."""
    dates = [d for s in siblings if (d := heading_date(s)) is not None and d.venue]
    if not dates or any(same_venue(d.venue, None) for d in dates):
        return None
    return next((s for s in catalog.sections if s.path[:-1] == siblings[0].path[:-1]
                 and heading_date(s) is None and says_preprint(s.heading)), None)


def _dated(siblings: Sequence[Section], year: int, venue: str | None) -> Section | None:
    return next((s for s in siblings if (d := heading_date(s)) is not None and d.year == year
                 and same_venue(d.venue, venue)), None)


@dataclass(frozen=True)
class NewHeading:
    """A year subsection to open: after which line, its lines, and the name it will have."""

    after_line: int
    lines: tuple[str, ...]  # blank lines before, the heading, blank lines before the entry
    name: str


def open_year(catalog: Catalog, siblings: Sequence[Section], year: int,
              venue: str | None = None) -> NewHeading:
    """Open `year` (and `venue`, in a list split by venue too) as the list opened its newest
    year: same line, the date changed, among its siblings where the list keeps that date."""
    newest = max(reversed(siblings), key=lambda s: heading_year(s) or 0)  # the year's last
    old = heading_date(newest) or HeadingDate(year)
    new = HeadingDate(year, _venue_written(siblings, venue) if old.venue else None)
    heading = _redated(catalog.lines[newest.line - 1].rstrip("\r\n"), old, new)
    gap = _blank_run(catalog, newest.line, 1)
    after, above = _place_for(catalog, siblings, year)
    parent = parent_of(catalog, newest)
    prefix = section_name(catalog, parent) if parent else SEPARATOR.join(newest.path[:-1])
    name = f"{prefix}{SEPARATOR}{_redated(newest.heading, old, new)}"
    return NewHeading(after, ("",) * above + (heading,) + ("",) * gap, name)


def _place_for(catalog: Catalog, siblings: Sequence[Section], year: int) -> tuple[int, int]:
    """Where a new year's heading goes among its siblings: the line it follows, and the blank
    lines before it. Newest first: above the first sibling it is no older than; oldest first:
    after the last such (a venue's year beside that year's other venues); above them all
    (newest first: after them all) when it is older than all."""
    descending = (heading_year(siblings[0]) or 0) >= (heading_year(siblings[-1]) or 0)
    older = [s for s in siblings if (heading_year(s) or 0) <= year]
    before = (older[0] if older else None) if descending else (None if older else siblings[0])
    if before is not None:
        above = _blank_run(catalog, before.line - 2, -1)
        return before.line - 1 - above, above
    last = siblings[-1] if descending else older[-1]
    return _last_content(catalog, last), max(1, _blank_run(catalog, last.line - 2, -1))


def _venue_written(siblings: Sequence[Section], venue: str | None) -> str:
    """`venue` as the siblings write it (`ACM-MM` for ACM MM), else as given; arXiv for none."""
    venue = dating_venue(venue)
    written = (d.venue for s in siblings if (d := heading_date(s)) is not None and d.venue
               and same_venue(d.venue, venue))
    return next(written, venue or "arXiv")


def files_as_preprint(venue: str | None) -> bool:
    """Whether a list dated by venue files a paper of `venue` under arXiv's year: a preprint
    (None, arXiv), or a venue no heading could be dated by (dating_venue)."""
    return same_venue(dating_venue(venue), None)


def dating_venue(venue: str | None) -> str | None:
    """`venue` when it can date a heading (venue words: `CVPR`, `NeurIPS`, `ACM MM`), else
    None, a preprint's. A venue is paper metadata: a name written out, or markup, is never
    written into a heading; such a paper goes under arXiv's year, and its entry says more."""
    read = parse_heading_date(f"{venue} 2000") if venue else None
    return venue if read is not None and read.venue == venue else None


def _redated(text: str, old: HeadingDate, new: HeadingDate) -> str:
    """A sibling's heading (or its line) with its date changed to `new`'s."""
    if old.venue and new.venue:
        venue = new.venue  # a function, not a template: the venue is never read for `\1`
        text = re.sub(rf"{re.escape(old.venue)}(?=[\s'’-]*{old.year})", lambda _: venue, text,
                      count=1)
    return text.replace(str(old.year), str(new.year))


def _blank_run(catalog: Catalog, start: int, step: int) -> int:
    """How many blank lines follow (step 1) or precede (step -1) 0-based line `start`."""
    count, i = 0, start
    while 0 <= i < len(catalog.lines) and not catalog.lines[i].strip():
        count, i = count + 1, i + step
    return count


def _last_content(catalog: Catalog, section: Section) -> int:
    """The 1-based last non-blank line of a section."""
    end = section.end_line
    while end > section.line and not catalog.lines[end - 1].strip():
        end -= 1
    return end


def entry_age(entry: Entry) -> float | None:
    """When an entry's paper came out, in months: its arXiv id's YYMM, else its year."""
    for arxiv_id in entry.arxiv_ids:
        age = id_age(arxiv_id)
        if age is not None:
            return age
    return entry.year * 12.0 + 6 if entry.year else None


def _order(entries: Sequence[Entry]) -> tuple[int, int]:
    """Pairs of neighbours going newer-to-older and older-to-newer."""
    ages = [a for a in map(entry_age, entries) if a is not None]
    down = sum(1 for a, b in itertools.pairwise(ages) if a > b)
    up = sum(1 for a, b in itertools.pairwise(ages) if a < b)
    return down, up


def newest_first(catalog: Catalog, section: Section) -> bool:
    """Whether the list puts new papers on top of `section`: its order, else the list's."""
    down, up = _order(section.entries)
    if down + up < _MIN_PAIRS or down == up:
        pairs = [_order(s.entries) for s in catalog.sections]
        down, up = sum(d for d, _ in pairs), sum(u for _, u in pairs)
    return down > up


_SORTED = 3  # a section is kept sorted when pairs in order outnumber the others this many times


def id_age(arxiv_id: str) -> float | None:
    """A new-style arXiv id's YYMM in months, None for old-style ids."""
    match = _NEW_ID.match(arxiv_id)
    return (2000 + int(match.group(1))) * 12 + int(match.group(2)) if match else None


def sorted_after(section: Section, age: float | None) -> tuple[int, bool] | None:
    """In a section kept sorted by date, the line after which a paper of `age` keeps it sorted,
    and whether that is right above an entry (else right below one).

    Newest-first: below the last newer entry (the top of its month); oldest-first: above the
    first newer entry (the end of its month). None when the section is not kept sorted.
    """
    down, up = _order(section.entries)
    if age is None or max(down, up) < _SORTED or max(down, up) < _SORTED * min(down, up):
        return None
    dated = [(e, a) for e in section.entries if (a := entry_age(e)) is not None]
    if down > up:  # right below the last entry that is newer: the top of its month
        newer = [e for e, a in dated if a > age]
        return (newer[-1].after_line, False) if newer else (section.entries[0].line - 1, True)
    older = next((e for e, a in dated if a > age), None)  # right above the first newer one
    return (older.line - 1, True) if older else (section.entries[-1].after_line, False)


_LEAD = re.compile(r"^\s*(?:[-*+]|\d{1,4}[.)])\s+[\[(*_\s]*([A-Za-z0-9]{2,10})(?![A-Za-z0-9])")


def lead_word(text: str) -> str | None:
    """The word an entry's text starts with (`* [**CVPR'26**] ...` -> "cvpr"), lower-cased."""
    match = _LEAD.match(text)
    return match.group(1).casefold() if match else None


def _lead(entry: Entry) -> str | None:
    return lead_word(entry.raw)


def venue_run(section: Section, venue: str | None, top: bool) -> tuple[int, bool] | None:
    """In a section grouped by venue (`[**ICML'26**]` entries together, then `[**CVPR'26**]`
    ones), the line after which a paper of `venue` joins its venue's run (at its top when
    `top`, else at its end) and whether that is right above an entry; None if not grouped so
    or the venue has no run yet."""
    keys = [_lead(e) for e in section.entries]
    want = (venue or "").split()[0].casefold() if venue and venue.split() else ""
    if not want or want not in keys or None in keys or len(set(keys)) * 2 > len(keys):
        return None
    runs = [k for k, _ in itertools.groupby(keys)]
    if len(runs) != len(set(runs)) or len(runs) < 2:
        return None  # a venue in two places, or one venue only: not grouped by venue
    members = [e for e, k in zip(section.entries, keys, strict=True) if k == want]
    return (members[0].line - 1, True) if top else (members[-1].after_line, False)
