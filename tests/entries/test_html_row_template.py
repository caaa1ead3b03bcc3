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
from promptbot.entries import editing, html_row_template, templated
from promptbot.entries.formatting import LEFT_OUT, FormattedEntry, format_entry
from promptbot.entries.template_model import Slot, Template
from promptbot.models import Catalog, Decision, Insertion, Paper, Status

SLICE = (Path(__file__).parents[1] / "data" / "history"
         / "SIBench_Awesome-Visual-Spatial-Reasoning_2eb21f6_slice.md")
HEADING = "Multi-View Images"


def listed() -> Catalog:
    return catalog.parse(SLICE.read_text("utf-8"))


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
    # The benchmark column shows the paper's short name, as the list's rows do.
    assert row[1:] == ["ARXIV", "26-01", "--", "--", "SpatialThing", ""]
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
