"""Templates filled with a paper's values; what the paper lacks is dropped with its markup."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from promptbot import catalog
from promptbot.entries.author_initials import EITHER
from promptbot.entries.template_choice import constant_words, seal
from promptbot.entries.template_fill import Values, fill, format_date
from promptbot.entries.template_model import Part, Slot, Template
from promptbot.entries.templates import abstract
from promptbot.entries.title_stops import with_title_stops

ZLKONG = ("* [**CVPR'26**] VideoSeek: Long-Horizon Video Agent with Tool-Guided Seeking "
          "[[Paper](https://arxiv.org/pdf/2603.20185)] [[Code](https://github.com/jylins/videoseek)]")
SHOWLAB = ("+ [Force Prompting: Video Generation Models Can Learn Physics](https://arxiv.org/abs/"
           "2505.19386) (May, 2025)  \n  [![Star](https://img.shields.io/github/stars/brown-palm/"
           "force-prompting.svg?style=social&label=Star)](https://github.com/brown-palm/force-"
           "prompting)\n  [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv"
           ".org/pdf/2505.19386)")


def template_of(raw: str, header: str = "") -> Template:
    """The entry `raw` as a template (a table row under `header`, its header and delimiter)."""
    template = abstract(catalog.parse(header + raw + "\n").entries[0])
    assert template is not None
    return template


def values(**changes: object) -> Values:
    base: dict[str, object] = {
        "title": "Token Merging at Scale", "arxiv_id": "2604.01234", "venue": "arXiv",
        "venue_is_arxiv": True, "year": 2026, "yymm": "2604", "day": date(2026, 4, 2)}
    base.update(changes)
    return Values(**base)  # type: ignore[arg-type]


def test_a_paper_without_code_loses_the_code_link_and_its_brackets() -> None:
    out = fill(template_of(ZLKONG), values())
    assert out.text == ("* [**arXiv'26**] Token Merging at Scale "
                        "[[Paper](https://arxiv.org/pdf/2604.01234)]")
    assert out.dropped == ("code",)


def test_a_paper_with_code_and_a_venue_fills_every_slot() -> None:
    out = fill(template_of(ZLKONG), values(venue="ICLR", venue_is_arxiv=False,
                                           code_url="https://github.com/o/r"))
    assert out.text == ("* [**ICLR'26**] Token Merging at Scale [[Paper](https://arxiv.org/pdf/"
                        "2604.01234)] [[Code](https://github.com/o/r)]")
    assert out.dropped == ()


def test_a_badge_line_without_a_repository_is_dropped_whole() -> None:
    out = fill(template_of(SHOWLAB), values())
    assert out.text == ("+ [Token Merging at Scale](https://arxiv.org/abs/2604.01234) (Apr, 2026)"
                        "  \n  [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)]"
                        "(https://arxiv.org/pdf/2604.01234)")
    with_code = fill(template_of(SHOWLAB), values(code_url="https://github.com/o/r"))
    assert "stars/o/r.svg?style=social&label=Star)](https://github.com/o/r)" in with_code.text


@pytest.mark.parametrize("url", ["https://github.com/Tencent/VITA/tree/VITA-VLA",
                                 "https://github.com/Tencent/VITA.git",
                                 "https://github.com/Tencent/VITA#readme"])
def test_the_stars_badge_names_the_repository_of_a_link_to_a_page_in_it(url: str) -> None:
    # BradyFU's list: [Github](https://github.com/Tencent/VITA/tree/VITA-VLA) under a stars
    # badge for Tencent/VITA
    out = fill(template_of(SHOWLAB), values(code_url=url))
    assert "img.shields.io/github/stars/Tencent/VITA.svg?style=social&label=Star" in out.text


@pytest.mark.parametrize(("badge", "code"), [
    ("stars/EvolvingLMMs-Lab/LLaVA-OneVision-1.5.svg?style=social&label=Star", "o/r"),
    ("stars/MiG-NJU/OmniVideo-100K", "o/r.js")])
def test_a_dot_in_the_exemplars_repository_name_is_part_of_the_name(badge: str,
                                                                     code: str) -> None:
    # BradyFU's list: the exemplar's badge for LLaVA-OneVision-1.5 left `.5` in every new
    # badge (`stars/SenseTime-FVG/InteractiveOmni.5.svg`); a badge may also end at the name.
    exemplar = SHOWLAB.replace("stars/brown-palm/force-prompting.svg?style=social&label=Star",
                               badge)
    out = fill(template_of(exemplar), values(code_url=f"https://github.com/{code}"))
    suffix = badge.partition(".svg")[1] + badge.partition(".svg")[2]
    assert f"img.shields.io/github/stars/{code}{suffix})" in out.text


def test_a_project_page_is_no_code_link() -> None:
    out = fill(template_of(ZLKONG), values(code_url="https://o.github.io/r/"))
    assert "[Code]" not in out.text and "o.github.io" not in out.text


def test_hostile_values_are_escaped() -> None:
    out = fill(template_of(ZLKONG), values(title="**bold** [x](javascript:alert(1)) @team #12"))
    assert "**bold**" not in out.text and "](javascript" not in out.text
    assert "\\*\\*bold\\*\\*" in out.text


@pytest.mark.parametrize(("form", "expected"), [
    ("%Y", "2026"), ("%y%m", "2604"), ("%Y%m", "202604"), ("%y-%m", "26-04"),
    ("%Y.%-m", "2026.4"), ("%b., %Y", "Apr., 2026"), ("%B, %Y", "April, 2026"),
    ("%Y-%m-%d", "2026-04-02"),
])
def test_date_forms(form: str, expected: str) -> None:
    assert format_date(form, values()) == expected


def test_a_year_alone_is_the_venues_year_and_a_day_needs_a_date() -> None:
    assert format_date("%y", values(year=2027)) == "27"
    assert format_date("%Y-%m-%d", values(day=None)) is None
    assert format_date("%y%m", values(yymm="")) is None


@pytest.mark.parametrize(("form", "yymm", "expected"), [
    ("(%b, %Y)", "2503", "(Mar., 2025)"),  # an exemplar from May: March still takes its period
    ("(%b., %Y)", "2505", "(May, 2025)"),  # an exemplar from June: no `May.`
    ("(%B, %Y)", "2507", "(Jul., 2025)"),
    ("(%b., %Y)", "2501", "(Jan., 2025)"),  # a month the list never writes: the exemplar's form
])
def test_a_month_takes_the_lists_own_spelling(form: str, yymm: str, expected: str) -> None:
    months = ("", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.",
              "Dec.")
    values = Values(title="T", arxiv_id=f"{yymm}.00001", venue="arXiv", venue_is_arxiv=True,
                    year=2025, yymm=yymm, months=months)
    assert format_date(form, values) == expected


@pytest.mark.parametrize("url", ["https://bitbucket.org/o/r", "https://gitee.com/o/r",
                                 "https://codeberg.org/o/r", "https://gitlab.com/g/r"])
def test_every_code_host_fills_the_code_slot(url: str) -> None:
    out = fill(template_of(ZLKONG), values(code_url=url))
    assert out.text.endswith(f"[[Code]({url})]") and out.dropped == ()


@pytest.mark.parametrize("url", ["https://huggingface.co/o/model", "https://o.github.io/p/"])
def test_a_model_or_a_project_page_fills_no_code_slot(url: str) -> None:
    out = fill(template_of(ZLKONG), values(code_url=url))
    assert "Code" not in out.text and out.dropped == ("code",)


def test_raw_html_text_keeps_quotes_and_an_attribute_escapes_them() -> None:
    # In an element's text only `&`, `<`, `>` need references (`Models' Reasoning`, as the
    # maintainers type it); inside an attribute's value quotes end the value, so they do too.
    title = "Video Models' \"Reasoning\" <b>& more</b>"
    text = Template(("<td><a>", Slot("title", html=True), '</a><img alt="',
                     Slot("title", html=True, attribute=True), '"></td>'), "html", 1)
    filled = fill(text, Values(title=title, arxiv_id="2511.15065", venue="arXiv",
                               venue_is_arxiv=True, year=2025)).text
    assert filled == ("<td><a>Video Models' \"Reasoning\" &lt;b&gt;&amp; more&lt;/b&gt;</a>"
                      '<img alt="Video Models&#x27; &quot;Reasoning&quot; &lt;b&gt;&amp; more'
                      '&lt;/b&gt;"></td>')


@pytest.mark.parametrize(("raw", "expected"), [
    # BradyFU's line of links: the dataset and the code gone, no `,,` and no trailing `,`
    ("- **A Title Of Several Words**  \nCVPR 2025, [Paper](https://arxiv.org/pdf/2405.21075.pdf), "
     "[Dataset](https://huggingface.co/datasets/o/d), [Code](https://github.com/o/r), "
     "[Project](https://o.github.io/p/)",
     "- **Token Merging at Scale**  \narXiv 2026, [Paper](https://arxiv.org/pdf/2604.01234.pdf), "
     "[Project](https://p.github.io/)"),
    ("- **A Title Of Several Words**  \nCVPR 2025, [Paper](https://arxiv.org/pdf/2405.21075.pdf), "
     "[Code](https://github.com/o/r)",
     "- **Token Merging at Scale**  \narXiv 2026, [Paper](https://arxiv.org/pdf/2604.01234.pdf)"),
    ("| Title | Links |\n|---|---|\n"
     "| [**A Title Of Several Words**](https://arxiv.org/pdf/2405.21075) | [Paper](https://arxiv"
     ".org/pdf/2405.21075), [Code](https://github.com/o/r) |",
     "| [**Token Merging at Scale**](https://arxiv.org/pdf/2604.01234) | [Paper](https://arxiv"
     ".org/pdf/2604.01234) |"),
    # Run542968/Awesome-3D-Human-Motion-Generation: fields between bars, the project gone.
    ("- **PoseScript** | [`[project]`](https://github.com/o/r) | [`[paper]`](https://arxiv.org/"
     "pdf/2210.11795)",
     "- **Token Merging at Scale** | [`[paper]`](https://arxiv.org/pdf/2604.01234)"),
    # A table row keeps its empty cell.
    ("| Title | Code | Paper |\n|---|---|---|\n| **A Title Of Several Words** | [code](https://"
     "github.com/o/r) | [paper](https://arxiv.org/pdf/2210.11795) |",
     "| **Token Merging at Scale** | | [paper](https://arxiv.org/pdf/2604.01234) |"),
])
def test_a_dropped_item_of_a_run_takes_one_separator(raw: str, expected: str) -> None:
    out = fill(template_of(raw), values(project_url="https://p.github.io/"))
    assert out.text == expected


def test_a_published_paper_shows_the_venues_year_where_a_preprint_shows_its_month() -> None:
    # Qinying-Liu's list (history-dev): `**ArXiv'25.06**` for a preprint, `**CVPR'25**` else
    raw = ('38. <span id = "3001">**[Vireo]**</span> | **ArXiv\'25.06** | Vireo: Leveraging Depth '
           'and Language for Open-Vocabulary Domain-Generalized Semantic Segmentation | '
           '[`[pdf]`](https://arxiv.org/pdf/2506.09881)')
    template = template_of(raw)
    assert "**ArXiv'26.04**" in fill(template, values()).text
    published = fill(template, values(venue="CVPR", venue_is_arxiv=False)).text
    assert "**CVPR'26**" in published


PARAGRAPH = ("(ACM MM 2018) [A Unified Framework for Multimodal Domain Adaptation]"
             "(https://arxiv.org/abs/1801.01234) by Qi et al.")


def test_a_venue_of_two_words_is_one_slot() -> None:
    out = fill(template_of(PARAGRAPH), values(venue="CVPR", venue_is_arxiv=False,
                                              authors=("Ann Lee", "Bo Li")))
    assert out.text == ("(CVPR 2026) [Token Merging at Scale](https://arxiv.org/abs/2604.01234)"
                        " by Lee et al.")


def test_authors_dropped_take_their_by_with_them() -> None:
    out = fill(template_of(PARAGRAPH), values())
    assert out.text == "(arXiv 2026) [Token Merging at Scale](https://arxiv.org/abs/2604.01234)"
    assert out.dropped == ("authors",)


AUTHOR_LINE = ("- **VPTracker:** Jingchao Wang,\xa0Kaiwen Zhou,\xa0Yefeng Zheng.<br />\n"
               "  \"VPTracker: Global Vision-Language Tracking via Visual Prompt.\" ArXiv (2025).\n"
               "  [[paper](https://arxiv.org/abs/2512.22799)]")


def test_a_full_author_line_takes_the_papers_authors_with_the_lists_separators() -> None:
    out = fill(template_of(AUTHOR_LINE), values(
        name="TMS", authors=("Ada Q. Lovelace", "Bob Zed", "Cy Young"), venue="ArXiv"))
    assert out.text == ("- **TMS:** Ada Q. Lovelace,\xa0Bob Zed,\xa0Cy Young.<br />\n"
                        "  \"Token Merging at Scale.\" ArXiv (2026).\n"
                        "  [[paper](https://arxiv.org/abs/2604.01234)]")


@pytest.mark.parametrize(("raw", "written"), [
    # An exemplar of one author shows no separator: the paper's every author, `, ` apart
    # (THUNLP-MT/MT-Reading-List wrote `Ada Q. Lovelace. 2026.` for three).
    ("* Daniel Ortiz-Martínez. 2016. [Online Learning for Translation](https://arxiv.org/abs/"
     "1605.00001).", "* Ada Lovelace, Bob Zed, Cy Young. 2026. [Token Merging at Scale]"),
    # `A and B` shows the separator of the last name only: `A, B and C`, not `A and B and C`.
    ("* Jesús González-Rubio and Francisco Casacuberta. 2014. [Active Learning for "
     "Translation](https://arxiv.org/abs/1401.00001).",
     "* Ada Lovelace, Bob Zed and Cy Young. 2026. [Token Merging at Scale]"),
])
def test_a_list_of_authors_longer_than_the_exemplars(raw: str, written: str) -> None:
    out = fill(template_of(raw), values(authors=("Ada Lovelace", "Bob Zed", "Cy Young")))
    assert out.text.startswith(written)


def test_the_last_value_inside_emphasis_gone_leaves_no_space_before_its_closing_mark() -> None:
    # THUNLP-MT/MT-Reading-List's `*EACL 2006 Tutorial*.` without its remark: `*CVPR 2026 *.`
    template = sealed("* Philipp Koehn. 2006. [Statistical Translation](https://arxiv.org/abs/"
                      "0601.00001). *EACL 2006 Tutorial*.",
                      "* Adam Lopez. 2008. [Statistical Machine Translation](https://arxiv.org/"
                      "abs/0801.00001). *ACM Computing Surveys*.")
    text = fill(template, values(authors=("Ada Lovelace",), venue="CVPR",
                                 venue_is_arxiv=False)).text
    assert text.endswith("). *CVPR 2026*.")


def test_an_author_line_without_a_name_loses_the_name_and_its_colon_inside_the_marks() -> None:
    out = fill(template_of(AUTHOR_LINE), values(authors=("Ada Lovelace",), venue="ArXiv"))
    assert out.text.startswith("- Ada Lovelace.<br />\n")


@pytest.mark.parametrize("tag", ["u", "b", "strong"])
def test_a_name_in_html_marks_goes_with_its_marks_and_colon(tag: str) -> None:
    # RUCAIBox/LLMSurvey: `<u>T5</u>: **"Title"**. …`; a paper without a name was `<u></u>: `.
    raw = ('1. <u>T5</u>: **"Exploring the Limits of Transfer"**. *Colin Raffel et al.* '
           "JMLR 2019. [[Paper](https://arxiv.org/abs/1910.10683)]").replace("u>", f"{tag}>")
    assert fill(template_of(raw), values(name="TMS")).text.startswith(
        f'1. <{tag}>TMS</{tag}>: **"Token Merging at Scale"**.')
    assert fill(template_of(raw), values()).text.startswith('1. **"Token Merging at Scale"**.')


@pytest.mark.parametrize(("raw", "written"), [
    # heejkoo/Awesome-Diffusion-Models: `*Songxiang Liu<sup>1</sup>, …*`; the names were not
    # read, and a new entry said `*<sup></sup>, <sup></sup>, *`.
    ("**DiffSVC: A Diffusion Probabilistic Model for Singing Voice Conversion**  \\\n"
     "*Songxiang Liu<sup>1</sup>, Yuewen Cao<sup>1</sup>, Dan Su, Helen Meng* \\\n"
     "arXiv 2021. [[Paper](https://arxiv.org/abs/2105.13871)] \\\n28 May 2021",
     "*Ada Q. Lovelace, Bob Zed* \\"),
    # zchoi/Awesome-Embodied-Agent-with-LLMs: `Difei Gao<sup>1,2</sup>, …`: the commas of the
    # marks are no separators of the names.
    ("* [**Env-QA: A Video Question Answering Benchmark**](https://arxiv.org/abs/2104.00001) "
     "[**ICCV 2021**]<br>\nDifei Gao<sup>1,2</sup>, Ruiping Wang<sup>1,2,3</sup>, "
     "Xilin Chen<sup>1</sup><br>", "Ada Q. Lovelace, Bob Zed<br>"),
])
def test_an_author_lines_marks_go_and_the_papers_names_take_its_place(raw: str,
                                                                       written: str) -> None:
    out = fill(template_of(raw), values(authors=("Ada Q. Lovelace", "Bob Zed")))
    assert out.text.split("\n")[1] == written


def test_the_day_a_preprint_came_out_keeps_the_lists_word_for_a_published_paper() -> None:
    # yyyujintang/Awesome-Mamba-Papers: `(Arxiv 24.06.12) Title`, the day arXiv announced the
    # paper, for published papers too; a CVPR paper was written `(CVPR 26.04.02)`.
    raw = "(Arxiv 24.06.12) An Empirical Study of Mamba [Paper](https://arxiv.org/abs/2406.07887)"
    out = fill(template_of(raw), values(venue="CVPR", venue_is_arxiv=False))
    assert out.text.startswith("(Arxiv 26.04.02) Token Merging at Scale [Paper]")


def test_names_that_escape_to_nothing_leave_no_separators_behind() -> None:
    out = fill(template_of(AUTHOR_LINE), values(
        name="TMS", authors=("Ada Lovelace", "\u202e\u200b", "Bob Zed"), venue="ArXiv"))
    assert out.text.startswith("- **TMS:** Ada Lovelace,\xa0Bob Zed.<br />\n")


@pytest.mark.parametrize(("line", "authors", "written"), [
    # A bibliography's order: the paper's names are turned round the same way.
    ("- Zhao, Jie and Chen, Xin and Lu, Huchuan.<br />", 3,
     "- Lovelace, Ada and Zed, Bob and Young, Cy."),
    # A list that stops at a few names with `et al.` stops there too.
    ("- Kang Wei, Peng Yu\xa0et al.<br />", 3, "- Ada Lovelace, Bob Zed\xa0et al."),
    ("- Shuo Hu and Tongtong Liu and Run Xing.<br />", 3,
     "- Ada Lovelace and Bob Zed and Cy Young."),
    ("- Ou Zhou, Ying Ge, and Zheng Zhonglong.<br />", 3, "- Ada Lovelace, Bob Zed, and Cy Young."),
    # One name surname first before `et al.`; initials where the list writes initials.
    ("- Achlioptas, Panos, et al.<br />", 3, "- Lovelace, Ada, et al."),
    # A paper of one author: no `et al.`, and the full stop it ended with (`Lovelace, Ada
    # **Title**` would read back as one title).
    ("- Achlioptas, Panos, et al.<br />", 1, "- Lovelace, Ada."),
    ("- Kang, W., Peng, Y., Li, Q. et al.<br />", 2, "- Lovelace, A., Zed, B."),
    ("- Kang, W., Peng, Y., Li, Q. et al.<br />", 4, "- Lovelace, A., Zed, B., Young, C. et al."),
    # The serial comma is for three names or more.
    ("- Ou Zhou, Ying Ge, and Zheng Zhonglong.<br />", 2, "- Ada Lovelace and Bob Zed."),
    # A scholar's citation: the first name surname first, the others as they sign; its comma
    # before `and` stays for two (liliu-avril/Awesome-Segment-Anything wrote every name turned).
    ("- Yu, Jiwei, Kecheng Zhou, and Shuzhi Gao.<br />", 3,
     "- Lovelace, Ada, Bob Zed, and Cy Young."),
    ("- Yu, Jiwei, Kecheng Zhou, and Shuzhi Gao.<br />", 2, "- Lovelace, Ada, and Bob Zed."),
    ("- Yu, Jiwei, Kecheng Zhou, and Shuzhi Gao.<br />", 1, "- Lovelace, Ada."),
])
def test_an_author_line_is_written_the_way_the_exemplar_writes_its_own(
        line: str, authors: int, written: str) -> None:
    raw = (f'{line}\n  "Some Paper Title." TIP (2025).\n'
           "  [[paper](https://arxiv.org/abs/2501.00001)]")
    names = ("Ada Lovelace", "Bob Zed", "Cy Young", "Di Wu")[:authors]
    out = fill(template_of(raw), values(authors=names, venue="ArXiv"))
    assert out.text.split("<br />")[0] == written



def with_other(template: Template, words: str) -> Template:
    """The template with `words` of its literal text made a value the bot cannot know, as
    sealing an exemplar's own words does."""
    parts: list[Part] = []
    for part in template.parts:
        if isinstance(part, str) and words in part:
            before, _, after = part.partition(words)
            parts.extend((before, Slot("other", original=words), after))
        else:
            parts.append(part)
    return replace(template, parts=tuple(parts))


