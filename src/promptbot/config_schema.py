"""Decoded TOML checked against frozen dataclasses: unknown keys, missing keys, wrong types.

Generic over the dataclasses; promptbot.config holds the schema itself and its value checks.
Every mistake of a file is collected as a Problem (the key and what is wrong), so a user sees
them all at once; `locate` finds the line a key is written on, for the message.
"""

from __future__ import annotations

import difflib
import re
import types
from collections.abc import Collection, Iterable
from dataclasses import MISSING, dataclass, fields, is_dataclass
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from promptbot.errors import ConfigError

T = TypeVar("T")

_ARTICLE = {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}
_PLURAL = {str: "strings", int: "integers", float: "numbers", bool: "booleans"}
_TOKEN_HINT = (
    "tokens are never read from a config file (it gets committed): set PROMPTBOT_TOKEN"
    " (or GITHUB_TOKEN) in the environment, e.g. from a repository secret"
)


@dataclass(frozen=True)
class Problem:
    """One mistake in a config file: the key path ("arxiv.keywords[2]") and what is wrong."""

    key: str
    message: str
    table: bool = False  # the key names a table (shown `[arxv]`), not a value

    @property
    def shown_key(self) -> str:
        """The key as a user writes it: `[arxiv].keywords[2]`, `[arxv]`, or a top-level key."""
        if not self.key:
            return "the top level"
        if self.table and "." not in self.key:
            return f"[{self.key}]"
        return dotted(self.key)


def build(
    cls: type[T], data: Any, source: str, *, internal: Collection[str] = (),
    problems: list[Problem] | None = None,
) -> T:
    """An instance of dataclass `cls` from `data`, keys with mistakes left at their defaults.

    `internal` names top-level fields a file may not set (they keep their defaults). Mistakes are
    appended to `problems`; without a list to collect them, the first batch raises ConfigError.
    """
    collected: list[Problem] = [] if problems is None else problems
    built = _build(cls, data, "", frozenset(internal), collected, _all_keys(cls))
    if problems is None and collected:
        raise ConfigError("\n".join(f"{source}: {p.shown_key}: {p.message}" for p in collected))
    return built


def _build(
    cls: type[T], data: Any, path: str, internal: frozenset[str], problems: list[Problem],
    everywhere: dict[str, list[str]],
) -> T:
    if not isinstance(data, dict):
        problems.append(Problem(path, "must be a table", table=True))
        return None  # type: ignore[return-value]  # the caller keeps the default
    settable = [f for f in fields(cls) if f.name not in internal]  # type: ignore[arg-type]
    known = [f.name for f in settable]
    for key in data:
        if key not in known:
            child = f"{path}.{key}" if path else key
            problems.append(Problem(child, unknown_key(key, known, everywhere, table=path),
                                    table=isinstance(data[key], dict)))
    hints = get_type_hints(cls)
    values: dict[str, Any] = {}
    for f in settable:
        child = f"{path}.{f.name}" if path else f.name
        if f.name in data:
            before = len(problems)
            value = _convert(hints[f.name], data[f.name], child, problems, everywhere)
            # A table keeps its good keys (its bad ones fell back already); a value with a
            # mistake anywhere in it keeps the default, so later checks see sound values only.
            if len(problems) == before or (is_dataclass(hints[f.name]) and value is not None):
                values[f.name] = value
        elif f.default is MISSING and f.default_factory is MISSING:
            problems.append(Problem(child, "missing required key"))
    try:
        return cls(**values)
    except TypeError:  # a required key was missing: there is nothing to build
        return None  # type: ignore[return-value]


def unknown_key(
    key: str, known: Iterable[str], everywhere: dict[str, list[str]], *, table: str
) -> str:
    """`unknown key`, with a hint: a close spelling, the table the key belongs in, or tokens."""
    if "token" in key.lower():
        return f"unknown key; {_TOKEN_HINT}"
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    if close:
        shown = f"[{close[0]}]" if not table and close[0] in everywhere else close[0]
        return f"unknown key; did you mean {shown}?"
    homes = [t for t, keys in everywhere.items() if key in keys and t != table]
    if homes:
        return f"unknown key here; it belongs in [{homes[0]}]"
    return "unknown key"


def _all_keys(cls: type[Any]) -> dict[str, list[str]]:
    """The keys of each top-level table of the schema, for "it belongs in [x]" hints."""
    hints = get_type_hints(cls)
    return {f.name: [g.name for g in fields(hints[f.name])]
            for f in fields(cls) if is_dataclass(hints[f.name])}


def _convert(
    hint: Any, value: Any, path: str, problems: list[Problem], everywhere: dict[str, list[str]]
) -> Any:
    if is_dataclass(hint) and isinstance(hint, type):
        return _build(hint, value, path, frozenset(), problems, everywhere)
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return _convert(options[0], value, path, problems, everywhere)
    if origin is tuple:
        item = get_args(hint)[0]
        if not isinstance(value, list):
            problems.append(Problem(path, f"must be a list of {_plural(item)}"))
            return None
        return tuple(_convert(item, v, f"{path}[{i}]", problems, everywhere)
                     for i, v in enumerate(value))
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint in (str, int, float, bool) and type(value) is hint:
        return value
    problems.append(Problem(path, f"must be {_ARTICLE.get(hint, _plural(hint))}"))
    return None


def _plural(hint: Any) -> str:
    if is_dataclass(hint):
        return "tables"
    return _PLURAL.get(hint, "values of the right type")


def dotted(path: str) -> str:
    """`arxiv.keywords[2]` as `[arxiv].keywords[2]`; a top-level key stays as it is."""
    head, _, rest = path.partition(".")
    return f"[{head}].{rest}" if rest else path


# --- where a key is written -------------------------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_INDEX = re.compile(r"\[(\d+)\]")


def locate(text: str, key: str) -> int | None:
    """The 1-based line where `key` ("arxiv.delay_seconds", "sections.rules[1].section") is set,
    found by a plain scan of the file (tomllib gives no positions); None when not found."""
    parts = [p for p in re.split(r"\.(?![^\[]*\])", key) if p]
    name = _INDEX.sub("", parts[-1]) if parts else ""
    table_parts = parts[:-1]
    table = ".".join(_INDEX.sub("", p) for p in table_parts)
    index = next((int(m.group(1)) for p in table_parts for m in [_INDEX.search(p)] if m), 0)
    lines = text.splitlines()
    current, seen, table_line = "", (0 if not table else -1), None
    for number, line in enumerate(lines, start=1):
        header = _HEADER.match(line)
        if header:
            current = header.group(2).replace(" ", "")
            if current == table:
                seen += 1
                table_line = number if seen == index else table_line
            if not table_parts and current == name:
                return number  # a misspelt table: its header line
            continue
        if current == table and seen == index and re.match(
                rf'^\s*["\']?{re.escape(name)}["\']?\s*=', line):
            return number
    return table_line  # a key that is missing: its table's header
