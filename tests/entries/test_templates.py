"""Real entries of eight very different lists abstracted into slot templates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from promptbot import catalog
from promptbot.entries.template_model import Slot, Template, skeleton
from promptbot.entries.templates import abstract, arxiv_id_of
from promptbot.models import Entry

HISTORY = Path(__file__).parents[1] / "data" / "history"


def entry_of(raw: str) -> Entry:
    """The entry the catalog parser reads from one line (or block) of a list."""
    parsed = catalog.parse(raw + "\n").entries
    assert parsed, raw
    return parsed[0]


def template_of(raw: str) -> Template:
    """The template of the entry one line (or block) of a list holds."""
    template = abstract(entry_of(raw))
    assert template is not None, raw
    return template


def slots(template: Template) -> list[tuple[str, str]]:
    return [(s.kind, s.form) for s in template.slots]


def test_an_arxiv_id_ending_a_sentence_is_the_paper_slot() -> None:
    # Before, `arXiv:2203.17274.` read as the venue arXiv and a month `2203`, leaving the
    # exemplar's `.17274` in the text for a new paper's month to join.
    entry = catalog.parse("- **Exploring Visual Prompts for Adapting Models,** "
                          "arXiv:2203.17274. ![](https://img.shields.io/badge/x-green)\n\n"
                          "  *Hyojin Bahng, Phillip Isola.* "
                          "[[Paper](https://arxiv.org/abs/2203.17274)]\n").entries[0]
    template = abstract(entry)
    assert template is not None
    assert Slot("paper", "arXiv:{id}", original="arXiv:2203.17274") in template.parts
    assert not any(isinstance(p, Slot) and p.kind == "date" for p in template.parts)


def test_a_venue_tag_title_and_links_become_slots() -> None:
    raw = ("* [**CVPR'26**] VideoSeek: Long-Horizon Video Agent with Tool-Guided Seeking "
           "[[Paper](https://arxiv.org/pdf/2603.20185)] [[Code](https://github.com/jylins/videoseek)]")
    template = template_of(raw)
    assert slots(template) == [("venue", ""), ("date", "%y"), ("title", ""),
                               ("paper", "https://arxiv.org/pdf/{id}"), ("code", "")]
    assert template.parts[0] == "* [**" and " [[Paper](" in template.parts


def test_a_month_tag_and_a_name_tag_are_found_by_the_entrys_own_arxiv_id() -> None:
    raw = ("* [2508] [ERGO] [ERGO: Efficient High-Resolution Visual Understanding for "
           "Vision-Language Models](https://arxiv.org/abs/2509.21991)")
    template = template_of(raw)
    # 2508 is not this entry's month (2509): a year-like number only when it is the id's month.
    kinds = [s.kind for s in template.slots]
    assert kinds[-3:] == ["name", "title", "paper"]


def test_a_compact_table_row_with_authors_and_a_month_column() -> None:
    header = "|Date|Authors|Title|Code|\n|---|---|---|---|\n"
    raw = ("|202506|S. Sobhan et al.|MedPrompt: LLM-CNN Fusion with Weight Routing for Medical "
           "Image Segmentation [(paper)](https://arxiv.org/pdf/2506.21199)|None|")
    entry = catalog.parse(header + raw + "\n").entries[0]
    template = abstract(entry)
    assert template is not None
    assert ("date", "%Y%m") in slots(template) and ("authors", "initials") in slots(template)
    assert str(template.parts[-1]).endswith("|None|")


def row_template(header: str, row: str) -> Template:
    """A table row under its header and delimiter, as a template."""
    template = abstract(catalog.parse(header + row + "\n").entries[0])
    assert template is not None
    return template


def test_a_link_labelled_with_the_papers_name_is_a_name_slot() -> None:
    # Jack-bo1220/Awesome-Remote-Sensing-Foundation-Models labels each paper's link with its
    # name (`[GASSL](…)`); the label was the exemplar's own words, and new rows wrote the title
    # in its place or copied another paper's name.
    template = row_template(
        "|Abbreviation|Title|Publication|Paper|Code|\n|:---:|---|:---:|:---:|:---:|\n",
        "|**GASSL**|**Geography-Aware Self-Supervised Learning**|ICCV2021|[GASSL](https://arxiv."
        "org/abs/2011.09980)|[link](https://github.com/sustainlab-group/geography-aware-ssl)|")
    assert [s.kind for s in template.slots].count("name") == 2
    assert "[{name}]({paper})" in template.key


def test_a_bare_url_ends_at_its_cells_bar() -> None:
    # TimeBreaker/MARL-papers-with-code: the code as a bare URL, the venue and year after it;
    # the code's slot took `…/learning-to-communicate|NIPS|2016`, and new rows lost two cells.
    template = row_template(
        "Category|Paper|Code|Accepted at|Year\n--|:--:|:--:|:--:|--:\n",
        "Communication|[RIAL: Learning to Communicate](https://arxiv.org/abs/1605.06676)|"
        "https://github.com/iassael/learning-to-communicate|NIPS|2016")
    assert [(s.kind, s.original) for s in template.slots][-3:] == [
        ("code", "https://github.com/iassael/learning-to-communicate"), ("venue", "NIPS"),
        ("date", "2016")]


@pytest.mark.parametrize("credit", ["HE. Wong et al.", "DMH. Nguyen et al.", "T. C. Ndir et al."])
def test_a_credit_of_several_initials_is_one_slot(credit: str) -> None:
    # YichiZhang98/SAM4MIS writes several given names as one run of initials: they are the
    # paper's author, never text a new entry would copy.
    header = "|Date|Authors|Title|Code|\n|---|---|---|---|\n"
    raw = f"|202412|{credit}|MultiverSeg: Scalable Segmentation [(paper)](https://arxiv.org/pdf/2412.15058)|None|"
    template = abstract(catalog.parse(header + raw + "\n").entries[0])
    assert template is not None
    assert ("authors", "initials") in slots(template)
    assert not any(credit.split()[0] in part for part in template.parts if isinstance(part, str))


def test_a_multi_line_entry_keeps_its_badges_and_line_breaks() -> None:
    raw = ("+ [Force Prompting: Video Generation Models Can Learn Physics](https://arxiv.org/abs/"
           "2505.19386) (May, 2025)  \n  [![Star](https://img.shields.io/github/stars/brown-palm/"
           "force-prompting.svg?style=social&label=Star)](https://github.com/brown-palm/force-"
           "prompting)\n  [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv"
           ".org/pdf/2505.19386)")
    template = template_of(raw)
    assert [s.kind for s in template.slots] == ["title", "paper", "date", "repo", "code", "paper"]
    assert ("date", "%b, %Y") in slots(template)
    # The constant arXiv badge is the list's markup, not a value.
    assert any("img.shields.io/badge/arXiv" in p for p in template.parts if isinstance(p, str))
    assert ")  \n  [![Star](" in template.parts


def test_raw_html_slots_are_marked_for_html_escaping() -> None:
    text = (HISTORY / "SIBench_Awesome-Visual-Spatial-Reasoning_2eb21f6.md").read_text("utf-8")
    assert "<td><a href=" in text  # rows the parser of today does not read as entries
    entry = Entry(line=1, end_line=1, raw='    <td><a href="https://arxiv.org/abs/2601.14339">'
                  "CityCube: Benchmarking Cross-view Spatial Reasoning</a></td>\n",
                  kind="bullet", title="CityCube: Benchmarking Cross-view Spatial Reasoning",
                  arxiv_ids=("2601.14339",))
    template = abstract(entry)
    assert template is not None
    assert all(s.html for s in template.slots)


def test_every_history_entry_is_abstracted_with_its_title_and_paper_link() -> None:
    rows = [json.loads(line) for line in (HISTORY / "rows.jsonl").read_text("utf-8").splitlines()]
    read = 0
    for row in rows:
        found = catalog.parse(_with_header(row["entry"]) + "\n").entries
        if not found:
            continue  # HTML table cells: no entry for the parser of today
        template = abstract(found[0])
        assert template is not None, row["entry"]
        assert {"title", "paper"} <= template.kinds, row["entry"]
        read += 1
    assert read >= 18


def _with_header(entry: str) -> str:
    """A table row under a header naming its longest cell Title, as its list's header does."""
    if not entry.startswith("|"):
        return entry
    cells = entry.strip().strip("|").split("|")
    longest = max(range(len(cells)), key=lambda i: len(cells[i]))
    names = ["Title" if i == longest else f"c{i}" for i in range(len(cells))]
    return "|" + "|".join(names) + "|\n|" + "---|" * len(cells) + "\n" + entry


