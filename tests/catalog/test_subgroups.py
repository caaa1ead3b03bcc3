"""Tests for bullet sub-groups: which one a paper joins."""

from __future__ import annotations

from catalog_files import MULTIMODAL, parse

from promptbot import catalog
from promptbot.catalog import outline, subgroups


def test_a_paper_goes_to_the_sub_group_its_title_names_or_resembles() -> None:
    cat = parse(MULTIMODAL)
    section = cat.section("Visual Captioning")
    assert section is not None
    video = subgroups.choose_group(cat, section, "Dense Video Captioning with Transformers")
    assert video is not None and video.heading == "Video"
    three_d = subgroups.choose_group(cat, section, "Captioning 3D point clouds of indoor scenes")
    assert three_d is not None and three_d.heading == "3D"
    assert outline.section_name(cat, video) == "Visual Captioning > Video"
    assert outline.find(cat, "Visual Captioning > Video") is video
    empty = catalog.parse("# S\n").sections[0]
    assert subgroups.choose_group(catalog.parse("# S\n"), empty, "anything") is None