@pytest.mark.parametrize(("raw", "words", "written"), [
    # MrNeRF/awesome-3D-gaussian-splatting: no dash left when the description goes.
    ("- [3DGS Tutorial](https://arxiv.org/abs/2501.00001) - Tutorial from the authors",
     "Tutorial from the authors", "- [Token Merging at Scale](https://arxiv.org/abs/2604.01234)"),
    # Hannibal046/Awesome-LLM: the full stop that ended the description goes too, not `-.`.
    ("- [OpenAI Tutorial](https://arxiv.org/abs/2501.00001) - A tutorial from the authors.",
     "A tutorial from the authors",
     "- [Token Merging at Scale](https://arxiv.org/abs/2604.01234)"),
    # JarvisUSTC/Awesome-Multimodal-RAG: and with the date after it, not `- [Title](…) -. ⏰`.
    ("  - [Progressive Reasoning](https://arxiv.org/abs/2604.01234) - Proposes a framework. ⏰ "
     "*2026-04*", "Proposes a framework",
     "  - [Token Merging at Scale](https://arxiv.org/abs/2604.01234) ⏰ *2026-04*"),
    # wyzjack/Awesome-3D-AnomalyDetection: without a name, no ` | ` before the title.
    ("**[MVTec 3D-AD]** | The MVTec 3D-AD Dataset | **VISAPP' 22** | [[pdf]](https://arxiv.org/"
     "pdf/2112.09045.pdf)", "MVTec 3D-AD", "Token Merging at Scale | **arXiv' 26** | [[pdf]]("
     "https://arxiv.org/pdf/2604.01234.pdf)"),
    # liudaizong/Awesome-3D-Visual-Grounding: a note `  * Two-stage approach #` goes whole.
    ("* **Some Paper Title Here** | [Github](https://github.com/a/b)\n"
     "  * [ECCV2020] https://arxiv.org/abs/2001.00001\n  * Two-stage approach #",
     "Two-stage approach", "* **Token Merging at Scale**\n  * [arXiv2026] https://arxiv.org/abs/"
     "2604.01234"),
    # MinghuiChen43/awesome-trustworthy-deep-learning: the maintainers' digest goes with the
    # HTML that labels it, not leaving `<details><summary>Digest</summary>.</details>`.
    ("- In-Context Representation Hijacking. [[paper]](https://arxiv.org/abs/2512.03771)\n"
     "  - <details><summary>Digest</summary> This paper studies hijacking.</details>",
     "This paper studies hijacking",
     "- Token Merging at Scale. [[paper]](https://arxiv.org/abs/2604.01234)"),
])
def test_what_a_dropped_value_leaves_goes_with_it(raw: str, words: str, written: str) -> None:
    assert fill(with_other(template_of(raw), words), values()).text == written


