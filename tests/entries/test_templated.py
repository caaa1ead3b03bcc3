"""Papers written with a section's own templates into every list we have: real additions in the
maintainers' sections, and (hypothesis) any paper, hostile titles included, into any section:
the list renders balanced and reads back its old entries plus the new one."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest
from catalog_files import ALL_LISTS, HARD_BREAKS, SAME_LEVEL_YEARS, TWO_PARAGRAPHS, read
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from promptbot import catalog
from promptbot.catalog import section_names
from promptbot.catalog.math_text import plain_math
from promptbot.entries import editing
from promptbot.entries.formatting import TITLE_MAX, FormattedEntry, format_entry
from promptbot.entries.markdown_safety import rendered_text
from promptbot.entries.render_check import problems
from promptbot.models import Catalog, Insertion, Paper, Section

HISTORY = Path(__file__).parents[1] / "data" / "history"
ROWS = [json.loads(line) for line in (HISTORY / "rows.jsonl").read_text("utf-8").splitlines()]


def history_text(name: str) -> str:
    with (HISTORY / name).open(encoding="utf-8", newline="") as handle:
        return handle.read()


@cache
def parsed(name: str) -> Catalog:
    text = history_text(name) if (HISTORY / name).exists() else read(name)
    return catalog.parse(text)


def _plain(heading: str) -> str:
    return re.sub(r"<[^>]*>", "", heading).strip().rstrip(":.").strip().casefold()


def maintainers_section(cat: Catalog, path: str) -> Section | None:
    """The section of a heading path's last heading, else of the nearest one above it (a
    sub-group written as a bullet is no section of the parser's)."""
    for heading in reversed(path.split(" > ")):
        found = [s for s in cat.sections if _plain(s.heading) == _plain(heading)]
        if found:
            return found[-1]
    return None


def row_paper(row: dict[str, object]) -> Paper:
    day = datetime.fromisoformat(str(row["announce_day"])).replace(tzinfo=UTC)
    return Paper(arxiv_id=str(row["arxiv_id"]), title=str(row["title"]),
                 authors=tuple(row["authors"]),  # type: ignore[arg-type]
                 comment=row["comment"] if isinstance(row["comment"], str) else None,
                 published=day)


def write(cat: Catalog, section: Section, paper: Paper) -> tuple[FormattedEntry, Catalog]:
    entry = format_entry(paper, editing.section_style(cat, section))
    name = section_names(cat).get(id(section), section.heading)  # `Datasets > Others`
    after = editing.insertion_point(cat, name)
    new = editing.insert(cat.render(), [Insertion(paper.arxiv_id, name, after, entry.text)])
    return entry, catalog.parse(new)


def assert_inserted(cat: Catalog, new: Catalog, entry: FormattedEntry, paper: Paper) -> None:
    """Balanced, the old entries read as before, and the new one read back by its id."""
    # As the bot shows the title (TeX math as plain text: `$0$**` -> `0**`), and the first
    # author, whose surname a list may write as the name (`**[Chen et al.]**`), as the bot's own
    # check holds them.
    shown = (rendered_text(plain_math(paper.title), TITLE_MAX),
             *(rendered_text(a) for a in paper.authors[:1]))
    found = problems(entry.text, shown=shown)
    assert not [p for p in found if "unbalanced" in p or "stray" in p], entry
    added = [e for e in new.entries if paper.arxiv_id in e.arxiv_ids]
    assert len(added) == 1, entry.text
    old = [(e.title, e.arxiv_ids) for e in cat.entries]
    assert [(e.title, e.arxiv_ids) for e in new.entries if e is not added[0]] == old


def test_real_additions_are_written_in_the_maintainers_shape_where_the_list_allows() -> None:
    exact = templated = 0
    for row in ROWS:
        cat = parsed(str(row["catalog"]))
        section = maintainers_section(cat, str(row["section"]))
        if section is None or not section.entries:
            continue
        paper = row_paper(row)
        entry, new = write(cat, section, paper)
        assert_inserted(cat, new, entry, paper)
        exact += entry.text.strip() == str(row["entry"]).replace("\r", "").strip()
        templated += not entry.fallback
    # Exact copies need the code links the maintainers knew; most rows had one to know.
    assert exact >= 1 and templated >= 15


