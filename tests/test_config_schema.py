"""The generic TOML -> dataclass checker, on small dataclasses of its own."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from promptbot.config_schema import Problem, build, unknown_key
from promptbot.errors import ConfigError


@dataclass(frozen=True)
class Rule:
    name: str
    weight: float = 1.0


@dataclass(frozen=True)
class Inner:
    rules: tuple[Rule, ...] = ()
    limit: int | None = None


@dataclass(frozen=True)
class Outer:
    inner: Inner = field(default_factory=Inner)
    flag: bool = False
    origin: str = ""


def test_a_full_document_becomes_frozen_dataclasses() -> None:
    data = {"flag": True, "inner": {"limit": 3, "rules": [{"name": "a", "weight": 2}]}}
    assert build(Outer, data, "f.toml") == Outer(Inner((Rule("a", 2.0),), 3), flag=True)


def test_missing_keys_keep_their_defaults() -> None:
    assert build(Outer, {}, "f.toml") == Outer()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "f.toml: the top level: must be a table"),
        ({"origin": "x"}, "f.toml: origin: unknown key"),
        ({"inner": {"size": 1}}, "f.toml: [inner].size: unknown key"),
        ({"inner": 1}, "f.toml: [inner]: must be a table"),
        ({"flag": 1}, "f.toml: flag: must be a boolean"),
        ({"inner": {"limit": True}}, "f.toml: [inner].limit: must be an integer"),
        ({"inner": {"rules": {}}}, "f.toml: [inner].rules: must be a list of tables"),
        ({"inner": {"rules": [{}]}}, "f.toml: [inner].rules[0].name: missing required key"),
        ({"inner": {"rules": [{"name": "a", "weight": "x"}]}},
         "f.toml: [inner].rules[0].weight: must be a number"),
    ],
)
def test_each_mistake_names_the_file_and_the_key(data: object, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        build(Outer, data, "f.toml", internal=("origin",))
    assert str(err.value) == message


def test_every_mistake_is_collected_and_good_keys_are_kept() -> None:
    problems: list[Problem] = []
    data = {"flag": 1, "inner": {"limit": 2, "size": 3, "rules": [{"name": "a", "weight": "x"}]},
            "extra": {}}
    built = build(Outer, data, "f.toml", problems=problems)
    assert built == Outer(Inner(limit=2))  # the good key kept, the bad ones at their defaults
    assert [p.shown_key for p in problems] == [
        "[extra]", "[inner].size", "[inner].rules[0].weight", "flag"]


@pytest.mark.parametrize(("key", "known", "hint"), [
    ("treshold", ["threshold", "title"], "unknown key; did you mean threshold?"),
    ("github_token", ["api_url"], "unknown key; tokens are never read from a config file"),
    ("limit", ["flag"], "unknown key here; it belongs in [inner]"),
    ("zzz", ["flag"], "unknown key"),
])
def test_unknown_keys_get_a_hint(key: str, known: list[str], hint: str) -> None:
    said = unknown_key(key, known, {"inner": ["limit"], "outer": ["flag"]}, table="outer")
    assert said.startswith(hint) and (hint != "unknown key" or said == hint)
