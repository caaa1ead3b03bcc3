"""Affiliation lines cut down to the institution a list names."""

from __future__ import annotations

import pytest

from promptbot.entries.institutions import institution_name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("School of Physics, Northwest University,Xi’an 710127, China", "Northwest University"),
        ("Department of Computer Science, Aalto University, Espoo, Finland", "Aalto University"),
        ("Center for Computational Social Science, Kobe University, Kobe, Japan",
         "Kobe University"),
        ("Shaanxi Key Laboratory for Theoretical Physics Frontiers, Xi’an 710127, China",
         "Shaanxi Key Laboratory for Theoretical Physics Frontiers"),
        ("Dept. of EE, KAIST, Daejeon, Korea", "KAIST"),
        ("Department of Computer Science and Engineering, The Hong Kong University of Science and"
         " Technology", "Hong Kong University of Science and Technology"),
        ("University of California, Berkeley, CA, USA", "University of California, Berkeley"),
        ("University of Toronto, Canada", "University of Toronto"),
        ("Institute of Automation, Chinese Academy of Sciences, Beijing",
         "Chinese Academy of Sciences"),
        ("Massachusetts Institute of Technology", "Massachusetts Institute of Technology"),
        ("Abecedarian, LLC", "Abecedarian"),
        ("Affiliation:\xa0Sea AI Lab", "Sea AI Lab"),
        ("Google Brain", "Google Brain"),
        ("UK AISI", "UK AISI"),
        ("*Tsinghua University† (alice@tsinghua.edu.cn)", "Tsinghua University"),
        ("College of Computer Science, Zhejiang University", "Zhejiang University"),
        ("Imperial College London, UK", "Imperial College London"),
        ("Univ. of Sydney, Sydney, NSW, Australia", "University of Sydney"),
    ],
)
def test_institution_name(line: str, name: str) -> None:
    assert institution_name(line) == name


@pytest.mark.parametrize("line", ["", "  ", "alice@example.com", "https://example.org", "12345"])
def test_nothing_to_name(line: str) -> None:
    assert institution_name(line) is None
