"""An entry's anchor: the section's shared one, the section's next number, or none."""

from __future__ import annotations

from promptbot import catalog
from promptbot.entries.anchor_ids import numbered_anchors
from promptbot.entries.template_choice import induce
from promptbot.entries.template_fill import Values
from promptbot.entries.templated import write
from promptbot.entries.templates import abstract
from promptbot.models import Catalog


def numbered_section(ids: list[str]) -> Catalog:
    """fjchange/awesome-video-anomaly-detection's shape: `1. <span id='12101'>[Name]</span>…`."""
    rows = "".join(f"{n}. <span id='{anchor}'>[Name{n}]</span>[Paper {n} About Things]"
                   f"(https://arxiv.org/pdf/2104.0{n}633) `CVPR 2021`\n"
                   for n, anchor in enumerate(ids, start=1))
    return catalog.parse("# L\n## 2021\n" + rows)


def written(cat: Catalog) -> str:
    found = induce(cat, cat.sections[-1])
    assert found is not None
    values = Values(title="A Paper About Things", arxiv_id="2604.01234", venue="CVPR",
                    venue_is_arxiv=False, year=2026, yymm="2604", name="Zebra")
    entry = write(found, values, found.structures)
    assert entry is not None
    return entry.text


def test_a_counted_anchor_takes_the_sections_next_number_as_wide() -> None:
    text = written(numbered_section(["02101", "02102", "02103"]))
    assert "<span id='02104'>" in text, text


def test_an_anchor_every_entry_shares_is_the_lists_markup() -> None:
    # Qinying-Liu/Awesome-Open-Vocabulary-Semantic-Segmentation: `<span id = "1003">` on
    # every row of a section.
    assert "<span id='1003'>" in written(numbered_section(["1003", "1003", "1003", "3001"]))


def test_numbers_that_follow_no_count_are_no_ones_to_copy() -> None:
    text = written(numbered_section(["7", "31", "12"]))
    assert "<span>" in text and "id=" not in text, text


def test_templates_without_numeric_anchors_are_left_as_they_are() -> None:
    cat = catalog.parse("# L\n## S\n<a name='top'></a>\n- [Alpha Things](https://arxiv.org/abs/"
                        "2501.00001)\n- [Beta Things](https://arxiv.org/abs/2501.00002)\n")
    found = [t for t in (abstract(e) for e in cat.entries) if t is not None]
    assert numbered_anchors(found, cat.entries) == tuple(found)
