"""Listing feeds: the 2024+ RSS, the old RDF, empty days, faults, and the shared spacing."""

from __future__ import annotations

import urllib.request
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from arxiv_server import ArxivServer, FakeClock, gaps, listing_feed, metadata_rows

from promptbot.config import ArxivConfig
from promptbot.errors import SourceError
from promptbot.models import Window
from promptbot.sources import user_agent
from promptbot.sources.arxiv_api import ArxivApiSource
from promptbot.sources.listing_feed import EMPTY_NOTE, ListingFeedSource, parse_listing_feed
from promptbot.sources.politeness import Politeness

DATA = Path(__file__).parents[1] / "data" / "arxiv"
ROWS = metadata_rows(DATA / "metadata-2025-07-01-slice.jsonl")
TYPES = ["new", "cross", "replace", "replace-cross"] * 3
ALL_TYPES = ("new", "cross", "replace", "replace-cross")
FEED = listing_feed(ROWS, TYPES)
EMPTY = listing_feed([], [])
ANNOUNCED = datetime(2025, 7, 1, 4, 0, tzinfo=UTC)
# The item given as the example in arXiv's RSS specification.
SPEC_ITEM = {
    "id": "2203.01250", "version": 3, "categories": ["math.AP", "math.OC"],
    "title": "Mass concentration in rescaled first order integral functionals",
    "authors": ["Antonin Monteil", "Paul Pegon"], "DOI": "10.5802/jep.257",
    "journal_reference": "Journal de l'\\'Ecole polytechnique - Math\\'ematiques, Tome 11"
                         " (2024), pp. 431-472",
    "summary": "We consider first order local minimization problems of the form"
               " $\\min \\int_{\\mathbb{R}^N}f(u,\\nabla u)$ under a mass constraint.",
}


def test_new_and_cross_by_default_with_ids_authors_and_abstracts() -> None:
    harvest = parse_listing_feed(FEED, announce_types=("new", "cross"))
    wanted = {r["id"]: r for r, t in zip(ROWS, TYPES, strict=True) if t in ("new", "cross")}
    assert {p.arxiv_id for p in harvest.papers} == set(wanted)
    for paper in harvest.papers:
        row = wanted[paper.arxiv_id]
        assert paper.version == 1 and paper.source == "rss"
        assert paper.title == " ".join(row["title"].split())
        assert paper.authors == tuple(row["authors"])
        assert paper.abstract == " ".join(row["summary"].split())
        assert paper.categories == tuple(row["categories"])
        assert paper.published == paper.updated == ANNOUNCED
        assert paper.abs_url == f"https://arxiv.org/abs/{paper.arxiv_id}"
    assert harvest.notes == ()


def test_announce_types_are_configurable() -> None:
    replaced = parse_listing_feed(FEED, announce_types=("replace", "replace-cross")).papers
    assert {p.announce_type for p in replaced} == {"replace", "replace-cross"}
    assert all(p.published is None and p.updated == ANNOUNCED for p in replaced)
    assert len(parse_listing_feed(FEED, announce_types=ALL_TYPES).papers) == len(ROWS)


def test_the_specifications_example_item() -> None:
    (paper,) = parse_listing_feed(listing_feed([SPEC_ITEM], ["replace-cross"]),
                                  announce_types=ALL_TYPES).papers
    assert (paper.arxiv_id, paper.version, paper.announce_type) == ("2203.01250", 3,
                                                                    "replace-cross")
    assert paper.authors == ("Antonin Monteil", "Paul Pegon")
    assert paper.doi == "10.5802/jep.257"
    assert paper.journal_ref is not None and paper.journal_ref.endswith("pp. 431-472")
    assert paper.abstract.startswith("We consider first order local minimization problems")


def test_an_empty_feed_is_a_note_not_an_error() -> None:
    harvest = parse_listing_feed(EMPTY, announce_types=("new",))
    assert harvest.papers == () and harvest.notes == (EMPTY_NOTE,)
    assert EMPTY_NOTE == "arXiv announced nothing today (weekend or holiday?)"


def test_old_rdf_feeds() -> None:
    path = DATA / "rss" / "yeast_arxiv-cs-pl_2015-06-11.rss1.xml"
    papers = parse_listing_feed(path.read_bytes(), announce_types=ALL_TYPES,
                                source=path.name).papers
    assert [(p.arxiv_id, p.version, p.announce_type, p.primary_category) for p in papers] == [
        ("1502.02921", 2, "replace", "cs.DC"), ("1503.01398", 2, "replace", "cs.NI")]
    omp, node = papers
    assert omp.title == "OMP2MPI: Automatic MPI code generation from OpenMP programs"
    assert omp.authors == ("Albert Saa-Garriga", "David Castells-Rufas", "Jordi Carrabina")
    assert omp.abstract.startswith("In this paper, we present OMP2MPI")
    assert "<p>" not in omp.abstract
    assert node.authors[-1] == "Ioannis Papaefstathiou"
    assert node.affiliations[0] == ("Dept. of Electronic & Computer Engineering, Technical"
                                    " University of Crete, Greece")
    assert omp.updated == datetime(2015, 6, 12, 1, 30, tzinfo=UTC)


