"""Tests for catalog parsing: byte-exact round trips, structure, and fields of real entries."""

from __future__ import annotations

import pytest
from catalog_files import (
    ALL_FILES,
    AMUSI,
    BWLONG_HEAD,
    CREDITS_AND_NOTES,
    DANELPENG,
    HARD_BREAKS,
    HISTORY_FILES,
    JINDONGGU,
    MMOT,
    MULTIMODAL,
    NESTED_AUTHORS,
    PARAGRAPH_LIST,
    QINYING,
    SAME_LEVEL_YEARS,
    SEED,
    SIBENCH,
    TWO_PARAGRAPHS,
    ZLKONG,
    parse,
    read,
    read_history,
)
from hypothesis import given
from hypothesis import strategies as st

from promptbot import catalog
from promptbot.models import Catalog

parsed = parse  # no cache: a test must not see another's parse


@pytest.mark.parametrize("name", ALL_FILES)
def test_every_real_catalog_round_trips_byte_for_byte(name: str) -> None:
    text = read(name)
    assert catalog.parse(text).render() == text


@pytest.mark.parametrize("name", ALL_FILES)
@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace("\n", " \t \n"),
        lambda t: t.rstrip("\n"),
        lambda t: "\ufeff" + t,
        lambda t: t.replace("\n", "\r"),
        lambda t: t.replace("    ", "\t"),
    ],
    ids=["crlf", "trailing-spaces", "no-final-newline", "bom", "cr", "tabs"],
)
def test_variants_round_trip_and_keep_the_entries(name: str, change: object) -> None:
    text = change(read(name))  # type: ignore[operator]
    result = catalog.parse(text)
    assert result.render() == text
    def fields(c: Catalog) -> list[tuple[int, int, str, tuple[str, ...]]]:
        return [(e.line, e.end_line, e.title, e.arxiv_ids) for e in c.entries]

    assert fields(result) == fields(parsed(name))


_MARKDOWNISH = st.text(alphabet=st.sampled_from(list("ab1.*-#|[]()\"：:`/ \t\r\n")))


@given(_MARKDOWNISH | st.text())
def test_any_text_round_trips(text: str) -> None:
    assert catalog.parse(text).render() == text


@given(st.lists(st.sampled_from(["\n", "\r\n", "\r", "x", "- **A**: \"T\"", "# H", "```"])))
def test_line_endings_are_kept_per_line(parts: list[str]) -> None:
    text = "".join(parts)
    lines = catalog.parse(text).lines
    assert "".join(lines) == text
    assert all(line.count("\n") + line.count("\r") - line.count("\r\n") <= 1 for line in lines)


# Counts a person gets, checked independently of the parser with line tools:
# seed: the bullets between `# Papers` (line 15) and `# Publications` (line 119) minus the three
#   `- ### ...:` pseudo-headings: 2 + 58 + 16 + 15 (ProTeCt spans lines 110-111, one entry);
# BWLONG: bullets with a `](http` link (58 / 115 / 171) plus ProTeCt, whose first line has none;
# multimodal: `grep -c '^ *[-*] \*\*'` = 1841; JindongGu: rows starting `| [` = 127;
# amusi: lines that are only `**Title**` = 109; How-to-PR: its one example entry.
EXPECTED_COUNTS = {
    SEED: 91,
    "BWLONG_Awesome-Prompt-Learning-CV_README_2023-05-22_64ace8e.md": 58,
    "BWLONG_Awesome-Prompt-Learning-CV_README_2023-08-05_3bc9a1a.md": 116,
    BWLONG_HEAD: 172,
    MULTIMODAL: 1841,
    JINDONGGU: 127,
    AMUSI: 109,
    "cmhungsteve_Awesome-Transformer-Attention_How-to-PR_2024-07-30_HEAD.md": 1,
}


def test_every_catalog_has_an_expected_count() -> None:
    assert set(EXPECTED_COUNTS) == set(ALL_FILES)


@pytest.mark.parametrize(("name", "count"), sorted(EXPECTED_COUNTS.items()))
def test_entry_counts_are_what_a_person_counts(name: str, count: int) -> None:
    result = parsed(name)
    assert len(result.entries) == count
    assert len(result.unparsed) < 0.01 * (count + len(result.unparsed))


def test_seed_sections_pseudo_headings_and_their_entries() -> None:
    sections = {s.heading: s for s in parsed(SEED).sections}
    assert [(s.heading, s.line, s.end_line, s.level, s.pseudo, len(s.entries))
            for s in parsed(SEED).sections] == [
        ("Awesome-Prompt-Learning-CV", 1, 7, 1, False, 0),
        ("Contents", 8, 14, 1, False, 0),
        ("Papers", 15, 19, 1, False, 2),
        ("Prompt Learning/Tuning", 20, 78, 3, True, 58),
        ("Prompt Learning/Tuning(已读)", 79, 96, 3, True, 16),
        ("Prompt Learning/Tuning(arxiv4月-)", 97, 118, 3, True, 15),
        ("Publications", 119, 128, 1, False, 0),
        ("Contributing & Contact", 129, 140, 1, False, 0),
        ("References", 141, 142, 2, False, 0),
    ]
    newest = sections["Prompt Learning/Tuning(arxiv4月-)"].entries
    assert newest[0].name == "XSGD" and newest[-1].name == "NPT"


def test_multimodal_sections_match_the_headings_counted_with_awk() -> None:
    counts = {s.heading: len(s.entries) for s in parsed(MULTIMODAL).sections}
    assert counts == {
        "Overview": 0, "Citation": 0, "Multi-Modality": 0, "Visual Captioning": 128,
        "Visual Question Answering": 152, "Visual Grounding": 125,
        "Multi-Modal Representation Learning": 345, "Multi-Modal Retrieval": 109,
        "Multi-Modal Generation": 184, "Prompt Learning/Tuning": 125,
        "Visual Document Understanding": 46, "Other Multi-Modal Tasks": 627,
    }


