"""How a list writes several initials in a credit, learned from its own credits."""

from __future__ import annotations

from pathlib import Path

import pytest

from promptbot.entries.author_initials import (
    CREDIT,
    EITHER,
    JOINED,
    SPACED,
    TIGHT,
    VANCOUVER,
    credit_form,
    credit_vote,
    initials_form,
    pair_vote,
    vancouver,
    written_initials,
)

SAM4MIS = Path(__file__).parents[1] / "data" / "history" / "YichiZhang98_SAM4MIS_2734930.md"


def test_a_list_that_joins_initials_teaches_it() -> None:
    # YichiZhang98/SAM4MIS credits `DMH. Nguyen et al.`, `HE. Wong et al.`, `Z. Yan et al.`.
    assert initials_form(SAM4MIS.read_text("utf-8").splitlines()) == JOINED


@pytest.mark.parametrize(("texts", "form"), [
    # One initial says nothing about several: the spaced form stays.
    (["|202507|Z. Yan et al.|A|", "|202506|S. Sobhan et al.|B|"], SPACED),
    (["- T.C. Ndir et al. A", "- M.H. Yang et al. B", "- DM. Nguyen et al. C"], TIGHT),
    (["- T. C. Ndir et al. A", "- HE. Wong et al. B", "- M. H. Yang et al. C"], SPACED),
    # Not a credit: an acronym before a name without `et al.`, a bench's name.
    (["[E.T. Bench](https://x.org)", "CVPR. Zhang wrote"], SPACED),
])
def test_the_form_is_voted(texts: list[str], form: str) -> None:
    assert initials_form(texts) == form


@pytest.mark.parametrize(("given", "form", "written"), [
    (["Tidiane", "Camaret"], JOINED, "TC. "),
    (["Tidiane", "Camaret"], SPACED, "T. C. "),
    (["Tidiane", "Camaret"], TIGHT, "T.C. "),
    (["Wei"], JOINED, "W. "),
    (["Wei"], SPACED, "W. "),
    (["Jun-Yan"], SPACED, "J.-Y. "),
    (["Jun-Yan"], JOINED, "JY. "),
    (["Duy", "M.", "H."], JOINED, "DMH. "),
    # A given name that starts with no letter gives no initial.
    (["(Ann)", "Lee"], SPACED, "L. "),
    ([], SPACED, ""),
])
def test_written_initials(given: list[str], form: str, written: str) -> None:
    assert written_initials(given, form) == written


@pytest.mark.parametrize(("text", "form"), [
    ("Z. Yan et al.", "initials"), ("Yan et al.", ""),
    # A given name or a surname's particle: `Van Gool` is a surname, `Bin Xia` a whole name.
    ("Van Gool et al.", EITHER), ("Bin Xia et al.", EITHER),
    # Yutong-Zhou-cv/Awesome-Text-to-Image: `**Title**, Seongmin Lee et al.`; before, a third
    # given name (`Aloke ` of `Aloke Kumar Saha et al.`) was copied into every new credit.
    ("Seongmin Lee et al.", "full"), ("Aloke Kumar Saha et al.", "full"),
    # zhjohnchan/awesome-image-captioning cites Vancouver style: `- Xu K et al, `ICML 2015``;
    # the credit was no credit, and new entries had none.
    ("Xu K et al", VANCOUVER), ("Lu Y, et al", VANCOUVER), ("Van Gool LJ et al.", VANCOUVER)])
def test_a_credit_names_its_first_author_by_surname_initials_or_whole_name(text: str,
                                                                          form: str) -> None:
    match = CREDIT.search(f"**A Title**, {text} [[Paper](u)]")
    assert match is not None and match.group().strip() == text
    assert credit_form(match) == form


@pytest.mark.parametrize(("names", "written"), [
    (["Ada", "Q.", "Lovelace"], "Lovelace AQ"), (["Jun-Yan", "Zhu"], "Zhu JY"),
    (["Lovelace"], "Lovelace"), (["(Ann)", "lee", "Park"], "Park L")])
def test_a_vancouver_credit_is_the_surname_and_undotted_initials(names: list[str],
                                                                 written: str) -> None:
    assert vancouver(names) == written


def test_a_credit_that_cannot_tell_takes_the_lists_habit() -> None:
    # yulunzhang/awesome-diffusion-low-level-vision credits whole names (`Hyungjin Chung et
    # al.`); its exemplar `Bin Xia et al.` had a one-author paper credited `Lovelace`.
    texts = ["- [A](u), Bin Xia et al., ICCV 2023", "- [B](u), Hyungjin Chung et al., 2022",
             "- [C](u), Yinhuai Wang et al., arXiv 2022"]
    assert credit_vote(texts) == "full"
    assert credit_vote(["(CVPR) Yan et al.", "Van Gool et al."]) == ""
    assert credit_vote([]) == ""


# A list that credits two authors by name (terryum/awesome-deep-learning-papers: `M. Zeiler and
# R. Fergus` beside `J. Donahue et al.`, 19 pairs to 185 credits), made-up papers.
_PAIRED = [f"- **Title {n}** (2014), J. Donahue et al. [[pdf]](u)" for n in range(20)] + [
    "- **Visualizing networks** (2014), M. Zeiler and R. Fergus [[pdf]](u)",
    "- **Random search** (2012) J. Bergstra and Y. Bengio [[pdf]](u)",
    "- **Dropout** (2014), N. Srivastava and G. E. Hinton [[pdf]](u)",
]


@pytest.mark.parametrize(("texts", "joined"), [
    (_PAIRED, " and "),
    ([line.replace(" and ", " & ") for line in _PAIRED], " & "),
    # A few papers credited in full among many `et al.`: the list writes `et al.` for two.
    ([*_PAIRED, *_PAIRED[:20] * 4], ""),
    # Two pairs are no habit yet; a title's `Vision and Language` names no authors.
    (_PAIRED[:22], ""),
    ([*_PAIRED[:20], "- **Vision and Language Models** (2014)", "- Bridging Vision and Text",
      "- **Aligning Image and Text** (2020)"], ""),
])
def test_two_authors_are_named_where_the_list_names_them(texts: list[str], joined: str) -> None:
    assert pair_vote(texts) == joined


def test_a_list_that_credits_two_authors_et_al_keeps_it() -> None:
    # YichiZhang98/SAM4MIS names both authors in 6 credits of 417 (`J. Ma and B. Wang`); its
    # maintainers credited a paper of two authors `T. Ward et al.` (history-dev).
    assert pair_vote(SAM4MIS.read_text("utf-8").splitlines()) == ""
