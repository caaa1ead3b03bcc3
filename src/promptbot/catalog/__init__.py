"""The catalog: a list's text read losslessly into a `Catalog`.

Headings and their paths (the block structure from a CommonMark parser, the bytes kept by line),
entries and their fields, entries the maintainers commented out, sub-groups and year sections,
links, the index of arXiv ids, titles and code URLs, and what section headings say (published /
preprint). Pure: no I/O. Imports only
the base modules (models, errors); nothing of entries, judging, github or sources.
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
from promptbot.catalog.section_signals import (
    HEADING_WEIGHT,
    PREPRINT,
    PUBLISHED,
    HeadingWords,
    status_profile,
)

__all__ = [
    "HEADING_WEIGHT",
    "PREPRINT",
    "PUBLISHED",
    "SEPARATOR",
    "CatalogIndex",
    "HeadingWords",
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
    "status_profile",
]
