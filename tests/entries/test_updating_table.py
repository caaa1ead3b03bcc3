"""Table rows updated cell by cell on the real table list: venue, year and code cells only."""

from __future__ import annotations

from catalog_files import JINDONGGU, parse, read

from promptbot.entries import section_style
from promptbot.entries.style_model import EntryStyle
from promptbot.entries.updating import rewrite_entry
from promptbot.entries.venue_marks import entry_text
from promptbot.models import Entry, PaperFields


def row_of(arxiv_id: str) -> tuple[Entry, EntryStyle]:
    cat = parse(JINDONGGU)
    section = next(s for s in cat.sections for e in s.entries if arxiv_id in e.arxiv_ids)
    entry = next(e for e in section.entries if arxiv_id in e.arxiv_ids)
    return entry, section_style(cat, section)


def test_a_padded_row_gets_venue_year_and_code_in_their_cells_and_stays_aligned() -> None:
    entry, style = row_of("2010.11982")  # "| arXiv       | 2020 | ---      ..."
    fields = PaperFields(None, "EMNLP", 2021, "2010", "https://github.com/o/turking", None)
    rewrite = rewrite_entry(entry, fields, style, venue=True, code=True)
    assert rewrite is not None
    old, new = entry_text(entry), rewrite.text
    assert "| EMNLP       | 2021 | [Github](https://github.com/o/turking)" in new
    assert len(new) == len(old)  # every cell kept its width
    assert new.split("|")[1] == old.split("|")[1] and new.split("|")[5] == old.split("|")[5]
    assert rewrite.changes == ("venue: arXiv 2020 → EMNLP 2021", "code link added")


def test_a_compact_row_stays_compact_and_a_row_with_code_keeps_it() -> None:
    entry, style = row_of("2308.12966")  # "| arXiv | 2023 | [Github](…) |"
    fields = PaperFields(None, "ICLR", 2024, "2308", "https://github.com/other/repo", None)
    rewrite = rewrite_entry(entry, fields, style, venue=True, code=True)
    assert rewrite is not None
    assert rewrite.text == entry_text(entry).replace("| arXiv | 2023 |", "| ICLR | 2024 |")


def test_a_published_row_is_left_alone() -> None:
    entry, style = row_of("2102.02779")  # ICML 2021, with code
    fields = PaperFields(None, "ICML", 2021, "2102", None, None)
    assert rewrite_entry(entry, fields, style, venue=True, code=True) is None
    assert read(JINDONGGU).count(entry_text(entry)) == 1