def test_amusi_keeps_its_empty_prompt_section() -> None:
    prompt = parsed(AMUSI).section("Prompt")
    assert prompt is not None and prompt.entries == () and prompt.level == 1
    assert len(parsed(AMUSI).section("其他(Others)").entries) == 13  # type: ignore[union-attr]


def test_multi_line_entries_are_one_entry() -> None:
    entries = {e.name: e for e in parsed(SEED).entries}
    ood, protect = entries["OOD"], entries["ProTeCt"]
    assert (ood.line, ood.end_line) == (81, 82)
    assert ood.code_urls == ("https://github.com/Aaditya-Singh/Low-Shot-Robustness",)
    assert (protect.line, protect.end_line) == (110, 111)
    assert protect.raw.count("\n") == 2 and protect.arxiv_ids == ("2306.02240",)


def test_entry_raw_is_its_exact_lines() -> None:
    result = parsed(BWLONG_HEAD)
    for entry in result.entries:
        assert entry.raw == "".join(result.lines[entry.line - 1:entry.end_line])


SYNTHETIC = """\
Intro text with a [link](https://example.org).

```markdown
# Not a heading
* **Fake**: "Inside a fence", CVPR, 2022. [[Paper](https://arxiv.org/abs/2201.00001)]
```
<!--
* **Hidden**: "Commented out", CVPR, 2022. [[Paper](https://arxiv.org/abs/2201.00002)]
-->
Setext Heading
==============
+ **Plus**: "A plus bullet", ICCV, 2021 (*Lab*). [[Paper](https://arxiv.org/abs/2101.00003)]
1. **Ordered**: "An ordered item", ECCV, 2020. [[Paper](https://arxiv.org/abs/2001.00004)]
## Sub ##
- [[Paper](https://arxiv.org/abs/2201.00005)]
- Paper: https://arxiv.org/abs/2201.00006
- [Contents](#contents)
- A prose bullet with *emphasis*.
- [A Tutorial (Blog)](https://blog.example.org/tutorial)
"""


def test_fences_comments_setext_and_bullet_kinds() -> None:
    result = catalog.parse(SYNTHETIC)
    assert [(s.heading, s.line, s.level) for s in result.sections] == [
        ("Setext Heading", 10, 1), ("Sub", 14, 2)]
    assert [e.name for e in result.entries] == ["Plus", "Ordered"]
    assert [u.line for u in result.unparsed] == [15, 16]
    assert result.render() == SYNTHETIC


def test_entries_above_the_first_heading_get_an_unnamed_section() -> None:
    text = '* **A**: "Before any heading", CVPR, 2022. [[Paper](https://arxiv.org/abs/2201.00001)]\n'
    result = catalog.parse(text + "# After\n")
    assert [(s.heading, s.level, len(s.entries)) for s in result.sections] == [("", 0, 1),
                                                                               ("After", 1, 0)]


def test_heading_text_drops_markers_and_trailing_colons() -> None:
    text = "### Prompt Learning/Tuning:\n- ### Pseudo：\n## Closed ##\n####### seven\n#nospace\n"
    result = catalog.parse(text)
    assert [(s.heading, s.level, s.pseudo) for s in result.sections] == [
        ("Prompt Learning/Tuning", 3, False), ("Pseudo", 3, True), ("Closed", 2, False)]


def test_empty_text_is_an_empty_catalog() -> None:
    result = catalog.parse("")
    assert result.lines == () and result.sections == () and result.render() == ""


def test_front_matter_is_not_a_heading() -> None:
    text = "---\ntitle: Papers\n---\n# List\n* **A**: \"A title here\", CVPR, 2022.\n"
    result = catalog.parse(text)
    assert [(s.heading, s.line) for s in result.sections] == [("List", 4)]
    assert [e.title for e in result.entries] == ["A title here"]


@given(st.lists(st.sampled_from([
    "# H1\n", "## H2 ##\n", "- ### Pseudo:\n", "\n", "```\n", "<!--\n", "-->\n", "text\n",
    "> ### Quoted\n", "<h4>2025</h4>\n", "**2024**\n", "* Group:\n", "<table>\n", "</table>\n",
    "<tr><td><a href=\"https://arxiv.org/abs/2101.00007\">An HTML Row</a></td></tr>\n",
    "  * [A Nested Title](https://arxiv.org/abs/2101.00008)\n",
    "<!-- * **Old**: \"Retired\", CVPR, 2020. [[Paper](https://arxiv.org/abs/2001.00009)] -->\n",
    "===\n", "| a | b |\n", "|---|---|\n", "| [T](https://x.org) | 2022 |\n", "**Bold Title**\n",
    "- Paper: https://arxiv.org/abs/2101.00001\n", "[[Code](https://github.com/a/b)]\n",
    '* **N**: "A Title", CVPR, 2022 (*Org*). [[Paper](https://arxiv.org/abs/2101.00002)]\n',
    "- Title only [[CVPR 2022](https://openreview.net/x)]\r\n", "(*Org*)[[arXiv 2306](x)]",
])))
def test_structure_invariants_on_markdownish_text(parts: list[str]) -> None:
    text = "".join(parts)
    result = catalog.parse(text)
    assert result.render() == text
    previous_end = 0
    for section in result.sections:
        assert previous_end < section.line <= section.end_line
        previous_end = section.end_line
        for entry in section.entries:
            assert section.line <= entry.line <= entry.end_line <= len(result.lines)
            assert entry.raw == "".join(result.lines[entry.line - 1:entry.end_line])
            assert entry.title
    taken = {n for e in result.entries for n in range(e.line, e.end_line + 1)}
    assert not taken & {u.line for u in result.unparsed}
    assert [e.line for e in result.entries] == sorted(e.line for e in result.entries)


