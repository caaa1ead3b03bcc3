"""A paper written as one entry in a section's own style (or a configured template), safely."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, replace

from promptbot.catalog.math_text import plain_math
from promptbot.entries import metadata, spacing, templated
from promptbot.entries.markdown_safety import escape, rendered_text, safe_url
from promptbot.entries.render_check import problems
from promptbot.entries.style import VENUE_LABEL, EntryStyle, LinkStyle
from promptbot.entries.style_model import AFFILIATION_GROUP
from promptbot.entries.template_model import Template
from promptbot.errors import ConfigError
from promptbot.models import Paper, PaperFields

TITLE_MAX = 300
NAME_MAX = 40
AFFILIATION_MAX = 120
_PLACEHOLDER = re.compile(r"\{(name|title|venue|year|affiliation)\}")
_NAME_GROUP = re.compile(r"[*_`]*\{name\}[*_`]*\s*[:：]?\s*")
_CODE_GROUP = re.compile(r"\s*\[?\[[^\[\]]*\]\(\{code\}\)\]?|\s*\{code\}")
TEMPLATE_FIELDS = frozenset(
    {"name", "title", "venue", "year", "affiliation", "paper", "code", "arxiv_id", "yymm"}
)


@dataclass(frozen=True)
class FormattedEntry:
    """An entry's text (no line ending) and the fields left for the maintainer to fill in.

    `fallback` is empty when the entry was written with one of the section's own entries as
    template and passed the render check; otherwise it says why the entry is in a fallback form
    (the PR text can show it)."""

    text: str
    missing: tuple[str, ...] = ()
    fallback: str = ""
    template: Template | None = None  # the section's entry it was written like, if one


@dataclass(frozen=True)
class _Fields:
    name: str | None
    title: str
    venue: str
    year: int
    yymm: str
    affiliation: str | None
    paper: str
    code: str | None


def _fields(paper: Paper, read: PaperFields, style: EntryStyle) -> _Fields:
    """The paper's fields escaped and shaped for this style."""
    name, aff, code = read.name, read.affiliation, read.code_url
    form = "pdf" if style.links.paper_url == "pdf" else "abs"
    return _Fields(
        name=escape(name, max_length=NAME_MAX) if name else None,
        title=escape(_title(paper.title, name, style), max_length=TITLE_MAX),
        venue=escape(style.venue(read.venue), max_length=AFFILIATION_MAX),  # hostile like titles
        year=read.year,
        yymm=read.yymm,
        affiliation=escape(aff, max_length=AFFILIATION_MAX) if aff else None,
        paper=f"https://arxiv.org/{form}/{paper.arxiv_id}",
        code=safe_url(code) if code else None,
    )


def _title(title: str, name: str | None, style: EntryStyle) -> str:
    """The title as the section writes it: without "Name: " if the name stands apart and the
    section's titles drop it (`**CLIP-Adapter**: Better Vision-Language Models…`)."""
    if style.title_keeps_name or style.kind != "bullet" or "{name}" not in style.head or not name:
        return title
    head, sep, rest = title.partition(":")
    return rest.strip() if sep and head.strip() == name and rest.strip() else title


def _as_shown(paper: Paper, fields: PaperFields | None) -> tuple[Paper, PaperFields]:
    """The paper and its fields with TeX math in the title and name as plain text (`G²VLM`):
    how maintainers type it, where `G\\$^2\\$VLM` would show the TeX."""
    read = metadata.entry_fields(paper, fields)
    if "$" not in paper.title and "$" not in (read.name or ""):
        return paper, read
    return (replace(paper, title=plain_math(paper.title)),
            replace(read, name=plain_math(read.name) if read.name else read.name))


