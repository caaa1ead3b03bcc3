"""Dates in an entry, read by the entry's own arXiv id and turned into date slots."""

from __future__ import annotations

import re

import pytest

from promptbot.entries.template_dates import (
    MONTH_NAMES,
    MONTH_WORD,
    date_spans,
    month_index,
    month_spellings,
)


@pytest.mark.parametrize(("text", "yymm", "year", "form"), [
    ("* [2508] [X] [A title](u)", "2508", None, "%y%m"),
    ("|202506|S. Li et al.|", "2506", None, "%Y%m"),
    ("<td>25-11</td>", "2511", None, "%y-%m"),
    ("| 25.03            | Reason-RFT", "2503", None, "%y.%m"),  # Video-R1/Awesome-Multimodal-…
    ("| arXiv | 2025-08-18 |", "2508", None, "%Y-%m-%d"),
    # ActiveVisionLab/Awesome-LLM-3D: `| 2023-5-20|` beside `| 2024-10-12 |`; the month and
    # the day were another paper's values, and a new row said `| 2026--|`.
    ("| 2023-5-20|", "2303", None, "%Y-%-m-%d"),
    ("| 2023-10-2|", "2310", None, "%Y-%m-%-d"),
    ("[**Arxiv 2025.03**]", "2503", None, "%Y.%m"),
    ("(Oct., 2025)", "2510", None, "%b., %Y"),
    ("(July, 2025)", "2507", None, "%B, %Y"),
    ("[**CVPR'26**]", "2511", 2026, "%y"),
    ("**Arxiv'25.4**", "2504", None, "%y.%-m"),
    ("[[v1](u)](2021.12.27)", "2112", None, "%Y.%m.%d"),  # Yutong-Zhou-cv/Awesome-Multimodality
    ("(2021/12/27)", "2112", None, "%Y/%m/%d"),
    # hukcc/Awesome-Video-Hallucination: the month first. Its `12/` was another paper's value,
    # and new rows said `/2026`.
    ('<td align="center">12/2024</td>', "2412", None, "%m/%Y"),
    # fjchange/awesome-video-anomaly-detection: `CVPR 16` beside `CVPR 2016`; new entries said
    # `arXiv ` without the year.
    # BaoBao0926/Awesome-Mamba-in-Remote-Sensing: `arXiv(24.04.12, -)`, the day it came out.
    # `24.04` was the month and `.12` another paper's day, copied into new rows.
    ("|arXiv(24.04.12, -)|", "2404", None, "%y.%m.%d"),
    ("`CVPR 16`.", "", 2016, "%y"),
    ("`ACM MM 17`.", "1710", 2017, "%y"),
    ("Title. ICCV'2021 [[paper]](u)", "2108", 2021, "%Y"),  # XuyangBai/awesome-point-cloud-…
    ("| **VISAPP' 22** |", "2112", 2022, "%y"),  # wyzjack/Awesome-3D-AnomalyDetection
    # joslefaure/Awesome-Multimodal-Token-Compression: a date inside a badge's URL
    ("[![Arxiv](https://img.shields.io/badge/arXiv-2025\\.08-red)]()", "2508", None, "%Y\\.%m"),
    # A day with the month: hee9joon/Awesome-Diffusion-Models, showlab/Awesome-MLLM-Hallucination
    ("[[Paper](u)] \\\n26 Oct 2023", "2310", None, "%-d %b %Y"),
    ("[[Paper](u)] \\\n8 Jun 2023", "2306", None, "%-d %b %Y"),
    ("(Feb. 28, 2025)", "2502", None, "%b. %d, %Y"),
    ("(Feb. 01, 2024)", "2402", None, "%b. %d, %Y"),
    ("(Sep. 7, 2024)", "2409", None, "%b. %-d, %Y"),
    ("(June. 12, 2025)", "2506", None, "%b. %d, %Y"),  # whole, but dotted: an abbreviation
    # amirhossein-kz/Awesome-Diffusion-Models-in-Medical-Imaging: a day with its ordinal suffix
    ("[16th Oct., 2024] \\", "2410", None, "%-d%o %b., %Y"),
    ("[06th Sep., 2024] \\", "2409", None, "%d%o %b., %Y"),
])
def test_a_date_form_is_learned_from_the_entry(text: str, yymm: str, year: int | None,
                                              form: str) -> None:
    (found,) = list(date_spans(text, [], yymm, year))
    assert found[2].kind == "date" and found[2].form == form


