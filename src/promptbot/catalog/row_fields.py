"""The fields of a table row, read through its header's columns, and of a block of key lines
(`**Title**⏎Paper: …⏎Code: …`)."""

from __future__ import annotations

import re

from promptbot.catalog.authors import author_names
from promptbot.catalog.fields import Fields
from promptbot.catalog.heads import PLACEHOLDER, YEAR
from promptbot.catalog.links import LINK, clean, find_links, first_word, is_title_label, link_role
from promptbot.models import Link

_LETTER = re.compile(r"\w")


_COLUMNS = {
    "title": ("title", "paper", "papers", "paper title", "name of paper", "publication"),
    "venue": ("venue", "conference", "conf", "journal", "published", "pub", "source"),
    "year": ("year", "date", "time"),
    "code": ("code", "code if available", "github", "repo", "implementation"),
    "name": ("abbr", "abbreviation", "short name", "method", "model", "name", "acronym"),
    "affiliation": ("affiliation", "institution", "organization", "org"),
}


def table_columns(header: list[str]) -> dict[str, int]:
    """Which column holds which field, from a table's header cells."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = clean(cell).casefold()
        for field, names in _COLUMNS.items():
            if field not in columns and (key in names or (field == "title" and "title" in key)):
                columns[field] = index
                break
    return columns


def _cell(cells: list[str], columns: dict[str, int], field: str) -> str:
    index = columns.get(field)
    return cells[index] if index is not None and index < len(cells) else ""


def _title_column(cells: list[str], columns: dict[str, int]) -> int | None:
    if "title" in columns:
        return columns["title"]
    return next((i for i, c in enumerate(cells)
                 if any(is_title_label(label) for _, _, label, _ in find_links(c))), None)


def table_fields(cells: list[str], columns: dict[str, int]) -> Fields | None:
    """The fields of a table row, its cells read through the header's columns."""
    at = _title_column(cells, columns)
    title_cell = cells[at] if at is not None and at < len(cells) else ""
    # The first link that reads as a title: a badge before it (`[![arXiv](…)]() <br>[Title](…)`,
    # `![Star](…) <br> [**Title**](…)`) is not the title.
    link = next((m for m in LINK.finditer(title_cell) if title_cell[m.start() - 1:m.start()]
                 != "!" and is_title_label(m.group(1))), None)  # an image is no title's link
    title = clean(link.group(1) if link else LINK.sub("", title_cell))
    if len(title) < 2 or not _LETTER.search(title):
        return None
    links: list[Link] = []
    for index, text in enumerate(cells):
        for start, _, label, url in find_links(text):
            role = link_role(label, url)
            if index == at and link is not None and start == link.start():
                role = "paper"
            elif index == columns.get("code") and role == "other":
                role = "code"
            links.append(Link(clean(label), url, role))
    venue = clean(LINK.sub(r"\1", _cell(cells, columns, "venue")))
    year = YEAR.search(_cell(cells, columns, "year") or venue)
    name = clean(_cell(cells, columns, "name"))
    affiliation = clean(_cell(cells, columns, "affiliation"))
    authors = _line_of_authors(title_cell[link.end():]) if link else ()
    return Fields(title, name or None, None if PLACEHOLDER.match(venue) else venue,
                  int(year.group(1)) if year else None, affiliation or None, tuple(links),
                  authors)


_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _line_of_authors(after_title: str) -> tuple[str, ...]:
    """The author list on its own line after a cell's title: `[Title](…)<br>A, B, C`."""
    lines = _BREAK.split(after_title)
    return author_names(lines[1].strip()) if len(lines) > 1 and not lines[0].strip() else ()


_KEY_ROLES = (("paper", "paper"), ("pdf", "paper"), ("arxiv", "paper"), ("code", "code"),
              ("github", "code"), ("home", "project"), ("project", "project"),
              ("page", "project"), ("website", "project"))


def block_fields(title: str, keyed: list[tuple[str, str]]) -> Fields | None:
    """The fields of a `**Title**` block from its `- Key: url` lines as (key, url) pairs."""
    text = clean(title)
    if len(text) < 2:
        return None
    links = []
    for key, url in keyed:
        word = first_word(key)
        role = next((r for prefix, r in _KEY_ROLES if word.startswith(prefix)), "other")
        links.append(Link(clean(key), url, role))
    return Fields(text, links=tuple(links))
