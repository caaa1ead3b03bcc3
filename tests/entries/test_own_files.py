"""An exemplar's own files and comments: never a new paper's."""

from __future__ import annotations

from promptbot import catalog
from promptbot.entries.own_files import without_own_files
from promptbot.entries.template_choice import induce
from promptbot.entries.template_fill import Values
from promptbot.entries.template_model import Slot, Template
from promptbot.entries.templated import write


def kinds(template: Template) -> list[object]:
    return [p if isinstance(p, str) else (p.kind, p.original) for p in template.parts]


def test_a_path_a_slot_runs_through_is_one_value_of_the_exemplar() -> None:
    # hitcslj/Awesome-Point-Cloud-Completion names the file after the paper: the template read
    # `pcn` as the short name's slot, and a new paper linked `./citations/STAR.txt`.
    template = Template(parts=(
        "- [", Slot("title", original="PCN"), "](", Slot("paper", original="https://a.org/1"),
        ") | [bibtext](./citations/", Slot("name", original="pcn"), ".txt) end"),
        kind="bullet", line=1)
    assert kinds(without_own_files(template)) == [
        "- [", ("title", "PCN"), "](", ("paper", "https://a.org/1"), ") | [bibtext](",
        ("other", "./citations/pcn.txt"), ") end"]


def test_web_links_and_anchors_stay_as_they_are() -> None:
    template = Template(parts=("- [", Slot("title", original="T"), "](https://a.org/x) "
                               "[top](#contents) [site](http://b.org)"), kind="bullet", line=1)
    assert without_own_files(template) is template


def test_a_new_entry_links_no_file_of_another_paper_and_copies_no_comment() -> None:
    # awesome-NeRF: `| [bibtex](./citations/r2l.txt) <!---wang2022r2l-->` on most entries.
    rows = "".join(
        f"- [Paper {n} About Radiance](https://arxiv.org/abs/2203.1726{n}), Wang et al., ECCV "
        f"2022 | [github](https://github.com/a/b{n}) | [bibtex](./citations/p{n}.txt) "
        f"<!---wang2022p{n}-->\n" for n in range(1, 4))
    cat = catalog.parse("# L\n## Papers\n" + rows)
    found = induce(cat, cat.sections[-1])
    assert found is not None
    values = Values(title="A Paper About Things", arxiv_id="2604.01234", venue="arXiv",
                    venue_is_arxiv=True, year=2026, yymm="2604",
                    code_url="https://github.com/zoo/zebra")
    written = write(found, values, found.structures)
    assert written is not None
    assert written.text == ("- [A Paper About Things](https://arxiv.org/abs/2604.01234), arXiv "
                            "2026 | [github](https://github.com/zoo/zebra)"), written.text


def test_a_row_gets_no_other_papers_figure_and_no_maintainers_note() -> None:
    # horseee/Awesome-Efficient-LLM: each row shows the paper's figure, kept in the list's
    # repository and named after it (`figures/GPTQ.png`) or on GitHub, and ends in a note the
    # page hides (`[//]: #05/05`, the day it was added). A new row copied another paper's figure
    # (`src="figures/SparseFrontier.png"`, or `figures/Zebra-Net.png`, the name's slot) and
    # wrote the note `[//]: #05/`.
    figures = ("figures/GPTQ.png", "https://github.com/lab/m2/raw/main/fig.png", "figures/M3.png")
    rows = "".join(
        f"|[![Star](https://img.shields.io/github/stars/lab/m{n}.svg?style=social&label=Star)]"
        f"(https://github.com/lab/m{n})<br>[M{n}: A Method of Things](https://arxiv.org/abs/"
        f"2210.1732{n}) <br> Ada Lovelace, Bob Zed |<img width=\"1002\" alt=\"image\" "
        f"src=\"{figure}\"> |[Github](https://github.com/lab/m{n}) <br> [Paper](https://arxiv.org"
        f"/abs/2210.1732{n})|[//]: #05/0{n}\n" for n, figure in enumerate(figures, 1))
    cat = catalog.parse("# L\n## Quantization\n| Title & Authors | Introduction | Links |\n"
                        "|:--|:--:|:--:|\n" + rows)
    found = induce(cat, cat.sections[-1])
    assert found is not None
    values = Values(title="Zebra-Net: Quokka Alignment", arxiv_id="2604.01234", venue="arXiv",
                    venue_is_arxiv=True, year=2026, yymm="2604", name="Zebra-Net",
                    authors=("Ada Q. Lovelace",), code_url="https://github.com/zoo/zebra")
    written = write(found, values, found.structures)
    assert written is not None
    assert written.text == (
        "|[![Star](https://img.shields.io/github/stars/zoo/zebra.svg?style=social&label=Star)]"
        "(https://github.com/zoo/zebra)<br>[Zebra-Net: Quokka Alignment](https://arxiv.org/abs/"
        "2604.01234) <br> Ada Q. Lovelace | |[Github](https://github.com/zoo/zebra) <br> "
        "[Paper](https://arxiv.org/abs/2604.01234)|"), written.text