def test_a_month_alone_is_a_date_only_where_it_is_the_entrys_own_month() -> None:
    # gaomingqi/Awesome-Video-Object-Segmentation: `` `Mar` `` in the section of this year's
    # preprints; a month word of a title or remark stays text.
    found = list(date_spans(":red_square: `AVOS`  `Mar`  - [paper](u)", [], "2603", None))
    assert [(s.original, s.form) for _, _, s in found] == [("Mar", "%b")]
    assert list(date_spans("`Mar` - Made in May", [], "2604", None)) == []
    assert list(date_spans("a may b", [], "2605", None)) == []


def test_a_number_that_is_not_the_entrys_date_stays_text() -> None:
    assert list(date_spans("* [2508] x", [], "2509", None)) == []
    assert list(date_spans("`CVPR 17` Top 16", [], "", 2016)) == []  # not the entry's year
    assert list(date_spans("ArXiv 2208.06554", [], "2208", None)) == []  # an arXiv id
    assert list(date_spans('<span id = "2005">', [], "2503", None)) == []
    # Two digits dotted are a date only as the entry's own month: a score is no date.
    assert list(date_spans("| 25.03 | 71.25 |", [], "2504", None)) == []


def test_a_day_of_another_month_is_another_papers_value_not_a_date() -> None:
    # `[[v1](…)](2021.12.27) ... [[v5](…)](2023.08.05)`: the fifth version's day was written
    # as `2026.08.05` for every new paper, a day the paper never had.
    text = "[[v1](u)](2021.12.27) ... [[v5](u)](2023.08.05)"
    found = [(text[s:e], slot.kind) for s, e, slot in date_spans(text, [], "2112", 2023)]
    assert found == [("2021.12.27", "date"), ("2023.08.05", "other")]


def test_a_number_inside_an_html_tag_is_no_date() -> None:
    # SIBench/Awesome-Visual-Spatial-Reasoning: an illustration's file name carries the day it
    # was drawn; it is that paper's image, not the date the row shows (`<td>25-11</td>`).
    row = '<td>25-11</td> <td><img src="excel_images/2026-01-09_205328_741.jpg" alt="img" /></td>'
    found = list(date_spans(row, [], "2511", 2026))
    assert [(row[s:e], slot.form) for s, e, slot in found] == [("25-11", "%y-%m")]


@pytest.mark.parametrize(("text", "yymm", "year"), [
    # floodsung/Deep-Learning-Papers-Reading-Roadmap: a citation's pages,
    # `IEEE Signal Processing Magazine 29.6 (2012): 82-97.`, were a `%y-%m` date slot.
    ("Magazine 29.6 (2012): 82-97.", "", 2012),
    ("Journal (2025): 25-13.", "2508", 2025),  # no month 13
    ("Journal (2025): 12-11.", "2508", 2025),  # not the entry's year
])
def test_a_pair_of_numbers_that_is_no_month_of_the_entrys_year_is_no_date(
        text: str, yymm: str, year: int) -> None:
    found = [(text[s:e], slot.form) for s, e, slot in date_spans(text, [], yymm, year)]
    assert found == [(str(year), "%Y")]


def test_month_names() -> None:
    assert month_index("Sept.") == 9 and month_index("Foo") is None


def test_a_month_word_is_a_whole_name_or_its_abbreviation_never_a_longer_word() -> None:
    word = re.compile(MONTH_WORD + r"\Z", re.IGNORECASE)
    for name in MONTH_NAMES:
        assert word.match(name) and word.match(name[:3] + ".")
    assert word.match("Sept.") and word.match("JUNE")
    assert not any(word.match(w) for w in ("Mayer", "Junes", "Septem", "Ju", "Marc"))


def test_each_month_is_spelled_the_way_the_list_mostly_spells_it() -> None:
    # showlab/Awesome-Video-Diffusion: `(Mar., 2025)` but `(May, 2025)`, and now and then a
    # `(Mar, 2025)` or `(July, 2025)` that the majority outvotes.
    texts = ["(Mar., 2025)", "(Mar., 2024)", "(Mar, 2023)", "(May, 2025)", "(May, 2024)",
             "(May., 2023)", "(July, 2025)", "(Jul., 2024)", "(Jul., 2023)",
             "by Mayer 2025", "(Sept. 2024)"]
    months = month_spellings(texts)
    assert len(months) == 12
    assert (months[2], months[4], months[6], months[8]) == ("Mar.", "May", "Jul.", "Sept.")
    assert months[0] == "" and months[11] == ""


def test_a_month_after_a_day_is_spelled_as_the_list_spells_it() -> None:
    assert month_spellings(["(Feb. 28, 2025)", "(Feb. 01, 2024)", "(Mar 3, 2024)"])[1:3] == (
        "Feb.", "Mar")
