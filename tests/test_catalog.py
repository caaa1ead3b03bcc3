"""Tests for catalog parsing: byte-exact round trips, structure, and fields of real entries."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from promptbot import catalog
from promptbot.models import Catalog

CATALOGS = Path(__file__).parent / "data" / "catalogs"
SEED = "seed_Awesome-Prompt-Learning-CV.md"
BWLONG_HEAD = "BWLONG_Awesome-Prompt-Learning-CV_README_2023-12-22_HEAD.md"
MULTIMODAL = "cmhungsteve_Awesome-Transformer-Attention_README_multimodal_2024-07-30_HEAD.md"
JINDONGGU = "JindongGu_Awesome-Prompting-on-Vision-Language-Model_README_2025-03-18_HEAD.md"
AMUSI = "amusi_CVPR2024-Papers-with-Code_README_2024-07-04_HEAD.md"
ALL = sorted(p.name for p in CATALOGS.glob("*.md"))


def read(name: str) -> str:
    return (CATALOGS / name).read_bytes().decode("utf-8")


def parsed(name: str) -> Catalog:
    return catalog.parse(read(name))


@pytest.mark.parametrize("name", ALL)
def test_every_real_catalog_round_trips_byte_for_byte(name: str) -> None:
    text = read(name)
    assert catalog.parse(text).render() == text


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace("\n", " \t \n"),
        lambda t: t.rstrip("\n"),
        lambda t: "\ufeff" + t,
        lambda t: t.replace("\n", "\r"),
        lambda t: t.replace("    ", "\t"),
    ],
    ids=["crlf", "trailing-spaces", "no-final-newline", "bom", "cr", "tabs"],
)
def test_variants_round_trip_and_keep_the_entries(name: str, change: object) -> None:
    text = change(read(name))  # type: ignore[operator]
    result = catalog.parse(text)
    assert result.render() == text
    assert len(result.entries) == len(parsed(name).entries)


_MARKDOWNISH = st.text(alphabet=st.sampled_from(list("ab1.*-#|[]()\"：:`/ \t\r\n")))


@given(_MARKDOWNISH | st.text())
def test_any_text_round_trips(text: str) -> None:
    assert catalog.parse(text).render() == text


@given(st.lists(st.sampled_from(["\n", "\r\n", "\r", "x", "- **A**: \"T\"", "# H", "```"])))
def test_line_endings_are_kept_per_line(parts: list[str]) -> None:
    text = "".join(parts)
    lines = catalog.parse(text).lines
    assert "".join(lines) == text
    assert all(line.count("\n") + line.count("\r") - line.count("\r\n") <= 1 for line in lines)
