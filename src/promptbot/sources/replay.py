"""Saved arXiv responses (API Atom pages or listing feeds) replayed through the network parsers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from promptbot.errors import SourceError, UsageError
from promptbot.models import Harvest, Window
from promptbot.sources import filter_window
from promptbot.sources.arxiv_api import parse_api_response
from promptbot.sources.listing_feed import parse_listing_feed

_FIRST_ELEMENT = re.compile(rb"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")


def feed_kind(data: bytes) -> str:
    """"api" for an arXiv API (Atom search) response, "listing" for an RSS/RDF/Atom listing."""
    without_comments = re.sub(rb"<!--.*?-->", b"", data[:65536], flags=re.S)
    found = _FIRST_ELEMENT.search(without_comments)
    if found is None or found.group(1) != b"feed":
        return "listing"
    # The 2024+ Atom listing names items by OAI id; API responses never do.
    return "listing" if b"oai:arXiv.org:" in data else "api"


class SavedFeedSource:
    """A file saved from arXiv, read as the network sources would read the same bytes."""

    def __init__(self, path: Path, announce_types: Sequence[str] = ("new", "cross")) -> None:
        self.path = path
        self.announce_types = tuple(announce_types)
        self.name = path.name

    def fetch(self, window: Window | None) -> Harvest:
        """Everything in the file, or only what falls in `window` when one is given."""
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            reason = exc.strerror or exc
            raise UsageError(f"{self.path}: cannot read saved feed ({reason})") from None
        if not data.strip():
            raise UsageError(f"--feed {self.path}: the file is empty")
        try:
            if feed_kind(data) == "api":
                harvest = parse_api_response(data, source=self.name)
            else:
                harvest = parse_listing_feed(data, announce_types=self.announce_types,
                                             source=self.name)
        except SourceError as exc:  # a file the user named: a usage mistake, not arXiv failing
            raise UsageError(f"--feed {self.path}: {_without_name(str(exc), self.name)}") from None
        return filter_window(harvest, window)


def _without_name(message: str, name: str) -> str:
    return message[len(name) + 2:] if message.startswith(f"{name}: ") else message