@pytest.mark.parametrize("name", HISTORY_FILES)
def test_history_slices_round_trip_and_every_section_has_a_path(name: str) -> None:
    text = read_history(name)
    result = catalog.parse(text)
    assert result.render() == text
    for section in result.sections:
        assert section.path[-1] == section.heading
    for group in result.groups:
        assert group.kind == "group" and group.pseudo


def test_year_subsections_have_their_topic_in_the_path() -> None:
    result = catalog.parse(read_history(ZLKONG))
    years = [s.path[-2:] for s in result.sections if s.heading == "2026"]
    assert years == [("🌁 Vision", "2026"), ("📝 Language", "2026")]
    vision = next(s for s in result.sections if s.path[-2:] == ("🌁 Vision", "2026"))
    assert vision.level == 4 and len(vision.entries) == 11  # `* [**VENUE'YY**] ...` lines 42-52


def test_years_after_a_topic_label_at_their_own_level_are_the_topics() -> None:
    result = catalog.parse(read_history(SAME_LEVEL_YEARS))
    years = [s.path for s in result.sections if s.heading in ("2025", "2024")]
    topics = ("🔤 Reasoning in Large Language Models - An Emergent Ability",
              "🧠 Multimodal Reasoning in Large Language Models",
              "🤏 Scaling Smaller Language Models to Reason")
    assert years == [("Technique", topic, year) for topic in topics for year in ("2025", "2024")]
    # The next topic heading closes the years of the one before; a heading after them at the
    # topics' parent level is back at the top.
    topic, other = result.section(topics[1]), result.section("Other Useful Resources")
    assert topic is not None and topic.path == ("Technique", topics[1])
    assert other is not None and other.path == ("Other Useful Resources",)


def test_a_year_after_a_heading_with_entries_of_its_own_is_its_sibling() -> None:
    text = ("## Surveys\n\n- [A survey of prompts](https://arxiv.org/abs/2401.00001)\n\n"
            "## 2024\n\n- [Prompt tuning](https://arxiv.org/abs/2402.00001)\n\n"
            "## Tools\n\n## 2023\n\n- [Prompt tools](https://arxiv.org/abs/2301.00001)\n")
    result = catalog.parse(text)
    assert [s.path for s in result.sections] == [("Surveys",), ("2024",), ("Tools",),
                                                 ("Tools", "2023")]


def test_an_item_of_two_paragraphs_is_one_entry_with_what_both_say() -> None:
    result = catalog.parse(read_history(TWO_PARAGRAPHS))
    prompt = result.section("Prompt")
    assert prompt is not None and len(prompt.entries) == 7
    first = prompt.entries[0]
    # `- **Learning to Prompt …,** IJCV 2022 (arXiv:2109.01134). ![](…)` (5), a blank line,
    # `  *Kaiyang Zhou, …, Ziwei Liu.* [[Paper](…)][[Code](…)]` (7)
    assert (first.line, first.end_line) == (5, 7)
    assert first.title == "Learning to Prompt for Vision-Language Models"
    assert first.authors == ("Kaiyang Zhou", "Jingkang Yang", "Chen Change Loy", "Ziwei Liu")
    assert first.code_urls == ("https://github.com/KaiyangZhou/CoOp",)
    # The second paragraphs were entries of their own, titled by their authors.
    assert not [e for e in result.entries if e.kind == "paragraph"]


def test_numbered_items_whose_second_paragraph_credits_the_authors_and_venue() -> None:
    result = catalog.parse(read_history(SAME_LEVEL_YEARS))
    first, second = result.sections[2].entries
    assert result.lines[first.end_line - 1].strip().startswith("*Nuo Chen, Zhiyuan Hu,")
    assert first.authors[:2] == ("Nuo Chen", "Zhiyuan Hu")
    assert (first.venue, first.year) == ("Preprint", 2025)
    assert (second.venue, second.year) == ("ICML", 2025)


def _chatbot_item(n: int, title: str) -> str:
    # zjr2000/Awesome-Multimodal-Chatbot: the paper's link in a second paragraph that starts
    # with inline code of three backticks (no code fence: a backtick follows on the line).
    return (f"- **{title}** [![Star](https://img.shields.io/github/stars/lab/m{n}.svg?style="
            f"social&label=Star)](https://github.com/lab/m{n})\n  \n  ```arXiv 2023/0{n}``` "
            f"[[paper]](https://arxiv.org/abs/230{n}.0800{n}) [[code]](https://github.com/lab/m{n})"
            "\n\n\n")


def test_a_second_paragraph_opening_with_inline_code_is_the_items_and_no_code_fence() -> None:
    text = "## Multimodal Instruction Tuning\n\n" + "".join(
        _chatbot_item(n, t) for n, t in enumerate(
            ("Visual Instruction Tuning for Large Language Models",
             "MiniGPT-4: Enhancing Vision-Language Understanding",
             "Otter: A Multi-Modal Model with In-Context Instruction Tuning"), 1))
    result = catalog.parse(text)
    assert [e.arxiv_ids for e in result.entries] == [("2301.08001",), ("2302.08002",),
                                                     ("2303.08003",)]
    first = result.entries[0]
    assert first.title == "Visual Instruction Tuning for Large Language Models"
    assert (first.line, first.end_line) == (3, 5)
    fenced = catalog.parse("## Code\n\n```\n- [A paper](https://arxiv.org/abs/2301.08001)\n```\n")
    assert not fenced.entries


def test_one_item_of_two_paragraphs_alone_is_one_entry() -> None:
    # As the render check reads a new entry back: alone, with no other items to go by.
    result = catalog.parse(_chatbot_item(4, "Zebra-Net: Quokka Alignment for Wombat Segmentation"))
    assert [e.arxiv_ids for e in result.entries] == [("2304.08004",)]


