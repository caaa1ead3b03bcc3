"""The arXiv API source: the only importer of `arxiv`; one combined query, paged politely."""

from __future__ import annotations

import logging
import math
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import arxiv
import requests
from arxiv import _feed
from requests.adapters import HTTPAdapter

from promptbot.config import ArxivConfig
from promptbot.errors import SourceError
from promptbot.models import Harvest, Paper, Window
from promptbot.sources import (
    abs_url,
    dedupe,
    filter_window,
    normalize_space,
    pdf_url,
    split_arxiv_id,
    window_for,
)
from promptbot.sources.politeness import TIMEOUT_SECONDS, Clock, Politeness, Sleep, shared
from promptbot.sources.queries import MAX_URL_LENGTH, build_queries

log = logging.getLogger("promptbot.arxiv")

_ATOM = "{http://www.w3.org/2005/Atom}"
_OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"
ID_BATCH = 200  # ids per `id_list` request: one request per 200 papers, a URL well under 8 KB


# --- responses (pure) ------------------------------------------------------------------------


@dataclass(frozen=True)
class PageInfo:
    """What one API response says about itself: totals, entries, or the error it reports."""

    total: int
    start: int
    entries: int
    error: str | None = None


def inspect_page(data: bytes) -> PageInfo:
    """Read the paging totals and any error entry; ValueError for malformed or non-Atom XML."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise ValueError(f"malformed XML ({exc})") from None
    if root.tag != f"{_ATOM}feed":
        raise ValueError(f"not an Atom feed (root element <{root.tag}>)")
    entries = root.findall(f"{_ATOM}entry")
    error = None
    for entry in entries:
        if "/api/errors" in (entry.findtext(f"{_ATOM}id") or ""):
            error = normalize_space(entry.findtext(f"{_ATOM}summary")) or "unspecified error"
    return PageInfo(total=_int(root.findtext(f"{_OPENSEARCH}totalResults")),
                    start=_int(root.findtext(f"{_OPENSEARCH}startIndex")),
                    entries=len(entries), error=error)


def _readable_date(text: str | None) -> bool:
    try:
        datetime.fromisoformat((text or "").strip().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def drop_unreadable_dates(data: bytes) -> tuple[bytes, tuple[str, ...]]:
    """The response without entries whose dates the arxiv library cannot read (it would fail
    the whole page on one of them), and a note per entry dropped; `data` itself when none is."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return data, ()  # inspect_page reports it
    bad = [e for e in root.findall(f"{_ATOM}entry")
           if not all(_readable_date(e.findtext(f"{_ATOM}{k}")) for k in ("published", "updated"))]
    for entry in bad:
        root.remove(entry)
    total = root.find(f"{_OPENSEARCH}totalResults")
    if bad and total is not None:  # or the Client would page on for the entries dropped
        total.text = str(max(0, _int(total.text) - len(bad)))
    notes = tuple(f"skipped an entry with an unreadable date"
                  f" ({normalize_space(e.findtext(f'{_ATOM}id')) or 'no id'})" for e in bad)
    return (ElementTree.tostring(root, encoding="utf-8") if bad else data), notes


def _int(text: str | None) -> int:
    try:
        return int((text or "0").strip())
    except ValueError:
        return 0


def to_paper(result: Any, source: str) -> Paper | None:
    """An `arxiv.Result` as a Paper; None when its id cannot be read."""
    found = split_arxiv_id(result.entry_id)
    if found is None:
        return None
    arxiv_id, version = found
    affiliations = dict.fromkeys(
        normalize_space(a) for author in result.authors for a in author.affiliation if a.strip())
    return Paper(
        arxiv_id=arxiv_id, version=version, title=normalize_space(result.title),
        authors=tuple(normalize_space(a.name) for a in result.authors),
        abstract=normalize_space(result.summary),
        categories=tuple(result.categories), primary_category=result.primary_category or None,
        published=result.published, updated=result.updated,
        comment=normalize_space(result.comment) or None,
        journal_ref=normalize_space(result.journal_ref) or None,
        doi=normalize_space(result.doi) or None,
        abs_url=abs_url(arxiv_id), pdf_url=pdf_url(arxiv_id),
        affiliations=tuple(affiliations), source=source,
    )


def _convert(results: Iterable[Any], source: str, notes: list[str]) -> Iterator[Paper]:
    for result in results:
        paper = to_paper(result, source)
        if paper is None:
            notes.append(f"{source}: skipped an entry with an unreadable id ({result.entry_id})")
        else:
            yield paper