def test_the_skeleton_keeps_markup_and_line_breaks_only() -> None:
    assert skeleton("* [**CVPR'26**] Some Title  \n  [[Paper](x)]") == "* [**a'0**] a⏎\n [[a](a)]"
    assert Template((Slot("title"), " [x]"), "bullet", 1).key == "{title} [a]"


def test_helpers() -> None:
    assert arxiv_id_of("https://arxiv.org/pdf/2506.21199v2.pdf") == "2506.21199"
    assert arxiv_id_of("https://github.com/o/r") is None


@pytest.mark.parametrize("raw", ["* nothing here", "| a | b |"])
def test_text_without_an_entry_is_not_abstracted(raw: str) -> None:
    assert not catalog.parse(raw + "\n").entries


def test_a_website_badge_that_links_to_arxiv_is_no_paper_slot() -> None:
    # showlab/Awesome-Video-Diffusion: one entry of 596 links its Website badge to arXiv (no page
    # yet); as an exemplar it must not make the bot write the paper's URL behind `Website`.
    entry = catalog.parse(
        "+ [A Title Of Some Length](https://arxiv.org/abs/2407.10937) (Jul., 2024)  \n"
        "  [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/"
        "2407.10937)\n"
        "  [![Website](https://img.shields.io/badge/Website-9cf)](https://arxiv.org/abs/"
        "2407.10937)\n").entries[0]
    template = abstract(entry)
    assert template is not None
    kinds = [p.kind for p in template.parts if isinstance(p, Slot)]
    assert kinds.count("paper") == 2 and kinds[-1] == "project"