@pytest.mark.parametrize(("form", "written"), [("%-d %b %Y", "2 Apr 2026"),
                                                ("%b. %d, %Y", "Apr. 02, 2026"),
                                                ("%d%o %b., %Y", "02nd Apr., 2026")])
def test_a_day_of_the_month_is_the_papers_own(form: str, written: str) -> None:
    assert format_date(form, values()) == written
    assert format_date(form, values(day=None)) is None


@pytest.mark.parametrize(("day", "written"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"),
                                              (11, "11th"), (12, "12th"), (13, "13th"),
                                              (21, "21st"), (22, "22nd"), (23, "23rd")])
def test_a_days_ordinal_suffix_is_its_own(day: int, written: str) -> None:
    assert format_date("%-d%o", values(day=date(2026, 4, day))) == written


def test_a_name_ending_in_an_initial_ends_the_line_with_one_full_stop() -> None:
    # HCPLab-SYSU/Embodied_AI_Paper_List writes `Yang, Fengyu and Feng, Chao.`; a paper by
    # `Ada Q. Lovelace` was credited `Lovelace, Ada Q..`.
    raw = ("* **Binding Touch to Everything**, CVPR, 2024.   \n"
           "Yang, Fengyu and Feng, Chao.   \n[[page](https://arxiv.org/pdf/2401.18084)]")
    out = fill(template_of(raw), values(authors=("Ada Q. Lovelace",)))
    assert out.text.split("\n")[1] == "Lovelace, Ada Q.   "