def test_the_token_reduction_list_is_written_its_way() -> None:
    row = next(r for r in ROWS if r["arxiv_id"] == "2603.21957")
    cat = parsed(str(row["catalog"]))
    section = maintainers_section(cat, str(row["section"]))
    assert section is not None
    entry, _ = write(cat, section, row_paper(row))
    assert entry.text == ("* [**CVPR'26**] Unified Spatiotemporal Token Compression for "
                          "Video-LLMs at Ultra-Low Retention [[Paper](https://arxiv.org/pdf/"
                          "2603.21957)]")
    assert entry.fallback == ""


def test_a_paper_of_one_author_is_written_without_the_credit_no_entry_reads_back_with() -> None:
    # danieljf24/awesome-video-text-retrieval credits every paper `Xu et al. Title.`; a paper of
    # one author was written `Lovelace Title.`, which reads back with the name in its title.
    text = "# L\n## Datasets\n" + "".join(
        f"* `[D{n}]` Xu et al. Dataset Number {n} for Video Retrieval. CVPR, 2016. "
        f"[[paper]](https://arxiv.org/abs/1601.0000{n})\n" for n in range(1, 4))
    cat = catalog.parse(text)
    paper = Paper(arxiv_id="2611.04568", title="Quokka Alignment for Wombat Segmentation",
                  authors=("Ada Q. Lovelace",), comment="Accepted to CVPR 2026",
                  published=datetime(2026, 11, 10, tzinfo=UTC))
    entry, new = write(cat, cat.sections[-1], paper)
    assert entry.text.strip() == ("* Quokka Alignment for Wombat Segmentation. CVPR, 2026. "
                                  "[[paper]](https://arxiv.org/abs/2611.04568)")
    assert "authors" in entry.missing
    assert_inserted(cat, new, entry, paper)
    two = replace(paper, authors=("Ada Q. Lovelace", "Bob Zed"))
    assert write(cat, cat.sections[-1], two)[0].text.strip().startswith("* Lovelace et al. ")


def test_a_paper_of_two_authors_names_both_where_the_list_does() -> None:
    # terryum/awesome-deep-learning-papers credits `J. Donahue et al.`, and two authors by name
    # (`M. Zeiler and R. Fergus`); made-up entries in its form.
    text = "# L\n## Understanding\n" + "".join(
        f"- **Understanding Number {n} of Networks** (2014), {credit} "
        f"[[pdf]](http://arxiv.org/pdf/1311.290{n})\n"
        for n, credit in enumerate(["J. Donahue et al.", "M. Zeiler and R. Fergus",
                                    "K. Simonyan and A. Zisserman", "R. Girshick et al.",
                                    "J. Bergstra and Y. Bengio", "A. Krizhevsky et al."]))
    cat = catalog.parse(text)
    paper = Paper(arxiv_id="2611.04568", title="Quokka Alignment for Wombat Segmentation",
                  authors=("Ada Q. Lovelace", "Bob Zed"),
                  published=datetime(2026, 11, 10, tzinfo=UTC))
    entry, new = write(cat, cat.sections[-1], paper)
    assert entry.text.strip() == ("- **Quokka Alignment for Wombat Segmentation** (2026), "
                                  "A. Q. Lovelace and B. Zed [[pdf]](http://arxiv.org/pdf/"
                                  "2611.04568)")
    assert_inserted(cat, new, entry, paper)
    three = replace(paper, authors=("Ada Q. Lovelace", "Bob Zed", "Cy Young"))
    assert "(2026), A. Q. Lovelace et al. [[pdf]]" in write(cat, cat.sections[-1], three)[0].text


_ZEBRA = Paper(arxiv_id="2611.04567", title="Zebra-Net: Quokka Alignment for Wombat Segmentation",
               authors=("Ada Q. Lovelace", "Bob Zed"), published=datetime(2026, 11, 10, tzinfo=UTC),
               abstract="We align quokkas. Code: https://github.com/zoo/zebra-net.")


