"""arXiv's daily listing feeds (2024+ RSS/Atom and the old RDF): the only importer of feedparser."""

from __future__ import annotations

import calendar
import html
import logging
import re
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from xml.sax import SAXException

import feedparser

from promptbot.config import ArxivConfig
from promptbot.errors import SourceError
from promptbot.models import REPLACEMENTS, Harvest, Paper, Window
from promptbot.sources import (
    abs_url,
    dedupe,
    filter_window,
    normalize_space,
    pdf_url,
    split_arxiv_id,
)
from promptbot.sources.politeness import TIMEOUT_SECONDS, Clock, Politeness, Sleep, shared

log = logging.getLogger("promptbot.arxiv")

EMPTY_NOTE = "arXiv announced nothing today (weekend or holiday?)"
# Old RDF titles end with "(arXiv:2107.03419v1 [hep-ex] CROSS LISTED)".
_OLD_SUFFIX = re.compile(r"\.?\s*\(arXiv:(?P<id>\S+?)\s+\[(?P<cat>[^\]]+)\](?P<flag>[^)]*)\)\s*$")
_OLD_FLAGS = {"UPDATED": "replace", "CROSS LISTED": "cross"}
_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_AFFILIATIONS = re.compile(r"\(\((?P<body>\d+\).*)\)\s*$", re.S)


def _text(fragment: str) -> str:
    """Plain text of an HTML fragment, whitespace normalized."""
    return normalize_space(html.unescape(_TAG.sub(" ", fragment)))