def test_a_credit_by_whole_name_is_written_with_the_first_authors_whole_name() -> None:
    exemplar = ("* (CVPR 2023) **Collaborative Diffusion for Multi-Modal Face Generation and "
                "Editing**, Aloke Kumar Saha et al. [[Paper](https://arxiv.org/abs/2304.10530)]")
    out = fill(template_of(exemplar), values(authors=("Ada Q. Lovelace", "Bob Zed")))
    assert ", Ada Q. Lovelace et al. [[Paper]" in out.text and "Aloke" not in out.text


def test_a_vancouver_credit_names_the_first_author_the_same_way_with_the_exemplars_et_al(
) -> None:
    # zhjohnchan/awesome-image-captioning: `- Xu K et al, `ICML 2015``; new entries had no
    # credit, and a credit written from `Wang et al,` said `et al.,`.
    exemplar = ("* [Show, Attend and Tell: Neural Image Caption Generation with Visual Attention]"
                "(http://arxiv.org/abs/1502.03044) - Xu K et al, `ICML 2015`.")
    out = fill(template_of(exemplar), values(authors=("Ada Q. Lovelace", "Bob Zed")))
    assert out.text.startswith("* [Token Merging at Scale](http://arxiv.org/abs/2604.01234) - "
                               "Lovelace AQ et al, `")
    alone = fill(template_of(exemplar.replace("Xu K", "Xu")),
                 values(authors=("Ada Q. Lovelace", "Bob Zed")))
    assert " - Lovelace et al, `" in alone.text


