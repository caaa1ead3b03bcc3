"""Tests for reading entry fields: real lines of real lists, then the family's other variants."""

from __future__ import annotations

import pytest
from catalog_files import AMUSI, BWLONG_HEAD, JINDONGGU, MULTIMODAL, SEED, parse, read_history

from promptbot import catalog
from promptbot.catalog import build_index
from promptbot.models import Catalog, Entry

FILES = {
    "seed": SEED,
    "bwlong-2305": "BWLONG_Awesome-Prompt-Learning-CV_README_2023-05-22_64ace8e.md",
    "bwlong-2308": "BWLONG_Awesome-Prompt-Learning-CV_README_2023-08-05_3bc9a1a.md",
    "bwlong": BWLONG_HEAD,
    "multimodal": MULTIMODAL,
    "jindonggu": JINDONGGU,
    "amusi": AMUSI,
}
GH = "https://github.com/"


def parsed(key: str) -> Catalog:
    return parse(FILES[key])


def entry_at(key: str, line: int) -> Entry:
    found = [e for e in parsed(key).entries if e.line == line]
    assert found, f"no entry starts at {FILES[key]}:{line}"
    return found[0]


# (origin file, line) -> fields read by hand from that line of the copied file.
# name, title, venue, year, affiliation, arXiv ids, code URLs
REAL_LINES = [
    ("seed", 18, "CoOp", "Learning to Prompt for Vision-Language Models", "IJCV", 2022,
     "NTU, Singapore", ("2109.01134",), (GH + "KaiyangZhou/CoOp",)),
    ("seed", 21, "CoCoOp", "Conditional Prompt Learning for Vision-Language Models", "CVPR", 2022,
     "NTU, Singapore", (), (GH + "KaiyangZhou/CoOp",)),
    ("seed", 22, None, "Decorate the Newcomers Visual Domain Prompt for Continual Test Time "
     "Adaptation", "AAAI", 2023, None, ("2212.04145",), ()),
    ("seed", 28, "PerVL", '"This is my unicorn, Fluffy": Personalizing frozen vision-language '
     "representations", "ECCV", 2022, "NVIDIA", ("2204.01694",), (GH + "NVlabs/PALAVRA",)),
    ("seed", 42, "TaI-DP", "Texts as Images in Prompt Tuning for Multi-Label Image Recognition",
     "arXiv", 2022, "Tomorrow Advancing Life (TAL)", ("2211.12739",), (GH + "guozix/TaI-DPT",)),
    ("seed", 78, "TPT", "Test-Time Prompt Tuning for Zero-Shot Generalization in Vision-Language "
     "Models", "NIPS", 2022, "UMD", ("2209.07511",), ("https://azshue.github.io/TPT/",)),
    ("seed", 80, "Tip-Adapter", "Tip-Adapter: Training-free CLIP-Adapter for Better "
     "Vision-Language Modeling", "arxiv", 2023, "Shanghai AI Laboratory", ("2304.01295",),
     (GH + "gaopengcuhk/tip-adapter",)),
    ("seed", 98, "XSGD", "Efficiently Aligned Cross-Lingual Transfer Learning for Conversational "
     "Tasks using Prompt-Tuning", "arXiv", 2023, "Salesforce AI", ("2304.01295",), ()),
    ("seed", 106, "MuDPT", "Multi-modal Deep-symphysis Prompt Tuning for Large Pre-trained "
     "Vision-Language Models", "arXiv", 2023, "College of Computer Science and Technology,changsha",
     ("2306.11400",), ()),
    ("seed", 108, "?", "Soft-prompt Tuning for Large Language Models to Evaluate Bias", "arXiv",
     2023, "Vector Institute for AI", ("2306.04735",), ()),
    ("seed", 110, "ProTeCt", "Prompt Tuning for Hierarchical Consistency", "arXiv", 2023,
     "Department of Electrical and Computer Engineering University of California",
     ("2306.02240",), ()),
    ("bwlong", 72, "?", "Tuning Multi-mode Token-level Prompt Alignment across Modalities",
     "arXiv", 2023, "Xidian University", ("2309.13847",), ()),
    ("bwlong", 88, "VDP-Adapter", "Enhancing CLIP with GPT-4 Harnessing Visual Descriptions as "
     "Prompts", "arXiv", 2023, "Dublin City University", ("2307.11661",),
     (GH + "mayug/VDT-Adapter",)),
    ("bwlong", 112, "Aurora", "Mode Approximation Makes Good Vision-Language Prompts", None, 2023,
     "Peking", ("2305.08381",), (GH + "WillDreamer/Aurora",)),
    ("bwlong", 156, "AP", "Amortized Prompt: Lightweight Fine-Tuning for CLIP in Domain "
     "Generalization", "arXiv", 2021, "The University of Tokyo", ("2111.12853",), ()),
    ("bwlong", 162, "VL-T5", "Unifying Vision-and-Language Tasks via Text Generation", "ICML",
     2021, "UNC Chapel Hill", ("2102.02779",), (GH + "j-min/VL-T5",)),
    ("bwlong", 170, "MAnTiS", "Multimodal Conditionality for Natural Language Generation", "arXiv",
     2021, None, ("2109.01229",), ()),
    ("bwlong", 180, "Oscar", "Multimodal Few-Shot Learning with Frozen Language Models", "Nips",
     2021, "DeepMind", (), ()),
    ("bwlong", 181, "HierKD", "Open-Vocabulary One-Stage Detection with Hierarchical "
     "Visual-Language", "CVPR", 2022, "MAIS & NLPR", ("2203.10593",),
     (GH + "mengqiDyangge/HierKD",)),
    ("bwlong", 182, "Survey", "What learning algorithm is in-context learning? Investigations with "
     "linear models", "arxiv", 2022, "Google Reasearch", ("2211.15661",),
     (GH + "ekinakyurek/google-research/tree/master/incontext",)),
    ("bwlong", 199, "PADCLIP", "PADCLIP: Pseudo-labeling with Adaptive Debiasing in CLIP for "
     "Unsupervised Domain Adaptation", "ICCV", 2023, None, (), ()),
    ("bwlong", 201, None, "Open-Set Domain Adaptation with Visual-Language Foundation Models",
     "arXiv", 2023, None, ("2307.16204",), ()),
    ("bwlong-2308", 122, "BSL", "Black-box Prompt Tuning with Subspace Learning", "arXiv", 2023,
     "Tsinghua University", ("2305.03518",), ()),
    ("bwlong-2305", 18, "CoOp", "Learning to Prompt for Vision-Language Models", "IJCV", 2022,
     None, ("2109.01134",), (GH + "KaiyangZhou/CoOp",)),
    ("multimodal", 35, "SAT", "Show, Attend and Tell: Neural Image Caption Generation with Visual "
     "Attention", "ICML", 2015, None, ("1502.03044",), ()),
    ("multimodal", 55, "RA-Transformer", "Retrieval-Augmented Transformer for Image Captioning",
     "International Conference on Content-based Multimedia Indexing (CMBI)", 2022,
     "University of Modena and Reggio Emilia, Italy", ("2207.13162",), ()),
    ("multimodal", 339, "Word2Pix", "Word2Pix: Word to Pixel Cross Attention Transformer in Visual "
     "Grounding", "arXiv", 2021, "A*STAR", ("2108.00205",), ()),
    ("multimodal", 709, "ATP", 'Revisiting the "Video" in Video-Language Understanding', "CVPR",
     2022, "Stanford", ("2206.01720",), ()),
    ("multimodal", 833, "?", "Revising Image-Text Retrieval via Multi-Modal Entailment", "arXiv",
     2022, "Soochow University, China", ("2208.10126",), ()),
    ("multimodal", 944, "StoryDALL-E", "StoryDALL-E: Adapting Pretrained Text-to-Image "
     "Transformers for Story Continuation", "ECCV", 2022, "UNC", ("2209.06192",),
     (GH + "adymaharana/storydalle",)),
    ("multimodal", 1066, "CogVideo", "CogVideo: Large-scale Pretraining for Text-to-Video "
     "Generation via Transformers", "ICLR", 2023, "Tsinghua University", ("2205.15868",),
     (GH + "THUDM/CogVideo",)),
    ("multimodal", 1771, "V<sup>*</sup>", "V<sup>*</sup>: Guided Visual Search as a Core Mechanism "
     "in Multimodal LLMs", "arXiv", 2023, "NYU", ("2312.14135",), (GH + "penghao-wu/vstar",)),
    ("multimodal", 1903, "VLM-Probing", "Scalable Performance Analysis for Vision-Language Models",
     "Joint Conference on Lexical and Computational Semantics (*SEM)", 2023, "UMich",
     ("2305.18786",), (GH + "MichiganNLP/Scalable-VLM-Probing",)),
    ("jindonggu", 53, None, "Unifying Vision-and-Language Tasks via Text Generation", "ICML", 2021,
     None, ("2102.02779",), (GH + "j-min/VL-T5",)),
    ("jindonggu", 56, None, "PaLI: A Jointly-Scaled Multilingual Language-Image Model", "ICLR",
     2023, None, ("2209.06794",), ()),
    ("jindonggu", 76, None, "InstructBLIP: Towards General-purpose Vision-Language Models with "
     "Instruction Tuning", "NeurIPS", 2023, None, ("2305.06500",),
     (GH + "salesforce/LAVIS/tree/main/projects/instructblip",)),
    ("jindonggu", 113, None, "Understanding Zero-shot Adversarial Robustness for Large-Scale "
     "Models", "ICLR", 2023, None, ("2212.07016",),
     ("https://www.catalyzex.com/paper/arxiv:2212.07016/code",)),
    ("jindonggu", 145, None, "Visual Prompt Tuning for Test-time Domain Adaptation", "arXiv", 2022,
     None, (), ()),
    ("amusi", 101, None, "Scaffold-GS: Structured 3D Gaussians for View-Adaptive Rendering", None,
     None, None, ("2312.00109",), (GH + "city-super/Scaffold-GS",)),
    ("amusi", 796, None, "LL3DA: Visual Interactive Instruction Tuning for Omni-3D Understanding, "
     "Reasoning, and Planning", None, None, None, ("2311.18651",), (GH + "Open3DA/LL3DA",)),
    ("amusi", 803, None, "CLOVA: A Closed-LOop Visual Assistant with Tool Usage and Update", None,
     None, None, ("2312.10908",), ()),
    ("amusi", 830, None, "Learning from Synthetic Human Group Activities", None, None, None,
     ("2306.16772",), (GH + "cjerry1243/M3Act",)),
]


