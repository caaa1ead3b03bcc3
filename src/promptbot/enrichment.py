"""Completing proposed entries from the papers' own HTML pages (affiliation, short name, code).

Only the papers a run proposes are read (never the whole haystack), each version once across
runs (the cache), with arXiv's politeness. A paper whose page is missing or unreadable is
written without what the page would have given, and its pull request says so: never a guess.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from promptbot.entries import entry_fields
from promptbot.entries.affiliation_habit import AffiliationHabit, learn
from promptbot.entries.affiliations import Author, AuthorBlock
from promptbot.entries.front_page import FrontPage, complete_fields, read_front_page
from promptbot.errors import SourceError
from promptbot.models import Catalog, Decision, Enrichment, Paper, Status
from promptbot.sources.enrichment_cache import EnrichmentCache

log = logging.getLogger("promptbot")

OK, MISSING, UNREADABLE = "ok", "missing", "unreadable"
_WHY = {
    MISSING: "arXiv has no HTML page for it",
    UNREADABLE: "its arXiv HTML page has no author block promptbot can read",
}


class Pages(Protocol):
    """Where HTML pages come from (sources.arxiv_html.ArxivHtmlPages, or a fake)."""

    requests: int

    def page(self, arxiv_id: str, version: int) -> str | None:
        """The page's HTML; None when there is none."""
        ...


@dataclass
class Enricher:
    """The pages of proposed papers, read through the cache."""

    pages: Pages
    cache: EnrichmentCache = field(default_factory=lambda: EnrichmentCache(None))
    # Once arXiv's HTML pages failed after all retries, the rest of the run asks no more: a
    # down service must not cost every proposed paper its own round of back-offs.
    unreachable: str = ""
    max_pages: int = 100  # pages asked for in one run at most (a long backfill stays polite)
    asked: int = 0

    def front_page(self, paper: Paper) -> tuple[FrontPage | None, str, bool]:
        """What the paper's page says, its status (ok, missing, unreadable, or the failure),
        and whether the cache answered."""
        key = f"{paper.arxiv_id}v{paper.version}"
        stored = self.cache.get(key)
        if stored is not None:
            return _from_json(stored), str(stored.get("status")), True
        if self.unreachable:
            return None, self.unreachable, False
        if self.asked >= self.max_pages:
            limit = f"this run already read {self.max_pages} HTML pages ([enrich] max_pages)"
            return None, limit, False
        self.asked += 1
        try:
            html = self.pages.page(paper.arxiv_id, paper.version)
        except SourceError as exc:  # not cached: the next run that proposes it asks again
            log.warning("%s; no more HTML pages are asked for in this run", exc)
            # The error is said once, with the first paper; the others name that paper.
            self.unreachable = (f"arXiv's HTML pages could not be reached in this run (see "
                                f"{paper.arxiv_id})")
            return None, f"arXiv's HTML pages could not be reached ({exc})", False
        page = read_front_page(html) if html is not None else None
        status = MISSING if html is None else OK if page and page.authors else UNREADABLE
        self.cache.put(key, _to_json(page, status))
        return page, status, False

    def cached_status(self, paper: Paper) -> str | None:
        """The stored status of a paper's page, without asking arXiv."""
        stored = self.cache.get(f"{paper.arxiv_id}v{paper.version}")
        return str(stored.get("status")) if stored else None


def enrich(
    decisions: Sequence[Decision], catalog: Catalog, enricher: Enricher
) -> tuple[tuple[Decision, ...], Enrichment, dict[str, str]]:
    """The decisions with the proposed papers' fields completed from their pages; what it cost;
    and, per paper written without its page, the note its pull request carries."""
    habit = learn(catalog)
    before = enricher.pages.requests
    out: list[Decision] = []
    notes: dict[str, str] = {}
    without: list[str] = []  # proposed in this run and written without an affiliation
    cached = 0
    for decision in decisions:
        if decision.status is Status.PENDING and habit.spellings:
            status = enricher.cached_status(decision.paper)
            if status in _WHY:
                notes[decision.paper.arxiv_id] = _note(decision.paper, _WHY[status])
        if decision.status is not Status.PROPOSED:
            out.append(decision)
            continue
        completed, why, from_cache = _complete(decision, enricher, habit)
        cached += from_cache
        if why and habit.spellings:
            notes[decision.paper.arxiv_id] = _note(decision.paper, why)
            without.append(decision.paper.arxiv_id)
        out.append(completed)
    enricher.cache.save()
    report = Enrichment(requests=enricher.pages.requests - before, cached=cached,
                        without_page=tuple(without))
    return tuple(out), report, notes


def _complete(
    decision: Decision, enricher: Enricher, habit: AffiliationHabit
) -> tuple[Decision, str, bool]:
    """One proposed decision completed; why its affiliation stays empty ("" if it does not)."""
    fields = entry_fields(decision.paper, decision.fields)
    if fields.name and fields.code_url and (fields.affiliation or not habit.spellings):
        return replace(decision, fields=fields), "", False  # nothing a page could add
    page, status, from_cache = enricher.front_page(decision.paper)
    if page is not None:
        fields = complete_fields(decision.paper, fields, page, habit)
    why = "" if fields.affiliation else _WHY.get(status, status)
    if status == OK and not fields.affiliation:
        why = "its arXiv HTML page names no affiliation"
    return replace(decision, fields=fields), why, from_cache


def _note(paper: Paper, why: str) -> str:
    return f"{paper.arxiv_id} is written without an affiliation: {why}; please add it by hand."


def _to_json(page: FrontPage | None, status: str) -> dict[str, Any]:
    block = page.authors if page else None
    return {
        "status": status,
        "authors": [[a.name, list(a.institutions)] for a in (block.authors if block else ())],
        "unassigned": list(block.unassigned) if block else [],
        "code_url": page.code_url if page else None,
    }


def _from_json(value: dict[str, Any]) -> FrontPage | None:
    """A cached page back as a FrontPage; None for a page that was missing."""
    if value.get("status") == MISSING:
        return None
    authors: list[Author] = []
    for item in value.get("authors") or []:
        if (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)
                and isinstance(item[1], list)):
            authors.append(Author(item[0], tuple(str(i) for i in item[1] if isinstance(i, str))))
    unassigned = tuple(i for i in value.get("unassigned") or [] if isinstance(i, str))
    code = value.get("code_url")
    return FrontPage(authors=AuthorBlock(tuple(authors), unassigned) if authors else None,
                     code_url=code if isinstance(code, str) else None)
