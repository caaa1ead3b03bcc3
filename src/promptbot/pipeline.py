"""The shell, top to bottom: fetch papers, read the catalog and memory, decide, plan, apply."""

from __future__ import annotations

import logging
import math
import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from promptbot import enrichment, planning
from promptbot.catalog import parse
from promptbot.config import Config
from promptbot.entries import plain
from promptbot.errors import BaseMoved, CatalogError, PullRequestChanged, SourceError
from promptbot.github import declined_updates, pending, rejected
from promptbot.judging import Scorer
from promptbot.judging.reviews import reviews_of
from promptbot.judging.updates import find_updates, recheck_ids
from promptbot.models import REPLACEMENTS, Catalog, Harvest, Memory, Paper, Plan, Window
from promptbot.ports import Applied, Forge, Source
from promptbot.sources import merge
from promptbot.sources.semantic_scholar import Venue, with_venues

log = logging.getLogger("promptbot")

# The cached arXiv text ("title\nabstract") of a catalog's listed ids (see abstract_cache).
Abstracts = Callable[[Catalog], Mapping[str, str]]


def harvest(sources: Sequence[Source], window: Window | None) -> Harvest:
    """Papers from every source, merged by id; any source failure stops the run here."""
    found = []
    for source in sources:
        result = source.fetch(window)
        log.info("%s: %d paper(s)", source.name, len(result.papers))
        found.append(result)
    return merge(found)


ById = Callable[[Sequence[str]], tuple[Paper, ...]]
Venues = Callable[[Sequence[str]], Mapping[str, Venue]]


def refresh_listed(
    papers: Harvest, catalog_text: str, by_id: ById, *, recheck: bool, batch: int,
    venues: Venues | None = None,
) -> Harvest:
    """`papers` with listed papers' current metadata, asked of the arXiv API by id.

    The listing feed's new versions (`replace`) of listed papers every run, since the feed
    carries no comment (where authors write "Accepted to ICCV 2023"); on the re-check day
    (`recheck`) every listed preprint too, with Semantic Scholar's venues when `venues` is given.
    A failure here is a note, not a stop: the new papers still go ahead.
    """
    catalog = parse(catalog_text)
    listed = {i for e in catalog.entries for i in e.arxiv_ids}
    replaced = [p.arxiv_id for p in papers.papers
                if p.announce_type in REPLACEMENTS and p.arxiv_id in listed]
    ids = list(dict.fromkeys([*replaced, *(recheck_ids(catalog) if recheck else ())]))
    if not ids:
        return papers
    try:
        fresh = by_id(ids)
        if venues is not None and recheck:
            fresh = with_venues(fresh, venues(ids))
    except SourceError as exc:
        return replace(papers, notes=(*papers.notes, f"update check skipped: {exc}"))
    kinds = {p.arxiv_id: p.announce_type for p in papers.papers}
    fresh = tuple(replace(p, announce_type=kinds.get(p.arxiv_id) or "replace") for p in fresh)
    note = (f"update check: {len(ids)} listed paper(s) asked of the arXiv API by id"
            f" ({'weekly re-check' if recheck else 'new versions in the listing feed'})")
    asked = Harvest(papers=fresh, notes=(note,), requests=math.ceil(len(ids) / max(1, batch)))
    return merge([papers, asked])


def titled(papers: Sequence[Paper]) -> tuple[tuple[Paper, ...], tuple[str, ...]]:
    """The papers that have a title, and a note naming those skipped for having none.

    An entry without a title would be proposed as `""`: no maintainer would merge that.
    """
    kept = tuple(p for p in papers if plain(p.title))
    skipped = [p.arxiv_id for p in papers if not plain(p.title)]
    if not skipped:
        return kept, ()
    shown = ", ".join(plain(i, max_length=20) for i in skipped[:10])
    more = f" and {len(skipped) - 10} more" if len(skipped) > 10 else ""
    return kept, (f"skipped {len(skipped)} paper(s) without a title: {shown}{more}",)


