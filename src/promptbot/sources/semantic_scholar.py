"""Semantic Scholar's Graph API: venues of arXiv papers their authors never wrote back to arXiv.

Optional (`[updates] semantic_scholar`, off by default) and asked only during the re-check of the
catalog's preprint entries: one `POST /paper/batch` per 500 ids (`{"ids": ["ARXIV:2304.07221"]}`),
retried with backoff by requests/urllib3 on 429 and 5xx. The answer is a JSON array aligned with
the ids, `null` for an id it does not know. A venue counts when it names something other than
arXiv ("arXiv.org", journal "ArXiv" or nothing mean: still a preprint). Its short name is taken
from the venue's alternate names when one is an acronym ("BMVC" for "British Machine Vision
Conference"); the year is the paper's, not the one some venue names carry.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from promptbot.errors import SourceError
from promptbot.models import Paper

log = logging.getLogger("promptbot.semantic_scholar")

BATCH_LIMIT = 500  # the API's most ids per /paper/batch
FIELDS = "externalIds,venue,year,publicationVenue,journal"
TIMEOUT_SECONDS = 30.0
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&-]{1,11}$")
_PREPRINT = frozenset({"", "arxiv", "arxiv.org", "corr"})


@dataclass(frozen=True)
class Venue:
    """Where Semantic Scholar says a paper was published."""

    name: str
    year: int | None


def _short_name(paper: Mapping[str, Any]) -> str | None:
    venue = paper.get("venue") if isinstance(paper.get("venue"), str) else ""
    published = paper.get("publicationVenue")
    names = published.get("alternate_names") if isinstance(published, dict) else None
    acronyms = [n for n in names or () if isinstance(n, str) and _ACRONYM.match(n)
                and sum(c.isupper() for c in n) >= 2]
    name = acronyms[0] if acronyms else " ".join(str(venue).split())
    if name.casefold() in _PREPRINT or str(venue).casefold() in _PREPRINT:
        return None
    return name


def parse_batch(data: bytes, ids: Sequence[str]) -> dict[str, Venue]:
    """arXiv id -> venue from one /paper/batch answer to `ids` (unversioned arXiv ids)."""
    try:
        found = json.loads(data)
    except ValueError as exc:
        raise SourceError(f"Semantic Scholar sent malformed JSON ({exc})") from None
    if not isinstance(found, list):
        raise SourceError("Semantic Scholar: /paper/batch did not answer with a list")
    out: dict[str, Venue] = {}
    for asked, paper in zip(ids, found, strict=False):
        if not isinstance(paper, dict):
            continue  # null: an id Semantic Scholar does not know
        external = paper.get("externalIds")
        arxiv_id = external.get("ArXiv") if isinstance(external, dict) else None
        name = _short_name(paper)
        year = paper.get("year")
        if name:
            out[arxiv_id if isinstance(arxiv_id, str) else asked] = Venue(
                name, year if isinstance(year, int) and not isinstance(year, bool) else None)
    return out


def with_venues(papers: Sequence[Paper], venues: Mapping[str, Venue]) -> tuple[Paper, ...]:
    """Papers whose arXiv metadata names no journal, given the venue Semantic Scholar knows as
    their journal reference ("BMVC 2022"), which the venue reading then takes as any other."""
    out = []
    for paper in papers:
        venue = venues.get(paper.arxiv_id)
        if venue is not None and not paper.journal_ref:
            ref = f"{venue.name} {venue.year}" if venue.year else venue.name
            paper = replace(paper, journal_ref=ref)
        out.append(paper)
    return tuple(out)


class SemanticScholarSource:
    """Venues for arXiv ids, from `[updates] semantic_scholar_url`."""

    name = "Semantic Scholar"

    def __init__(self, base_url: str, *, user_agent: str, batch: int = BATCH_LIMIT,
                 retries: int = 3, backoff: float = 1.0,
                 timeout: float = TIMEOUT_SECONDS) -> None:
        self.url = base_url.rstrip("/") + "/paper/batch"
        self.batch = max(1, min(batch, BATCH_LIMIT))
        self.timeout = timeout
        self.requests = 0
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent
        retry = Retry(total=retries, backoff_factor=backoff, allowed_methods=None,
                      status_forcelist=(429, 500, 502, 503, 504),
                      respect_retry_after_header=True, raise_on_status=False)
        self.session.mount("http://", HTTPAdapter(max_retries=retry))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))

    def venues(self, arxiv_ids: Sequence[str]) -> dict[str, Venue]:
        """arXiv id -> venue for the ids Semantic Scholar knows a venue of; SourceError on
        failure."""
        wanted = list(dict.fromkeys(arxiv_ids))
        out: dict[str, Venue] = {}
        for start in range(0, len(wanted), self.batch):
            chunk = wanted[start:start + self.batch]
            out.update(parse_batch(self._post(chunk), chunk))
        log.info("Semantic Scholar: venues for %d of %d paper(s)", len(out), len(wanted))
        return out

    def _post(self, ids: Sequence[str]) -> bytes:
        self.requests += 1
        try:
            response = self.session.post(self.url, params={"fields": FIELDS},
                                         json={"ids": [f"ARXIV:{i}" for i in ids]},
                                         timeout=self.timeout)
        except requests.exceptions.RequestException as exc:
            raise SourceError(f"Semantic Scholar {self.url} failed: {exc}") from None
        if response.status_code != 200:
            raise SourceError(f"Semantic Scholar {self.url} answered HTTP"
                              f" {response.status_code}")
        return response.content
