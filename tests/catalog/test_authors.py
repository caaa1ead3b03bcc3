"""Author lists before a quoted title, as lists copy them from papers' pages."""

from __future__ import annotations

import pytest

from promptbot.catalog.authors import (
    author_names,
    credited_names,
    leading_authors,
    line_names,
    surname_first,
)


@pytest.mark.parametrize(("text", "names"), [
    ("Pengyu Zhang, Dong Wang, Huchuan Lu", ("Pengyu Zhang", "Dong Wang", "Huchuan Lu")),
    ("Yuchen Xie,\xa0Xinyu Zhou,\xa0Jianfei Yang", ("Yuchen Xie", "Xinyu Zhou", "Jianfei Yang")),
    ("Ou Zhou, Ying Ge, Zhang Dawei, and Zheng Zhonglong",
     ("Ou Zhou", "Ying Ge", "Zhang Dawei", "Zheng Zhonglong")),
    ("Jiaqi Zhang, Rui Song & Rui Yan", ("Jiaqi Zhang", "Rui Song", "Rui Yan")),
    ("Kaiyang Lan ⋅ Ying Cui ⋅ Dongyan Guo", ("Kaiyang Lan", "Ying Cui", "Dongyan Guo")),
    ("Cees G. M. Snoek, Arnold W.M. Smeulders, Steven C.H", (
        "Cees G. M. Snoek", "Arnold W.M. Smeulders", "Steven C.H")),
    ("Kang, W., Peng, Y., Li, Q. et al.", ("W. Kang", "Y. Peng", "Q. Li")),
    # A bibliography's order: surname, given name; `and` between the names.
    ("Zhao, Jie and Chen, Xin and Wang, Dong", ("Jie Zhao", "Xin Chen", "Dong Wang")),
    ("Di Wu, Le Zhang", ("Di Wu", "Le Zhang")),  # capitalised particles are names
    ("Vincent van Gogh, Ada Lovelace", ("Vincent van Gogh", "Ada Lovelace")),
    ("Xiao Wang, Chao wang, Shiao Wang, Bo Jiang",  # one name typed in lowercase
     ("Xiao Wang", "Chao wang", "Shiao Wang", "Bo Jiang")),
    # A citation from a scholar's search names only the first author surname first
    # (floodsung/Deep-Learning-Papers-Reading-Roadmap, liliu-avril/Awesome-Segment-Anything).
    ("LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton",
     ("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton")),
    ("Hasan, Umar, and Muhammad Ali Nayeem", ("Umar Hasan", "Muhammad Ali Nayeem")),
    ("Hinton, Geoffrey E., Simon Osindero, and Yee-Whye Teh",
     ("Geoffrey E. Hinton", "Simon Osindero", "Yee-Whye Teh")),
    ("Ada Lovelace, Bob Zed, and Cy Young", ("Ada Lovelace", "Bob Zed", "Cy Young")),
])
def test_an_author_list_gives_its_names(text: str, names: tuple[str, ...]) -> None:
    assert author_names(text) == names


@pytest.mark.parametrize("text", [
    "Learning to Prompt for Vision-Language Models",  # a title's lowercase words
    "CVPR 2023",  # digits
    "Prompting",  # a single word is no evidence
    "Segment Anything, with prompts and masks",
    "Xiao Wang, Chao wang, Shiao wang, Bo Jiang",  # more than one lowercase name
    "",
])
def test_anything_else_is_no_author_list(text: str) -> None:
    assert author_names(text) == ()


def test_the_authors_before_a_quoted_title_are_split_off() -> None:
    head = 'Pengyu Zhang, Dong Wang.<br /> "Multi-modal Visual Tracking." ArXiv (2022).'
    assert leading_authors(head) == (("Pengyu Zhang", "Dong Wang"),
                                     '"Multi-modal Visual Tracking." ArXiv (2022).')
    marked = ':boom:*Mengmeng Wang, Teli Ma* \\ "Visual Object Tracking." ArXiv (2024)'
    assert leading_authors(marked)[0] == ("Mengmeng Wang", "Teli Ma")


