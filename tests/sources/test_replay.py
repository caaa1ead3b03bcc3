"""Saved-feed replay, and the example day it ships (built by tools/make_example_feed.py)."""

from __future__ import annotations

import importlib.util
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest
from arxiv_server import listing_feed, metadata_rows

from promptbot.errors import UsageError
from promptbot.models import Window
from promptbot.sources.arxiv_api import parse_api_response
from promptbot.sources.listing_feed import EMPTY_NOTE
from promptbot.sources.replay import SavedFeedSource, feed_kind

ROOT = Path(__file__).parents[2]
DATA = Path(__file__).parents[1] / "data" / "arxiv"
EXAMPLE = ROOT / "examples" / "arxiv-2025-07-01.xml"
SLICE = DATA / "metadata-2025-07-01-slice.jsonl"
DAY = Window(datetime(2025, 7, 1, tzinfo=UTC), datetime(2025, 7, 2, tzinfo=UTC))


def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_example_feed",
                                                  ROOT / "tools" / "make_example_feed.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("path", "kind"),
    [(EXAMPLE, "api"), (DATA / "api" / "2025-rsxiv" / "old_2025-08-22_query.xml", "api"),
     (DATA / "api" / "id_abc_s0_m100_b79c8dcf6bc3.xml", "api"),
     (DATA / "rss" / "yeast_arxiv-cs-pl_2015-06-11.rss1.xml", "listing")],
    ids=lambda v: v.name if isinstance(v, Path) else v,
)
def test_feed_kind_of_real_files(path: Path, kind: str) -> None:
    assert feed_kind(path.read_bytes()) == kind


def test_feed_kind_of_listing_feeds_in_rss_and_atom() -> None:
    assert feed_kind(listing_feed([], [])) == "listing"
    atom_listing = (b"<?xml version='1.0'?>\n<!-- <feed> -->\n<feed xmlns='http://www.w3.org/"
                    b"2005/Atom'><entry><id>oai:arXiv.org:2203.01250v3</id></entry></feed>")
    assert feed_kind(atom_listing) == "listing"


def test_the_example_day_replays_whole_without_a_window() -> None:
    harvest = SavedFeedSource(EXAMPLE).fetch(None)
    ids = set(re.findall(r"<id>http://arxiv\.org/abs/(\d{4}\.\d{5})v1</id>", EXAMPLE.read_text()))
    assert len(harvest.papers) == len(ids) == 469
    assert {p.arxiv_id for p in harvest.papers} == ids
    assert all(p.abstract and p.authors and p.primary_category for p in harvest.papers)
    assert {p.source for p in harvest.papers} == {"arxiv-2025-07-01.xml"}
    assert harvest.requests == 0


def test_replay_filters_only_by_a_given_window() -> None:
    source = SavedFeedSource(EXAMPLE)
    assert len(source.fetch(DAY).papers) == 469
    later = Window(datetime(2025, 7, 2, tzinfo=UTC), datetime(2025, 7, 9, tzinfo=UTC))
    assert source.fetch(later).papers == ()


def test_replayed_listing_feeds_use_the_listing_parser(tmp_path: Path) -> None:
    rows = metadata_rows(SLICE)
    saved = tmp_path / "cs.CV-2025-07-01.xml"
    saved.write_bytes(listing_feed(rows, ["new", "replace"] * 6))
    papers = SavedFeedSource(saved, ("new",)).fetch(None).papers
    assert [p.arxiv_id for p in papers] == sorted(r["id"] for r in rows[::2])
    assert {p.announce_type for p in papers} == {"new"}
    empty = tmp_path / "saturday.xml"
    empty.write_bytes(listing_feed([], []))
    assert SavedFeedSource(empty).fetch(None).notes == (f"saturday.xml: {EMPTY_NOTE}",)


def test_a_missing_file_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"nope\.xml: cannot read saved feed"):
        SavedFeedSource(tmp_path / "nope.xml").fetch(None)


def test_a_saved_error_feed_is_a_usage_error_naming_the_file() -> None:
    with pytest.raises(UsageError, match=r"^--feed .*id_abc.*incorrect id format"):
        SavedFeedSource(DATA / "api" / "id_abc_s0_m100_b79c8dcf6bc3.xml").fetch(None)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"), (b"\n \n", "the file is empty"),
    (b"MIT License\n\nCopyright\n", "malformed XML"),
    (b"<html><body>Not found</body></html>", "not an RSS, RDF or Atom feed"),
])
def test_a_file_that_is_no_feed_is_one_usage_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(content)
    with pytest.raises(UsageError, match=f"^--feed {re.escape(str(path))}: {message}"):
        SavedFeedSource(path).fetch(None)


def test_an_entry_with_an_unreadable_date_is_skipped_with_a_note(tmp_path: Path) -> None:
    text = (ROOT / "examples" / "arxiv-2025-07-01.xml").read_text(encoding="utf-8")
    first_id = re.search(r"<entry>\s*<id>([^<]+)</id>", text)
    assert first_id is not None
    broken = re.sub(r"<published>[^<]*</published>", "<published>not a date</published>", text,
                    count=1)
    path = tmp_path / "api.xml"
    path.write_text(broken, encoding="utf-8")
    whole = SavedFeedSource(ROOT / "examples" / "arxiv-2025-07-01.xml").fetch(None)
    harvest = SavedFeedSource(path).fetch(None)
    assert len(harvest.papers) == len(whole.papers) - 1
    assert harvest.notes == (
        f"api.xml: skipped an entry with an unreadable date ({first_id.group(1)})",)


def test_the_builder_reproduces_the_example_entries_from_the_metadata() -> None:
    make = builder()
    lines = SLICE.read_text(encoding="utf-8").splitlines()
    rows = make.read_metadata(lines)
    assert len(rows) == len({json.loads(line)["id"] for line in lines}) < len(lines)
    built = parse_api_response(make.build(rows, "2025-07-01", SLICE.name).encode(), source="x")
    shipped = {p.arxiv_id: p for p in parse_api_response(EXAMPLE.read_bytes(),
                                                          source="x").papers}
    for paper in built.papers:
        assert paper == shipped[paper.arxiv_id]
    first = built.papers[0]
    assert first.published == first.updated == datetime(2025, 7, 1, tzinfo=UTC)
    assert first.version == 1


def test_the_builder_rejects_a_broken_line() -> None:
    with pytest.raises(SystemExit, match="metadata line 2: not JSON"):
        builder().read_metadata(['{"id": "1"}', "{oops"])


def test_a_window_that_misses_the_file_says_so() -> None:
    source = SavedFeedSource(ROOT / "examples" / "arxiv-2025-07-01.xml")
    whole = source.fetch(None)
    window = Window(datetime(2025, 6, 27, tzinfo=UTC), datetime(2025, 6, 30, tzinfo=UTC))
    harvest = source.fetch(window)
    assert harvest.papers == ()
    assert harvest.notes[-1] == (
        f"arxiv-2025-07-01.xml: {len(whole.papers)} of {len(whole.papers)} paper(s) fall outside"
        " 2025-06-27 to 2025-06-29 (the file's papers are from 2025-07-01 to 2025-07-01);"
        " without --since/--until the whole file is read")
    inside = Window(datetime(2025, 6, 1, tzinfo=UTC), datetime(2025, 8, 1, tzinfo=UTC))
    assert source.fetch(inside).notes == whole.notes  # nothing left out: nothing said