@pytest.mark.parametrize(
    ("origin", "line", "name", "title", "venue", "year", "affiliation", "ids", "code"),
    REAL_LINES, ids=[f"{r[0]}:{r[1]}" for r in REAL_LINES],
)
def test_real_line_fields(origin: str, line: int, name: str | None, title: str,
                          venue: str | None, year: int | None, affiliation: str | None,
                          ids: tuple[str, ...], code: tuple[str, ...]) -> None:
    entry = entry_at(origin, line)
    assert (entry.name, entry.title, entry.venue, entry.year, entry.affiliation) == (
        name, title, venue, year, affiliation)
    assert entry.arxiv_ids == ids
    assert entry.code_urls == code


@pytest.mark.parametrize(
    ("origin", "line", "end_line", "kind", "roles"),
    [
        ("seed", 35, 35, "bullet", ("paper", "code", "project")),
        ("seed", 81, 82, "bullet", ("paper", "code")),
        ("bwlong", 103, 103, "bullet", ("paper", "code")),  # `[arXiv 2305](…)][Pytorch](…)]`
        ("jindonggu", 61, 61, "table", ("paper", "code")),
        ("amusi", 101, 105, "block", ("project", "paper", "code")),
        ("amusi", 330, 334, "block", ("paper", "code")),  # a blank line, then `- Code : url`
        ("amusi", 842, 845, "block", ("paper", "code")),  # `- Paper : url`
    ],
)
def test_entry_span_kind_and_link_roles(origin: str, line: int, end_line: int, kind: str,
                                        roles: tuple[str, ...]) -> None:
    entry = entry_at(origin, line)
    assert (entry.end_line, entry.kind) == (end_line, kind)
    assert tuple(link.role for link in entry.links) == roles


def one(text: str) -> Entry:
    result = catalog.parse(text)
    assert len(result.entries) == 1, result
    return result.entries[0]


ARXIV = "https://arxiv.org/abs/2109.01134"