def test_only_marks_before_a_quoted_title_leave_the_title() -> None:
    # An entry of such a list without its authors: `- **Name:**.<br />⏎  "Title." ArXiv (2026).`
    assert leading_authors('.<br /> "Title of It." ArXiv (2026).') == (
        (), '"Title of It." ArXiv (2026).')


@pytest.mark.parametrize("head", [
    '"Title first." CVPR (2022)',  # nothing before the quote
    'Learning "What" to Prompt, CVPR 2023',  # a quoted word inside an unquoted title
    "Pengyu Zhang, Dong Wang. Multi-modal Visual Tracking",  # no quoted title
])
def test_a_head_that_does_not_start_with_authors_is_left_whole(head: str) -> None:
    assert leading_authors(head) == ((), head)


@pytest.mark.parametrize(("head", "names", "rest"), [
    # kjw0612/awesome-deep-vision: the authors, then the unquoted title, venue and year.
    ("Alexey Dosovitskiy, Thomas Brox, Inverting Visual Representations with Convolutional "
     "Networks, arXiv, 2015", ("Alexey Dosovitskiy", "Thomas Brox"),
     "Inverting Visual Representations with Convolutional Networks, arXiv, 2015"),
    ("Lijun Wang, Wanli Ouyang, and Huchuan Lu, Visual Tracking with fully Convolutional "
     "Networks, ICCV 2015", ("Lijun Wang", "Wanli Ouyang", "Huchuan Lu"),
     "Visual Tracking with fully Convolutional Networks, ICCV 2015"),
])
def test_the_authors_before_an_unquoted_title_are_split_off(
        head: str, names: tuple[str, ...], rest: str) -> None:
    assert leading_authors(head) == (names, rest)


@pytest.mark.parametrize("head", [
    # A title in Title Case split at `and` reads as two names: one piece is not enough.
    "Parameter-Efficient Prompt Tuning Makes Generalized and Calibrated Neural Text Retrievers, "
    "<ins>EMNLP-Findings, 2022</ins>",
    "Deep Residual Learning, Kaiming He, CVPR 2016",  # no title after the names
    "Fully Convolutional Networks, CVPR, 2015",
    "Can Autonomous Vehicles Identify, Recover From, and Adapt to Distribution Shifts?",
])
def test_a_head_without_names_before_its_title_keeps_them(head: str) -> None:
    assert leading_authors(head) == ((), head)


def test_a_bibliography_alternates_comma_and_and() -> None:
    assert surname_first([", ", " and ", ", "])
    assert not surname_first([", ", ", "])
    assert not surname_first([", ", " and "])


@pytest.mark.parametrize(("text", "names"), [
    ("Yang, Zhengyuan", ("Zhengyuan Yang",)),  # one name, surname first, as `Yang, Z., et al.`
    ("Lovelace, Ada Q", ("Ada Q. Lovelace",)),  # its initial's full stop ended the credit
    ("A. Li, B. Wang", ("A. Li", "B. Wang")),
    ("Oral", ()),
])
def test_a_credit_ended_by_a_full_stop_names_its_authors(
        text: str, names: tuple[str, ...]) -> None:
    assert credited_names(text) == names


def test_an_author_lines_marks_of_equal_contribution_are_no_part_of_the_names() -> None:
    # heejkoo/Awesome-Diffusion-Models: `<sup>1</sup>` after names left the line unread, and
    # the new entry said `*<sup></sup>, <sup></sup>, *`.
    line = "*Songxiang Liu<sup>1</sup>, Yuewen Cao<sup>1</sup>, Dan Su, Helen Meng* \\"
    assert line_names(line) == ("Songxiang Liu", "Yuewen Cao", "Dan Su", "Helen Meng")
    assert line_names("Ada Lovelace*, Bob Zed†<br>") == ("Ada Lovelace", "Bob Zed")
