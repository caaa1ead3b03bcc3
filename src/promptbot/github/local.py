"""A catalog in a local file (`--catalog FILE`), and the decoding of catalog bytes (GitHub too)."""

from __future__ import annotations

from pathlib import Path

from promptbot.errors import CatalogError, ForgeError
from promptbot.models import Memory, PullRequestPlan
from promptbot.ports import Applied, CatalogFile


def catalog_text(data: bytes, where: str) -> str:
    """A catalog's bytes as text, every byte kept; a CatalogError naming `where` if not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError(f"{where}: not UTF-8 text (byte {exc.start})") from None


def read_catalog_file(path: Path) -> str:
    """A local catalog's text, bytes kept (CRLF and BOM included); CatalogError if unreadable."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read catalog ({exc.strerror or exc})") from None
    return catalog_text(data, str(path))


class LocalFileForge:
    """A catalog in a local file: read-only, no memory, no pull requests."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def read_catalog(self) -> CatalogFile:
        """The file's text, bytes kept (CRLF and BOM included)."""
        return CatalogFile(text=read_catalog_file(self._path), path=str(self._path))

    def read_memory(self) -> Memory:
        """No pull requests to remember: every candidate is judged against the file alone."""
        return Memory()

    def apply(self, plan: PullRequestPlan) -> Applied:
        """Refuse: a local file has no pull requests (dry runs never apply)."""
        raise ForgeError("a real run needs GitHub; use --dry-run with --catalog FILE"
                         " (add --output FILE to write the new catalog)")
