"""The arXiv API source: recorded responses, and the real arxiv.Client against a local server."""

from __future__ import annotations

import functools
import itertools
import logging
import re
import socket
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from arxiv_server import ArxivServer, FakeClock, atom_page, entries_of, entry_id, gaps
from requests.adapters import HTTPAdapter

from promptbot.config import ArxivConfig
from promptbot.errors import SourceError
from promptbot.models import Window
from promptbot.sources import user_agent
from promptbot.sources.arxiv_api import ArxivApiSource, inspect_page, parse_api_response
from promptbot.sources.politeness import Politeness
from promptbot.sources.queries import build_queries

API = Path(__file__).parents[1] / "data" / "arxiv" / "api"
EXAMPLE = Path(__file__).parents[2] / "examples" / "arxiv-2025-07-01.xml"
RECORDED = sorted(API.rglob("*.xml"))
ERROR_FEED = API / "id_abc_s0_m100_b79c8dcf6bc3.xml"
WIDE = Window(datetime(1990, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))
AGENT = user_agent("me@example.org")
KEYWORDS = ("prompt learning", "prompt tuning", "visual prompt", "prompt-tuning",
            "vision-language model", "CLIP", "adapter", "in-context learning",
            "soft prompt", "prefix tuning", "test-time prompt", "multimodal prompt")
CATEGORIES = ("cs.CV", "cs.LG", "cs.CL", "cs.AI", "cs.MM")


def recorded_ids(path: Path) -> set[str]:
    """Versioned ids straight from the XML, to check the parser against."""
    return set(re.findall(r"<id>https?://arxiv\.org/abs/([^<]+)</id>", path.read_text()))


@functools.cache
def real_entries() -> tuple[str, ...]:
    """Every real entry at hand: the example day, then the recorded responses."""
    recorded = [e for f in RECORDED for e in entries_of(f) if "/api/errors" not in e]
    return (*entries_of(EXAMPLE), *recorded)


def distinct_ids(entries: list[str]) -> set[str]:
    """The distinct unversioned ids among raw entries."""
    found = (re.search(r"<id>https?://arxiv\.org/abs/(.+?)(?:v\d+)?</id>", e) for e in entries)
    return {m.group(1) for m in found if m}


def make_source(server: ArxivServer, clock: FakeClock, **overrides: Any) -> ArxivApiSource:
    cfg = replace(ArxivConfig(), api_url=server.api_url, delay_seconds=3.0, **overrides)
    polite = Politeness(3.0, sleep=clock.sleep, clock=clock)
    return ArxivApiSource(cfg, user_agent=AGENT, sleep=clock.sleep, clock=clock,
                          politeness=polite)


# --- recorded responses ---------------------------------------------------------------------


@pytest.mark.parametrize("path", [p for p in RECORDED if p != ERROR_FEED], ids=lambda p: p.name)
def test_every_recorded_response_parses_with_its_ids_and_versions(path: Path) -> None:
    harvest = parse_api_response(path.read_bytes(), source=path.name)
    assert {f"{p.arxiv_id}v{p.version}" for p in harvest.papers} == recorded_ids(path)
    for paper in harvest.papers:
        assert paper.title and paper.title == " ".join(paper.title.split())
        assert paper.authors and all(paper.authors)
        assert paper.published is not None and paper.published.utcoffset() == timedelta(0)
        assert paper.abs_url == f"https://arxiv.org/abs/{paper.arxiv_id}"
        assert paper.source == path.name


def test_old_style_ids_keep_their_archive_and_affiliations_are_read() -> None:
    path = API / "id_astro-ph_0601001_s0_m100_3150dca9dc76.xml"
    (paper,) = parse_api_response(path.read_bytes(), source="x").papers
    assert (paper.arxiv_id, paper.version) == ("astro-ph/0601001", 1)
    assert paper.authors == ("Andrew Gould", "Susan Dorsher", "B. Scott Gaudi", "Andrzej Udalski")
    assert paper.affiliations == ("Ohio State", "CfA", "Warsaw University Observatory")
    assert paper.journal_ref == "ActaAstron.56:1-50,2006"
    assert paper.pdf_url == "https://arxiv.org/pdf/astro-ph/0601001"
    assert paper.primary_category == "astro-ph"


