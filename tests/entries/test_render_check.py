"""The render check: structure, balance and read-back of an entry before it is written."""

from __future__ import annotations

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from promptbot.catalog import parse
from promptbot.entries import render_check
from promptbot.entries.render_check import gfm_html, problems, render, structure
from promptbot.models import Catalog

ROW_HEADER = "| Title | Venue |\n|---|---|\n"


def test_structure_of_a_bullet_and_of_a_table_row() -> None:
    assert structure("* **A**: [T](https://arxiv.org/abs/2501.00001)") == ("ul", "li", "strong",
                                                                           "a")
    assert structure("| [T](https://arxiv.org/abs/2501.00001) | CVPR |", ROW_HEADER) == (
        "tr", "td", "a", "td")


def test_a_nested_item_renders_as_an_item_not_as_code() -> None:
    assert structure("    * [T](https://arxiv.org/abs/2501.00001)")[:2] == ("ul", "li")


def test_a_balanced_entry_that_reads_back_has_no_problem() -> None:
    entry = "* [**CVPR'26**] A Title [[Paper](https://arxiv.org/pdf/2501.00001)]"
    assert problems(entry, arxiv_id="2501.00001", title="A Title") == []


def test_unbalanced_brackets_and_stray_emphasis_are_problems() -> None:
    broken = "* A Title [[PDF](https://arxiv.org/pdf/2501.00001)[[CODE](https://github.com/o/r)"
    assert "unbalanced brackets in the rendered entry" in problems(broken)
    stray = "* **A Title** CVPR** [Paper](https://arxiv.org/abs/2501.00001)"
    assert "stray emphasis or code marks in the rendered entry" in problems(stray)


def test_a_lone_star_the_exemplar_does_not_show_is_stray_emphasis() -> None:
    # `*CVPR 2026 *.`: a space before the closing mark, which then closes nothing.
    exemplar = ("* Philipp Koehn. 2006. [Statistical Machine Translation](http://x.org/a.pdf). "
                "*EACL 2006 Tutorial*.", "Statistical Machine Translation")
    stray = "* Ada Lovelace. 2026. [A Title](https://arxiv.org/abs/2501.00001). *CVPR 2026 *."
    assert "stray emphasis or code marks in the rendered entry" in problems(
        stray, shown=("A Title",), exemplar=exemplar)
    closed = stray.replace(" *.", "*.")
    assert problems(closed, shown=("A Title",), exemplar=exemplar, title="A Title",
                    arxiv_id="2501.00001") == []
    # A star the exemplar shows too (a footnote's mark) is the list's own.
    marked = ("* Jo Li. 2006. [Statistical Machine Translation](http://x.org/a.pdf). ACL 2006*.",
              "Statistical Machine Translation")
    assert problems("* Ada Lovelace. 2026. [A Title](https://arxiv.org/abs/2501.00001). CVPR "
                    "2026*.", shown=("A Title",), exemplar=marked, title="A Title",
                    arxiv_id="2501.00001") == []


def test_a_link_whose_label_is_gone_is_a_problem_unless_the_exemplar_writes_one() -> None:
    # Xnhyacinth/Awesome-LLM-Long-Context-Modeling: an exemplar of two papers under one date
    # wrote the new paper, then `  - [: ](…)` for the second, its name and title gone.
    entry = ("- [A Title](https://arxiv.org/abs/2501.00001)\n"
             "  - [: ](https://arxiv.org/abs/2501.00001)")
    assert "a link that says nothing (its label is gone)" in problems(entry)
    badge = ("- [A Title](https://arxiv.org/abs/2501.00001) "
             "[![Star](https://img.shields.io/github/stars/o/r.svg)](https://github.com/o/r)")
    assert problems(badge, arxiv_id="2501.00001", title="A Title") == []
    arrow = "- [A Title](https://arxiv.org/abs/2501.00001) [→](https://github.com/o/r)"
    assert problems(arrow, arxiv_id="2501.00001", title="A Title") == []
    dash = "- [A Title](https://arxiv.org/abs/2501.00001) [-](https://github.com/o/r)"
    assert problems(dash, arxiv_id="2501.00001", title="A Title", exemplar=(
        "- [B Title](https://arxiv.org/abs/2501.00002) [-](https://github.com/o/s)",
        "B Title")) == []


def test_a_title_may_show_its_own_brackets() -> None:
    entry = "* A &#91;draft&#93; title [Paper](https://arxiv.org/abs/2501.00001)"
    _, text = render(entry)
    assert "[draft]" in text
    assert problems(entry, shown=("A [draft] title",)) == []


