"""Tests for rows of raw HTML tables."""

from __future__ import annotations

from promptbot.catalog.html_rows import html_table_starts, table_rows

TABLE = """\
<table>
<thead><tr><th>Title</th><th>Venue</th></tr></thead>
<tbody>
  <tr>
    <td><a href="https://arxiv.org/abs/2401.00001">A Title Wrapped
Over Two Lines</a></td>
    <td>CVPR &amp; W</td>
  </tr>
  <tr><td><img src="x.png" alt="img" /></td><td>--</td></tr>
</tbody>
</table>
after
"""


def test_rows_have_their_lines_and_cells_as_markdown() -> None:
    bodies = TABLE.splitlines()
    end, rows = table_rows(bodies, 0)
    assert end == 11 and bodies[end] == "after"
    assert [(r.line, r.end, r.header) for r in rows] == [(1, 1, True), (3, 7, False),
                                                         (8, 8, False)]
    assert rows[1].cells == ("[A Title Wrapped Over Two Lines](https://arxiv.org/abs/2401.00001)",
                             "CVPR & W")
    assert rows[2].cells == ("", "--")


def test_an_unclosed_table_runs_to_the_end() -> None:
    end, rows = table_rows(["<table>", "<tr><td>a</td></tr>"], 0)
    assert end == 2 and len(rows) == 1


def test_only_a_table_tag_opens_a_table() -> None:
    assert html_table_starts("  <table class='x'>") and not html_table_starts("<tab>")
