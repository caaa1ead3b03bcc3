"""The value checks of the configuration: one per key (or per item of a list key), in a table.

Each check returns what is wrong with a value, or None; config.parse runs them after the types
were checked (config_schema) and reports every problem at once. A key added to a dataclass in
config.py gets its check by a line in VALUE_CHECKS or ITEM_CHECKS.
"""

from __future__ import annotations

import difflib
import re
import string
from collections.abc import Callable
from dataclasses import fields
from typing import Any
from urllib.parse import urlsplit

from promptbot.config_schema import Problem

# --- value checks, one per key (or per item of a list key) ----------------------------------
# Each check returns what is wrong with a value, or None. Keys added later get their check here.

ValueCheck = Callable[[Any], "str | None"]


def _one_of(*allowed: str) -> ValueCheck:
    def check(value: Any) -> str | None:
        """The value is one of `allowed` (a close spelling is suggested)."""
        if value in allowed:
            return None
        close = difflib.get_close_matches(str(value).lower(), allowed, n=1)
        hint = f'; did you mean "{close[0]}"?' if close else ""
        return f'"{value}" is not one of {", ".join(allowed)}{hint}'
    return check


def _between(low: float, high: float, why: str = "") -> ValueCheck:
    def check(value: Any) -> str | None:
        """The value lies in [low, high]."""
        return None if low <= value <= high else f"must be between {low:g} and {high:g}{why}"
    return check


def _at_least(low: float, why: str = "") -> ValueCheck:
    def check(value: Any) -> str | None:
        """The value is at least `low`."""
        return None if value >= low else f"must be at least {low:g}{why}"
    return check


def _positive(value: Any) -> str | None:
    return None if value > 0 else "must be positive"


def _not_empty(value: Any) -> str | None:
    if isinstance(value, tuple):
        return None if value else "must list at least one"
    return None if value.strip() else "must not be empty"


_REPO = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*)/[A-Za-z0-9._-]+$")


def _repo(value: Any) -> str | None:
    if _REPO.match(value):
        return None
    found = re.match(r"^(?:https?://[^/]+/|git@[^:]+:)([^/]+/[^/]+?)(?:\.git)?/?$", value)
    if found:
        return f'must be "owner/name", not a URL: write "{found.group(1)}"'
    return f'must be "owner/name" (e.g. "BWLONG/Awesome-Prompt-Learning-CV"), not "{value}"'


# What git refuses in a branch name (git check-ref-format), and what GitHub would mangle.
_BAD_REF = re.compile(r"(^[/.-])|([/.]$)|(\.\.)|(//)|(@\{)|([\x00-\x20~^:?*\[\\\x7f])|(\.lock$)")


def _branch(value: Any) -> str | None:
    if not value.strip():
        return 'must name a branch (e.g. "main"), not be empty'
    return f'"{value}" is not a valid git branch name' if _BAD_REF.search(value) else None


def _color(value: Any) -> str | None:
    if re.fullmatch(r"[0-9a-fA-F]{6}", value):
        return None
    if re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        return f'must be six hex digits without "#": write "{value[1:]}"'
    return f'must be six hex digits such as "0e8a16", not "{value}"'


def _url(value: Any) -> str | None:
    parts = urlsplit(value)
    ok = parts.scheme in ("http", "https") and parts.netloc
    return None if ok else f'must be an http(s) URL, not "{value}"'


# arXiv's category grammar: archive, then a subject class in capitals (cs.CV, math.AG, stat.ML),
# except the physics archives, whose classes are lower case (cond-mat.mes-hall, physics.optics).
_UPPER_ARCHIVES = {"cs", "math", "stat", "eess", "econ", "q-bio", "q-fin", "nlin", "astro-ph"}
_CATEGORY = re.compile(r"^([a-z]+(?:-[a-z]+)?)(?:\.([A-Za-z]+(?:-[a-z]+)?))?$")


def _category(value: Any) -> str | None:
    found = _CATEGORY.match(value)
    if found and found.group(1) in _UPPER_ARCHIVES and found.group(2) is not None:
        if re.fullmatch(r"[A-Z]{2}", found.group(2)):
            return None
        if re.fullmatch(r"[A-Za-z]{2}", found.group(2)):
            return f'"{value}" is not an arXiv category; did you mean "{found.group(1)}.' \
                   f'{found.group(2).upper()}"?'
    elif found:
        return None
    return f'"{value}" is not an arXiv category such as "cs.CV" or "stat.ML"'


