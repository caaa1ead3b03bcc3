"""Tests for the learned relevance model: it learns a list's topic from its entries alone."""

from __future__ import annotations

import pytest

from promptbot.judging.learned import Examples, LearnedRelevance, recency_weights

SEGMENTATION = (
    "Open-vocabulary semantic segmentation with CLIP",
    "Side adapter network for open-vocabulary semantic segmentation",
    "Segment anything in open vocabulary scenes",
    "Zero-shot semantic segmentation via mask proposals",
    "Open-vocabulary panoptic segmentation with text-to-image diffusion models",
    "Scaling open-vocabulary segmentation with image-level labels",
)
ON_TOPIC = ("Training-free open-vocabulary semantic segmentation with vision-language models\n"
            "We segment any category named in text, using CLIP features without training.")
OFF_TOPIC = [
    f"{subject}\nWe study {subject.lower()} and report results on standard benchmarks."
    for subject in (
        "Graph neural networks for molecule property prediction",
        "Speech recognition with streaming transformers",
        "Reinforcement learning for robot locomotion",
        "Federated optimization under client drift",
        "Large language model alignment with human feedback",
        "Time series forecasting with state space models",
        "Protein structure prediction at scale",
        "Compiler autotuning with learned cost models",
    )
]


def window() -> list[str]:
    return [*OFF_TOPIC[:4], ON_TOPIC, *OFF_TOPIC[4:]]


def test_a_paper_on_the_lists_topic_outranks_every_other_and_says_why() -> None:
    judged = LearnedRelevance(Examples(SEGMENTATION)).judge(window())
    best = max(range(len(judged)), key=lambda i: judged[i].probability)
    assert best == 4
    assert judged[4].probability > 0.5 > max(j.probability for j in judged[:4])
    assert any("segmentation" in word or "vocabulary" in word for word in judged[4].words)


def test_turned_down_papers_teach_the_model_what_the_list_does_not_want() -> None:
    texts = window()
    before = LearnedRelevance(Examples(SEGMENTATION)).judge(texts)[4].probability
    taught = Examples(SEGMENTATION, negatives=(ON_TOPIC,) * 3)
    after = LearnedRelevance(taught).judge(texts)[4].probability
    assert after < before


def test_a_prior_the_list_confirms_raises_the_paper_it_favours() -> None:
    texts = window()
    plain = LearnedRelevance(Examples(SEGMENTATION)).judge(texts)
    priors = [0.0] * len(texts)
    priors[4] = 0.9
    confirmed = Examples(SEGMENTATION, positive_priors=(0.9,) * len(SEGMENTATION))
    with_prior = LearnedRelevance(confirmed, prior_scale=3.0).judge(texts, priors)
    assert with_prior[4].probability > plain[4].probability


def test_no_entries_and_no_window_give_nothing_rather_than_failing() -> None:
    assert LearnedRelevance(Examples(())).judge(window())[0].probability == 0.0
    assert LearnedRelevance(Examples(SEGMENTATION)).judge([]) == ()


@pytest.mark.parametrize(("ids", "expected"), [
    (("2506.00001", "2406.00001", "2306.00001"), (1.0, 0.5, 0.25)),
    (("1506.00001", "cs/0601001", ""), (0.2, 0.5, 0.5)),
])
def test_recency_halves_a_listed_papers_weight_every_half_life(
        ids: tuple[str, ...], expected: tuple[float, ...]) -> None:
    assert recency_weights(ids, "2506.09999", 12) == pytest.approx(expected)


def test_no_half_life_weighs_every_entry_alike() -> None:
    assert recency_weights(("1506.00001", ""), "2506.09999", 0) == (1.0, 1.0)


def test_a_bare_title_with_words_the_windows_titles_share_is_not_taken_for_the_lists() -> None:
    # The list holds titles alone. Window papers whose titles say "semantic segmentation" but
    # whose abstracts are elsewhere teach, through their bare titles, that these words alone
    # are not the list's topic: a candidate with no abstract and only those words stays out.
    organs = ("liver", "brain", "lung", "heart", "kidney", "retina", "prostate", "skin")
    texts = [f"Semantic segmentation of the {organ} in medical scans\nWe segment {organ} tissue"
             " in CT and MRI volumes with a supervised network trained on annotated hospital data."
             for organ in organs]
    judged = LearnedRelevance(Examples(SEGMENTATION)).judge(
        [*texts, "Semantic segmentation of tumours", ON_TOPIC])
    assert judged[-2].probability < 0.5 < judged[-1].probability


def test_two_runs_over_the_same_window_score_alike_to_the_last_digit() -> None:
    # A dry run and the real run must compute the same plan: no solver randomness.
    texts = [*window(), *(f"{t}\nA second look at {t.lower()}." for t in SEGMENTATION[:3])]
    first = LearnedRelevance(Examples(SEGMENTATION)).judge(texts)
    second = LearnedRelevance(Examples(SEGMENTATION)).judge(texts)
    assert [j.probability for j in first] == [j.probability for j in second]
