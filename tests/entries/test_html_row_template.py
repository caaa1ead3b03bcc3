"""A paper written into a list that keeps its papers in raw HTML `<table>` rows (a real slice of
SIBench/Awesome-Visual-Spatial-Reasoning): a `<tr>` in the list's own row layout, never another
paper's values, hostile titles inert, and never a markdown bullet inside the table."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from promptbot import catalog
from promptbot.config import Config
from promptbot.entries import editing, html_row_template, metadata, templated
from promptbot.entries.formatting import LEFT_OUT, FormattedEntry, format_entry
from promptbot.entries.template_model import Slot, Template
from promptbot.models import Catalog, Decision, Insertion, Paper, Status

HISTORY = Path(__file__).parents[1] / "data" / "history"
SLICE = HISTORY / "SIBench_Awesome-Visual-Spatial-Reasoning_2eb21f6_slice.md"
OTHERS = HISTORY / "SIBench_Awesome-Visual-Spatial-Reasoning_2eb21f6_others_slice.md"
HEADING = "Multi-View Images"


def listed(path: Path = SLICE) -> Catalog:
    return catalog.parse(path.read_text("utf-8"))


def paper(title: str = "SpatialThing: Reasoning About Rooms", code: str = "") -> Paper:
    return Paper(arxiv_id="2601.04321", title=title, authors=("Ada Lovelace",),
                 abstract=code, published=datetime(2026, 1, 14, tzinfo=UTC))


def written(p: Paper) -> tuple[FormattedEntry, str]:
    cat = listed()
    section = editing.find_section(cat, HEADING)
    entry = format_entry(p, editing.section_style(cat, section))
    after = editing.insertion_point(cat, HEADING)
    return entry, editing.insert(cat.render(), [Insertion(p.arxiv_id, HEADING, after,
                                                          entry.text)])


def cells(text: str) -> list[str]:
    return re.findall(r"^\s*<td>(.*)</td>$", text, re.MULTILINE)


def test_a_paper_with_code_is_a_row_in_the_lists_own_layout() -> None:
    entry, new = written(paper(code="Code: https://github.com/ada/spatial-thing"))
    lines = entry.text.split("\n")
    assert lines[0].strip() == "<tr>" and lines[-1] == "  </tr>"
    assert all(line.startswith("    <td>") and line.endswith("</td>") for line in lines[1:-1])
    assert cells(entry.text)[:6] == [
        '<a href="https://arxiv.org/pdf/2601.04321">SpatialThing: Reasoning About Rooms</a>',
        "ARXIV", "26-01", '<a href="https://github.com/ada/spatial-thing">link</a>',
        # the badge exactly as the list writes it, for this paper's repository
        '<img src="https://img.shields.io/github/stars/ada/spatial-thing.svg?style=social&'
        'label=Star" alt="Star count" />',
        "--"]
    back = [e for e in catalog.parse(new).entries if "2601.04321" in e.arxiv_ids]
    assert [e.title for e in back] == ["SpatialThing: Reasoning About Rooms"]
    assert [e.kind for e in back] == ["html"]


def test_without_code_the_code_and_stars_cells_say_what_the_column_says_and_nothing_is_copied(
) -> None:
    entry, _ = written(paper())
    row = cells(entry.text)
    # The benchmark column shows the paper's short name, as the list's rows do; the
    # illustration the bot cannot give says "nothing" with the table's own mark.
    assert row[1:] == ["ARXIV", "26-01", "--", "--", "SpatialThing", "--"]
    # No other paper's link, benchmark name or illustration.
    assert "github.com" not in entry.text and "excel_images" not in entry.text
    assert not {"InternSpatial", "G2VLM"} & set(re.findall(r"[\w-]+", entry.text))


HOSTILE = ('<script>alert(1)</script> @octocat fixes #12 [x](http://evil.example) </td></tr>'
           ' <img src=x onerror=alert(2)> & "quotes" **bold**')


def test_a_hostile_title_is_inert_text_that_reads_back() -> None:
    p = paper(title="Spatial " + HOSTILE)
    entry, new = written(p)
    assert entry.text.count("<td>") == 7 and entry.text.count("</tr>") == 1
    assert "<script" not in entry.text and "<img src=x" not in entry.text
    html = cmarkgfm.github_flavored_markdown_to_html(new, options=Options.CMARK_OPT_UNSAFE)
    assert "<script" not in html and "<img src=x" not in html and "&lt;script&gt;" in html
    assert html.count("<tr") == html.count("</tr>")
    # Mentions and bare URLs are broken by an invisible joiner, as in markdown entries.
    assert "@octocat" not in entry.text and "http://evil" not in entry.text
    old = listed()
    back = catalog.parse(new)
    assert len(back.entries) == len(old.entries) + 1
    added = [e for e in back.entries if "2601.04321" in e.arxiv_ids]
    assert len(added) == 1 and added[0].title.startswith("Spatial <script>alert(1)</script>")


def test_a_cell_of_the_exemplars_own_is_never_repeated() -> None:
    raw = ('  <tr>\n  <td><a href="https://arxiv.org/abs/2501.00001">Old Paper</a></td>\n'
           '  <td>Habitat-Bench</td>\n  <td><img src="excel_images/old.png"></td>\n'
           '  <td></td>\n  <td>--</td>\n  </tr>')
    template = Template(('  <tr>\n  <td><a href="', Slot("paper", "https://arxiv.org/abs/{id}"),
                         '">', Slot("title", html=True), raw[raw.index("</a>"):]), "html", 3,
                        raw=raw)
    filled = raw.replace("2501.00001", "2601.04321").replace("Old Paper", "New Paper")
    none: frozenset[str] = frozenset()
    common = (none, frozenset({"--"}), none, none, frozenset({"--"}))
    kept = html_row_template.settle(filled, template, common, ("", "--", "", "", ""))
    assert kept == ('  <tr>\n  <td><a href="https://arxiv.org/abs/2601.04321">New Paper</a></td>\n'
                    '  <td>--</td>\n  <td></td>\n  <td></td>\n  <td>--</td>\n  </tr>')
    assert html_row_template.settle(filled.replace("  <td></td>\n", ""), template, common,
                                    ()) is None  # cells that do not line up: no guarantee


def test_no_row_that_can_be_guaranteed_means_no_bullet_but_a_note(
        monkeypatch: pytest.MonkeyPatch) -> None:
    cat = listed()
    section = editing.find_section(cat, HEADING)
    style = editing.section_style(cat, section)
    assert style.kind == "html"
    entry = format_entry(paper(), replace(style, templates=None))
    assert entry == FormattedEntry("", fallback=LEFT_OUT)
    decision = Decision(paper(), Status.PROPOSED, 0.9, section=HEADING)
    assert editing.plan_insertions(cat, [decision], Config())[0].text.lstrip().startswith("<tr>")
    # Every row fails the render check: the paper stays out, with a note, and no bullet goes in.
    monkeypatch.setattr(templated, "write", lambda *args: None)
    insertions, notes = editing.plan_insertions_noted(cat, [decision], Config())
    assert insertions == () and len(notes) == 1
    assert notes[0].startswith("2601.04321 left out") and HEADING in notes[0]


def _with_only(path: Path, heading: str, keep: str, p: Paper) -> str:
    """The row written with the one exemplar whose text holds `keep` (the section's other rows
    still teach the columns)."""
    cat = listed(path)
    style = editing.section_style(cat, editing.find_section(cat, heading))
    assert style.templates is not None
    chosen = [t for t in style.templates.templates if keep in t.raw]
    assert len(chosen) == 1
    only = replace(style, templates=replace(style.templates, templates=tuple(chosen),
                                            weights=(1.0,)))
    return format_entry(p, only).text


BADGE = ('<img src="https://img.shields.io/github/stars/ZJU-REAL/SpatialLadder.svg?style=social&'
         'label=Star" alt="Star count" />')
LADDER = "SpatialLadder: Progressive Training for Spatial Reasoning in Vision-Language Models"


def test_a_stars_column_shows_the_papers_repository_whatever_the_exemplars_badge_says() -> None:
    # SIBench 2510.08531, written by the maintainers with the badge of its own repository; the
    # exemplar's `alt="Star count"` is the list's markup, not a value the bot lacks.
    p = paper(LADDER, code="Code: https://github.com/ZJU-REAL/SpatialLadder")
    row = cells(_with_only(OTHERS, "Others", "SpaCE-10", p))
    assert row[3:5] == ['<a href="https://github.com/ZJU-REAL/SpatialLadder">link</a>', BADGE]
    # The one exemplar that writes `alt="Star count">` still gets the form most rows write.
    row = cells(_with_only(SLICE, HEADING, "G2VLM", p))
    assert row[4] == BADGE


def test_a_hostile_code_link_makes_no_badge_and_no_live_markup() -> None:
    p = paper(LADDER)
    cat = listed(OTHERS)
    style = editing.section_style(cat, editing.find_section(cat, "Others"))
    for url in ('https://github.com/ada/x"><script>alert(1)</script>',
                "https://github.com/ada/x/../../@octocat", "javascript:alert(1)//github.com/a/b"):
        fields = replace(metadata.read_fields(p), code_url=url)
        row = cells(format_entry(p, style, fields=fields).text)
        assert len(row) == 7 and "shields.io" not in row[4] and "<script" not in "".join(row)


def test_code_off_github_gets_no_badge_but_the_columns_mark() -> None:
    p = paper(LADDER, code="Code: https://gitlab.com/zju-real/spatial-ladder")
    row = cells(_with_only(OTHERS, "Others", "SpaCE-10", p))
    assert row[3:5] == ['<a href="https://gitlab.com/zju-real/spatial-ladder">link</a>', "--"]
    assert "shields.io" not in "".join(row)


def test_the_badge_form_is_learned_per_column_from_the_rows_own_repositories() -> None:
    cat = listed(OTHERS)
    badges = html_row_template.star_badges(cat.entries, cat.entries)
    assert [i for i, b in enumerate(badges) if b is not None] == [4]
    badge = badges[4]
    assert badge is not None and badge.raw == (
        '<img src="https://img.shields.io/github/stars/{repo}.svg?style=social&label=Star" '
        'alt="Star count" />')
    # A badge of some other repository than the row's code link teaches nothing.
    alien = OTHERS.read_text("utf-8").replace("stars/Yangr116/VST", "stars/someone/else") \
        .replace("stars/VisionXLab/SpaCE-10", "stars/someone/else2") \
        .replace("stars/zhengxuJosh/", "stars/other/")
    alien_rows = catalog.parse(alien).entries
    assert html_row_template.star_badges(alien_rows, alien_rows)[4] is None


def test_a_cell_the_bot_cannot_fill_says_nothing_the_lists_way() -> None:
    # In this slice no row lacks its illustration: the table's own mark for "nothing" (`--`,
    # as the maintainers wrote it in SIBench 2510.08531) stands in for it, not an empty cell.
    p = paper(LADDER, code="Code: https://github.com/ZJU-REAL/SpatialLadder")
    row = cells(_with_only(OTHERS, "Others", "SpaCE-10", p))
    assert row[5:] == ["SpatialLadder", "--"]
    cat = listed(OTHERS)
    assert html_row_template.column_marks(cat.entries, cat.entries)[6] == "--"


def test_a_column_the_list_leaves_empty_stays_empty_and_a_word_for_nothing_is_a_mark() -> None:
    text = re.sub(r"<td><img src=\"excel_images/[^\"]*\" alt=\"img\" /></td>", "<td></td>",
                  OTHERS.read_text("utf-8")).replace("<td>--</td>", "<td>NA</td>")
    rows = catalog.parse(text).entries
    marks = html_row_template.column_marks(rows, rows)
    assert marks[3:] == ("NA", "NA", "NA", "")


def test_a_title_with_an_apostrophe_is_written_as_the_maintainers_type_it() -> None:
    # SIBench 2511.15065: `Video Models’ Reasoning`; element text needs no quote references.
    title = "Reasoning via Video: The First Evaluation of Video Models' Reasoning Abilities"
    entry, new = written(paper(title))
    assert cells(entry.text)[0] == f'<a href="https://arxiv.org/pdf/2601.04321">{title}</a>'
    back = [e for e in catalog.parse(new).entries if "2601.04321" in e.arxiv_ids]
    assert [e.title for e in back] == [title]
