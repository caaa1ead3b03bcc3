"""Entries: a paper written the way a list writes its entries, and inserted into the text.

Style inference from the list's own entries, the fields read from a paper's metadata
(short name, venue, year, code link, affiliation) and from its HTML page's author block
(affiliations, institutions, front_page), markdown safety for hostile metadata, and byte-level
insertion. Pure: no I/O. Imports the catalog and the base modules only.
"""

from __future__ import annotations

from promptbot.entries.editing import (
    find_section,
    insert,
    insertion_point,
    plan_insertions,
    plan_insertions_noted,
    section_style,
    unified_diff,
)
from promptbot.entries.markdown_safety import (
    escape,
    plain,
    plain_reference_free,
    rendered_text,
    truncate,
)
from promptbot.entries.metadata import (
    entry_fields,
    judging_fields,
    read_fields,
    venue_year,
)

__all__ = [
    "entry_fields",
    "escape",
    "find_section",
    "insert",
    "insertion_point",
    "judging_fields",
    "plain",
    "plain_reference_free",
    "plan_insertions",
    "plan_insertions_noted",
    "read_fields",
    "rendered_text",
    "section_style",
    "truncate",
    "unified_diff",
    "venue_year",
]
