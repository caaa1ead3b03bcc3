"""Venues and preprint marks in an entry's own text, learned from the list's entries."""

from __future__ import annotations

import pytest
from catalog_files import SEED, parse

from promptbot import catalog
from promptbot.entries.venue_marks import (
    VenueShape,
    entry_text,
    preprint_marker,
    preprint_tag,
    venue_key,
    venue_shape,
)


def test_the_shape_is_the_lists_most_common_way_to_write_a_venue_with_its_year() -> None:
    cat = catalog.parse("# L\n* [**CVPR'25**] A [[Paper](https://arxiv.org/pdf/2501.00001)]\n"
                        "* [**ICLR'25**] B [[Paper](https://arxiv.org/pdf/2501.00002)]\n"
                        "* [ECCV 2024] C [[Paper](https://arxiv.org/pdf/2401.00003)]\n")
    shape = venue_shape(cat.entries)
    assert shape == VenueShape("'", True, "**")
    assert shape.render("NeurIPS", 2025) == "NeurIPS'25"
    assert shape.replace("* [arXiv] D", 3, 8, "AAAI", 2026) == "* [**AAAI'26**] D"
    assert shape.replace("* [**arXiv**] D", 5, 10, "AAAI", 2026) == "* [**AAAI'26**] D"


def test_venues_inside_links_and_unknown_words_teach_nothing() -> None:
    cat = catalog.parse("# L\n- A [[CVPR 2022](https://arxiv.org/abs/2201.00001)]\n"
                        "- Bob 2021 wrote B [[Paper](https://arxiv.org/abs/2101.00002)]\n")
    assert venue_shape(cat.entries) is None


def test_a_preprint_marker_only_where_the_parser_read_no_venue_and_only_one() -> None:
    one, two, read = catalog.parse(
        "# L\n* [arXiv] A [[Paper](https://arxiv.org/pdf/2501.00001)]\n"
        "* [arXiv] preprint B [[Paper](https://arxiv.org/pdf/2501.00002)]\n"
        '* **C**: "Title C", arXiv, 2023. [[Paper](https://arxiv.org/abs/2301.00003)]\n').entries
    assert preprint_marker(one) == (3, 8)
    assert preprint_marker(two) is None  # two marks: which one is the venue?
    assert read.venue == "arXiv" and preprint_marker(read) is None


def test_venue_key_from_the_parsed_venue_or_the_text() -> None:
    seed = parse(SEED)
    coop = next(e for e in seed.entries if e.venue == "IJCV")
    assert venue_key(coop) == ("IJCV", 2022)
    marked = catalog.parse("# L\n* [**CVPR'26**] A [[Paper](https://arxiv.org/pdf/2601.00001)]\n")
    assert venue_key(marked.entries[0]) == ("CVPR", 2026)


@pytest.mark.parametrize(("line", "tag"), [
    ("* [arXiv] Epsilon Tokens [[Paper](https://arxiv.org/pdf/2501.00005)]", "arXiv"),
    ('* **C**: "Title C", arXiv, 2023. [[Paper](https://arxiv.org/abs/2301.00003)]', None),
    ("* [**CVPR'26**] Delta Tokens [[Paper](https://arxiv.org/pdf/2501.00004)]", None),
])
def test_a_preprint_tag_is_a_preprint_venue_standing_alone_in_brackets(
    line: str, tag: str | None
) -> None:
    (entry,) = catalog.parse(f"# L\n{line}\n").entries
    span = preprint_tag(entry)
    assert (entry_text(entry)[span[0]:span[1]] if span else None) == tag