def test_an_entry_whose_short_name_is_its_whole_title_is_no_exemplar() -> None:
    # liliu-avril/Awesome-Segment-Anything: `- **DINOv3:** A, B.<br />⏎"DINOv3." ArXiv (2025).`
    # A paper without a name was written `- **Its Title:** A.<br />⏎"." CVPR (2026).`
    raw = ("- **DINOv3:** Oriane Siméoni, Huy V. Vo.<br />\n\"DINOv3.\" ArXiv (2025).\n"
           "[[paper](https://arxiv.org/abs/2508.10104)]\n")
    entry = catalog.parse(raw).entries[0]
    assert (entry.name, entry.title) == ("DINOv3", "DINOv3")
    assert abstract(entry) is None
    named = catalog.parse(raw.replace('"DINOv3."', '"DINOv3: Self-Supervised Vision."'))
    assert abstract(named.entries[0]) is not None


def test_an_arxiv_link_labelled_otherwise_is_the_paper_slot_where_nothing_else_links_it() -> None:
    # wangkai930418/awesome-diffusion-categorized: `**Title** \⏎[[Website](arXiv)]` for its
    # preprints; read as the project's slot, a new entry put its title where the label was.
    entry = catalog.parse(
        "**Diffusion Illusions: Hiding Images in Plain Sight** \\\n"
        "[[Website](https://arxiv.org/abs/2312.03817)]\n").entries[0]
    template = abstract(entry)
    assert template is not None
    assert [p.kind for p in template.parts if isinstance(p, Slot)] == ["title", "paper"]


@pytest.mark.parametrize(
    "raw",
    [
        ("+ [WorldExplorer: Towards Generating Fully Navigable 3D Scenes](https://arxiv.org/abs/"
         "2506.01799) (Jun., 2025)\n  [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)]"
         "(https://arxiv.org/abs/2506.01799)\n  [![Website](https://img.shields.io/badge/"
         "Website-9cf)](https://the-world-explorer.github.io/)"),
        ("* [2507] [Video-RTS] [Video-RTS: Rethinking Reinforcement Learning](https://arxiv.org/"
         "abs/2507.06485) [[Project 🌐](https://sites.google.com/cs.unc.edu/videorts2025/)] "
         "[[Code 💻](https://github.com/Ziyang412/Video-RTS)]"),
        # showlab (history-dev): 14 of 596 Website badges lead to a GitHub repository (the
        # paper's page was its repository, or an awesome list); as an exemplar, its Website
        # slot is still the project page's, never the code link written a second time.
        ("+ [A Survey of Physics in Video Generation](https://arxiv.org/abs/2505.00001) (May, "
         "2025)  \n  [![Star](https://img.shields.io/github/stars/owner/physics.svg?style=social"
         "&label=Star)](https://github.com/owner/physics)\n  [![arXiv](https://img.shields.io/"
         "badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2505.00001)\n  [![Website](https://img."
         "shields.io/badge/Website-9cf)](https://github.com/owner/Awesome-Physics)"),
    ],
)
def test_a_link_labelled_as_the_project_page_is_a_project_slot(raw: str) -> None:
    template = template_of(raw)
    projects = [s for s in template.slots if s.kind == "project"]
    assert len(projects) == 1 and "arxiv" not in projects[0].original