def test_notes_under_a_few_items_are_no_part_of_their_entries() -> None:
    items = [f"- [Prompt paper {n}](https://arxiv.org/abs/2401.0000{n}), CVPR 2024.\n\n"
             for n in range(1, 5)]
    items[1] += "  Our note: read it twice.\n\n"
    result = catalog.parse("## Papers\n\n" + "".join(items))
    noted = result.entries[1]
    assert len(result.entries) == 4 and noted.end_line == noted.line
    assert noted.item_end_line == noted.line + 2


def test_quoted_headings_nest_under_the_real_ones() -> None:
    result = catalog.parse(read_history(DANELPENG))
    survey = result.section("Survey")
    assert survey is not None and survey.kind == "quote"
    assert survey.path[-2:] == ("Methods 🌟", "Survey") and len(survey.entries) == 9


def test_html_table_rows_are_entries_with_fields() -> None:
    result = catalog.parse(read_history(SIBENCH))
    section = result.section("Multi-View Images")
    assert section is not None and len(section.entries) == 11  # `grep -c '<tr>'` less the header
    first = section.entries[0]
    assert first.kind == "html" and first.raw.lstrip().startswith("<tr>")
    assert first.raw.rstrip().endswith("</tr>")
    assert first.title and first.arxiv_ids and first.venue


def test_numbered_lists_with_anchors_are_entries() -> None:
    result = catalog.parse(read_history(QINYING))
    weakly = next(s for s in result.sections if s.heading.startswith("Weakly-Supervised Open"))
    assert len(weakly.entries) == 28
    assert all(e.raw[:1].isdigit() for e in weakly.entries)


def test_bullet_sub_groups_are_recorded_with_their_entries() -> None:
    result = parse(MULTIMODAL)
    captioning = [g for g in result.groups if g.path[-2] == "Visual Captioning"]
    assert [(g.heading, len(g.entries)) for g in captioning] == [
        ("General", 92), ("Video", 31), ("3D", 4), ("Others", 1)]
    section = result.section("Visual Captioning")
    assert section is not None and len(section.entries) == 128  # the sections are unchanged


HIDDEN = """\
# Papers
* **Kept**: "A Listed Paper", CVPR, 2022. [[Paper](https://arxiv.org/abs/2201.00001)]
<!-- * **Gone**: "A Retired Paper", CVPR, 2021. [[Paper](https://arxiv.org/abs/2101.00002)] -->
<!--
* **Also**: "Another Retired Paper", ICCV, 2021. [[Paper](https://arxiv.org/abs/2101.00003)]
* **Third**: "A Third Retired Paper", ECCV, 2020. [[Paper](https://arxiv.org/abs/2001.00004)]
-->
<!-- a note, not an entry -->
"""


def test_commented_out_entries_are_hidden_not_listed() -> None:
    result = catalog.parse(HIDDEN)
    assert [e.name for e in result.entries] == ["Kept"]
    assert [(e.name, e.line, e.arxiv_ids) for e in result.hidden] == [
        ("Gone", 3, ("2101.00002",)), ("Also", 5, ("2101.00003",)),
        ("Third", 6, ("2001.00004",))]
    assert result.hidden[0].raw == result.lines[2]
    assert result.render() == HIDDEN


def test_bold_lines_above_lists_are_pseudo_headings_but_amusi_blocks_stay_entries() -> None:
    text = "## Topic\n\n**2024**\n\n- [A Paper Title](https://arxiv.org/abs/2401.00001)\n"
    result = catalog.parse(text)
    assert [(s.heading, s.kind, s.path) for s in result.sections] == [
        ("Topic", "atx", ("Topic",)), ("2024", "bold", ("Topic", "2024"))]
    assert len(parse(AMUSI).entries) == 109 and not any(
        s.kind == "bold" for s in parse(AMUSI).sections)


# --- behaviours pinned so that a change to any of them fails a test ------------------------------

COOP = ('* **CoOp**: "Learning to Prompt for Vision-Language Models", IJCV, 2022.'
        " [[Paper](https://arxiv.org/abs/2109.01134)]\n")
VPT = '* **VPT**: "Visual Prompt Tuning", ECCV, 2022. [[Paper](https://arxiv.org/abs/2203.12119)]\n'


def _shape(text: str) -> list[tuple[str, int, int, list[tuple[int, int]]]]:
    cat = catalog.parse(text)
    assert cat.render() == text
    return [(s.heading, s.level, s.line, [(e.line, e.end_line) for e in s.entries])
            for s in cat.sections]


def test_a_back_to_overview_line_is_neither_an_entry_nor_part_of_one() -> None:
    text = f"# A\n{COOP}[[Back to Overview](#overview)]\n{VPT}"
    assert _shape(text) == [("A", 1, 1, [(2, 2), (4, 4)])]
    assert catalog.parse(text).unparsed == ()


def test_front_matter_over_several_lines_is_skipped_whole() -> None:
    text = f"---\ntitle: x\nlist:\n  - a\n# not a heading\n---\n# A\n{COOP}"
    assert _shape(text) == [("A", 1, 7, [(8, 8)])]


def test_an_html_comment_over_several_lines_hides_what_is_inside() -> None:
    text = f"# A\n<!-- a comment\n{COOP}  still the comment -->\n{VPT}"
    assert _shape(text) == [("A", 1, 1, [(5, 5)])]


def test_a_shorter_fence_does_not_close_a_longer_one() -> None:
    text = f"# A\n````\n{COOP}```\n{VPT}````\n{COOP}"
    assert _shape(text) == [("A", 1, 1, [(7, 7)])]


def test_setext_headings_are_sections() -> None:
    text = f"Papers\n---\n{COOP}\nOther\n===\n{VPT}"
    assert _shape(text) == [("Papers", 2, 1, [(3, 3)]), ("Other", 1, 5, [(7, 7)])]


