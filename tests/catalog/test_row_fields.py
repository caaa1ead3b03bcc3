"""Table rows read through their header's columns, and blocks of key lines."""

from __future__ import annotations

from promptbot import catalog
from promptbot.models import Entry

ARXIV = "https://arxiv.org/abs/2109.01134"


def one(text: str) -> Entry:
    result = catalog.parse(text)
    assert len(result.entries) == 1, result
    return result.entries[0]


def test_table_columns_come_from_the_header() -> None:
    text = ("| Method | Paper | Conference | Date | Code |\n|---|:--|--|--|--|\n"
            f"| **CoOp** | [Learning to Prompt for Vision-Language Models]({ARXIV}) | IJCV "
            "| 2022-01 "
            "| [link](https://github.com/KaiyangZhou/CoOp) |\n")
    entry = one(text)
    assert (entry.kind, entry.name, entry.title, entry.venue, entry.year) == (
        "table", "CoOp", "Learning to Prompt for Vision-Language Models", "IJCV", 2022)
    assert entry.code_urls == ("https://github.com/KaiyangZhou/CoOp",)


def test_a_venue_cell_with_its_short_year_reads_as_the_venue_and_the_year() -> None:
    # VainF/Awesome-Anything: `| [Title](…) | First Author | Preprint'23 | Topic |`. The venue
    # was `Preprint'23` with no year, so the list's word for a preprint was never learned.
    text = ("| Paper | First Author | Venue | Topic |\n| :--- | :---: | :--: | :--: |\n"
            f"| [Learning to Prompt for Vision-Language Models]({ARXIV}) | Kaiyang Zhou "
            "| Preprint'23 | Prompting |\n")
    assert (one(text).venue, one(text).year) == ("Preprint", 2023)


def test_a_publication_column_beside_a_paper_column_is_the_venue() -> None:
    # ydyjya/Awesome-LLM-Safety: `| Date | Institute | Publication | Paper |`; its rows were
    # read with the title `NIPS2023`, and new rows said `CVPR` where the list says `CVPR2026`.
    text = ("| Date | Institute | Publication | Paper |\n| :---: | :---: | :---: | :---: |\n"
            f"| 23.07 | UC Berkeley | NIPS2023 | [Learning to Prompt for Vision-Language Models]"
            f"({ARXIV}) |\n")
    entry = one(text)
    assert (entry.title, entry.venue, entry.year, entry.affiliation) == (
        "Learning to Prompt for Vision-Language Models", "NIPS", 2023, "UC Berkeley")
    alone = ("| Publication | Code |\n|---|---|\n"
             f"| [Learning to Prompt for Vision-Language Models]({ARXIV}) | - |\n")
    assert one(alone).title == "Learning to Prompt for Vision-Language Models"


def test_an_institute_column_is_the_affiliation_whatever_its_header_remarks() -> None:
    # ActiveVisionLab/Awesome-LLM-3D (`| Date | Keywords | Institute (first) | Paper |`) and
    # Hannibal046/Awesome-LLM (`| Date | keywords | Institute | Paper |`): the column was no
    # field, and new rows left it empty for a paper whose affiliation was known.
    for header in ("Institute (first)", "Institute"):
        text = (f"| Date | Keywords | {header} | Paper | Publication |\n|---|---|---|---|---|\n"
                f"| 2024-10-12 | Situation3D | UIUC | [Learning to Prompt]({ARXIV}) | CVPR '24 |\n")
        assert one(text).affiliation == "UIUC"


def test_a_column_that_says_it_abbreviates_the_paper_is_the_name_read_from_its_link() -> None:
    # HKUST-LongGroup/Awesome-Open-Vocabulary-Detection-and-Segmentation: `|Venue|Paper Abbr|Full
    # Title|Project|`, the short name linked to the paper. No name was read, and new rows were
    # written with another paper's number for a name: `[1](https://arxiv.org/abs/…)`.
    text = ("|Venue|Paper Abbr|Full Title|Project|\n|:-:|:-:|:-:|:-:|\n"
            f"|ECCV'18|[ZSDv1]({ARXIV})|Zero-Shot Object Detection|N/A|\n")
    entry = one(text)
    assert (entry.name, entry.title, entry.arxiv_ids) == (
        "ZSDv1", "Zero-Shot Object Detection", ("2109.01134",))
    # A name column's link (`[Video-LLaMA](github…)`) is no part of the name either.
    linked = one("| Method | Paper |\n| --- | --- |\n| [CoOp](https://github.com/a/coop) "
                 f"| [Learning to Prompt]({ARXIV}) |\n")
    assert linked.name == "CoOp"


def test_a_title_cell_led_by_a_badge_reads_the_linked_title_and_the_authors_under_it() -> None:
    # joslefaure/Awesome-Multimodal-Token-Compression: the title was `[!]() <br><br>A, B, C`.
    text = ("| **Title & Authors** | **Links** |\n| --- | :---: |\n"
            "|  [![Arxiv](https://img.shields.io/badge/arXiv-2025\\.08-red)]() <br>[Learning to "
            f"Prompt for Vision-Language Models]({ARXIV})<br>Kaiyang Zhou, Jingkang Yang, Ziwei Liu"
            f" |  [Paper]({ARXIV})<br> |\n")
    entry = one(text)
    assert entry.title == "Learning to Prompt for Vision-Language Models"
    assert entry.authors == ("Kaiyang Zhou", "Jingkang Yang", "Ziwei Liu")