def test_a_second_link_of_one_kind_under_one_label_is_not_the_papers_link_again() -> None:
    # zhjohnchan/awesome-image-captioning links two implementations of one paper, `[[code]](…)
    # [[code]](…)`; a new entry linked the paper's code twice.
    exemplar = ("* [Show, Attend and Tell](http://arxiv.org/abs/1502.03044) - Xu K et al, `ICML "
                "2015`. [[project]](http://kelvinxu.github.io/capgen.html) [[code]](https://"
                "github.com/yunjey/show-attend) [[code]](https://github.com/kelvinxu/arctic)")
    code = "https://github.com/o/r"
    out = fill(template_of(exemplar), values(authors=("Ada Q. Lovelace",), code_url=code))
    assert out.text.endswith(f"`. [[code]]({code})")
    # The same value under two labels is the list's habit: a stars badge and its link.
    badged = ("* [Show, Attend and Tell](http://arxiv.org/abs/1502.03044) [![Star](https://img."
              "shields.io/github/stars/kelvinxu/arctic.svg)](https://github.com/kelvinxu/arctic) "
              "[[code]](https://github.com/kelvinxu/arctic)")
    assert fill(template_of(badged), values(code_url=code)).text.count(f"]({code})") == 2


def test_a_numbered_second_link_of_one_kind_is_not_the_papers_link_again() -> None:
    # heejkoo/Awesome-Diffusion-Models: `[[Github](…)] [[Github2](…)]`, two implementations;
    # a new entry linked the paper's code twice, once as `Github2`.
    exemplar = ("**WaveGrad 2: Iterative Refinement for Text-to-Speech Synthesis** \\\n"
                "arXiv 2021. [[Paper](https://arxiv.org/abs/2106.09660)] [[Github](https://"
                "github.com/keonlee9420/WaveGrad2)] [[Github2](https://github.com/mindslab-ai/"
                "wavegrad2)] \\")
    code = "https://github.com/o/r"
    out = fill(template_of(exemplar), values(code_url=code))
    assert out.text.endswith(f"[[Github]({code})] \\")


def test_a_note_whose_pieces_all_go_takes_the_punctuation_between_them_and_its_marks() -> None:
    # yfzhang114/Awesome-Multimodal-Large-Language-Models: `[Title](…)(BAAI：note)`; a new entry
    # kept the note's colon, `[Title](…)(：)`.
    template = Template(parts=(
        "28. [", Slot("title", original="Emu3"), "](",
        Slot("paper", "https://arxiv.org/abs/{id}", original="https://arxiv.org/abs/2409.18869"),
        ")(", Slot("other", original="BAAI"), "：", Slot("other", original="视觉标记离散化"), ")"),
        kind="bullet", line=1)
    out = fill(template, values())
    assert out.text == "28. [Token Merging at Scale](https://arxiv.org/abs/2604.01234)"


def test_a_blocks_keyed_line_keeps_its_key_and_goes_whole_with_its_autolink() -> None:
    # amusi/awesome-object-detection: `- github: <https://…>`; the key was the exemplar's own
    # word and went, leaving `- <https://…>`, and a line whose link went left `- <>`.
    raw = ("**Rich feature hierarchies for accurate object detection**\n\n"
           "- arxiv: <http://arxiv.org/abs/1311.2524>\n"
           "- slides: <http://www.cs.berkeley.edu/~rbg/slides/rcnn-cvpr14-slides.pdf>\n"
           "- github: <https://github.com/rbgirshick/rcnn>")
    template = seal(template_of(raw), frozenset())
    out = fill(template, values(code_url="https://github.com/o/r"))
    assert out.text == ("**Token Merging at Scale**\n\n- arxiv: <http://arxiv.org/abs/2604.01234>\n"
                        "- github: <https://github.com/o/r>")


def test_an_image_whose_address_loses_a_piece_goes_whole_with_its_mark() -> None:
    # mbzuai-oryx/Awesome-LLM-Post-training: in a section of one entry the words of its badge's
    # address (`https://img.shields.io/badge/arXiv-2025.07-red`) were no words the list was
    # known to write, so values; dropping them left a lone `!` after the paper's link.
    template = Template(parts=(
        "* ", Slot("title", original="Squeeze the Soaked Sponge"), " [[Paper]](",
        Slot("paper", "https://arxiv.org/abs/{id}", original="https://arxiv.org/abs/2507.06892"),
        ") ![](", Slot("other", original="https"), "://", Slot("other", original="img.shields.io"),
        "/badge/", Slot("venue", original="arXiv"), "-", Slot("date", "%Y.%m", original="2025.07"),
        "-red)"), kind="bullet", line=1)
    out = fill(template, values())
    assert out.text == "* Token Merging at Scale [[Paper]](https://arxiv.org/abs/2604.01234)"


@pytest.mark.parametrize(("credits", "written"), [("full", ", Ada Q. Lovelace, arXiv"),
                                                   ("", ", Lovelace, arXiv")])
