"""Tests for `promptbot schedule`: crontab days, the job wrapper, a real BlockingScheduler."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

import pytest
from apscheduler.events import EVENT_JOB_MAX_INSTANCES, JobEvent
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.base import BaseTrigger

from promptbot import cli, schedule
from promptbot.config import Config, ScheduleConfig
from promptbot.errors import ConfigError, ForgeError, SourceError, UsageError

BOUND = 3.0  # seconds: the most any threaded test may wait before it gives up and fails


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Capture promptbot's log even when the CLI has stopped it propagating."""
    logger = logging.getLogger("promptbot")
    old_level, old_propagate = logger.level, logger.propagate
    logger.addHandler(caplog.handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False  # else the root logger's capture would see every line twice
    yield caplog
    logger.removeHandler(caplog.handler)
    logger.setLevel(old_level)
    logger.propagate = old_propagate


@pytest.fixture(autouse=True)
def _restore_promptbot_logger() -> Iterator[None]:
    """cli.main() points promptbot's log at the stderr pytest captured: undo that after."""
    logger = logging.getLogger("promptbot")
    saved = (logger.handlers[:], logger.level, logger.propagate)
    yield
    logger.handlers[:], logger.level, logger.propagate = saved[0], saved[1], saved[2]


def run_args(**overrides: Any) -> argparse.Namespace:
    """The flags `promptbot schedule` parses, with overrides."""
    values: dict[str, Any] = {"dry_run": False, "catalog": None, "feed": [], "since": None,
                              "until": None, "json": False, "output": None, "summary": None,
                              "once": False}
    values.update(overrides)
    return argparse.Namespace(**values)


def cfg_with(cron: str = "30 1 * * 1-5", timezone: str = "UTC", grace: int = 3600) -> Config:
    """A Config whose [schedule] is as given."""
    return Config(schedule=ScheduleConfig(cron=cron, timezone=timezone,
                                          misfire_grace_seconds=grace))


# --- crontab's day-of-week numbers (0/7 = Sunday), which APScheduler 3.x numbers from Monday ---

@pytest.mark.parametrize(("field", "expected"), [
    ("*", "*"),
    ("1-5", "mon,tue,wed,thu,fri"),
    ("MON-FRI", "mon,tue,wed,thu,fri"),
    ("0", "sun"),
    ("7", "sun"),
    ("0,6", "sat,sun"),
    ("5-7", "fri,sat,sun"),
    ("fri-sun", "fri,sat,sun"),
    ("*/2", "tue,thu,sat,sun"),
    ("1-5/2", "mon,wed,fri"),
    ("1/3", "mon,thu"),
    ("2,tue,3", "tue,wed"),
])
def test_crontab_days_reads_crontab_numbers(field: str, expected: str) -> None:
    assert schedule.crontab_days(field) == expected


@pytest.mark.parametrize("field", ["8", "5-1", "fri-mon", "funday", "1-5/0", "1--5", ""])
def test_crontab_days_rejects_nonsense(field: str) -> None:
    with pytest.raises(ValueError):
        schedule.crontab_days(field)


def fire_times(cron: str, start: datetime, count: int, timezone: str = "UTC") -> list[datetime]:
    """The next `count` fire times of `cron` after `start`."""
    trigger = schedule.cron_trigger(ScheduleConfig(cron=cron, timezone=timezone))
    times: list[datetime] = []
    previous: datetime | None = None
    now = start
    for _ in range(count):
        nxt = trigger.get_next_fire_time(previous, now)
        assert nxt is not None
        times.append(nxt)
        previous, now = nxt, nxt + timedelta(seconds=1)
    return times


def test_default_cron_fires_monday_to_friday_like_crontab() -> None:
    saturday = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    times = fire_times(ScheduleConfig().cron, saturday, 6)
    assert [t.strftime("%a %d %H:%M") for t in times] == [
        "Mon 30 01:30", "Tue 01 01:30", "Wed 02 01:30", "Thu 03 01:30", "Fri 04 01:30",
        "Mon 07 01:30",
    ]


def test_cron_runs_in_the_configured_time_zone() -> None:
    start = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    (first,) = fire_times("0 8 * * *", start, 1, timezone="Europe/Berlin")
    assert first.astimezone(UTC) == datetime(2026, 12, 2, 7, 0, tzinfo=UTC)  # CET = UTC+1


@pytest.mark.parametrize("cron", ["30 1 * *", "61 1 * * *", "30 1 * * 8", "every day", ""])
def test_bad_cron_is_a_config_error_naming_the_key(cron: str) -> None:
    with pytest.raises(ConfigError) as err:
        schedule.cron_trigger(ScheduleConfig(cron=cron))
    assert "[schedule].cron" in str(err.value)
    assert err.value.exit_code == 2


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "", "../etc/passwd", "UTC+1"])
def test_bad_timezone_is_a_config_error_naming_the_key(zone: str) -> None:
    with pytest.raises(ConfigError) as err:
        schedule.cron_trigger(ScheduleConfig(timezone=zone))
    assert "[schedule].timezone" in str(err.value)
    assert err.value.exit_code == 2