def test_a_linked_title_that_says_models_is_the_papers_own_link() -> None:
    # BradyFU's list (history-dev): the title links the paper's PDF; "Models" in a title is no
    # label of a model's page, so the list's `pdf` form is kept.
    template = abstract(entry_of(
        "| Title | Venue | Date | Code | Demo |\n|---|---|---|---|---|\n"
        "| ![Star](https://img.shields.io/github/stars/Tencent/VITA.svg?style=social&label=Star)"
        " <br> [**VITA-VLA: Efficiently Teaching Vision-Language Models to Act via Action Expert "
        "Distillation**](https://arxiv.org/pdf/2510.09607) <br> | arXiv | 2025-10-10 | "
        "[Github](https://github.com/Tencent/VITA/tree/VITA-VLA) | - |"))
    assert template is not None
    assert [s.form for s in template.slots if s.kind == "paper"] == ["https://arxiv.org/pdf/{id}"]


# danieljf24/awesome-video-text-retrieval: a credit in code, a citation's venue and year.
CREDITED = ("- `[Bai et al. ARXIV22]` LaT: Latent Translation for Video-Text Retrieval. "
            "arXiv:2207.04858, 2022. [[paper]](https://arxiv.org/pdf/2207.04858.pdf)")


def test_a_venue_glued_to_its_year_and_an_arxiv_id_in_the_text_are_slots() -> None:
    template = abstract(entry_of(CREDITED))
    assert template is not None
    assert slots(template) == [("authors", ""), ("venue", ""), ("date", "%y"), ("title", ""),
                               ("paper", "arXiv:{id}"), ("date", "%Y"),
                               ("paper", "https://arxiv.org/pdf/{id}.pdf")]
    assert template.title == "LaT: Latent Translation for Video-Text Retrieval"


def test_an_image_kept_on_github_is_the_exemplars_own_never_a_code_slot() -> None:
    # Hedlen/awesome-segment-anything: a figure from the paper's repository in its own column;
    # the new paper's code link was written into it as an image.
    raw = ("| Title | Presentation | Paper page | Code base |\n|:-:|:-:|:-:|:-:|\n| OvSeg | "
           "![img](https://github.com/facebookresearch/ov-seg/raw/main/resources/ovseg.gif) | "
           "[CVPR2023](https://arxiv.org/abs/2210.04150) | [Code](https://github.com/"
           "facebookresearch/ov-seg) |")
    template = template_of(raw)
    assert [s.kind for s in template.slots if s.kind in ("code", "other")] == ["other", "code"]


@pytest.mark.parametrize(("label", "kind"), [
    # jianghaojun/Awesome-3D-Vision-and-Language: a page of the exemplar's repository labelled
    # `Data Preparation`; a new paper's code link was written under that label.
    ("[Data Preparation]", "other"), ("[Datasets 🤗]", "other"), ("Model weights", "other"),
    ("[Data & Code]", "code"), ("Code", "code"),
    # A project's own name that holds such a word names no resource.
    ("Open-LLaVA-Video-R1 💻", "code"),
])
def test_a_github_link_labelled_as_a_resource_is_the_exemplars_own(label: str, kind: str) -> None:
    raw = (f"1. **ScanQA**: Azuma, Daichi, et al. **ScanQA: 3D Question Answering for Spatial "
           f"Scene Understanding**. CVPR 2022. [[Paper]](https://arxiv.org/pdf/2112.10482.pdf) "
           f"[{label}](https://github.com/ATR-DBI/ScanQA/blob/main/docs/dataset.md)")
    template = template_of(raw)
    assert [s.kind for s in template.slots if s.kind in ("code", "other")] == [kind]