@pytest.mark.parametrize(
    ("text", "name", "title", "venue", "year", "affiliation"),
    [
        (f"- [Learning to Prompt for Vision-Language Models]({ARXIV}) - IJCV 2022", None,
         "Learning to Prompt for Vision-Language Models", "IJCV", 2022, None),
        (f'* `CoOp`: "Learning to Prompt for Vision-Language Models", IJCV, 2022. '
         f"[[Paper]({ARXIV})]",
         "CoOp", "Learning to Prompt for Vision-Language Models", "IJCV", 2022, None),
        ("- **CoOp** - Learning to Prompt for Vision-Language Models, IJCV 2022. "
         f"[paper]({ARXIV})",
         "CoOp", "Learning to Prompt for Vision-Language Models", "IJCV", 2022, None),
        (f"- Learning to Prompt for Vision-Language Models (IJCV 2022) [[Paper]({ARXIV})]", None,
         "Learning to Prompt for Vision-Language Models", "IJCV", 2022, None),
        (f"- **Learning to Prompt for Vision-Language Models**, IJCV 2022 [[Paper]({ARXIV})]",
         None, "Learning to Prompt for Vision-Language Models", "IJCV", 2022, None),
        (f"* **CoOp**: [Learning to Prompt for Vision-Language Models]({ARXIV}), IJCV, 2022 "
         "(*NTU*)",
         "CoOp", "Learning to Prompt for Vision-Language Models", "IJCV", 2022, "NTU"),
        ("* **CoOp**: “Learning to Prompt for Vision-Language Models”, IJCV, 2022 (*NTU*). "
         f"[[Paper]({ARXIV})]", "CoOp", "Learning to Prompt for Vision-Language Models", "IJCV",
         2022, "NTU"),
        (f"1. **CoOp**: Learning to Prompt for Vision-Language Models [[CVPR'22]({ARXIV})]", "CoOp",
         "Learning to Prompt for Vision-Language Models", "CVPR", 2022, None),
        (f"- **[Learning to Prompt for Vision-Language Models]({ARXIV})** - A method for CLIP.",
         None, "Learning to Prompt for Vision-Language Models", None, None, None),
        (f"* [Learning to Prompt for Vision-Language Models]({ARXIV}) (IJCV 2022)", None,
         "Learning to Prompt for Vision-Language Models", "IJCV", 2022, None),
        (f"- [Learning to Prompt for Vision-Language Models]({ARXIV}) - Zhou et al., IJCV 2022",
         None, "Learning to Prompt for Vision-Language Models", "IJCV", 2022, None),
        (f"- Learning to Prompt for Vision-Language Models. [[paper]]({ARXIV}) [[code]](https://"
         "github.com/KaiyangZhou/CoOp)", None, "Learning to Prompt for Vision-Language Models",
         None, None, None),
        # Qinying-Liu's fields between ` | ` (history-dev): a name of two words is a name, the
        # authors in the same box are not.
        (f'58. <span id = "1003">**[Personalized OVSS]**</span> | **ICCV\'25** | Learning to '
         f"Prompt for Vision-Language Models | [`[pdf]`]({ARXIV})", "Personalized OVSS",
         "Learning to Prompt for Vision-Language Models", "ICCV", 2025, None),
        (f'3. <span id = "1003">**[Xu et al.]**</span> | **ECCV\'22** | Learning to Prompt for '
         f"Vision-Language Models | [`[pdf]`]({ARXIV})", None,
         "Learning to Prompt for Vision-Language Models", "ECCV", 2022, None),
        # Yutong-Zhou-cv/Awesome-Multimodality: the venue in parentheses first, the title in
        # bold, then the authors; a tag, or the maintainers' stars, may stand between.
        (f"* (TPAMI 2023) **Learning to Prompt for Vision-Language Models**, Kaiyang Zhou et "
         f"al. [[v1]({ARXIV})](2021.09.02)", None,
         "Learning to Prompt for Vision-Language Models", "TPAMI", 2023, None),
        # `[💬Prompting]` marks the paper's topic, no name of it (a new entry wrote its name there)
        (f"* ⭐⭐(arXiv preprint 2022) [💬Prompting] **Learning to Prompt for Vision-Language "
         f"Models**, Kaiyang Zhou et al. [[Paper]({ARXIV})]", None,
         "Learning to Prompt for Vision-Language Models", "arXiv preprint", 2022, None),
        (f"* (Multimedia Tools and Applications) **Learning to Prompt for Vision-Language "
         f"Models**, Kaiyang Zhou & Jingkang Yang [[v1]({ARXIV})]", None,
         "Learning to Prompt for Vision-Language Models", "Multimedia Tools and Applications",
         None, None),
        (f"* (arXiv preprint 2023) **Prompt Learning**, Kaiyang Zhou et al. [[v1]({ARXIV})]",
         None, "Prompt Learning", "arXiv preprint", 2023, None),
        # yyyujintang/Awesome-Mamba-Papers: a preprint's day, and where it was published since;
        # the parenthesis was read as part of the title and new entries had none.
        (f"(Arxiv 24.06.12) Learning to Prompt for Vision-Language Models [Paper]({ARXIV})",
         None, "Learning to Prompt for Vision-Language Models", "Arxiv", 2024, None),
        (f"(Arxiv 24.02.23->CVPR24) Learning to Prompt for Vision-Language Models [Paper]({ARXIV})",
         None, "Learning to Prompt for Vision-Language Models", "CVPR", 2024, None),
        (f"(Arxiv 24.03.05, ICML24) Learning to Prompt for Vision-Language Models [Paper]({ARXIV})",
         None, "Learning to Prompt for Vision-Language Models", "ICML", 2024, None),
        # subeeshvasu/Awesome-Learning-with-Label-Noise: the year and the venue, then a dash.
        (f"* 2023-WACV - Learning to Prompt for Vision-Language Models. [[Paper]]({ARXIV})", None,
         "Learning to Prompt for Vision-Language Models", "WACV", 2023, None),
        # The kept-aside list issue 13 quotes: a name in code, a credit, the title in bold.
        (f"- `CoOp` [Zhou et al., Proc. CVPR 2022] **Learning to Prompt for Vision-Language "
         f"Models** [[PDF]]({ARXIV}) [[CODE]](https://github.com/KaiyangZhou/CoOp)", "CoOp",
         "Learning to Prompt for Vision-Language Models", "CVPR", 2022, None),
        # danieljf24/awesome-video-text-retrieval: a credit in code, then a citation.
        (f"- `[Zhou et al. IJCV22]` Learning to Prompt for Vision-Language Models. IJCV, 2022. "
         f"[[paper]]({ARXIV})", None, "Learning to Prompt for Vision-Language Models", "IJCV",
         2022, None),
        (f"- `[Zhou et al. ARXIV21]` Learning to Prompt for Vision-Language Models. "
         f"arXiv:2109.01134, 2021. [[paper]]({ARXIV})", None,
         "Learning to Prompt for Vision-Language Models", "arXiv", 2021, None),
        (f"- `[Zhou et al. arXiv21]` Learning to Prompt for Vision-Language Models. arXiv, 2021. "
         f"[[paper]]({ARXIV})", None, "Learning to Prompt for Vision-Language Models", "arXiv",
         2021, None),
        (f"* `[CoOp]` Zhou et al. Learning to Prompt for Vision-Language Models. ACM Multimedia, "
         f"2022. [[paper]]({ARXIV})", "CoOp", "Learning to Prompt for Vision-Language Models",
         "ACM Multimedia", 2022, None),
        # fjchange/awesome-video-anomaly-detection: an anchor around the name.
        (f'1. <span id = "01601">[CoOp]</span> [Learning to Prompt for Vision-Language Models]'
         f"({ARXIV}), `IJCV 2022`.", "CoOp", "Learning to Prompt for Vision-Language Models",
         "IJCV", 2022, None),
        # gaomingqi/Awesome-Video-Object-Segmentation: only marks before the links, the title
        # after them.
        (f":red_square: `AVOS`  `Mar`  &nbsp;&nbsp;&nbsp;-&nbsp;&nbsp;&nbsp; [paper]({ARXIV}) / "
         "code &nbsp;&nbsp;&nbsp;-&nbsp;&nbsp;&nbsp; Learning to Prompt for Vision-Language "
         "Models", None, "Learning to Prompt for Vision-Language Models", None, None, None),
        # ChandlerBang/awesome-self-supervised-gnn: a venue tag with its full year, perhaps
        # after an emoji.
        (f"1. :fire:[ICML 2021] **Learning to Prompt for Vision-Language Models** [[paper]]"
         f"({ARXIV})", None, "Learning to Prompt for Vision-Language Models", "ICML", 2021,
         None),
        # XuyangBai/awesome-point-cloud-registration: the venue and year after a full stop.
        (f"- Learning to Prompt for Vision-Language Models. ICCV'2021 [[paper]]({ARXIV})", None,
         "Learning to Prompt for Vision-Language Models", "ICCV", 2021, None),
        (f"- Learning to Prompt for Vision-Language Models. arxiv'2021 [[paper]]({ARXIV})", None,
         "Learning to Prompt for Vision-Language Models", "arxiv", 2021, None),
        # jianghaojun/Awesome-3D-Vision-and-Language: a credit before the bold title.
        (f"1. **CoOp**: Zhou, Kaiyang, et al. **Learning to Prompt for Vision-Language Models**. "
         f"IJCV 2022. [[Paper]]({ARXIV})", "CoOp", "Learning to Prompt for Vision-Language Models",
         "IJCV", 2022, None),
        # eric-ai-lab/awesome-vision-language-navigation: a tag and a colon, the venue on the
        # line under the title; or the venue after a `<br>`.
        (f"- [CoOp]: Learning to Prompt for Vision-Language Models  \nIJCV 2022 [paper]({ARXIV})",
         "CoOp", "Learning to Prompt for Vision-Language Models", "IJCV", 2022, None),
        (f"- Learning to Prompt for Vision-Language Models <br>\nIJCV 2022 [[Paper]]({ARXIV})",
         None, "Learning to Prompt for Vision-Language Models", "IJCV", 2022, None),
        (f"- CoOp: Learning to Prompt for Vision-Language Models  \narXiv 2022 [paper]({ARXIV})",
         None, "CoOp: Learning to Prompt for Vision-Language Models", "arXiv", 2022, None),
        # jianghaojun/Awesome-3D-Vision-and-Language: one author credited, then a full stop; a
        # short bold title after a credit is the title, not a name.
        (f"1. Zhou, Kaiyang. **Learning to Prompt for Vision-Language Models** . IJCV 2022. "
         f"[[Paper]]({ARXIV})", None, "Learning to Prompt for Vision-Language Models", "IJCV",
         2022, None),
        (f"1. Zhou, Kaiyang, et al. **CoOp** . IJCV 2022. [[Paper]]({ARXIV})", None, "CoOp",
         "IJCV", 2022, None),
        # wyzjack/Awesome-3D-AnomalyDetection: the boxed name and the title in one field.
        (f'- <span id = "2">**[CoOp]** Learning to Prompt for Vision-Language Models</span> | '
         f"**IJCV' 22** | [[pdf]]({ARXIV})", "CoOp",
         "Learning to Prompt for Vision-Language Models", "IJCV", 2022, None),
        # Qinying-Liu (history-dev): a separator typed without its space before it.
        (f'17. <span id = "3001">**[CoOp]**</span> | **IJCV\'22** | Learning to Prompt for '
         f"Vision-Language Models| [`[pdf]`]({ARXIV}) | [`[code]`](https://github.com/a/b)", "CoOp",
         "Learning to Prompt for Vision-Language Models", "IJCV", 2022, None),
    ],
    ids=["link-title", "backtick-name", "dash-separator", "venue-in-parens", "bold-title",
         "name-then-link-title", "curly-quotes", "ordered-short-year", "bold-link-description",
         "link-then-venue-in-parens", "authors-then-venue", "bracketed-labels",
         "separated-two-word-name", "separated-authors", "venue-first-bold-title",
         "stars-venue-tag-bold-title", "unknown-venue-first", "short-bold-title",
         "preprint-day-first", "preprint-day-then-venue", "preprint-day-comma-venue",
         "year-venue-dash",
         "code-name-credit-bold-title", "code-credit-citation", "code-credit-arxiv-id",
         "code-credit-arxiv",
         "code-name-credit-first", "anchored-name", "marks-links-then-title",
         "emoji-venue-tag-full-year", "venue-apostrophe-full-year", "arxiv-apostrophe-year",
         "name-credit-bold-title", "tag-colon-venue-line", "venue-after-break",
         "arxiv-line-under-title", "one-author-credit", "credit-short-bold-title",
         "separated-boxed-name-and-title", "separator-without-its-space"],
)
def test_family_variants(text: str, name: str | None, title: str, venue: str | None,
                         year: int | None, affiliation: str | None) -> None:
    entry = one(text + "\n")
    assert (entry.name, entry.title, entry.venue, entry.year, entry.affiliation) == (
        name, title, venue, year, affiliation)
    assert entry.arxiv_ids == ("2109.01134",)