def test_old_rdf_new_cross_and_collaborations() -> None:
    path = DATA / "rss" / "PhysBiblio_sampleDailyFeed1.xml"
    papers = {p.arxiv_id: p for p in parse_listing_feed(path.read_bytes(),
                                                        announce_types=("new", "cross")).papers}
    assert set(papers) == {"2107.03419", "2106.00550"}
    assert papers["2107.03419"].announce_type == "new"
    assert papers["2107.03419"].authors == ("LHCb collaboration", "R. Aaij")
    assert papers["2106.00550"].announce_type == "cross"
    assert papers["2106.00550"].version == 2


def test_items_missing_parts_are_noted_or_kept() -> None:
    path = DATA / "rss" / "PhysBiblio_sampleDailyFeed2.xml"
    harvest = parse_listing_feed(path.read_bytes(), announce_types=ALL_TYPES, source="f2.xml")
    assert harvest.notes == ("f2.xml: skipped 2107.03419: no title",)
    by_id = {p.arxiv_id: p for p in harvest.papers}
    assert by_id["2106.00550"].abstract == "" and by_id["2007.03939"].authors == ()


@pytest.mark.parametrize("body", [b"<rss><channel><item><title>x", b"<html>Service down</html>"])
def test_malformed_or_foreign_feeds_are_errors(body: bytes) -> None:
    with pytest.raises(SourceError, match=r"x\.xml: (malformed XML|not an RSS)"):
        parse_listing_feed(body, announce_types=("new",), source="x.xml")


# --- network --------------------------------------------------------------------------------


def make_source(server: ArxivServer, clock: FakeClock, polite: Politeness,
                path: str = "/rss/cs.CV+cs.CL") -> ListingFeedSource:
    cfg = replace(ArxivConfig(), rss_url=server.url + path, api_url=server.api_url)
    return ListingFeedSource(cfg, user_agent=user_agent("me@example.org"), sleep=clock.sleep,
                             clock=clock, politeness=polite)


def test_fetch_over_http_with_user_agent_and_window() -> None:
    clock = FakeClock()
    polite = Politeness(3.0, sleep=clock.sleep, clock=clock)
    with ArxivServer(feeds={"/rss/cs.CV+cs.CL": FEED}, clock=clock) as server:
        source = make_source(server, clock, polite)
        everything = source.fetch(None)
        outside = source.fetch(Window(datetime(2025, 7, 2, tzinfo=UTC),
                                      datetime(2025, 7, 3, tzinfo=UTC)))
    assert len(everything.papers) == 6 and everything.requests == 1
    assert outside.papers == ()
    assert server.requests[0].headers["User-Agent"].endswith("(mailto:me@example.org)")
    assert list(gaps([r.at for r in server.requests])) == [3.0]


def test_weekend_feed_over_http_is_a_note() -> None:
    clock = FakeClock()
    with ArxivServer(feeds={"/rss/cs.CV+cs.CL": EMPTY}, clock=clock) as server:
        harvest = make_source(server, clock, Politeness(3.0, sleep=clock.sleep,
                                                        clock=clock)).fetch(None)
    assert harvest.notes == (EMPTY_NOTE,) and harvest.requests == 1


def test_429_and_503_are_retried_with_backoff() -> None:
    clock = FakeClock()
    with ArxivServer(feeds={"/rss/cs.CV+cs.CL": FEED}, clock=clock) as server:
        server.fail(429, headers={"Retry-After": "10"}, path="/rss/cs.CV+cs.CL")
        server.fail(503, path="/rss/cs.CV+cs.CL")
        harvest = make_source(server, clock, Politeness(3.0, sleep=clock.sleep,
                                                        clock=clock)).fetch(None)
    assert harvest.requests == 3 and len(harvest.papers) == 6
    assert clock.sleeps == [10.0, 12.0]


def test_a_timeout_is_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    real_urlopen = urllib.request.urlopen
    timeouts = [TimeoutError("timed out")]

    def urlopen(request: urllib.request.Request, timeout: float) -> Any:
        if timeouts:
            raise timeouts.pop()
        return real_urlopen(request, timeout=timeout)

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    clock = FakeClock()
    with ArxivServer(feeds={"/rss/cs.CV+cs.CL": FEED}, clock=clock) as server:
        harvest = make_source(server, clock, Politeness(3.0, sleep=clock.sleep,
                                                        clock=clock)).fetch(None)
    assert harvest.requests == 2 and len(harvest.papers) == 6
    assert clock.sleeps == [6.0]


