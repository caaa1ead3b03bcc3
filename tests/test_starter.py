"""Tests for `promptbot init`: a starter config drawn from a real list, valid as written."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from catalog_files import BWLONG_HEAD, MULTIMODAL, SEED, parse

from promptbot import cli
from promptbot import config as config_module
from promptbot.starter import keywords, starter_config

CATALOGS = Path(__file__).parent / "data" / "catalogs"


@pytest.mark.parametrize("name", [SEED, MULTIMODAL, BWLONG_HEAD])
def test_the_starter_config_of_a_real_list_loads_and_names_its_sections(name: str) -> None:
    catalog = parse(name)
    text = starter_config(catalog, "owner/list")
    cfg = config_module.parse(tomllib.loads(text), "starter.toml")
    headings = {s.heading for s in catalog.sections}
    assert cfg.sections.default in headings
    assert cfg.sections.preprint in headings | {""}
    assert cfg.scoring.model == "learned" and cfg.scoring.positive_terms == ()
    assert cfg.scoring.expected_per_day == 5.0 and cfg.scoring.threshold == 0.1
    assert 1 <= len(cfg.arxiv.keywords) <= 8


def test_the_seed_lists_keywords_are_its_topic() -> None:
    found = keywords([e.title for e in parse(SEED).entries])
    assert any("prompt" in k for k in found)


def test_keywords_need_three_titles_sharing_them() -> None:
    assert keywords(["Graph kernels", "Protein folding"]) == ()


def test_init_writes_the_file_once_and_never_overwrites(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "promptbot.toml"
    args = ["init", "--catalog", str(CATALOGS / SEED), "--repo", "me/list", "--output", str(out)]
    assert cli.main(args) == 0
    assert 'repo = "me/list"' in out.read_text(encoding="utf-8")
    assert cli.main(args) == 2
    assert "already exists" in capsys.readouterr().err