# amusi's block entries: a `**Title**` line, then `- Paper:`/`- Code:` lines (lines 330-332 and
# 113-116 of the amusi copy), with or without the blank line a maintainer leaves after the title.
NOISY = "**Noisy-Correspondence Learning for Text-to-Image Person Re-identification**\n"
NOISY_PAPER = "- Paper: https://arxiv.org/abs/2308.09911\n"
AVATAR = ("**GaussianAvatar: Towards Realistic Human Avatar Modeling from a Single Video via"
          " Animatable 3D Gaussians**\n")
AVATAR_KEYS = ("- Paper: https://arxiv.org/abs/2312.02134\n"
               "- Code: https://github.com/huliangxiao/GaussianAvatar\n")


@pytest.mark.parametrize("gap", ["\n", ""], ids=["blank-after-title", "no-blank"])
def test_a_bold_title_over_key_lines_is_one_block_entry(gap: str) -> None:
    text = f"## 3DGS\n\n{NOISY}{gap}{NOISY_PAPER}\n{AVATAR}{gap}{AVATAR_KEYS}\n# Next\n"
    result = catalog.parse(text)
    assert result.render() == text
    g = len(gap)  # 1 if each title has a blank line under it
    assert [(e.kind, e.line, e.end_line, e.arxiv_ids, e.code_urls) for e in result.entries] == [
        ("block", 3, 4 + g, ("2308.09911",), ()),
        ("block", 6 + g, 8 + 2 * g, ("2312.02134",),
         ("https://github.com/huliangxiao/GaussianAvatar",)),
    ]
    assert [(s.heading, len(s.entries)) for s in result.sections] == [("3DGS", 2), ("Next", 0)]


def test_a_blocks_keys_may_be_written_in_two_languages() -> None:
    # DWCTOD/CVPR2024-Papers-with-Code-Demo keys its lines `- 论文/Paper:` and `- 代码/Code:`: the
    # titles were read as headings, and each key line as an entry titled `论文/Paper`.
    text = ("## Diffusion Model\n\n**Diff-Plugin: Revitalizing Details for Diffusion-based "
            "Low-level Tasks**\n\n- 论文/Paper: http://arxiv.org/pdf/2403.00644\n- 代码/Code: None"
            "\n\n**MACE: Mass Concept Erasure in Diffusion Models**\n\n- 论文/Paper: "
            "http://arxiv.org/pdf/2403.06135\n- 代码/Code: https://github.com/Shilin-LU/MACE\n")
    result = catalog.parse(text)
    assert [(s.heading, len(s.entries)) for s in result.sections] == [("Diffusion Model", 2)]
    assert [(e.kind, e.title, e.arxiv_ids) for e in result.entries] == [
        ("block", "Diff-Plugin: Revitalizing Details for Diffusion-based Low-level Tasks",
         ("2403.00644",)),
        ("block", "MACE: Mass Concept Erasure in Diffusion Models", ("2403.06135",))]


@pytest.mark.parametrize("front", [
    "--- \ntitle: Papers\n# a YAML comment\n... \n",  # trailing spaces; `...` ends YAML too
    "---\n---\n",  # an empty front matter
])
def test_front_matter_forms_end_where_yaml_ends(front: str) -> None:
    text = f"{front}# A\n---\n{COOP}"
    start = front.count("\n")
    assert _shape(text) == [("A", 1, start + 1, [(start + 3, start + 3)])]


def test_an_unclosed_front_matter_line_is_just_a_rule() -> None:
    assert _shape(f"---\n# A\n{COOP}") == [("A", 1, 2, [(3, 3)])]


def _jindonggu_table() -> list[str]:
    """JindongGu's first table: its header, delimiter and first two rows (lines 51-54)."""
    return read(JINDONGGU).splitlines()[50:54]


@pytest.mark.parametrize("layout", [
    lambda rows: rows,
    lambda rows: [r.strip().strip("|") for r in rows],  # GFM's outer pipes are optional
    lambda rows: rows[:2] + [r.strip().strip("|") for r in rows[2:]],  # ... row by row
    lambda rows: ["|".join(c.strip() for c in r.split("|")) for r in rows],  # no padding
], ids=["as-published", "no-outer-pipes", "rows-without-pipes", "compact"])
def test_table_rows_read_the_same_in_every_pipe_layout(layout: object) -> None:
    text = "## Pre-training\n" + "\n".join(layout(_jindonggu_table())) + "\n"  # type: ignore[operator]
    result = catalog.parse(text)
    assert result.render() == text
    assert [(e.kind, e.line, e.title, e.venue, e.year, e.code_urls) for e in result.entries] == [
        ("table", 4, "Unifying Vision-and-Language Tasks via Text Generation", "ICML", 2021,
         ("https://github.com/j-min/VL-T5",)),
        ("table", 5, "SimVLM: Simple Visual Language Model Pretraining with Weak Supervision",
         "ICLR", 2022, ("https://github.com/YulongBonjour/SimVLM",)),
    ]


@pytest.mark.parametrize("layout", [
    lambda rows: rows,
    lambda rows: [r.strip("|") for r in rows],
    lambda rows: ["| " + " | ".join(r.strip("|").split("|")) + " |" for r in rows],
], ids=["as-published", "no-outer-pipes", "padded"])
def test_a_link_in_the_last_column_is_kept_whole(layout: object) -> None:
    """SAM4MIS's table ends each row with its code link (lines 4-7 of the slice)."""
    rows = read_history("YichiZhang98_SAM4MIS_2734930.md").splitlines()[3:7]
    text = "\n".join(layout(rows)) + "\n"  # type: ignore[operator]
    result = catalog.parse(text)
    assert result.render() == text
    assert [(e.line, e.code_urls) for e in result.entries] == [
        (3, ("https://github.com/YichiZhang98/SegAnyPET",)),
        (4, ("https://github.com/jiesihu/Neuroverse3D",)),
    ]


