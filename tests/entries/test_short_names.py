"""Short names from real titles and abstracts: coined names only, never ordinary words."""

from __future__ import annotations

import pytest
from builders import paper

from promptbot.entries.short_names import short_name


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("MaPLe: Multi-modal Prompt Learning", "MaPLe"),
        ("CLIP-Adapter: Better Vision-Language Models with Feature Adapters", "CLIP-Adapter"),
        ("K-LITE: Learning Transferable Visual Models with External Knowledge", "K-LITE"),
        ("CAE v2: Context Autoencoder with CLIP Targets", "CAE v2"),
        ("Flamingo: a Visual Language Model for Few-Shot Learning", "Flamingo"),
        ("Bridging the Gap: Neural Collapse Inspired Prompt Tuning", None),
        ("Visual Chain of Thought: Bridging Logical Gaps", None),
        ("Survey: Prompting in Vision", None),
        ("Learning to Prompt for Vision-Language Models", None),
        ("Time: 10:30", "Time"),
        ("STAY Diffusion: Styled Layout Diffusion Model", "STAY Diffusion"),
        ("3D Shape Generation: A Survey", None),
    ],
)
def test_short_name_from_title(title: str, name: str | None) -> None:
    assert short_name(paper(title=title)) == name


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        ("In this paper, we propose Prompt-aligned Gradient (ProGrad) to avoid it.", "ProGrad"),
        ("We present a simple method, dubbed KgCoOp, that regularizes prompts.", "KgCoOp"),
        ("Our approach, named DAM-VP, learns diverse prompts.", "DAM-VP"),
        ("Vision-language models (VLMs) such as CLIP are strong. We study them.", None),
        ("We propose a method that improves large language models (LLMs).", None),
        ("A model termed PTP2 is introduced.", "PTP2"),
        ("We propose VisTex-OVLM, a method for Vision-Language Models' (OVLMs).", "VisTex-OVLM"),
        ("We propose a way to help Object-level Vision-Language Models (OVLMs).", None),
        ("Nothing is defined here.", None),
    ],
)
def test_short_name_from_abstract(abstract: str, name: str | None) -> None:
    assert short_name(paper(title="Plain Title Without Colon", abstract=abstract)) == name


def test_title_name_wins_over_abstract() -> None:
    p = paper(title="MaPLe: Multi-modal Prompt Learning", abstract="We propose Foo Bar (FB).")
    assert short_name(p) == "MaPLe"