def test_a_credit_that_cannot_tell_is_written_the_lists_way(credits: str, written: str) -> None:
    # yulunzhang/awesome-diffusion-low-level-vision: `Bin Xia et al.` (a whole name) was read
    # as a surname's credit, and a new paper credited `Lovelace` where the list writes names.
    exemplar = ("- [DiffIR: Efficient Diffusion Model for Image Restoration](https://arxiv.org/"
                "abs/2303.09472), Bin Xia et al., ICCV 2023")
    template = template_of(exemplar)
    assert any(s.kind == "authors" and s.form == EITHER for s in template.slots)
    out = fill(template, values(authors=("Ada Q. Lovelace",), credits=credits))
    assert written in out.text


def test_a_credit_with_the_authors_place_names_the_papers_place_when_known() -> None:
    exemplar = ("- [2020/02] **How Much Knowledge Can You Pack Into the Parameters of a Language "
                "Model?** *Adam Roberts (Google) et al. arXiv.* [[paper](https://arxiv.org/abs/"
                "2002.08910)]")
    placed = fill(template_of(exemplar), values(authors=("Ada Q. Lovelace", "Bob Zed"),
                                                affiliation="Wombat University", yymm="2604"))
    assert placed.text == ("- [2026/04] **Token Merging at Scale** *Ada Q. Lovelace (Wombat "
                           "University) et al. arXiv.* [[paper](https://arxiv.org/abs/2604.01234)]")
    unplaced = fill(template_of(exemplar), values(authors=("Ada Q. Lovelace", "Bob Zed")))
    assert "*Ada Q. Lovelace et al. arXiv.*" in unplaced.text and "Google" not in unplaced.text


def test_a_piece_of_a_cell_left_with_marks_goes_with_its_line_break() -> None:
    # VainF/Awesome-Anything: `[**Title**](…) <br> *A, B* <br> > Place <br> > CVPR'22`; a paper
    # without a place was written `<br> > <br> > CVPR'26`.
    template = Template(parts=(
        "| [**", Slot("title", original="T"), "**](", Slot("paper", "https://arxiv.org/abs/{id}",
                                                          original="https://arxiv.org/abs/1"),
        ") <br> > ", Slot("affiliation", original="LMU München"), " <br> > ",
        Slot("venue", original="CVPR"), "'", Slot("date", "%y", original="22"), " | x |"),
        kind="table", line=1)
    out = fill(template, values(venue="CVPR", venue_is_arxiv=False))
    assert out.text == ("| [**Token Merging at Scale**](https://arxiv.org/abs/2604.01234) "
                        "<br> > CVPR'26 | x |")
    placed = fill(template, values(venue="CVPR", venue_is_arxiv=False, affiliation="Wombat U"))
    assert "<br> > Wombat U <br> > CVPR'26 |" in placed.text


def test_an_images_label_gone_leaves_the_image_and_the_link_around_it() -> None:
    # ChenHsing/Awesome-Video-Diffusion-Models: `[![Star](…/stars/{repo}…)]({code})` whose label
    # the list was not known to write: the image and its link's brackets went, and the row
    # showed `(https://github.com/zoo/zebra-net)`.
    template = Template(parts=(
        "| [![", Slot("other", original="Star"), "](", Slot(
            "repo", "https://img.shields.io/github/stars/{repo}.svg",
            original="https://img.shields.io/github/stars/a/b.svg"), ")](",
        Slot("code", original="https://github.com/a/b"), ") |"), kind="table", line=1)
    out = fill(template, values(code_url="https://github.com/o/r"))
    assert out.text == ("| [![](https://img.shields.io/github/stars/o/r.svg)]"
                        "(https://github.com/o/r) |")


def test_a_value_never_runs_into_the_next_where_the_exemplars_ended_with_a_mark() -> None:
    # WooooDyy/LLM-Agent-Paper-List: `*Aman Madaan et al.arXiv.*`; one author's credit has no
    # `et al.`, and was written `*Ada Q. LovelaceCVPR.*`.
    template = Template(parts=(
        "- **", Slot("title", original="T"), "** *", Slot("authors", "full",
                                                          original="Aman Madaan et al."),
        Slot("venue", original="arXiv"), ".* [[paper](", Slot(
            "paper", "https://arxiv.org/abs/{id}", original="https://arxiv.org/abs/2210.07128"),
        ")]"), kind="bullet", line=1)
    one = fill(template, values(authors=("Ada Q. Lovelace",), venue="CVPR", venue_is_arxiv=False))
    assert "*Ada Q. Lovelace CVPR.*" in one.text
    two = fill(template, values(authors=("Ada Q. Lovelace", "Bob Zed")))
    assert "*Ada Q. Lovelace et al.arXiv.*" in two.text  # the list's own spacing, kept


@pytest.mark.parametrize(("raw", "written"), [
    # liudaizong/Awesome-3D-Visual-Grounding ends the title's line with a bar for every paper
    # without code (66 entries): the bar is the list's, not a dropped value's.
    ("* **Some Paper Title Here** | \n  * [ECCV2020] https://arxiv.org/abs/2001.00001",
     "* **Token Merging at Scale** |\n  * [arXiv2026] https://arxiv.org/abs/2604.01234"),
    # Run542968/Awesome-3D-Human-Motion-Generation closes every row with a bar: without code,
    # the code's field goes with the bar before it, and the row's closing bar stays.
    ("1. **[MoMask]** | **CVPR'24** | MoMask: Masked Modeling | [`[pdf]`](https://arxiv.org/pdf/"
     "2312.00063) | [`[o-pytorch]`](https://github.com/a/momask) |",
     "1. **[TMS]** | **arXiv'26** | Token Merging at Scale | [`[pdf]`](https://arxiv.org/pdf/"
     "2604.01234) |"),
])
def test_a_bar_the_exemplar_ends_its_line_with_stays(raw: str, written: str) -> None:
    assert fill(template_of(raw), values(name="TMS")).text == written


def test_a_link_whose_whole_label_is_gone_goes_whole() -> None:
    # fjchange/awesome-video-anomaly-detection: `[`Download link`](…)` in a few of its entries,
    # its words the exemplar's own. Without them, the link's bare `(https://…)` was left.
    raw = ("3. A3D  [paper](https://arxiv.org/abs/1903.00618), "
           "[`Download link`](https://github.com/MoonBlvd/tad-IROS2019)")
    out = fill(with_other(template_of(raw), "Download link"),
               values(code_url="https://github.com/zoo/zebra-net"))
    assert out.text == "3. Token Merging at Scale  [paper](https://arxiv.org/abs/2604.01234)"


