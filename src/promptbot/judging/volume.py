"""Volume control: a threshold raised so a run proposes about the expected number a day.

A quiet list meeting a busy day should not flood its maintainers: with `[scoring]
expected_per_day` set, a run over D announce days proposes at most round(expected x D) papers
(ties at the cut all pass), the best by score, counting the window's papers the bot already
proposed (pending or rejected); the configured threshold still applies below that.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from promptbot.models import REPLACEMENTS, Decision, Paper, Status

_SPENT = (Status.PROPOSED, Status.PENDING, Status.REJECTED)  # the budget these decisions use


def window_days(papers: Sequence[Paper]) -> int:
    """How many announce days the candidates span: distinct submission dates, at least one.
    New versions of papers announced before (the listed papers a weekly re-check asks for by
    id, each dated by its first version) are no days of this window."""
    dates = {p.published.date() for p in papers
             if p.published is not None and p.announce_type not in REPLACEMENTS}
    return max(1, len(dates))


def volume_threshold(scores: Sequence[float], threshold: float, expected_per_day: float,
                     days: int) -> float:
    """The threshold that lets through the `expected_per_day x days` best of `scores` (the
    scores of papers that would be proposed), never lower than `threshold`."""
    if expected_per_day <= 0:
        return threshold
    budget = max(1, math.floor(expected_per_day * days + 0.5))
    ranked = sorted((s for s in scores if s >= threshold), reverse=True)
    if len(ranked) <= budget:
        return threshold
    return max(threshold, ranked[budget - 1])


def cap_volume(decisions: Sequence[Decision], threshold: float, expected_per_day: float,
               days: int) -> tuple[Decision, ...]:
    """Proposed decisions below the volume threshold become irrelevant, saying why. Papers of
    the window the bot already proposed (pending, or rejected in a bot PR) count against the
    budget too, so a rerun over the same days proposes nothing more."""
    proposed = [d.score for d in decisions if d.status in _SPENT]
    cut = volume_threshold(proposed, threshold, expected_per_day, days)
    if cut <= threshold:
        return tuple(decisions)
    why = (f"below the volume threshold {cut:g} (about {expected_per_day:g} a day expected,"
           f" {days} day(s) in this run)")
    return tuple(
        replace(d, status=Status.IRRELEVANT, reasons=(why, *d.reasons))
        if d.status is Status.PROPOSED and d.score < cut else d
        for d in decisions
    )