def test_a_venue_tag_then_a_plain_line_is_venue_and_affiliation() -> None:
    # danelpeng/Awesome-Continual-Leaning-with-PTMs writes each entry as a linked bold title, a
    # bold venue tag (a month after the year for preprints) and the institutions on a line below.
    published = one("* [**Class-Incremental Learning with CLIP**](https://arxiv.org/pdf/"
                    "2407.14143) [**ECCV 2024**]\r\nNankai University\r\n")
    assert (published.venue, published.year, published.affiliation) == (
        "ECCV", 2024, "Nankai University")
    preprint = one("* [**Restoring Forgotten Knowledge**](https://arxiv.org/pdf/2503.16793) "
                   "[**Arxiv 2025.03**]\nInstitute of Automation, CAS\n")
    assert (preprint.venue, preprint.year, preprint.affiliation) == (
        "Arxiv", 2025, "Institute of Automation, CAS")


def test_a_plain_line_after_a_tag_that_names_authors_is_no_affiliation() -> None:
    entry = one("* [**A Title Of Some Length**](https://arxiv.org/pdf/2503.16793) [**CVPR 2025**]"
                "\n  Zhou et al.\n")
    assert (entry.venue, entry.affiliation) == ("CVPR", None)


@pytest.mark.parametrize(("text", "venue", "year"), [
    ("(CVPR 2020) [Multi-Modal Domain Adaptation for Action Recognition]"
     "(https://arxiv.org/abs/2001.09691) by Munro et al.", "CVPR", 2020),
    ("(ACM MM 2018) [A Unified Framework for Multimodal Domain Adaptation]"
     "(https://arxiv.org/abs/2001.09691)", "ACM MM", 2018),
    ("- (NeurIPS 2023) [Learning Cross-modal Features](https://arxiv.org/abs/2001.09691)",
     "NeurIPS", 2023),
])
def test_a_venue_before_a_linked_title_is_the_venue_not_the_title(
        text: str, venue: str, year: int) -> None:
    entry = catalog.parse(f"# A list\n\n{text}\n\n{text}\n").entries[0]
    assert entry.title.startswith(("Multi-Modal", "A Unified", "Learning"))
    assert (entry.venue, entry.year) == (venue, year)


