"""The shell, top to bottom: fetch papers, read the catalog and memory, decide, plan, apply."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Sequence

from promptbot import planning
from promptbot.catalog import parse
from promptbot.config import Config
from promptbot.errors import BaseMoved, PullRequestChanged
from promptbot.github import pending, rejected
from promptbot.judging import Scorer
from promptbot.models import Harvest, Memory, Plan, Window
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


def decide_and_plan(papers: Harvest, catalog_text: str, memory: Memory, cfg: Config) -> Plan:
    """The pure part of a run: the same Plan whether or not it is applied afterwards."""
    catalog = parse(catalog_text)
    scorer = Scorer(catalog, cfg)  # its catalog index also tells which rejected ids came back
    decisions = scorer.decide_many(
        papers.papers,
        pending=pending(memory),
        rejected=rejected(memory, scorer.index),
    )
    return planning.plan(catalog, decisions, memory, cfg, notes=(*papers.notes, *scorer.notes))


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
    plan: Plan, papers: Harvest, forge: Forge, cfg: Config, *, attempts: int = 3,
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
            plan = plan_on(forge, papers, cfg)
    raise AssertionError("unreachable: the loop returns or raises")
