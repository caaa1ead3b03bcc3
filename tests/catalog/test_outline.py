"""Tests for what a list's outline says: names and paths, years, order, sub-groups."""

from __future__ import annotations

import pytest
from builders import venue_dated_list
from catalog_files import (
    CREDITS_AND_NOTES,
    MULTIMODAL,
    SAME_LEVEL_YEARS,
    SUN,
    ZLKONG,
    parse,
    read_history,
)

from promptbot import catalog
from promptbot.catalog import outline
from promptbot.models import Catalog, Section


def _zlkong() -> Catalog:
    return catalog.parse(read_history(ZLKONG))


def _section(cat: Catalog, *path: str) -> Section:
    return next(s for s in cat.sections if s.path[-len(path):] == path)


def test_a_repeated_heading_is_named_by_the_end_of_its_path_and_found_again() -> None:
    cat = _zlkong()
    language = _section(cat, "📝 Language", "2026")
    assert outline.section_name(cat, language) == "📝 Language > 2026"  # the shortest unique
    assert outline.find(cat, outline.section_name(cat, language)) is language
    assert outline.find(cat, "📝 Language > 2026") is language
    vision = _section(cat, "🌁 Vision")
    assert outline.section_name(cat, vision) == "🌁 Vision"
    assert outline.find(cat, "Nowhere > 2026") is None


def test_year_sections_and_their_siblings() -> None:
    cat = _zlkong()
    vision = _section(cat, "🌁 Vision")
    siblings = outline.year_siblings(cat, vision)
    assert [outline.heading_year(s) for s in siblings] == [2026, 2025, 2024, 2023, 2022, 2021]
    assert outline.year_siblings(cat, siblings[2]) == siblings
    assert outline.by_year(siblings, 2024) is siblings[2]
    assert outline.by_year(siblings, 2027) is None
    assert outline.by_year(siblings, 2019) is siblings[-1]


def test_a_new_year_is_opened_like_the_newest_one_above_it() -> None:
    cat = _zlkong()
    siblings = outline.year_siblings(cat, _section(cat, "🌁 Vision"))
    new = outline.open_year(cat, siblings, 2027)
    # `## 🌁 Vision` (39), its anchor `<a id="vision"></a>` (40), `#### 2026` (41) and its
    # entries right below it, no blank line: the new year goes the same way, above 2026.
    assert new.lines == ("#### 2027",)
    assert new.after_line == 40
    assert new.name.endswith("🌁 Vision > 2027")


def test_a_topics_new_year_opens_below_its_label_among_its_own_years() -> None:
    cat = catalog.parse(read_history(SAME_LEVEL_YEARS))
    topic = "🧠 Multimodal Reasoning in Large Language Models"
    siblings = outline.year_siblings(cat, _section(cat, topic))
    assert [(s.line, s.heading) for s in siblings] == [(25, "2025"), (37, "2024")]
    new = outline.open_year(cat, siblings, 2026)
    # `### <h3 id="mllm">🧠 …<h3/>` (23), a blank line, `### 2025` (25): the new year goes
    # between the label and its newest year, blank lines around it as `### 2025` has them,
    # not under another topic's label.
    assert (new.after_line, new.lines) == (23, ("", "### 2026", ""))
    assert new.name == f"{topic} > 2026"


def test_oldest_first_years_get_the_new_year_at_the_end() -> None:
    text = ("# Papers\n\n**2023**\n\n- [Old](https://arxiv.org/abs/2301.00001)\n\n"
            "**2024**\n\n- [New](https://arxiv.org/abs/2401.00001)\n")
    cat = catalog.parse(text)
    siblings = outline.year_siblings(cat, cat.sections[0])
    new = outline.open_year(cat, siblings, 2025)
    assert new.after_line == 9 and new.lines == ("", "**2025**", "")


def test_newest_first_is_learned_from_the_order_of_arxiv_ids() -> None:
    cat = catalog.parse(read_history(SUN))
    vision = _section(cat, "Vision (Image)👀")
    assert outline.newest_first(cat, vision)
    multimodal = parse(MULTIMODAL)
    section = multimodal.section("Prompt Learning/Tuning")
    assert section is not None and not outline.newest_first(multimodal, section)


def test_a_sorted_section_takes_a_paper_at_its_month() -> None:
    text = "".join(f"* [Paper Title {n}](https://arxiv.org/abs/{i}.0000{n})\n"
                   for n, i in enumerate(["2509", "2508", "2508", "2506", "2505"]))
    section = catalog.parse("# S\n" + text).sections[0]
    assert outline.sorted_after(section, outline.id_age("2510.00001")) == (1, True)
    assert outline.sorted_after(section, outline.id_age("2508.00009")) == (2, False)
    assert outline.sorted_after(section, outline.id_age("2501.00001")) == (6, False)
    assert outline.sorted_after(section, None) is None