def format_entry(
    paper: Paper, style: EntryStyle, *, fields: PaperFields | None = None, unknown_name: str = ""
) -> FormattedEntry:
    """The paper as an entry that looks like its neighbours in a section of this style; `fields`
    are the paper's fields as judging read them (read here when not given).

    The section's own entries, as templates, come first; an entry that fails the render check
    is never used: the voted style is tried next, then the simplest safe form, each marked."""
    paper, read = _as_shown(paper, fields)
    templates = style.templates
    if style.kind == "html":
        return _html_row(paper, read, style, unknown_name)
    if templates is None:
        styled = _styled(paper, read, style, unknown_name)
        title = rendered_text(paper.title, TITLE_MAX)
        unbalanced = [p for p in problems(styled.text, shown=(title,)) if "read" not in p]
        if not unbalanced:
            return styled
        return FormattedEntry(_safest(paper, style), styled.missing,
                              fallback=_SAFEST + "; ".join(unbalanced))
    values = templated.values_of(paper, read, style.venue(read.venue), templates.next_number,
                                 unknown_name or style.unknown_name, style.title_keeps_name)
    written = templated.write(templates, values, templates.structures)
    if written is not None:
        return FormattedEntry(written.text, written.missing, written.fallback, written.template)
    styled = _styled(paper, read, style, unknown_name)
    title = rendered_text(paper.title, TITLE_MAX)
    found = problems(styled.text, context=templates.context, arxiv_id=paper.arxiv_id,
                     title=title, shown=(title,))
    if not found:
        return replace(styled, fallback=_NO_TEMPLATE)
    return FormattedEntry(_safest(paper, style), styled.missing,
                          fallback=_SAFEST + "; ".join(found))


LEFT_OUT = ("left out of this section: its papers are rows of an HTML table and no row could "
            "be written that renders and reads back like its neighbours")


def _html_row(paper: Paper, read: PaperFields, style: EntryStyle,
              unknown_name: str) -> FormattedEntry:
    """A row of the section's HTML table, or no text and a note: a markdown bullet inside a
    `<table>` would break the list, so there is no fallback form."""
    templates = style.templates
    if templates is None or not any(t.kind == "html" for t in templates.templates):
        return FormattedEntry("", fallback=LEFT_OUT)
    values = templated.values_of(paper, read, style.venue(read.venue), templates.next_number,
                                 unknown_name or style.unknown_name, style.title_keeps_name)
    written = templated.write(templates, values, templates.structures)
    if written is None or written.template.kind != "html":
        return FormattedEntry("", fallback=LEFT_OUT)
    return FormattedEntry(written.text, written.missing, written.fallback, written.template)


_NO_TEMPLATE = "no entry of the section could serve as template; written in the voted style"
_SAFEST = "written in the simplest safe form: "


def _safest(paper: Paper, style: EntryStyle) -> str:
    """A title linked to the paper, as a bullet or a table row: always renders balanced."""
    link = f"[{escape(paper.title, max_length=TITLE_MAX)}](https://arxiv.org/abs/{paper.arxiv_id})"
    if style.kind == "table":
        row = [""] * max(1, len(style.columns))
        row[("title" in style.columns and style.columns.index("title")) or 0] = link
        return "| " + " | ".join(row) + " |"
    if style.kind == "block":
        return f"\n**{escape(paper.title, max_length=TITLE_MAX)}**\n\n- Paper: " \
            f"https://arxiv.org/abs/{paper.arxiv_id}"
    marker = _MARKER.match(style.head)
    return (marker.group() if marker else "* ") + link


_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,4}[.)])\s+")


def _styled(paper: Paper, read: PaperFields, style: EntryStyle,
            unknown_name: str) -> FormattedEntry:
    """The paper written from the voted style description."""
    f = _fields(paper, read, style)
    if style.kind == "table":
        return _table_row(f, style)
    if style.kind == "block":
        return _block(f, style)
    return _bullet(f, style, unknown_name or style.unknown_name)


def _fill(template: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), template)


def _bullet(f: _Fields, style: EntryStyle, marker: str) -> FormattedEntry:
    missing: list[str] = []
    head, middle = style.head, style.middle
    name = f.name
    if name is None and "{name}" in head:
        if marker:
            name = marker
        else:
            head = _NAME_GROUP.sub("", head)
        missing.append("name")
    if f.affiliation is None and "{affiliation}" in middle:
        middle = AFFILIATION_GROUP.sub("", middle)
        missing.append("affiliation")
    if not style.quote and not middle:
        middle = " "  # keep the title and the first link apart
    values = {
        "name": name or "",
        "venue": f.venue,
        "year": str(f.year),
        "affiliation": f.affiliation or "",
    }
    links = _links(f, style.links)
    text = _fill(head, values) + style.quote + f.title + style.quote + _fill(middle, values)
    return FormattedEntry(text + links + style.tail, tuple(missing))


