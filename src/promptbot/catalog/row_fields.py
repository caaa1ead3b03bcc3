"""The fields of a table row, read through its header's columns, and of a block of key lines
(`**Title**⏎Paper: …⏎Code: …`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from promptbot.catalog.authors import author_names
from promptbot.catalog.fields import Fields
from promptbot.catalog.heads import PLACEHOLDER, YEAR
from promptbot.catalog.links import (
    LINK,
    clean,
    find_links,
    first_word,
    is_title_label,
    link_role,
    venue_label,
)
from promptbot.models import Link

_LETTER = re.compile(r"\w")


_COLUMNS = {
    "title": ("title", "paper", "papers", "paper title", "name of paper", "publication"),
    "venue": ("venue", "conference", "conf", "journal", "published", "pub", "source"),
    "year": ("year", "date", "time"),
    "code": ("code", "code if available", "github", "repo", "implementation"),
    "name": ("abbr", "abbreviation", "short name", "method", "model", "name", "acronym"),
    "affiliation": ("affiliation", "affiliations", "institution", "institutions", "institute",
                    "institutes", "organization", "org"),
}
# A header's remark in parentheses says which of the field it shows (`Institute (first)`).
_REMARK = re.compile(r"\s*\([^()]*\)\s*$")


# A header that says its column abbreviates the paper (`Paper Abbr`, `Method Acronym`).
_ABBREVIATION = re.compile(r"\b(?:abbr|abbreviation|acronym)\b")


def table_columns(header: list[str]) -> dict[str, int]:
    """Which column holds which field, from a table's header cells."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = clean(cell).casefold()
        key = _REMARK.sub("", key) or key
        for field, names in _COLUMNS.items():
            if field not in columns and (key in names or (field == "title" and "title" in key)
                                         or (field == "name" and _ABBREVIATION.search(key))):
                columns[field] = index
                break
    return _publication_as_venue(columns, [clean(cell).casefold() for cell in header])


def _publication_as_venue(columns: dict[str, int], keys: list[str]) -> dict[str, int]:
    """A `Publication` column beside a `Paper` column is where the paper was published
    (`| Date | Institute | Publication | Paper |`, `NIPS2023`): the venue, not the title."""
    title = columns.get("title")
    if title is None or keys[title] != "publication" or "venue" in columns:
        return columns
    other = next((i for i, key in enumerate(keys) if i != title and key in _TITLES), None)
    return columns if other is None else {**columns, "title": other, "venue": title}


_TITLES = ("title", "paper", "papers", "paper title", "name of paper")


def row_columns(header: list[str], rows: Sequence[list[str]]) -> dict[str, int]:
    """Which column holds which field: the header's names (table_columns), corrected by what
    the rows hold (a title column the header does not name, a "name" column of lists)."""
    return with_name_column(with_title_column(table_columns(header), rows), rows)


def with_title_column(columns: dict[str, int], rows: Sequence[list[str]]) -> dict[str, int]:
    """The header's columns, and the title's where the header names none (`| Date | Project |
    SFT |`): the column whose cells, in most rows, hold a paper's link after words of their
    own (`Title [[📑Paper]](…)`). A linked title (`[Title](…)`) is found row by row instead."""
    if "title" in columns or not rows:
        return columns
    named = set(columns.values())
    counts = Counter(index for cells in rows for index, cell in enumerate(cells)
                     if index not in named and _titled_by_text(cell))
    if not counts:
        return columns
    index, found = counts.most_common(1)[0]
    return {**columns, "title": index} if 2 * found > len(rows) else columns


def with_name_column(columns: dict[str, int], rows: Sequence[list[str]]) -> dict[str, int]:
    """The header's columns without a "name" column whose cells, in most rows, list several
    things (`| Method |` holding `Policy Gradient, GRPO`): a short name is one word or a few,
    never a list; such a column is a value of its own kind."""
    index = columns.get("name")
    if index is None:
        return columns
    texts = [clean(cells[index]) for cells in rows if index < len(cells) and clean(cells[index])]
    listing = sum(", " in text or len(text.split()) > _NAME_WORDS for text in texts)
    if not texts or 2 * listing <= len(texts):
        return columns
    return {field: at for field, at in columns.items() if field != "name"}


_NAME_WORDS = 4  # the most words of a short name in a name column (`Visual Prompt Tuning`)


def _titled_by_text(cell: str) -> bool:
    """Whether a cell is a title in words followed by the paper's link (`Title [[Paper]](…)`)."""
    first = next(iter(find_links(cell)), None)
    return first is not None and link_role(first[2], first[3]) == "paper" and _text_before(
        cell, first[0]) is not None


def _text_before(cell: str, start: int) -> str | None:
    """The words of a cell before its first link at `start`, when they can be a title."""
    text = clean(cell[:start])
    return text if len(text.split()) >= 2 and _LETTER.search(text) else None


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
    labelled = [m for m in LINK.finditer(title_cell)  # an image is no title's link
                if title_cell[m.start() - 1:m.start()] != "!"]
    link = next((m for m in labelled if is_title_label(m.group(1))), None)
    # Words before a first link that names no title (`Title [[📑Paper]](…)[[model]](…)`) are
    # the title, not a later link whose label reads like one (`model`, `Project website`).
    if labelled and link is not labelled[0] and _text_before(title_cell, labelled[0].start()):
        link = None
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
    found = YEAR.search(_cell(cells, columns, "year")) or YEAR.search(venue)
    year = int(found.group(1)) if found else None
    tagged = venue_label(venue) if "'" in venue or _GLUED_YEAR.fullmatch(venue) else None
    if tagged is not None and tagged[0]:
        # `Preprint'23`, `CVPR'18`, `NIPS2023`: the venue, then its year, as an entry's line
        # says them
        venue, year = tagged[0], year or tagged[1]
    # `[ZSDv1](…)`: its label; `` `CAPO` ``: the name in code marks
    name = clean(LINK.sub(r"\1", _cell(cells, columns, "name"))).strip("` ")
    affiliation = clean(_cell(cells, columns, "affiliation"))
    authors = _line_of_authors(title_cell[link.end():]) if link else ()
    return Fields(title, name or None, None if PLACEHOLDER.match(venue) else venue,
                  year, affiliation or None, tuple(links),
                  authors)


_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_GLUED_YEAR = re.compile(r"[A-Za-z]{2,}(?:19|20)\d\d")  # `NIPS2023`, `ICLR2024`


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