def test_a_highlight_symbol_before_the_title_is_no_part_of_it() -> None:
    # BradyFU/Awesome-Multimodal-Large-Language-Models highlights its own surveys with a star:
    # the title was read as `🌟 **MME-Survey: …`, bold marks and all.
    cat = catalog.parse(read_history(
        "BradyFU_Awesome-Multimodal-Large-Language-Models_58f94b8_highlights_slice.md"))
    assert [(e.title, e.venue, e.year) for e in cat.entries] == [
        ("MME-Survey: A Comprehensive Survey on Evaluation of Multimodal LLMs", "arXiv", 2025),
        ("A Survey of Unified Multimodal Understanding and Generation: Advances and Challenges",
         "arXiv", 2025),
        ("A Survey on Multimodal Large Language Models", "NSR", 2024)]


@pytest.mark.parametrize("mark", ["✨", "🔥🔥", "❤️", "⭐ ⭐"])
def test_an_entry_that_opens_with_a_symbol_is_an_entry_the_index_knows(mark: str) -> None:
    # `| ✨ [Janus-Pro: …](…)` in a table, `- ✨ [Title](…)` in a list: read as text, the
    # symbol was the whole title, too short to be one, and the paper was listed nowhere.
    cat = catalog.parse(f"# L\n## Papers\n- {mark} [Janus-Pro: Unified Things]"
                        "(https://arxiv.org/abs/2501.17811)\n- [Other Things Entirely]"
                        "(https://arxiv.org/abs/2501.00002)\n")
    assert [e.title for e in cat.entries] == ["Janus-Pro: Unified Things", "Other Things Entirely"]
    assert build_index(cat).by_arxiv_id("2501.17811") is cat.entries[0]


def test_a_title_before_a_bar_and_a_code_labelled_link() -> None:
    cat = catalog.parse(read_history(
        "Qinying-Liu_Awesome-Open-Vocabulary-Semantic-Segmentation_d29057a.md"))
    survey = next(s for s in cat.sections if s.heading == "Related Survey")
    assert [(e.title, e.arxiv_ids) for e in survey.entries][:2] == [
        ("Towards Open Vocabulary Learning: A Survey", ("2306.15880",)),
        ("A Survey on Open-Vocabulary Detection and Segmentation: Past, Present, and Future",
         ("2307.09220",))]


# Event-AHU/Mamba_State_Space_Model_Paper_List writes a title line, an authors line and a line
# per link; danelpeng's list a title line and an affiliation line.
_THREE_LINES = ("* **Physics-Driven Autoregressive State Space Models for Medical Image "
                "Reconstruction**,\n  Bilal Kabas, Fuat Arslan, Valiyeh A. Nezhad, Tolga Çukur\n"
                "  [[Paper](https://arxiv.org/abs/2412.09331)]\n"
                "  [[GitHub](https://github.com/icon-lab/MambaRoll)]\n")


@pytest.mark.parametrize(("second", "authors"), [
    ("Bilal Kabas, Fuat Arslan, Valiyeh A. Nezhad, Tolga Çukur",
     ("Bilal Kabas", "Fuat Arslan", "Valiyeh A. Nezhad", "Tolga Çukur")),
    ("Peking University, Microsoft Research", ()),
    ("Wuhan University", ()),
])
def test_a_line_of_names_under_the_title_is_the_authors_an_affiliation_line_is_not(
        second: str, authors: tuple[str, ...]) -> None:
    text = _THREE_LINES.replace("Bilal Kabas, Fuat Arslan, Valiyeh A. Nezhad, Tolga Çukur",
                                second)
    entry = catalog.parse(text).entries[0]
    assert entry.title.startswith("Physics-Driven Autoregressive") and entry.authors == authors


@pytest.mark.parametrize(("line", "name", "title", "venue"), [
    # ChaofanTao/Autoregressive-Models-in-Vision-Survey: before, the venue tag was the name and
    # the title began `MAGVIT-v2** Language …`.
    ("**[ICLR, 2024]**  **MAGVIT-v2** Language Model Beats Diffusion -- Tokenizer is Key to "
     "Visual Generation [Paper](https://arxiv.org/pdf/2310.05737)", "MAGVIT-v2",
     "Language Model Beats Diffusion -- Tokenizer is Key to Visual Generation", ("ICLR", 2024)),
    ("**[Arxiv, 2024.09]** **Open-MAGVIT2**: Democratizing Autoregressive Visual Generation "
     "[Paper](https://arxiv.org/pdf/2409.04410)", "Open-MAGVIT2",
     "Democratizing Autoregressive Visual Generation", ("Arxiv", 2024)),
    ("**[ICML, 2018]** **Image Transformer** [Paper](https://arxiv.org/pdf/1802.05751)", None,
     "Image Transformer", ("ICML", 2018)),
    ("**[ICML, 2021 oral]** Improved Autoregressive Modeling with Distribution Smoothing "
     "[Paper](https://arxiv.org/pdf/2103.15089)", None,
     "Improved Autoregressive Modeling with Distribution Smoothing", ("ICML", 2021)),
])
def test_a_bold_venue_tag_then_a_bold_name_before_the_title(
        line: str, name: str | None, title: str, venue: tuple[str, int]) -> None:
    entry = catalog.parse(f"    - {line}\n").entries[0]
    assert (entry.name, entry.title, (entry.venue, entry.year)) == (name, title, venue)


def test_a_date_tag_before_the_title_is_no_name() -> None:
    # WooooDyy/LLM-Agent-Paper-List: `- [2023/04] **Title.** *A (Place) et al. arXiv.*`; the
    # date was read as the paper's short name, and new entries wrote theirs in its place.
    entry = catalog.parse("- [2020/02] **How Much Knowledge Can You Pack Into the Parameters of "
                          "a Language Model?** *Adam Roberts (Google) et al. arXiv.* "
                          "[[paper](https://arxiv.org/abs/2002.08910)]\n").entries[0]
    assert entry.name is None and entry.year == 2020
    assert entry.title.startswith("How Much Knowledge")