def _paper_label(f: _Fields, links: LinkStyle) -> str:
    if links.paper_label != VENUE_LABEL:
        return links.paper_label
    if f.venue.lower() == "arxiv" and links.arxiv_date == "yymm" and f.yymm:
        return f"{f.venue} {f.yymm}"
    return f"{f.venue} {f.year}"


def _links(f: _Fields, links: LinkStyle) -> str:
    parts = [f"{links.before}[{escape(_paper_label(f, links))}]({f.paper}){links.after}"]
    if f.code:
        parts.append(f"{links.before}[{escape(links.code_label)}]({f.code}){links.after}")
    return links.joiner.join(parts)


def _table_row(f: _Fields, style: EntryStyle) -> FormattedEntry:
    missing: list[str] = []
    contents: list[str] = []
    for column in style.columns:
        if column == "title":
            contents.append(f"[{f.title}]({f.paper})")
        elif column == "venue":
            contents.append(f.venue)
        elif column == "year":
            contents.append(str(f.year))
        elif column == "code":
            code = f"[{escape(style.links.code_label)}]({f.code})" if f.code else style.missing
            contents.append(code)
        elif column == "affiliation":
            contents.append(f.affiliation or "")
            if f.affiliation is None:
                missing.append("affiliation")
        else:
            contents.append("")
    cells = []
    for i, content in enumerate(contents):
        cell = f" {content} "
        if i < len(style.widths):
            cell = cell.ljust(style.widths[i])
        cells.append(cell)
    return FormattedEntry("|" + "|".join(cells) + "|", tuple(missing))


def _block(f: _Fields, style: EntryStyle) -> FormattedEntry:
    labels = dict(style.labels)
    lines = [f"**{f.title}**", "", labels.get("paper", "- Paper: ") + f.paper]
    if f.code:
        lines.append(labels.get("code", "- Code: ") + f.code)
    # Blocks are always kept apart: a bold title right below a `- Code:` line would be read
    # as that item's continuation.
    return FormattedEntry(spacing.apart("\n".join(lines), kept=True))


def check_template(template: str) -> None:
    """Refuse a [format].template with a placeholder that is not a known field."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ConfigError(f"[format].template: {exc}") from None
    for _, name, _, _ in parsed:
        if name is not None and name not in TEMPLATE_FIELDS:
            known = ", ".join(sorted(TEMPLATE_FIELDS))
            raise ConfigError(f"[format].template: unknown placeholder {{{name}}} (known: {known})")


def format_with_template(
    paper: Paper, template: str, *, fields: PaperFields | None = None, unknown_name: str = "?"
) -> FormattedEntry:
    """The paper written with a configured template such as '* **{name}**: "{title}" …'."""
    check_template(template)
    paper, read = _as_shown(paper, fields)
    f = _fields(paper, read, EntryStyle(links=LinkStyle()))
    missing: list[str] = []
    if f.affiliation is None and "{affiliation}" in template:
        template = AFFILIATION_GROUP.sub("", template)
        missing.append("affiliation")
    if f.code is None and "{code}" in template:
        template = _CODE_GROUP.sub("", template)
    name = f.name
    if name is None and "{name}" in template:
        name = unknown_name
        if not name:
            template = _NAME_GROUP.sub("", template)
        missing.append("name")
    values = {
        "name": name or "",
        "title": f.title,
        "venue": f.venue,
        "year": str(f.year),
        "affiliation": f.affiliation or "",
        "paper": f.paper,
        "code": f.code or "",
        "arxiv_id": paper.arxiv_id,
        "yymm": f.yymm,
    }
    return FormattedEntry(" ".join(template.format_map(values).splitlines()), tuple(missing))
