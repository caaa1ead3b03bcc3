"""Tests for the choice between the configured threshold and volume and the list-taught ones."""

from __future__ import annotations

from dataclasses import replace

import pytest

from promptbot.config import ScoringConfig
from promptbot.judging.calibration import calibrate, configured, terms_auc

CFG = ScoringConfig()  # threshold 0.48, 15 a day, terms_fit_auc 0.7, taught 0.1 and 5 a day


def test_terms_that_separate_the_list_reach_a_high_auc_and_no_evidence_is_chance() -> None:
    assert terms_auc([0.9, 0.8], [0.1, 0.2, 0.0]) == 1.0
    assert terms_auc([0.5, 0.1], [0.5, 0.1]) == 0.5
    assert terms_auc([0.0, 0.0], [0.0]) == 0.5  # the terms score nothing anywhere
    assert terms_auc([], [0.3]) == terms_auc([0.3], []) == 0.5


def test_terms_that_fit_the_list_keep_the_configured_threshold_and_volume() -> None:
    fit = calibrate(CFG, 0.77, has_terms=True)
    assert (fit.threshold, fit.per_day, fit.taught, fit.note) == (0.48, 15.0, False, "")
    assert fit.terms_auc == 0.77
    assert configured(CFG) == replace(fit, terms_auc=None)


def test_terms_that_do_not_fit_fall_back_to_the_list_taught_threshold_and_volume() -> None:
    taught = calibrate(CFG, 0.55, has_terms=True)
    assert (taught.threshold, taught.per_day, taught.taught) == (0.1, 5.0, True)
    for said in ("do not fit this list", "AUC of 0.55", "terms_fit_auc 0.7",
                 "threshold 0.1 (taught_threshold) instead of 0.48", "at most 5 a day"):
        assert said in taught.note


def test_without_terms_the_configured_threshold_is_the_learned_models_own() -> None:
    starter = replace(CFG, threshold=0.1, expected_per_day=5.0, positive_terms=())
    assert calibrate(starter, 0.5, has_terms=False) == replace(configured(starter),
                                                               terms_auc=0.5)


@pytest.mark.parametrize(("expected", "taught", "per_day"), [
    (3.0, 5.0, 3.0),  # a lower configured volume stays
    (0.0, 5.0, 5.0),  # no configured cap: the taught one
    (15.0, 0.0, 15.0),  # no taught cap: the configured one
    (0.0, 0.0, 0.0),  # neither: no cap
])
def test_the_taught_volume_is_at_most_the_configured_one(expected: float, taught: float,
                                                         per_day: float) -> None:
    cfg = replace(CFG, expected_per_day=expected, taught_per_day=taught)
    found = calibrate(cfg, 0.5, has_terms=True)
    assert found.per_day == per_day
    assert ("no volume cap" in found.note) is (per_day == 0)


def test_a_fit_floor_of_zero_always_trusts_the_terms() -> None:
    assert not calibrate(replace(CFG, terms_fit_auc=0.0), 0.2, has_terms=True).taught