def test_a_section_grouped_by_venue_takes_a_paper_into_its_venue_run() -> None:
    cat = _zlkong()
    section = _section(cat, "🌁 Vision", "2026")  # CVPR'26 x6 (42-47), ICLR'26 x2, ICASSP, ...
    assert [outline.lead_word(e.raw) for e in section.entries[5:8]] == ["cvpr", "iclr", "iclr"]
    assert outline.venue_run(section, "ICLR 2026", top=True) == (47, True)
    assert outline.venue_run(section, "ICLR", top=False) == (49, False)
    assert outline.venue_run(section, "CVPR", top=True) == (41, True)
    assert outline.venue_run(section, "NoSuchVenue", top=True) is None
    names = parse(MULTIMODAL).section("Prompt Learning/Tuning")
    assert names is not None and outline.venue_run(names, "CVPR", top=True) is None


def test_entry_age_is_the_arxiv_month_else_the_middle_of_the_year() -> None:
    cat = catalog.parse(
        '# L\n\n- **A**: "Alpha", arXiv, 2026. [[Paper](https://arxiv.org/abs/2603.01234)]\n'
        '- **B**: "Beta", CVPR, 2021. [[Paper](https://example.org/beta.pdf)]\n')
    ages = [outline.entry_age(e) for e in cat.entries]
    assert ages == [2026 * 12 + 3, 2021 * 12 + 6]


def test_the_year_section_beside_a_year_section_is_the_papers_year_itself() -> None:
    cat = catalog.parse("# L\n## Vision\n### 2026:\n- [A paper here](https://arxiv.org/abs/2601.00001)\n"
                "### 2025\n- [B paper here](https://arxiv.org/abs/2501.00001)\n## Language\n"
                "### 2026\n- [C paper here](https://arxiv.org/abs/2601.00002)\n")
    vision_2025 = next(s for s in cat.sections if s.path == ("L", "Vision", "2025"))
    found = outline.year_section(cat, vision_2025, 2026)
    assert found is not None and found.path == ("L", "Vision", "2026")  # `### 2026:` too
    assert outline.year_section(cat, vision_2025, 2024) is None  # no section of its own
    vision = next(s for s in cat.sections if s.heading == "Vision")
    assert outline.year_section(cat, vision, 2026) is None  # not a year section


def test_a_heading_with_headings_below_it_has_subsections() -> None:
    cat = catalog.parse("# List\n\n## Vision\n\n### 2025\n\n### 2026\n\n## Language\n\n"
                        '- **A**: "A paper", arXiv, 2026. [[Paper](https://arxiv.org/abs/2601.00001)]\n')
    parents = {s.heading for s in cat.sections if outline.has_subsections(cat, s)}
    assert parents == {"List", "Vision"}


@pytest.mark.parametrize(("heading", "date"), [
    ("2025", outline.HeadingDate(2025)),
    ("**2024**:", outline.HeadingDate(2024)),
    ("CVPR 2022", outline.HeadingDate(2022, "CVPR")),
    ("ACM-MM 2021", outline.HeadingDate(2021, "ACM-MM")),
    ("NeurIPS'23", None),  # a two-digit year is no heading's date
    ("arXiv 2023", outline.HeadingDate(2023, "arXiv")),
    ("ACM MM 2021", outline.HeadingDate(2021, "ACM MM")),
    ("Vision 2025", None),  # a topic and its year, not a venue's
    ("Large Language Models 2024", None),
    ("3D VG Datasets", None),
    ("ICCV 2021 Workshops", None),
])
def test_a_heading_is_dated_by_a_year_or_by_a_venue_and_its_year(
        heading: str, date: outline.HeadingDate | None) -> None:
    assert outline.parse_heading_date(heading) == date


def _roadmap() -> tuple[Catalog, list[Section]]:
    """jianghaojun/Awesome-3D-Vision-and-Language: `### 3D VG Paper Roadmap` holds `####
    ECCV 2020`, `AAAI 2021`, `CVPR 2021`, `ICCV 2021`, `ACM-MM 2021`, `CVPR 2022`."""
    cat = catalog.parse(read_history(CREDITS_AND_NOTES))
    return cat, outline.year_siblings(cat, _section(cat, "3D Visual Grounding", "3D VG Paper "
                                                    "Roadmap (Chronological Order)", "ICCV 2021"))


