"""Entries placed in the catalog text: where each goes, and an insert keeping every other byte."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from promptbot.catalog import outline, split_lines, subgroups
from promptbot.catalog.links import find_links
from promptbot.config import Config
from promptbot.entries import spacing
from promptbot.entries.formatting import FormattedEntry, format_entry, format_with_template
from promptbot.entries.indenting import ITEM_PREFIX, indented_as
from promptbot.entries.style import EntryStyle, infer_style
from promptbot.entries.table_rows import table_delimiter_line
from promptbot.entries.template_choice import next_number
from promptbot.errors import CatalogError
from promptbot.models import Catalog, Decision, Entry, Insertion, Section, Status

BULLET_PREFIX = re.compile(r"^(\s*)([-*+])(\s+)")  # an entry's indent, bullet and space
_BLOCK_START = re.compile(r"^\s*([-*+](\s|$)|\d{1,9}[.)](\s|$)|#|>|\||<|```|~~~)")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def find_section(catalog: Catalog, heading: str) -> Section:
    """The section with this heading or heading path (`A > 2026`), or a CatalogError."""
    found = outline.find(catalog, heading)
    if found is not None:
        return found
    known = ", ".join(repr(s.heading) for s in catalog.sections)
    raise CatalogError(f"no section {heading!r} in the catalog (sections: {known})")


def insertion_point(catalog: Catalog, section_heading: str, arxiv_id: str = "",
                    entry: str = "") -> int:
    """The 1-based line after which a new entry of the section (or sub-group) goes.

    Where that list inserts: on top of a newest-first section, else at its end. A year section
    the list has not opened yet (`A > 2027`, named by an earlier run) gets the line after which
    it would be opened. With the paper's `arxiv_id` and `entry` text, a section kept sorted
    by date or grouped by venue takes it where `plan_insertions` placed it.
    """
    if outline.find(catalog, section_heading) is None:
        opening = _opening(catalog, section_heading)
        if opening is not None:
            return opening.after_line
    section = find_section(catalog, section_heading)
    venue = outline.lead_word(entry.strip("\r\n")) if entry else None
    return locate(catalog, section, arxiv_id=arxiv_id, venue=venue,
                  row=table_row(entry) if entry else None).after_line


def table_row(text: str) -> bool:
    """Whether an entry's text is a table row (`| … |`), not a bullet or a paragraph."""
    return text.strip("\r\n").lstrip().startswith("|")


@dataclass(frozen=True)
class Spot:
    """Where one entry goes: the section's name, the line after which, and how."""

    name: str
    after_line: int
    top: bool = False  # on top of a newest-first section
    heading: outline.NewHeading | None = None  # a year subsection to open with this entry
    gap: int = 0  # blank lines the unit keeps between entries (spacing.gap)


def locate(catalog: Catalog, section: Section, *, year: int | None = None, title: str = "",
           arxiv_id: str = "", venue: str | None = None, paper_venue: str | None = None,
           opened: set[str] | None = None, row: bool | None = None) -> Spot:
    """Where a paper of `year` titled `title` goes in `section`: its year subsection (of its
    `paper_venue` too where the list dates sections so, `CVPR 2022`, a preprint under the
    list's undated preprint heading if it dates none; opened if the list has none yet), its
    sub-group, then where the list puts it: with its `venue` (the entry's lead word) in a
    section grouped by venue, by date in a section kept sorted, else on top of a newest-first
    section, else at the end. Where `row` says whether the new entry is a table row, the top
    and the end are those of the section's entries of its kind: a section may hold a table
    and a list below it, and a bullet between a table's rows would end the table."""
    siblings = outline.year_siblings(catalog, section) if year else []
    if year and siblings and (outline.heading_year(section) is not None or not section.entries):
        chosen = outline.dated_section(catalog, siblings, year, paper_venue)
        if chosen is None:
            new = outline.open_year(catalog, siblings, year, paper_venue)
            first = opened is None or new.name not in opened
            if opened is not None:
                opened.add(new.name)
            return Spot(new.name, new.after_line, heading=new if first else None)
        section = chosen
    unit = section
    if section.kind != "group" and title:
        unit = subgroups.choose_group(catalog, section, title) or section
    elif section.kind != "group" and not section.entries:
        unit = next(iter(subgroups.groups_of(catalog, section)[-1:]), section)
    top = bool(unit.entries) and outline.newest_first(catalog, unit)
    after = _after(catalog, unit, top, row)
    found = outline.venue_run(unit, venue, top) if unit.entries else None
    if found is None and unit.entries:
        found = outline.sorted_after(unit, outline.id_age(arxiv_id))
    if found is not None:
        after, top = found
    return Spot(outline.section_name(catalog, unit), after, top,
                gap=spacing.gap(catalog, unit))


