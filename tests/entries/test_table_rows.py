"""Table rows: cells and a section's delimiter row."""

from __future__ import annotations

import pytest

from promptbot import catalog
from promptbot.entries.table_rows import cells, says_nothing, table_delimiter_line


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


@pytest.mark.parametrize(("text", "nothing"), [
    ("-", True), ("---", True), ("None", True), ("N/A", True), ("n.a.", True),
    ("Coming soon", True), ("code not released yet", True),
    # Values some rows share: a new row must not copy them as its "nothing".
    ("I+T→T", False), ("NeurIPS", False), ("Prompt tuning", False), ("2024", False),
])
def test_a_cell_says_nothing_only_in_the_words_lists_use_for_nothing(
        text: str, nothing: bool) -> None:
    # liuxuannan/Awesome-Multimodal-Jailbreak-Papers: the modality column (`I+T→T`) has no word
    # of two letters, and was taken for a placeholder.
    assert says_nothing(text) is nothing


def test_a_delimiter_row_of_single_dashes_is_one_as_gfm_reads_it() -> None:
    # `|:-|:-:|` is a table's delimiter row on GitHub: before, the writer found no table above a
    # row there, and every row it wrote was refused (read back alone, it was no table row).
    cat = catalog.parse("# L\n## B\n| Title | Venue |\n|:-|:-:|\n| [Paper two](https://arxiv.org/"
                        "abs/2501.00002) | CVPR |\n")
    assert table_delimiter_line(cat, cat.sections[1]) == 4
    assert table_delimiter_line(catalog.parse("# L\n## B\ntext\n---\n"),
                                catalog.parse("# L\n## B\ntext\n---\n").sections[1]) is None
