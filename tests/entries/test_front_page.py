"""A paper's HTML page read for its entry: author block, code link, and the fields completed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from builders import paper

from promptbot.entries.affiliation_habit import AffiliationHabit, learn_from
from promptbot.entries.affiliations import Author, AuthorBlock
from promptbot.entries.front_page import FrontPage, complete_fields, read_front_page
from promptbot.models import PaperFields

PAGES = Path(__file__).resolve().parents[1] / "data" / "arxiv_html"
FIELDS = PaperFields(name=None, venue="arXiv", year=2025, yymm="2506", code_url=None,
                     affiliation=None)


def test_real_page_author_block_and_code_link_of_its_abstract() -> None:
    page = read_front_page((PAGES / "2501.11120v1.html").read_text("utf-8"))
    assert page.authors is not None and page.authors.first_institution == "Truthful AI"
    assert page.code_url == "https://github.com/XuchanBao/behavioral-self-awareness"


def test_code_is_available_at_in_a_latexml_abstract() -> None:
    page = read_front_page((PAGES / "latexml" / "cvpr_department_first.html").read_text("utf-8"))
    assert page.code_url == "https://github.com/example/CoPT"


def test_href_of_a_here_link_in_a_code_sentence_of_the_body() -> None:
    html = ('<div class="ltx_authors"><span class="ltx_personname">A<br>MIT</span></div>'
            '<p class="ltx_p">Our code is public <a href="https://github.com/o/r">here</a>.</p>'
            '<p class="ltx_p">Data: <a href="https://evil.example/x.exe">x</a>.</p>')
    assert read_front_page(html).code_url == "https://github.com/o/r"


def test_a_page_without_authors_or_code() -> None:
    assert read_front_page("<html><body><p>Sorry.</p></body></html>") == FrontPage(None, None)


def test_completed_fields_take_affiliation_code_and_repository_name() -> None:
    p = paper(title="Conditional Prompt Tuning for Vision-Language Models")
    block = AuthorBlock((Author("A", ("National University of Singapore",)),))
    page = FrontPage(block, "https://github.com/o/CPT")
    done = complete_fields(p, FIELDS, page, learn_from(["NUS", "Google"]))
    assert (done.affiliation, done.code_url, done.name) == ("NUS", "https://github.com/o/CPT",
                                                             "CPT")


def test_metadata_wins_over_the_page_and_nothing_is_invented() -> None:
    given = PaperFields(name="X", venue="CVPR", year=2025, yymm="2506",
                        code_url="https://github.com/o/X", affiliation="Given")
    page = FrontPage(AuthorBlock((Author("A", ("Other",)),)), "https://github.com/o/Y")
    assert complete_fields(paper(), given, page, AffiliationHabit()) == given
    assert complete_fields(paper(), FIELDS, FrontPage(None), AffiliationHabit()) == FIELDS


def test_an_affiliation_from_the_metadata_is_cut_and_spelled_the_lists_way() -> None:
    given = replace(FIELDS, affiliation="Dept. of CS, National University of Singapore")
    done = complete_fields(paper(), given, FrontPage(None), learn_from(["NUS"]))
    assert done.affiliation == "NUS"
