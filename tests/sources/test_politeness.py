"""Politeness: spacing between arXiv requests, backoff after failures, Retry-After."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
from arxiv_server import FakeClock

from promptbot.sources.politeness import Politeness, retry_after_seconds, shared


def test_first_request_goes_at_once_then_every_delay_seconds() -> None:
    clock = FakeClock()
    polite = Politeness(3.0, sleep=clock.sleep, clock=clock)
    sent = []
    for _ in range(4):
        polite.wait()
        sent.append(clock())
        polite.record(ok=True)
    assert [b - a for a, b in itertools.pairwise(sent)] == [3.0, 3.0, 3.0]
    assert clock.sleeps == [3.0, 3.0, 3.0]
    assert polite.requests == 4


def test_time_already_spent_counts_towards_the_delay() -> None:
    clock = FakeClock()
    polite = Politeness(3.0, sleep=clock.sleep, clock=clock)
    polite.record(ok=True)
    clock.now += 2.0  # parsing took two seconds
    assert polite.wait() == 1.0


def test_backoff_doubles_after_each_failure_and_resets_on_success() -> None:
    polite = Politeness(3.0, sleep=FakeClock().sleep, clock=FakeClock())
    assert [polite.record(ok=False) for _ in range(3)] == [6.0, 12.0, 24.0]
    assert polite.record(ok=True) == 3.0
    assert polite.record(ok=False) == 6.0


def test_retry_after_wins_when_longer_and_everything_is_capped() -> None:
    polite = Politeness(3.0, sleep=FakeClock().sleep, clock=FakeClock(), max_backoff=60.0)
    assert polite.record(ok=False, retry_after=20.0) == 20.0
    assert polite.record(ok=False, retry_after=1.0) == 12.0
    assert polite.record(ok=False, retry_after=3600.0) == 60.0


def test_retry_later_backs_off_on_429_and_5xx_only() -> None:
    clock = FakeClock()
    polite = Politeness(3.0, sleep=clock.sleep, clock=clock)
    assert polite.retry_later(404, "30") is None
    assert polite.retry_later(400, None) is None
    assert polite.requests == 0  # a hopeless answer is left for the caller to record
    assert polite.retry_later(503, None) == 6.0
    assert polite.retry_later(429, "30") == 30.0
    assert polite.requests == 2
    assert polite.wait() == 30.0


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("7", 7.0), (" 120 ", 120.0), ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0),
     ("Wed, 21 Oct 2015 07:27:00 GMT", 0.0), ("soon", None), ("", None), (None, None)],
)
def test_retry_after_header_forms(header: str | None, seconds: float | None) -> None:
    now = datetime(2015, 10, 21, 7, 28, tzinfo=UTC)
    assert retry_after_seconds(header, now) == seconds


def test_shared_politeness_is_one_object_per_clock() -> None:
    clock, other = FakeClock(), FakeClock()
    first = shared(3.0, sleep=clock.sleep, clock=clock)
    assert shared(5.0, sleep=clock.sleep, clock=clock) is first
    assert first.delay_seconds == 5.0
    assert shared(3.0, sleep=other.sleep, clock=other) is not first