def test_an_item_of_two_paragraphs_is_written_whole_without_another_papers_badges() -> None:
    # `- **Title,** NeurIPS 2022 (arXiv:2205.13535). ![](…/badge/AdaptFormer-blue)
    # ![](…/badge/Action_Recognition-green)⏎⏎  *A, B.* [[Paper](…)][[Code](…)]`: the badges
    # name the exemplar and tag its task, which the bot cannot know for a new paper.
    cat = parsed(TWO_PARAGRAPHS)
    adapter = cat.section("Adapter")
    assert adapter is not None
    accepted = replace(_ZEBRA, comment="Accepted to CVPR 2026")
    entry, new = write(cat, adapter, accepted)
    assert entry.text.strip("\n") == (
        "- **Zebra-Net: Quokka Alignment for Wombat Segmentation,** CVPR 2026 "
        "(arXiv:2611.04567).  \n\n  *Ada Q. Lovelace, Bob Zed.* "
        "[[Paper](https://arxiv.org/abs/2611.04567)][[Code](https://github.com/zoo/zebra-net)]")
    assert_inserted(cat, new, entry, accepted)
    added = next(e for e in new.entries if "2611.04567" in e.arxiv_ids)
    assert added.authors == ("Ada Q. Lovelace", "Bob Zed")


# _ZEBRA as atfortes' list writes a preprint with code: `1.`, the linked title in bold, the code
# link, and a second paragraph of authors and venue.
# Most of the list's titles end with a full stop, so does the new one (title_stops).
ATFORTES_PREPRINT = ("1. **[Zebra-Net: Quokka Alignment for Wombat Segmentation.]"
                     "(https://arxiv.org/abs/2611.04567)** [[code](https://github.com/zoo/zebra-net)]"
                     "\n\n    *Ada Q. Lovelace, Bob Zed.* Preprint'26")


def test_a_numbered_list_of_one_number_credits_authors_and_venue_in_a_second_paragraph() -> None:
    # Every item of atfortes' list is `1.`, its authors and venue a paragraph below the title:
    # `⏎⏎    *A, B.* ICML'25`, `Preprint'25` for a preprint.
    cat = parsed(SAME_LEVEL_YEARS)
    one_item = cat.sections[3]  # `### 2024` under the first topic: one entry, numbered `1.`
    assert len(one_item.entries) == 1
    preprint, _ = write(cat, one_item, _ZEBRA)
    assert preprint.text.strip("\n") == ATFORTES_PREPRINT
    accepted = replace(_ZEBRA, comment="Accepted to CVPR 2026")
    entry, new = write(cat, one_item, accepted)
    assert entry.text.rstrip().endswith("*Ada Q. Lovelace, Bob Zed.* CVPR'26")
    assert_inserted(cat, new, entry, accepted)


def test_a_paper_with_code_in_a_section_of_a_few_entries_without_links_it_as_the_list_does(
        ) -> None:
    # atfortes' list: `### 2024` of the third topic holds one paper, with no code link; the
    # list links code after the title everywhere else, and a maintainer would here too.
    cat = parsed(SAME_LEVEL_YEARS)
    few = next(s for s in cat.sections if s.entries and "MathScale" in s.entries[0].title)
    assert not any(e.code_urls for e in few.entries)
    entry, new = write(cat, few, _ZEBRA)
    assert entry.text.strip("\n") == ATFORTES_PREPRINT
    assert_inserted(cat, new, entry, _ZEBRA)
    # Without code, the section's own look, its title's full stop too.
    plain, _ = write(cat, few, replace(_ZEBRA, abstract="We align quokkas."))
    assert plain.text.strip("\n") == (
        "1. **[Zebra-Net: Quokka Alignment for Wombat Segmentation.]"
        "(https://arxiv.org/abs/2611.04567)**\n\n    *Ada Q. Lovelace, Bob Zed.* Preprint'26")


