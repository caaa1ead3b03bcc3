"""The `schedule` command: APScheduler runs `promptbot run` on the configured cron until stopped."""

from __future__ import annotations

import argparse
import logging
import os
import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, tzinfo
from types import FrameType
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.schedulers import SchedulerNotRunningError
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from promptbot.config import Config, ScheduleConfig
from promptbot.errors import ConfigError, PromptbotError

log = logging.getLogger("promptbot")

JOB_ID = "promptbot-run"
RunFunction = Callable[[argparse.Namespace, Config], int]


class Trigger(Protocol):
    """What the schedule needs of an APScheduler trigger."""

    def get_next_fire_time(
        self, previous_fire_time: datetime | None, now: datetime
    ) -> datetime | None:
        """The next time the job should run after `now`, or None for never."""


class Scheduler(Protocol):
    """What the schedule needs of an APScheduler scheduler (BlockingScheduler in production)."""

    def add_job(self, func: Callable[[], Any], trigger: Any, **kwargs: Any) -> Any:
        """Register `func` to run on `trigger`."""

    def start(self) -> None:
        """Run jobs; blocks until shut down."""

    def shutdown(self, wait: bool = True) -> None:
        """Stop; with wait=True, after the running jobs have finished."""


SchedulerFactory = Callable[[tzinfo], Scheduler]

# crontab numbers days of the week from Sunday (0 or 7); APScheduler 3.x numbers them from
# Monday, so "1-5" would mean Tuesday to Saturday there. Names mean the same in both.
_CRON_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
_DAY_PART = re.compile(r"^(?P<base>\*|[0-9a-z]+(?:-[0-9a-z]+)?)(?:/(?P<step>[0-9]+))?$")


def _day_number(token: str, field: str) -> int:
    """A crontab day of the week (0-7 or a name) as 0 = Sunday ... 6 = Saturday."""
    if token.isdigit() and int(token) <= 7:
        return int(token) % 7
    if token in _CRON_DAYS:
        return _CRON_DAYS.index(token)
    raise ValueError(f'day of week "{token}" in "{field}" is not 0-7 or sun-sat')


def _day_range(base: str, field: str, *, stepped: bool) -> tuple[int, int]:
    """First and last day (0 = Sunday, up to 7 = Sunday again) of `*`, `a` or `a-b`."""
    if base == "*":
        return 0, 6
    first, _, last = base.partition("-")
    low = _day_number(first, field)
    if not last:
        return low, 6 if stepped else low  # "a/n" means from a to the end of the week
    # 7 and "sun" may close a range as the end of the week ("5-7", "fri-sun").
    high = 7 if last in ("7", "sun") else _day_number(last, field)
    if high < low:
        raise ValueError(f'day-of-week range "{base}" runs backwards')
    return low, high


def crontab_days(field: str) -> str:
    """A crontab day-of-week field rewritten as APScheduler 3.x reads it (day names)."""
    text = field.strip().lower()
    if text == "*":
        return "*"
    days: set[int] = set()
    for part in text.split(","):
        match = _DAY_PART.match(part)
        if not match:
            raise ValueError(f'cannot read day of week "{part}" in "{field}"')
        base, step = match["base"], int(match["step"] or 1)
        if step < 1:
            raise ValueError(f'step 0 in day of week "{part}"')
        low, high = _day_range(base, field, stepped=match["step"] is not None)
        days.update(day % 7 for day in range(low, high + 1, step))
    # Listed Monday first, as APScheduler orders the week.
    return ",".join(_CRON_DAYS[d] for d in (1, 2, 3, 4, 5, 6, 0) if d in days)


def schedule_timezone(schedule: ScheduleConfig) -> tzinfo:
    """The configured time zone, or a ConfigError naming [schedule].timezone."""
    if schedule.timezone.upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(schedule.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f'[schedule].timezone "{schedule.timezone}" is not an IANA time zone'
            ' (e.g. "UTC", "Europe/Berlin")'
        ) from None


def cron_trigger(schedule: ScheduleConfig) -> CronTrigger:
    """The trigger for `[schedule] cron`, read with crontab's weekday numbers."""
    zone = schedule_timezone(schedule)
    fields = schedule.cron.split()
    try:
        if len(fields) != 5:
            raise ValueError(f"{len(fields)} fields, expected 5 (minute hour day month weekday)")
        fields[4] = crontab_days(fields[4])
        return CronTrigger.from_crontab(" ".join(fields), timezone=zone)
    except ValueError as exc:
        raise ConfigError(f'[schedule].cron "{schedule.cron}" is not a valid cron: {exc}') from None


def next_run_text(trigger: Trigger, now: datetime) -> str:
    """When the trigger fires next, for the log: "next run: 2026-12-01 01:30 UTC"."""
    when = trigger.get_next_fire_time(None, now)
    if when is None:
        return "next run: never (the schedule has no future time)"
    return f"next run: {when.strftime('%Y-%m-%d %H:%M %Z')}"


