"""An entry's anchor: the section's shared one, the section's next number, or none."""

from __future__ import annotations

from promptbot import catalog
from promptbot.entries.anchor_ids import numbered_anchors
from promptbot.entries.template_choice import induce
from promptbot.entries.template_fill import Values
from promptbot.entries.templated import write
from promptbot.entries.templates import abstract
from promptbot.models import Catalog


def rows(ids: list[str]) -> str:
    return "".join(f"{n}. <span id='{anchor}'>[Name{n}]</span>[Paper {n} About Things]"
                   f"(https://arxiv.org/pdf/2104.0{n}633) `CVPR 2021`\n"
                   for n, anchor in enumerate(ids, start=1))


def numbered_section(ids: list[str], before: list[str] | None = None) -> Catalog:
    """fjchange/awesome-video-anomaly-detection's shape: `1. <span id='12101'>[Name]</span>…`,
    the section last, after a section of `before`'s anchors."""
    earlier = f"## 2020\n{rows(before)}" if before else ""
    return catalog.parse(f"# L\n{earlier}## 2021\n{rows(ids)}")


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


def test_an_anchor_entries_share_is_the_lists_markup_as_the_latest_entries_write_it() -> None:
    # Qinying-Liu/Awesome-Open-Vocabulary-Semantic-Segmentation: `<span id = "3001">` on the
    # rows of a section, `2005` on its latest ones, which the maintainers' next row copies.
    assert "<span id='2005'>" in written(numbered_section(["3001", "3001", "3001", "2005",
                                                           "2005"]))
    # The one row with an anchor of its own gives way to the one the latest rows share.
    assert "<span id='1003'>" in written(numbered_section(["1003", "1003", "1003", "3001"]))


def test_numbers_that_follow_no_count_are_no_ones_to_copy() -> None:
    text = written(numbered_section(["7", "31", "12"]))
    assert "<span>" in text and "id=" not in text, text


def test_a_section_of_one_entry_follows_the_lists_habit() -> None:
    # fjchange's `2016` holds one entry, `01601`: the list counts its anchors elsewhere.
    assert "<span id='01602'>" in written(numbered_section(["01601"], ["02001", "02002"]))
    assert "<span id='3001'>" in written(numbered_section(["3001"], ["3001", "3001"]))


def test_templates_without_numeric_anchors_are_left_as_they_are() -> None:
    cat = catalog.parse("# L\n## S\n<a name='top'></a>\n- [Alpha Things](https://arxiv.org/abs/"
                        "2501.00001)\n- [Beta Things](https://arxiv.org/abs/2501.00002)\n")
    found = [t for t in (abstract(e) for e in cat.entries) if t is not None]
    assert numbered_anchors(found, cat.entries, cat.entries) == tuple(found)