def test_a_tag_that_opens_with_a_pictograph_marks_a_topic_not_a_name() -> None:
    # Yutong-Zhou-cv/Awesome-Text-to-Image: `* (CVPR 2023) [💬 3D] **Title**, A et al.`
    entry = catalog.parse("* (CVPR 2023) [💬 3D] **High-Fidelity 3D Face Generation from Natural "
                          "Language Descriptions**, Menghua Wu et al. [[Paper](https://arxiv.org/"
                          "abs/2305.03302)]\n").entries[0]
    assert entry.name is None
    assert entry.title == "High-Fidelity 3D Face Generation from Natural Language Descriptions"
    named = catalog.parse("* [ERGO] [ERGO: Efficient High-Resolution Visual Understanding]"
                          "(https://arxiv.org/abs/2509.21991)\n").entries[0]
    assert named.name == "ERGO"


@pytest.mark.parametrize("line", [
    # xialeiliu/Awesome-Incremental-Learning opens each entry with an empty anchor and marks
    # its venue in bold parentheses: the anchor was read into the title, the venue as the
    # paper's affiliation.
    '- <a name="todo"></a> Self-Distillation Enables Continual Learning (**ICML 2026**) '
    "[[paper](https://arxiv.org/abs/2601.19897)][[code](https://github.com/a/b)]",
    "- [Self-Distillation Enables Continual Learning](https://arxiv.org/abs/2601.19897) "
    "(**ICML 2026**) [[code](https://github.com/a/b)]",
])
def test_a_venue_in_bold_parentheses_is_the_venue(line: str) -> None:
    entry = catalog.parse(line + "\n").entries[0]
    assert entry.title == "Self-Distillation Enables Continual Learning"
    assert (entry.venue, entry.year, entry.affiliation) == ("ICML", 2026, None)


@pytest.mark.parametrize(("line", "venue", "year"), [
    # hoya012/awesome-anomaly-detection and wyzjack/Awesome-3D-AnomalyDetection leave out a
    # space beside a bar: the venue was read into the title, `Title | **[arXiv' 19`.
    ("- Deep Learning for Anomaly Detection: A Survey  | **[arXiv' 19]** |[`[pdf]`](https://"
     "arxiv.org/pdf/1901.03407.pdf)", "arXiv", 2019),
    ("- Deep Learning for Anomaly Detection: A Survey | **ICIP' 21**| [[PDF]](https://ieeexplore"
     ".ieee.org/stamp/stamp.jsp?arnumber=9506795)", "ICIP", 2021),
])
def test_fields_between_bars_with_a_space_on_one_side(line: str, venue: str, year: int) -> None:
    entry = catalog.parse(line + "\n").entries[0]
    assert (entry.title, entry.venue, entry.year) == (
        "Deep Learning for Anomaly Detection: A Survey", venue, year)


@pytest.mark.parametrize(("line", "authors", "venue", "year"), [
    # awesome-NeRF's surveys: the names after the linked title were read as nothing, so a new
    # entry was written without them, and with the old paper's note, `(*: )`.
    ("- [Neural Fields in Robotics: A Survey](https://arxiv.org/abs/2410.20220), Muhammad Zubair "
     "Irshad, Mauro Comi, Yen-Chen Lin", ("Muhammad Zubair Irshad", "Mauro Comi", "Yen-Chen Lin"),
     None, None),
    ("- [A Comprehensive Review](https://arxiv.org/abs/2402.11141), Thang Nguyen*, Amine "
     "Bourki*, and Mohammed Bennamoun (*: Equal contribution), Arxiv 2024 | [github](https://"
     "github.com/a/b)", ("Thang Nguyen", "Amine Bourki", "Mohammed Bennamoun"), "Arxiv", 2024),
    # Xnhyacinth/Awesome-LLM-Long-Context-Modeling: the names in emphasis, then the venue, then
    # a badge; neither the names nor the venue were read.
    ("1. [**Advancing Transformer Architecture: A Survey.**](https://arxiv.org/abs/2311.12351) "
     "_Yunpeng Huang, Jingwei Xu, Zixu Jiang._ Arxiv 2023. [![GitHub Repo stars](https://img."
     "shields.io/github/stars/a/b)](https://github.com/a/b)",
     ("Yunpeng Huang", "Jingwei Xu", "Zixu Jiang"), "Arxiv", 2023),
    # a description after a dash is no author list, however it is capitalised
    ("- [LiveBench](https://livebench.ai/) - A Challenging, Contamination-Free LLM Benchmark.",
     (), None, None),
    # a venue in capitals is no name
    ("- [NeRF](https://arxiv.org/abs/2003.08934), Mildenhall, Srinivasan, ECCV, 2020",
     ("Mildenhall", "Srinivasan"), "ECCV", 2020),
])
def test_the_authors_after_a_linked_title(line: str, authors: tuple[str, ...],
                                          venue: str | None, year: int | None) -> None:
    entry = catalog.parse(line + "\n").entries[0]
    assert (entry.authors, entry.venue, entry.year) == (authors, venue, year)


def test_a_venue_before_a_badge_after_a_linked_title() -> None:
    # zchoi's `[**arXiv 2023**] [![](…)](…)`: the badge's outer bracket had hidden the venue
    entry = catalog.parse("* [**Language Models Meet World Models**](https://arxiv.org/pdf/2305."
                          "10626.pdf) [**arXiv 2023**] [![](https://img.shields.io/github/stars/"
                          "a/b?style=social)](https://github.com/a/b)\n").entries[0]
    assert (entry.venue, entry.year) == ("arXiv", 2023)


def test_a_bold_quoted_title_then_a_credit_in_emphasis_then_the_venue() -> None:
    # RUCAIBox/LLMSurvey's 246 entries: the quotes were read into the title (a new title was
    # written without them) and the venue after the credit was not read.
    entry = catalog.parse('1. **"Deduplicating Training Data Makes Language Models Better"**. '
                          "*Katherine Lee et al*. ACL 2022. [[paper](https://arxiv.org/abs/"
                          "2107.06499)]\n").entries[0]
    assert (entry.title, entry.venue, entry.year) == (
        "Deduplicating Training Data Makes Language Models Better", "ACL", 2022)
    listed = catalog.parse("1. **Graph Meta Learning via Local Subgraphs.** NeurIPS 2020. "
                           "[paper](https://arxiv.org/abs/2006.07889)\n\n"
                           "    *Kexin Huang, Marinka Zitnik.*\n").entries[0]
    assert (listed.venue, listed.year) == ("NeurIPS", 2020)
    assert listed.authors == ("Kexin Huang", "Marinka Zitnik")


@pytest.mark.parametrize("marks", ["**", "***"])
def test_a_venue_tag_then_a_bold_name_with_its_colon_then_the_title(marks: str) -> None:
    # AlonzoLeeeooo/awesome-video-generation: `- [CVPR 2025] ***VEU-Bench:*** Towards …`; the
    # whole line was read as the title, and a new entry lost the name's colon.
    entry = catalog.parse(f"- [CVPR 2025] {marks}VEU-Bench:{marks} Towards Comprehensive "
                          "Understanding of Video Editing [[Paper]](https://arxiv.org/abs/"
                          "2504.17828)\n").entries[0]
    assert (entry.name, entry.title, entry.venue, entry.year) == (
        "VEU-Bench", "Towards Comprehensive Understanding of Video Editing", "CVPR", 2025)


