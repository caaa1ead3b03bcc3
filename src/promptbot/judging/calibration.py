"""Which threshold and volume a run applies: the configured ones, or the list-taught fallback.

The configured `[scoring] threshold` (and `expected_per_day`) are calibrated for the configured
terms on the topic they were written for: the built-in defaults for prompt learning in vision,
where the terms carry three quarters of the score. On a list of another topic the terms tell the
list's own entries from the window's papers little better than chance, the learned model's
probability carries the score alone, and that threshold lets through almost nothing (history
benchmark, eight lists of other topics: the terms' AUC 0.48-0.66 on every list-day, the seed
list's own 0.74-0.78). The list itself is the evidence: when configured terms separate its
entries from the window with an AUC below `terms_fit_auc`, the run does not apply a threshold
calibrated for another topic. It falls back to what the list teaches: the learned probability
alone (the terms weigh nothing), fitted more tightly to the list (`taught_c`: top five per
list-day on the history benchmark, 144 -> 148 of 185 picks from titles alone, 149 -> 150 with
abstracts), a threshold that only keeps out the hopeless (`taught_threshold`), and the volume cap
picking the window's best, at most `taught_per_day` a day. A config without terms (what
`promptbot init` writes) calibrates the learned model itself: its threshold and volume apply as
written.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sklearn.metrics import roc_auc_score

from promptbot.config import ScoringConfig

_CHANCE = 0.5


@dataclass(frozen=True)
class Calibration:
    """The threshold and the volume a run's window is judged with, and why."""

    threshold: float
    per_day: float  # the volume cap's proposals a day (0 = no cap)
    taught: bool = False  # the list-taught fallback: the configured terms do not fit the list
    terms_auc: float | None = None  # how well the terms told the list from the window
    note: str = ""  # what the run says about it ("" when the configuration applies as written)


def configured(cfg: ScoringConfig) -> Calibration:
    """The threshold and volume as configured."""
    return Calibration(cfg.threshold, cfg.expected_per_day)


def terms_auc(listed: Sequence[float], window: Sequence[float]) -> float:
    """The AUC of the terms' scores telling the list's entries (`listed`) from the window's
    papers; chance (0.5) when either side is empty or the terms score nothing anywhere."""
    if not listed or not window or max([*listed, *window]) <= 0:
        return _CHANCE
    labels = [1] * len(listed) + [0] * len(window)
    return float(roc_auc_score(labels, [*listed, *window]))


def calibrate(cfg: ScoringConfig, auc: float, has_terms: bool) -> Calibration:
    """The configured threshold and volume when the terms fit the list (or there are none);
    else the list-taught fallback, saying why."""
    if not has_terms or auc >= cfg.terms_fit_auc:
        return Calibration(cfg.threshold, cfg.expected_per_day, terms_auc=auc)
    per_day = min(_or_unbounded(cfg.expected_per_day), _or_unbounded(cfg.taught_per_day))
    per_day = 0.0 if math.isinf(per_day) else per_day
    volume = f"at most {per_day:g} a day" if per_day else "no volume cap"
    note = (f"the configured [scoring] terms do not fit this list: they tell its entries from"
            f" this run's papers with an AUC of {auc:.2f}, below terms_fit_auc"
            f" {cfg.terms_fit_auc:g}; relevance is learned from the list alone, at the"
            f" list-taught threshold {cfg.taught_threshold:g} (taught_threshold) instead of"
            f" {cfg.threshold:g}, {volume} (taught_per_day)")
    return Calibration(cfg.taught_threshold, per_day, taught=True, terms_auc=auc, note=note)


def _or_unbounded(per_day: float) -> float:
    """A volume where 0 means no cap, as a number `min` can compare."""
    return per_day if per_day > 0 else math.inf
