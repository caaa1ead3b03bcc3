"""Decoded TOML checked against frozen dataclasses: unknown keys, missing keys, wrong types.

Generic over the dataclasses; promptbot.config holds the schema itself and its value checks.
"""

from __future__ import annotations

import types
from collections.abc import Collection
from dataclasses import MISSING, fields, is_dataclass
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from promptbot.errors import ConfigError

T = TypeVar("T")

_ARTICLE = {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}
_PLURAL = {str: "strings", int: "integers", float: "numbers", bool: "booleans"}


def build(cls: type[T], data: Any, source: str, *, internal: Collection[str] = ()) -> T:
    """An instance of dataclass `cls` from `data`; ConfigError naming `source` and the key.

    `internal` names top-level fields a file may not set (they keep their defaults).
    """
    return _build(cls, data, source, "", frozenset(internal))


def _build(cls: type[T], data: Any, source: str, path: str, internal: frozenset[str]) -> T:
    where = f"[{path}]" if path else "the top level"
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: {where} must be a table")
    settable = [f for f in fields(cls) if f.name not in internal]  # type: ignore[arg-type]
    known = {f.name for f in settable}
    for key in data:
        if key not in known:
            raise ConfigError(f"{source}: unknown key {_key(path, key)}")
    hints = get_type_hints(cls)
    values: dict[str, Any] = {}
    for f in settable:
        if f.name in data:
            child = f"{path}.{f.name}" if path else f.name
            values[f.name] = _convert(hints[f.name], data[f.name], source, child)
        elif f.default is MISSING and f.default_factory is MISSING:
            raise ConfigError(f"{source}: missing required key {_key(path, f.name)}")
    return cls(**values)


def _convert(hint: Any, value: Any, source: str, path: str) -> Any:
    if is_dataclass(hint) and isinstance(hint, type):
        return _build(hint, value, source, path, frozenset())
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return _convert(options[0], value, source, path)
    if origin is tuple:
        item = get_args(hint)[0]
        if not isinstance(value, list):
            raise ConfigError(f"{source}: {_dotted(path)} must be a list of {_plural(item)}")
        return tuple(_convert(item, v, source, f"{path}[{i}]") for i, v in enumerate(value))
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint in (str, int, float, bool) and type(value) is hint:
        return value
    raise ConfigError(f"{source}: {_dotted(path)} must be {_ARTICLE.get(hint, _plural(hint))}")


def _plural(hint: Any) -> str:
    if is_dataclass(hint):
        return "tables"
    return _PLURAL.get(hint, "values of the right type")


def _key(path: str, key: str) -> str:
    return f"[{path}].{key}" if path else key


def _dotted(path: str) -> str:
    head, _, rest = path.partition(".")
    return f"[{head}].{rest}" if rest else head
