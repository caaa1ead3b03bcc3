"""Dates in an entry, read by the entry's own arXiv id and turned into date slots."""

from __future__ import annotations

import pytest

from promptbot.entries.template_dates import date_spans, month_index


@pytest.mark.parametrize(("text", "yymm", "year", "form"), [
    ("* [2508] [X] [A title](u)", "2508", None, "%y%m"),
    ("|202506|S. Li et al.|", "2506", None, "%Y%m"),
    ("<td>25-11</td>", "2511", None, "%y-%m"),
    ("| arXiv | 2025-08-18 |", "2508", None, "%Y-%m-%d"),
    ("[**Arxiv 2025.03**]", "2503", None, "%Y.%m"),
    ("(Oct., 2025)", "2510", None, "%b., %Y"),
    ("(July, 2025)", "2507", None, "%B, %Y"),
    ("[**CVPR'26**]", "2511", 2026, "%y"),
    ("**Arxiv'25.4**", "2504", None, "%y.%-m"),
])
def test_a_date_form_is_learned_from_the_entry(text: str, yymm: str, year: int | None,
                                              form: str) -> None:
    (found,) = list(date_spans(text, [], yymm, year))
    assert found[2].kind == "date" and found[2].form == form


def test_a_number_that_is_not_the_entrys_date_stays_text() -> None:
    assert list(date_spans("* [2508] x", [], "2509", None)) == []
    assert list(date_spans('<span id = "2005">', [], "2503", None)) == []


def test_month_names() -> None:
    assert month_index("Sept.") == 9 and month_index("Foo") is None
