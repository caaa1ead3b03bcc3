"""One listed entry rewritten for its paper's new state, and such updates applied to a catalog.

Only the fields that changed are rewritten, inside the entry's own text: the venue and year where
the entry writes them (`arXiv,2023` -> `ICCV, 2023`, spelled and separated like the section the
entry ends up in), a venue link label (`[[arXiv 2304](…)]` -> `[[ICCV 2023](…)]`), and a code
link added after the paper link. The name, title, affiliation, other links, badges and notes stay
byte for byte. Venue text comes from paper metadata, so it is escaped; a code URL must be safe.

Lists whose venue the parser does not read as a field mark a preprint in the text instead; that
one marker is replaced by the venue as the list writes venues (promptbot.entries.venue_marks).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from promptbot.catalog import outline, parse, split_lines
from promptbot.catalog.links import find_links, venue_label
from promptbot.catalog.section_signals import PREPRINT, venue_status
from promptbot.entries.editing import insert, insertion_point, line_ending
from promptbot.entries.indenting import ITEM_PREFIX
from promptbot.entries.markdown_safety import escape, safe_url
from promptbot.entries.style_model import EntryStyle
from promptbot.entries.updating_table import rewrite_row
from promptbot.entries.venue_marks import (
    VenueShape,
    entry_text,
    masked,
    preprint_marker,
    preprint_tag,
    venue_key,
)
from promptbot.models import Catalog, Entry, Insertion, PaperFields, Section, Update

_MIDDLE_SEPARATOR = re.compile(r"\{venue\}(.*?)\{year\}", re.DOTALL)
_VENUE_MAX = 60
# A venue and a two-digit year, a month perhaps, not inside a bracketed tag: `**ArXiv'24.11**`.
_SHORT_YEAR = re.compile(
    r"(?<![\w/.])(?P<venue>[A-Za-z][\w\-]{0,20})(?P<mark>['’])\d\d(?:\.\d{1,2})?(?![\w.])")



@dataclass(frozen=True)
class Rewrite:
    """An entry's new text (no final line ending) and what changed, said plainly."""

    text: str
    changes: tuple[str, ...]


def rewrite_entry(
    entry: Entry, fields: PaperFields, style: EntryStyle, *, venue: bool, code: bool,
    bullet: str | None = None, shape: VenueShape | None = None,
    neighbours: Sequence[Entry] = (),
) -> Rewrite | None:
    """`entry` rewritten for a new venue (`venue`) and/or a new code link (`code`), in `style`
    (the style of the section it ends up in); `bullet` is what starts its items ("* ", "4. "),
    `shape` how the list writes a venue in text (for entries with only a preprint marker),
    `neighbours` the entries of the section it ends up in (how they part a venue and its year).

    None when nothing the entry writes could change (then there is nothing to propose).
    """
    text = entry_text(entry)
    if entry.kind == "table":
        return _rewrite_row(text, fields, style, venue=venue, code=code)
    if entry.kind == "block":
        return _rewrite_block(text, fields, style) if code else None
    changes: list[str] = []
    if venue and fields.published_venue:
        # A tag (`[arXiv]`) becomes the venue as the list tags venues (`[**CVPR'26**]`); a venue
        # written as a field (`arXiv, 2023`) is rewritten in place.
        marker = preprint_tag(entry) if shape is not None else None
        changed = False
        if marker is None:
            text, changed = _rewrite_venue(text, entry, fields, style,
                                           venue_year_separator(neighbours))
            marker = preprint_marker(entry) if not changed and shape is not None else None
        if marker is not None and shape is not None:
            name = escape(style.venue(fields.venue), max_length=_VENUE_MAX)
            text = shape.replace(text, marker[0], marker[1], name, fields.year)
            changed = True
        if changed:
            was = " ".join(str(v) for v in (entry.venue, entry.year) if v) or "no venue"
            changes.append(f"venue: {was} → {fields.venue} {fields.year}")
    # A section of paragraphs has no code-link form the style read from its entries: its
    # entry's venue is kept current, a code link is left to the maintainers.
    if code and fields.code_url and style.kind != "paragraph":
        text, added = _add_code_link(text, fields.code_url, style)
        if added:
            changes.append("code link added")
    if not changes:
        return None
    return Rewrite(_rebullet(text, bullet) if entry.kind == "bullet" else text, tuple(changes))


def _rewrite_block(text: str, fields: PaperFields, style: EntryStyle) -> Rewrite | None:
    """A `**Title**` block with `- Key: url` lines: a code line after its paper line."""
    labels = dict(style.labels)
    safe = safe_url(fields.code_url) if fields.code_url else None
    if safe is None or "code" not in labels:
        return None
    eol = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(eol)
    paper = labels.get("paper", "\0")
    at = next((n for n in range(len(lines) - 1, -1, -1) if lines[n].startswith(paper)),
              len(lines) - 1)
    lines.insert(at + 1, labels["code"] + safe)
    return Rewrite(eol.join(lines), ("code link added",))


