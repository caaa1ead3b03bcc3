"""Config checks that need a layer's own grammar: the entry template, the cron and time zone.

config.py checks every value it can read alone; these checks belong to the layers that read the
key (entries formats with the template, schedule fires the cron), so the grammar lives in one
place. `load` runs both, so `check` and `run` report every mistake before any request.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from promptbot import config
from promptbot.config import Config
from promptbot.config_schema import Problem
from promptbot.entries.formatting import check_template
from promptbot.errors import ConfigError
from promptbot.models import Window
from promptbot.sources.queries import MAX_URL_LENGTH, build_queries


def _message(error: ConfigError, key: str) -> str:
    """The error's text without the key it starts with (the problem names it)."""
    text = str(error)
    for prefix in (f"{key}: ", f"{key} "):
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def template_problems(cfg: Config) -> list[Problem]:
    """A [format].template with an unknown placeholder ({nmae}) or broken braces."""
    if not cfg.format.template:
        return []
    try:
        check_template(cfg.format.template)
    except ConfigError as exc:
        return [Problem("format.template", _message(exc, "[format].template"))]
    return []


def schedule_problems(cfg: Config) -> list[Problem]:
    """A cron that does not parse or never fires, and a time zone that does not exist."""
    from promptbot.schedule import cron_trigger, schedule_timezone  # APScheduler: load lazily

    try:
        schedule_timezone(cfg.schedule)
    except ConfigError as exc:
        return [Problem("schedule.timezone", _message(exc, "[schedule].timezone"))]
    try:
        trigger = cron_trigger(cfg.schedule)
    except ConfigError as exc:
        return [Problem("schedule.cron", _message(exc, "[schedule].cron"))]
    if trigger.get_next_fire_time(None, datetime.now(UTC)) is None:
        return [Problem("schedule.cron", f'"{cfg.schedule.cron}" never fires (no such date)')]
    return []


def query_problems(cfg: Config) -> list[Problem]:
    """Keywords arXiv cannot search for, or too long for one query URL (the API source only)."""
    if "api" not in cfg.arxiv.sources:
        return []
    now = datetime.now(UTC)
    try:
        build_queries(cfg.arxiv.keywords, cfg.arxiv.categories, Window(now, now),
                      MAX_URL_LENGTH, cfg.arxiv.api_url)
    except ConfigError as exc:
        key, _, message = str(exc).partition(": ")
        path = key.replace("[", "").replace("]", "") if key.startswith("[") else "arxiv"
        return [Problem(path, message or str(exc))]
    return []


CHECKS = (template_problems, schedule_problems, query_problems)


def load(path: Path | None) -> Config:
    """The config at `path` (None: the built-in defaults), every key checked."""
    return config.load(path, checks=CHECKS)
