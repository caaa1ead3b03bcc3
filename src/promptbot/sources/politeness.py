"""Spacing and backoff shared by every arXiv request of a process (API and listing feeds)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

log = logging.getLogger("promptbot.arxiv")

Sleep = Callable[[float], None]
Clock = Callable[[], float]

DEFAULT_MAX_BACKOFF = 120.0
RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
TIMEOUT_SECONDS = 60.0  # for each arXiv request, API or listing feed


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP date); None if absent."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class Politeness:
    """At least `delay_seconds` between two requests, and growing waits after failures."""

    def __init__(
        self,
        delay_seconds: float,
        *,
        sleep: Sleep = time.sleep,
        clock: Clock = time.monotonic,
        max_backoff: float = DEFAULT_MAX_BACKOFF,
    ) -> None:
        self.delay_seconds = delay_seconds
        self.max_backoff = max_backoff
        self.requests = 0
        self._sleep = sleep
        self._clock = clock
        self._next_at: float | None = None
        self._failures = 0

    def wait(self) -> float:
        """Sleep until the next request is allowed; returns the seconds slept."""
        if self._next_at is None:
            return 0.0
        pause = self._next_at - self._clock()
        if pause <= 0:
            return 0.0
        log.debug("arXiv: waiting %.1f s before the next request", pause)
        self._sleep(pause)
        return pause

    def record(self, *, ok: bool, retry_after: float | None = None) -> float:
        """Note that a request finished; returns the seconds the next one must wait."""
        self.requests += 1
        if ok:
            self._failures = 0
            gap = self.delay_seconds
        else:
            self._failures += 1
            gap = self.backoff(self._failures, retry_after)
        self._next_at = self._clock() + gap
        return gap

    def retry_later(self, status: int, retry_after: str | None) -> float | None:
        """After an HTTP error: the wait before retrying a 429/5xx (its Retry-After honoured), or
        None when retrying cannot help (nothing is recorded then)."""
        if status not in RETRYABLE_STATUS:
            return None
        return self.record(ok=False, retry_after=retry_after_seconds(retry_after))

    def backoff(self, failures: int, retry_after: float | None = None) -> float:
        """The wait after `failures` failures in a row: doubling from the delay, capped."""
        base = max(self.delay_seconds, 1.0) * 2.0**failures
        wanted = max(base, retry_after or 0.0)
        if wanted > self.max_backoff:
            log.warning("arXiv asks for a %.0f s pause; waiting %.0f s", wanted, self.max_backoff)
        return min(wanted, self.max_backoff)


_SHARED: dict[tuple[Sleep, Clock], Politeness] = {}


def shared(delay_seconds: float, *, sleep: Sleep = time.sleep,
           clock: Clock = time.monotonic) -> Politeness:
    """The process-wide Politeness for these sleep/clock functions (arXiv's rule is per client)."""
    politeness = _SHARED.get((sleep, clock))
    if politeness is None:
        politeness = _SHARED[(sleep, clock)] = Politeness(delay_seconds, sleep=sleep, clock=clock)
    politeness.delay_seconds = delay_seconds
    return politeness