@pytest.mark.parametrize("rule", ["***", "___", "- - -", "===", "--"])
def test_a_rule_or_underline_under_an_entry_is_not_part_of_it(rule: str) -> None:
    assert _shape(f"# A\n{COOP}{rule}\n{VPT}") == [("A", 1, 1, [(2, 2), (4, 4)])]


@pytest.mark.parametrize("end", ["|", " |", ""], ids=["compact", "padded", "no-trailing-pipe"])
def test_a_year_in_the_last_column_is_read_whole(end: str) -> None:
    """JindongGu's table cut after its Year column, so the year is the last cell of each row."""
    rows = ["|".join(c.strip() for c in r.split("|")[:4]) + end for r in _jindonggu_table()]
    result = catalog.parse("\n".join(rows) + "\n")
    assert [(e.venue, e.year) for e in result.entries] == [("ICML", 2021), ("ICLR", 2022)]


PARAGRAPHS = "donghao51_Awesome-Multimodal-Adaptation_74f4354_slice.md"  # `(CVPR 2020) [Title](…)`
PLAIN_PARAGRAPHS = "pliang279_awesome-multimodal-ml_f1d3bae_slice.md"  # `[Title](…), CVPR 2022`


def test_a_list_of_paragraphs_has_an_entry_per_paragraph() -> None:
    result = catalog.parse(read_history(PARAGRAPHS))
    counts = {s.heading: len(s.entries) for s in result.sections}
    assert counts == {"Multimodal Domain Adaptation": 0, "Action Recognition": 12,
                      "Semantic Segmentation": 23, "Other Tasks": 10}
    assert {e.kind for e in result.entries} == {"paragraph"}
    first = result.entries[0]
    assert (first.title, first.venue, first.year) == (
        "A Unified Framework for Multimodal Domain Adaptation", "ACM MM", 2018)
    # The maintainers' news lines above link papers too, and are prose.
    assert all(e.line > 10 for e in result.entries)


def test_a_bold_title_whose_line_goes_on_under_it_is_an_entry_not_a_heading() -> None:
    # Jianguo99/Awesome-Diffusion-LLM: `**Title**␣␣⏎2024-6-11, [Paper](…)`; the bold lines were
    # taken for pseudo-headings and none of its 85 papers was read. Its date is no venue.
    text = ("## Theoretical Basis\n"
            "**Structured Denoising Diffusion Models in Discrete State-Spaces**  \n"
            "2021-7-7, [Paper](https://arxiv.org/abs/2107.03006)\n\n"
            "**Simple and Effective Masked Diffusion Language Models**   \n"
            "2024-6-11, [Paper](https://arxiv.org/abs/2406.07524)\n\n"
            "**2025**\n\n- [A Paper Under a Bold Year](https://arxiv.org/abs/2501.00001)\n")
    result = catalog.parse(text)
    assert [(e.line, e.end_line, e.kind, e.venue, e.year) for e in result.entries[:2]] == [
        (2, 3, "paragraph", None, 2021), (5, 6, "paragraph", None, 2024)]
    assert result.entries[0].title == (
        "Structured Denoising Diffusion Models in Discrete State-Spaces")
    # A bold line alone over a list is still the list's pseudo-heading.
    assert [s.heading for s in result.sections] == ["Theoretical Basis", "2025"]


def test_a_paragraph_list_whose_titles_come_first() -> None:
    result = catalog.parse(read_history(PLAIN_PARAGRAPHS))
    survey = next(s for s in result.sections if s.heading == "Survey Papers")
    assert len(survey.entries) == 11
    entry = next(e for e in survey.entries if "2206.06488" in e.arxiv_ids)
    assert (entry.title, entry.venue, entry.year) == (
        "Multimodal Learning with Transformers: A Survey", "TPAMI", 2023)


@pytest.mark.parametrize("prose", [
    "**Update**: We have a new survey on [Prompting Vision Models](https://arxiv.org/abs/2508.05547)",
    "Check out our tutorial [Foundations of Multimodal Learning](https://arxiv.org/abs/2209.03430).",
    " ".join(["Segment Anything uses an image encoder and a prompt encoder"] * 5)
    + " [SAM](https://arxiv.org/abs/2304.02643).",
])
def test_paragraphs_of_prose_that_link_papers_are_no_entries(prose: str) -> None:
    text = f"# A list\n\n{prose}\n\n{prose.replace('2', '3')}\n"
    assert catalog.parse(text).entries == ()


def test_a_lone_linked_paragraph_among_bullets_is_no_entry() -> None:
    text = ("# A list\n\nSee [A Survey of Visual Prompting](https://arxiv.org/abs/2401.00001).\n\n"
            "## Papers\n\n- [Visual Prompt Tuning](https://arxiv.org/abs/2203.12119), ECCV 2022\n"
            "- [Learning to Prompt](https://arxiv.org/abs/2109.01134), IJCV 2022\n")
    assert [e.kind for e in catalog.parse(text).entries] == ["bullet", "bullet"]


def test_a_lone_paragraph_in_a_list_of_paragraphs_is_an_entry() -> None:
    result = catalog.parse(PARAGRAPH_LIST)
    assert [(s.heading, len(s.entries)) for s in result.sections] == [
        ("A list", 0), ("Methods", 2), ("Surveys", 1)]