def _rewrite_row(
    text: str, fields: PaperFields, style: EntryStyle, *, venue: bool, code: bool
) -> Rewrite | None:
    """A table row: its venue, year and code cells, by the columns of its table's header."""
    if style.kind != "table" or "\n" in text:
        return None
    name = escape(style.venue(fields.venue), max_length=_VENUE_MAX) \
        if venue and fields.published_venue else None
    safe = safe_url(fields.code_url) if code and fields.code_url else None
    link = f"[{escape(style.links.code_label)}]({safe})" if safe else None
    row, changes = rewrite_row(text, style, venue=name, year=fields.year, code_link=link)
    return Rewrite(row, changes) if changes else None


def _rewrite_venue(
    text: str, entry: Entry, fields: PaperFields, style: EntryStyle, separator: str | None
) -> tuple[str, bool]:
    """The venue in the text and in venue link labels, its year parted from it by `separator`
    (as the section it ends up in writes them), else as the section's style does where it was
    read from bullets, else as the entry did; whether anything changed."""
    name = escape(style.venue(fields.venue), max_length=_VENUE_MAX)
    if separator is None and style.kind != "paragraph":
        styled = _MIDDLE_SEPARATOR.search(style.middle)
        separator = styled.group(1) if styled else None
    text, in_text = _venue_in_text(text, entry, name, fields.year, separator)
    text, in_labels = _venue_in_labels(text, name, fields.year)
    return text, in_text or in_labels


def venue_year_separator(entries: Sequence[Entry]) -> str | None:
    """How `entries` part a venue from its year (`CVPR, 2023`: ", ", `CVPR 2023`: " "), the
    most of them; None where none writes both."""
    found: Counter[str] = Counter()
    for e in entries:
        if e.venue and e.year:
            written = re.search(rf"(?<![\w/.]){re.escape(e.venue)}(\s*,\s*|\s+){e.year}(?!\d)",
                                masked(e.raw))
            if written:
                found[written.group(1)] += 1
    return found.most_common(1)[0][0] if found else None


# The venue is inside a bracketed tag that opens right before it.
_TAG_OPEN = re.compile(r"\[[*_]*\s*$")


def _venue_in_text(
    text: str, entry: Entry, name: str, year: int, separator: str | None
) -> tuple[str, bool]:
    if not entry.venue or venue_status(entry.venue) != PREPRINT:
        return text, False
    old = re.escape(entry.venue)
    if entry.year is not None:
        pattern = rf"(?<![\w/.]){old}(?P<sep>\s*,\s*|\s+){entry.year}(?!\d)"
    else:
        pattern = rf"(?<![\w/.]){old}(?![\w])"
    found = re.search(pattern, masked(text))
    short = _SHORT_YEAR.search(masked(text)) if found is None and entry.year else None
    if (short is not None and short.group("venue") == entry.venue
            and not _TAG_OPEN.search(text, 0, short.start())):
        # `ArXiv'24.11` becomes `CVPR'25`: a venue and its year written short, no month.
        new = f"{name}{short.group('mark')}{year % 100:02d}"
        return text[: short.start()] + new + text[short.end():], True
    if found is None or _TAG_OPEN.search(text, 0, found.start()):
        return text, False  # none, or a bracketed tag (`[**Arxiv 2023.07**]`): a label
    if entry.year is None:
        new = name
    else:
        new = f"{name}{separator if separator is not None else found.group('sep')}{year}"
    return text[: found.start()] + new + text[found.end():], True


def _venue_in_labels(text: str, name: str, year: int) -> tuple[str, bool]:
    changed = False
    for start, end, label, _ in reversed(find_links(text)):
        read = venue_label(label) if label else None
        if read is None or venue_status(read[0]) != PREPRINT:
            continue
        at = text.find(label, start, end)
        gap = re.search(r"\s+", label)
        new = f"{name}{gap.group() if gap else ' '}{year}"
        text = text[:at] + new + text[at + len(label):]
        changed = True
    return text, changed


def _add_code_link(text: str, url: str, style: EntryStyle) -> tuple[str, bool]:
    """The code link right after the paper link (or the last link), in the section's form."""
    safe = safe_url(url)
    found = find_links(text)
    if safe is None or not found:
        return text, False
    papers = [f for f in found if (f[2] and venue_label(f[2]) is not None)
              or f[2].strip().lower() in ("paper", "arxiv", "pdf")]
    start, end, _, _ = (papers or found)[-1]
    links = style.links
    before, after = links.before, links.after
    if after and text[end: end + len(after)] == after:
        end += len(after)
    elif text[start: start + 2] != "[[":
        before, after = "", ""  # the entry writes bare `[Paper](…)` links: do the same
    link = f"{before}[{escape(links.code_label)}]({safe}){after}"
    return text[:end] + links.joiner + link + text[end:], True


def _rebullet(text: str, bullet: str | None) -> str:
    """The entry's bullet (or number) made its new section's: another bullet character starts
    a new list, and a numbered list counts on from its last item."""
    own = ITEM_PREFIX.match(text)
    if bullet is None or own is None or own.group(0) == bullet:
        return text
    return bullet + text[own.end():]


