"""Shared fixtures; a guard refuses any socket that is not on loopback."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# Property tests draw the same examples on every machine, so a clean clone's run passes or fails
# by what the code does, not by a draw; `HYPOTHESIS_PROFILE=explore` draws new ones each run.
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

DATA = Path(__file__).parent / "data"
_LOOPBACK = ("127.", "::1", "localhost")
_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    host = address[0] if isinstance(address, tuple) else str(address)
    if self.family in (socket.AF_INET, socket.AF_INET6) and not str(host).startswith(_LOOPBACK):
        raise RuntimeError(f"test tried to reach {host!r}: only loopback is allowed")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    yield


@pytest.fixture
def data_dir() -> Path:
    """The folder of real data slices copied for the tests (origins in SOURCES.md)."""
    return DATA


@pytest.fixture(autouse=True)
def _no_enrichment_unless_asked(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Runs read no arXiv HTML pages (nor a cache in the home folder) unless a test is marked
    `enrich`: those point [arxiv] html_url at a local server and the cache at tmp_path."""
    if "enrich" not in request.keywords:
        from promptbot import runner

        monkeypatch.setattr(runner, "build_enricher", lambda *args, **kwargs: None)
    yield
