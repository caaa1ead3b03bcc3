"""Style inference from real lists: each section's own habits, by majority vote."""

from __future__ import annotations

import pytest
from catalog_files import AMUSI, BWLONG_HEAD, JINDONGGU, MULTIMODAL, SEED, parse

from promptbot import catalog
from promptbot.entries.style import VENUE_LABEL, EntryStyle, cells, infer_style


def style_of(name: str, heading: str) -> EntryStyle:
    cat = parse(name)
    section = cat.section(heading)
    assert section is not None, heading
    return infer_style(cat, section)


@pytest.mark.parametrize(
    ("name", "heading", "head", "quote", "middle", "label", "code"),
    [
        (SEED, "Prompt Learning/Tuning", "* **{name}**: ", '"',
         ", {venue}, {year} (*{affiliation}*). ", "Paper", "PyTorch"),
        (SEED, "Prompt Learning/Tuning(已读)", "* **{name}**：", '"',
         ",{venue},{year}(*{affiliation}*)", "Paper", "Code"),
        # Newest first: the entries at the end, where a new one goes, use a full-width colon.
        (BWLONG_HEAD, "Prompt Learning(arxiv): *Updating by Jiajia Zhang*", "* **{name}**：", "",
         "(*{affiliation}*)", VENUE_LABEL, "PyTorch"),
        (BWLONG_HEAD, "CLIP Variants: *Updating by Siyu He*", "* **{name}**: ", "",
         "({affiliation}).", VENUE_LABEL, "PyTorch"),
        (MULTIMODAL, "Prompt Learning/Tuning", "* **{name}**: ", '"',
         ", {venue}, {year} (*{affiliation}*). ", "Paper", "PyTorch"),
        (MULTIMODAL, "Visual Captioning", "    * **{name}**: ", '"',
         ", {venue}, {year} (*{affiliation}*). ", "Paper", "PyTorch"),
    ],
)
def test_bullet_styles_of_real_sections(
    name: str, heading: str, head: str, quote: str, middle: str, label: str, code: str
) -> None:
    style = style_of(name, heading)
    assert (style.kind, style.head, style.quote, style.middle) == ("bullet", head, quote, middle)
    assert (style.links.paper_label, style.links.code_label) == (label, code)
    assert style.unknown_name == "?"


def test_venue_labels_show_the_arxiv_month_and_link_spacing() -> None:
    style = style_of(BWLONG_HEAD, "Prompt Learning(arxiv): *Updating by Jiajia Zhang*")
    assert style.links.arxiv_date == "yymm" and style.links.joiner == ""
    spaced = style_of(BWLONG_HEAD, "CLIP Variants: *Updating by Siyu He*")
    assert spaced.links.joiner == " "
    assert (style.links.before, style.links.after) == ("[", "]")
    # One pdf link (CoOp), then one abs link (CLIP-Adapter): the one nearer the end wins.
    assert style_of(SEED, "Papers").links.paper_url == "abs"
    pdf = catalog.parse("# L\n## S\n" + "".join(
        f"* **N{i}**: T{i} [[arXiv 2301](https://arxiv.org/pdf/2301.0000{i})]\n" for i in range(3)))
    assert infer_style(pdf, pdf.sections[1]).links.paper_url == "pdf"


def test_a_table_section_takes_its_own_columns() -> None:
    style = style_of(JINDONGGU, "Prompting Model in Image-Text Matching (*e.g.* on CLIP)")
    assert style.kind == "table"
    assert style.columns == ("title", "venue", "year", "code", "")
    assert style.missing == "---" and style.links.code_label == "Github"
    assert len(style.widths) == 5


def test_another_rows_bare_code_url_is_no_placeholder_for_a_row_without_code() -> None:
    # TimeBreaker/MARL-papers-with-code: rows without edge bars, the code a bare URL that four
    # rows share (one codebase for several papers); a paper without code was written with it.
    rows = "".join(f"Value|[Method {n}: Things](https://arxiv.org/abs/1803.1148{n})|{code}|ICML|2018\n"
                   for n, code in enumerate(["https://github.com/oxwhirl/pymarl"] * 4
                                            + ["https://github.com/o/r", "https://github.com/p/q"]))
    cat = catalog.parse("# L\n## Algorithms\nCategory|Paper|Code|Accepted at|Year\n"
                        "--|:--:|:--:|:--:|--:\n" + rows)
    assert infer_style(cat, cat.sections[1]).missing == ""


def test_a_block_list_takes_its_line_labels() -> None:
    style = style_of(AMUSI, "CLIP")
    assert style.kind == "block"
    assert dict(style.labels) == {"paper": "- Paper: ", "code": "- Code: "}
    # An empty section of the same list falls back to the whole list's blocks.
    assert style_of(AMUSI, "Prompt").labels == style.labels


