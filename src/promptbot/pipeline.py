"""The shell, top to bottom: fetch papers, read the catalog and memory, decide, plan, apply."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from promptbot import planning
from promptbot.catalog import parse
from promptbot.config import Config
from promptbot.entries import plain
from promptbot.errors import BaseMoved, CatalogError
from promptbot.github import pending, rejected
from promptbot.judging import Scorer
from promptbot.models import Catalog, Harvest, Memory, Paper, Plan, Window
from promptbot.ports import Applied, Forge, Source
from promptbot.sources import merge

log = logging.getLogger("promptbot")


def harvest(sources: Sequence[Source], window: Window | None) -> Harvest:
    """Papers from every source, merged by id; any source failure stops the run here."""
    found = []
    for source in sources:
        result = source.fetch(window)
        log.info("%s: %d paper(s)", source.name, len(result.papers))
        found.append(result)
    return merge(found)


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


def decide_and_plan(papers: Harvest, catalog_text: str, memory: Memory, cfg: Config) -> Plan:
    """The pure part of a run: the same Plan whether or not it is applied afterwards."""
    catalog = require_list(parse(catalog_text), cfg.catalog.path)
    scorer = Scorer(catalog, cfg)  # its catalog index also tells which rejected ids came back
    candidates, untitled = titled(papers.papers)
    decisions = scorer.decide_many(
        candidates,
        pending=pending(memory),
        rejected=rejected(memory, scorer.index),
    )
    notes = (*papers.notes, *untitled, *scorer.notes)
    return planning.plan(catalog, decisions, memory, cfg, notes=notes)


def plan_on(forge: Forge, papers: Harvest, cfg: Config) -> Plan:
    """Read the catalog and the bot's PRs from the forge, then plan."""
    catalog_file = forge.read_catalog()
    memory = forge.read_memory()
    return decide_and_plan(papers, catalog_file.text, memory, cfg)


def run(cfg: Config, sources: Sequence[Source], forge: Forge, window: Window | None) -> Plan:
    """Compute the plan of one run: arXiv first, so a failing source changes nothing on GitHub."""
    return plan_on(forge, harvest(sources, window), cfg)


def apply(plan: Plan, forge: Forge) -> tuple[Applied, ...]:
    """Carry out a plan's pull requests; each apply is idempotent, so a rerun converges."""
    return tuple(forge.apply(pr) for pr in plan.pull_requests)


def apply_converging(
    plan: Plan, papers: Harvest, forge: Forge, cfg: Config, *, attempts: int = 3
) -> tuple[Plan, tuple[Applied, ...]]:
    """Apply `plan`; when the base moved meanwhile, re-read, re-plan on the new base and retry."""
    for attempt in range(1, attempts + 1):
        try:
            return plan, apply(plan, forge)
        except BaseMoved as moved:
            if attempt == attempts:
                raise
            log.info("%s; planning again on the new base", moved)
            plan = plan_on(forge, papers, cfg)
    raise AssertionError("unreachable: the loop returns or raises")
