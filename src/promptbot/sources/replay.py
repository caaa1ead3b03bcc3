"""Saved arXiv responses (API Atom pages or listing feeds) replayed through the network parsers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from promptbot.errors import SourceError, UsageError
from promptbot.models import Harvest, Window
from promptbot.sources import filter_window, paper_time
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

    def __init__(self, path: Path, announce_types: Sequence[str] = ("new", "cross"), *,
                 replacements: bool = False) -> None:
        self.path = path
        self.announce_types = tuple(announce_types)
        self.name = path.name
        self.replacements = replacements  # keep new versions, for updates of listed entries

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
                                             source=self.name, replacements=self.replacements)
        except SourceError as exc:  # a file the user named: a usage mistake, not arXiv failing
            raise UsageError(f"--feed {self.path}: {_without_name(str(exc), self.name)}") from None
        kept = filter_window(harvest, window)
        if window is None or len(kept.papers) == len(harvest.papers):
            return kept
        return replace(kept, notes=(*kept.notes, outside_note(self.name, harvest, kept, window)))


def outside_note(name: str, whole: Harvest, kept: Harvest, window: Window) -> str:
    """Says how many of a file's papers the window left out, and when the file's papers are."""
    times = sorted(t for p in whole.papers if (t := paper_time(p)) is not None)
    span = f" (the file's papers are from {times[0]:%Y-%m-%d} to {times[-1]:%Y-%m-%d})" \
        if times else ""
    left = len(whole.papers) - len(kept.papers)
    return (f"{name}: {left} of {len(whole.papers)} paper(s) fall outside {window.start:%Y-%m-%d}"
            f" to {window.end - timedelta(seconds=1):%Y-%m-%d}{span}; without --since/--until"
            " the whole file is read")


def _without_name(message: str, name: str) -> str:
    return message[len(name) + 2:] if message.startswith(f"{name}: ") else message