def test_a_section_of_several_entries_without_code_links_keeps_its_habit() -> None:
    # Surveys: three entries and never a code link, though the list links code elsewhere.
    papers = "".join(f"- [Method {n}](https://arxiv.org/abs/2501.0000{n}) "
                     f"[[code](https://github.com/lab/m{n})]\n" for n in range(1, 5))
    surveys = "".join(f"- [A Survey of Topic {n}](https://arxiv.org/abs/2502.0000{n})\n"
                      for n in range(1, 4))
    cat = catalog.parse(f"# L\n## Methods\n{papers}\n## Surveys\n{surveys}")
    entry, _ = write(cat, cat.sections[2], _ZEBRA)
    assert entry.text.strip("\n") == ("- [Zebra-Net: Quokka Alignment for Wombat Segmentation]"
                                      "(https://arxiv.org/abs/2611.04567)")
    one = catalog.parse(f"# L\n## Methods\n{papers}\n## Surveys\n{surveys.splitlines()[0]}\n")
    entry, _ = write(one, one.sections[2], _ZEBRA)
    assert entry.text.strip("\n").endswith("[[code](https://github.com/zoo/zebra-net)]")


def test_an_item_whose_link_is_in_its_second_paragraph_is_written_and_read_back_so() -> None:
    # zjr2000/Awesome-Multimodal-Chatbot: before, the written entry alone did not read back
    # with its arXiv id (its second paragraph was no part of it) and every look failed the
    # check: the simplest safe form `- [Title](…)` was written instead.
    def item(n: int, title: str) -> str:
        return (f"- **{title}** [![Star](https://img.shields.io/github/stars/lab/m{n}.svg?style="
                f"social&label=Star)](https://github.com/lab/m{n})\n  \n  ```arXiv 2023/0{n}``` "
                f"[[paper]](https://arxiv.org/abs/230{n}.0800{n}) "
                f"[[code]](https://github.com/lab/m{n})\n\n\n")

    cat = catalog.parse("## Multimodal Instruction Tuning\n\n" + "".join(item(n, t) for n, t in (
        (1, "Visual Instruction Tuning for Large Language Models"),
        (2, "MiniGPT-4: Enhancing Vision-Language Understanding"),
        (3, "Otter: A Multi-Modal Model with In-Context Instruction Tuning"))))
    entry, new = write(cat, cat.sections[0], _ZEBRA)
    assert entry.fallback == ""
    assert entry.text.strip("\n") == (
        "- **Zebra-Net: Quokka Alignment for Wombat Segmentation** [![Star](https://img.shields.io"
        "/github/stars/zoo/zebra-net.svg?style=social&label=Star)](https://github.com/zoo/zebra-net)"
        "\n  \n  ```arXiv 2026/11``` [[paper]](https://arxiv.org/abs/2611.04567) "
        "[[code]](https://github.com/zoo/zebra-net)")
    assert_inserted(cat, new, entry, _ZEBRA)


def test_a_line_of_authors_under_the_title_is_written_with_the_papers_authors() -> None:
    # Event-AHU/Mamba_State_Space_Model_Paper_List: before, the exemplar's authors line was no
    # slot the paper's authors fill; sealed as an affiliation, it was dropped or given one.
    def item(n: int, title: str, authors: str) -> str:
        return (f"* **{title}**,\n  {authors}\n  [[Paper](https://arxiv.org/abs/2408.1061{n})] "
                "\n\n")

    cat = catalog.parse("## Year 2024 \n\n" + "".join((
        item(1, "OMEGA: Efficient Occlusion-Aware Navigation via State Space Model",
             "Junming Wang, Dong Huang, Xiuxian Guan"),
        item(2, "OccRWKV: Rethinking Efficient 3D Semantic Occupancy Prediction",
             "Junming Wang, Wei Yin, Xiaoxiao Long"),
        item(3, "Physics-Driven Autoregressive State Space Models for Reconstruction",
             "Bilal Kabas, Fuat Arslan, Tolga Çukur"))))
    published = replace(_ZEBRA, abstract="", affiliations=("Wombat University",))
    entry, new = write(cat, cat.sections[0], published)
    assert entry.text.strip("\n") == (
        "* **Zebra-Net: Quokka Alignment for Wombat Segmentation**,\n  Ada Q. Lovelace, Bob Zed"
        "\n  [[Paper](https://arxiv.org/abs/2611.04567)]")
    assert_inserted(cat, new, entry, published)