def test_fields_of_a_modern_entry() -> None:
    path = API / "q_testing_s0_m10_bc5a6c384fe9.xml"
    papers = {p.arxiv_id: p for p in parse_api_response(path.read_bytes(), source="x").papers}
    paper = papers["2202.12139"]
    assert paper.doi == "10.1109/ICSTW55395.2022.00035"
    assert paper.categories == ("cs.SE", "cs.LG")
    assert paper.authors[:2] == ("Mohit Kumar Ahuja", "Arnaud Gotlieb")
    assert paper.published == datetime(2022, 2, 24, 15, 5, 19, tzinfo=UTC)
    assert paper.abstract.startswith("Deep Learning (DL) has revolutionized")


def test_a_title_of_zero_is_kept() -> None:
    path = API / "id_2104.12255v1_s0_m100_6ae69987ffe1.xml"
    assert parse_api_response(path.read_bytes(), source="x").papers[0].title == "0"


def test_both_2025_format_variants_parse() -> None:
    head = parse_api_response((API / "2025-rsxiv" / "HEAD_2025-11-11_query.xml").read_bytes(),
                              source="head").papers
    old = parse_api_response((API / "2025-rsxiv" / "old_2025-08-22_query.xml").read_bytes(),
                             source="old").papers
    assert len(head) == len(old) == 10
    by_id = {p.arxiv_id: p for p in head + old}
    assert by_id["nucl-th/9910021"].version == 3
    # links without rel/title (HEAD) still give a PDF link
    assert by_id["nucl-th/9910021"].pdf_url == "https://arxiv.org/pdf/nucl-th/9910021"
    # namespaces declared on each element and wrapped titles (old)
    prelc = by_id["hep-ph/9411242"]
    assert prelc.title.startswith("Proton-ring and Electron-linac Collider (PRELC) as a (first)"
                                  " TeV-range")
    assert prelc.affiliations == ("SEFT, Univ. Helsinki",)
    assert by_id["astro-ph/9904306"].comment == "3 pages LaTeX"


def test_an_empty_page_that_claims_results_is_noted() -> None:
    path = API / "2025-rsxiv" / "old_2025-08-22_query_empty.xml"
    harvest = parse_api_response(path.read_bytes(), source="old")
    assert harvest.papers == ()
    assert harvest.notes == ("old: no entries although the API reported 1 result(s)",)


def test_the_error_feed_is_an_error_naming_its_message() -> None:
    with pytest.raises(SourceError, match="incorrect id format for abc"):
        parse_api_response(ERROR_FEED.read_bytes(), source="abc.xml")
    assert inspect_page(ERROR_FEED.read_bytes()).error == "incorrect id format for abc"


@pytest.mark.parametrize("body", [b"<feed><entry>", b"", b"<html>503</html>"])
def test_malformed_or_foreign_documents_are_errors(body: bytes) -> None:
    with pytest.raises(SourceError, match=r"bad\.xml: (malformed XML|not an Atom feed)"):
        parse_api_response(body, source="bad.xml")


# --- the network path: real arxiv.Client, local server --------------------------------------


def pool(n: int) -> list[str]:
    """`n` real entries, starting over when they run out."""
    return list(itertools.islice(itertools.cycle(real_entries()), n))


def test_a_thousand_results_with_page_size_500_cost_two_requests() -> None:
    clock = FakeClock()
    entries = pool(1000)
    with ArxivServer(entries, clock=clock) as server:
        source = make_source(server, clock, page_size=500, keywords=KEYWORDS,
                             categories=CATEGORIES)
        harvest = source.fetch(WIDE)
    calls = server.api_requests()
    assert len(calls) == 2 and harvest.requests == 2
    assert [(c.args["start"], c.args["max_results"]) for c in calls] == [("0", "500"),
                                                                         ("500", "500")]
    # 12 keywords x 5 categories: one query, asked page by page.
    assert len({c.args["search_query"] for c in calls}) == 1
    query = calls[0].args["search_query"]
    assert all(f'abs:"{k}"' in query for k in KEYWORDS)
    assert all(f"cat:{c}" in query for c in CATEGORIES)
    assert calls[0].args["sortBy"] == "submittedDate"
    assert calls[0].args["sortOrder"] == "descending"
    # The pool repeats after the real entries run out; repeats merge by id.
    assert {p.arxiv_id for p in harvest.papers} == distinct_ids(entries)
    assert all(c.headers["User-Agent"] == AGENT for c in calls)
    assert list(gaps([c.at for c in calls])) == [3.0]