def test_the_linked_title_is_the_title_though_a_longer_label_holds_it() -> None:
    # VainF/Awesome-Anything: `[**SAM3D: Segment Anything in 3D Scenes**](arXiv) … [[**SAM3D:
    # Segment Anything in 3D Scenes (Project)**](GitHub)]`; the longer label was taken for the
    # title, and new entries kept `: Segment Anything in 3D Scenes` of the other paper.
    raw = ("* [**SAM3D: Segment Anything in 3D Scenes**](https://arxiv.org/abs/2306.03908) "
           "[[**SAM3D: Segment Anything in 3D Scenes (Project)**](https://github.com/a/b)]\n")
    template = abstract(catalog.parse(raw).entries[0])
    assert template is not None
    assert template.title == "SAM3D: Segment Anything in 3D Scenes"
    assert template.parts[0] == "* [**" and isinstance(template.parts[1], Slot)


def test_a_figure_goes_with_its_closing_tag() -> None:
    raw = ("| [**GigaGAN: Large-scale GAN for Text-to-Image Synthesis**](https://arxiv.org/abs/"
           "2303.05511) | <img alt=\"image\" src=\"https://user-images.githubusercontent.com/1/"
           "fig.png\"></img> | [[Page](https://mingukkang.github.io/GigaGAN/)] |\n")
    template = abstract(catalog.parse("| Title | Intro | Links |\n|:--|:--:|:--:|\n" + raw
                                      ).entries[0])
    assert template is not None
    figure = [p for p in template.parts if isinstance(p, Slot) and "<img" in p.original]
    assert len(figure) == 1 and figure[0].kind == "other"
    assert figure[0].original.endswith("</img>")


def test_a_topic_tag_is_a_value_the_bot_cannot_know() -> None:
    raw = ("* (CVPR 2023) [💬 3D] **High-Fidelity 3D Face Generation from Natural Language "
           "Descriptions**, Menghua Wu et al. [[Paper](https://arxiv.org/abs/2305.03302)]\n")
    template = abstract(catalog.parse(raw).entries[0])
    assert template is not None
    topic = [p for p in template.parts if isinstance(p, Slot) and "💬" in p.original]
    assert [(p.kind, p.original) for p in topic] == [("other", "💬 3D")]
    assert not any(isinstance(p, Slot) and p.kind == "name" for p in template.parts)


def test_the_last_authors_mark_of_affiliation_goes_with_the_author_list() -> None:
    # zchoi/Awesome-Embodied-Agent-with-LLMs: `Difei Gao<sup>1,2</sup>, …, Xilin Chen<sup>1</sup>`;
    # the last name's mark stayed behind, and a new entry said `Ada Lovelace, Bob Zed<sup>1</sup>`.
    raw = ("* [**Env-QA: A Video Question Answering Benchmark**](https://arxiv.org/abs/2104.00001) "
           "[**ICCV 2021**]<br>\nDifei Gao<sup>1,2</sup>, Ruiping Wang<sup>1,2,3</sup>, "
           "Xilin Chen<sup>1</sup><br>\n")
    template = abstract(catalog.parse(raw).entries[0])
    assert template is not None
    authors = [p for p in template.parts if isinstance(p, Slot) and p.kind == "authors"]
    assert [p.original for p in authors] == [
        "Difei Gao<sup>1,2</sup>, Ruiping Wang<sup>1,2,3</sup>, Xilin Chen<sup>1</sup>"]


def test_a_count_in_brackets_is_no_name() -> None:
    # htqin/awesome-model-quantization: `[71:fire:]`, how often the paper is cited, took the
    # name's place, and new entries said `[Zebra-Net] Zebra-Net: …`.
    raw = ("- [[arXiv](https://arxiv.org/pdf/1705.01462.pdf)] [71:fire:] Ternary Neural Networks "
           "with Fine-Grained Quantization. [**`qnn`**]\n")
    template = abstract(catalog.parse(raw).entries[0])
    assert template is not None
    assert not any(isinstance(p, Slot) and p.kind == "name" for p in template.parts)