def test_a_compact_table_writes_its_month_authors_and_none_for_missing_code() -> None:
    row = next(r for r in ROWS if r["arxiv_id"] == "2512.04520")
    cat = parsed(str(row["catalog"]))
    section = maintainers_section(cat, str(row["section"]))
    assert section is not None
    entry, _ = write(cat, section, row_paper(row))
    assert entry.text.startswith("|202512|C. Xu et al.|Boundary-Aware Test-Time Adaptation")
    assert entry.text.endswith("(https://arxiv.org/abs/2512.04520)|None|") or entry.text.endswith(
        "(https://arxiv.org/pdf/2512.04520)|None|")


@pytest.mark.parametrize(("authors", "credit"), [
    (("Tidiane Camaret Ndir", "Alexander Pfefferle"), "|TC. Ndir et al.|"),
    (("Hallee E. Wong", "Marianne Rakic"), "|HE. Wong et al.|"),
    (("Wei Zhang", "Ada Lovelace"), "|W. Zhang et al.|"),
])
def test_a_credit_writes_several_initials_as_the_list_does(authors: tuple[str, ...],
                                                           credit: str) -> None:
    # YichiZhang98/SAM4MIS credits `DMH. Nguyen et al.`: several given names are one run of
    # capitals, never `T. C.`; whatever the exemplar's own initials, the paper's are written.
    text = history_text("YichiZhang98_SAM4MIS_2734930.md")
    cat = catalog.parse("".join(line for line in text.splitlines(keepends=True)
                                if "|TC. Ndir et al.|" not in line))  # not the answer
    section = cat.sections[-1]
    paper = Paper(arxiv_id="2611.00001", title="Prompted Segmentation of Organs",
                  authors=authors, published=datetime(2026, 11, 2, tzinfo=UTC))
    entry, new = write(cat, section, paper)
    assert entry.text.startswith("|202611" + credit)
    assert_inserted(cat, new, entry, paper)


def _targets() -> list[tuple[str, str]]:
    names = list(ALL_LISTS) + sorted(p.name for p in HISTORY.glob("*.md"))
    return [(name, s.heading) for name in names for s in parsed(name).sections if s.entries]


TARGETS = _targets()
PIECES = ["*", "**", "_", "`", "[", "]", "(", ")", "|", "<b>", "&amp;", "\\", "#1", "@x",
          "http://a", "'", '"', ":", "—", "<!--", "-->", "\n", "  ", "Name: "]
HOSTILE = st.lists(st.one_of(st.text(min_size=1, max_size=12), st.sampled_from(PIECES)),
                   min_size=1, max_size=10).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=st.sampled_from(TARGETS), title=HOSTILE,
       venue=st.sampled_from([None, "Accepted to CVPR 2025", "ICLR 2026 (oral)", "NeurIPS'24"]),
       code=st.sampled_from(["", "Code: https://github.com/o/r", "https://o.github.io/p"]),
       authors=st.lists(st.text(min_size=1, max_size=20), max_size=3))
@example(  # found by hypothesis: TeX math is shown as plain text, `$0$**` as `0\\*\\*`
    target=("BWLONG_Awesome-Prompt-Learning-CV_README_2023-05-22_64ace8e.md", "Papers"),
    title="$0$**", venue=None, code="", authors=[])
@example(  # found by hypothesis: an author `)` is the name of a list that writes surnames
    target=("Qinying-Liu_Awesome-Open-Vocabulary-Semantic-Segmentation_2d254db.md",
            "Fully-Supervised Open-Vocabulary Semantic Segmentation"),
    title="0", venue=None, code="", authors=[")"])
def test_any_paper_into_any_section_renders_balanced_and_reads_back(
    target: tuple[str, str], title: str, venue: str | None, code: str, authors: list[str]
) -> None:
    name, heading = target
    cat = parsed(name)
    section = next(s for s in cat.sections if s.heading == heading)
    title = "Towards Robust Prompt Learning: " + title  # hostile text in a title with words
    paper = Paper(arxiv_id="2612.98765", title=" ".join(title.split()) or "A title",
                  abstract=code, comment=venue, authors=tuple(authors),
                  published=datetime(2026, 12, 3, tzinfo=UTC))
    entry, new = write(cat, section, paper)
    assert_inserted(cat, new, entry, paper)


