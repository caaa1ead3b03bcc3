"""Short names from real titles and abstracts: coined names only, never ordinary words."""

from __future__ import annotations

import pytest
from builders import paper

from promptbot.entries.short_names import repository_name, short_name


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
        ("Personalized OVSS: Understanding Personal Concept in Segmentation", "Personalized OVSS"),
        ("Grounded SAM: Assembling Open-World Models", None),  # the field's acronym, no name
        ("Visual Prompting: A Survey of Methods", None),
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


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        ("We propose CoPT (Conditional Prompt Tuning), a way to adapt CLIP.", "CoPT"),
        ("Our MMA (Multi-Modal Adapter) aligns both branches.", "MMA"),
        ("We build on CLIP (Contrastive Language-Image Pre-training).", None),  # common acronym
        ("We call it XYZ (a new method for everything).", None),  # the capitals are not initials
    ],
)
def test_short_name_followed_by_its_expansion(abstract: str, name: str | None) -> None:
    assert short_name(paper(title="Plain Title Without Colon", abstract=abstract)) == name


@pytest.mark.parametrize(
    ("url", "title", "name"),
    [
        ("https://github.com/Koorye/CaPT",
         "A Closer Look at Conditional Prompt Tuning for Vision-Language Models", "CaPT"),
        ("https://github.com/TomSheng21/tta-vlm", "The Illusion of Progress? A Critical Look at"
         " Test-Time Adaptation for Vision-Language Models", "TTA-VLM"),
        ("https://github.com/o/MoMa.git", "Modulating Mamba with MoMa", "MoMa"),
        ("https://github.com/xuboyue1999/mmtrack.git",
         "Visual and Memory Dual Adapter for Multi-Modal Object Tracking", None),
        ("https://github.com/o/code", "Conditional Open Domain Embeddings", None),
        ("https://x.github.io/CaPT", "Conditional Prompt Tuning", None),  # not a repository
        ("https://github.com/o", "Anything", None),
        ("https://codeberg.org/o/CaPT", "Conditional Prompt Tuning", "CaPT"),
        ("https://huggingface.co/o/CaPT", "Conditional Prompt Tuning", None),  # a model
        # Sun-Haoyuan23's `[ReVPT]` (history-dev): the words' beginnings, cased as the title.
        ("https://github.com/ls-kelvin/REVPT", "Reinforced Visual Perception with Tools",
         "ReVPT"),
        ("https://github.com/o/REPT", "Reinforced Visual Perception with Tools", None),  # a gap
        ("https://github.com/o/Revpt", "Reinforced Visual Perception with Tools", None),  # own case
    ],
)
def test_repository_name_when_the_title_spells_it_out(
    url: str, title: str, name: str | None
) -> None:
    assert repository_name(url, title) == name


def test_repository_name_is_the_last_resort() -> None:
    titled = paper(title="MaPLe: Multi-modal Prompt Learning")
    assert short_name(titled, "https://github.com/o/Other") == "MaPLe"
    plain = paper(title="Conditional Prompt Tuning", abstract="Nothing defined.")
    assert short_name(plain, "https://github.com/o/CPT") == "CPT"
    assert short_name(plain) is None


def test_a_title_of_many_small_words_is_searched_in_polynomial_steps() -> None:
    # Hostile metadata: each small word may give a letter or none, so an unmemoized search for
    # a repository name the title cannot spell tries every subset of the words (2^60 here, it
    # never returned); the memoized one answers at once.
    title = " ".join(["a"] * 60)
    assert repository_name("https://github.com/o/" + "a" * 10 + "z", title) is None
    assert repository_name("https://github.com/o/" + "A" * 12, title) == "A" * 12  # initials