@pytest.mark.parametrize("link", ["[[paper]](https://dl.acm.org/doi/pdf/10.1145/3397271.3401151)",
                                  "[paper](https://dl.acm.org/doi/pdf/10.1145/3397271.3401151)"])
def test_a_paper_link_elsewhere_is_the_paper_slot_whatever_brackets_its_label(link: str) -> None:
    # danieljf24/awesome-video-text-retrieval labels its proceedings links `[[paper]](…)`. Read
    # as another paper's value, they made every exemplar lose its paper link, and a published
    # paper was written from one whose venue the bot could not fill: `Title, 2026.`, no `CVPR`.
    raw = f"* `[Yang et al. SIGIR20]` Tree-Augmented Retrieval. SIGIR, 2020. {link}"
    template = abstract(catalog.parse(raw + "\n").entries[0])
    assert template is not None
    papers = [s for s in template.slots if s.kind == "paper"]
    assert [s.original for s in papers] == [link[link.index("(") + 1:-1]]
    assert "other" not in template.kinds


def test_the_papers_page_linked_again_under_another_label_is_no_second_paper_link() -> None:
    # VainF/Awesome-Anything links a title to its project page and links that page again,
    # `[[Page]](…)`: a new row linked its arXiv page twice, as `[[Page]](https://arxiv.org/…)`.
    raw = ("| [**Clearer Frames, Anytime**](https://zzh-tech.github.io/InterpAny-Clearer/) "
           "<br> > Preprint'23 | [[Github]](https://github.com/zzh-tech/InterpAny-Clearer) <br> "
           "[[Page]](https://zzh-tech.github.io/InterpAny-Clearer/) |")
    template = template_of("| Title | Links |\n| --- | --- |\n" + raw)
    assert [s.kind for s in template.slots if s.kind in ("paper", "code")] == ["paper", "code"]


def test_a_proceedings_link_beside_the_arxiv_link_is_the_exemplars_own() -> None:
    # LutingWang/awesome-knowledge-distillation-for-object-detection links each paper three
    # times, `\[[CVF](…)\] \[[IEEE Xplore](…)\] \[[arXiv](…)\]`: a new entry linked arXiv thrice.
    raw = ("- General Instance Distillation for Object Detection "
           "\\[[CVF](http://openaccess.thecvf.com/content/CVPR2021/html/Dai_GID.html)\\] "
           "\\[[IEEE Xplore](https://ieeexplore.ieee.org/abstract/document/9577671/)\\] "
           "\\[[arXiv](http://arxiv.org/abs/2103.02340)\\]")
    template = template_of(raw)
    assert [s.original for s in template.slots if s.kind == "paper"] == [
        "http://arxiv.org/abs/2103.02340"]


def test_an_arxiv_id_written_after_the_word_is_the_papers_own_never_a_date() -> None:
    # xuyu0010/awesome-video-domain-adaptation: `ArXiv 2208.06554`. Its `2208` was read as the
    # month and `.06554` kept: a new entry said `CVPR 2026.06554`.
    raw = ("- [Memory Efficient Temporal Graph Model](https://arxiv.org/abs/2208.06554) "
           "ArXiv 2208.06554")
    template = template_of(raw)
    assert slots(template) == [("title", ""), ("paper", "https://arxiv.org/abs/{id}"),
                               ("paper", "ArXiv {id}")]


def test_a_badges_logo_is_no_venue_and_a_name_in_code_is_the_name() -> None:
    # TsinghuaC3I/Awesome-RL-for-LRMs: `| 2025-08 | `CAPO` | Title | [![Paper](https://img.
    # shields.io/badge/paper-A42C25?style=for-the-badge&logo=arxiv&logoColor=white)](…) |`. The
    # logo's `arxiv` was a venue slot, which cut the badge's address into values: new rows put
    # the title link in every cell. The name was read with its code marks, and written bare.
    raw = ("| Date | Name | Title | Paper |\n|---|---|---|---|\n| 2025-08 | `CAPO` | CAPO: "
           "Towards Enhancing LLM Reasoning | [![Paper](https://img.shields.io/badge/paper-A42C25?"
           "style=for-the-badge&logo=arxiv&logoColor=white)](https://arxiv.org/abs/2508.02298) |")
    assert entry_of(raw).name == "CAPO"
    template = template_of(raw)
    assert [kind for kind, _ in slots(template)] == ["date", "name", "title", "paper"]
    assert "| `" in "".join(p for p in template.parts if isinstance(p, str))


