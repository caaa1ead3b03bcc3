"""The catalog: a list's text read losslessly into a `Catalog`.

Headings and their paths (the block structure from a CommonMark parser, the bytes kept by line),
entries and their fields, entries the maintainers commented out, sub-groups and year sections,
links, the index of arXiv ids, titles and code URLs. Pure: no I/O. Imports only the base modules
(models, errors); nothing of entries, judging, github or sources.

`promptbot.catalog.section_signals` (what section headings and entries say of a section:
published or preprint, its heading words) and `promptbot.catalog.heading_names` (the small
sections a title names by their heading) are imported by name where they are needed: they pull
in numpy and scikit-learn, which reading a list does not need.
"""

from __future__ import annotations

from promptbot.catalog.index import (
    CatalogIndex,
    build_index,
    find_arxiv_ids,
    is_arxiv_id,
    normalize_arxiv_id,
    normalize_code_url,
    normalize_title,
)
from promptbot.catalog.outline import (
    SEPARATOR,
    find,
    section_name,
    section_names,
)
from promptbot.catalog.parser import (
    parse,
    split_lines,
)

__all__ = [
    "SEPARATOR",
    "CatalogIndex",
    "build_index",
    "find",
    "find_arxiv_ids",
    "is_arxiv_id",
    "normalize_arxiv_id",
    "normalize_code_url",
    "normalize_title",
    "parse",
    "section_name",
    "section_names",
    "split_lines",
]