def test_an_empty_table_section_is_a_table() -> None:
    text = "# L\n### T\n\n| Paper | Venue | Year | Code |\n|---|---|---|---|\n\n## Next\n"
    cat = catalog.parse(text)
    section = cat.section("T")
    assert section is not None and not section.entries
    style = infer_style(cat, section)
    assert style.kind == "table" and style.columns == ("title", "venue", "year", "code")
    assert style.widths == ()


def test_a_list_without_entries_gets_the_default_style() -> None:
    cat = catalog.parse("# Papers\n\nNothing yet.\n")
    section = cat.section("Papers")
    assert section is not None
    assert infer_style(cat, section) == EntryStyle()


def test_cells_keep_spaces_and_escaped_pipes() -> None:
    assert cells("| a | b \\| c |  |\n") == [" a ", " b \\| c ", "  "]


def test_venues_are_spelled_the_way_the_list_spells_them() -> None:
    text = (
        "## S\n"
        '* **A**: "Alpha beta", NIPS, 2021 (*X*). [[Paper](https://arxiv.org/abs/2101.00001)]\n'
        '* **B**: "Beta gamma", NIPS, 2022 (*X*). [[Paper](https://arxiv.org/abs/2101.00002)]\n'
        '* **C**: "Gamma delta", NeurIPS, 2022 (*X*). [[Paper](https://arxiv.org/abs/2101.00003)]\n'
        '* **D**: "Delta eps", arxiv, 2022 (*X*). [[Paper](https://arxiv.org/abs/2101.00004)]\n'
    )
    cat = catalog.parse(text)
    section = cat.section("S")
    assert section is not None
    style = infer_style(cat, section)
    assert style.venue("NeurIPS") == "NIPS" and style.venue("CVPR") == "CVPR"
    assert style.venue("arXiv") == "arxiv"


@pytest.mark.parametrize(("text", "word"), [
    # atfortes/Awesome-LLM-Reasoning (63 `Preprint'2x`) and VainF/Awesome-Anything: a preprint
    # was written `arXiv'26` wherever its exemplar was a published paper.
    ("## S\n1. **[Alpha Beta](https://arxiv.org/abs/2101.00001)**\n\n    *Ada Lovelace.* "
     "Preprint'23\n\n1. **[Gamma Delta](https://arxiv.org/abs/2101.00002)**\n\n    *Bob Zed.* "
     "Preprint'23\n\n1. **[Delta Eps](https://arxiv.org/abs/2101.00003)**\n\n    *Cy Twombly.* "
     "ACL'23\n", "Preprint"),
    # zhjohnchan/awesome-image-captioning: `- Xu K et al, `arXiv preprint 2017``, 23 times; a
    # preprint written from a published paper's exemplar said `arXiv 2026`.
    ("## S\n* [Alpha Beta](https://arxiv.org/abs/1701.00001) - Xu K et al, `arXiv preprint "
     "2017`.\n* [Gamma Delta](https://arxiv.org/abs/1701.00002) - Lu Y et al, `arXiv preprint "
     "2017`.\n* [Delta Eps](https://arxiv.org/abs/1701.00003) - Mun J et al, `AAAI 2017`.\n",
     "arXiv preprint"),
])
def test_a_list_writes_a_new_preprint_with_its_own_word_for_a_preprints_venue(
        text: str, word: str) -> None:
    cat = catalog.parse(text)
    section = cat.section("S")
    assert section is not None
    assert infer_style(cat, section).venue("arXiv") == word


@pytest.mark.parametrize(
    ("name", "heading", "keeps"),
    [
        (SEED, "Prompt Learning/Tuning", True),  # '**MaPLe**: "MaPLe: Multi-modal Prompt Learning"'
        (SEED, "Prompt Learning/Tuning(arxiv4月-)", False),  # none of 13 named titles keeps it
        (BWLONG_HEAD, "Prompt Learning(arxiv): *Updating by Jiajia Zhang*", False),  # CLIP-Adapter
        # '**DLIP**: DLIP: Distilling…'
        (BWLONG_HEAD, "CLIP Variants: *Updating by Siyu He*", True),
        # 4 named: the list's
        (BWLONG_HEAD, "In-context learning: *Updating by Yansheng Gao*", True),
        (MULTIMODAL, "Visual Captioning", True),
    ],
)
def test_whether_titles_keep_the_name_prefix_is_learned_per_section(
    name: str, heading: str, keeps: bool
) -> None:
    assert style_of(name, heading).title_keeps_name is keeps