def _after(catalog: Catalog, unit: Section, top: bool, row: bool | None = None) -> int:
    kin = [e for e in unit.entries if (e.kind == "table") == row] if row is not None else []
    entries = kin or unit.entries
    if entries:
        return entries[0].line - 1 if top else max(
            _numbered_tail(catalog, entries[-1])[0], _unlinked_tail(catalog, entries[-1]))
    delimiter = table_delimiter_line(catalog, unit)
    return delimiter if delimiter is not None else unit.line


def _next_item_number(catalog: Catalog, section: Section, placed: int) -> int | None:
    """The number of a new item joining `section`'s numbered list after `placed` others: on
    from its last item, read as an entry or not; None if its items have no numbers."""
    if not section.entries:
        return None
    tail = _numbered_tail(catalog, section.entries[-1])[1]
    return tail[-1] + 1 + placed if tail else next_number(section.entries, placed,
                                                           catalog.entries)


def _numbered_tail(catalog: Catalog, last: Entry) -> tuple[int, tuple[int, ...]]:
    """The last line of the numbered list `last` is an item of, and the numbers of the items
    after it that the parser did not read as entries (`3. Cai, et al. **Title**. CVPR 2022.`,
    no link): a new item goes after them and counts on from them. Only items numbered on from
    `last` count, so a list of bullets (a sub-group's label) is never taken for its tail."""
    own = ITEM_PREFIX.match(last.raw)
    lines = catalog.lines
    if own is None or not own.group(2)[0].isdigit():
        return last.after_line, ()
    indent, number, end = own.group(1), int(own.group(2)[:-1]), last.after_line
    numbers: list[int] = []
    while True:
        start = end
        while start < len(lines) and not lines[start].strip():
            start += 1
        item = ITEM_PREFIX.match(lines[start]) if start < len(lines) else None
        if item is None or item.group(1) != indent or item.group(2)[:-1] != str(number + 1):
            return end, tuple(numbers)
        number, end = number + 1, _item_end(lines, start, len(indent))
        numbers.append(number)


_NOT_MARKUP = re.compile(r"[^|*_\[\]()`]")


def _shape(text: str) -> str:
    """A line's markup alone (`|**[]**` of `Title | **[AAAI' 20]** |`), its closing bars aside."""
    return _NOT_MARKUP.sub("", text).rstrip("|")


def _unlinked_tail(catalog: Catalog, last: Entry) -> int:
    """The last line of the bullets after `last` in its list that link nothing yet are written
    as it is up to its first link (hoya012/awesome-anomaly-detection ends a section with
    `- Title | **[NeurIPS' 20]**` after `- Title | **[AAAI' 20]** | [pdf](…)`): papers listed
    without a link, no entries to the parser; a new item goes after them, not between. Only
    bullets of its indent and marker count, blank lines between them allowed."""
    own = BULLET_PREFIX.match(last.raw)
    first = last.raw.split("\n", 1)[0]
    links = find_links(first)
    shape = _shape(first[own.end():links[0][0]]) if own and links else ""
    lines, end = catalog.lines, last.after_line
    if not own or not shape.strip("()"):
        return end  # no markup to know them by: parentheses are as often a title's
    start = end
    while start < len(lines):
        if not lines[start].strip():
            start += 1
            continue
        item = BULLET_PREFIX.match(lines[start])
        body = lines[start][item.end():] if item else ""
        if item is None or item.group(1, 2) != own.group(1, 2) or find_links(body) \
                or "://" in body or _shape(body.rstrip("\r\n")) != shape:
            return end
        start = end = _item_end(lines, start, len(own.group(1)))
    return end


def _item_end(lines: Sequence[str], start: int, indent: int) -> int:
    """The 1-based last line of the list item at 0-based `start`: its line and the lines
    indented under it, blank lines between them included, not after them."""
    end = start + 1
    for n in range(start + 1, len(lines)):
        text = lines[n]
        if text.strip() and len(text) - len(text.lstrip()) <= indent:
            break
        if text.strip():
            end = n + 1
    return end


def _opening(catalog: Catalog, name: str) -> outline.NewHeading | None:
    """The year subsection `Parent > 2027` (or `Parent > ICCV 2023`) would open, if the parent
    holds such sections."""
    parent, _, last = name.rpartition(outline.SEPARATOR)
    date = outline.parse_heading_date(last) if parent else None
    owner = outline.find(catalog, parent) if date is not None else None
    siblings = outline.year_siblings(catalog, owner) if owner is not None else []
    if date is None or not siblings or outline.by_year(siblings, date.year,
                                                       date.venue) is not None:
        return None
    return outline.open_year(catalog, siblings, date.year, date.venue)


