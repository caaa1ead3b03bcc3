"""Tests for bulleted sections' style: the recency-weighted vote, the name prefix, layouts."""

from __future__ import annotations

import pytest

from promptbot import catalog
from promptbot.entries.style import infer_style
from promptbot.entries.style_bullets import layout, link_spans, title_keeps_name


def test_too_few_named_entries_keep_the_arxiv_title() -> None:
    rows = "".join(f"* **N{i}**: Title number {i} [[Paper](https://arxiv.org/abs/2301.0000{i})]\n"
                   for i in range(1, 5))
    cat = catalog.parse(f"# L\n## S\n{rows}")
    assert title_keeps_name(cat.entries) is True
    many = catalog.parse("# L\n## S\n" + rows * 2)
    assert title_keeps_name(many.entries) is False


def test_a_section_of_no_voted_layout_still_drops_the_name_its_titles_drop() -> None:
    # AlonzoLeeeooo/awesome-video-generation: `-  ***MagicVideo:*** Efficient Video Generation
    # …`, 87 named entries, none keeping the name in the title. No one-line layout reads them,
    # and a new entry said `***Zebra-Net:*** Zebra-Net: Quokka Alignment …`.
    rows = "".join(f"    -  ***Net{i}:*** Efficient Video Generation Number {i} [[Paper]]"
                   f"(https://arxiv.org/pdf/2301.0000{i})\n" for i in range(1, 10))
    cat = catalog.parse(f"# L\n## Text-to-Video\n- **Year 2023**\n  - **arXiv**\n{rows}")
    section = cat.sections[-1]
    assert all(e.name for e in section.entries)
    assert infer_style(cat, section).title_keeps_name is False


def _bullets(layouts: str) -> str:
    """One entry per letter: Q a quoted title with venue and year, P a plain title."""
    lines = []
    for i, kind in enumerate(layouts, start=1):
        link = f"[[Paper](https://arxiv.org/abs/2301.{i:05d})]"
        if kind == "Q":
            lines.append(f'* **N{i}**: "Quoted title {i}", arXiv, 2023. {link}\n')
        else:
            lines.append(f"* **N{i}**: Plain title {i} {link}\n")
    return "# L\n## S\n" + "".join(lines)


@pytest.mark.parametrize(
    ("layouts", "quote"),
    [("QQQQQPPP", ""), ("QQQQQQQQQP", '"'), ("PPPPPQQ", ""), ("PPQQQ", '"')],
)
def test_the_entries_nearest_the_end_weigh_more(layouts: str, quote: str) -> None:
    cat = catalog.parse(_bullets(layouts))
    assert infer_style(cat, cat.sections[1]).quote == quote


def test_layout_leaves_values_and_affiliation_out() -> None:
    cat = catalog.parse(
        "# L\n## S\n"
        '* **A**: "One", CVPR, 2022 (*MIT*). [[Paper](https://arxiv.org/abs/2201.00001)]\n'
        '* **B**: "Two", ICCV, 2023. [[Paper](https://arxiv.org/abs/2301.00002)][[Code](https://github.com/a/b)]\n'
        "* **C**: Three, ICCV, 2023. [[Paper](https://arxiv.org/abs/2301.00003)]\n"
        "\n| Title | Venue |\n|---|---|\n| [Four](https://arxiv.org/abs/2301.00004) | CVPR |\n"
    )
    one, two, three, four = (layout(e) for e in cat.entries)
    assert one == two != three
    assert one is not None and one[:3] == ("* **{name}**: ", '"', ", {venue}, {year}.")
    assert four is None  # a table row: not a bullet layout


def test_the_link_run_is_the_links_that_end_the_line() -> None:
    line = "* [Title](https://x.org/t) text [[Paper](https://arxiv.org/abs/1)] [[Code](https://g/c)]"
    spans = link_spans(line)
    assert [label for _, _, label, _ in spans] == ["Paper", "Code"]
    assert line[spans[0][0]:spans[-1][1]].startswith("[[Paper]") and line.endswith(")]")


def test_a_linked_title_with_a_badge_after_it_is_no_layout_to_copy() -> None:
    # Sun-Haoyuan23's list (history-dev), its projects: the first link of the run is the badge,
    # so the text "around the title" would be the exemplar's own repository URL.
    rows = ("* [EasyR1 💻](https://github.com/hiyouga/EasyR1)  ![EasyR1](https://img.shields.io/"
            "github/stars/hiyouga/EasyR1) (An Efficient, Scalable, Multi-Modality RL Training "
            "Framework)\n")
    cat = catalog.parse("# L\n### Training Framework 🗼\n\n" + rows)
    assert layout(cat.entries[0]) is None
    style = infer_style(cat, cat.sections[1])
    assert "hiyouga" not in style.middle and "hiyouga" not in style.head


def test_a_number_of_the_exemplars_own_and_a_label_seen_once_are_not_copied() -> None:
    # Sun-Haoyuan23's list (history-dev): `[2503]` is the exemplar's month, `MM-Eureka` one
    # project's own link
    rows = ("* [2503] [MM-Eureka] MM-Eureka: Exploring Visual Aha Moment "
            "[[Paper](https://arxiv.org/abs/2503.07365)] [[MM-Eureka](https://github.com/"
            "ModalMinds/MM-EUREKA)]\n"
            "* [2503] [R1-Onevision] R1-Onevision: Advancing Generalized Multimodal Reasoning "
            "[[Paper](https://arxiv.org/abs/2503.10615)]\n")
    cat = catalog.parse("# L\n## S\n" + rows)
    assert all(layout(e) is None for e in cat.entries)
    style = infer_style(cat, cat.sections[1])
    assert "2503" not in style.head and style.links.code_label != "MM-Eureka"
