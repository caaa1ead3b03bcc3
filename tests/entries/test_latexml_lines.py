"""LaTeXML elements read as lines of text and marks."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from promptbot.entries.latexml_lines import has_class, lines_of


def element(html: str) -> Tag:
    found = BeautifulSoup(html, "html.parser").find("span")
    assert isinstance(found, Tag)
    return found


def test_breaks_marks_and_dropped_notes() -> None:
    span = element(
        '<span class="ltx_personname">Ann Lee<sup class="ltx_sup">1,2</sup>'
        '<span class="ltx_note ltx_role_thanks">Equal contribution.</span>\n'
        '<br class="ltx_break"><span class="ltx_text ltx_font_typewriter">ann@x.org</span>'
        '<br class="ltx_break"><math alttext="{}^{1}"></math>MIT<!-- a comment --></span>')
    assert lines_of(span) == [[("text", "Ann Lee"), ("mark", "1,2")],
                              [("mark", "1"), ("text", "MIT")]]


def test_table_rows_are_lines_and_cells_stay_apart() -> None:
    span = element('<span class="ltx_tabular"><span class="ltx_tr"><span class="ltx_td">A</span>'
                   '<span class="ltx_td">B</span></span><span class="ltx_tr">'
                   '<span class="ltx_td">MIT</span></span></span>')
    assert lines_of(span) == [[("text", "  A    B  ")], [("text", "  MIT  ")]]


def test_unicode_superscripts_wide_spaces_and_nothing() -> None:
    span = element('<span>Ann²\u2003Bo³</span>')
    assert lines_of(span) == [[("text", "Ann"), ("mark", "2"), ("text", "  Bo"), ("mark", "3")]]
    assert lines_of(None) == []
    assert has_class(span, "ltx_x") is False
    assert has_class(element('<span class="a ltx_x">x</span>'), "ltx_x")