@pytest.mark.parametrize(("line", "name", "venue", "year"), [
    # RUCAIBox/LLMSurvey's 86 entries: an underlined name and its colon before the bold title;
    # the whole line up to the venue had been the title.
    ('1. <u>T5</u>: **"Exploring the Limits of Transfer Learning"**. *Colin Raffel et al.* '
     "JMLR 2019. [[Paper](https://arxiv.org/abs/1910.10683)]", "T5", "JMLR", 2019),
    # The credit's `et al.` after the emphasis closed (`*Linting Xue* et al.`) is no venue.
    ('2. <u>mT5</u>: **"Exploring the Limits of Transfer Learning"**. *Linting Xue* et al. '
     "NAACL 2021. [[Paper](https://arxiv.org/abs/2010.11934)]", "mT5", "NAACL", 2021),
    # A single author in light emphasis is no part of the venue.
    ('3. <u>GPT-4</u>: **"Exploring the Limits of Transfer Learning"**. *OpenAI*. arXiv 2023. '
     "[[Paper](http://arxiv.org/abs/2303.08774v2)]", "GPT-4", "arXiv", 2023),
    # ChaofanTao's survey: a bold name, then a bold title (`**` had been left in the title).
    ("- **CoOp**: **Exploring the Limits of Transfer Learning**. IJCV 2022. "
     "[[Paper](https://arxiv.org/abs/2109.01134)]", "CoOp", "IJCV", 2022),
])
def test_a_marked_name_then_a_bold_title(line: str, name: str, venue: str, year: int) -> None:
    entry = catalog.parse(line + "\n").entries[0]
    assert (entry.name, entry.title, entry.venue, entry.year) == (
        name, "Exploring the Limits of Transfer Learning", venue, year)


def test_a_short_title_in_bold_quotes_is_the_title_not_a_name() -> None:
    entry = catalog.parse('1. **"Pretraining Without Attention"**. *Junxiong Wang et al*. '
                          "arXiv 2022. [[paper](http://arxiv.org/abs/2212.10544)]\n").entries[0]
    assert (entry.name, entry.title, entry.venue, entry.year) == (
        None, "Pretraining Without Attention", "arXiv", 2022)


WEIHAOX = ("**Neural Radiance Fields for View Synthesis.**<br>\n"
           "*[Ben Mildenhall](http://people.example.edu/~bmild/), Pratul P. Srinivasan, "
           "[Ren Ng](https://people.example.edu/~ng/).*<br>\n"
           "ECCV 2020. [[PDF](https://arxiv.org/abs/2003.08934)] [[Project](http://tancik.com/nerf)]"
           "\n")


@pytest.mark.parametrize("text", [WEIHAOX, "- " + WEIHAOX.replace("\n", " ").strip() + "\n"])
def test_an_author_list_that_links_its_names_to_their_pages(text: str) -> None:
    # weihaox/awesome-neural-rendering: a bold title, its authors in emphasis with their pages
    # linked, the venue under them; the venue was `<br>` and the authors none.
    entry = catalog.parse(text).entries[0]
    assert (entry.title, entry.venue, entry.year) == (
        "Neural Radiance Fields for View Synthesis.", "ECCV", 2020)
    assert entry.authors == ("Ben Mildenhall", "Pratul P. Srinivasan", "Ren Ng")
    assert [link.role for link in entry.links if "example" not in link.url] == [
        "paper", "project"]


@pytest.mark.parametrize(("text", "title", "venue"), [
    # ChanganVR/awesome-embodied-vision: a short bold title, the authors' line, the venue.
    ("* **Visual Room Rearrangement** <br>\n*Luca Weihs, Matt Deitke, and Roozbeh Mottaghi* "
     "<br>\nCVPR, 2021. [[Paper]](https://arxiv.org/abs/2103.16544)\n",
     "Visual Room Rearrangement", "CVPR"),
    # RUCAIBox/LLMSurvey: a short bold title, then a credit in emphasis.
    ("13. **Faithful Chain-of-Thought Reasoning**. *Qing Lyu et al*. arXiv 2023. "
     "[[Paper](https://arxiv.org/abs/2301.13379)]\n", "Faithful Chain-of-Thought Reasoning",
     "arXiv"),
])
def test_a_short_bold_title_before_its_authors_is_the_title(text: str, title: str,
                                                              venue: str) -> None:
    entry = catalog.parse(text).entries[0]
    assert (entry.name, entry.title, entry.venue) == (None, title, venue)


@pytest.mark.parametrize("line", [
    # extreme-assistant/CVPR2024-Paper-Code-Interpretation counts its papers per section.
    "[14]DetCLIPv2: Scalable Open-Vocabulary Object Detection<br>[paper](https://arxiv.org/abs/"
    "2304.04514)",
    # floodsung/Deep-Learning-Papers-Reading-Roadmap counts them over the whole list.
    '**[6]** Szegedy, Christian, et al. "**DetCLIPv2: Scalable Open-Vocabulary Object '
    'Detection**." CVPR 2015. [[pdf]](https://arxiv.org/abs/2304.04514)',
])
def test_a_papers_number_in_the_lists_count_is_no_name(line: str) -> None:
    entry = catalog.parse("- " + line + "\n").entries[0]
    assert entry.name is None
    assert entry.title.startswith("DetCLIPv2: Scalable Open-Vocabulary Object Detection")


PROMPT_PAPERS = ("4. **Paradigm Shift in Natural Language Processing.** Machine Intelligence "
                 "Research. ![](https://img.shields.io/badge/Paradigm-blue)\n   \n   *Tianxiang "
                 "Sun, Xiangyang Liu, Xipeng Qiu* [[pdf](https://arxiv.org/abs/2109.12575)], "
                 "2021.9\n")


def test_a_venue_on_the_titles_line_and_the_authors_under_it() -> None:
    # thunlp/PromptPapers: the venue was `Machine Intelligence Research. *Tianxiang Sun` (or
    # `NeurIPS 2020. !`, the badge's image mark).
    entry = catalog.parse(PROMPT_PAPERS).entries[0]
    assert (entry.title, entry.venue) == (
        "Paradigm Shift in Natural Language Processing.", "Machine Intelligence Research")
    assert entry.authors == ("Tianxiang Sun", "Xiangyang Liu", "Xipeng Qiu")


