"""arXiv HTML pages from a local server: URL, User-Agent, the shared 3-second spacing, retries."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from arxiv_server import ArxivServer, FakeClock, gaps

from promptbot.config import ArxivConfig
from promptbot.errors import SourceError
from promptbot.sources import user_agent
from promptbot.sources.arxiv_html import ArxivHtmlPages, page_url
from promptbot.sources.politeness import Politeness

PAGE = (Path(__file__).resolve().parents[1] / "data" / "arxiv_html" / "2501.11120v1.html")


def pages(server: ArxivServer, clock: FakeClock, **overrides: object) -> ArxivHtmlPages:
    cfg = replace(ArxivConfig(), html_url=server.url + "/html/", **overrides)  # type: ignore[arg-type]
    polite = Politeness(cfg.delay_seconds, sleep=clock.sleep, clock=clock)
    return ArxivHtmlPages(cfg, user_agent=user_agent("me@example.org"), politeness=polite)


def test_page_url_of_a_version() -> None:
    assert page_url("https://arxiv.org/html/", "2501.11120", 1) == (
        "https://arxiv.org/html/2501.11120v1")
    assert page_url("http://mirror.example/html", "2501.11120", 2) == (
        "http://mirror.example/html/2501.11120v2")


def test_fetches_the_versioned_page_with_the_promptbot_user_agent() -> None:
    clock = FakeClock()
    body = PAGE.read_bytes()
    with ArxivServer(feeds={"/html/2501.11120v1": body}, clock=clock) as server:
        source = pages(server, clock)
        html = source.page("2501.11120", 1)
    assert html == body.decode("utf-8")
    (request,) = server.requests
    assert request.path == "/html/2501.11120v1"
    assert request.headers["User-Agent"].startswith("promptbot/")
    assert "mailto:me@example.org" in request.headers["User-Agent"]
    assert source.requests == 1


def test_a_paper_without_a_page_is_none_and_not_retried() -> None:
    clock = FakeClock()
    with ArxivServer(clock=clock) as server:
        source = pages(server, clock)
        assert source.page("2506.00001", 1) is None
    assert len(server.requests) == 1


def test_requests_are_three_seconds_apart_and_share_the_api_clock() -> None:
    clock = FakeClock()
    feeds = {f"/html/2506.0000{i}v1": b"<html></html>" for i in range(3)}
    with ArxivServer(feeds=feeds, clock=clock) as server:
        source = pages(server, clock)
        source.politeness.record(ok=True)  # an API request just finished
        for i in range(3):
            source.page(f"2506.0000{i}", 1)
    assert [round(g, 6) for g in gaps([1000.0] + [r.at for r in server.requests])] == [3.0] * 3


def test_a_503_is_retried_with_backoff_then_succeeds() -> None:
    clock = FakeClock()
    with ArxivServer(feeds={"/html/2506.00001v1": b"<p>ok</p>"}, clock=clock) as server:
        server.fail(503, path="/html/2506.00001v1", headers={"Retry-After": "10"})
        source = pages(server, clock)
        assert source.page("2506.00001", 1) == "<p>ok</p>"
    assert [r.status for r in server.requests] == [503, 200]
    assert clock.sleeps == [10.0]


def test_an_unreachable_page_is_a_source_error_after_the_retries() -> None:
    clock = FakeClock()
    with ArxivServer(clock=clock) as server:
        server.fail(500, path="/html/2506.00001v1", times=3)
        source = pages(server, clock, num_retries=2)
        with pytest.raises(SourceError, match=r"failed after 3 tries: HTTP 500"):
            source.page("2506.00001", 1)
    assert len(server.requests) == 3


def test_a_forbidden_page_is_a_source_error_at_once() -> None:
    clock = FakeClock()
    with ArxivServer(clock=clock) as server:
        server.fail(403, path="/html/2506.00001v1")
        source = pages(server, clock)
        with pytest.raises(SourceError, match="HTTP 403"):
            source.page("2506.00001", 1)
    assert len(server.requests) == 1