def parse_api_response(data: bytes, *, source: str) -> Harvest:
    """A saved API response as a Harvest, through the same parser the network path uses."""
    try:
        info = inspect_page(data)
    except ValueError as exc:
        raise SourceError(f"{source}: {exc}") from None
    if info.error:
        raise SourceError(f"{source}: the arXiv API reported an error: {info.error}")
    data, dropped = drop_unreadable_dates(data)
    notes: list[str] = [f"{source}: {note}" for note in dropped]
    papers = list(_convert(_feed.parse(data).results, source, notes))
    if info.entries == 0 and info.total > 0:
        notes.append(f"{source}: no entries although the API reported {info.total} result(s)")
    return Harvest(papers=dedupe(papers), notes=tuple(notes))


# --- the network source ----------------------------------------------------------------------


def _query_of(url: str) -> str:
    return parse_qs(urlsplit(url).query).get("search_query", [""])[0]


def _start_and_size(url: str) -> tuple[int, int]:
    args = parse_qs(urlsplit(url).query)
    return int(args.get("start", ["0"])[0]), max(1, int(args.get("max_results", ["1"])[0]))


class _Transport(HTTPAdapter):
    """The arxiv Client's transport: User-Agent, timeout, shared spacing, backoff, fatal errors."""

    def __init__(self, politeness: Politeness, user_agent: str, timeout: float) -> None:
        super().__init__()
        self.politeness = politeness
        self.user_agent = user_agent
        self.timeout = timeout
        self.requests = 0
        self.notes: list[str] = []

    def send(self, request: requests.PreparedRequest, *args: Any,
             **kwargs: Any) -> requests.Response:
        """Send one request politely and judge its answer before the arxiv Client sees it."""
        # The arxiv Client sets its own User-Agent per request; ours names the bot and contact.
        request.headers["User-Agent"] = self.user_agent
        kwargs["timeout"] = kwargs.get("timeout") or self.timeout
        self.politeness.wait()
        self.requests += 1
        try:
            response = super().send(request, *args, **kwargs)
            body = response.content
        except requests.exceptions.RequestException as exc:
            self.politeness.record(ok=False)
            log.debug("arXiv API: %s", exc)
            # The Client retries ConnectionError only; a read timeout deserves the same. The
            # message names the endpoint once, not the whole query URL.
            where = urlsplit(str(request.url))._replace(query="", fragment="").geturl()
            raise requests.exceptions.ConnectionError(
                f"cannot reach {where} ({short_reason(exc)})") from exc
        self._judge(str(request.url), response, body)
        repaired, dropped = drop_unreadable_dates(body)
        if dropped:
            response._content = repaired  # what the arxiv Client parses next
            self.notes += [f"arXiv API: {note}" for note in dropped]
        return response

    def _judge(self, url: str, response: requests.Response, body: bytes) -> None:
        status = response.status_code
        if response.is_redirect:  # the Session follows it, through this transport again
            self.politeness.record(ok=True)
            return
        wait = self.politeness.retry_later(status, response.headers.get("Retry-After"))
        if wait is not None:
            log.warning("arXiv API: HTTP %d, retrying in %.0f s", status, wait)
            return
        try:
            info = inspect_page(body)
        except ValueError as exc:
            self.politeness.record(ok=True)
            if status != 200:
                raise SourceError(f"arXiv API answered HTTP {status} for query"
                                  f" {_query_of(url)!r} (check [arxiv].api_url)") from None
            raise SourceError(f"arXiv API sent {exc} for query {_query_of(url)!r}") from None
        if info.error:
            self.politeness.record(ok=True)
            raise SourceError(f"arXiv API rejected query {_query_of(url)!r}: {info.error}")
        start, size = _start_and_size(url)
        if info.entries == 0 and info.total > start:
            wait = self.politeness.record(ok=False)
            log.warning("arXiv API: empty page %d, retrying in %.0f s", start // size + 1, wait)
            if start == 0:  # the Client gives up silently on an empty first page
                raise requests.exceptions.ConnectionError(
                    f"empty first page although {info.total} results were reported")
            return
        wait = self.politeness.record(ok=True)
        log.info("arXiv: page %d/%d, next request in %.0f s", start // size + 1,
                 max(1, math.ceil(info.total / size)), wait)


def short_reason(exc: BaseException) -> str:
    """Why a request failed, in a few words ("[Errno 111] Connection refused", "timed out")."""
    text = str(exc)
    errno = re.search(r"\[Errno -?\d+\] [^'\")\]]+", text)
    if errno:
        return errno.group(0).strip()
    if "timed out" in text.lower():
        return "timed out"
    if "NameResolution" in text or "getaddrinfo" in text:
        return "the host name does not resolve"
    return type(exc).__name__


def _short_query(query: str) -> str:
    return query if len(query) <= 60 else query[:59] + "…"


def _utcnow() -> datetime:
    return datetime.now(UTC)


@contextmanager
def _translated(tries: int, where: str, *, name_network: bool = True) -> Iterator[None]:
    """The arxiv library's failures as one SourceError naming the tries and `where`."""
    try:
        yield
    except arxiv.HTTPError as exc:
        raise SourceError(f"arXiv API failed after {tries} tries: HTTP {exc.status}{where}"
                          ) from None
    except arxiv.UnexpectedEmptyPageError:
        raise SourceError(f"arXiv API failed after {tries} tries: a page came back empty{where}"
                          ) from None
    except requests.exceptions.RequestException as exc:
        raise SourceError(f"arXiv API failed after {tries} tries: {exc}"
                          f"{where if name_network else ''}") from None


class ArxivApiSource:
    """Papers submitted in a window, from the arXiv API, with one query for all keywords."""

    name = "arXiv API"

    def __init__(
        self,
        cfg: ArxivConfig,
        *,
        user_agent: str,
        sleep: Sleep = time.sleep,
        clock: Clock = time.monotonic,
        now: Callable[[], datetime] = _utcnow,
        politeness: Politeness | None = None,
        max_url_length: int = MAX_URL_LENGTH,
        id_batch: int = ID_BATCH,
    ) -> None:
        self.cfg = cfg
        self.max_url_length = max_url_length
        self.id_batch = max(1, id_batch)
        self._now = now
        self.politeness = politeness or shared(cfg.delay_seconds, sleep=sleep, clock=clock)
        self.transport = _Transport(self.politeness, user_agent, TIMEOUT_SECONDS)
        # Spacing lives in the shared Politeness (all arXiv endpoints, injectable clock), so
        # the Client's own per-instance delay is off; its retry count is the configured one.
        self.client = arxiv.Client(page_size=cfg.page_size, delay_seconds=0.0,
                                   num_retries=cfg.num_retries)
        base = cfg.api_url.replace("{", "{{").replace("}", "}}")
        self.client.query_url_format = base + ("&" if "?" in base else "?") + "{}"
        # The Client exposes no hook for its requests Session; mounting a transport on it is
        # the one place to add the User-Agent, timeout, shared spacing and 429 backoff.
        self.client._session.mount("http://", self.transport)
        self.client._session.mount("https://", self.transport)

    def fetch(self, window: Window | None) -> Harvest:
        """Every paper submitted in `window` (default: the configured look-back)."""
        window = window or window_for(self._now(), self.cfg.lookback_days, None, None)
        queries = build_queries(self.cfg.keywords, self.cfg.categories, window,
                                self.max_url_length, self.cfg.api_url)
        before = self.transport.requests
        notes: list[str] = []
        self.transport.notes = notes  # entries the transport drops are noted here
        papers: list[Paper] = []
        for number, query in enumerate(queries, 1):
            log.info("arXiv API: query %d/%d, %s to %s UTC", number, len(queries),
                     f"{window.start:%Y-%m-%d %H:%M}", f"{window.end:%Y-%m-%d %H:%M}")
            papers.extend(self._run(query, window, notes))
        if len(queries) > 1:
            notes.append(f"arXiv API: the keywords needed {len(queries)} queries to fit in URLs")
        harvest = Harvest(papers=dedupe(papers), notes=tuple(notes),
                          requests=self.transport.requests - before)
        return filter_window(harvest, window)

    def papers_by_ids(self, ids: Sequence[str]) -> tuple[Paper, ...]:
        """The current version of each paper in `ids` (`id_list`, `id_batch` ids per request);
        ids arXiv does not know are left out. SourceError when arXiv fails."""
        wanted = list(dict.fromkeys(ids))
        notes: list[str] = []
        papers: list[Paper] = []
        for start in range(0, len(wanted), self.id_batch):
            batch = wanted[start:start + self.id_batch]
            log.info("arXiv API: %d paper(s) by id, batch %d/%d", len(batch),
                     start // self.id_batch + 1, math.ceil(len(wanted) / self.id_batch))
            search = arxiv.Search(id_list=batch, max_results=len(batch))
            papers.extend(self._results(search, f"id_list of {len(batch)} id(s)", notes))
        known = set(wanted)
        return tuple(p for p in dedupe(papers) if p.arxiv_id in known)

    def _results(self, search: arxiv.Search, what: str, notes: list[str]) -> list[Paper]:
        with _translated(self.cfg.num_retries + 1, f" ({what})"):
            return list(_convert(self.client.results(search), "api", notes))

    def _run(self, query: str, window: Window, notes: list[str]) -> list[Paper]:
        search = arxiv.Search(query=query, max_results=None,
                              sort_by=arxiv.SortCriterion.SubmittedDate,
                              sort_order=arxiv.SortOrder.Descending)
        papers: list[Paper] = []
        # A dropped connection names no query: its message already says where it failed.
        with _translated(self.cfg.num_retries + 1, f" (query {_short_query(query)!r})",
                         name_network=False):
            for paper in _convert(self.client.results(search), "api", notes):
                if paper.published and paper.published < window.start:
                    break  # sorted newest first: the rest is older still
                papers.append(paper)
        return papers