def test_dropped_connections_then_failure_names_the_source() -> None:
    clock = FakeClock()
    with ArxivServer(feeds={"/rss/cs.CV+cs.CL": FEED}, clock=clock) as server:
        server.fail(0, times=4, path="/rss/cs.CV+cs.CL")
        with pytest.raises(SourceError, match=r"arXiv listing feed .* failed after 4 tries"):
            make_source(server, clock, Politeness(3.0, sleep=clock.sleep,
                                                  clock=clock)).fetch(None)
    assert len(server.requests) == 4


def test_not_found_is_not_retried() -> None:
    clock = FakeClock()
    polite = Politeness(3.0, sleep=clock.sleep, clock=clock)
    with ArxivServer(clock=clock) as server, \
            pytest.raises(SourceError, match=r"/rss/nope: HTTP 404"):
        make_source(server, clock, polite, "/rss/nope").fetch(None)
    assert len(server.requests) == 1


def test_malformed_feed_over_http_names_the_url() -> None:
    clock = FakeClock()
    polite = Politeness(3.0, sleep=clock.sleep, clock=clock)
    with ArxivServer(feeds={"/rss/cs.CV+cs.CL": FEED[:-30]}, clock=clock) as server, \
            pytest.raises(SourceError, match=r"listing feed http://127\.0\.0\.1:\d+/rss/cs\.CV"
                                             r"\+cs\.CL: malformed XML"):
        make_source(server, clock, polite).fetch(None)


@pytest.mark.parametrize("body", [b"", b"  \n"])
def test_an_empty_200_body_is_one_clear_error(body: bytes) -> None:
    clock = FakeClock()
    polite = Politeness(3.0, sleep=clock.sleep, clock=clock)
    with ArxivServer(feeds={"/rss/cs.CV+cs.CL": body}, clock=clock) as server, \
            pytest.raises(SourceError, match=r"^arXiv listing feed http://127\.0\.0\.1:\d+/rss/"
                                             r"cs\.CV\+cs\.CL: empty response \(not an RSS"):
        make_source(server, clock, polite).fetch(None)


def test_api_and_feed_share_one_spacing() -> None:
    clock = FakeClock()
    with ArxivServer(feeds={"/rss/cs.CV+cs.CL": FEED}, clock=clock) as server:
        cfg = replace(ArxivConfig(), api_url=server.api_url,
                      rss_url=server.url + "/rss/cs.CV+cs.CL")
        agent = user_agent("")
        api = ArxivApiSource(cfg, user_agent=agent, sleep=clock.sleep, clock=clock)
        feed = ListingFeedSource(cfg, user_agent=agent, sleep=clock.sleep, clock=clock)
        assert api.politeness is feed.politeness
        api.fetch(None)
        feed.fetch(None)
        api.fetch(None)
    assert [r.path for r in server.requests] == ["/api/query", "/rss/cs.CV+cs.CL", "/api/query"]
    assert list(gaps([r.at for r in server.requests])) == [3.0, 3.0]


# --- new versions of papers, for updates of listed entries -----------------------------------

IDPT_V2 = {
    "id": "2304.07221", "version": 2, "categories": ["cs.CV"],
    "title": "Instance-aware Dynamic Prompt Tuning for Pre-trained Point Cloud Models",
    "authors": ["Yaohua Zha", "Jinpeng Wang"], "summary": "Pre-trained point cloud models ...",
    "journal_reference": "Proceedings of the IEEE/CVF International Conference on Computer"
                         " Vision (ICCV), 2023, pp. 14161-14170",
}


def test_replacements_are_kept_marked_when_asked_whatever_the_wanted_types() -> None:
    kept = parse_listing_feed(FEED, announce_types=("new",), replacements=True).papers
    assert {p.announce_type for p in kept} == {"new", "replace", "replace-cross"}
    assert len(parse_listing_feed(FEED, announce_types=("new",)).papers) == TYPES.count("new")


def test_a_replace_item_over_http_is_a_new_version_with_its_journal_reference() -> None:
    clock = FakeClock()
    feed = listing_feed([ROWS[0], IDPT_V2], ["new", "replace"])
    with ArxivServer(feeds={"/rss/cs.CV+cs.CL": feed}, clock=clock) as server:
        source = make_source(server, clock, Politeness(3.0, sleep=clock.sleep, clock=clock))
        plain = source.fetch(None)
        source.replacements = True
        both = source.fetch(None)
    assert [p.arxiv_id for p in plain.papers] == [ROWS[0]["id"]]
    idpt = next(p for p in both.papers if p.arxiv_id == "2304.07221")
    assert (idpt.version, idpt.announce_type, idpt.published) == (2, "replace", None)
    assert idpt.journal_ref is not None and "Computer Vision (ICCV), 2023" in idpt.journal_ref
