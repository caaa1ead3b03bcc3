"""Every adapter and fake has the methods of its port, with the port's exact signatures.

mypy holds the adapters to the ports; this also holds the test fakes, at run time.
"""

from __future__ import annotations

import inspect

import pytest
from fakes import FakeForge, FakeSource

from promptbot.github.forge import GitHubForge
from promptbot.github.local import LocalFileForge
from promptbot.ports import Forge, Source
from promptbot.sources.arxiv_api import ArxivApiSource
from promptbot.sources.listing_feed import ListingFeedSource
from promptbot.sources.replay import SavedFeedSource


def _methods(port: type) -> list[str]:
    return [name for name, _ in inspect.getmembers(port, inspect.isfunction)
            if not name.startswith("_")]


@pytest.mark.parametrize(
    ("port", "adapter"),
    [(Forge, GitHubForge), (Forge, LocalFileForge), (Forge, FakeForge),
     (Source, ArxivApiSource), (Source, ListingFeedSource), (Source, SavedFeedSource),
     (Source, FakeSource)],
)
def test_adapters_have_the_ports_signatures(port: type, adapter: type) -> None:
    methods = _methods(port)
    assert methods, f"{port.__name__} declares no methods"
    for name in methods:
        wanted = inspect.signature(getattr(port, name))
        assert inspect.signature(getattr(adapter, name)) == wanted, f"{adapter.__name__}.{name}"


def test_every_source_has_a_name() -> None:
    assert "name" in Source.__annotations__
    assert ArxivApiSource.name and ListingFeedSource.name and FakeSource().name
