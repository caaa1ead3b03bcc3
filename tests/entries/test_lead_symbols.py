"""Symbols before a title: kept where most of the section writes them, else left out."""

from __future__ import annotations

from promptbot import catalog
from promptbot.entries.lead_symbols import without_rare_symbols
from promptbot.entries.template_model import Template
from promptbot.entries.templates import abstract


def templates(rows: list[str]) -> list[Template]:
    found = [abstract(e) for e in catalog.parse("# L\n## S\n" + "".join(rows)).entries]
    assert all(t is not None for t in found)
    return [t for t in found if t is not None]


def literal(template: Template) -> str:
    return "".join(p if isinstance(p, str) else "{" + p.kind + "}" for p in template.parts)


def test_a_symbol_few_entries_carry_before_the_title_is_taken_out() -> None:
    rows = ["- 🌟 [Alpha Things](https://arxiv.org/abs/2501.00001)\n",
            *(f"- [Beta Things {n}](https://arxiv.org/abs/2501.0000{n})\n" for n in range(2, 5))]
    found = templates(rows)
    out = without_rare_symbols(found, [1.0] * len(found))
    assert literal(out[0]) == literal(found[1])
    assert out[1:] == tuple(found[1:])


def test_a_symbol_most_entries_carry_is_the_lists_markup() -> None:
    rows = [f"- 📄 [Alpha Things {n}](https://arxiv.org/abs/2501.0000{n})\n" for n in range(1, 4)]
    rows.append("- [Beta Things](https://arxiv.org/abs/2501.00009)\n")
    found = templates(rows)
    assert without_rare_symbols(found, [1.0] * len(found)) == tuple(found)


def test_the_share_is_weighed_and_only_the_titles_lead_counts() -> None:
    # Weighed: the one entry with the symbol weighs as much as the three without it.
    rows = ["- ✨ [Alpha Things](https://arxiv.org/abs/2501.00001)\n",
            *(f"- [Beta Things {n}](https://arxiv.org/abs/2501.0000{n}) [Code ✨]"
              f"(https://github.com/a/b{n})\n" for n in range(2, 5))]
    found = templates(rows)
    assert without_rare_symbols(found, [3.0, 1.0, 1.0, 1.0]) == tuple(found)
    # A symbol in a link's label after the title is no lead: the sparkle before the title is
    # still on one entry of four.
    out = without_rare_symbols(found, [1.0] * len(found))
    assert "✨" not in literal(out[0]).split("{title}")[0]
    assert out[1:] == tuple(found[1:])