def test_a_project_page_the_paper_names_fills_the_lists_website_badge() -> None:
    # The real row: arXiv's comment is "Project page: https://thu-ml.github.io/UltraViCo.github.io/"
    # and the maintainers wrote it as the entry's `Website` badge.
    row = next(r for r in ROWS if r["arxiv_id"] == "2511.20123")
    cat = parsed(str(row["catalog"]))
    section = maintainers_section(cat, str(row["section"]))
    assert section is not None
    named = row_paper(row)
    entry, new = write(cat, section, named)
    assert_inserted(cat, new, entry, named)
    badge = ("[![Website](https://img.shields.io/badge/Website-9cf)]"
             "(https://thu-ml.github.io/UltraViCo.github.io/)")
    assert entry.text.splitlines()[-1].strip() == badge, entry.text
    without, _ = write(cat, section, replace(named, comment=None))
    assert "Website" not in without.text and "github.io" not in without.text



def test_a_row_without_a_stars_badge_is_written_like_the_lists_rows_without_one() -> None:
    # BradyFU's table: rows with a repository open with `![Star](…) <br> [**Title**](…) <br>`,
    # rows without one with `| [**Title**](…) |`, no `<br>` left over from a dropped badge. Most
    # rows have a badge: the look without one is found further down the exemplars.
    cat = parsed("BradyFU_Awesome-Multimodal-Large-Language-Models_606cf70_section.md")
    section = cat.sections[0]
    paper = Paper(arxiv_id="2510.13721", title="NExT-OMNI: Towards Any-to-Any Omnimodal "
                  "Foundation Models with Discrete Flow Matching", authors=("A. Author",),
                  published=datetime(2025, 10, 15, tzinfo=UTC))
    entry, new = write(cat, section, paper)
    assert_inserted(cat, new, entry, paper)
    assert entry.text.startswith("| [**NExT-OMNI: "), entry.text
    assert "<br>" not in entry.text and not entry.fallback


def _highlighted_table() -> Catalog:
    """A table like friedrichor/Awesome-Multimodal-Papers': rows credit a lab after the title
    or link a project page, and write `-` for missing code; one row has code and a
    maintainer's sparkle; the one row with neither lab nor project page says `coming soon`."""
    head = "| Title | Venue | Date | Code |\n|:--|:--:|:--:|:--:|\n"
    rows = [f"| [Model {n}: Unified Things](https://arxiv.org/abs/2505.0{n}000) ({lab}) "
            f"| arXiv | 2025-05-0{n} | - |\n" for n, lab in ((1, "Apple"), (2, "Meta"))]
    rows.append("| [Model 3: Unified Things](https://arxiv.org/abs/2505.03000) | arXiv "
                "| 2025-05-03 | [![Project](https://img.shields.io/badge/Project-Page-green.svg)]"
                "(https://m3.github.io) |\n")
    rows.insert(2, "| [SynerGen: Synergistic Things](https://arxiv.org/abs/2412.09604) | arXiv"
                   " | 2024-12-12 | coming soon |\n")
    badge = "[![Star](https://img.shields.io/github/stars/a/b.svg)](https://github.com/a/b)"
    rows.insert(0, "| ✨ [MMaDA: Diffusion Things](https://arxiv.org/abs/2505.15809) | arXiv | "
                   f"2025-05-21 | {badge} |\n")
    return catalog.parse("# L\n## Unified\n" + head + "".join(rows))


def test_a_row_says_nothing_the_columns_way_not_one_exemplars() -> None:
    # The only row without a lab is the exemplar of a paper without one; its `coming soon` is
    # that paper's remark, where the column writes `-`.
    cat = _highlighted_table()
    paper = Paper(arxiv_id="2611.04568", title="Quokka Alignment for Wombat Segmentation",
                  published=datetime(2026, 11, 10, tzinfo=UTC))
    entry, new = write(cat, cat.sections[-1], paper)
    assert_inserted(cat, new, entry, paper)
    assert entry.text.strip() == ("| [Quokka Alignment for Wombat Segmentation]"
                                  "(https://arxiv.org/abs/2611.04568) | arXiv | 2026-11-10 | - |")


