"""Tests for the sections a title names by their heading (sections too small to learn from)."""

from __future__ import annotations

import pytest
from builders import paper_bullet, sectioned_list
from hypothesis import given
from hypothesis import strategies as st

from promptbot import catalog
from promptbot.catalog.heading_names import NamedSections, heading_phrases, longest_said
from promptbot.models import Catalog, Section


@pytest.mark.parametrize(
    ("heading", "phrases"),
    [("立体匹配(Stereo Matching)", ("stereo matching",)),
     ("3D目标检测(3D Object Detection)", ("3d object detection",)),  # "3D" alone names nothing
     ("超分辨率(Super-Resolution)", ("super resolution",)),
     ("Avatars", ("avatar",)),
     ("Prompt Learning(accepted): *Updating by Linbin Wang*", ("prompt learning",)),
     ("Awesome Video Diffusion [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
      ("awesome video diffusion",)),
     ("其他(Others)", ()), ("2026", ()), ("3D生成", ()), ("arXiv Papers", ()), ("📢 News", ()),
     ("Latest Updates", ()), ("📜 Citation", ()), ("Table of Contents", ()),
     ("💖 Star History", ()), ("ACM-MM 2021", ()), ("CVPR 2022 Papers", ())],
)
def test_heading_phrases_are_the_latin_topic_words_of_a_heading(
        heading: str, phrases: tuple[str, ...]) -> None:
    assert heading_phrases(heading) == phrases


@given(st.text())
def test_any_heading_gives_normalized_phrases(heading: str) -> None:
    for phrase in heading_phrases(heading):
        assert phrase == phrase.strip() and "  " not in phrase and phrase == phrase.lower()
        assert any(w.isalpha() and len(w) >= 3 for w in phrase.split())
        assert longest_said([heading], phrase) >= len(phrase)  # a title saying it is found


def test_longest_said_measures_the_longest_heading_phrase_in_a_title() -> None:
    title = "UniMODE: Unified Monocular 3D Object Detection"
    assert longest_said(["目标检测(Object Detection)"], title) == len("object detection")
    assert longest_said(["Papers", "3D目标检测(3D Object Detection)"], title) == len(
        "3d object detection")
    assert longest_said(["Stereo Matching"], title) == 0


def _catalog(sections: dict[str, list[str]], before: str = "Citation",
             after: str = "Star History") -> Catalog:
    """`## heading` sections of entries, between two paperless sections; a heading "A / B" is
    `### B` under `## A`."""
    numbered: dict[str, list[tuple[str, str]]] = {}
    for heading, titles in sections.items():
        start = sum(map(len, numbered.values()))
        numbered[heading] = [(f"2401.{start + n + 1:05d}", t) for n, t in enumerate(titles)]
    return catalog.parse(sectioned_list(
        numbered, head=("# Awesome list", "", f"## {before}", "", "Cite us.", ""),
        tail=(f"## {after}", "", "A chart.", "")))


def _small(cat: Catalog, big: int = 3) -> list[Section]:
    return [s for s in cat.sections if len(s.entries) < big]


BIG = ["Video generation with diffusion", "Image generation with diffusion",
       "Diffusion models for video generation"]


def test_a_small_or_empty_section_among_the_papers_is_named_by_its_heading() -> None:
    cat = _catalog({"Generation": BIG, "Video Editing": [],
                    "Stereo Matching": ["Stereo matching with transformers"]})
    named = NamedSections(cat, _small(cat))
    found = named.named("Neural Markov random fields for stereo matching")
    assert found is not None and found.section.heading == "Stereo Matching"
    assert found.phrase == "stereo matching"
    edited = named.named("MaskINT: video editing via masked transformers")
    assert edited is not None and edited.section.heading == "Video Editing"
    assert named.named("Video generation at scale") is None


def test_sections_around_the_papers_and_parent_headings_are_never_named() -> None:
    cat = _catalog({"Generation": BIG, "Restoration / Denoising": ["Image denoising"]},
                   before="Citation Analysis", after="Contributing")
    named = NamedSections(cat, _small(cat))
    assert named.named("Scientific citation analysis with graphs") is None
    assert named.named("Contributing factors of robust restoration") is None  # the parent
    found = named.named("Blind denoising of raw images")
    assert found is not None and found.section.heading == "Denoising"


def test_a_phrase_the_list_uses_more_in_other_sections_names_nothing() -> None:
    """The maintainers filed prompt and survey papers under Generation: "prompt" and "survey"
    do not name the empty Prompt and Surveys sections; "benchmark", said nowhere, does name
    the empty Benchmarks section."""
    cat = _catalog({"Generation": [*BIG, "Prompt tuning for diffusion",
                                   "Visual prompt learning for generation",
                                   "A survey of video generation"],
                    "Prompt": [], "Surveys": [], "Benchmarks": [],
                    "Tracking": ["Tracking any point"]})
    named = NamedSections(cat, _small(cat))
    assert named.named("Prompt learning for stereo") is None
    assert named.named("A survey of stereo matching") is None
    found = named.named("A benchmark of prompt learning")
    assert found is not None and found.section.heading == "Benchmarks"


def test_the_longest_phrase_wins_and_a_phrase_the_chosen_section_uses_does_not_count() -> None:
    cat = _catalog({"Detection": BIG, "Object Detection": [], "3D Object Detection": [],
                    "Tracking": ["Tracking any point"]})
    named = NamedSections(cat, _small(cat))
    found = named.named("Monocular 3D object detection")
    assert found is not None and found.section.heading == "3D Object Detection"
    gaussian = _catalog({"Gaussians": ["Gaussian avatars from video", *BIG],
                         "Avatars": ["Animatable avatars from images"],
                         "Tracking": ["Tracking any point"]})
    chosen = next(s for s in gaussian.sections if s.heading == "Gaussians")
    small = NamedSections(gaussian, _small(gaussian))
    assert small.named("Real-time avatar from sensors") is not None
    assert small.named("Real-time avatar from sensors", chosen) is None


def test_a_section_of_entries_that_are_no_papers_is_not_named() -> None:
    generation = "\n".join(paper_bullet(f"2401.0000{n}", t) for n, t in enumerate(BIG))
    toolkit = '- **VT**: "A video toolkit". [[Code](https://github.com/a/b)]'
    editing = paper_bullet("2401.00009", "Video editing with diffusion")
    text = (f"# List\n\n## Generation\n\n{generation}\n\n## Toolkits\n\n{toolkit}\n\n"
            f"## Video Editing\n\n{editing}\n")
    cat = catalog.parse(text)
    named = NamedSections(cat, _small(cat))
    found = named.named("An open toolkit for video editing")
    assert found is not None and found.section.heading == "Video Editing"
    assert named.named("A toolkit for video generation") is None
