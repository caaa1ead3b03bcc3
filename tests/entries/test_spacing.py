"""Blank lines around a new entry: what the list keeps, and the one decision of the text."""

from __future__ import annotations

from catalog_files import PARAGRAPH_LIST

from promptbot import catalog
from promptbot.entries import spacing

APART = ("# Papers\n\n"
         "- [One Title Here](https://arxiv.org/abs/2401.00001)\n\n"
         "- [Two Title Here](https://arxiv.org/abs/2401.00002)\n\n\n"
         "- [Three Title Here](https://arxiv.org/abs/2401.00003)\n")
MOSTLY_TIGHT = ("# Papers\n\n"
                "- [One Title Here](https://arxiv.org/abs/2401.00001)\n"
                "- [Two Title Here](https://arxiv.org/abs/2401.00002)\n\n"
                "- [Three Title Here](https://arxiv.org/abs/2401.00003)\n"
                "- [Four Title Here](https://arxiv.org/abs/2401.00004)\n")


def test_a_list_that_keeps_blank_lines_between_its_entries() -> None:
    cat = catalog.parse(APART)
    section = cat.sections[0]
    assert spacing.kept_apart(cat, section.entries)
    assert spacing.gap(cat, section) == 1  # the fewest it always keeps


def test_a_list_that_mostly_does_not() -> None:
    cat = catalog.parse(MOSTLY_TIGHT)
    section = cat.sections[0]
    assert not spacing.kept_apart(cat, section.entries)
    assert spacing.gap(cat, section) == 0


def test_the_units_gap_wins_else_the_blank_lines_the_entry_was_written_with() -> None:
    entry = "- [New Title Here](https://arxiv.org/abs/2402.00001)"
    assert spacing.spaced(entry, 2) == "\n\n" + entry
    assert spacing.spaced(spacing.apart(entry, kept=True), 0) == "\n" + entry
    assert spacing.spaced(spacing.apart(entry, kept=False), 0) == entry
    assert spacing.spaced(spacing.apart(entry, kept=True), 2, top=True) == entry + "\n\n"


def test_a_new_heading_brings_its_own_blank_lines() -> None:
    entry = "\n- [New Title Here](https://arxiv.org/abs/2402.00001)"
    assert spacing.spaced(entry, 1, heading=("", "### 2027", "")) == (
        "\n### 2027\n\n- [New Title Here](https://arxiv.org/abs/2402.00001)")


def test_a_lone_paragraph_entry_is_kept_apart() -> None:
    cat = catalog.parse(PARAGRAPH_LIST)
    surveys = cat.sections[-1]
    assert len(surveys.entries) == 1  # no gap between two entries to learn from
    assert spacing.kept_apart(cat, surveys.entries)


def test_a_lone_block_entry_is_kept_apart() -> None:
    # amusi/CVPR2024-Papers-with-Code: a section with one `**Title**⏎⏎- Paper: …⏎- Code: …`
    # block. The new block was written right under `- Code: …`, and its title ran on into it.
    cat = catalog.parse("# NeRF\n\n**PIE-NeRF: Physics-based Interactive Elastodynamics**\n\n"
                        "- Paper: https://arxiv.org/abs/2311.13099\n"
                        "- Code: https://github.com/FYTalon/pienerf/\n")
    (section,) = [s for s in cat.sections if s.entries]
    assert [e.kind for e in section.entries] == ["block"]
    assert spacing.kept_apart(cat, section.entries)
