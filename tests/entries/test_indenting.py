"""A new item takes the indentation of the item it is written beside."""

from __future__ import annotations

from promptbot.entries.indenting import indented_as


def test_an_item_moves_to_its_neighbours_indentation_its_later_lines_with_it() -> None:
    new = ("\n     - **[CVPR, 2026]** A Title [Paper](https://arxiv.org/abs/2611.04568)"
           "\n       Notes")
    assert indented_as(new, "    - **[Arxiv, 2025.10]** Another [Paper](…)\n") == (
        "\n    - **[CVPR, 2026]** A Title [Paper](https://arxiv.org/abs/2611.04568)\n      Notes")
    assert indented_as("- A Title\n  Line", "  - Another\n") == "  - A Title\n    Line"


def test_an_item_of_another_kind_or_already_aligned_stays_as_written() -> None:
    assert indented_as("  1. A Title", "- Another") == "  1. A Title"
    assert indented_as("    - A Title", "    * Another") == "    - A Title"
    assert indented_as("A paragraph", "  - Another") == "A paragraph"
    assert indented_as("\t- A Title", "  - Another") == "\t- A Title"
