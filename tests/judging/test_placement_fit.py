"""Tests for fitting a list's content sharpness and recency weight on its own entries."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from promptbot.judging.placement_fit import (
    DEFAULT_SCALE,
    DEFAULT_WEIGHT,
    MIN_DATED,
    SCALES,
    WEIGHTS,
    PlacementFit,
    fit_placement,
)

ENTRIES = 60
LABELS = np.arange(ENTRIES, dtype=np.intp) % 2  # two sections, entries alternating
DATED = np.ones(ENTRIES, dtype=np.bool_)


def _telling(labels: npt.NDArray[np.intp], strength: float) -> npt.NDArray[np.float64]:
    """Per entry and section: `strength` for the entry's own section, 0 for the other."""
    found = np.zeros((len(labels), 2))
    found[np.arange(len(labels)), labels] = strength
    return found


def _shares(labels: npt.NDArray[np.intp], own: float) -> npt.NDArray[np.float64]:
    """Recency priors giving the entry's own section the share `own`."""
    shares = np.full((len(labels), 2), 1.0 - own)
    shares[np.arange(len(labels)), labels] = own
    return shares


def test_where_the_words_tell_the_sections_apart_and_the_date_misleads_the_prior_weighs_nothing(
) -> None:
    fit = fit_placement(_telling(LABELS, 1.0), LABELS, _shares(LABELS, 0.3), DATED)
    assert fit.weight == min(WEIGHTS) == 0.0
    assert fit.scale == max(SCALES)
    assert fit.entries == ENTRIES


def test_where_the_words_say_nothing_and_the_date_tells_the_prior_weighs_most() -> None:
    silent = np.zeros((ENTRIES, 2))
    fit = fit_placement(silent, LABELS, _shares(LABELS, 0.9), DATED)
    assert fit.weight == max(WEIGHTS)


def test_words_and_date_both_telling_but_not_always_keep_a_middle_weight() -> None:
    """The words mislead on a quarter of the entries, the date on a third of them (others):
    the prior is worth something, not everything."""
    words, dates = LABELS.copy(), LABELS.copy()
    words[::4] = 1 - words[::4]
    dates[1::3] = 1 - dates[1::3]
    fit = fit_placement(_telling(words, 1.0), LABELS, _shares(dates, 0.7), DATED)
    assert 0.0 < fit.weight < max(WEIGHTS)


def test_undated_entries_do_not_count_and_too_few_dated_keep_the_defaults() -> None:
    few = np.arange(ENTRIES) < MIN_DATED - 1
    fit = fit_placement(_telling(LABELS, 1.0), LABELS, _shares(LABELS, 0.3), few)
    assert fit == PlacementFit() == PlacementFit(DEFAULT_SCALE, DEFAULT_WEIGHT, 0)
    enough = np.arange(ENTRIES) < MIN_DATED
    assert fit_placement(_telling(LABELS, 1.0), LABELS, _shares(LABELS, 0.3),
                         enough).entries == MIN_DATED


def test_without_held_out_margins_the_defaults_hold() -> None:
    assert fit_placement(None, LABELS, _shares(LABELS, 0.9), DATED) == PlacementFit()


def test_the_fit_says_whether_it_was_learned() -> None:
    assert "defaults" in PlacementFit().describe()
    learned = PlacementFit(8.0, 0.25, 1841).describe()
    assert learned == ("content sharpness 8, recency weight 0.25 "
                       "(learned from 1841 dated entries)")