def test_a_day_after_the_venue_stays_a_day_for_a_published_paper() -> None:
    # BaoBao0926/Awesome-Mamba-in-Remote-Sensing dates its rows `Venue(received, accepted)`: a
    # published paper written from a preprint's row said `CVPR(26.12, -)`, the year and a day.
    raw = ("|arXiv(24.04.12, -)|SpectralMamba: Efficient Mamba |[Link](https://arxiv.org/abs/"
           "2404.08489)||")
    out = fill(template_of("| Venue | Paper | Link | Code |\n| :- | :- | :- | :- |\n" + raw),
               values(venue="CVPR", venue_is_arxiv=False))
    assert out.text.startswith("|CVPR(26.04.02, -)|Token Merging at Scale |")


def test_a_cells_first_piece_gone_takes_the_line_break_after_it() -> None:
    # tulerfeng/Awesome-Embodied-Multimodal-LLMs opens a title cell with badges, then `<br/>`:
    # without them (no code to star), the cell began with an empty line.
    raw = ("| [![Star](https://img.shields.io/github/stars/OpenRobotLab/EmbodiedScan.svg?style="
           "social&label=Star)]()<br/>[Learning Interactive Real-World Simulators](https://arxiv"
           ".org/abs/2310.06114) | 2023-10-09 | - |")
    out = fill(template_of("| Title | Date | Code |\n| --- | --- | --- |\n" + raw), values())
    assert out.text.startswith("| [Token Merging at Scale](https://arxiv.org/abs/2604.01234) |")


def test_a_list_that_ends_its_titles_with_a_full_stop_ends_the_new_one_so() -> None:
    # Xnhyacinth/Awesome-LLM-Long-Context-Modeling: `[**Title.**](…) _A, B._ Arxiv 2025.`; its
    # author list in emphasis was not read (another paper's names would have stayed), and a new
    # title lost the list's full stop.
    raw = ("8. [**A Survey on Transformer Context Extension: Approaches and Evaluation.**]"
           "(https://arxiv.org/abs/2503.13299) _Yijun Liu, Jinzheng Yu, Qingfu Zhu._ Arxiv 2025.")
    out = fill(template_of(raw), values(authors=("Ada Q. Lovelace", "Bob Zed"), venue="Arxiv"))
    assert out.text == ("8. [**Token Merging at Scale.**](https://arxiv.org/abs/2604.01234) "
                        "_Ada Q. Lovelace, Bob Zed._ Arxiv 2026.")
    question = fill(template_of(raw), values(title="Is Attention All You Need?"))
    assert "[**Is Attention All You Need?**]" in question.text


def test_a_published_exemplar_that_shows_a_month_keeps_it_for_a_published_paper() -> None:
    # NiuTrans/ABigSurveyOfLLMs dates every entry, `ACM Computing Surveys 2023.01`: a month is
    # dropped for a published paper only where the exemplar was a preprint (`arXiv 2306`).
    published = template_of("- **Pre-train, Prompt, and Predict**, ICLR 2023.01 "
                            "[[Paper](https://arxiv.org/abs/2107.13586)]")
    assert published.venue_is_arxiv is False
    out = fill(published, values(venue="CVPR", venue_is_arxiv=False))
    assert out.text == ("- **Token Merging at Scale**, CVPR 2026.04 "
                        "[[Paper](https://arxiv.org/abs/2604.01234)]")
    preprint = template_of("- **Large Language Models: A Survey**, arXiv 2024.02 "
                           "[[Paper](https://arxiv.org/abs/2402.06196)]")
    assert fill(preprint, values(venue="CVPR", venue_is_arxiv=False)).text == (
        "- **Token Merging at Scale**, CVPR 2026 [[Paper](https://arxiv.org/abs/2604.01234)]")


def test_a_value_gone_before_a_full_stop_leaves_the_titles_own() -> None:
    # thunlp/PromptPapers: `**Title.** Preprint.`; without the venue a new entry ended
    # `**Title.**.`, two full stops.
    template = Template(("1. **", Slot("title", original="Pre-Trained Models."), "** ",
                         Slot("affiliation", original="Wombat University"), "."), "bullet", 1)
    assert fill(template, values()).text == "1. **Token Merging at Scale.**"
    assert fill(template, values(affiliation="Quokka Lab")).text == (
        "1. **Token Merging at Scale.** Quokka Lab.")


def test_authors_linked_to_their_pages_are_the_new_papers_names_unlinked() -> None:
    # weihaox/awesome-neural-rendering: a new entry had copied the old pages' links without
    # their names, `*,.*`.
    raw = ("- **Neural Radiance Fields.** *[Ben Mildenhall](http://people.example.edu/~bmild/), "
           "Pratul Srinivasan, [Ren Ng](https://people.example.edu/~ng/).* ECCV 2020. "
           "[[PDF](https://arxiv.org/abs/2003.08934)]")
    out = fill(template_of(raw), values(authors=("Ada Lovelace", "Bob Zed")))
    assert out.text == ("- **Token Merging at Scale.** *Ada Lovelace, Bob Zed.* arXiv 2026. "
                        "[[PDF](https://arxiv.org/abs/2604.01234)]")


def test_one_author_keeps_the_full_stop_an_emphasised_credit_ended_with() -> None:
    # RUCAIBox/LLMSurvey: `*Hugo Touvron et al.* arXiv 2023.`; one author was written
    # `*Ada Lovelace* arXiv 2026.`, the sentence run into the venue.
    raw = ('20. **"LLaMA: Open and Efficient Foundation Language Models"**. *Hugo Touvron et al.* '
           "arXiv 2023. [[Paper](https://arxiv.org/abs/2302.13971)]")
    one = fill(template_of(raw), values(authors=("Ada Lovelace",))).text
    assert '**"Token Merging at Scale"**. *Ada Lovelace.* arXiv 2026.' in one
    two = fill(template_of(raw), values(authors=("Ada Lovelace", "Bob Zed"))).text
    assert "*Ada Lovelace et al.* arXiv 2026." in two
    # `[Pei et al. CVPR23]`: the full stop is the abbreviation's; one author has none.
    tag = fill(template_of("- `[Pei et al. CVPR23]` Clipping Distils CLIP. CVPR, 2023. "
                           "[[paper]](https://arxiv.org/abs/2301.01234)"),
               values(authors=("Ada Lovelace",))).text
    assert tag.startswith("- `[Lovelace arXiv26]`")