def section_style(catalog: Catalog, section: Section) -> EntryStyle:
    """The section's style, with the bullet and indentation of the entry it will follow."""
    style = infer_style(catalog, section)
    if style.kind != "bullet":
        return style
    own = bullet_prefix(section)
    ours = BULLET_PREFIX.match(style.head)
    if own and ours:
        # Another bullet character would start a new list; another indent, another level.
        return replace(style, head=own + style.head[ours.end() :])
    return style


def bullet_prefix(section: Section) -> str | None:
    """The bullet prefix ("* ") of a section's last bullet entry, None without one."""
    last = next((e for e in reversed(section.entries) if e.kind == "bullet"), None)
    own = BULLET_PREFIX.match(last.raw) if last else None
    return own.group(0) if own else None


def item_prefix(catalog: Catalog, section: Section, placed: int = 0) -> str | None:
    """What starts an item that joins `section` at its end, after `placed` others that join it:
    the bullet prefix of its last item ("* "), or in a numbered list the next number as the
    last item writes its own ("4. ", after the items the parser could not read too); None
    without an item."""
    last = next((e for e in reversed(section.entries) if e.kind == "bullet"), None)
    own = ITEM_PREFIX.match(last.raw) if last else None
    if own is None or last is None:
        return None
    if not own.group(2)[0].isdigit():
        return own.group(0)
    number = _next_item_number(catalog, section, placed)
    if number is None:
        return own.group(0)
    return f"{own.group(1)}{number}{own.group(2)[-1]}{own.group(3)}"


def plan_insertions(
    catalog: Catalog, decisions: Sequence[Decision], cfg: Config
) -> tuple[Insertion, ...]:
    """One insertion per proposed decision, in its section's style, oldest submission first;
    a paper no safe entry could be written for is left out (see `plan_insertions_noted`)."""
    return plan_insertions_noted(catalog, decisions, cfg)[0]


def plan_insertions_noted(
    catalog: Catalog, decisions: Sequence[Decision], cfg: Config
) -> tuple[tuple[Insertion, ...], tuple[str, ...]]:
    """The insertions, and a note for each paper left out of its section because no entry
    could be written that fits it (a row of an HTML table that would not read back)."""
    notes: list[str] = []
    proposed = [d for d in decisions if d.status is Status.PROPOSED]
    proposed.sort(key=lambda d: (d.paper.published or _EPOCH, d.paper.arxiv_id))
    styles: dict[str, EntryStyle] = {}
    out: list[tuple[Insertion, bool]] = []
    opened: set[str] = set()
    placed: Counter[str] = Counter()  # new items per place so far: numbered lists count on
    for decision in proposed:
        if not decision.section:
            # Nowhere better to go: the biggest section, flagged for the maintainer to move.
            decision = replace(decision, section=_fallback(catalog).heading, needs_triage=True)
        heading = decision.section or ""
        section = find_section(catalog, heading)
        if heading not in styles:
            styles[heading] = section_style(catalog, section)
        entry = _write(decision, styles[heading], cfg)
        if not entry.text.strip():
            notes.append(f"{decision.paper.arxiv_id} {entry.fallback or 'left out'}"
                         f" ({heading})")
            continue
        year = decision.fields.year if decision.fields else None
        # A list grouped by venue groups by what its entries start with: so does the new one.
        venue = outline.lead_word(entry.text)
        spot = locate(catalog, section, year=year, title=decision.paper.title,
                      arxiv_id=decision.paper.arxiv_id, venue=venue,
                      paper_venue=decision.fields.venue if decision.fields else None,
                      opened=opened, row=table_row(entry.text))
        numbered = _numbered(styles[heading], catalog, spot, placed[spot.name])
        if numbered is not styles[heading]:
            entry = _write(decision, numbered, cfg)
        entry = replace(entry, text=indented_beside(catalog, spot, entry.text))
        placed[spot.name] += 1
        out.append((Insertion(
            arxiv_id=decision.paper.arxiv_id,
            section=spot.name,
            after_line=spot.after_line,
            text=spacing.spaced(entry.text, spot.gap, top=spot.top,
                                heading=spot.heading.lines if spot.heading else None),
            needs_triage=decision.needs_triage,
            missing=entry.missing,
            fallback=entry.fallback,
        ), spot.top))
    return _newest_first_on_top(out), tuple(notes)


def indented_beside(catalog: Catalog, spot: Spot, text: str) -> str:
    """A new item's `text` indented as the bullet entry it is written beside: the one below it
    on top of a unit, else the one it follows (entries.indenting); as it is under a heading the
    run opens, or with no bullet there."""
    unit = outline.find(catalog, spot.name) if spot.heading is None else None
    entries = [e for e in unit.entries if e.kind == "bullet"] if unit is not None else []
    beside = next((e for e in entries if e.line > spot.after_line), None) if spot.top else next(
        (e for e in reversed(entries) if e.line <= spot.after_line), None)
    return indented_as(text, beside.raw) if beside is not None else text