def test_entries_that_start_with_their_authors_read_the_quoted_title() -> None:
    # `- **Name:** A, B, C.<br />⏎  "Title." Venue (Year).`: the title was read as the authors,
    # the line break and the quoted title together, and every paper written there copied that.
    result = catalog.parse(read_history(MMOT))
    survey = next(s for s in result.sections if s.heading == "Survey")
    first = survey.entries[0]
    assert (first.title, first.venue, first.year) == (
        "Multi-modal Visual Tracking: Review and Experimental Comparison", "ArXiv", 2022)
    assert first.authors == ("Pengyu Zhang", "Dong Wang", "Huchuan Lu")
    by_title = {e.title: e for e in result.entries}
    uss = by_title["USS: Unified Spatial-Semantic Prompts for Embodied Visual Tracking with "
                   "Latent Dynamics Learning"]  # names joined by no-break spaces
    assert (uss.name, uss.venue, uss.year, len(uss.authors)) == ("USS", "ArXiv", 2026, 7)
    savlt = by_title["Self-Adaptive Vision-Language Tracking With Context Prompting"]
    assert savlt.authors[:2] == ("Jie Zhao", "Xin Chen") and savlt.venue == "TIP"
    assert all(e.authors and '"' not in e.title and "<br" not in e.title
               for e in result.entries)


def test_a_nested_line_without_links_belongs_to_the_entry_above_and_gives_its_authors() -> None:
    result = catalog.parse(read_history(NESTED_AUTHORS))
    survey = next(s for s in result.sections if s.heading == "Survey")
    first = survey.entries[0]
    assert first.raw.endswith("  - Phuc H. Le-Khac, Graham Healy, Alan F. Smeaton. "
                              "*IEEE Access 2020*\n")
    assert (first.title, first.venue, first.year) == (
        "Contrastive Representation Learning: A Framework and Review", "IEEE Access", 2020)
    assert first.authors == ("Phuc H. Le-Khac", "Graham Healy", "Alan F. Smeaton")
    no_venue = survey.entries[1]  # `- A, B, C` without a venue
    assert no_venue.authors[0] == "Ashish Jaiswal" and no_venue.venue is None
    bibliography = next(e for e in result.entries if e.title.startswith("Learning to See"))
    assert bibliography.authors == ("Pulkit Agrawal", "Joao Carreira", "Jitendra Malik")
    assert all(e.raw.rstrip("\n").splitlines()[-1].lstrip().startswith("- ")
               for e in result.entries)


def test_notes_indented_under_an_entry_after_a_blank_line_end_its_list_item() -> None:
    # jianghaojun/Awesome-3D-Vision-and-Language: `1. … **SAT: …**. ICCV 2021, …⏎⏎    **Personal
    # Notes**: ⏎    - …⏎⏎2. …`. The notes are the item's, not the entry's text.
    result = catalog.parse(read_history(CREDITS_AND_NOTES))
    sat, refer, dvg = next(s for s in result.sections if s.heading == "ICCV 2021").entries
    assert result.lines[sat.item_end_line - 1].strip() == "- Very solid experiments."
    assert sat.end_line == sat.line and "Personal Notes" not in sat.raw
    assert refer.item_end_line == 0 and refer.after_line == refer.end_line
    assert result.lines[dvg.after_line - 1].lstrip().startswith("- The novelty of this paper")
    assert (sat.title, sat.authors) == (
        "SAT: 2D Semantics Assisted Training for 3D Visual Grounding", ("Zhengyuan Yang",))


@pytest.mark.parametrize("nested", ["  - [Other Paper of Another Kind](https://arxiv.org/abs/"
                                    "2101.00002)", "#### A heading"])
def test_an_item_ends_before_a_nested_entry_or_a_heading(nested: str) -> None:
    text = ("# List\n- [A Paper About Things](https://arxiv.org/abs/2101.00001)\n\n"
            f"  Its note.\n\n{nested}\n  More.\n")
    first = catalog.parse(text).entries[0]
    # `  Its note.`: the item's end, where a new entry would go (an entry alone with a second
    # paragraph holds it, as one written by the bot is read back)
    assert first.after_line == 4


def test_a_mistyped_link_of_the_entry_keeps_the_lines_after_it_in_the_entry() -> None:
    # jason718/awesome-self-supervised-learning: `[[code]]([https://…](https://…))` ended the
    # entry, and the authors' line under it went to the next paper written there.
    text = ("# L\n- UniPAD: A Universal Pre-training Paradigm\n"
            "  [[pdf]](https://arxiv.org/abs/2310.08586)\n"
            "  [[code]]([https://arxiv.org/abs/2310.08370](https://github.com/Nightmare-n/UniPAD))\n"
            "  - Honghui Yang, Sha Zhang. *Arxiv 2023*\n\n"
            "- Back\n  [[Back to Overview](#overview)]\n")
    (entry,) = catalog.parse(text).entries
    assert (entry.line, entry.end_line) == (2, 5)
    assert entry.authors == ("Honghui Yang", "Sha Zhang")



def test_a_nested_line_of_only_links_is_the_entrys_own_under_an_entry_only() -> None:
    # liudaizong/Awesome-3D-Visual-Grounding: the paper's link on a nested line of its own; it
    # was read as an entry titled `[ECCV2020]`, and the entry above it had no arXiv id.
    text = ("# L\n* **ScanRefer: 3D Object Localization in RGB-D Scans** | "
            "[Github](https://github.com/daveredrum/ScanRefer)\n"
            "  * Dave Zhenyu Chen, Angel X. Chang, Matthias Nießner\n"
            "  * Technical University of Munich, Simon Fraser University\n"
            "  * [ECCV2020] https://arxiv.org/abs/1912.08830\n\n"
            "* Online Resources:\n    * [Papers with Code](https://paperswithcode.com/x)\n"
            "    * [Transformer tutorial](http://lucasb.eyer.be/transformer)\n")
    entries = catalog.parse(text).entries
    scanrefer = entries[0]
    assert (scanrefer.end_line, scanrefer.arxiv_ids) == (5, ("1912.08830",))
    assert (scanrefer.venue, scanrefer.year) == ("ECCV", 2020)
    assert scanrefer.authors == ("Dave Zhenyu Chen", "Angel X. Chang", "Matthias Nießner")
    # A label over a list of links is no entry with those links as its details.
    assert len(entries) == 1