@pytest.mark.parametrize(("number", "indent"), [(10, 4), (100, 5), (7, 3)])
def test_an_item_whose_number_grows_wider_keeps_its_later_lines_inside(number: int,
                                                                       indent: int) -> None:
    # zjunlp/LLMAgentPapers: `9. **Title**`, a blank line, its authors three spaces in; written
    # `10.` with three spaces, the authors' line fell out of the item.
    template = template_of("9. **Token Merging for Things**\n\n   *Ada Lovelace, Bob Zed.* "
                           "[[abs](https://arxiv.org/abs/2401.00001)], 2024.1")
    text = fill(template, values(number=number, authors=("Cy Young",))).text
    assert text.split("\n")[2] == " " * indent + "*Cy Young.* [[abs](https://arxiv.org/abs/" \
        "2604.01234)], 2026.4"
    assert text.startswith(f"{number}. **Token Merging at Scale**")


def sealed(raw: str, *others: str) -> Template:
    """The entry as a template, sealed with the words it shares with `others` (the list)."""
    found = [template_of(r) for r in (raw, *others)]
    return seal(found[0], constant_words(found))


PAPER_LINK = "[[paper](https://arxiv.org/abs/2604.01234)]"


def agent_entry(title: str, note: str) -> str:
    """An entry in WooooDyy/LLM-Agent-Paper-List's form, its summary under it."""
    return (f"- [2023/05] **{title}.** *Tom Brown et al. NeurIPS.* [[paper](https://arxiv.org/"
            f"abs/2005.14165)]\n  - {note}")


AGENTS = [agent_entry("Reflexion: Language Agents", "Reflexion: Agents reflect on feedback."),
          agent_entry("JARVIS-1: Open-world Agents", "JARVIS-1: An agent in Minecraft.")]


@pytest.mark.parametrize(("raw", "others", "written"), [
    # A summary under the entry; without it the line said `  - ""-.`.
    (agent_entry("Few-Shot Learners", "GPT-3: Scaling up language models greatly improves "
                 "task-agnostic, few-shot performance."), AGENTS,
     f"- [2026/04] **Token Merging at Scale.** *Ada Lovelace et al. arXiv.* {PAPER_LINK}"),
    (agent_entry("Few-Shot Learners", '"Quote of the paper" - Said by someone, 2020.'), AGENTS,
     f"- [2026/04] **Token Merging at Scale.** *Ada Lovelace et al. arXiv.* {PAPER_LINK}"),
    # hexdjx/Visual-Tracking-Paper-List: a note in Chinese, a number glued to its words.
    ("* Token Tracking. [[paper](https://arxiv.org/abs/2203.16092)]  \n   针对长期目标跟踪的改进，"
     "采用10个局部跟踪器的集成实现全局跟踪。",
     ["* Mixed Tracking. [[paper](https://arxiv.org/abs/2203.16093)]  \n   参照目标检测的CVT。"],
     f"* Token Merging at Scale. {PAPER_LINK}"),
    # EdinburghNLP/awesome-hallucination-detection: a description after the link, on its line.
    ("[The Dawn After the Dark](https://arxiv.org/abs/2401.03205) proposed a taxonomy of "
     "different types of hallucinations: Entity-error Hallucination, Relation-error.",
     ["[Siren's Song](https://arxiv.org/abs/2309.01219) classifies hallucinations: Input, "
      "Context, Fact."], "[Token Merging at Scale](https://arxiv.org/abs/2604.01234)"),
])
def test_a_note_the_paper_gives_nothing_for_goes_with_its_line(raw: str, others: list[str],
                                                               written: str) -> None:
    paper = values(authors=("Ada Lovelace", "Bob Zed", "Cy Young"), credits="full")
    assert fill(sealed(raw, *others), paper).text == written


def test_the_short_name_alone_on_a_notes_line_is_no_note() -> None:
    # WooooDyy's `  -  Voyager: This is an example of …`: without it the line said
    # `  -  Zebra-Net:.`.
    raw = agent_entry("Voyager: An Open-Ended Embodied Agent", " Voyager: This is an example "
                      "of an embodied lifelong learning agent that explores the world.")
    paper = values(authors=("Ada Lovelace", "Bob Zed"), credits="full", name="TM-Net",
                   title="TM-Net: Token Merging at Scale")
    assert fill(sealed(raw, *AGENTS), paper).text == ("- [2026/04] **TM-Net: Token Merging at "
                                                      "Scale.** *Ada Lovelace et al. arXiv.* "
                                                      + PAPER_LINK)


def test_a_line_that_shows_a_value_of_the_paper_stays() -> None:
    # The paper's year on the note's line: the line is the paper's, whatever else it lost.
    template = sealed("- Token Things.\n  [[pdf]](https://arxiv.org/abs/1801.00001)\n  Tom Brown"
                      " (Somewhere Lab), 2018.", "- Other Things.\n  [[pdf]](https://arxiv.org/"
                      "abs/1801.00002)\n  Ann Lee (Elsewhere Lab), 2019.")
    text = fill(template, values()).text
    assert text.endswith("2026.")
    assert text.startswith("- Token Merging at Scale.\n  [[pdf]](https://arxiv.org/abs/2604.01234)")


def test_a_row_without_edge_bars_keeps_its_emptied_first_cell() -> None:
    # TimeBreaker/MARL-papers-with-code: `Category|[Title](…)|code|venue|year`; without a
    # category the row opened `|[Title](…)`, a bar GFM takes for the row's edge.
    template = seal(template_of(
        "Communication|[RIAL: Learning to Communicate](https://arxiv.org/abs/1605.06676)|"
        "https://github.com/iassael/learning-to-communicate|NIPS|2016",
        header="Category|Paper|Code|Accepted at|Year\n--|:--:|:--:|:--:|--:\n"), frozenset())
    text = fill(template, values(code_url="https://github.com/o/r")).text
    assert text == ("||[Token Merging at Scale](https://arxiv.org/abs/2604.01234)|"
                    "https://github.com/o/r|arXiv|2026")


def test_a_question_keeps_its_mark_where_the_list_ends_titles_with_a_full_stop() -> None:
    template = template_of("1. **Are Defenses Robust?** NeurIPS 2022. [[paper]](https://arxiv.org/"
                           "abs/2201.00001)")
    stopped = with_title_stops([template], catalog.parse("# L\n## P\n" + "".join(
        f"1. **Graph Paper {n}.** ICML 2020. [[paper]](https://arxiv.org/abs/2001.0000{n})\n"
        for n in range(6))).entries)[0]
    assert fill(stopped, values()).text.startswith("1. **Token Merging at Scale.** arXiv 2026.")
    asked = fill(stopped, values(title="Can Tokens Merge?")).text
    assert asked.startswith("1. **Can Tokens Merge?** arXiv 2026.")
