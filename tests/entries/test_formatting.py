"""Entries written in a section's style parse back to the same fields and look like neighbours."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import builders
import cmarkgfm
import pytest
from catalog_files import ALL_LISTS, AMUSI, BWLONG_HEAD, JINDONGGU, SEED, parse, read
from cmarkgfm.cmark import Options

from promptbot import catalog
from promptbot.entries import editing, metadata
from promptbot.entries.formatting import format_entry, format_with_template
from promptbot.entries.style import EntryStyle, LinkStyle
from promptbot.errors import ConfigError
from promptbot.models import Insertion, Paper

CMHUNG = EntryStyle(unknown_name="?", links=LinkStyle(code_label="PyTorch"))


# CoCoOp unless a test says otherwise: the expected entries below quote its id and year.
paper = partial(builders.paper, arxiv_id="2203.05557",
                title="Conditional Prompt Learning for Vision-Language Models",
                published=datetime(2022, 3, 10, tzinfo=UTC))


def test_the_contributing_guide_format() -> None:
    p = paper(
        title="CoCoOp: Conditional Prompt Learning for Vision-Language Models",
        comment="Accepted to CVPR 2022",
        abstract="Code: https://github.com/KaiyangZhou/CoOp.",
        affiliations=("NTU, Singapore",),
    )
    out = format_entry(p, CMHUNG)
    assert out.text == (
        '* **CoCoOp**: "CoCoOp: Conditional Prompt Learning for Vision-Language Models", CVPR, 2022'
        " (*NTU, Singapore*). [[Paper](https://arxiv.org/abs/2203.05557)]"
        "[[PyTorch](https://github.com/KaiyangZhou/CoOp)]"
    )
    assert out.missing == ()


def test_missing_parts_are_left_out_cleanly_and_reported() -> None:
    out = format_entry(paper(), CMHUNG)
    assert out.text == (
        '* **?**: "Conditional Prompt Learning for Vision-Language Models", arXiv, 2022.'
        " [[Paper](https://arxiv.org/abs/2203.05557)]"
    )
    assert out.missing == ("name", "affiliation")
    no_marker = format_entry(paper(), EntryStyle())
    assert no_marker.text.startswith('* "Conditional Prompt')


def test_a_section_that_drops_the_name_from_titles_writes_it_apart_only() -> None:
    named = paper(title="CLIP-Adapter: Better Vision-Language Models with Feature Adapters")
    dropping = replace(CMHUNG, title_keeps_name=False)
    assert format_entry(named, dropping).text.startswith(
        '* **CLIP-Adapter**: "Better Vision-Language Models with Feature Adapters", arXiv')
    assert format_entry(named, CMHUNG).text.startswith(
        '* **CLIP-Adapter**: "CLIP-Adapter: Better Vision-Language Models with Feature Adapters"')
    # Only a name written apart is dropped: a title whose prefix is not the name stays whole.
    plain = paper(title="Prompt learning: a survey of methods for vision")
    assert '"Prompt learning: a survey' in format_entry(plain, dropping).text
    titled = replace(dropping, head="* ", quote="")
    assert format_entry(named, titled).text.startswith("* CLIP-Adapter: Better")


def test_an_explicit_unknown_name_wins() -> None:
    assert format_entry(paper(), CMHUNG, unknown_name="N/A").text.startswith("* **N/A**: ")


def test_venue_labels_with_the_arxiv_month() -> None:
    style = EntryStyle(
        head="* **{name}**: ", quote="", middle="(*{affiliation}*) ",
        links=LinkStyle(paper_label="{venue}", joiner=" "),
    )
    arxiv = format_entry(paper(affiliations=("MIT",)), style).text
    assert arxiv.endswith("(*MIT*) [[arXiv 2203](https://arxiv.org/abs/2203.05557)]")
    cvpr = format_entry(paper(comment="CVPR 2022"), style).text
    assert cvpr.endswith("Models [[CVPR 2022](https://arxiv.org/abs/2203.05557)]")


def test_table_rows_pad_like_their_neighbours() -> None:
    style = EntryStyle(kind="table", columns=("title", "venue", "year", "code", ""),
                       widths=(10, 9, 6, 8, 4), missing="---")
    out = format_entry(paper(comment="CVPR 2022"), style)
    assert out.text == (
        "| [Conditional Prompt Learning for Vision-Language Models]"
        "(https://arxiv.org/abs/2203.05557) | CVPR    | 2022 | ---    |    |"
    )


def test_blocks_keep_a_blank_line_before_them() -> None:
    style = EntryStyle(kind="block", labels=(("paper", "- Paper: "), ("code", "- Code: ")))
    out = format_entry(paper(abstract="See https://github.com/o/r"), style)
    assert out.text == (
        "\n**Conditional Prompt Learning for Vision-Language Models**\n\n"
        "- Paper: https://arxiv.org/abs/2203.05557\n- Code: https://github.com/o/r"
    )


def test_a_template_overrides_the_style() -> None:
    template = (
        '* **{name}**: "{title}", {venue}, {year} (*{affiliation}*).'
        " [[Paper]({paper})][[Code]({code})]"
    )
    out = format_with_template(paper(), template)
    assert out.text == (
        '* **?**: "Conditional Prompt Learning for Vision-Language Models", arXiv, 2022.'
        " [[Paper](https://arxiv.org/abs/2203.05557)]"
    )
    assert out.missing == ("affiliation", "name")
    with pytest.raises(ConfigError, match=r"\[format\].template: unknown placeholder \{url\}"):
        format_with_template(paper(), "* {url}")


def test_hostile_names_and_titles_stay_one_line() -> None:
    p = paper(title="**X**|<y>@z: Attack\non [names](javascript:x)", affiliations=("a\nb",))
    text = format_entry(p, CMHUNG).text
    html = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)
    assert "\n" not in text and html.count("<li>") == 1
    assert "<y>" not in html and 'href="javascript' not in html and html.count("<a ") == 1


def _real_sections() -> list[tuple[str, str]]:
    out = []
    for name in ALL_LISTS:
        cat = parse(name)
        out += [(name, s.heading) for s in cat.sections if len(s.entries) >= 3]
    return out


@pytest.mark.parametrize(("name", "heading"), _real_sections())
@pytest.mark.parametrize(
    "p",
    [
        paper(title="MaPLe: Multi-modal Prompt Learning", arxiv_id="2210.03117",
              comment="Accepted to CVPR 2023", affiliations=("MBZUAI",),
              abstract="Code: https://github.com/muzairkhattak/multimodal-prompt-learning."),
        paper(),
    ],
    ids=["named", "plain"],
)
def test_written_entries_parse_back_to_the_same_fields(name: str, heading: str, p: Paper) -> None:
    cat = parse(name)
    section = cat.section(heading)
    assert section is not None
    style = editing.section_style(cat, section)
    entry = format_entry(p, style)
    after = editing.insertion_point(cat, heading)
    inserted = editing.insert(cat.render(), [Insertion(p.arxiv_id, heading, after, entry.text)])
    new = catalog.parse(inserted)
    # The entry written right after the insertion point (end, or top of a newest-first section).
    got = min((e for e in new.entries if e.line > after), key=lambda e: e.line)
    venue, year = metadata.venue_year(p)
    short = metadata.short_name(p)
    dropped = got.kind == "bullet" and "{name}" in style.head and not style.title_keeps_name
    title = p.title.partition(":")[2].strip() if dropped and short else p.title
    assert got.title == title and got.arxiv_ids == (p.arxiv_id,)
    if entry.fallback:  # written in the voted style: every field it writes reads back
        if got.kind == "bullet":
            assert (got.venue or "").lower() == venue.lower() and got.year == year
            named = "{name}" in style.head
            assert got.name == ((short or style.unknown_name) if named else None)
        return
    # Written from one of the section's entries: the fields that template shows read back.
    if got.venue is not None:
        assert got.venue.lower() in (venue.lower(), "arxiv") or venue == "arXiv"
    if got.year is not None:
        assert got.year == year
    assert got.name in (short, style.unknown_name, None)


# --- hostile metadata, end to end: written, inserted in real lists, rendered by cmark-gfm -------

HOSTILE = json.loads(
    (Path(__file__).parents[1] / "data" / "hostile_metadata.json").read_text("utf-8"))
MENTION = re.compile(r"(?<![A-Za-z0-9`])@[A-Za-z0-9][A-Za-z0-9-]*")
ISSUE_REF = re.compile(r"(?<![A-Za-z0-9&])#\d+")
TARGETS = [
    (SEED, "Prompt Learning/Tuning", "<li>"),
    (BWLONG_HEAD, "Prompt Learning(arxiv): *Updating by Jiajia Zhang*", "<li>"),
    (JINDONGGU, "Applications & Responsible AI", "<tr>"),
    (AMUSI, "CLIP", "<strong>"),
]


def _added_html(old: str, new: str) -> tuple[list[str], list[str]]:
    diff = difflib.ndiff(cmarkgfm.github_flavored_markdown_to_html(old).splitlines(),
                         cmarkgfm.github_flavored_markdown_to_html(new).splitlines())
    lines = list(diff)
    return [d[2:] for d in lines if d[:2] == "- "], [d[2:] for d in lines if d[:2] == "+ "]


@pytest.mark.parametrize("case", HOSTILE, ids=[c["id"] for c in HOSTILE])
@pytest.mark.parametrize(
    ("name", "heading", "unit"), TARGETS, ids=["seed", "bwlong", "table", "block"]
)
def test_hostile_metadata_never_breaks_the_list_nor_pings(
    case: dict[str, object], name: str, heading: str, unit: str
) -> None:
    p = paper(title=case["title"], abstract=case.get("abstract") or "",
              comment=case.get("comment"), journal_ref=case.get("journal_ref"),
              affiliations=tuple(_strings(case.get("affiliations"))))
    text = read(name)
    cat = catalog.parse(text)
    section = cat.section(heading)
    assert section is not None
    entry = format_entry(p, editing.section_style(cat, section))
    after = editing.insertion_point(cat, heading)
    new = editing.insert(text, [Insertion(p.arxiv_id, heading, after, entry.text)])
    removed, added = _added_html(text, new)
    assert removed == []
    added_html = "\n".join(added)
    assert added_html.count(unit) == 1
    hrefs = re.findall(r'href="([^"]*)"', added_html)
    assert hrefs and all(h.startswith("https://") for h in hrefs)
    assert len(hrefs) <= 2 and "<script" not in added_html and "<img" not in added_html
    visible = re.sub(r"<[^>]+>", "", added_html)
    assert not MENTION.search(visible) and not ISSUE_REF.search(visible)
    if unit == "<tr>":
        assert added_html.count("<td") == 5  # the table keeps its five columns
    parsed = catalog.parse(new)
    assert len(parsed.entries) == len(cat.entries) + 1


def _strings(value: object) -> list[str]:
    """A JSON list of strings from the hostile corpus (empty when absent)."""
    return [str(v) for v in value] if isinstance(value, list) else []


@pytest.mark.parametrize("case", [c for c in HOSTILE if c["id"].startswith("venue-")],
                         ids=lambda c: c["id"])
@pytest.mark.parametrize("style", [CMHUNG, EntryStyle(kind="table", columns=(
    "title", "venue", "paper"))], ids=["bullet", "table"])
def test_hostile_venue_text_renders_as_plain_text(case: dict[str, str], style: EntryStyle) -> None:
    p = paper(title=case["title"], comment=case.get("comment"), journal_ref=case.get("journal_ref"))
    venue = metadata.read_fields(p).venue
    assert venue != "arXiv"  # the hostile text really is read as the venue
    entry = format_entry(p, style).text
    markdown = entry if style.kind == "bullet" else f"| T | V | P |\n|---|---|---|\n{entry}\n"
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    assert "<img" not in html and "<del" not in html
    # Only the entry's own links (Paper, and Code: that link's rules are code_url's) are links.
    labels = re.findall(r"<a [^>]*>([^<]*)</a>", html)
    assert labels[0] in ("Paper", case["title"]) and labels[1:] in ([], ["PyTorch"], ["Code"])
    assert html.count("<a ") == len(labels)
    visible = re.sub(r"<[^>]+>", "", html)
    assert not MENTION.search(visible) and not ISSUE_REF.search(visible)
    if style.kind == "table":
        assert html.count("<td") == 3


CODE_SLOT_LIST = (
    "# Papers\n## 2026\n"
    "* [**CVPR'26**] VideoSeek: Long-Horizon Video Agent with Tool-Guided Seeking "
    "[[Paper](https://arxiv.org/pdf/2603.20185)] [[Code](https://github.com/jylins/videoseek)]\n"
    "* [**Arxiv'26**] Token Pruning Meets Video Agents "
    "[[Paper](https://arxiv.org/pdf/2603.20001)] [[Code](https://github.com/o/tpva)]\n"
)


@pytest.mark.parametrize("url", ["https://bitbucket.org/o/r", "https://gitee.com/o/r",
                                 "https://codeberg.org/o/r"])
def test_a_code_link_on_any_code_host_reaches_the_lists_code_slot(url: str) -> None:
    cat = catalog.parse(CODE_SLOT_LIST)
    style = editing.section_style(cat, cat.sections[-1])
    p = paper(title="Merging Tokens of Long Videos", abstract=f"Our code is at {url}.")
    out = format_entry(p, style)
    assert not out.fallback
    assert out.text.endswith(f"[[Code]({url})]"), out.text


def test_tex_math_in_a_title_is_written_as_the_characters_it_shows() -> None:
    # showlab's list writes arXiv's `Mask$^2$DiT` as `Mask²DiT`; the TeX would show `\$^2\$`
    cat = catalog.parse(CODE_SLOT_LIST)
    style = editing.section_style(cat, cat.sections[-1])
    p = paper(title="Mask$^2$DiT: Dual Mask-based Diffusion Transformer for Long Videos")
    out = format_entry(p, style)
    assert "Mask²DiT: Dual Mask-based Diffusion Transformer for Long Videos" in out.text
    assert "$" not in out.text



def test_the_arxiv_link_is_written_with_a_lower_case_host() -> None:
    # Qinying-Liu's list has a few `https://ArXiv.org/pdf/…` links among its `arxiv.org` ones
    listed = CODE_SLOT_LIST.replace("https://arxiv.org/pdf/2603.20001", "https://ArXiv.org/pdf/2603.20001")
    cat = catalog.parse(listed)
    style = editing.section_style(cat, cat.sections[-1])
    out = format_entry(paper(title="Merging Tokens of Long Videos"), style)
    assert "https://arxiv.org/pdf/2203.05557" in out.text, out.text
