"""A table's venue column: a row's maker there (`OpenAI`) marks the venue's place all the same."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from promptbot import catalog
from promptbot.entries.style import section_templates
from promptbot.entries.template_fill import Values
from promptbot.entries.template_model import Slot
from promptbot.entries.templated import write
from promptbot.entries.templates import abstract
from promptbot.entries.venue_column import venue_column, with_venue_cell

# BradyFU's list (history-dev), "Multimodal Instruction Tuning": its newest rows are models and
# blog posts; the papers' rows carry a stars badge this paper has no repository for.
HEADER = ("|  Title  |   Venue  |   Date   |   Code   |   Demo   |\n"
          "|:--------|:--------:|:--------:|:--------:|:--------:|\n")
ROWS = [
    "| [**Introducing GPT-5**](https://openai.com/index/introducing-gpt-5/) | OpenAI | "
    "2025-08-07 | - | - |",
    "| [**Qwen VLo: From \"Understanding\" the World to \"Depicting\" It**](https://qwenlm.github"
    ".io/blog/qwen-vlo/) | Qwen | 2025-06-26 | - | [Demo](https://chat.qwen.ai/) |",
    "| ![Star](https://img.shields.io/github/stars/Tencent/VITA.svg?style=social&label=Star) <br> "
    "[**VITA-VLA: Efficiently Teaching Vision-Language Models to Act via Action Expert "
    "Distillation**](https://arxiv.org/pdf/2510.09607) <br> | arXiv | 2025-10-10 | "
    "[Github](https://github.com/Tencent/VITA/tree/VITA-VLA) | - |",
]


def test_the_header_names_the_venue_column() -> None:
    assert venue_column(HEADER) == 1
    assert venue_column("| Title | Date |\n|---|---|\n") is None
    assert venue_column("") is None


def test_a_makers_name_in_the_venue_column_is_the_venues_place() -> None:
    cat = catalog.parse("# L\n## S\n" + HEADER + ROWS[0] + "\n")
    template = abstract(cat.entries[0])
    assert template is not None
    at = template.parts.index(") | OpenAI | ")
    maker = (*template.parts[:at], ") | ", Slot("other", original="OpenAI"), " | ",
             *template.parts[at + 1:])  # as sealed: the exemplar's own word, a value
    sealed = replace(template, parts=maker)
    found = with_venue_cell(sealed, venue_column(HEADER))
    assert Slot("venue", original="OpenAI") in found.parts and found.venue_is_arxiv is False
    assert with_venue_cell(sealed, 2) is sealed  # not under the venue's header: unchanged


def test_a_paper_without_a_repository_writes_its_venue_in_the_venue_column() -> None:
    cat = catalog.parse("# L\n## S\n" + HEADER + "".join(r + "\n" for r in ROWS))
    found = section_templates(cat, cat.sections[1])
    assert found is not None
    values = Values(title="NExT-OMNI: Towards Any-to-Any Omnimodal Foundation Models",
                    arxiv_id="2510.13721", venue="arXiv", venue_is_arxiv=True, year=2025,
                    yymm="2510", day=date(2025, 10, 16))
    written = write(found, values, found.structures)
    assert written is not None
    assert written.text.startswith("| [**NExT-OMNI: Towards Any-to-Any Omnimodal Foundation "
                                   "Models**](https://arxiv.org/")
    assert written.text.endswith(") | arXiv | 2025-10-16 | - | - |")


def test_a_table_without_outer_pipes_has_its_venue_column_all_the_same() -> None:
    # The same rows written without the outer pipes (GFM allows them left out): the venue
    # column is still the second cell, and the last cell ends the row without a pipe.
    header = "".join(line.strip().strip("|").strip() + "\n" for line in HEADER.splitlines())
    row = ROWS[0].strip().strip("|").strip()
    cat = catalog.parse("# L\n## S\n" + header + row + "\n")
    template = abstract(cat.entries[0])
    assert template is not None and venue_column(header) == 1
    at = next(k for k, p in enumerate(template.parts) if isinstance(p, str) and "OpenAI" in p)
    before, after = str(template.parts[at]).split("OpenAI")
    maker = Slot("other", original="OpenAI")  # as sealed: the exemplar's own word, a value
    sealed = replace(template, parts=(*template.parts[:at], before, maker, after,
                                      *template.parts[at + 1:]))
    found = with_venue_cell(sealed, venue_column(header))
    assert Slot("venue", original="OpenAI") in found.parts
    assert with_venue_cell(sealed, 4) is sealed  # the demo column is not the venue's
