"""The real catalogs copied into tests/data/catalogs: their file names and how tests read them."""

from __future__ import annotations

from pathlib import Path

from promptbot import catalog
from promptbot.config import SectionsConfig
from promptbot.models import Catalog

CATALOGS = Path(__file__).parent / "data" / "catalogs"
SEED = "seed_Awesome-Prompt-Learning-CV.md"
BWLONG_HEAD = "BWLONG_Awesome-Prompt-Learning-CV_README_2023-12-22_HEAD.md"
BWLONG_VERSIONS = tuple(sorted(p.name for p in CATALOGS.glob("BWLONG_*.md")))  # oldest first
JINDONGGU = "JindongGu_Awesome-Prompting-on-Vision-Language-Model_README_2025-03-18_HEAD.md"
MULTIMODAL = "cmhungsteve_Awesome-Transformer-Attention_README_multimodal_2024-07-30_HEAD.md"
AMUSI = "amusi_CVPR2024-Papers-with-Code_README_2024-07-04_HEAD.md"
# The [sections] the seed copy of the list was configured with (the built-in defaults name the
# published list's headings instead).
SEED_SECTIONS = SectionsConfig(
    default="Prompt Learning/Tuning(arxiv4月-)", published="Prompt Learning/Tuning",
    preprint="Prompt Learning/Tuning(arxiv4月-)", never=("Prompt Learning/Tuning(已读)",))
ALL_FILES = tuple(sorted(p.name for p in CATALOGS.glob("*.md")))
# The How-to-PR file is the contributing guide's markdown, not a list of papers.
ALL_LISTS = tuple(name for name in ALL_FILES if "How-to-PR" not in name)


def read(name: str) -> str:
    """The text of catalog file `name`, decoded as UTF-8 with its line endings as they are."""
    return (CATALOGS / name).read_bytes().decode("utf-8")


def parse(name: str) -> Catalog:
    """Catalog file `name`, parsed."""
    return catalog.parse(read(name))


HISTORY = Path(__file__).parent / "data" / "history"  # slices of lists from the history set
ZLKONG = "ZLKong_Awesome-Collection-Token-Reduction_5743707_slice.md"  # year subsections
SIBENCH = "SIBench_Awesome-Visual-Spatial-Reasoning_2eb21f6_slice.md"  # an HTML table
QINYING = "Qinying-Liu_Awesome-Open-Vocabulary-Semantic-Segmentation_d29057a.md"  # numbered
DANELPENG = "danelpeng_Awesome-Continual-Leaning-with-PTMs_8673e5d_slice.md"  # `> ###`, CRLF
DANELPENG_WHOLE = "danelpeng_Awesome-Continual-Leaning-with-PTMs_8673e5d_whole.md"  # 197 entries
SUN = "Sun-Haoyuan23_Awesome-RL-based-Reasoning-MLLMs_0cab867_slice.md"  # newest first, CRLF
SUN_WHOLE = "Sun-Haoyuan23_Awesome-RL-based-Reasoning-MLLMs_1f72566_whole.md"  # a paperless section
# Full author lines before quoted titles (`- **Name:** A, B.<br />⏎  "Title." ArXiv (2025).`).
MMOT = "983632847_Awesome-Multimodal-Object-Tracking_2d53dca_slice.md"
# Each entry ends with a nested line of authors and venue (`  - A, B. *CVPR 2016*`).
NESTED_AUTHORS = "jason718_awesome-self-supervised-learning_8ce285c_slice.md"
# `1. Yang, Zhengyuan, et al. **Title**. ICCV 2021.`, with notes indented under some entries.
CREDITS_AND_NOTES = "jianghaojun_Awesome-3D-Vision-and-Language_eab7185.md"
# Topics as `### 🧠 Topic` with no entries, each followed by its `### 2025`, `### 2024` at the
# same level (HTML headings among them).
SAME_LEVEL_YEARS = "atfortes_Awesome-LLM-Reasoning_6052872_slice.md"
# Items of two paragraphs: `- **Title,** CVPR 2022 (arXiv:…). ![](badge)⏎⏎  *A, B.* [[Paper](…)]`.
TWO_PARAGRAPHS = "jianghaojun_Awesome-Parameter-Efficient-Transfer-Learning_1acf00d_slice.md"
# Paragraphs of lines ended by a backslash (a hard break): `**Title** \\⏎*A, B* \\⏎arXiv 2023.
# [[Paper](…)] [[Github](…)] \\⏎26 Oct 2023`.
HARD_BREAKS = "hee9joon_Awesome-Diffusion-Models_01be334_slice.md"
HISTORY_FILES = tuple(sorted(p.name for p in HISTORY.glob("*.md")))


def read_history(name: str) -> str:
    """The text of history slice `name`, line endings as they are."""
    return (HISTORY / name).read_bytes().decode("utf-8")


# A list of paragraphs (`(CVPR 2022) [Title](url) by Jia et al.`) whose last section holds one.
PARAGRAPH_LIST = (
    "# A list\n\n## Methods\n\n(CVPR 2022) [Visual Prompt Tuning](https://arxiv.org/abs/"
    "2203.12119) by Jia et al.\n\n(IJCV 2022) [Learning to Prompt](https://arxiv.org/abs/"
    "2109.01134) by Zhou et al.\n\n## Surveys\n\n(arXiv 2024) [A Survey of Prompting]("
    "https://arxiv.org/abs/2401.00001) by Li et al.\n")
