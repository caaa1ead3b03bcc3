"""Tests for `promptbot init`: a starter config drawn from a real list, valid as written."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from builders import paper
from catalog_files import BWLONG_HEAD, DANELPENG_WHOLE, MULTIMODAL, SEED, parse, read_history

from promptbot import catalog as catalog_module
from promptbot import cli
from promptbot import config as config_module
from promptbot.entries import read_fields
from promptbot.judging.placement import Placer
from promptbot.judging.relevance import TitleSimilarity
from promptbot.starter import keywords, starter_config

CATALOGS = Path(__file__).parent / "data" / "catalogs"


@pytest.mark.parametrize("name", [SEED, MULTIMODAL, BWLONG_HEAD])
def test_the_starter_config_of_a_real_list_loads_and_names_its_sections(name: str) -> None:
    catalog = parse(name)
    text = starter_config(catalog, "owner/list")
    cfg = config_module.parse(tomllib.loads(text), "starter.toml")
    headings = {s.heading for s in catalog.sections}
    assert cfg.sections.default == ""
    assert cfg.sections.preprint in headings | {""}
    assert cfg.sections.published in headings | {""}
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



def test_under_the_starter_config_an_unsure_paper_keeps_its_likeliest_section_for_triage() -> None:
    """No default section: a paper the list's sections disagree on is marked for triage in the
    section the placement finds likeliest, not moved to the fullest one. The real case: the
    maintainers filed 2503.22175 under "New Perspective Based"; the starter's old default, the
    fullest section ("VLM Based"), took it."""
    catalog = catalog_module.parse(read_history(DANELPENG_WHOLE))
    cfg = config_module.parse(tomllib.loads(starter_config(catalog, "owner/list")),
                              "starter.toml").sections
    title = "Efficient Continual Learning through Frequency Decomposition and Integration"
    asked = paper(title=title, arxiv_id="2503.22175")
    sims = TitleSimilarity([e.title for e in catalog.entries]).matrix([title])[0]
    placed = Placer(catalog, cfg).place(asked, read_fields(asked), title, sims)
    likeliest = Placer(catalog, replace(cfg, min_confidence=0.0)).place(
        asked, read_fields(asked), title, sims)
    fullest = max(catalog.sections, key=lambda s: len(s.entries)).heading
    assert placed.needs_triage and not likeliest.needs_triage
    assert placed.section == likeliest.section == "New Perspective Based" != fullest