def test_a_structure_the_section_does_not_have_is_a_problem() -> None:
    allowed = frozenset({("ul", "li", "strong", "a")})
    entry = "* A Title [Paper](https://arxiv.org/abs/2501.00001)"
    assert problems(entry, allowed=allowed) == [
        "an element structure none of the section's entries has"]


def test_read_back_id_and_title() -> None:
    entry = "* A Title [Paper](https://arxiv.org/abs/2501.00001)"
    assert problems(entry, arxiv_id="2501.00002") == ["the arXiv id does not read back"]
    assert problems(entry, title="Another") == ["the title does not read back"]
    # Read back with words around it: an author's surname written into it (`Lovelace Title`).
    assert problems(entry, title="Title") == ["the title does not read back"]
    assert problems("* Zebra: A Title [Paper](https://arxiv.org/abs/2501.00001)",
                    title="Zebra: A Title") == []
    # Held to the parser's reading of the list's own entry, not to a better one.
    misread = ("* [Some Words](https://a.b/c) and more", "A Title The Parser Does Not See")
    assert problems(entry, title="Another", exemplar=misread) == []


def test_the_exemplar_and_the_context_are_read_once_for_every_paper_written_after_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    exemplar = ("| [An Exemplar Title](https://arxiv.org/abs/2401.00001) | ICLR |",
                "An Exemplar Title")
    parsed: list[str] = []
    rendered: list[str] = []

    def counted_parse(text: str) -> Catalog:
        parsed.append(text)
        return parse(text)

    def counted_render(markdown: str) -> tuple[tuple[str, ...], str]:
        rendered.append(markdown)
        return render(markdown)

    render_check._misread.cache_clear()
    render_check._rendered_context.cache_clear()
    monkeypatch.setattr(render_check, "parse", counted_parse)
    monkeypatch.setattr(render_check, "render", counted_render)
    header = "| Paper Title Column | Venue Column Of This Test |\n|---|---|\n"
    rows = [f"| [Title Number {n}](https://arxiv.org/abs/2501.0000{n}) | CVPR |"
            for n in range(1, 4)]
    found = [problems(row, context=header, arxiv_id=f"2501.0000{n}", title=f"Title Number {n}",
                      exemplar=exemplar) for n, row in enumerate(rows, 1)]
    assert found == [[], [], []]
    assert sum(exemplar[0] in text for text in parsed) == 1  # not once per paper
    assert rendered.count(header) == 1
    assert len(parsed) == len(rows) + 1  # each paper's own row is still read back


def test_an_entry_that_reads_back_as_another_kind_than_its_exemplar_is_a_problem() -> None:
    # A bullet of authors, a quoted title and a paper link; written for a paper whose author
    # names escape to nothing, its `- ` marker becomes `-,` and the text reads as a paragraph.
    exemplar = ('- Fangwei Zhong, Kui Wu, Hai Ci.<br />\n  "Empowering Embodied Visual Tracking."'
                ' ECCV (2024).\n  [[paper](https://arxiv.org/abs/2404.09857)]')
    entry = ('-, , .<br />\n  "Towards Robust Tracking." ECCV (2024).\n'
             '  [[paper](https://arxiv.org/abs/2612.98000)]')
    found = problems(entry, arxiv_id="2612.98000",
                     exemplar=(exemplar, "Empowering Embodied Visual Tracking"))
    assert found == ["the entry reads back as another kind of entry than its exemplar"]
    # Its title reads back with the marks in it, which the read-back finds first.
    assert problems(entry, arxiv_id="2612.98000", title="Towards Robust Tracking",
                    exemplar=(exemplar, "Empowering Embodied Visual Tracking")) == [
        "the title does not read back"]
    fine = entry.replace("-, , .", "- Ann Lee, Bo Li.")
    assert problems(fine, arxiv_id="2612.98000", title="Towards Robust Tracking",
                    exemplar=(exemplar, "Empowering Embodied Visual Tracking")) == []


@pytest.mark.parametrize("markdown", [
    "| a | b |\n|---|---|\n| <b>x</b> | ~~y~~ www.example.com |\n",
    "- [ ] a task\n- [x] done\n\n<script>alert(1)</script>\n\n```py\nx = 1\n```\n",
    "* **CoOp**: \"Learning to Prompt\", IJCV, 2022. [[Paper](https://arxiv.org/abs/2109.01134)]",
    "",
])
def test_githubs_html_is_the_bindings_with_the_memory_freed(markdown: str) -> None:
    # The binding leaves the parse tree and the HTML allocated; ours frees both and must render
    # byte for byte the same (raw HTML kept, GitHub's extensions on).
    expected = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    assert gfm_html(markdown) == expected
