"""Tests for relevance: evidence, similarity and category, on made-up and real labelled papers."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import builders
import numpy as np
import pytest
from catalog_files import SEED, parse
from hypothesis import given, settings
from hypothesis import strategies as st

from promptbot import config as config_module
from promptbot.config import ScoringConfig
from promptbot.errors import ConfigError
from promptbot.judging.relevance import (
    RelevanceModel,
    TitleSimilarity,
    catalog_names,
    category_points,
    configured_terms,
    neighbours,
    to_score,
)
from promptbot.models import Paper

DATA = Path(__file__).parents[1] / "data"
ROOT = Path(__file__).resolve().parents[2]
CFG = ScoringConfig()


def seed_model(cfg: ScoringConfig = CFG) -> RelevanceModel:
    entries = parse(SEED).entries
    return RelevanceModel([e.title for e in entries], [e.title for e in entries],
                          [e.name for e in entries], cfg)


def paper(title: str, abstract: str = "", categories: tuple[str, ...] = ("cs.CV",)) -> Paper:
    """A paper whose first category is its primary one, cs.CV unless told."""
    return builders.paper(title=title, abstract=abstract, categories=categories,
                          primary_category=categories[0] if categories else None)


def score(p: Paper, model: RelevanceModel | None = None) -> float:
    relevances, _ = (model or seed_model()).assess_all([p])
    return relevances[0].score


def load_eval() -> tuple[list[Paper], dict[str, str], dict[str, str]]:
    """Labelled real papers: papers, id -> label, id -> day."""
    papers: dict[str, Paper] = {}
    labels: dict[str, str] = {}
    days: dict[str, str] = {}
    for path in sorted((DATA / "eval").glob("metadata-*.jsonl")):
        day = path.stem.removeprefix("metadata-")
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            cats = tuple(row["categories"])
            papers.setdefault(row["id"], Paper(
                arxiv_id=row["id"], title=" ".join(row["title"].split()),
                abstract=" ".join(row["summary"].split()), categories=cats,
                primary_category=cats[0], comment=row.get("comment")))
            days[row["id"]] = day
        with (DATA / "eval" / f"labels-{day}.tsv").open(encoding="utf-8", newline="") as f:
            labels.update({r["id"]: r["label"] for r in csv.DictReader(f, delimiter="\t")})
    return list(papers.values()), labels, days


def precision_recall(scores: list[float], gold: list[str], threshold: float) -> tuple[float, float]:
    pairs = [(s >= threshold, g == "yes") for s, g in zip(scores, gold, strict=True)
             if g in ("yes", "no")]
    tp = sum(p and g for p, g in pairs)
    predicted = sum(p for p, _ in pairs)
    actual = sum(g for _, g in pairs)
    return tp / max(predicted, 1), tp / max(actual, 1)


def test_the_shipped_config_is_the_built_in_scoring_config() -> None:
    assert config_module.load(ROOT / "config.toml").scoring == ScoringConfig()


def test_the_default_terms_are_well_formed() -> None:
    terms = configured_terms(CFG)
    assert {t.group for t in terms} == {
        "method", "adaptation", "model", "vision", "negative", "text_only"}
    assert len({(t.text, t.group) for t in terms}) == len(terms)


def test_a_bad_term_in_the_config_names_its_key() -> None:
    cfg = replace(CFG, negative_terms=("jailbreak^x",))
    with pytest.raises(ConfigError, match=r"\[scoring\]\.negative_terms\[0\]"):
        seed_model(cfg)


def test_prompt_learning_for_vision_scores_high_with_readable_reasons() -> None:
    p = paper("Dual-Prompt Collaboration for Tuning Vision-Language Models",
              "We learn soft prompts for CLIP with prompt tuning, like CoOp and MaPLe.")
    relevance = seed_model().assess_all([p])[0][0]
    assert relevance.score >= CFG.threshold
    text = "\n".join(relevance.reasons)
    assert ("method terms: prompt* (title), prompt tuning (abstract x1), soft prompt* (abstract x1)"
            in relevance.reasons)
    assert "model terms: vision-language model (title), CLIP (abstract x1)" in relevance.reasons
    assert "cites catalog entries: CoOp, MaPLe" in text
    assert "nearest catalog entries: " in text
    assert relevance.reasons[-1] == "category cs.CV (primary)"
    assert dict(relevance.parts)["method"] > 0


def test_prompting_a_text_only_llm_is_not_the_topic_unless_vision_appears() -> None:
    abstract = ("We study prompt tuning and soft prompts for large language models (LLMs) on "
                "question answering.")
    text_only = paper("Soft Prompt Tuning for Large Language Models", abstract, ("cs.CL",))
    with_vision = paper("Soft Prompt Tuning for Vision-Language Models",
                        abstract + " We extend it to CLIP for image recognition.", ("cs.CV",))
    assert score(text_only) < CFG.threshold <= score(with_vision)


def test_negative_topics_lower_the_score() -> None:
    base = "Prompt learning for vision-language models"
    assert score(paper(base + " and jailbreak attacks on text-to-image diffusion")) < score(
        paper(base))


def test_a_cross_list_counts_less_than_a_primary_vision_category() -> None:
    title, abstract = "Visual prompt tuning", "We tune visual prompts of a frozen ViT."
    primary = score(paper(title, abstract, ("cs.CV", "cs.LG")))
    cross = score(paper(title, abstract, ("cs.LG", "cs.CV")))
    other = score(paper(title, abstract, ("cs.LG",)))
    assert primary > cross > other


def test_category_points_and_their_wording() -> None:
    assert category_points(paper("t", categories=("cs.CV",)), CFG) == (
        CFG.category_primary, "category cs.CV (primary)")
    assert category_points(paper("t", categories=("cs.LG", "cs.CV")), CFG) == (
        CFG.category_cross_list, "category cs.CV (cross-list from cs.LG)")
    assert category_points(paper("t", categories=()), CFG)[0] == 0.0


@pytest.mark.parametrize("title", [
    "Test-Time Prompt Tuning for Vision-Language Models",
    "Black-box Prompt Tuning with Subspace Learning",  # no default term takes "box Prompt"
    "Unleashing the Power of Visual Prompting At the Pixel Level",  # a catalog name inside
])
def test_a_title_alone_is_enough(title: str) -> None:
    assert score(paper(title)) >= CFG.threshold


def test_a_title_alone_can_be_off_topic() -> None:
    assert score(paper("Gaussian Splatting for Driving Scenes")) < CFG.threshold


def test_adaptation_terms_need_a_pretrained_model() -> None:
    abstract = "We propose few-shot test-time adaptation with a training-free cache."
    without = score(paper("Few-shot adaptation", abstract))
    with_clip = score(paper("Few-shot adaptation", abstract + " Built on CLIP."))
    assert without < with_clip


def test_title_similarity_uses_the_catalog_titles() -> None:
    sim = TitleSimilarity(["Learning to Prompt for Vision-Language Models", "Video Captioning"])
    rows = sim.matrix(["Learning to prompt for vision-language models", "Unrelated physics"])
    assert rows.shape == (2, 2)
    assert rows[0, 0] == pytest.approx(1.0, abs=1e-5) and rows[0, 1] == 0.0
    assert not rows[1].any()
    assert not TitleSimilarity([]).matrix(["anything"]).any()


def test_helpers() -> None:
    sims = np.array([[0.1, 0.5, 0.3], [0.2, 0.0, 0.9]], dtype=np.float32)
    columns, values = neighbours(sims, 2)
    assert columns.tolist() == [[1, 2], [2, 0]]
    assert np.allclose(values, [[0.5, 0.3], [0.9, 0.2]])
    assert neighbours(sims, 9)[0].tolist() == [[1, 2, 0], [2, 0, 1]]
    assert neighbours(np.zeros((2, 0), dtype=np.float32), 3)[0].shape == (2, 0)
    assert to_score(4.0, 4.0) == 0.5 and to_score(-3.0, 4.0) == 0.0
    assert catalog_names(["CoOp", "MaPLe", "OOD", "PLOT", "Aurora", "?", None, "Tip-Adapter"]) \
        == {"CoOp", "MaPLe", "Tip-Adapter"}


@pytest.mark.parametrize(("abstract", "precision_at_least", "recall_at_least"),
                         [(True, 0.85, 0.95), (False, 0.0, 0.85)])
def test_targets_on_real_labelled_papers(
    abstract: bool, precision_at_least: float, recall_at_least: float
) -> None:
    papers, labels, _ = load_eval()
    if not abstract:
        papers = [replace(p, abstract="") for p in papers]
    relevances, _ = seed_model().assess_all(papers)
    precision, recall = precision_recall(
        [r.score for r in relevances], [labels[p.arxiv_id] for p in papers], CFG.threshold)
    assert precision >= precision_at_least
    assert recall >= recall_at_least


TEXT = st.lists(st.sampled_from([
    "prompt", "tuning", "CLIP", "jailbreak", "LLM", "adapter", "test-time", "adaptation",
    "image", "diffusion", "the", "of", ",", ".", "vision-language", "models", "few-shot",
]), max_size=60).map(" ".join)
MODEL = seed_model()


@settings(max_examples=60, deadline=None)
@given(TEXT, TEXT, st.sampled_from([("cs.CV",), ("cs.CL",), ("cs.LG", "cs.CV"), ()]))
def test_scores_stay_in_range_and_negatives_never_help(
    title: str, abstract: str, categories: tuple[str, ...]
) -> None:
    p = paper(title, abstract, categories)
    worse = replace(p, abstract=abstract + " A jailbreak attack with text-to-image diffusion.")
    relevances, _ = MODEL.assess_all([p, worse])
    assert 0.0 <= relevances[0].score < 1.0
    assert relevances[1].score <= relevances[0].score
    assert relevances[0].score == pytest.approx(
        to_score(sum(v for _, v in relevances[0].parts), CFG.score_half))


def test_score_is_the_assessed_score_without_the_reasons() -> None:
    model = seed_model()
    papers, _, _ = load_eval()
    for p in papers[:200]:
        for similarity in (0.0, 0.4):
            assert model.score(p, similarity) == model.assess(p, similarity, ()).score
    assert any(model.score(p) > 0 for p in papers[:200])
