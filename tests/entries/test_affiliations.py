"""Author blocks of real arXiv HTML pages and LaTeXML-made CVPR/ICCV/NeurIPS blocks: the
institutions extracted are the ones a reader sees on the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from promptbot.entries.affiliations import Author, AuthorBlock, parse_author_block

PAGES = Path(__file__).resolve().parents[1] / "data" / "arxiv_html"


def block(name: str) -> AuthorBlock:
    found = parse_author_block((PAGES / name).read_text(encoding="utf-8"))
    assert found is not None, name
    return found


def test_one_personname_with_numbered_ltx_sup_affiliations() -> None:
    # 2501.11120v1: six bold names with marks "1", "1,3", "*", then <br>-separated affiliations.
    b = block("2501.11120v1.html")
    assert b.authors == (
        Author("Jan Betley", ("Truthful AI",)),
        Author("Xuchan Bao", ("University of Toronto",)),
        Author("Martín Soto", ("Truthful AI", "UK AISI")),
        Author("Anna Sztyber-Betley", ("Warsaw University of Technology",)),
        Author("James Chua", ("Truthful AI",)),
        Author("Owain Evans", ("Truthful AI", "UC Berkeley")),
    )
    assert b.first_institution == "Truthful AI"
    assert b.institutions == ("Truthful AI", "University of Toronto", "UK AISI",
                              "Warsaw University of Technology", "UC Berkeley")


def test_authors_separated_by_ampersands_with_emails_and_footnote_marks() -> None:
    # 1706.03762 (NeurIPS 2017): "&Name<footnote mark><br>Affiliation<br>email", an \AND error.
    b = block("1706.03762.html")
    assert [a.name for a in b.authors] == [
        "Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit", "Llion Jones",
        "Aidan N. Gomez", "Łukasz Kaiser", "Illia Polosukhin"]
    assert [a.institutions for a in b.authors] == [
        ("Google Brain",), ("Google Brain",), ("Google Research",), ("Google Research",),
        ("Google Research",), ("University of Toronto",), ("Google Brain",), ()]
    assert b.first_institution == "Google Brain"
    assert not any("@" in i or "Equal contribution" in i for i in b.institutions)


def test_one_creator_per_author_with_role_affiliation_contacts() -> None:
    # 2503.20783v2: the first four authors have none; a nameless last creator holds one more.
    b = block("2503.20783v2.html")
    assert [a.name for a in b.authors][:2] == ["Zichen Liu", "Changyu Chen"]
    assert b.authors[0].institutions == ()
    assert b.authors[6] == Author("Wee Sun Lee", ("National University of Singapore",))
    assert b.institutions == ("Sea AI Lab", "National University of Singapore",
                              "Singapore Management University")
    # The first author names none: the block's first institution is what a reader sees first.
    assert b.first_institution == "Sea AI Lab"
    assert not any("Affiliation" in i or "Core Contributors" in i for i in b.institutions)


def test_several_affiliations_per_author_with_addresses_and_emails() -> None:
    b = block("cai-nie-holme-author-block.html")
    assert b.authors == (
        Author("Chao-Ran Cai", ("Northwest University",
                                "Shaanxi Key Laboratory for Theoretical Physics Frontiers")),
        Author("Yuan-Yuan Nie", ("Northwest University",)),
        Author("Petter Holme", ("Aalto University", "Kobe University")),
    )


def test_a_single_author_whose_numbered_affiliations_carry_no_mark_on_the_name() -> None:
    b = block("cognitive-type-fragment.html")
    assert b.authors == (Author("Nik Bear Brown", ("Abecedarian", "Northeastern University")),)


def test_latexml_cvpr_block_department_line_and_city() -> None:
    b = block("latexml/cvpr_department_first.html")
    assert b.authors == (Author("Wei Zhang", ("Tsinghua University",)),
                         Author("Li Chen", ("Shanghai AI Laboratory",)))


def test_latexml_iccv_block_with_textsuperscript_marks_and_thanks() -> None:
    b = block("latexml/iccv_textsuperscript.html")
    assert b.authors == (
        Author("Yifan Wang", ("Tsinghua University", "Huawei Noah’s Ark Lab")),
        Author("Hao Liu", ("Huawei Noah’s Ark Lab",)),
        Author("Jun Zhu", ("Tsinghua University",)),
    )


def test_latexml_neurips_block_with_and_between_authors() -> None:
    b = block("latexml/neurips_and.html")
    assert b.authors == (Author("David S. Hippocampus", ("Cranberry-Lemon University",)),
                         Author("Coauthor", ("Affiliation",)))


def test_latexml_eccv_llncs_institutes_beside_the_block() -> None:
    # LNCS writes \\institute{} parts as notes outside ltx_authors; the marks on the names are
    # not readable, so the institutes are the block's, in order.
    b = block("latexml/eccv_llncs.html")
    assert [a.name for a in b.authors] == ["Mei Lin", "Tom Baker", "Sara Costa"]
    assert b.unassigned == ("Zhejiang University", "Max Planck Institute for Informatics")
    assert b.first_institution == "Zhejiang University"
    assert "0000" not in " ".join(b.institutions)  # no ORCID


def test_latexml_ieee_author_blocks_with_department_lines() -> None:
    b = block("latexml/ieee_blocks.html")
    assert b.authors == (Author("Ravi Kumar", ("Indian Institute of Technology Bombay",)),
                         Author("Anna Schmidt", ("Technical University of Munich",)))


def test_latexml_authblk_affiliations() -> None:
    b = block("latexml/authblk_affil.html")
    assert b.authors == (Author("Jia Wen", ("Peking University", "Microsoft Research Asia")),
                         Author("Peter Novak", ("Microsoft Research Asia",)))


def test_latexml_tabular_blocks_numbered_or_one_column_per_author() -> None:
    numbered = block("latexml/cvpr_tabular.html")
    assert numbered.authors == (
        Author("Chen Wei", ("Shanghai Jiao Tong University",)),
        Author("Laura Rossi", ("University of Amsterdam",)),
        Author("Kenji Sato", ("Shanghai Jiao Tong University", "Sony AI")),
    )
    columns = block("latexml/cvpr_tabular_columns.html")
    assert columns.authors == (Author("Alice Moreau", ("Inria",)),
                               Author("Bo Zhang", ("Tsinghua University",)))


def test_mathml_marks_of_dollar_superscripts() -> None:
    html = (
        '<div class="ltx_authors"><span class="ltx_creator ltx_role_author">'
        '<span class="ltx_personname">Alice Zhang<math alttext="{}^{1}"></math>\u2003'
        'Bob Li<math alttext="{}^{1,2}"></math>\n<br class="ltx_break">'
        '<math alttext="{}^{1}"></math>Example University\u2003<math alttext="{}^{2}"></math>'
        'Example AI Lab</span></span></div>'
    )
    b = parse_author_block(html)
    assert b is not None
    assert b.authors == (Author("Alice Zhang", ("Example University",)),
                         Author("Bob Li", ("Example University", "Example AI Lab")))


def test_unicode_superscripts_read_as_marks() -> None:
    html = ('<div class="ltx_authors"><span class="ltx_creator"><span class="ltx_personname">'
            'Ann Lee¹, Bo Ma²<br>¹Peking University ²Microsoft Research</span></span></div>')
    b = parse_author_block(html)
    assert b is not None
    assert b.authors == (Author("Ann Lee", ("Peking University",)),
                         Author("Bo Ma", ("Microsoft Research",)))


@pytest.mark.parametrize("html", ["", "<html><body><p>No authors here.</p></body></html>",
                                  '<div class="ltx_authors"></div>'])
def test_no_author_block_is_none(html: str) -> None:
    assert parse_author_block(html) is None


def test_hostile_text_stays_text_for_the_formatter_to_escape() -> None:
    b = block("hostile-author-block.html")
    (author,) = b.authors
    assert author.name == "Eve Mallory"
    (institution,) = author.institutions
    assert "evil.example" not in institution  # URLs are never institutions
    assert "<img" in institution and "@octocat" in institution  # raw: escaped when written