def test_table_rows_without_links_are_not_entries() -> None:
    text = "| Top Conference | Papers |\n| ---- | ---- |\n| 2022 | **CVPR**: |\n"
    assert catalog.parse(text).entries == () and catalog.parse(text).unparsed == ()


def test_table_row_without_a_title_is_unparsed() -> None:
    text = "| Title | Code |\n| --- | --- |\n| | [Code](https://github.com/a/b) |\n"
    result = catalog.parse(text)
    assert result.entries == ()
    assert [(u.line, u.text) for u in result.unparsed] == [
        (3, "| | [Code](https://github.com/a/b) |")]


def test_block_needs_a_key_line_and_keeps_blank_lines_inside() -> None:
    text = ("**Only Bold Text**\n\nprose\n\n**A Title With Links**\n\n- Paper: "
            "https://arxiv.org/abs/2403.00001\n\n- Code : https://github.com/a/b \n\nprose\n")
    entry = one(text)
    assert (entry.line, entry.end_line, entry.kind) == (5, 9, "block")
    assert entry.code_urls == ("https://github.com/a/b",)


def test_a_block_keeps_its_keyed_lines_that_link_nothing_and_its_autolinks() -> None:
    # amusi/awesome-object-detection: `**Title**`, then `- intro: …`, `- arxiv: <http://…>`,
    # `- github: <…>`. Its keyed lines were no block: each `- arxiv:` line was an entry titled
    # `arxiv: <`, the title a heading, and a new paper went into the middle of another's lines.
    text = ("## R-CNN\n\n**Rich feature hierarchies for accurate object detection**\n\n"
            "- intro: CVPR 2014\n- arxiv: <http://arxiv.org/abs/1311.2524>\n"
            "- github: <https://github.com/rbgirshick/rcnn>\n"
            '- caffe-pr("Make R-CNN the Caffe detection example"): <https://github.com/BVLC/p>\n'
            "\n**Only keys that link nothing**\n\n- intro: a note\n")
    entry = one(text)
    assert (entry.line, entry.end_line, entry.kind) == (3, 8, "block")
    assert entry.title == "Rich feature hierarchies for accurate object detection"
    assert entry.arxiv_ids == ("1311.2524",)
    assert entry.code_urls[0] == "https://github.com/rbgirshick/rcnn"


def test_a_stars_image_before_the_linked_title_is_no_title() -> None:
    # BradyFU/Awesome-Multimodal-Large-Language-Models (history-dev): `![Star](…) <br>
    # [**Title**](…)`. Most of its rows were read with the title `Star`.
    text = ("| Title | Venue | Date | Code | Demo |\n|:--|:--:|:--:|:--:|:--:|\n"
            "| ![Star](https://img.shields.io/github/stars/showlab/Show-o.svg?style=social&label="
            f"Star) <br> [**Learning to Prompt for Vision-Language Models**]({ARXIV}) <br> | "
            "arXiv | 2025-06-18 | [Github](https://github.com/showlab/Show-o) | - |\n")
    assert one(text).title == "Learning to Prompt for Vision-Language Models"


# Video-R1/Awesome-Multimodal-Reasoning: the header names no title column, each title is the
# words before its `[[📑Paper]](…)` link. Four of its 69 rows were read, with the titles `model`,
# `Project website` and `Data` (later links' labels); the others not at all.
VIDEO_R1_ROWS = (
    "| Date | Project | SFT | RL | Task |\n| ---- | ---- | ---- | ---- | ---- |\n"
    "| 25.03 | Reason-RFT: Reinforcement Fine-Tuning for Visual Reasoning  [[📑Paper]](https://"
    "arxiv.org/abs/2503.20752)[[🖥️Code]](https://tanhuajie.github.io/ReasonRFT) |  SFT-based "
    "Reasoning Activation | GRPO | Visual Count |\n"
    "| 25.03 | VisualPRM: An Effective Process Reward Model for Multimodal Reasoning [[📑Paper]]"
    "(https://arxiv.org/abs/2503.10291)[[model]](https://huggingface.co/OpenGVLab/VisualPRM-8B)"
    " | - | - | Process Reward Model |\n"
    "| 25.03 | MetaSpatial [[🖥️Code]](https://github.com/PzySeere/MetaSpatial) | - | GRPO | 3D "
    "spatial reasoning |\n")


def test_a_title_column_the_header_does_not_name_is_found_from_the_rows() -> None:
    entries = catalog.parse(VIDEO_R1_ROWS).entries
    assert [(e.line, e.title) for e in entries] == [
        (3, "Reason-RFT: Reinforcement Fine-Tuning for Visual Reasoning"),
        (4, "VisualPRM: An Effective Process Reward Model for Multimodal Reasoning"),
        (5, "MetaSpatial")]
    assert entries[1].arxiv_ids == ("2503.10291",)


