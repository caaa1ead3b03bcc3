"""Table rows: cells and a section's delimiter row."""

from __future__ import annotations

from promptbot import catalog
from promptbot.entries.table_rows import cells, table_delimiter_line


def test_cells_keep_their_spaces_and_drop_only_the_outer_pipes() -> None:
    assert cells("| [A](https://x.org) | CVPR | |\n") == [" [A](https://x.org) ", " CVPR ", " "]
    assert cells("| a \\| b | c") == [" a \\| b ", " c"]  # no trailing pipe: no empty cell


def test_the_delimiter_row_is_found_under_its_header_only_inside_the_section() -> None:
    cat = catalog.parse("# L\n## A\n- [Paper one](https://arxiv.org/abs/2501.00001)\n## B\n"
                        "| Title | Venue |\n|---|---|\n| [Paper two](https://arxiv.org/abs/"
                        "2501.00002) | CVPR |\n")
    first, second = (s for s in cat.sections if s.heading in ("A", "B"))
    assert table_delimiter_line(cat, first) is None
    assert table_delimiter_line(cat, second) == 6