def test_a_nested_line_of_institutions_is_the_affiliation_never_the_authors() -> None:
    # liudaizong/Awesome-3D-Visual-Grounding: authors, then their institutions, then the
    # venue, each on a nested line. The institutions' line was no field: new entries lost it,
    # or copied another paper's `-`. One above the authors was read as the authors.
    text = ("# L\n* **ScanRefer: 3D Object Localization in RGB-D Scans** | \n"
            "  * Dave Zhenyu Chen, Angel X. Chang\n"
            "  * Technical University of Munich, Simon Fraser University, KU Leuven\n"
            "  * [ECCV2020] https://arxiv.org/abs/1912.08830\n"
            "  * Two-stage approach, SAM, 2D #\n"
            "* **Kyoto Paper: Things Seen in Rooms**\n"
            "  * Kyoto University, RIKEN\n  * Shunya Kato, Shuhei Kurita\n"
            "  * [CVPR2024] https://arxiv.org/abs/2404.00001\n"
            "* **Data Paper: We Use the Data of Schools**\n  * Ada Lovelace, Bob Zed\n"
            "  * Collected from the college dataset, research code\n"
            "  * [CVPR2024] https://arxiv.org/abs/2404.00002\n")
    scanrefer, kyoto, data = catalog.parse(text).entries
    assert scanrefer.affiliation == ("Technical University of Munich, Simon Fraser University, "
                                     "KU Leuven")
    assert scanrefer.authors == ("Dave Zhenyu Chen", "Angel X. Chang")
    assert (kyoto.affiliation, kyoto.authors) == (
        "Kyoto University, RIKEN", ("Shunya Kato", "Shuhei Kurita"))
    # A line of prose that names a college is a note on the paper, not its authors' places.
    assert data.affiliation is None and data.authors == ("Ada Lovelace", "Bob Zed")


def test_a_titled_item_without_a_link_of_its_own_keeps_its_nested_paper_link() -> None:
    # A paper without code written the way liudaizong/Awesome-3D-Visual-Grounding writes one:
    # its only link on a nested line. It was read as an entry titled `[CVPR2026]`.
    text = ("# L\n* **Quokka Alignment for Wombat Segmentation in the Wild**\n"
            "  * Ada Q. Lovelace\n  * [CVPR2026] https://arxiv.org/abs/2611.04568\n")
    (entry,) = catalog.parse(text).entries
    assert (entry.title, entry.venue, entry.year, entry.arxiv_ids) == (
        "Quokka Alignment for Wombat Segmentation in the Wild", "CVPR", 2026, ("2611.04568",))


def test_a_contents_line_is_no_entry_even_with_a_web_link() -> None:
    # Qinying-Liu/Awesome-Open-Vocabulary-Semantic-Segmentation: its contents credit who keeps
    # each part; those lines were entries, and the contents a section papers could go to.
    text = ("# L\n* [Open-Vocabulary Semantic Segmentation](#Open-Vocabulary) (mainly updated by "
            "[@tbh3223](https://github.com/tbh3223))\n  * [Fully-supervised Methods](#Fully)\n\n"
            "## Open-Vocabulary\n1. [Learning to Prompt](https://arxiv.org/abs/2109.01134)\n")
    assert [e.title for e in catalog.parse(text).entries] == ["Learning to Prompt"]


def test_lines_ended_by_a_hard_break_are_read_one_by_one() -> None:
    # hee9joon/Awesome-Diffusion-Models: before, the backslashes and the author line were read
    # into the venue (`\\ *Florinel-Alin Croitoru`) and no entry had authors or a year.
    result = catalog.parse(read_history(HARD_BREAKS))
    forecasting = result.section("Forecasting")
    assert forecasting is not None
    first = forecasting.entries[0]
    assert first.title == "Interacting Diffusion Processes for Event Sequence Forecasting"
    assert first.authors == ("Mai Zeng", "Florence Regol", "Mark Coates")
    assert (first.venue, first.year, first.name) == ("arXiv", 2023, None)
    cikm = forecasting.entries[1]
    assert (cikm.venue, cikm.year) == ("CIKM", 2023)
    assert all(e.authors and e.year for e in result.entries)
    linked = [e for e in forecasting.entries if e.code_urls]
    assert linked and all("github.com/" in e.code_urls[0] for e in linked)


def test_a_bold_title_of_few_words_over_a_venue_is_the_title_not_a_name() -> None:
    # `**Generative Escher Meshes** \\⏎*A, B* \\⏎arXiv 2023. [[Paper](…)]`: three bold words
    # read as a short name, and `arXiv 2023` as the title.
    result = catalog.parse(read_history(HARD_BREAKS))
    escher = next(e for e in result.entries if "2309.14564" in e.arxiv_ids)
    assert (escher.title, escher.name) == ("Generative Escher Meshes", None)
    assert (escher.venue, escher.year) == ("arXiv", 2023)
    assert escher.authors == ("Noam Aigerman", "Thibault Groueix")


def test_a_line_of_places_under_the_title_is_no_author_line() -> None:
    # danelpeng's list writes the authors' places of work under each title: acronyms and
    # one-word places are no names of people.
    for places in ("IIT Kharagpur, IML Amazon India", "UIUC, Amazon", "Amazon, India",
                   "UNIST, LG Electronics, KETI"):
        entry = catalog.parse("* [**A Paper on Things**](https://arxiv.org/pdf/2501.00001) "
                              f"[**CVPR 2025**]\n{places}\n").entries[0]
        assert entry.authors == (), places
    named = ("* [**A Paper on Things**](https://arxiv.org/pdf/2501.00001)\n"
             "  Ada Lovelace, Kranthi Kiran GV, Bob Zed\n")
    assert catalog.parse(named).entries[0].authors == ("Ada Lovelace", "Kranthi Kiran GV",
                                                       "Bob Zed")
