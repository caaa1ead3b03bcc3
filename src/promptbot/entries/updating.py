"""One listed entry rewritten for its paper's new state, and such updates applied to a catalog.

Only the fields that changed are rewritten, inside the entry's own text: the venue and year where
the entry writes them (`arXiv,2023` -> `ICCV, 2023`, spelled and separated like the section the
entry ends up in), a venue link label (`[[arXiv 2304](…)]` -> `[[ICCV 2023](…)]`), and a code
link added after the paper link. The name, title, affiliation, other links, badges and notes stay
byte for byte. Venue text comes from paper metadata, so it is escaped; a code URL must be safe.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from promptbot.catalog import parse, split_lines
from promptbot.catalog.links import find_links, venue_label
from promptbot.catalog.section_signals import PREPRINT, venue_status
from promptbot.entries.editing import find_section, insert, insertion_point, line_ending
from promptbot.entries.markdown_safety import escape, safe_url
from promptbot.entries.style_model import EntryStyle
from promptbot.errors import CatalogError
from promptbot.models import Catalog, Entry, Insertion, PaperFields, Section, Update

_BULLET_PREFIX = re.compile(r"^(\s*)([-*+])(\s+)")
_MIDDLE_SEPARATOR = re.compile(r"\{venue\}(.*?)\{year\}", re.DOTALL)
_VENUE_MAX = 60


@dataclass(frozen=True)
class Rewrite:
    """An entry's new text (no final line ending) and what changed, said plainly."""

    text: str
    changes: tuple[str, ...]


def entry_text(entry: Entry) -> str:
    """The entry's text as listed, without its final line ending."""
    return entry.raw.rstrip("\r\n") if entry.raw.endswith(("\n", "\r")) else entry.raw


def rewrite_entry(
    entry: Entry, fields: PaperFields, style: EntryStyle, *, venue: bool, code: bool,
    bullet: str | None = None,
) -> Rewrite | None:
    """`entry` rewritten for a new venue (`venue`) and/or a new code link (`code`), in `style`
    (the style of the section it ends up in); `bullet` is that section's bullet prefix ("* ").

    None when nothing the entry writes could change (then there is nothing to propose).
    """
    text = entry_text(entry)
    changes: list[str] = []
    if venue and fields.published_venue:
        text, changed = _rewrite_venue(text, entry, fields, style)
        if changed:
            was = " ".join(str(v) for v in (entry.venue, entry.year) if v) or "no venue"
            changes.append(f"venue: {was} → {fields.venue} {fields.year}")
    if code and fields.code_url:
        text, added = _add_code_link(text, fields.code_url, style)
        if added:
            changes.append("code link added")
    if not changes:
        return None
    return Rewrite(_rebullet(text, bullet) if entry.kind == "bullet" else text, tuple(changes))


def _rewrite_venue(
    text: str, entry: Entry, fields: PaperFields, style: EntryStyle
) -> tuple[str, bool]:
    """The venue in the text and in venue link labels; whether anything changed."""
    name = escape(style.venue(fields.venue), max_length=_VENUE_MAX)
    separator = _MIDDLE_SEPARATOR.search(style.middle)
    text, in_text = _venue_in_text(text, entry, name, fields.year,
                                   separator.group(1) if separator else None)
    text, in_labels = _venue_in_labels(text, name, fields.year)
    return text, in_text or in_labels


def _masked(text: str) -> str:
    """`text` with its links blanked out, so a search finds only the entry's own words."""
    out = list(text)
    for start, end, _, _ in find_links(text):
        out[start:end] = " " * (end - start)
    return "".join(out)


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
    found = re.search(pattern, _masked(text))
    if found is None:
        return text, False
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
    """The entry's bullet made its new section's: another bullet character starts a new list."""
    own = _BULLET_PREFIX.match(text)
    if bullet is None or own is None or own.group(0) == bullet:
        return text
    return bullet + text[own.end():]


def bullet_prefix(section: Section) -> str | None:
    """The bullet prefix ("* ") of a section's last bullet entry, None without one."""
    last = next((e for e in reversed(section.entries) if e.kind == "bullet"), None)
    own = _BULLET_PREFIX.match(last.raw) if last else None
    return own.group(0) if own else None


def find_listed(catalog: Catalog, update: Update) -> tuple[Section, Entry] | None:
    """The entry an update rewrites, if the catalog still lists it exactly as it was."""
    for section in catalog.sections:
        for entry in section.entries:
            if update.arxiv_id in entry.arxiv_ids and entry_text(entry) == update.before:
                return section, entry
    return None


def apply_updates(text: str, updates: Sequence[Update]) -> str:
    """`text` with each update applied: its entry's lines replaced, or moved to its section.

    An update whose entry changed meanwhile (a maintainer edited it) or whose section is gone
    is skipped: the maintainers' text wins.
    """
    for update in updates:
        text = _apply(text, update)
    return text


def _apply(text: str, update: Update) -> str:
    catalog = parse(text)
    found = find_listed(catalog, update)
    if found is None:
        return text
    section, entry = found
    lines = list(split_lines(text))
    own_end = lines[entry.end_line - 1][len(lines[entry.end_line - 1].rstrip("\r\n")):]
    body = update.after.replace("\r\n", "\n").replace("\r", "\n")
    eol = line_ending(text)
    if section.heading == update.section or not update.section:
        lines[entry.line - 1: entry.end_line] = [eol.join(body.split("\n")) + own_end]
        return "".join(lines)
    try:
        after_line = insertion_point(catalog, find_section(catalog, update.section).heading)
    except CatalogError:
        return text
    del lines[entry.line - 1: entry.end_line]
    if after_line >= entry.end_line:
        after_line -= entry.end_line - entry.line + 1
    elif after_line >= entry.line:
        after_line = entry.line - 1
    return insert("".join(lines), [Insertion(update.arxiv_id, update.section, after_line, body)])