def test_next_run_text_names_date_time_and_zone() -> None:
    trigger = schedule.cron_trigger(ScheduleConfig(cron="30 1 * * 1-5"))
    sunday = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    assert schedule.next_run_text(trigger, sunday) == "next run: 2026-11-30 01:30 UTC"


def test_next_run_text_when_the_schedule_never_fires_again() -> None:
    trigger = Ticks(0, 1.0)
    assert "never" in schedule.next_run_text(trigger, datetime(2026, 1, 1, tzinfo=UTC))


# --- the job wrapper ---

def test_job_passes_a_copy_of_the_flags_with_dry_run_as_given() -> None:
    seen: list[argparse.Namespace] = []

    def run(args: argparse.Namespace, cfg: Config) -> int:
        seen.append(args)
        args.since = "mutated"
        return 0

    original = run_args(dry_run=True, since="2026-11-01")
    job = schedule.make_job(run, original, Config())
    assert job() == 0
    assert job() == 0
    assert [a.dry_run for a in seen] == [True, True]
    assert seen[0] is not original and seen[0] is not seen[1]
    assert original.since == "2026-11-01"


@pytest.mark.parametrize(("error", "code"), [
    (SourceError("arXiv API: HTTP 503 after 3 retries"), 1),
    (ForgeError("GitHub: 401 Bad credentials"), 1),
    (ConfigError("[sections].default names no section"), 2),
    (RuntimeError("boom"), 1),
])
def test_job_survives_a_failed_run_and_logs_it(
    error: Exception, code: int, logs: pytest.LogCaptureFixture
) -> None:
    def run(args: argparse.Namespace, cfg: Config) -> int:
        raise error

    after: list[bool] = []
    assert schedule.make_job(run, run_args(), Config(), lambda: after.append(True))() == code
    assert after == [True]
    assert str(error) in logs.text or "boom" in logs.text
    assert "carries on" in logs.text


def test_once_runs_immediately_with_the_runs_exit_code() -> None:
    calls: list[argparse.Namespace] = []

    def run(args: argparse.Namespace, cfg: Config) -> int:
        calls.append(args)
        return 1

    def no_scheduler(zone: tzinfo) -> schedule.Scheduler:
        raise AssertionError("--once must not start a scheduler")

    code = schedule.schedule_command(run_args(once=True, dry_run=True), cfg_with(), run=run,
                                     scheduler_factory=no_scheduler)
    assert code == 1
    assert len(calls) == 1 and calls[0].dry_run is True


def test_once_lets_a_run_error_reach_the_cli() -> None:
    def run(args: argparse.Namespace, cfg: Config) -> int:
        raise SourceError("arXiv: HTTP 429")

    with pytest.raises(SourceError):
        schedule.schedule_command(run_args(once=True), cfg_with(), run=run)


def test_once_still_checks_the_cron() -> None:
    with pytest.raises(ConfigError, match=r"\[schedule\]\.cron"):
        schedule.schedule_command(run_args(once=True), cfg_with(cron="99 * * * *"),
                                  run=lambda a, c: 0)


def test_cli_reports_a_bad_schedule_as_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[schedule]\ntimezone = "Nowhere/Special"\n', encoding="utf-8")
    assert cli.main(["--config", str(config), "schedule", "--once"]) == 2
    err = capsys.readouterr().err
    assert "[schedule].timezone" in err and "Traceback" not in err


# --- a real BlockingScheduler with fast triggers ---