def test_an_arxiv_id_in_parentheses_after_the_venue_is_no_affiliation() -> None:
    # jianghaojun/Awesome-Parameter-Efficient-Transfer-Learning: `IJCV 2022 (arXiv:2109.01134).`
    entry = catalog.parse("- **Learning to Prompt for Vision-Language Models,** IJCV 2022 "
                          "(arXiv:2109.01134). ![](https://img.shields.io/badge/CoOp-blue)\n\n"
                          "  *Kaiyang Zhou, Ziwei Liu.* [[Paper](https://arxiv.org/abs/"
                          "2109.01134)]\n").entries[0]
    assert entry.affiliation is None


@pytest.mark.parametrize(("text", "title", "venue", "year"), [
    # WxxShirley/Awesome-Graph-Prompt: the venue after `In`, on the line under a bold title.
    ("19. **Inductive Graph Alignment Prompt**.\n    In **WWW'2024**, [[Paper](https://arxiv.org/"
     "pdf/2402.13556.pdf)].\n", "Inductive Graph Alignment Prompt", "WWW", 2024),
    ("20. **A Unified Graph Selective Prompt**.\n    In **arXiv**, [[Paper](https://arxiv.org/"
     "pdf/2406.10498)].\n", "A Unified Graph Selective Prompt", "arXiv", None),
    # zeke-xie/deep-learning-dynamics-paper-list: a plain title, then `In *Venue Year*`.
    ("- Gradient descent only converges to minimizers. In *COLT 2016*. [[pdf](http://proceedings"
     ".mlr.press/v49/lee16.pdf)]\n", "Gradient descent only converges to minimizers", "COLT",
     2016),
])
def test_a_venue_a_citation_names_after_in(text: str, title: str, venue: str,
                                           year: int | None) -> None:
    entry = catalog.parse(text).entries[0]
    assert (entry.title, entry.venue, entry.year) == (title, venue, year)


def test_an_anthology_citation_names_its_authors_and_year_before_its_linked_title() -> None:
    # THUNLP-MT/MT-Reading-List cites as ACL's anthology does; 958 of its 959 entries were read
    # with the authors for a title.
    entry = catalog.parse(
        "* Kishore Papineni, Salim Roukos, Todd Ward, and Wei-Jing Zhu. 2002. [BLEU: a Method for "
        "Automatic Evaluation of Machine Translation](http://aclweb.org/anthology/P02-1040). In "
        "*Proceedings of ACL 2002*. ([Citation](https://scholar.google.com/scholar?cites=9019)"
        ": 8,499)\n").entries[0]
    assert entry.title == "BLEU: a Method for Automatic Evaluation of Machine Translation"
    assert (entry.venue, entry.year) == ("Proceedings of ACL", 2002)
    assert entry.authors == ("Kishore Papineni", "Salim Roukos", "Todd Ward", "Wei-Jing Zhu")


@pytest.mark.parametrize(("tag", "venue", "year"), [
    # THUMNLab/awesome-graph-ood: the tag was read as the paper's name, and new entries wrote
    # their short name where the venue goes (`- [Zebra-Net] Zebra-Net: …`).
    ("NeurIPS 2021 Workshop", "NeurIPS Workshop", 2021),
    ("ICML 2020 workshop", "ICML workshop", 2020),
    ("ACL 2023 Findings", "ACL Findings", 2023),
])
def test_a_venue_tag_with_the_kind_of_paper_after_its_year(tag: str, venue: str,
                                                           year: int) -> None:
    entry = catalog.parse(f"- [{tag}] Reliable Graph Neural Networks for Drug Discovery "
                          "[[paper]](https://arxiv.org/pdf/2111.12951.pdf)\n").entries[0]
    assert (entry.name, entry.venue, entry.year) == (None, venue, year)
    assert entry.title == "Reliable Graph Neural Networks for Drug Discovery"


@pytest.mark.parametrize(("tag", "venue", "year"), [
    # XiaoxinHe/Awesome-Graph-LLM: all 176 entries open so; the tag was read into the title.
    ("(*arXiv 2025.02*)", "arXiv", 2025),
    ("(*ICLR'25*)", "ICLR", 2025),
    ("(**CVPR24**)", "CVPR", 2024),  # yyyujintang/Awesome-Mamba-Papers
])
def test_an_emphasised_venue_in_parentheses_before_the_title(tag: str, venue: str,
                                                             year: int) -> None:
    entry = catalog.parse(f"- {tag} A Comprehensive Analysis on Node Classification "
                          "[[paper](https://arxiv.org/abs/2502.00829)]\n").entries[0]
    assert (entry.title, entry.venue, entry.year) == (
        "A Comprehensive Analysis on Node Classification", venue, year)


def test_a_plain_name_before_a_colon_and_a_bold_title() -> None:
    # tjunlp-lab/Awesome-LLMs-Evaluation-Papers: `RAGAS: **"Title"**.` (97 entries) was read
    # with the name and the bold's marks in the title.
    entry = catalog.parse('7. RAGAS: **"RAGAS: Automated Evaluation of Retrieval Augmented '
                          'Generation"**. ![](https://img.shields.io/badge/Method-orange)\n\n'
                          "    *Shahul Es et al.* arXiv 2023. [[Paper](https://arxiv.org/pdf/"
                          "2309.15217.pdf)]\n").entries[0]
    assert (entry.name, entry.title) == (
        "RAGAS", "RAGAS: Automated Evaluation of Retrieval Augmented Generation")


def test_a_titles_bold_key_words_are_no_name() -> None:
    # DirtyHarryLYL/Transformer-in-Vision sets a title's key words in bold.
    entry = catalog.parse("- (arXiv 2023.2) PhysFormer++: **Facial** Video-based **Physiological "
                          "Measurement** with Transformers, [[Paper]](https://arxiv.org/pdf/"
                          "2302.03548.pdf)\n").entries[0]
    assert entry.name is None
    assert entry.title.startswith("PhysFormer++: **Facial** Video-based")


def test_a_linked_title_in_angle_brackets_and_its_authors_after_by() -> None:
    # apexrl/Imitation-Learning-Paper-Lists: the linked title in angle brackets, the authors
    # after `by`; 108 entries were read with the title `[MetaMimic] <` or not at all, and the
    # authors as a venue `by Tom Le Paine`.
    tagged = catalog.parse("* [MetaMimic] <[One-Shot High-Fidelity Imitation](https://arxiv.org/"
                           "abs/1810.05017)>, Le Paine et al, 2018.\n").entries[0]
    assert (tagged.title, tagged.name) == ("One-Shot High-Fidelity Imitation", "MetaMimic")
    entry = catalog.parse("* <[One-Shot High-Fidelity Imitation](https://arxiv.org/abs/1810.05017)"
                          "> by Tom Le Paine, Sergio Gómez Colmenarejo and Ziyu Wang, 2018.\n"
                          ).entries[0]
    assert (entry.title, entry.venue, entry.year) == ("One-Shot High-Fidelity Imitation", None,
                                                      2018)
    assert entry.authors[:2] == ("Tom Le Paine", "Sergio Gómez Colmenarejo")
