"""Which of a section's templates writes a paper: the list's look, minus what the paper lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from promptbot import catalog
from promptbot.entries.style import section_templates
from promptbot.entries.template_choice import (
    SectionTemplates,
    constant_words,
    fillable,
    induce,
    next_number,
    ranked,
    seal,
)
from promptbot.entries.template_fill import Values, fill
from promptbot.entries.template_model import Slot, Template
from promptbot.entries.templated import write
from promptbot.entries.templates import abstract

HISTORY = Path(__file__).parents[1] / "data" / "history"


def read(name: str) -> str:
    with (HISTORY / name).open(encoding="utf-8", newline="") as handle:
        return handle.read()


def sealed_among(rows: list[str], index: int) -> Template:
    """Entry `index` of `rows` as a template, sealed with the words all the rows write."""
    templates = [abstract(catalog.parse(r + "\n").entries[0]) for r in rows]
    found = [t for t in templates if t is not None]
    assert len(found) == len(rows)
    return seal(found[index], constant_words(found))


def values(**changes: object) -> Values:
    base: dict[str, object] = {"title": "A Paper About Things", "arxiv_id": "2604.01234",
                               "venue": "arXiv", "venue_is_arxiv": True, "year": 2026,
                               "yymm": "2604"}
    base.update(changes)
    return Values(**base)  # type: ignore[arg-type]


def test_an_exemplars_affiliation_line_is_a_slot_never_copied() -> None:
    cat = catalog.parse(read("danelpeng_Awesome-Continual-Leaning-with-PTMs_8673e5d.md"))
    section = next(s for s in cat.sections if s.entries)
    found = induce(cat, section)
    assert found is not None
    lines = [t for t in found.templates if "\n" in t.raw]
    assert lines and all(t.parts[-1] == Slot("affiliation", original=t.raw.split("\n")[-1].strip())
                         or isinstance(t.parts[-1], Slot) for t in lines)
    assert found.blank_between


@pytest.mark.parametrize(("line", "kind"), [
    ("Wombat University, Zoo Lab", "affiliation"),
    ("中国科学院自动化研究所", "affiliation"),
    # A note on the paper, never a place for the new paper's affiliation (hexdjx's tracking
    # list wrote `Wombat University` where its entries sum the paper up).
    ("基于DiMP,采用ConvGRU隐式编码场景信息以应对distractor的干扰", "other"),
    ("This work introduces prompts, which allow forward transfer and resist forgetting", "other"),
])
def test_words_alone_on_a_line_are_an_affiliation_only_where_they_may_name_one(
        line: str, kind: str) -> None:
    rows = [f"* Paper {n} About Things. [[Paper]](https://arxiv.org/abs/2401.0000{n})  \n  {text}"
            for n, text in ((1, line), (2, "Elsewhere"), (3, "Nowhere"))]
    template = sealed_among(rows, 0)
    assert template.slots[-1].kind == kind


def test_words_every_entry_writes_are_markup_others_are_values() -> None:
    rows = ["* [**CVPR'26**] Alpha Token Pruning Title [[Paper](https://arxiv.org/pdf/2603.20185)] "
            "(New benchmark)",
            "* [**ICLR'26**] Beta Token Merging Title [[Paper](https://arxiv.org/pdf/2603.20186)]",
            "* [**AAAI'26**] Gamma Token Dropping Title [[Paper](https://arxiv.org/pdf/2603.20187)]"]
    templates = [abstract(catalog.parse(r + "\n").entries[0]) for r in rows]
    assert all(t is not None for t in templates)
    constant = constant_words([t for t in templates if t is not None])
    assert "paper" in constant and "benchmark" not in constant
    first = templates[0]
    assert first is not None
    sealed = seal(first, constant)
    assert Slot("other", original="New benchmark") in sealed.parts


# BradyFU's list (history-dev), its highlights: one entry links its own citation file.
HIGHLIGHTS = [
    "- **MME: A Comprehensive Evaluation Benchmark for Multimodal Large Language Models**  \n"
    "NeurIPS 2025 DB Highlight, [Paper](https://arxiv.org/pdf/2306.13394.pdf), "
    "[Dataset](https://huggingface.co/datasets/lmms-lab/MME), [Eval Tool](https://github.com/"
    "BradyFU/Awesome-Multimodal-Large-Language-Models/blob/Evaluation/tools/eval_tool.zip), "
    "[✒️ Citation](./images/bib_mme.txt)",
    "- **A Survey on Multimodal Large Language Models**  \nNSR 2024, "
    "[Paper](https://arxiv.org/pdf/2306.13549.pdf), "
    "[Project](https://github.com/BradyFU/Awesome-Multimodal-Large-Language-Models)",
    "- **VITA: Towards Open-Source Interactive Omni Multimodal LLM**  \narXiv 2024, "
    "[Paper](https://arxiv.org/pdf/2408.05211.pdf), [Project](https://vita-home.github.io/)",
]


def test_an_exemplars_own_file_link_is_dropped_whole_with_its_separator() -> None:
    sealed = sealed_among(HIGHLIGHTS, 0)
    assert Slot("other", original="./images/bib_mme.txt") in sealed.parts
    text = fill(sealed, values(title="Kimi K2.5: Visual Agentic Intelligence",
                               arxiv_id="2602.02276")).text
    assert text == ("- **Kimi K2.5: Visual Agentic Intelligence**  \narXiv 2026, "
                    "[Paper](https://arxiv.org/pdf/2602.02276.pdf)")


def test_a_paper_without_code_is_written_like_the_rows_without_code() -> None:
    cat = catalog.parse(read("YichiZhang98_SAM4MIS_2734930.md"))
    section = max(cat.sections, key=lambda s: len(s.entries))
    found = induce(cat, section)
    assert found is not None and "None" in found.placeholders
    written = write(found, values(authors=("Ada Lovelace", "Alan Turing")), found.structures)
    assert written is not None
    assert written.text.startswith("|202604|A. Lovelace et al.|A Paper About Things [(paper)](")
    assert written.text.endswith("|None|")


def test_a_published_paper_prefers_an_exemplar_with_a_venue() -> None:
    cat = catalog.parse(read("ZLKong_Awesome-Collection-Token-Reduction_c813131.md"))
    section = next(s for s in cat.sections if s.entries)
    found = induce(cat, section)
    assert found is not None
    best = ranked(found, values(venue="CVPR", venue_is_arxiv=False, code_url="https://github.com/o/r"))[0]
    assert best.venue_is_arxiv is False and {"venue", "date", "code"} <= best.kinds


def test_a_links_label_is_the_lists_word_even_when_rare() -> None:
    rows = ['* **Alpha**: "Alpha Token Pruning Title", CVPR, 2023. [[Paper](https://arxiv.org/abs/'
            '2301.00001)][[Code (in construction)](https://github.com/o/a)]',
            '* **Beta**: "Beta Token Merging Title", ICCV, 2023. [[Paper](https://arxiv.org/abs/'
            '2301.00002)][[PyTorch](https://github.com/o/b)]',
            '* **Gamma**: "Gamma Token Dropping Title", ECCV, 2024. [[Paper](https://arxiv.org/abs/'
            '2301.00003)]']
    sealed = sealed_among(rows, 0)
    assert "other" not in sealed.kinds
    assert any("Code (in construction)" in p for p in sealed.parts if isinstance(p, str))


def test_a_known_affiliation_fills_the_line_under_the_entry_an_unknown_one_drops_it() -> None:
    cat = catalog.parse(read("danelpeng_Awesome-Continual-Leaning-with-PTMs_8673e5d.md"))
    section = next(s for s in cat.sections if len(s.entries) > 3)
    found = induce(cat, section)
    assert found is not None
    known = write(found, values(affiliation="Nankai University"), found.structures)
    assert known is not None
    assert known.text.rstrip().endswith("[**Arxiv 2026.04**]\nNankai University")
    unknown = write(found, values(), found.structures)
    assert unknown is not None and unknown.text.rstrip().endswith("[**Arxiv 2026.04**]")


def test_a_cell_the_section_always_fills_says_nothing_the_way_the_lists_other_rows_do() -> None:
    head = "| Title | Venue | Data |\n|---|---|---|\n"

    def row(n: int, data: str) -> str:
        return (f"| [Paper {n} about things](https://arxiv.org/abs/2604.0{n}001) "
                f"| arXiv | {data} |\n")

    filled = "".join(row(n, f"[data](https://example.org/d{n})") for n in range(1, 4))
    other = "".join(row(n, "--") for n in range(4, 7))
    cat = catalog.parse(f"# L\n## Filled\n{head}{filled}\n## Other\n{head}{other}")
    section = next(s for s in cat.sections if s.heading == "Filled")
    found = induce(cat, section)
    assert found is not None and found.placeholders[2] == "--"
    written = write(found, values(), found.structures)
    assert written is not None and written.text.rstrip().endswith("| arXiv | -- |")


def test_a_link_to_nothing_is_the_exemplars_gap_not_copied_for_a_paper_without_code() -> None:
    # yulunzhang/awesome-diffusion-low-level-vision: one entry of six writes `| [code]()` (its
    # code not out yet); the newest, it was the model for every paper without code.
    rows = ["- [Denoising Diffusion Restoration Models](https://arxiv.org/abs/2201.11793), "
            "Bahjat Kawar et al., ICLRW 2022 | [Code](https://github.com/bahjat-kawar/ddrm)\n",
            "- [Image Deblurring with Domain Generalizable Diffusion Models](https://arxiv.org/"
            "abs/2212.01789), Mengwei Ren et al., arXiv 2022\n",
            "- [DiffIR: Efficient Diffusion Model for Image Restoration](https://arxiv.org/abs/"
            "2303.09472), Bin Xia et al., ICCV 2023 | [code]()\n"]
    cat = catalog.parse("# L\n## Restoration\n" + "".join(rows))
    found = induce(cat, cat.sections[-1])
    assert found is not None
    paper = values(authors=("Ada Q. Lovelace",), venue="CVPR", venue_is_arxiv=False)
    assert [fillable(t, paper) for t in found.templates] == [1, 0, 1]
    written = write(found, paper, found.structures)
    assert written is not None and "]()" not in written.text


def test_one_row_saying_nothing_where_the_others_link_teaches_the_new_row_to_say_so() -> None:
    # friedrichor/Awesome-Multimodal-Papers: of its foundation models' table only the row of a
    # model without code writes `-` there; a new paper without code left the cell empty.
    head = "| Title | Date | Code |\n|---|---|---|\n"
    rows = "".join(f"| [Paper {n} about things](https://arxiv.org/abs/2604.0{n}001) | 2026-04 | "
                   + ("-" if n == 1 else f"[code](https://github.com/a/b{n})") + " |\n"
                   for n in range(1, 5))
    cat = catalog.parse(f"# L\n## Models\n{head}{rows}")
    found = induce(cat, cat.sections[-1])
    assert found is not None and found.placeholders[2] == "-"
    written = write(found, values(), found.structures)
    assert written is not None and written.text.rstrip().endswith("| 2026-04 | - |")


def test_a_value_some_rows_share_is_never_a_placeholder_copied_into_a_new_row() -> None:
    # JindongGu/Awesome-Prompting-on-Vision-Language-Model: the last column is each paper's
    # topic; `Soft text prompts` recurs, yet it is a value, not the column's "nothing".
    head = "| Title | Venue | Year | Code | Topic |\n|---|---|---|---|---|\n"
    topics = ["Soft text prompts", "Visual patch-wise", "Soft text prompts",
              "Backdoor attack on text-to-image models", "Adversarial robustness",
              "Coupled unified prompting"]
    rows = "".join(f"| [Paper {n} about things](https://arxiv.org/abs/2604.0{n}001) | NeurIPS | "
                   f"2023 | {'---' if n % 2 else f'[Github](https://github.com/a/b{n})'} | {t} |\n"
                   for n, t in enumerate(topics, start=1))
    cat = catalog.parse("# L\n## Papers\n" + head + rows)
    found = induce(cat, cat.sections[-1])
    assert found is not None
    assert found.placeholders[3] == "---" and found.placeholders[4] == ""
    written = write(found, values(), found.structures)
    assert written is not None
    assert not any(t.split()[0] in written.text for t in topics)


def _written(text: str) -> str:
    cat = catalog.parse(text)
    found = induce(cat, cat.sections[-1])
    assert found is not None
    done = write(found, values(), found.structures)
    assert done is not None
    return done.text.strip()


def test_a_list_that_changed_its_habit_is_written_the_new_way_at_the_end_it_grows() -> None:
    # BWLONG/Awesome-Prompt-Learning-CV: older entries quote the title and spell out the venue,
    # the newer ones at the bottom link an `arXiv YYMM` label.
    old = "".join(f'* **N{n}**: "Old Style Paper {n} About Things", arXiv, 2022. '
                  f"[[Paper](https://arxiv.org/abs/2203.0{n}001)]\n" for n in range(1, 5))
    new = "".join(f"* **M{n}**: New Style Paper {n} About Things "
                  f"[[arXiv 2306](https://arxiv.org/abs/2306.0{n}001)]\n" for n in range(1, 4))
    assert _written(f"# L\n## Papers\n{old}{new}").endswith(
        "A Paper About Things [[arXiv 2604](https://arxiv.org/abs/2604.01234)]")
    newest_first = "".join(reversed((old + new).splitlines(keepends=True)))
    assert "[[arXiv 2604]" in _written(f"# L\n## Papers\n{newest_first}")


def test_the_spelling_most_entries_share_is_the_lists_not_the_newest_entrys() -> None:
    # A list writes `[[Paper](…)] [[Code](…)]` on most entries; its newest one `[[paper](…)]
    # [[code](…)]`, a contributor's own spelling: one entry's spelling is no model.
    rows = "".join(f"- Paper {n} About Things. [[Paper](https://arxiv.org/abs/2401.0000{n})] "
                   f"[[Code](https://github.com/o/r{n})]\n" for n in range(1, 4))
    last = "- Paper 4 About Things. [[paper](https://arxiv.org/abs/2401.00004)] " \
        "[[code](https://github.com/o/r4)]\n"
    assert _written(f"# L\n## Papers\n{rows}{last}").endswith(
        "A Paper About Things. [[Paper](https://arxiv.org/abs/2604.01234)]")
    # Where most entries spell it the newest entry's way, that way is the list's.
    most = "".join(f"- Paper {n} About Things. [[paper](https://arxiv.org/abs/2401.0000{n})]\n"
                   for n in range(5, 8))
    assert _written(f"# L\n## Papers\n{rows}{most}").endswith(
        "A Paper About Things. [[paper](https://arxiv.org/abs/2604.01234)]")


def test_a_paper_of_several_authors_is_not_written_after_an_exemplar_of_one() -> None:
    # THUNLP-MT/MT-Reading-List: `A, B, and C. 2015. [Title](…).`; its newest entry had one
    # author, and a paper of three was written with the first of them alone.
    rows = "".join(f"* Ann Lee, Bo Chen, and Cy Wu. 201{n}. [Paper {n} About Things](https://"
                   f"arxiv.org/abs/1501.0000{n}).\n" for n in range(1, 4))
    cat = catalog.parse(f"# L\n## Papers\n{rows}* Dan Ortiz. 2016. [Paper Four About Things]"
                        "(https://arxiv.org/abs/1601.00004).\n")
    found = induce(cat, cat.sections[-1])
    assert found is not None
    done = write(found, values(authors=("Ada Lovelace", "Bob Zed", "Cy Young")),
                 found.structures)
    assert done is not None
    assert done.text.startswith("* Ada Lovelace, Bob Zed, and Cy Young. 2026. [A Paper About")


def test_a_paper_with_code_is_not_written_with_the_exemplars_framework() -> None:
    # yinyunie/3D-Shape-Analysis-Paper-List labels most code links `github`, a few by their
    # framework; after one of those, a new paper's code was `[[pytorch](…)]`.
    def rows(label: str, first: int, count: int) -> str:
        return "".join(f"- [[CVPR2021](https://arxiv.org/abs/2103.{n:05d})] Shape Paper {n} "
                       f"About Things [[{label}](https://github.com/o/r{n})]\n"
                       for n in range(first, first + count))
    cat = catalog.parse(f"# L\n## Detection\n{rows('github', 1, 8)}## Before 2021\n"
                        f"{rows('pytorch', 20, 4)}")
    found = induce(cat, cat.sections[-1])
    assert found is not None
    done = write(found, values(code_url="https://github.com/zoo/zebra-net"), found.structures)
    assert done is not None
    assert done.text.endswith("[[github](https://github.com/zoo/zebra-net)]")


def test_a_list_that_numbers_every_item_one_numbers_the_new_one_so() -> None:
    # ChandlerBang/awesome-self-supervised-gnn writes ` 1.` before every item, the renderer
    # counting. A ` 2.` on top, under a line of text, could not start the list and joined that
    # line's paragraph.
    def next_number(numbers: tuple[int, ...]) -> int | None:
        items = "".join(f" {n}. [ICML 2021] **Graph Paper Number {n} About Things** "
                        f"[[paper]](https://arxiv.org/abs/2101.0{n}001)\n" for n in numbers)
        cat = catalog.parse(f"# L\n## Papers\n  (papers of other fields)\n{items}")
        found = induce(cat, cat.sections[-1])
        assert found is not None
        return found.next_number

    assert next_number((1, 1, 1)) == 1
    assert next_number((1, 2, 3)) == 4
    # thunlp/GNNPapers: `1.` on 457 items, a stray `21.` among them (a maintainer's typo)
    assert next_number((1,) * 6 + (21,) + (1,) * 5) == 1
    # ChandlerBang/awesome-graph-attack-papers: a run `3.`…`9.` a contributor typed among
    # items all `1.`; the new last item was `10.`.
    assert next_number((1,) * 5 + tuple(range(3, 10)) + (1,) * 6) == 1
    assert next_number((1, 2, 3, 3)) == 4  # a typo's repeat is no lazy numbering


def test_a_list_numbering_every_item_one_numbers_a_lone_items_follower_one() -> None:
    # One item in the section cannot tell counting from `1.` everywhere; the list's others can.
    def item(n: int) -> str:
        return f"1. **[Reasoning Paper Number {n}](https://arxiv.org/abs/2501.0{n}001)**\n\n"

    cat = catalog.parse("# L\n## 2025\n\n" + item(1) + item(2) + item(3) + "## 2024\n\n"
                        + item(4))
    found = induce(cat, cat.sections[-1])
    assert found is not None and found.next_number == 1
    counting = catalog.parse(cat.render().replace(
        "1. **[Reasoning Paper Number 2", "2. **[Reasoning Paper Number 2"))
    found = induce(counting, counting.sections[-1])
    assert found is not None and found.next_number == 2


def test_a_badge_on_every_entry_is_markup_one_that_differs_is_a_value() -> None:
    # An item's badges tag its own task (`Image_Classification` on half the entries here, its
    # words common enough to be markup by themselves); the `arXiv` badge is on all of them.
    def row(name: str, task: str, n: int) -> str:
        return (f"- **{name} Prompt Learning Title** [![](https://img.shields.io/badge/arXiv-red)]"
                f"(https://arxiv.org/abs/2203.0{n}001) ![](https://img.shields.io/badge/{task}-green)")

    rows = [row("Alpha", "Image_Classification", 1), row("Beta", "Image_Classification", 2),
            row("Gamma", "Video_Retrieval", 3), row("Delta", "Action_Recognition", 4)]
    sealed = sealed_among(rows, 0)
    literal = "".join(p for p in sealed.parts if isinstance(p, str))
    assert "badge/arXiv-red" in literal and "Image_Classification" not in literal
    assert Slot("other", original="https://img.shields.io/badge/Image_Classification-green") \
        in sealed.parts


def test_a_short_name_of_letters_and_digits_is_a_value_never_copied() -> None:
    # Hannibal046/Awesome-LLM's milestone table: `| 2021-10 | T0 | … |` wrote `T0` into the
    # row of a paper with no name (`T` is no word of two letters, `0` no number alone).
    rows = ["| 2021-10 | T0 | [Multitask Prompted Training Enables Zero-Shot Task "
            "Generalization](https://arxiv.org/abs/2110.08207) |",
            "| 2021-12 | GLaM | [Efficient Scaling of Language Models with Mixture-of-Experts]"
            "(https://arxiv.org/abs/2112.06905) |",
            "| 2021-12 | Gopher | [Scaling Language Models: Methods, Analysis & Insights]"
            "(https://arxiv.org/abs/2112.11446) |"]
    header = "| Date | keywords | Paper |\n|---|---|---|\n"
    templates = [abstract(catalog.parse(header + r + "\n").entries[0]) for r in rows]
    found = [t for t in templates if t is not None]
    sealed = seal(found[0], constant_words(found))
    assert "T0" not in "".join(p for p in sealed.parts if isinstance(p, str))


def test_a_lists_own_number_of_a_paper_is_a_value_never_copied() -> None:
    # Event-AHU/Mamba_State_Space_Model_Paper_List numbers its papers per year: `[2022_009]`.
    rows = [f"* [2022_00{n}] [ECCV-2022] **{t} State Space Models**\n"
            f"  [[Paper](https://arxiv.org/abs/2204.0169{n})]"
            for n, t in ((9, "Long Movie Clips with"), (8, "Modeling Images with"),
                         (7, "Audio Generation with"))]
    sealed = sealed_among(rows, 0)
    assert "2022_009" not in "".join(p for p in sealed.parts if isinstance(p, str))


def test_a_count_glued_to_its_unit_is_a_value_never_left_behind() -> None:
    # Video-R1/Awesome-Multimodal-Reasoning's SFT column: `260k sft` left `260` in a new row.
    header = "| Date | Project | SFT | RL |\n|---|---|---|---|\n"
    rows = [f"| 25.03 | {title} [[📑Paper]](https://arxiv.org/abs/2503.0{n}) | {sft} | GRPO |"
            for n, (title, sft) in enumerate((
                ("CMMCoT: Complex Multi-Image Comprehension", "260k sft"),
                ("VisRL: Intention-Driven Visual Perception", "warm up"),
                ("Embodied-Reasoner: Visual Search and Action", "9.3k observation pairs")),
                start=1000)]
    templates = [abstract(catalog.parse(header + r + "\n").entries[0]) for r in rows]
    found = [t for t in templates if t is not None]
    for exemplar, value in ((found[0], "260k sft"), (found[2], "9.3k observation pairs")):
        assert Slot("other", original=value) in seal(exemplar, constant_words(found)).parts


def test_a_citations_volume_pages_and_a_count_of_stars_are_values() -> None:
    # floodsung/Deep-Learning-Papers-Reading-Roadmap: `Nature 521.7553 (2015): 436-444.`; a new
    # entry kept `.7553 (2026):`, and a note's `**(!)**`. htqin/awesome-model-quantization:
    # `[5.8k:star:]` was copied.
    rows = ['**[1]** LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. "**Deep learning**." '
            "Nature 521.7553 (2015): 436-444. [[pdf]](http://x.org/a.pdf) [5.8k:star:] "
            "**(Three Giants' Survey!)** :star::star:",
            '**[2]** Hinton, Geoffrey E., and Ruslan R. Salakhutdinov. "**Reducing the '
            'dimensionality of data**." Science 313.5786 (2006): 504-507. [[pdf]](http://x.org/'
            "b.pdf) [1k:star:] :star::star:"]
    sealed = sealed_among(rows, 0)
    for value in ("521.7553", "436-444", "5.8k"):
        assert Slot("other", original=value) in sealed.parts
    out = fill(sealed, values(authors=("Ada Lovelace",)))
    assert out.text == ('**[1]** Lovelace, Ada. "**A Paper About Things**." (2026). '
                        "[[pdf]](https://arxiv.org/abs/2604.01234) :star::star:")


def test_a_task_tag_goes_whole_with_its_abbreviating_stop() -> None:
    # Yochengliu/awesome-point-cloud-analysis: `[__`oth.`__]`, the exemplar's task; a new
    # entry said `[__`.`__]`.
    rows = ["- [[IROS](https://x.org/p1)] Analyzing the quality of matched 3D point clouds of "
            "objects. [__`oth.`__]",
            "- [[TPAMI](https://x.org/p2)] Structure-aware Data Consolidation. [__`cls.`__]"]
    out = fill(sealed_among(rows, 0), values(venue="CVPR"))
    assert out.text == "- [[CVPR](https://arxiv.org/abs/2604.01234)] A Paper About Things."


def test_a_year_glued_to_a_word_no_slot_reads_goes_with_it() -> None:
    # zhaoxin94/awesome-domain-adaptation: `[[CVRP2020 Oral]](…)`, a venue misspelt; its year
    # stayed behind as the list's own text, and a new entry said `[[2020 ]](…)`.
    rows = ["- Open Compound Domain Adaptation [[CVRP2020 Oral]](http://openaccess.thecvf.com/"
            "p.pdf) [[Pytorch]](https://github.com/zhmiao/ocda)",
            "- Discover, Hallucinate, and Adapt [[NeurIPS2020]](https://proceedings.neurips.cc/"
            "p.pdf)", "- Source-Free Open Compound [[TCSVT 2022]](https://ieeexplore.ieee.org/d)"]
    sealed = sealed_among(rows, 0)
    assert "2020" not in "".join(p for p in sealed.parts if isinstance(p, str))


def test_an_exemplar_that_is_no_arxiv_paper_is_passed_over() -> None:
    # BradyFU/Awesome-Multimodal-Large-Language-Models: the newest rows on top are model cards
    # and blog posts whose second column names a company, not a venue.
    head = "| Title | Venue | Date | Code |\n|---|---|---|---|\n"
    cards = "".join(f"| [**Model Card {n} Of Things**](https://blog.example.org/m{n}) | {who} "
                    f"| 2026-02-1{n} | - |\n"
                    for n, who in enumerate(("OpenAI", "Google", "Bytedance Seed"), start=1))
    papers = "".join(f"| [**Paper {n} About Things**](https://arxiv.org/pdf/2512.0{n}001) | arXiv "
                     f"| 2025-12-0{n} | - |\n" for n in range(1, 4))
    text = _written(f"# L\n## Papers\n{head}{cards}{papers}")
    assert "| arXiv |" in text and "arxiv.org/pdf/2604.01234" in text


# Sun-Haoyuan23's list (history-dev): papers, and a section of open-source projects.
SUN_PAPERS = (
    "* [2508] [VITAL] [Thinking With Videos: Multimodal Tool-Augmented RL for Long Video "
    "Reasoning](https://arxiv.org/abs/2508.04416)  [[Project 🌐](https://zhang9302002.github.io/"
    "thinkingwithvideos-page/)] [[Code 💻](https://github.com/zhang9302002/ThinkingWithVideos)]\n\n"
    "* [2509] [ReVPT] [Reinforced Visual Perception with Tools](https://arxiv.org/abs/2509.01656)"
    "  [[Code 💻](https://github.com/ls-kelvin/REVPT)]\n")
SUN_PROJECTS = (
    "* [EasyR1 💻](https://github.com/hiyouga/EasyR1)  ![EasyR1](https://img.shields.io/github/"
    "stars/hiyouga/EasyR1) (An Efficient, Scalable, Multi-Modality RL Training Framework)\n")


def test_a_section_of_projects_borrows_the_lists_paper_entries() -> None:
    cat = catalog.parse(f"# L\n## Papers\n\n{SUN_PAPERS}\n## Training Framework 🗼\n\n"
                        f"{SUN_PROJECTS}")
    found = section_templates(cat, cat.sections[2])
    assert found is not None
    written = write(found, values(title="Zebra-Net: Quokka Alignment", arxiv_id="2611.04567",
                                  yymm="2611", name="Zebra-Net"), found.structures)
    assert written is not None
    assert written.text.startswith("* [2611] [Zebra-Net] [Zebra-Net: Quokka Alignment]"
                                   "(https://arxiv.org/abs/2611.04567)")
    assert "hiyouga" not in written.text


# showlab's list (history-dev), its commercial products: the maker links the product's page.
PRODUCTS = [
    "+ [Veo 2](https://sora.com/) ([Google](https://deepmind.google/technologies/veo/veo-2/))  \n"
    "  [![Website](https://img.shields.io/badge/Website-9cf)](https://deepmind.google/"
    "technologies/veo/veo-2/)",
    "+ [Gen 3](https://app.runwayml.com/login) ([Runway](https://runwayml.com/))  \n"
    "  [![Website](https://img.shields.io/badge/Website-9cf)](https://app.runwayml.com/login)",
    "+ [Dream Machine](https://lumalabs.ai/dream-machine) ([Luma AI](https://lumalabs.ai/"
    "dream-machine))  \n  [![Website](https://img.shields.io/badge/Website-9cf)](https://"
    "lumalabs.ai/dream-machine)",
]


def test_a_link_labelled_with_the_exemplars_own_words_goes_whole() -> None:
    sealed = sealed_among(PRODUCTS, -1)
    assert Slot("other", original="Luma AI") in sealed.parts
    text = fill(sealed, values(title="Zebra-Net: Quokka Alignment", arxiv_id="2611.04567",
                               project_url="https://zoo.github.io/zebra/")).text
    assert text == ("+ [Zebra-Net: Quokka Alignment](https://arxiv.org/abs/2611.04567)  \n"
                    "  [![Website](https://img.shields.io/badge/Website-9cf)]"
                    "(https://zoo.github.io/zebra/)")


def test_another_papers_title_in_a_days_group_is_never_copied() -> None:
    # Xnhyacinth/Awesome-LLM-Long-Context-Modeling groups a day's papers under its date,
    # `- **[2026.05.27]**⏎  - Paper: [Title](…)⏎  - Paper: [CIVIC: End-to-End …](…)`. The
    # second title was a link's label with common words (`for`, `Models`), so the list's own
    # text: a new entry written from the group named CIVIC, linked to the new paper.
    titles = (("Periodic RoPE for Infinite Context", "CIVIC: End-to-End Sequence Compactness for "
               "Efficient Vision-Language Models"),
              ("ZipRL: Adaptive Multi-Turn Context Compression", "Self-Prophetic Decoding to "
               "Unlock Visual Search in LVLMs"),
              ("Gated DeltaNet-2: Decoupling Erase and Write", "Parallel Context Compaction for "
               "Long-Horizon Agent Serving"))
    rows = [f"- **[2026.05.2{n}]**\n  - Paper: [{a}](https://arxiv.org/abs/2605.2798{n})\n"
            f"  - Paper: [{b}](https://arxiv.org/abs/2605.2811{n})"
            for n, (a, b) in enumerate(titles, start=1)]
    literal = "".join(p for p in sealed_among(rows, 0).parts if isinstance(p, str))
    assert "CIVIC" not in literal and "Periodic" not in literal


# gaomingqi/Awesome-Video-Object-Segmentation: a coloured square per task, the month, the
# links, then the title.
SQUARES = [
    ":red_square: `AVOS`  `Mar`  &nbsp;&nbsp;&nbsp;-&nbsp;&nbsp;&nbsp; [paper](https://arxiv.org/"
    "pdf/2603.14203) / [code](https://github.com/happylife-pk/SDAVS) &nbsp;&nbsp;&nbsp;-&nbsp;"
    "&nbsp;&nbsp; Selective Noise Suppression for Robust Audio-Visual Segmentation",
    ":orange_square: `RVOS` `Feb` &nbsp;&nbsp;&nbsp;-&nbsp;&nbsp;&nbsp; [paper](https://arxiv.org/"
    "pdf/2602.12173) / [code](https://github.com/SimonZeng7108/efficientsam3) &nbsp;&nbsp;&nbsp;"
    "-&nbsp;&nbsp;&nbsp; SAM3-LiteText: An Anatomical Study of the SAM3 Text Encoder",
]


def test_an_exemplars_emoji_is_dropped_whole_never_cut_to_a_broken_shortcode() -> None:
    text = fill(sealed_among(SQUARES, 0), values(
        title="Token Merging at Scale", arxiv_id="2611.04567", yymm="2611")).text
    assert text == ("`Nov`  &nbsp;&nbsp;&nbsp;-&nbsp;&nbsp;&nbsp; [paper](https://arxiv.org/pdf/"
                    "2611.04567) / &nbsp;&nbsp;&nbsp;-&nbsp;&nbsp;&nbsp; Token Merging at Scale")


def test_a_row_without_a_closing_pipe_keeps_none_when_a_cell_says_nothing() -> None:
    # ChenHsing/Awesome-Video-Diffusion-Models ends its rows with the date, no pipe after it; a
    # row whose code cell said the list's `-` was closed with a pipe the list never writes.
    head = "| Title | Code | Date\n|---|---|---\n"

    def row(n: int, code: str) -> str:
        return (f"| [Paper {n} about things](https://arxiv.org/abs/2604.0{n}001) | {code} "
                "| Nov., 2025\n")

    filled = "".join(row(n, f"[![Star](https://img.shields.io/github/stars/a/b{n}.svg)]"
                            f"(https://github.com/a/b{n})") for n in range(1, 4))
    other = "".join(row(n, "-") for n in range(4, 7))
    cat = catalog.parse(f"# L\n## Filled\n{head}{filled}\n## Other\n{head}{other}")
    found = induce(cat, next(s for s in cat.sections if s.heading == "Filled"))
    assert found is not None
    written = write(found, values(), found.structures)
    assert written is not None
    assert written.text.strip().endswith("| - | Apr., 2026"), written.text


def test_a_value_shown_twice_is_one_value_the_paper_lacks() -> None:
    # ChenHsing/Awesome-Video-Diffusion-Models: `[![Star](…/stars/{repo}…)]({code})` and a
    # project page; a paper without either lacked three values, and the one row outside arXiv
    # (no badge, no link) became the model for an arXiv paper.
    template = Template(parts=(
        "| [", Slot("title", original="T"), "](", Slot("paper", original="https://arxiv.org/abs/1"),
        ") |[![Star](", Slot("repo", original="https://img.shields.io/github/stars/a/b.svg"),
        ")](", Slot("code", original="https://github.com/a/b"), ")|[![Website](x)](",
        Slot("project", original="https://a.github.io/b/"), ") |"), kind="table", line=1)
    assert fillable(template, values()) == 2
    assert fillable(template, values(code_url="https://github.com/o/r")) == 1


def test_rows_that_differ_in_padding_or_in_a_cell_of_an_unknown_value_are_one_form() -> None:
    # BradyFU's rows with a stars badge write their demo column three ways (a link, `-`, a word);
    # counted apart, the one newest row without a badge outweighed them for a paper with code.
    def row(badge: bool, demo: str, pad: str = " ") -> Template:
        head: tuple[str | Slot, ...] = (
            ("|", "![Star](", Slot("repo", original="r"), ") <br> [**") if badge else ("| [**",))
        return Template(parts=(*head, Slot("title", original="T"), "**](",
                               Slot("paper", original="u"), f"){pad}|{pad}arXiv | [Github](",
                               Slot("code", original="c"), f") | {demo} |"), kind="table", line=1)
    other = Slot("other", original="d")
    linked = Template(parts=(*row(True, "").parts[:-1], ") | [Demo](", other, ") |"),
                      kind="table", line=1)
    named = Template(parts=(*row(True, "").parts[:-1], ") | ", other, " |"), kind="table", line=1)
    newest = row(False, "-")
    section = SectionTemplates(templates=(row(True, "-", "   "), linked, named, newest),
                               weights=(1.0, 1.0, 1.0, 1.5))
    assert section.typicality(row(True, "-")) > section.typicality(newest)


def test_a_section_of_one_entry_writes_the_lists_badge_with_the_papers_date() -> None:
    # mbzuai-oryx/Awesome-LLM-Post-training: `![](https://img.shields.io/badge/arXiv-2025.07-red)`
    # after most papers, but not at the top or bottom of the list; the words of the badge's
    # address were read from the list's ends only, were not the list's, and in a section of one
    # entry the badge was dropped.
    def plain(n: int) -> str:
        return f"* [Plain Paper Number {n} on Things](https://arxiv.org/abs/2401.{n:05d})\n"

    def badged(n: int) -> str:
        return (f"* Badged Paper Number {n} on Things [[Paper]](https://arxiv.org/abs/2502.{n:05d})"
                f" ![](https://img.shields.io/badge/arXiv-2025.02-red)\n")
    text = ("# L\n## Top\n" + "".join(plain(n) for n in range(1, 21))
            + "## Middle\n" + "".join(badged(n) for n in range(1, 41))
            + "## One\n" + badged(99) + "## Bottom\n" + "".join(plain(n) for n in range(21, 41)))
    cat = catalog.parse(text)
    one = cat.section("One")
    assert one is not None and len(one.entries) == 1
    found = section_templates(cat, one)
    assert found is not None
    written = write(found, values(title="Zebra-Net: Quokka Alignment", arxiv_id="2611.04567",
                                  yymm="2611"), found.structures)
    assert written is not None
    assert written.text == ("* Zebra-Net: Quokka Alignment [[Paper]](https://arxiv.org/abs/"
                            "2611.04567) ![](https://img.shields.io/badge/arXiv-2026.11-red)")


def test_an_exemplar_that_leaves_emphasis_open_is_no_model() -> None:
    # AlonzoLeeeooo/awesome-video-generation: `**T2V-CompBench:***`, a maintainer's typo on the
    # newest entry; a new entry copied it, `**Zebra-Net:***`, emphasis left open.
    rows = ["- [ICLR 2019] ***FVD:*** A New Metric for Video Generation [[Paper]]"
            "(https://arxiv.org/abs/1812.01717)",
            "- [CVPR 2025] **T2V-CompBench:*** A Comprehensive Benchmark for Compositional "
            "Generation [[Paper]](https://arxiv.org/abs/2407.14505)"]
    cat = catalog.parse("# L\n## Evaluation Metrics\n" + "\n".join(rows) + "\n")
    found = induce(cat, cat.sections[-1])
    assert found is not None
    done = write(found, values(name="Zebra-Net"), found.structures)
    assert done is not None
    assert done.text.startswith("- [arXiv 2026] ***Zebra-Net:*** A Paper About Things")


def test_a_list_that_counts_its_papers_in_brackets_counts_on() -> None:
    # extreme-assistant/CVPR2024-Paper-Code-Interpretation: `[14]Title<br>`, newest first.
    entries = catalog.parse("".join(
        f"[{n}]Going Deeper With Convolutions Number {n}<br>\n[paper](https://arxiv.org/abs/"
        f"1409.48{n:02d})<br><br>\n\n" for n in (14, 13, 12))).entries
    assert len(entries) == 3
    assert next_number(entries) == 15
