"""Entries placed in the catalog text: where each goes, and an insert keeping every other byte."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from promptbot.catalog import split_lines
from promptbot.config import Config
from promptbot.entries.formatting import FormattedEntry, format_entry, format_with_template
from promptbot.entries.style import EntryStyle, infer_style, table_delimiter_line
from promptbot.errors import CatalogError
from promptbot.models import Catalog, Decision, Insertion, Section, Status

_BULLET_PREFIX = re.compile(r"^(\s*)([-*+])(\s+)")
_BLOCK_START = re.compile(r"^\s*([-*+](\s|$)|\d{1,9}[.)](\s|$)|#|>|\||<|```|~~~)")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def find_section(catalog: Catalog, heading: str) -> Section:
    """The section with this heading (compared without surrounding spaces), or a CatalogError."""
    wanted = heading.strip()
    for section in catalog.sections:
        if section.heading.strip() == wanted:
            return section
    known = ", ".join(repr(s.heading) for s in catalog.sections)
    raise CatalogError(f"no section {heading!r} in the catalog (sections: {known})")


def insertion_point(catalog: Catalog, section_heading: str) -> int:
    """The 1-based line after which a new entry of the section goes."""
    section = find_section(catalog, section_heading)
    if section.entries:
        return section.entries[-1].end_line
    delimiter = table_delimiter_line(catalog, section)
    return delimiter if delimiter is not None else section.line


def section_style(catalog: Catalog, section: Section) -> EntryStyle:
    """The section's style, with the bullet and indentation of the entry it will follow."""
    style = infer_style(catalog, section)
    if style.kind != "bullet":
        return style
    last = next((e for e in reversed(section.entries) if e.kind == "bullet"), None)
    own = _BULLET_PREFIX.match(last.raw) if last else None
    ours = _BULLET_PREFIX.match(style.head)
    if own and ours:
        # Another bullet character would start a new list; another indent, another level.
        return replace(style, head=own.group(0) + style.head[ours.end() :])
    return style


def plan_insertions(
    catalog: Catalog, decisions: Sequence[Decision], cfg: Config
) -> tuple[Insertion, ...]:
    """One insertion per proposed decision, in its section's style, oldest submission first."""
    proposed = [d for d in decisions if d.status is Status.PROPOSED]
    proposed.sort(key=lambda d: (d.paper.published or _EPOCH, d.paper.arxiv_id))
    styles: dict[str, EntryStyle] = {}
    out: list[Insertion] = []
    for decision in proposed:
        if not decision.section:
            # Nowhere better to go: the biggest section, flagged for the maintainer to move.
            decision = replace(decision, section=_fallback(catalog).heading, needs_triage=True)
        heading = decision.section or ""
        section = find_section(catalog, heading)
        if heading not in styles:
            styles[heading] = section_style(catalog, section)
        entry = _write(decision, styles[heading], cfg)
        out.append(
            Insertion(
                arxiv_id=decision.paper.arxiv_id,
                section=section.heading,
                after_line=insertion_point(catalog, section.heading),
                text=entry.text,
                needs_triage=decision.needs_triage,
                missing=entry.missing,
                fallback=entry.fallback,
            )
        )
    return tuple(out)


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
        if number in by_line and number < len(lines) and _lazy(lines[number]):
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
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out = []
    for line in lines:
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)
