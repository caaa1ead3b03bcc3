"""The interfaces the shell needs from its adapters; fakes in the tests implement the same."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from promptbot.models import Harvest, Memory, PullRequestPlan, Window


@dataclass(frozen=True)
class CatalogFile:
    """The catalog as read from the forge: its text and the blob sha it came from."""

    text: str
    sha: str = ""
    path: str = ""


@dataclass(frozen=True)
class Applied:
    """What applying one pull-request plan did on the forge."""

    number: int
    url: str
    action: str  # "opened" | "updated" | "unchanged"
    writes: int = 0


class Source(Protocol):
    """A place papers come from (the arXiv API, a listing feed, a saved file)."""

    name: str

    def fetch(self, window: Window | None) -> Harvest:
        """Papers submitted in `window` (None: whatever the source holds)."""
        ...


class Forge(Protocol):
    """Where the catalog lives and pull requests are opened (GitHub)."""

    def read_catalog(self) -> CatalogFile:
        """The catalog file on the base branch."""
        ...

    def read_memory(self) -> Memory:
        """The bot's pull requests, open and closed, with what each proposed."""
        ...

    def apply(self, plan: PullRequestPlan) -> Applied:
        """Open or update one pull request so that it matches `plan`; idempotent."""
        ...