@pytest.mark.parametrize(
    ("fault", "expected_gaps"),
    [
        ({"status": 429, "headers": {"Retry-After": "7"}, "start": 0}, [7.0, 3.0]),
        ({"status": 429, "start": 100}, [3.0, 6.0]),
        ({"status": 503, "start": 100}, [3.0, 6.0]),
        ({"status": 502, "start": 0}, [6.0, 3.0]),
        ({"status": 0, "start": 100}, [3.0, 6.0]),  # connection dropped
        ({"status": 200, "body": atom_page([], total=1000, start=500), "start": 100},
         [3.0, 6.0]),  # the known empty-page glitch
        ({"status": 200, "body": atom_page([], total=200), "start": 0}, [6.0, 3.0]),
    ],
    ids=["429-retry-after", "429", "503", "502-first", "dropped", "empty-second",
         "empty-first"],
)
def test_each_fault_costs_one_request_and_a_backoff(fault: dict[str, object],
                                                    expected_gaps: list[float]) -> None:
    clock = FakeClock()
    with ArxivServer(pool(200), clock=clock) as server:
        server.fail(**fault)  # type: ignore[arg-type]
        harvest = make_source(server, clock, page_size=100).fetch(WIDE)
    calls = server.api_requests()
    assert len(calls) == 3 and harvest.requests == 3
    assert list(gaps([c.at for c in calls])) == expected_gaps
    assert len(harvest.papers) == len(distinct_ids(pool(200)))


def test_a_read_timeout_is_retried_like_a_connection_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    real_send = HTTPAdapter.send
    timeouts = [requests.exceptions.ReadTimeout("read timed out")]

    def send(self: HTTPAdapter, request: requests.PreparedRequest,
             *args: Any, **kwargs: Any) -> requests.Response:
        assert kwargs["timeout"]  # the Client sets none; the transport must
        if timeouts:
            raise timeouts.pop()
        return real_send(self, request, *args, **kwargs)

    monkeypatch.setattr(HTTPAdapter, "send", send)
    clock = FakeClock()
    with ArxivServer(pool(10), clock=clock) as server:
        harvest = make_source(server, clock).fetch(WIDE)
    assert harvest.requests == 2 and len(server.requests) == 1
    assert clock.sleeps == [6.0]
    assert len(harvest.papers) == len(distinct_ids(pool(10)))


def test_retries_exhausted_is_a_source_error_saying_why() -> None:
    clock = FakeClock()
    with ArxivServer(pool(10), clock=clock) as server:
        server.fail(503, times=10)
        with pytest.raises(SourceError, match=r"arXiv API failed after 4 tries: HTTP 503 "
                                              r"\(query '\(ti:\"prompt learning\""):
            make_source(server, clock, num_retries=3).fetch(WIDE)
    assert len(server.api_requests()) == 4
    assert clock.sleeps == [6.0, 12.0, 24.0]


def test_the_error_feed_stops_at_once_and_names_the_query() -> None:
    clock = FakeClock()
    with ArxivServer(pool(10), clock=clock) as server:
        server.fail(400, ERROR_FEED.read_bytes())
        with pytest.raises(SourceError, match=r"rejected query '\(ti:.*incorrect id format"):
            make_source(server, clock).fetch(WIDE)
    assert len(server.api_requests()) == 1


def test_malformed_xml_is_an_error_naming_the_query() -> None:
    clock = FakeClock()
    with ArxivServer(pool(10), clock=clock) as server:
        server.fail(200, atom_page(pool(3), total=3)[:-40])
        with pytest.raises(SourceError, match=r"malformed XML .* for query '\(ti:"):
            make_source(server, clock).fetch(WIDE)
    assert len(server.api_requests()) == 1


