"""Table cells of another paper's value, told by their column."""

from __future__ import annotations

from promptbot import catalog
from promptbot.entries.template_choice import induce
from promptbot.entries.template_fill import Values
from promptbot.entries.template_model import Slot
from promptbot.entries.templated import write
from promptbot.entries.templates import abstract
from promptbot.entries.value_cells import varying_columns, with_value_cells

# YuanaHao/Awesome-Diffusion-RL: the Task column says `T2I` in most rows, `T2V` or `Unified` in
# others; the Links column is links, the last one says nothing but `Paper` in every row.
HEAD = "| Year | Title | Venue | Task | Kind |\n| --- | --- | --- | --- | --- |\n"


def row(n: int, task: str) -> str:
    return (f"| 2026 | [A Paper About Things {n}](https://arxiv.org/abs/2603.0{n}001) | arXiv "
            f"| {task} | Paper |\n")


ROWS = "".join(row(n, task) for n, task in enumerate(("T2I", "T2I", "T2V", "T2I", "Unified")))


def test_a_column_whose_rows_differ_varies_one_that_repeats_one_text_does_not() -> None:
    entries = catalog.parse(HEAD + ROWS).entries
    assert varying_columns(entries) == (False, False, False, True, False)


def test_a_cell_of_a_varying_column_is_another_papers_value() -> None:
    entries = catalog.parse(HEAD + ROWS).entries
    template = abstract(entries[0])
    assert template is not None
    sealed = with_value_cells(template, varying_columns(entries))
    assert Slot("other", original="T2I") in sealed.parts
    literal = "".join(p for p in sealed.parts if isinstance(p, str))
    assert "T2I" not in literal and "| Paper |" in literal
    # The row's bars stay where they were: the same number of cells.
    assert literal.count("|") == template.raw.count("|")


def test_a_column_saying_nothing_in_some_rows_is_not_a_value_there() -> None:
    rows = "".join(row(n, task) for n, task in enumerate(("-", "T2I", "T2V", "-", "-")))
    entries = catalog.parse(HEAD + rows).entries
    template = abstract(entries[0])
    assert template is not None
    sealed = with_value_cells(template, varying_columns(entries))
    assert "| - |" in "".join(p for p in sealed.parts if isinstance(p, str))


def written_in_last_section(text: str) -> str:
    """A preprint's row as the bot writes it into the text's last section."""
    cat = catalog.parse(text)
    found = induce(cat, cat.sections[-1])
    assert found is not None
    written = write(found, Values(title="Token Merging at Scale", arxiv_id="2604.01234",
                                  venue="arXiv", venue_is_arxiv=True, year=2026, yymm="2604"),
                    found.structures)
    assert written is not None
    return written.text


def test_a_new_row_never_copies_the_task_most_rows_share() -> None:
    written = written_in_last_section("# L\n## Policy Gradient\n" + HEAD + ROWS)
    assert "T2I" not in written
    assert written.startswith("| 2026 | [Token Merging at Scale](https://arxiv.org/abs/")


def test_a_section_of_few_rows_that_share_a_task_learns_from_the_lists_other_rows() -> None:
    # YuanaHao/Awesome-Diffusion-RL: a section whose two rows both say `T2I`; other sections'
    # rows of the same table say `T2V` and `Unified`.
    few = "".join(row(n, "T2I") for n in range(2))
    assert "T2I" not in written_in_last_section(f"# L\n## Other\n{HEAD}{ROWS}\n## Few\n{HEAD}{few}")


def keyword_rows(keywords: tuple[str, ...], at: int = 0) -> str:
    return "".join(f"|2023|CVPR|{k} |[Seeing {_THINGS[at + n]} in the Open](https://arxiv.org/"
                   f"abs/2303.{at + n:05d})|[Code](https://github.com/a/b{at + n})|\n"
                   for n, k in enumerate(keywords))


_THINGS = ("Cats", "Dogs", "Birds", "Fish", "Trees", "Cars", "Boats", "Roads", "Clouds", "Rivers",
           "Hills", "Doors", "Walls", "Lamps", "Chairs")


def test_a_cell_of_keywords_is_one_value_whether_or_not_most_rows_share_some() -> None:
    # jianzongwu/Awesome-Open-Vocabulary: a Keywords column of `` `vlm.` `` (64 rows),
    # `` `unify.`, `vlm.` ``, `` `cap.` ``…, and `-` for none. `vlm.` is in most rows, so the list's
    # markup, and a new row kept it around the rarer word it dropped: `` `.`, `vlm.` ``. The
    # list says `-` for a paper without keywords.
    table = "|Year|Venue|Keywords|Paper Title|Code/Project|\n|:-:|:-:|:-:|-|-|\n"
    text = ("# L\n## Detection\n" + table
            + keyword_rows(("`vlm.`", "`vlm.`", "`cap.`", "`vlm.`, `pl.`", "-", "`vlm.`") * 2)
            + "\n## Segmentation\n" + table + keyword_rows(("`unify.`, `vlm.`",) * 3, at=12))
    entries = catalog.parse(text).entries
    template = abstract(entries[-1])
    assert template is not None
    sealed = with_value_cells(template, varying_columns(entries))
    assert Slot("other", original="`unify.`, `vlm.`") in sealed.parts
    written = written_in_last_section(text)
    assert "vlm" not in written and "`" not in written
    assert written.startswith("|2026|arXiv|- |[Token Merging at Scale](")