def test_a_maintainers_highlight_before_a_title_is_not_copied() -> None:
    # The one row with code carries a sparkle only a few rows have: a new paper with code is
    # written after it, without the sparkle.
    cat = _highlighted_table()
    paper = Paper(arxiv_id="2611.04567", title="Zebra-Net: Quokka Alignment",
                  abstract="Code: https://github.com/zoo/zebra-net",
                  published=datetime(2026, 11, 10, tzinfo=UTC))
    entry, new = write(cat, cat.sections[-1], paper)
    assert_inserted(cat, new, entry, paper)
    assert entry.text.startswith("| [Zebra-Net: Quokka Alignment](https://arxiv.org/abs/2611.04567)")
    assert "✨" not in entry.text
    # The badge whole, its `Star` the badge's word (once it went, leaving `(https://github…)`)
    assert ("| [![Star](https://img.shields.io/github/stars/zoo/zebra-net.svg)](https://github.com"
            "/zoo/zebra-net) |") in entry.text


def test_a_paper_with_code_is_written_like_the_entries_that_link_code() -> None:
    # Sun-Haoyuan23's Audio section: every entry with a code link links a Hugging Face model too;
    # one entry links nothing. A paper with code and no model was written like that one, its
    # code link left out; a maintainer writes it like the others, without the model.
    cat = parsed("Sun-Haoyuan23_Awesome-RL-based-Reasoning-MLLMs_f06fe6a_audio_slice.md")
    section = next(s for s in cat.sections if s.heading.startswith("Audio"))
    paper = Paper(arxiv_id="2508.01234", title="AudioThinker: Reinforced Audio Reasoning",
                  abstract="Code is at https://github.com/someone/AudioThinker.",
                  published=datetime(2025, 8, 4, tzinfo=UTC))
    entry, new = write(cat, section, paper)
    assert_inserted(cat, new, entry, paper)
    assert entry.text.strip().startswith("* [2508] [AudioThinker] [AudioThinker: Reinforced")
    assert "[[Code 💻](https://github.com/someone/AudioThinker)]" in entry.text, entry.text
    assert "🤗" not in entry.text
    assert entry.fallback == ("written like the section's entries but without a value of another"
                              " kind (a model, a demo, a figure), which this paper does not give")
    # A paper without code is still written like the entry that links nothing.
    bare, _ = write(cat, section, replace(paper, abstract=""))
    assert "[[" not in bare.text and not bare.fallback, bare.text


@pytest.mark.parametrize("title", ["Towards Robust Prompt Learning: &amp",
                                   "Towards Robust Prompt Learning: &lt;b&gt; tags",
                                   "Towards Robust Prompt Learning: [&amp",
                                   "Towards Robust Prompt Learning: a [&lt;b&gt;] c"])
def test_a_title_that_spells_a_character_reference_is_written_into_an_html_table(
        title: str) -> None:
    # Found by the property test below: the row read back as "&amp" was unescaped a second time
    # and compared as "&", so the paper was left out of every HTML table; with a bracket, the
    # cell read back as `&#91;&amp` matched neither reading.
    cat = parsed("SIBench_Awesome-Visual-Spatial-Reasoning_2eb21f6.md")
    section = next(s for s in cat.sections if s.heading == "Single Image")
    paper = Paper(arxiv_id="2612.98765", title=title, published=datetime(2026, 12, 1, tzinfo=UTC))
    entry, new = write(cat, section, paper)
    assert_inserted(cat, new, entry, paper)
    assert f">{title.replace('&', '&amp;')}</a>" in entry.text