def test_an_entry_with_an_unreadable_date_is_skipped_not_the_whole_page() -> None:
    clock = FakeClock()
    entries = pool(3)
    bad = re.sub(r"<published>[^<]*</published>", "<published>2025-13-45</published>", entries[1])
    assert bad != entries[1]
    with ArxivServer(clock=clock) as server:
        server.fail(200, atom_page([entries[0], bad, entries[2]], total=3))
        harvest = make_source(server, clock).fetch(WIDE)
    assert len(harvest.papers) == len(distinct_ids([entries[0], entries[2]]))
    assert len(harvest.notes) == 1
    assert harvest.notes[0].startswith("arXiv API: skipped an entry with an unreadable date")


def test_an_unreachable_api_names_its_url_once_on_one_short_line() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    clock = FakeClock()
    url = f"http://127.0.0.1:{port}/api/query"
    cfg = replace(ArxivConfig(), api_url=url, num_retries=1)
    source = ArxivApiSource(cfg, user_agent=AGENT, sleep=clock.sleep, clock=clock,
                            politeness=Politeness(3.0, sleep=clock.sleep, clock=clock))
    with pytest.raises(SourceError) as info:
        source.fetch(WIDE)
    message = str(info.value)
    assert message.count("127.0.0.1") == 1 and len(message) < 160 and "\n" not in message
    assert message.startswith(f"arXiv API failed after 2 tries: cannot reach {url} (")


def test_a_wrong_endpoint_fails_once_with_the_status() -> None:
    clock = FakeClock()
    with ArxivServer(clock=clock) as server:
        source = make_source(server, clock)
        source.client.query_url_format = server.url + "/nowhere?{}"
        with pytest.raises(SourceError, match=r"HTTP 404 .*api_url"):
            source.fetch(WIDE)
    assert len(server.requests) == 1


def test_redirects_are_followed_politely() -> None:
    clock = FakeClock()
    with ArxivServer(pool(10), clock=clock) as server:
        source = make_source(server, clock)
        server.fail(301, headers={"Location": server.api_url + "?moved=1&start=0"
                                              "&max_results=500"})
        harvest = source.fetch(WIDE)
    assert [r.status for r in server.requests] == [301, 200]
    assert server.requests[1].args["moved"] == "1"
    assert harvest.requests == 2 and len(harvest.papers) == len(distinct_ids(pool(10)))
    assert list(gaps([r.at for r in server.requests])) == [3.0]


def test_keywords_too_many_for_one_url_cost_one_query_each_and_merge() -> None:
    clock = FakeClock()
    keywords = tuple(f"keyword number {i}" for i in range(60))
    with ArxivServer(pool(30), clock=clock) as server:
        source = make_source(server, clock, keywords=keywords, page_size=20)
        harvest = source.fetch(WIDE)
    expected = build_queries(keywords, CATEGORIES, WIDE, base_url=server.api_url)
    assert len(expected) > 1
    asked = [r.args["search_query"] for r in server.requests]
    assert asked == [q for q in expected for _ in range(2)]  # two pages of 20 per query
    assert harvest.requests == 2 * len(expected)
    assert len(harvest.papers) == len(distinct_ids(pool(30)))
    assert harvest.notes == (
        f"arXiv API: the keywords needed {len(expected)} queries to fit in URLs",)


def test_paging_stops_once_results_leave_the_window() -> None:
    clock = FakeClock()
    day = Window(datetime(2025, 6, 30, tzinfo=UTC), datetime(2025, 7, 2, tzinfo=UTC))
    example = entries_of(EXAMPLE)  # all submitted 2025-07-01, then older recorded ones
    with ArxivServer(pool(1000), clock=clock) as server:
        harvest = make_source(server, clock, page_size=500).fetch(day)
    assert len(server.api_requests()) == 1
    assert len(harvest.papers) == len(example)