def _numbered(style: EntryStyle, catalog: Catalog, spot: Spot, placed: int) -> EntryStyle:
    """`style` numbering a new item where it goes (`spot`), after the `placed` new items there
    before it: the number after them all, `1.` in a heading the run opens, the top item's own
    on top of a list counting down the page (_top_number); `style` itself when that is the
    number it writes, or its list has no numbers."""
    templates = style.templates
    if templates is None or templates.next_number is None:
        return style
    unit = outline.find(catalog, spot.name)
    number = None if unit is None else (
        _top_number(unit, placed) if spot.top else _next_item_number(catalog, unit, placed))
    if number is None:  # a heading the run opens: the list's only number, or on from 1
        number = next_number((), placed, catalog.entries) or 1 + placed
    if number == templates.next_number:
        return style
    return replace(style, templates=replace(templates, next_number=number))


def _top_number(unit: Section, placed: int) -> int | None:
    """The number of a new item on top of a numbered list: where its numbers count down the
    page (`1.` on top, the newest), the top item's own, since the first item's number is where
    a list starts (`42.` on top would show the list 42, 43, …); where they count up to the top
    (the newest the highest), the one after it and the `placed` new items above it."""
    numbers = [int(m.group(2)[:-1]) for e in unit.entries[:2]
               if (m := ITEM_PREFIX.match(e.raw)) and m.group(2)[0].isdigit()]
    if not numbers:
        return None
    if len(numbers) == 2 and numbers[0] > numbers[1]:
        return numbers[0] + 1 + placed
    return numbers[0]


def _newest_first_on_top(out: list[tuple[Insertion, bool]]) -> tuple[Insertion, ...]:
    """Submission order, except that entries going on top at one line go newest first."""
    result = [ins for ins, _ in out]
    slots: dict[int, list[int]] = {}
    for k, (ins, top) in enumerate(out):
        if top:
            slots.setdefault(ins.after_line, []).append(k)
    for ks in slots.values():
        for k, ins in zip(ks, reversed([result[k] for k in ks]), strict=True):
            result[k] = ins
    return tuple(result)


def _fallback(catalog: Catalog) -> Section:
    if not catalog.sections:
        raise CatalogError("the catalog has no heading: there is no section to add papers to")
    return max(reversed(catalog.sections), key=lambda s: len(s.entries))


def _write(decision: Decision, style: EntryStyle, cfg: Config) -> FormattedEntry:
    if cfg.format.template and style.kind == "bullet":
        return format_with_template(
            decision.paper, cfg.format.template, fields=decision.fields,
            unknown_name=cfg.format.unknown_name or "?",
        )
    return format_entry(decision.paper, style, fields=decision.fields,
                        unknown_name=cfg.format.unknown_name)


def line_ending(text: str) -> str:
    """The file's dominant line ending ("\\n" when it has none)."""
    crlf, lf = text.count("\r\n"), text.count("\n")
    if "\r" in text and not lf:
        return "\r"  # an old Mac file
    return "\r\n" if crlf and crlf * 2 >= lf else "\n"


def insert(text: str, insertions: Sequence[Insertion]) -> str:
    """The text with each insertion's lines added after its line; every other byte unchanged."""
    if not insertions:
        return text
    eol = line_ending(text)
    lines = split_lines(text)
    by_line: dict[int, list[str]] = {}
    for ins in insertions:
        if not 0 <= ins.after_line <= len(lines):
            raise CatalogError(
                f"cannot insert {ins.arxiv_id} after line {ins.after_line}:"
                f" the catalog has {len(lines)} lines"
            )
        body = eol.join(ins.text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        by_line.setdefault(ins.after_line, []).append(body)
    out: list[str] = []
    for number in range(len(lines) + 1):
        line = lines[number - 1] if number else ""
        if number:
            out.append(line)
        for body in by_line.get(number, ()):
            if not number or line.endswith(("\n", "\r")):
                out.append(body + eol)
            else:
                # The file had no final newline: end the old last line, and keep it that way.
                out.append(eol + body)
                line = body
        # A blank line the inserted text ends with already keeps the next line apart.
        if number in by_line and number < len(lines) and _lazy(lines[number]) \
                and not by_line[number][-1].endswith(eol):
            out.append(eol)
    return "".join(out)


def _lazy(line: str) -> bool:
    """Whether a line would be swallowed by a list item just above it (a lazy continuation)."""
    return bool(line.strip()) and not _BLOCK_START.match(line)


def unified_diff(old: str, new: str, path: str) -> str:
    """A unified diff of the catalog, as `git diff` would show it."""
    lines = difflib.unified_diff(
        list(split_lines(old)),
        list(split_lines(new)),
        fromfile=f"a/{path.lstrip('/')}",  # git's header for an absolute path: a/srv/list.md
        tofile=f"b/{path.lstrip('/')}",
    )
    out = []
    for line in lines:
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)