# "text" or "text^weight" (a positive number); judging.terms reads them the same way.
def _term(value: Any) -> str | None:
    text, caret, weight = value.rpartition("^")
    if not caret:
        text = value
    if not re.search(r"[A-Za-z0-9]", text):
        return f'empty term in "{value}"'
    if caret:
        try:
            number = float(weight)
        except ValueError:
            return f'bad weight "{weight}" in "{value}" (write "text" or "text^2.5")'
        if not number > 0:
            return f'the weight in "{value}" must be positive'
    return None


_PR_TITLE_FIELDS = ("count", "title", "arxiv_id")


def _pr_title(value: Any) -> str | None:
    try:
        names = [n for _, n, _, _ in string.Formatter().parse(value) if n is not None]
    except ValueError as exc:
        return f"{exc}"
    unknown = [n for n in names if n not in _PR_TITLE_FIELDS]
    if unknown:
        close = difflib.get_close_matches(unknown[0], _PR_TITLE_FIELDS, n=1)
        hint = f"; did you mean {{{close[0]}}}?" if close else ""
        return (f"unknown placeholder {{{unknown[0]}}} (known: "
                f"{', '.join('{' + f + '}' for f in _PR_TITLE_FIELDS)}){hint}")
    return None


VALUE_CHECKS: dict[str, ValueCheck] = {
    "catalog.repo": _repo,
    "catalog.path": _not_empty,
    "catalog.branch": _branch,
    "arxiv.keywords": _not_empty,
    "arxiv.categories": _not_empty,
    "arxiv.sources": _not_empty,
    "arxiv.api_url": _url,
    "arxiv.rss_url": _url,
    "arxiv.delay_seconds": _at_least(3, " (arXiv asks for 3 seconds between requests)"),
    "arxiv.page_size": _between(1, 2000),
    "arxiv.num_retries": _between(0, 10),
    "arxiv.lookback_days": _at_least(1),
    "arxiv.html_url": _url,
    "github.api_url": _url,
    "github.max_rate_limit_wait_seconds": _at_least(0),
    "pull_request.mode": _one_of("rolling", "per-paper"),
    "pull_request.branch": _branch,
    "pull_request.branch_prefix": _not_empty,
    "pull_request.title": _pr_title,
    "pull_request.label_color": _color,
    "pull_request.max_open": _at_least(1),
    "schedule.misfire_grace_seconds": _at_least(1),
    "sections.min_confidence": _between(0, 1),
    "scoring.threshold": _between(0, 1),
    "scoring.fuzzy_title_threshold": _between(0, 100),
    "scoring.model": _one_of("learned", "terms"),
    "scoring.expected_per_day": _at_least(0),
    "scoring.terms_fit_auc": _between(0, 1),
    "scoring.taught_threshold": _between(0, 1),
    "scoring.taught_per_day": _at_least(0),
    "scoring.taught_c": _positive,
    "scoring.learned_c": _positive,
    "scoring.learned_min_window": _at_least(1),
    "scoring.recency_half_life_months": _positive,
    "enrich.max_pages": _at_least(0),
    "updates.recheck_weekday": _between(0, 7, " (0 = never, 1 = Monday … 7 = Sunday)"),
    "updates.recheck_batch": _between(1, 2000),
    "updates.semantic_scholar_url": _url,
    "updates.semantic_scholar_batch": _between(1, 500, " (the API's limit)"),
}
ITEM_CHECKS: dict[str, ValueCheck] = {
    "arxiv.sources": _one_of("api", "rss"),
    "arxiv.categories": _category,
    "arxiv.announce_types": _one_of("new", "cross", "replace", "replace-cross"),
    "arxiv.keywords": _not_empty,
    "scoring.vision_categories": _category,
}


def value_problems(config: Any) -> list[Problem]:
    """What is wrong with the values of a built Config (types are right already)."""
    found: list[Problem] = []
    items = dict(ITEM_CHECKS)
    for f in fields(config.scoring):  # every term list, including ones added later
        if f.name.endswith("_terms"):
            items[f"scoring.{f.name}"] = _term
    for key, check in [*VALUE_CHECKS.items(), *(("*" + k, c) for k, c in items.items())]:
        path = key.lstrip("*")
        value = _get(config, path)
        if value is _ABSENT:
            continue
        if key.startswith("*"):
            found += [Problem(f"{path}[{i}]", m) for i, v in enumerate(value)
                      if (m := check(v)) is not None]
        elif (message := check(value)) is not None:
            found.append(Problem(path, message))
    return found


_ABSENT = object()


def _get(config: Any, path: str) -> Any:
    value: Any = config
    for part in path.split("."):
        value = getattr(value, part, _ABSENT)
        if value is _ABSENT:
            return _ABSENT
    return value