def test_no_window_means_the_configured_lookback(caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    now = datetime(2025, 7, 3, 10, 30, tzinfo=UTC)
    with ArxivServer(clock=clock) as server:
        cfg = replace(ArxivConfig(), api_url=server.api_url + "?mirror=1", lookback_days=2)
        source = ArxivApiSource(cfg, user_agent=AGENT, sleep=clock.sleep, clock=clock,
                                now=lambda: now)
        with caplog.at_level(logging.INFO, logger="promptbot.arxiv"):
            harvest = source.fetch(None)
    (call,) = server.requests
    assert call.args["mirror"] == "1"
    assert call.args["search_query"].endswith("submittedDate:[202507011030 TO 202507031029]")
    assert harvest.papers == () and harvest.requests == 1
    assert "arXiv: page 1/1, next request in 3 s" in caplog.messages


def test_progress_is_logged_per_page(caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    with ArxivServer(pool(250), clock=clock) as server, \
            caplog.at_level(logging.INFO, logger="promptbot.arxiv"):
        make_source(server, clock, page_size=100).fetch(WIDE)
    pages = [m for m in caplog.messages if m.startswith("arXiv: page")]
    assert pages == ["arXiv: page 1/3, next request in 3 s", "arXiv: page 2/3, next request in 3 s",
                     "arXiv: page 3/3, next request in 3 s"]


# --- papers by id (the re-check of listed preprints) ------------------------------------------


def test_papers_by_ids_asks_id_list_and_leaves_out_unknown_ids() -> None:
    clock = FakeClock()
    recorded = entries_of(API / "id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.xml")
    with ArxivServer([*pool(30), *recorded], clock=clock) as server:
        papers = make_source(server, clock).papers_by_ids(["1707.08567", "0000.0000"])
    (call,) = server.api_requests()
    assert call.args["id_list"] == "1707.08567,0000.0000" and call.args["search_query"] == ""
    (paper,) = papers
    assert (paper.arxiv_id, paper.version) == ("1707.08567", 1)
    assert paper.comment is not None and paper.comment.startswith("44 pages")


def test_papers_by_ids_are_batched_and_spaced() -> None:
    clock = FakeClock()
    by_id = {entry_id(e): e for e in reversed(real_entries())}  # one entry per paper, as arXiv
    entries = list(by_id.values())
    ids = sorted(by_id)[:25]
    with ArxivServer(entries, clock=clock) as server:
        cfg = replace(ArxivConfig(), api_url=server.api_url)
        source = ArxivApiSource(cfg, user_agent=AGENT, sleep=clock.sleep, clock=clock,
                                politeness=Politeness(3.0, sleep=clock.sleep, clock=clock),
                                id_batch=10)
        papers = source.papers_by_ids([*ids, *ids[:5]])  # repeats asked once
    calls = server.api_requests()
    assert [len(c.args["id_list"].split(",")) for c in calls] == [10, 10, 5]
    assert {p.arxiv_id for p in papers} == set(ids)
    assert list(gaps([c.at for c in calls])) == [3.0, 3.0]


def test_papers_by_ids_failing_is_a_source_error() -> None:
    clock = FakeClock()
    with ArxivServer(pool(10), clock=clock) as server:
        server.fail(500, times=10)
        with pytest.raises(SourceError, match="id_list of 1 id"):
            make_source(server, clock, num_retries=1).papers_by_ids(["1707.08567"])


def test_papers_by_ids_asks_id_list_two_hundred_ids_a_request_politely() -> None:
    clock = FakeClock()
    # One entry per id, as arXiv answers an id_list (the recorded pool repeats one paper).
    entries = list({next(iter(distinct_ids([e]))): e for e in real_entries()}.values())
    wanted = sorted(distinct_ids(entries))[:450]
    with ArxivServer(entries, clock=clock) as server:
        papers = make_source(server, clock).papers_by_ids([*wanted, "2999.99999", wanted[0]])
    calls = server.api_requests()
    assert [len(c.args["id_list"].split(",")) for c in calls] == [200, 200, 51]
    readable = {p.arxiv_id for p in parse_api_response(
        atom_page(entries, total=len(entries)), source="api").papers}
    assert {p.arxiv_id for p in papers} == set(wanted) & readable  # unknown ids left out
    assert len(papers) >= 440
    assert all(p.title for p in papers)
    assert list(gaps([c.at for c in calls])) == [3.0, 3.0]


def test_papers_by_ids_of_nothing_asks_nothing() -> None:
    clock = FakeClock()
    with ArxivServer(list(real_entries()), clock=clock) as server:
        assert make_source(server, clock).papers_by_ids([]) == ()
    assert server.api_requests() == []


def test_papers_by_ids_failing_is_a_source_error_naming_the_batch() -> None:
    clock = FakeClock()
    with ArxivServer(list(real_entries()), clock=clock) as server:
        server.fail(500, times=10)
        with pytest.raises(SourceError, match="id_list of 1"):
            make_source(server, clock, num_retries=1).papers_by_ids(["2507.00001"])
