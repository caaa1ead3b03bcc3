"""What the papers' HTML pages said, kept in a JSON file so that a paper is read once across runs.

The file maps `<id>v<version>` to plain JSON values (what the page said, not the page). A
missing, unreadable or foreign file is an empty cache, never an error: the worst case is that a
page is asked for again.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from promptbot.sources.json_store import read_papers, write_papers

log = logging.getLogger("promptbot")

FILE_NAME = "enrichment.json"


def default_cache_dir(environ: dict[str, str] | None = None) -> Path:
    """`$XDG_CACHE_HOME/promptbot`, else `~/.cache/promptbot`."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "promptbot"


class EnrichmentCache:
    """A JSON object of paper versions; `save` writes it atomically when something changed."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[str, Any] = self._read(path) if path else {}
        self._changed = False

    @staticmethod
    def _read(path: Path) -> dict[str, Any]:
        return read_papers(path, "enrichment cache")

    def get(self, key: str) -> dict[str, Any] | None:
        """The value stored for a paper version, if any."""
        value = self._entries.get(key)
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any]) -> None:
        """Remember a paper version's value (saved by `save`)."""
        self._entries[key] = value
        self._changed = True

    def __len__(self) -> int:
        return len(self._entries)

    def save(self) -> None:
        """Write the file (atomically: a crash leaves the old one); a failure is only logged."""
        if not (self.path and self._changed):
            return
        try:
            write_papers(self.path, self._entries)
        except OSError as exc:
            log.warning("%s: cannot write the enrichment cache (%s)", self.path, exc)
            return
        self._changed = False
