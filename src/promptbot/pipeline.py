"""The shell, top to bottom: fetch papers, read the catalog and memory, decide, plan, apply."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence

from promptbot import planning
from promptbot.catalog import parse
from promptbot.config import Config
from promptbot.errors import BaseMoved
from promptbot.github import pending, rejected
from promptbot.judging import Scorer
from promptbot.judging.reviews import reviews_of
from promptbot.models import Catalog, Harvest, Memory, Plan, Window
from promptbot.ports import Applied, Forge, Source
from promptbot.sources import merge

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


def decide_and_plan(
    papers: Harvest, catalog_text: str, memory: Memory, cfg: Config,
    abstracts: Abstracts | None = None,
) -> Plan:
    """The pure part of a run: the same Plan whether or not it is applied afterwards."""
    catalog = parse(catalog_text)
    cached = abstracts(catalog) if abstracts is not None else {}
    scorer = Scorer(catalog, cfg, abstracts=cached)
    turned_down = rejected(memory, scorer.index)  # the index tells which rejected ids came back
    scorer.learn_reviews(reviews_of(memory, turned_down, cached))
    decisions = scorer.decide_many(
        papers.papers,
        pending=pending(memory),
        rejected=turned_down,
    )
    return planning.plan(catalog, decisions, memory, cfg, notes=(*papers.notes, *scorer.notes))


def plan_on(forge: Forge, papers: Harvest, cfg: Config, abstracts: Abstracts | None = None
            ) -> Plan:
    """Read the catalog and the bot's PRs from the forge, then plan."""
    catalog_file = forge.read_catalog()
    memory = forge.read_memory()
    return decide_and_plan(papers, catalog_file.text, memory, cfg, abstracts)


def run(cfg: Config, sources: Sequence[Source], forge: Forge, window: Window | None) -> Plan:
    """Compute the plan of one run: arXiv first, so a failing source changes nothing on GitHub."""
    return plan_on(forge, harvest(sources, window), cfg)


def apply(plan: Plan, forge: Forge) -> tuple[Applied, ...]:
    """Carry out a plan's pull requests; each apply is idempotent, so a rerun converges."""
    return tuple(forge.apply(pr) for pr in plan.pull_requests)


def apply_converging(
    plan: Plan, papers: Harvest, forge: Forge, cfg: Config, *, attempts: int = 3,
    abstracts: Abstracts | None = None,
) -> tuple[Plan, tuple[Applied, ...]]:
    """Apply `plan`; when the base moved meanwhile, re-read, re-plan on the new base and retry."""
    for attempt in range(1, attempts + 1):
        try:
            return plan, apply(plan, forge)
        except BaseMoved as moved:
            if attempt == attempts:
                raise
            log.info("%s; planning again on the new base", moved)
            plan = plan_on(forge, papers, cfg, abstracts)
    raise AssertionError("unreachable: the loop returns or raises")