class Ticks(BaseTrigger):  # type: ignore[misc]
    """Fires `count` times, `gap` seconds apart, each tick counted from when the last was handed
    out, so that a scheduler woken late never sees two ticks due at once (which it would
    coalesce); then never again."""

    def __init__(self, count: int, gap: float) -> None:
        self.left, self.gap = count, timedelta(seconds=gap)
        self.upcoming: datetime | None = None if count else datetime.min.replace(tzinfo=UTC)

    def get_next_fire_time(
        self, previous_fire_time: datetime | None, now: datetime
    ) -> datetime | None:
        """A new tick when the scheduler has fired the pending one; a look-ahead otherwise."""
        if previous_fire_time is None and self.upcoming is not None:
            # Someone asking (promptbot's "next run:" line), not the scheduler: consume nothing.
            if self.upcoming > now:
                return self.upcoming
            return now + self.gap if self.left else None
        if self.upcoming is None or (
            previous_fire_time is not None and previous_fire_time >= self.upcoming
        ):
            if self.left == 0:
                return None
            self.left -= 1
            self.upcoming = now + self.gap
        return self.upcoming


class Every(BaseTrigger):  # type: ignore[misc]
    """Fires every `seconds` from `start`, forever."""

    def __init__(self, seconds: float, start: datetime) -> None:
        self.step, self.start = timedelta(seconds=seconds), start

    def get_next_fire_time(
        self, previous_fire_time: datetime | None, now: datetime
    ) -> datetime | None:
        """The next step after the previous fire (or, for a first fire, not before now)."""
        if previous_fire_time is not None:
            return previous_fire_time + self.step
        steps = max(0, -(-(now - self.start) // self.step))  # ceiling division of timedeltas
        return self.start + steps * self.step


class Recorder:
    """A fake run: records overlap and calls, optionally blocks or fails, and signals progress."""

    def __init__(self, outcomes: list[Callable[[], int]] | None = None) -> None:
        self.outcomes = outcomes or []
        self.lock = threading.Lock()
        self.active = 0
        self.max_active = 0
        self.calls = 0
        self.finished = 0

    def __call__(self, args: argparse.Namespace, cfg: Config) -> int:
        with self.lock:
            self.active += 1
            self.max_active = max(self.max_active, self.active)
            index = self.calls
            self.calls += 1
        try:
            return self.outcomes[index]() if index < len(self.outcomes) else 0
        finally:
            with self.lock:
                self.active -= 1
                self.finished += 1



class Harness:
    """Builds real BlockingSchedulers and stops them by watchdog if a test goes wrong."""

    def __init__(self) -> None:
        self.schedulers: list[BlockingScheduler] = []
        self.skipped = threading.Semaphore(0)
        self.watchdog = threading.Timer(BOUND * 2, self.emergency_stop)
        self.watchdog.daemon = True

    def factory(self, zone: tzinfo) -> schedule.Scheduler:
        """A real BlockingScheduler that reports ticks skipped because a run was still going."""
        scheduler = BlockingScheduler(timezone=zone)
        scheduler.add_listener(self.on_skip, EVENT_JOB_MAX_INSTANCES)
        self.schedulers.append(scheduler)
        return scheduler  # type: ignore[no-any-return]

    def on_skip(self, event: JobEvent) -> None:
        self.skipped.release()

    def emergency_stop(self) -> None:
        for scheduler in self.schedulers:
            scheduler.shutdown(wait=False)


@pytest.fixture
def harness() -> Iterator[Harness]:
    h = Harness()
    h.watchdog.start()
    yield h
    h.watchdog.cancel()


def wait_until(condition: Callable[[], bool]) -> bool:
    """Poll condition() every 5 ms for at most BOUND seconds; whether it came true."""
    deadline = time.monotonic() + BOUND
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def sigterm_when(condition: Callable[[], bool], then: Callable[[], None] = lambda: None) -> None:
    """From a thread: once condition() holds (bounded wait), SIGTERM this process, then `then`."""

    def worker() -> None:
        wait_until(condition)
        os.kill(os.getpid(), signal.SIGTERM)
        then()

    threading.Thread(target=worker, daemon=True).start()


def test_one_run_per_tick_and_a_failing_run_does_not_stop_the_schedule(
    harness: Harness, logs: pytest.LogCaptureFixture
) -> None:
    def fail_unexpectedly() -> int:
        raise RuntimeError("unexpected")

    def fail_on_arxiv() -> int:
        raise SourceError("arXiv API: HTTP 503")

    runs = Recorder([fail_unexpectedly, fail_on_arxiv, lambda: 0])
    sigterm_when(lambda: runs.finished >= 3)
    before = signal.getsignal(signal.SIGTERM)
    code = schedule.schedule_command(
        run_args(dry_run=True), cfg_with(), run=runs, scheduler_factory=harness.factory,
        trigger=Ticks(3, 0.05))
    assert code == 0
    assert runs.calls == 3 and runs.max_active == 1
    assert "unexpected" in logs.text and "HTTP 503" in logs.text
    assert logs.text.count("next run:") == 4  # at start, then after each of the three runs
    assert logs.text.count("next run: never") == 1  # after the last tick
    assert "schedule stopped" in logs.text
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_slow_run_is_never_overlapped_and_sigterm_waits_for_it(harness: Harness) -> None:
    release = threading.Event()

    def slow() -> int:
        release.wait(BOUND)
        return 0

    runs = Recorder([slow])

    def skipped_twice() -> bool:
        return harness.skipped.acquire(timeout=BOUND) and harness.skipped.acquire(timeout=BOUND)

    # While the slow run holds on, ticks keep coming every 20 ms; two of them must be skipped.
    def release_once_stopping() -> None:
        wait_until(lambda: harness.schedulers[0].state == STATE_STOPPED)
        release.set()

    sigterm_when(lambda: runs.calls >= 1 and skipped_twice(), then=release_once_stopping)
    code = schedule.schedule_command(
        run_args(), cfg_with(), run=runs, scheduler_factory=harness.factory,
        trigger=Every(0.02, datetime.now(UTC)), preflight=lambda args, cfg: None)
    assert code == 0
    assert runs.max_active == 1
    assert runs.calls == 1, "no run may start after the stop was asked for"
    assert runs.finished == 1, "the stop waits for the current run to finish"


def test_sigint_stops_an_idle_schedule(harness: Harness) -> None:
    runs = Recorder()
    original = signal.getsignal(signal.SIGINT)

    def interrupt() -> None:
        # Only once promptbot's handler is in place: pytest's own would end the test session.
        if wait_until(lambda: signal.getsignal(signal.SIGINT) is not original):
            os.kill(os.getpid(), signal.SIGINT)
        else:
            harness.emergency_stop()

    thread = threading.Thread(target=interrupt)
    thread.start()
    started = time.monotonic()
    code = schedule.schedule_command(run_args(), cfg_with(), run=runs,
                                     scheduler_factory=harness.factory,
                                     preflight=lambda args, cfg: None)
    thread.join()
    assert code == 0
    assert runs.calls == 0  # the default cron's next tick is hours away
    assert time.monotonic() - started < BOUND


def test_a_real_process_logs_its_next_run_and_stops_on_sigterm(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[schedule]\ncron = "0 3 1 1 *"\ntimezone = "Europe/Berlin"\n',
                      encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "promptbot", "--config", str(config), "schedule", "--dry-run"],
        cwd=tmp_path, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    try:
        assert process.stderr is not None
        first = process.stderr.readline()  # blocks until the scheduler has started (or died)
        assert "next run:" in first and " 03:00 CET" in first, first
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=BOUND * 3)
        rest = process.stderr.read()
    finally:
        process.kill()
        process.wait()
    assert code == 0, rest
    assert "SIGTERM received" in rest and "schedule stopped" in rest
    assert "Traceback" not in rest


def test_a_second_signal_forces_the_exit() -> None:
    stops: list[bool] = []
    forced: list[int] = []
    before = signal.getsignal(signal.SIGTERM)
    with schedule.stop_on_signals(lambda: stops.append(True), force=forced.append):
        handler = signal.getsignal(signal.SIGTERM)
        assert callable(handler)
        handler(signal.SIGTERM, None)
        assert stops == [True] and forced == []
        handler(signal.SIGINT, None)
    assert stops == [True] and forced == [128 + signal.SIGINT]
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_real_schedule_without_a_token_refuses_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PROMPTBOT_TOKEN", "GITHUB_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    built: list[object] = []

    def factory(zone: Any) -> Any:
        built.append(zone)
        raise AssertionError("no scheduler may be built")

    with pytest.raises(UsageError, match="needs a token"):
        schedule.schedule_command(run_args(), cfg_with(), scheduler_factory=factory)
    assert built == []


def test_a_schedule_with_a_bad_since_date_refuses_to_start() -> None:
    with pytest.raises(UsageError, match="--since"):
        schedule.schedule_command(run_args(dry_run=True, since="soon"), cfg_with(),
                                  scheduler_factory=lambda zone: pytest.fail("built"))
