"""Tests for the abstract cache: fetched once per id, in batches, kept between runs; offline."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import builders
import pytest
from arxiv_server import ArxivServer, FakeClock, entries_of

from promptbot import abstract_cache
from promptbot.catalog import parse
from promptbot.config import ArxivConfig
from promptbot.errors import SourceError
from promptbot.models import Paper
from promptbot.sources import json_store, user_agent
from promptbot.sources.arxiv_api import ArxivApiSource
from promptbot.sources.politeness import Politeness

EXAMPLE = Path(__file__).parents[1] / "examples" / "arxiv-2025-07-01.xml"


def catalog_of(ids: Sequence[str]) -> str:
    lines = [f"* Paper {i} [[Paper](https://arxiv.org/abs/{i})]\n" for i in ids]
    return "# Papers\n\n" + "".join(lines)


class CountingFetch:
    """A stand-in for the API: knows some papers, counts the calls and ids asked."""

    def __init__(self, known: Sequence[str]) -> None:
        self.known = set(known)
        self.calls: list[list[str]] = []

    def __call__(self, ids: Sequence[str]) -> tuple[Paper, ...]:
        self.calls.append(list(ids))
        return tuple(builders.paper(arxiv_id=i, title=f"Title {i}", abstract=f"About {i}.")
                     for i in ids if i in self.known)


def test_a_cold_cache_asks_once_and_a_warm_cache_asks_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "abstracts.json"
    catalog = parse(catalog_of(["2501.00001", "2501.00002", "2501.00003"]))
    fetch = CountingFetch(["2501.00001", "2501.00002"])
    first = abstract_cache.refresh(catalog, path, fetch)
    assert first == {"2501.00001": "Title 2501.00001\nAbout 2501.00001.",
                     "2501.00002": "Title 2501.00002\nAbout 2501.00002."}
    assert fetch.calls == [["2501.00001", "2501.00002", "2501.00003"]]
    again = abstract_cache.refresh(catalog, path, fetch)
    assert again == first and len(fetch.calls) == 1  # the unknown id is not asked again


def test_only_new_entries_are_asked(tmp_path: Path) -> None:
    path = tmp_path / "abstracts.json"
    fetch = CountingFetch(["2501.00001", "2501.00002"])
    abstract_cache.refresh(parse(catalog_of(["2501.00001"])), path, fetch)
    abstract_cache.refresh(parse(catalog_of(["2501.00001", "2501.00002"])), path, fetch)
    assert fetch.calls == [["2501.00001"], ["2501.00002"]]


@pytest.mark.parametrize("text", ["not json", "[1, 2]", '{"format": 99, "papers": {}}',
                                  '{"format": 1, "papers": []}'])
def test_an_unreadable_cache_starts_afresh(tmp_path: Path, text: str) -> None:
    path = tmp_path / "abstracts.json"
    path.write_text(text, encoding="utf-8")
    fetch = CountingFetch(["2501.00001"])
    assert abstract_cache.refresh(parse(catalog_of(["2501.00001"])), path, fetch)
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == json_store.FORMAT


def test_a_failing_fetch_keeps_the_run_going_with_what_is_cached(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "abstracts.json"
    abstract_cache.save(path, {"2501.00001": "Cached\ntext"})

    def failing(ids: Sequence[str]) -> tuple[Paper, ...]:
        raise SourceError("arXiv API failed after 4 tries: HTTP 503")

    with caplog.at_level(logging.WARNING, logger="promptbot.cache"):
        found = abstract_cache.refresh(parse(catalog_of(["2501.00001", "2501.00002"])), path,
                                       failing)
    assert found == {"2501.00001": "Cached\ntext"}
    assert "abstracts of 1 listed paper(s) not fetched" in caplog.text


def test_against_the_local_arxiv_server_two_runs_cost_one_request(tmp_path: Path) -> None:
    entries = entries_of(EXAMPLE)
    clock = FakeClock()
    with ArxivServer(entries, clock=clock) as server:
        cfg = replace(ArxivConfig(), api_url=server.api_url)
        source = ArxivApiSource(cfg, user_agent=user_agent(""), sleep=clock.sleep, clock=clock,
                                politeness=Politeness(3.0, sleep=clock.sleep, clock=clock))
        ids = ["2506.24127", "2506.24125", "2507.99999"]
        catalog = parse(catalog_of(ids))
        path = tmp_path / "abstracts.json"
        first = abstract_cache.refresh(catalog, path, source.papers_by_ids)
        second = abstract_cache.refresh(catalog, path, source.papers_by_ids)
    assert len(server.api_requests()) == 1
    assert server.api_requests()[0].args["id_list"] == ",".join(ids)
    assert first == second and set(first) == set(ids[:2])