def test_an_author_lists_marks_and_their_note_are_the_old_papers() -> None:
    # awesome-NeRF: `Nguyen*, Bourki*, … (*: Equal contribution)`. The note stayed in the
    # template without the names it explains, and a new entry said `(*: )`.
    raw = ("- [A Comprehensive Review](https://arxiv.org/abs/2402.11141), Thang Nguyen*, Amine "
           "Bourki*, and Mohammed Bennamoun* (*: Equal contribution), Arxiv 2024 | [github]"
           "(https://github.com/a/b)")
    template = template_of(raw)
    authors = next(s for s in template.slots if s.kind == "authors")
    assert authors.original == ("Thang Nguyen*, Amine Bourki*, and Mohammed Bennamoun* "
                                "(*: Equal contribution)")
    assert not any("*" in part for part in template.parts if isinstance(part, str))
    # thunlp/PromptPapers: a `*` right after the names closes their emphasis; it stays.
    emphasised = template_of("1. **Prompt Tuning for Graphs.** Preprint.\n\n   *Yulong Chen, "
                             "Yang Liu, Yue Zhang*  [[pdf](https://arxiv.org/abs/2202.04824)], "
                             "2022.02")
    authors = next(s for s in emphasised.slots if s.kind == "authors")
    assert authors.original == "Yulong Chen, Yang Liu, Yue Zhang"


def test_a_badge_that_shows_the_papers_id_shows_the_new_ones() -> None:
    # SkalskiP/top-cvpr-2023-papers: `badge/arXiv-2212.07422-b31b1b.svg`. The badge was read as
    # markup, so a new entry showed the old paper's id, and its `arXiv` as the venue (`CVPR-…`).
    raw = ("| 3D | ECON: Explicit Clothed humans Optimized via Normal integration |  [![arXiv]"
           "(https://img.shields.io/badge/arXiv-2212.07422-b31b1b.svg)](https://arxiv.org/abs/"
           "2212.07422)|")
    template = template_of("| topic | title | paper |\n|---|---|---|\n" + raw)
    assert Slot("paper", "arXiv-{id}", original="arXiv-2212.07422") in template.parts
    assert "venue" not in template.kinds
    assert not any("2212.07422" in part for part in template.parts if isinstance(part, str))


def test_a_link_to_nowhere_is_the_exemplars_own_value_a_title_linked_so_the_title() -> None:
    # chaofengc/Awesome-Image-Quality-Assessment's `[Github]()`: copied into new entries.
    template = template_of("- `[ECCV 2024]` [A Comprehensive Study of Quality](https://arxiv.org/"
                           "abs/2403.10854), Wu et al. [Github]() | [Bibtex](./iqa_ref.bib#L936)")
    assert ("other", "[Github]()") in [(s.kind, s.original) for s in template.slots]
    # JindongGu's tables link some titles to nowhere, `[Title]()`: still the title's slot.
    titled = abstract(catalog.parse(
        "| Title | Venue | Year |\n| --- | --- | --- |\n"
        "| [Visual Prompt Tuning for Test-time Adaptation]() | arXiv | 2022 |\n").entries[0])
    assert titled is not None and [s.kind for s in titled.slots][:1] == ["title"]


@pytest.mark.parametrize("raw", [
    "**[6]** Szegedy, Christian, et al. \"**Going deeper with convolutions**.\" CVPR 2015. "
    "[[pdf]](https://arxiv.org/abs/1409.4842)",
    "[14]Going deeper with convolutions<br>\n[paper](https://arxiv.org/abs/1409.4842)<br><br>",
])
def test_the_lists_count_of_its_papers_is_the_number_slot(raw: str) -> None:
    # floodsung's `**[6]**`, extreme-assistant's `[14]`: read as the paper's name, a new entry
    # said `**Zebra-Net**` or `[Zebra-Net]` where the next number goes.
    template = template_of(raw)
    assert [(s.kind, s.original) for s in template.slots][:1] == [
        ("number", raw.split("]")[0].lstrip("*["))]
