"""Tests for volume control: about `expected_per_day` proposals a day, never below the threshold."""

from __future__ import annotations

from datetime import UTC, datetime

import builders

from promptbot.judging.volume import cap_volume, volume_threshold, window_days
from promptbot.models import Decision, Status


def decision(n: int, score: float, status: Status = Status.PROPOSED) -> Decision:
    paper = builders.paper(arxiv_id=f"2507.{n:05d}", title=f"Paper {n}")
    return Decision(paper=paper, status=status, score=score, reasons=("relevance",))


def test_a_busy_day_is_cut_to_the_expected_number_best_first() -> None:
    decisions = [decision(i, 0.9 - i / 100) for i in range(8)]
    capped = cap_volume(decisions, 0.5, expected_per_day=3, days=1)
    assert [d.status for d in capped] == [Status.PROPOSED] * 3 + [Status.IRRELEVANT] * 5
    assert capped[5].reasons[0].startswith("below the volume threshold 0.88")
    assert capped[5].reasons[1:] == ("relevance",)


def test_a_quiet_day_keeps_the_configured_threshold() -> None:
    decisions = [decision(1, 0.9), decision(2, 0.6), decision(3, 0.4, Status.IRRELEVANT)]
    assert cap_volume(decisions, 0.5, expected_per_day=5, days=1) == tuple(decisions)
    assert volume_threshold([0.9, 0.6], 0.5, 5, 1) == 0.5


def test_the_budget_grows_with_the_days_and_zero_means_no_cap() -> None:
    scores = [0.9, 0.8, 0.7, 0.6, 0.55]
    assert volume_threshold(scores, 0.5, 1, 2) == 0.8
    assert volume_threshold(scores, 0.5, 1, 5) == 0.5
    assert volume_threshold(scores, 0.5, 0, 1) == 0.5


def test_only_proposed_papers_count_against_the_budget() -> None:
    listed = [decision(i, 0.99, Status.LISTED) for i in range(5)]
    capped = cap_volume([*listed, decision(9, 0.7)], 0.5, expected_per_day=1, days=1)
    assert capped[-1].status is Status.PROPOSED


def test_the_window_spans_its_distinct_submission_days() -> None:
    day = [datetime(2025, 7, d, 12, tzinfo=UTC) for d in (1, 1, 2)]
    papers = [builders.paper(arxiv_id=f"2507.0000{i}", published=t) for i, t in enumerate(day)]
    assert window_days(papers) == 2
    assert window_days([builders.paper(arxiv_id="2507.00009")]) == 1


def test_papers_already_pending_use_up_the_budget_of_their_days() -> None:
    pending = [decision(i, 0.9, Status.PENDING) for i in range(3)]
    capped = cap_volume([*pending, decision(9, 0.8)], 0.5, expected_per_day=3, days=1)
    assert capped[-1].status is Status.IRRELEVANT
    assert capped[:3] == tuple(pending)


def test_a_weekly_recheck_of_listed_preprints_adds_no_days_to_the_window() -> None:
    # The re-check asks for every listed preprint by id; each is dated by its first version,
    # and counting those dates would lift the day's volume cap to hundreds of proposals.
    new = [builders.paper(arxiv_id=f"2507.0000{n}", published=datetime(2025, 7, 1, tzinfo=UTC))
           for n in range(3)]
    rechecked = [builders.paper(arxiv_id=f"24{m:02d}.00001", announce_type="replace",
                                published=datetime(2024, m, 1, tzinfo=UTC)) for m in range(1, 13)]
    assert window_days([*new, *rechecked]) == 1