def make_job(
    run: RunFunction,
    args: argparse.Namespace,
    cfg: Config,
    after: Callable[[], None] = lambda: None,
) -> Callable[[], int]:
    """The scheduled job: one run on a copy of the flags; a failure is logged, never raised."""

    def job() -> int:
        code = 1
        try:
            code = run(argparse.Namespace(**vars(args)), cfg)
        except PromptbotError as exc:
            code = exc.exit_code
            log.error("run failed: %s", exc)
        except Exception:
            log.exception("run failed with an unexpected error")
        finally:
            after()
        if code:
            log.warning("run ended with exit code %d; the schedule carries on", code)
        return code

    return job


def default_run(args: argparse.Namespace, cfg: Config) -> int:
    """One `promptbot run` with these flags."""
    from promptbot import runner

    return runner.run_command(args, cfg)


def default_preflight(args: argparse.Namespace, cfg: Config) -> None:
    """Refuse to start on a mistake every run would repeat (bad flags, no token for real runs)."""
    from promptbot import runner

    runner.preflight(args, cfg)


def blocking_scheduler(zone: tzinfo) -> Scheduler:
    """APScheduler's foreground scheduler in the configured time zone."""
    return BlockingScheduler(timezone=zone)  # type: ignore[no-any-return]


@contextmanager
def stop_on_signals(
    stop: Callable[[], None], force: Callable[[int], object] = os._exit
) -> Iterator[None]:
    """While inside, SIGINT/SIGTERM call `stop`; a second one calls `force(128 + signal)`."""
    asked = threading.Event()

    def handler(signum: int, frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        if asked.is_set():
            # A person pressing Ctrl-C twice means "now": a run cut short is repaired by the next.
            log.warning("%s received again; stopping now, without waiting for the current run",
                        name)
            force(128 + signum)
            return
        asked.set()
        log.info("%s received; stopping after the current run (again to stop at once)", name)
        stop()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _shutdown(scheduler: Scheduler, finished: threading.Event) -> None:
    """Shut down after the current run; a signal may come before start(), so retry until then."""
    while not finished.is_set():
        try:
            scheduler.shutdown(wait=True)
            return
        except SchedulerNotRunningError:
            finished.wait(0.01)
        except Exception as exc:
            log.debug("scheduler shutdown: %r", exc)
            return


def run_scheduled(
    scheduler: Scheduler,
    job: Callable[[], int],
    trigger: Trigger,
    cfg: Config,
    started: Callable[[], None] = lambda: None,
) -> int:
    """Run `job` on `trigger` until SIGINT/SIGTERM; never two runs at once. Returns 0."""
    scheduler.add_job(job, trigger, id=JOB_ID, name="promptbot run", max_instances=1,
                      coalesce=True, misfire_grace_time=cfg.schedule.misfire_grace_seconds)
    stoppers: list[threading.Thread] = []
    finished = threading.Event()

    def stop() -> None:
        # Shut down from a thread: the signal handler must return at once, and shutdown(wait=True)
        # blocks until the current run has finished.
        stopper = threading.Thread(target=_shutdown, args=(scheduler, finished),
                                   name="promptbot-stop")
        stoppers.append(stopper)
        stopper.start()

    with stop_on_signals(stop):
        started()
        try:
            scheduler.start()
        finally:
            finished.set()
        for stopper in stoppers:
            stopper.join()
    log.info("schedule stopped")
    return 0


def schedule_command(
    args: argparse.Namespace,
    cfg: Config,
    *,
    run: RunFunction = default_run,
    scheduler_factory: SchedulerFactory = blocking_scheduler,
    trigger: Trigger | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    preflight: Callable[[argparse.Namespace, Config], None] = default_preflight,
) -> int:
    """`promptbot schedule`: runs on `[schedule] cron` until stopped, or once with --once."""
    cron = cron_trigger(cfg.schedule)  # a bad cron or zone is an error even with --once
    zone = schedule_timezone(cfg.schedule)
    if getattr(args, "once", False):
        return run(argparse.Namespace(**vars(args)), cfg)
    preflight(args, cfg)
    fires: Trigger = trigger if trigger is not None else cron

    def after() -> None:
        log.info("%s", next_run_text(fires, now().astimezone(zone)))

    def started() -> None:
        mode = "dry run" if args.dry_run else "real run"
        log.info('scheduled (%s): cron "%s" in %s; %s', mode, cfg.schedule.cron,
                 cfg.schedule.timezone, next_run_text(fires, now().astimezone(zone)))

    job = make_job(run, args, cfg, after)
    return run_scheduled(scheduler_factory(zone), job, fires, cfg, started)