def test_sections_split_by_venue_and_year_give_only_the_papers_own_venue_and_year() -> None:
    cat, siblings = _roadmap()
    assert [s.heading for s in siblings] == ["ECCV 2020", "AAAI 2021", "CVPR 2021", "ICCV 2021",
                                             "ACM-MM 2021", "CVPR 2022"]
    assert outline.by_year(siblings, 2022, "CVPR") is siblings[-1]
    assert outline.by_year(siblings, 2021, "ACM MM") is siblings[4]  # spelled another way
    assert outline.by_year(siblings, 2023, "ICCV") is None  # a venue's year to open
    assert outline.by_year(siblings, 2021, "NeurIPS") is None  # not the year's other venues
    assert outline.by_year(siblings, 2022, None) is None  # a preprint is not CVPR's
    found = outline.year_section(cat, siblings[0], 2021, "ICCV")
    assert found is siblings[3]
    assert outline.year_section(cat, siblings[0], 2021, "arXiv") is None


def test_a_venue_and_year_is_opened_in_its_place_among_its_siblings_written_as_they_are() -> None:
    cat, siblings = _roadmap()
    new = outline.open_year(cat, siblings, 2023, "ICCV")
    assert new.lines == ("", "#### ICCV 2023")  # `#### CVPR 2022` has its first item below it
    assert new.after_line == 64  # CVPR 2022's last line, before `### 3D VG Datasets`
    assert new.name.endswith("3D VG Paper Roadmap (Chronological Order) > ICCV 2023")
    middle = outline.open_year(cat, siblings, 2021, "NeurIPS")
    assert middle.lines[-1] == "#### NeurIPS 2021"
    assert middle.after_line == 49  # after `#### ACM-MM 2021`, the year's last, before 2022
    assert outline.open_year(cat, siblings, 2022, "ACM MM").lines[-1] == "#### ACM-MM 2022"
    assert outline.open_year(cat, siblings, 2023, None).lines[-1] == "#### arXiv 2023"


def test_a_venue_that_cannot_date_a_heading_is_filed_and_opened_as_a_preprints() -> None:
    # The venue is paper metadata: a name written out, or markup, never becomes a heading.
    cat = catalog.parse("# L\n## Grounding\n#### arXiv 2023\n1. **A paper on grounding**. "
                        "arXiv 2023. [[Paper]](https://arxiv.org/abs/2301.00001)\n#### CVPR 2023"
                        "\n1. **B paper on grounding**. CVPR 2023. [[Paper]](https://arxiv.org/"
                        "abs/2301.00002)\n")
    siblings = outline.year_siblings(cat, cat.sections[2])
    written_out = "IEEE Transactions on Geoscience and Remote Sensing"
    assert outline.by_year(siblings, 2023, written_out) is siblings[0]
    assert outline.by_year(siblings, 2023, "CVPR") is siblings[1]
    for hostile in ("Fixes #12 @octocat", "<b>CVPR</b>", "[CVPR](https://evil.example)",
                    written_out):
        assert outline.open_year(cat, siblings, 2024, hostile).lines[-1] == "#### arXiv 2024"
    assert outline.open_year(cat, siblings, 2024, "ICCV").lines[-1] == "#### ICCV 2024"


def test_a_list_dated_by_venue_keeps_its_preprints_under_its_undated_preprint_heading() -> None:
    text = venue_dated_list([("CVPR 2023", "2301.00001", "A grounding paper here"),
                             ("ICCV 2023", "2303.00002", "B grounding paper here"),
                             ("Preprints", "2305.00003", "C grounding paper here")])
    cat = catalog.parse(text)
    siblings = [s for s in cat.sections if "20" in s.heading]
    cvpr, shelf = cat.sections[1], cat.sections[3]
    assert outline.preprint_shelf(cat, siblings) is shelf
    assert outline.dated_section(cat, siblings, 2024, None) is shelf
    assert outline.dated_section(cat, siblings, 2024, "arXiv") is shelf
    assert outline.dated_section(cat, siblings, 2024, "IEEE Transactions on Geoscience") is shelf
    assert outline.dated_section(cat, siblings, 2023, "CVPR") is cvpr
    assert outline.dated_section(cat, siblings, 2024, "CVPR") is None  # a heading to open
    dated = catalog.parse(text.replace("## Preprints", "## arXiv 2023"))
    assert outline.preprint_shelf(dated, dated.sections[1:]) is None  # it dates its preprints
    assert outline.dated_section(dated, dated.sections[1:], 2024, None) is None  # opens 2024
    plain = catalog.parse(text.replace("## CVPR 2023", "## 2023").replace("## ICCV 2023",
                                                                          "## 2022"))
    assert outline.preprint_shelf(plain, plain.sections[1:3]) is None  # dated by year alone
