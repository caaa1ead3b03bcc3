"""The local-file forge of offline runs: the file's bytes kept, no memory, no pull requests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from promptbot.errors import CatalogError, ForgeError
from promptbot.github.forge import LocalFileForge as Reexported
from promptbot.github.local import LocalFileForge, read_catalog_file
from promptbot.models import Memory, PullRequestPlan
from promptbot.ports import Forge


def test_the_file_is_read_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(b"\xef\xbb\xbf# L\r\n* x\r\n")
    forge: Forge = LocalFileForge(path)
    catalog = forge.read_catalog()
    assert (catalog.text, catalog.path, catalog.sha) == ("\ufeff# L\r\n* x\r\n", str(path), "")
    assert read_catalog_file(path) == catalog.text
    assert forge.read_memory() == Memory()
    assert Reexported is LocalFileForge


def test_a_local_file_refuses_to_apply(tmp_path: Path) -> None:
    plan = PullRequestPlan(branch="b", base_branch="main", title="t", body="", new_text="x",
                           proposals=())
    with pytest.raises(ForgeError, match=r"^a real run needs GitHub; use --dry-run with --catalog"):
        LocalFileForge(tmp_path / "list.md").apply(plan)


def test_unreadable_files_are_catalog_errors_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"# ok\n\xff")
    with pytest.raises(CatalogError, match=f"^{re.escape(str(bad))}: not UTF-8 text \\(byte 5\\)$"):
        LocalFileForge(bad).read_catalog()
    missing = tmp_path / "missing.md"
    gone = re.escape(str(missing))
    with pytest.raises(CatalogError, match=f"^{gone}: cannot read catalog \\(No such file"):
        read_catalog_file(missing)
    with pytest.raises(CatalogError, match="cannot read catalog"):
        read_catalog_file(tmp_path)
