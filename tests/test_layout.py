"""The import direction of the subpackages, and which modules may import which libraries."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "promptbot"
# The base modules every layer may use.
BASE = {"models", "errors", "config", "config_schema", "config_values", "ports", "__init__"}
# What each subpackage may import of the project, besides itself and the base modules.
ALLOWED: dict[str, set[str]] = {
    "catalog": set(),
    "sources": set(),
    "entries": {"catalog"},
    "judging": {"catalog", "entries"},
    "github": {"catalog", "entries"},
}
# The libraries that live behind one adapter each.
LIBRARY_HOMES = {
    "arxiv": {"sources/arxiv_api.py"},
    "feedparser": {"sources/listing_feed.py"},
    "github": {"github/forge.py", "github/client.py", "github/branch.py",
               "github/decorations.py"},
}


def _imports(path: Path) -> set[str]:
    """Top-level names of every module the file imports (absolute imports only)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            if node.module == "promptbot":
                found.update(
                    f"promptbot.{alias.name}" for alias in node.names
                    if not alias.name.startswith("__")  # the package's own __version__
                )
    return found


def _project_layers(path: Path) -> set[str]:
    """The project's layers (subpackage or top-level module) a file imports."""
    return {name.split(".")[1] for name in _imports(path) if name.startswith("promptbot.")}


def _files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_the_tree_has_the_subpackages() -> None:
    for package in ALLOWED:
        assert (SRC / package / "__init__.py").is_file(), package


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_a_subpackage_imports_only_the_layers_below_it(package: str) -> None:
    wrong = {
        str(path.relative_to(SRC)): sorted(layers)
        for path in (SRC / package).rglob("*.py")
        if (layers := _project_layers(path) - BASE - ALLOWED[package] - {package})
    }
    assert wrong == {}


def test_the_base_modules_import_no_layer() -> None:
    layers = set(ALLOWED)
    for name in BASE - {"__init__"}:
        assert not _project_layers(SRC / f"{name}.py") & layers, name


@pytest.mark.parametrize("library", sorted(LIBRARY_HOMES))
def test_a_library_is_imported_only_by_its_adapter(library: str) -> None:
    importers = {
        str(path.relative_to(SRC)) for path in _files()
        if any(name == library or name.startswith(f"{library}.") for name in _imports(path))
    }
    assert importers == LIBRARY_HOMES[library]


def test_the_checker_sees_a_wrong_import(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("from promptbot.judging import Scorer\nimport github\n", "utf-8")
    assert _project_layers(module) == {"judging"}
    assert "github" in _imports(module)
