"""The README stays true: its config table lists every key of config.Config, with its default."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

import pytest

from promptbot import config

README = Path(__file__).resolve().parent.parent / "README.md"
TABLE_HEADING = "## Every configuration key"
REQUIRED = "(required)"


def toml_literal(value: Any) -> str:
    """A default value as it would be written in config.toml."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{escaped}"'
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(toml_literal(v) for v in value) + "]"
    raise TypeError(f"no TOML literal for {value!r}")


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return REQUIRED


def config_keys(cls: type[Any] = config.Config, table: str = "") -> dict[str, str]:
    """Every key a config file may hold -> its default as a TOML literal (or "(required)")."""
    keys: dict[str, str] = {}
    hints = get_type_hints(cls)
    for f in dataclasses.fields(cls):
        if cls is config.Config and f.name == "source":
            continue  # set by the loader, not a key of the file
        hint = hints[f.name]
        if dataclasses.is_dataclass(hint) and isinstance(hint, type):
            keys.update(config_keys(hint, f"[{f.name}]"))
            continue
        key = f"{table}.{f.name}"
        default = _default(f)
        keys[key] = default if default == REQUIRED else toml_literal(default)
        item = get_args(hint)[0] if get_origin(hint) is tuple else None
        if dataclasses.is_dataclass(item) and isinstance(item, type):
            keys.update(config_keys(item, f"[[{table.strip('[]')}.{f.name}]]"))
    return keys


_CODE = re.compile(r"`([^`]*)`")


def readme_table() -> dict[str, str]:
    """The README's configuration table: key -> the default it shows."""
    text = README.read_text(encoding="utf-8")
    assert TABLE_HEADING in text, f"README has no '{TABLE_HEADING}' section"
    section = text.split(TABLE_HEADING, 1)[1].split("\n## ", 1)[0]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        if not line.startswith("| `["):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        key = _CODE.findall(cells[0])[0]
        shown = _CODE.findall(cells[1])
        assert key not in rows, f"README lists {key} twice"
        rows[key] = shown[0] if shown else cells[1]
    return rows


def test_every_config_key_is_in_the_readme_with_its_default() -> None:
    expected, shown = config_keys(), readme_table()
    missing = sorted(set(expected) - set(shown))
    stale = sorted(set(shown) - set(expected))
    assert not missing, f"README's configuration table lacks {missing}"
    assert not stale, f"README's configuration table lists keys config.py no longer has: {stale}"
    wrong = {k: (shown[k], v) for k, v in expected.items() if shown[k] != v}
    assert not wrong, f"README shows wrong defaults (shown, actual): {wrong}"


def test_the_key_walk_sees_nested_tables_and_arrays_of_tables() -> None:
    keys = config_keys()
    assert keys["[catalog].repo"] == '"BWLONG/Awesome-Prompt-Learning-CV"'
    assert keys["[schedule].cron"] == '"30 1 * * 1-5"'
    assert keys["[sections].rules"] == "[]"
    assert keys["[[sections.rules]].section"] == REQUIRED
    assert keys["[[sections.rules]].terms"] == "[]"
    assert not any(k.endswith(".source") for k in keys)


@pytest.mark.parametrize(("value", "literal"), [
    (True, "true"), (3, "3"), (3.0, "3.0"), ("a \"b\"", '"a \\"b\\""'), ((), "[]"),
    (("new", "cross"), '["new", "cross"]'),
])
def test_toml_literal(value: Any, literal: str) -> None:
    assert toml_literal(value) == literal


def test_every_toml_block_in_the_readme_is_a_valid_config(tmp_path: Path) -> None:
    blocks = README.read_text(encoding="utf-8").split("```toml\n")[1:]
    assert blocks, "README shows a configuration example"
    for i, block in enumerate(blocks):
        path = tmp_path / f"readme-{i}.toml"
        path.write_text(block.split("```", 1)[0], encoding="utf-8")
        config.load(path)  # raises ConfigError naming the key if the example is wrong


def test_readme_links_to_its_own_sections() -> None:
    text = README.read_text(encoding="utf-8")
    anchors = {_anchor(h) for h in re.findall(r"^#+ (.+)$", text, flags=re.MULTILINE)}
    for target in re.findall(r"\]\(#([^)]+)\)", text):
        assert target in anchors, f"README links to #{target}, which is no heading"


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")