def test_a_paper_with_code_is_written_like_the_entries_that_link_theirs_however_few() -> None:
    # hee9joon/Awesome-Diffusion-Models: two in three entries of `### Forecasting` link no code
    # (they had none to link); the paper with code was written like them, without its link.
    cat = parsed(HARD_BREAKS)
    forecasting = cat.section("Forecasting")
    assert forecasting is not None
    entry, new = write(cat, forecasting, _ZEBRA)
    assert entry.text.strip("\n") == (
        "**Zebra-Net: Quokka Alignment for Wombat Segmentation** \\\n"
        "*Ada Q. Lovelace, Bob Zed* \\\n"
        "arXiv 2026. [[Paper](https://arxiv.org/abs/2611.04567)] "
        "[[Github](https://github.com/zoo/zebra-net)] \\\n10 Nov 2026")
    assert_inserted(cat, new, entry, _ZEBRA)
    plain, _ = write(cat, forecasting, replace(_ZEBRA, abstract="We align quokkas."))
    assert "Github" not in plain.text and "] \\\n10 Nov 2026" in plain.text


# showlab/Awesome-MLLM-Hallucination: a published paper's venue after its date, a preprint's
# date alone.
HALLUCINATION = [
    "+ **HalLoc** [HalLoc: Token-level Localization of Hallucinations for Vision Language Models]"
    "(https://arxiv.org/abs/2506.10286) (June. 12, 2025, CVPR 2025)\n"
    "  [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2506.10286)",
    *(f"+ **M{n}** [Mitigating Hallucination in Models by Method {n}](https://arxiv.org/abs/"
      f"2502.2{n}780) (Feb. 2{n}, 2025)\n  [![arXiv](https://img.shields.io/badge/arXiv-b31b1b"
      f".svg)](https://arxiv.org/abs/2502.2{n}780)" for n in range(1, 5)),
]


def test_a_published_paper_shows_its_venue_where_the_published_entries_do() -> None:
    cat = catalog.parse("# L\n## Hallucination Mitigation\n" + "\n\n".join(HALLUCINATION)
                        + "\n")
    section = cat.sections[1]
    accepted = replace(_ZEBRA, comment="Accepted to CVPR 2026", abstract="We align quokkas.")
    entry, _ = write(cat, section, accepted)
    assert "(Nov. 10, 2026, CVPR 2026)" in entry.text
    preprint, _ = write(cat, section, replace(accepted, comment=None))
    assert "(Nov. 10, 2026)" in preprint.text


# ChenHsing/Awesome-Video-Diffusion-Models: most rows link the code twice (its stars badge and
# the repository), one row is a paper outside arXiv with nothing but its page.
VIDEO_ROWS = "".join(
    f"| [Method {n}: Video Generation by Things](https://arxiv.org/abs/2411.1744{n}) | "
    f"[![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/"
    f"2411.1744{n}) |[![Star](https://img.shields.io/github/stars/lab/m{n}.svg?style=social&"
    f"label=Star)](https://github.com/lab/m{n})|[![Website](https://img.shields.io/badge/"
    f"Website-9cf)](https://lab.github.io/m{n}/) | CVPR, 2025 |\n" for n in range(1, 5))
OUTSIDE = ("|[ED-T2V: An Efficient Training Framework](https://ieeexplore.ieee.org/abstract/"
           "document/10191565) | - | - | - | ICANN, 2023 |\n"
           "| [UCF101: A Dataset of Human Actions](https://arxiv.org/abs/1212.0402) | [![arXiv]"
           "(https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/1212.0402) "
           "|-|- | ICCV, 2013 |\n")


def test_a_paper_without_code_lacks_one_value_however_often_a_row_shows_the_code() -> None:
    # Before, the badge and the link were two values the paper lacked (and the page a third),
    # and the row of a paper outside arXiv was the model: no arXiv badge for an arXiv paper.
    cat = catalog.parse("# L\n## Training-based\n| Title | arXiv | Github | WebSite | Pub. & "
                        "Date |\n|---|---|---|---|---|\n" + VIDEO_ROWS + OUTSIDE)
    accepted = replace(_ZEBRA, comment="Accepted to CVPR 2026", abstract="We align quokkas.")
    entry, _ = write(cat, cat.sections[1], accepted)
    assert entry.text.strip("\n") == (
        "| [Zebra-Net: Quokka Alignment for Wombat Segmentation](https://arxiv.org/abs/2611.04567)"
        " | [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/"
        "2611.04567) |-|- | CVPR, 2026 |")