def find_listed(catalog: Catalog, update: Update) -> tuple[Section, Entry] | None:
    """The entry an update rewrites, if the catalog still lists it exactly as it was."""
    for section in catalog.sections:
        for entry in section.entries:
            # An entry citing no arXiv id (a CVF link) was found by its title: its text decides.
            if (update.arxiv_id in entry.arxiv_ids or not entry.arxiv_ids) \
                    and entry_text(entry) == update.before:
                return section, entry
    return None


def apply_updates(text: str, updates: Sequence[Update]) -> str:
    """`text` with each update applied: its entry's lines replaced, or moved to its section.

    One parse for all of them. An update whose entry changed meanwhile (a maintainer edited it)
    or whose section is gone is skipped: the maintainers' text wins.
    """
    if not updates:
        return text
    catalog = parse(text)
    lines = split_lines(text)
    eol = line_ending(text)
    edits: dict[int, tuple[int, list[str]]] = {}  # first line -> (last line, its new lines)
    moves: list[tuple[int, Update, str]] = []  # (line it goes after, update, its text)
    leaving: list[tuple[Section, Entry]] = []  # the moved entries, where they were
    for update in updates:
        found = find_listed(catalog, update)
        if found is None or found[1].line in edits:
            continue
        section, entry = found
        body = update.after.replace("\r\n", "\n").replace("\r", "\n")
        last = lines[entry.end_line - 1]
        if not update.section or update.section.strip() in (
                section.heading.strip(), outline.section_name(catalog, section)):
            edits[entry.line] = (entry.end_line,
                                 [eol.join(body.split("\n")) + last[len(last.rstrip("\r\n")):]])
            continue
        target = outline.find(catalog, update.section)
        if target is None:
            continue
        after = _after_same_venue(target, update) or _insertion_line(catalog, target)
        # The item moves whole: the maintainers' notes under it go with it.
        notes = "".join(lines[entry.end_line:entry.after_line])
        notes = notes.replace("\r\n", "\n").replace("\r", "\n")
        edits[entry.line] = (entry.after_line, [])
        moves.append((after, update, body + "\n" + notes.rstrip("\n") if notes else body))
        leaving.append((section, entry))
    for section, entry in leaving:
        follower = _renumbered_follower(section, entry, lines)
        if follower is not None and follower[0] not in edits:
            edits[follower[0]] = (follower[0], [follower[1]])
    out, where = _rebuilt(lines, edits)
    return insert("".join(out), [Insertion(u.arxiv_id, u.section, where[after], body)
                                 for after, u, body in moves])


def _renumbered_follower(section: Section, entry: Entry, lines: Sequence[str]
                         ) -> tuple[int, str] | None:
    """When `entry` leaves a numbered list as its first item, the next item takes its number,
    as the list would start at the next one's (`<ol start="2">`): that item's line and its new
    text; None otherwise (a gap further down renders the same)."""
    items = section.entries
    if len(items) < 2 or items[0] is not entry:
        return None
    own, theirs = ITEM_PREFIX.match(entry.raw), ITEM_PREFIX.match(items[1].raw)
    if own is None or theirs is None or not (own.group(2)[0].isdigit()
                                             and theirs.group(2)[0].isdigit()):
        return None
    line = lines[items[1].line - 1]
    number = own.group(2)[:-1] + theirs.group(2)[-1]  # its number, the follower's delimiter
    return items[1].line, line[: theirs.start(2)] + number + line[theirs.end(2):]


def _insertion_line(catalog: Catalog, section: Section) -> int:
    """Where a new entry of `section` goes: as for any new entry when its heading is unique,
    else after its last entry (or its heading)."""
    if sum(1 for s in catalog.sections if s.heading.strip() == section.heading.strip()) == 1:
        return insertion_point(catalog, section.heading)
    return section.entries[-1].after_line if section.entries else section.line


def _rebuilt(
    lines: Sequence[str], edits: dict[int, tuple[int, list[str]]]
) -> tuple[list[str], dict[int, int]]:
    """The lines with the edits made, and for each old line number how many lines now end
    with it (where something placed after it goes)."""
    out: list[str] = []
    where = {0: 0}
    number = 1
    while number <= len(lines):
        last, new = edits.get(number, (number, [lines[number - 1]]))
        out.extend(new)
        for old in range(number, last + 1):
            where[old] = len(out)
        number = last + 1
    return out, where


def _after_same_venue(section: Section, update: Update) -> int | None:
    """In a section that groups its entries by venue (each venue's entries together), the last
    line of the update's venue group; None when the section does not group them or lacks it."""
    if not update.venue:
        return None
    keys = [venue_key(e) for e in section.entries]
    runs = [k for k, _ in itertools.groupby(keys)]
    known = [k for k in runs if k is not None]
    # Grouped: each venue in one run, a stray or two aside (the lists are kept by hand).
    if len(set(known)) < 2 or len(known) - len(set(known)) > max(1, len(set(known)) // 4):
        return None
    ends = [e.after_line for e, k in zip(section.entries, keys, strict=True)
            if k == (update.venue, update.year)]
    return ends[-1] if ends else None