def test_words_before_a_paper_link_are_the_title_not_a_later_link_labelled_like_one() -> None:
    text = ("| Paper | Task |\n| --- | --- |\n"
            "| VisualPRM: An Effective Process Reward Model [[📑Paper]](https://arxiv.org/abs/"
            "2503.10291)[[Project website]](https://example.org/visualprm) | Reward |\n")
    assert one(text).title == "VisualPRM: An Effective Process Reward Model"


def test_a_method_column_that_lists_several_things_is_no_short_name() -> None:
    # YuanaHao/Awesome-Diffusion-RL: `| Method |` holds `Reward Model, GRPO`; read as each
    # paper's short name, a new row put its own name there.
    text = ("| Year | Paper | Venue | Method |\n| --- | --- | --- | --- |\n"
            "| 2026 | [VIGOR: Video Geometry Reward](https://arxiv.org/abs/2603.00001) | arXiv | "
            "Reward Model, Reward Guidance |\n"
            "| 2025 | [VideoScore2: Think Before You Score](https://arxiv.org/abs/2509.00002) | "
            "arXiv | Reward Model, GRPO |\n"
            "| 2024 | [LiFT: Human Feedback for Video](https://arxiv.org/abs/2412.04814) | arXiv | "
            "Reward Model |\n")
    assert [e.name for e in catalog.parse(text).entries] == [None, None, None]
    named = text.replace("Reward Model, Reward Guidance", "VIGOR").replace(
        "Reward Model, GRPO", "VideoScore2").replace("| Reward Model |", "| LiFT |")
    assert [e.name for e in catalog.parse(named).entries] == ["VIGOR", "VideoScore2", "LiFT"]


def test_a_table_goes_on_past_a_row_broken_in_two_as_github_renders_it() -> None:
    # HKUST-LongGroup/Awesome-Open-Vocabulary-Detection-and-Segmentation breaks one row's title
    # over two lines. The table ended there for the reader, though GitHub renders the rows after
    # it: 14 listed papers were not entries (a run would propose them again), and a new row went
    # into the middle of the table.
    text = ("|Venue|Paper Abbr|Paper Title|Project|\n|:-:|:-:|:-:|:-:|\n"
            "|CVPR'22|[GLIP](https://arxiv.org/abs/2112.03857)|Grounded Language-Image "
            "Pre-training|N/A|\n"
            "|NeurIPS'22|[GLIPv2](https://arxiv.org/abs/2206.05836)|GLIPv2: Unifying Localization"
            " and VL\nUnderstanding\n|[Code](https://github.com/microsoft/GLIP)|\n"
            f"|arXiv'23|[Grounding-DINO]({ARXIV})|Grounding DINO: Marrying DINO|N/A|\n\n"
            "- A list after the table\n")
    names = [e.name for e in catalog.parse(text).entries]
    assert names == ["GLIP", "GLIPv2", "Grounding-DINO"]


def test_a_new_row_goes_after_the_rest_of_a_last_row_broken_in_two() -> None:
    # The same list breaks its last row: `|arXiv'24|[H-CLIP](…)|…in Hyperspherical⏎Space for
    # Segmentation|N/A|`. A new row went between the two halves.
    text = ("|Venue|Paper Abbr|Paper Title|Project|\n|:-:|:-:|:-:|:-:|\n"
            f"|arXiv'24|[H-CLIP]({ARXIV})|Parameter-efficient Fine-tuning in Hyperspherical\n"
            "Space for Open-vocabulary Semantic Segmentation|N/A|\n\nAfter.\n")
    entry = one(text)
    assert (entry.end_line, entry.after_line) == (3, 4)


def test_rows_commented_out_under_a_table_are_hidden_papers_not_rows() -> None:
    # HKUST-LongGroup comments out rows right under a table (`<!-- |CVPR'23|[CLIP2Scene](…)|…
    # -->`). GitHub ends the table at the comment. The reader took three of them for live rows
    # (`CLIP2Scene CVPR'23 <!`), and the section's last entry was in the comment: a new row went
    # after it, out of the table. They are the maintainers' hidden papers, the short rows too.
    text = ("## 3D\n|Venue|Paper Abbr|Paper Title|Project|\n|:-:|:-:|:-:|:-:|\n"
            "|arXiv'24|[Search3D](https://arxiv.org/abs/2409.18431)|Search3D: Hierarchical "
            "Segmentation|N/A|\n"
            "<!-- |CVPR'23|[CLIP2Scene](https://arxiv.org/abs/2301.04926)|[Code](https://github.com"
            "/runnanchen/CLIP2Scene)|\n"
            "|arXiv'22|[3DCLR](https://arxiv.org/abs/2207.01987)|Open-Vocabulary 3D Detection via "
            "Image-level Class|N/A| -->\n\nAfter.\n")
    result = catalog.parse(text)
    assert [e.name for e in result.entries] == ["Search3D"]
    assert result.entries[0].after_line == 4
    assert sorted(i for e in result.hidden for i in e.arxiv_ids) == ["2207.01987", "2301.04926"]