def _authors(raw: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Author names and affiliations from a dc:creator (comma-joined, or old RDF links)."""
    affiliations: tuple[str, ...] = ()
    found = _AFFILIATIONS.search(raw)
    if found:
        parts = re.split(r",?\s*\(\d+\)\s*", "(" + found["body"])
        affiliations = tuple(_text(p) for p in parts if _text(p))
        raw = raw[: found.start()]
    names = _ANCHOR.findall(raw) if _ANCHOR.search(raw) else re.split(r",|\band\b", _text(raw))
    cleaned = (re.sub(r"\s*\(\d+(?:,\s*\d+)*\)$", "", _text(n)) for n in names)
    return tuple(n for n in cleaned if n and not n.startswith("et al")), affiliations


def _abstract(description: str) -> str:
    """The abstract: what follows "Abstract:" in 2024+ descriptions, else the whole text."""
    text = _text(description)
    _, marker, after = text.partition("Abstract:")
    return after.strip() if marker else text


def _when(parsed: Any) -> datetime | None:
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC) if parsed else None


def _entry_paper(entry: Any, announced: datetime | None, source: str) -> Paper | str:
    """One feed item as a Paper, or the reason it cannot be read."""
    title = normalize_space(entry.get("title"))
    old = _OLD_SUFFIX.search(title)
    found = split_arxiv_id(old["id"] if old else entry.get("id") or entry.get("link") or "")
    if found is None:
        return f"an item without an arXiv id ({title or 'untitled'})"
    arxiv_id, version = found
    if old:
        title = title[: old.start()].strip()
    if not title:
        return f"{arxiv_id}: no title"
    kind = entry.get("arxiv_announce_type") or (
        _OLD_FLAGS.get(normalize_space(old["flag"]), "new") if old else "new")
    authors, affiliations = _authors(entry.get("author") or "")
    categories = tuple(t["term"] for t in entry.get("tags", []) if t.get("term"))
    announced = _when(entry.get("published_parsed")) or announced
    return Paper(
        arxiv_id=arxiv_id, version=version, title=title, authors=authors,
        abstract=_abstract(entry.get("summary") or ""),
        categories=categories or ((old["cat"],) if old else ()),
        primary_category=old["cat"] if old else None,
        published=announced if kind in ("new", "cross") else None, updated=announced,
        journal_ref=normalize_space(entry.get("arxiv_journal_reference")) or None,
        doi=normalize_space(entry.get("arxiv_doi")) or None,
        abs_url=abs_url(arxiv_id), pdf_url=pdf_url(arxiv_id), affiliations=affiliations,
        announce_type=kind, source=source,
    )




def parse_listing_feed(data: bytes, *, announce_types: Sequence[str],
                       source: str = "rss", replacements: bool = False) -> Harvest:
    """Papers of one listing feed whose announce type is wanted; an empty feed is a note.

    With `replacements`, new versions (`replace`, `replace-cross`) are kept too, whatever the
    wanted types, marked by their announce_type: judging looks at them only as listed papers
    whose entry may be out of date.
    """
    wanted = (*announce_types, *REPLACEMENTS) if replacements else tuple(announce_types)
    if not data.strip():
        raise SourceError(f"{source}: empty response (not an RSS, RDF or Atom feed)")
    parsed = feedparser.parse(data)
    if parsed.bozo and isinstance(parsed.get("bozo_exception"), SAXException):
        raise SourceError(f"{source}: malformed XML ({parsed.bozo_exception})")
    if not parsed.get("version"):  # absent, not empty, when nothing could be read at all
        raise SourceError(f"{source}: not an RSS, RDF or Atom feed")
    feed = parsed.feed
    announced = _when(feed.get("published_parsed") or feed.get("updated_parsed"))
    if not parsed.entries:
        note = EMPTY_NOTE if source == "rss" else f"{source}: {EMPTY_NOTE}"
        return Harvest(notes=(note,))
    papers: list[Paper] = []
    notes: list[str] = []
    for entry in parsed.entries:
        paper = _entry_paper(entry, announced, source)
        if isinstance(paper, str):
            notes.append(f"{source}: skipped {paper}")
        elif paper.announce_type in wanted:
            papers.append(paper)
    log.debug("%s: %d of %d items announced as %s", source, len(papers), len(parsed.entries),
              "/".join(wanted))
    return Harvest(papers=dedupe(papers), notes=tuple(notes))


class ListingFeedSource:
    """Today's announcements from `[arxiv] rss_url`, fetched politely with retries."""

    name = "arXiv listing feed"

    def __init__(
        self,
        cfg: ArxivConfig,
        *,
        user_agent: str,
        sleep: Sleep = time.sleep,
        clock: Clock = time.monotonic,
        politeness: Politeness | None = None,
        timeout: float = TIMEOUT_SECONDS,
        replacements: bool = False,
    ) -> None:
        self.cfg = cfg
        self.replacements = replacements  # keep new versions, for updates of listed entries
        self.user_agent = user_agent
        self.timeout = timeout
        self.politeness = politeness or shared(cfg.delay_seconds, sleep=sleep, clock=clock)

    def fetch(self, window: Window | None) -> Harvest:
        """The feed's papers of the wanted announce types, inside `window` when given."""
        data, requests = self._download(self.cfg.rss_url)
        try:
            harvest = parse_listing_feed(data, announce_types=self.cfg.announce_types,
                                         replacements=self.replacements)
        except SourceError as exc:
            problem = str(exc).removeprefix("rss: ")
            raise SourceError(f"arXiv listing feed {self.cfg.rss_url}: {problem}") from None
        return replace(filter_window(harvest, window), requests=requests)

    def _download(self, url: str) -> tuple[bytes, int]:
        tries = self.cfg.num_retries + 1
        problem = ""
        for attempt in range(1, tries + 1):
            self.politeness.wait()
            request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    data: bytes = response.read()
            except urllib.error.HTTPError as exc:
                problem = f"HTTP {exc.code}"
                retry_in = self.politeness.retry_later(exc.code, exc.headers.get("Retry-After"))
                if retry_in is None:
                    self.politeness.record(ok=True)
                    raise SourceError(f"arXiv listing feed {url}: {problem}") from None
                wait = retry_in
            except (urllib.error.URLError, OSError) as exc:
                problem = str(getattr(exc, "reason", None) or exc)
                wait = self.politeness.record(ok=False)
            else:
                wait = self.politeness.record(ok=True)
                log.info("arXiv listing feed: %d bytes, next request in %.0f s", len(data), wait)
                return data, attempt
            if attempt < tries:
                log.warning("arXiv listing feed: %s, retry %d/%d in %.0f s",
                            problem, attempt, tries - 1, wait)
        raise SourceError(f"arXiv listing feed {url} failed after {tries} tries: {problem}")