def require_list(catalog: Catalog, source: str) -> Catalog:
    """`catalog` when it lists papers; else a CatalogError (an empty file, a LICENSE, a
    pyproject.toml): the bot learns the entries' shape from the list, so it needs some."""
    if not catalog.entries:
        headings = len(catalog.sections)
        seen = f"{headings} heading(s), no entries" if headings else "no headings, no entries"
        raise CatalogError(f"{source}: not a list of papers ({seen}); promptbot writes entries"
                           " like the list's own, so the list needs a few (add them by hand)")
    return catalog


def decide_and_plan(
    papers: Harvest, catalog_text: str, memory: Memory, cfg: Config,
    enricher: enrichment.Enricher | None = None, abstracts: Abstracts | None = None,
) -> Plan:
    """Decide and plan: the same Plan whether or not it is applied afterwards. Pure, except that
    `abstracts` reads (and refreshes) the cache of the list's abstracts and an `enricher` reads
    the HTML pages of the papers it proposes (after judging, before planning)."""
    catalog = require_list(parse(catalog_text), cfg.catalog.path)
    cached = abstracts(catalog) if abstracts is not None else {}
    scorer = Scorer(catalog, cfg, abstracts=cached)
    turned_down = rejected(memory, scorer.index)  # the index tells which rejected ids came back
    scorer.learn_reviews(reviews_of(memory, turned_down, cached))
    candidates, untitled = titled(papers.papers)
    decisions = scorer.decide_many(
        candidates,
        pending=pending(memory),
        rejected=turned_down,
    )
    if cfg.updates.enabled:
        decisions = find_updates(catalog, decisions, cfg, declined_updates(memory))
    notes = (*papers.notes, *untitled, *scorer.notes)
    if enricher is None:
        return planning.plan(catalog, decisions, memory, cfg, notes=notes)
    decisions, report, paper_notes = enrichment.enrich(decisions, catalog, enricher)
    plan = planning.plan(catalog, decisions, memory, cfg, notes=notes, paper_notes=paper_notes)
    return replace(plan, enrichment=report)


def plan_on(
    forge: Forge, papers: Harvest, cfg: Config, enricher: enrichment.Enricher | None = None,
    abstracts: Abstracts | None = None, catalog_text: str | None = None,
) -> Plan:
    """Read the bot's PRs (and the catalog, unless the run has just read it) from the forge,
    then plan."""
    text = catalog_text if catalog_text is not None else forge.read_catalog().text
    memory = forge.read_memory()
    return decide_and_plan(papers, text, memory, cfg, enricher, abstracts)


def run(
    cfg: Config, sources: Sequence[Source], forge: Forge, window: Window | None,
    enricher: enrichment.Enricher | None = None,
) -> Plan:
    """Compute the plan of one run: arXiv first, so a failing source changes nothing on GitHub."""
    return plan_on(forge, harvest(sources, window), cfg, enricher)


def apply(plan: Plan, forge: Forge) -> tuple[Applied, ...]:
    """Carry out a plan's pull requests; each apply is idempotent, so a rerun converges."""
    return tuple(forge.apply(pr) for pr in plan.pull_requests)


def apply_converging(
    plan: Plan, papers: Harvest, forge: Forge, cfg: Config, *, attempts: int = 3,
    enricher: enrichment.Enricher | None = None,
    abstracts: Abstracts | None = None,
    pause: Callable[[float], None] = time.sleep,
) -> tuple[Plan, tuple[Applied, ...]]:
    """Apply `plan`; when the base or a PR changed meanwhile, re-read, re-plan and retry.

    A PR closed or changed by someone else (or by another run) is never overwritten: the run
    reads the pull requests again, so papers go to the right PR (a new one if it was closed), and
    after `attempts` it stops with "another run changed the pull request; run again".
    """
    for attempt in range(1, attempts + 1):
        try:
            return plan, apply(plan, forge)
        except (BaseMoved, PullRequestChanged) as moved:
            if attempt == attempts:
                raise
            log.info("%s; reading the pull requests again and planning again", moved)
            if isinstance(moved, PullRequestChanged):
                # Two runs that collided would collide again in step: wait a random while.
                pause(random.uniform(0, 2.0 * attempt))
            plan = plan_on(forge, papers, cfg, enricher, abstracts)
    raise AssertionError("unreachable: the loop returns or raises")
