"""The `run` command: builds the adapters from flags and config, runs the pipeline, reports."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from promptbot import abstract_cache, pipeline, report, summary
from promptbot.config import Config
from promptbot.errors import UsageError
from promptbot.github import GitHubForge, LocalFileForge, token_from_env
from promptbot.models import Plan, Window
from promptbot.ports import Applied, Forge, Source
from promptbot.sources import user_agent, window_for
from promptbot.sources.arxiv_api import ArxivApiSource
from promptbot.sources.listing_feed import ListingFeedSource
from promptbot.sources.politeness import Politeness
from promptbot.sources.replay import SavedFeedSource

log = logging.getLogger("promptbot")


def parse_date(value: str | None, flag: str) -> date | None:
    """A YYYY-MM-DD flag value, or a UsageError naming the flag."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{flag} {value!r}: expected a date as YYYY-MM-DD") from None


def run_window(args: argparse.Namespace, cfg: Config, now: datetime) -> Window | None:
    """The submission window: --since/--until, else the look-back; None to replay files whole."""
    since = parse_date(args.since, "--since")
    until = parse_date(args.until, "--until")
    if args.feed and not (since or until):
        return None
    return window_for(now, cfg.arxiv.lookback_days, since, until)


def build_sources(args: argparse.Namespace, cfg: Config) -> list[Source]:
    """Saved files when --feed is given, else the configured arXiv sources."""
    if args.feed:
        return [SavedFeedSource(Path(f), cfg.arxiv.announce_types) for f in args.feed]
    agent = user_agent(cfg.arxiv.contact)
    # One politeness clock for every arXiv endpoint: the 3-second rule is per client, not per URL.
    polite = Politeness(cfg.arxiv.delay_seconds)
    sources: list[Source] = []
    if "api" in cfg.arxiv.sources:
        sources.append(ArxivApiSource(cfg.arxiv, user_agent=agent, politeness=polite))
    if "rss" in cfg.arxiv.sources:
        sources.append(ListingFeedSource(cfg.arxiv, user_agent=agent, politeness=polite))
    return sources


def build_abstracts(
    args: argparse.Namespace, cfg: Config, sources: Sequence[Source] = ()
) -> pipeline.Abstracts | None:
    """The abstract cache, refreshed through the arXiv API (spaced with the run's other arXiv
    requests); None when replaying saved feeds, when the terms alone decide, or when no cache
    file is configured."""
    if args.feed or cfg.scoring.model != "learned" or not cfg.scoring.abstract_cache.strip():
        return None
    polite = next((s.politeness for s in sources if isinstance(s, ArxivApiSource)),
                  Politeness(cfg.arxiv.delay_seconds))
    source = ArxivApiSource(cfg.arxiv, user_agent=user_agent(cfg.arxiv.contact),
                            politeness=polite)
    return abstract_cache.lookup(Path(cfg.scoring.abstract_cache), source.papers_by_ids)


def build_forge(args: argparse.Namespace, cfg: Config) -> Forge:
    """The local file for --catalog, else GitHub (a dry run needs no token on a public repo)."""
    if args.catalog:
        return LocalFileForge(Path(args.catalog))
    return GitHubForge(cfg, token_from_env(os.environ))


def fetch_catalog_text(cfg: Config) -> str:
    """The configured catalog's text, read from GitHub (for `check` without --catalog)."""
    return GitHubForge(cfg, token_from_env(os.environ)).read_catalog().text


def preflight(
    args: argparse.Namespace, cfg: Config, forge: Forge | None = None, *,
    now: datetime | None = None,
) -> Window | None:
    """Check what a run can see before asking anyone anything (flags, dates, token); the window."""
    if not args.dry_run and args.catalog:
        raise UsageError(
            "--catalog FILE works with --dry-run only; a real run edits the list on GitHub"
        )
    window = run_window(args, cfg, now or datetime.now(UTC))
    if not args.dry_run:
        github = forge if forge is not None else build_forge(args, cfg)
        if isinstance(github, GitHubForge):
            github.require_write_access()
    return window


def run_command(
    args: argparse.Namespace,
    cfg: Config,
    *,
    sources: Sequence[Source] | None = None,
    forge: Forge | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> int:
    """One run: plan it, show it (dry run) or apply it, and summarize; returns the exit code."""
    forge = forge if forge is not None else build_forge(args, cfg)
    window = preflight(args, cfg, forge, now=now())
    built = build_sources(args, cfg) if sources is None else None
    papers = pipeline.harvest(sources if sources is not None else built or [], window)
    # Injected sources (tests) come without the API behind the abstract cache.
    abstracts = build_abstracts(args, cfg, built) if built is not None else None
    plan = pipeline.plan_on(forge, papers, cfg, abstracts)
    applied: tuple[Applied, ...] = ()
    if not args.dry_run:
        plan, applied = pipeline.apply_converging(plan, papers, forge, cfg, abstracts=abstracts)
    for note in plan.notes:
        log.info("%s", note)
    _emit(args, cfg, plan, applied)
    return 0


def _emit(args: argparse.Namespace, cfg: Config, plan: Plan, applied: Sequence[Applied]) -> None:
    path = args.catalog or cfg.catalog.path
    if args.json:
        print(report.render_json(plan, path=path))
    elif args.dry_run:
        print(report.render_text(plan, path=path, color=_use_color()))
    if args.output:
        Path(args.output).write_text(plan.new_text, encoding="utf-8", newline="")
    if getattr(args, "summary", None):
        with open(args.summary, "a", encoding="utf-8") as handle:
            handle.write(summary.markdown(plan, applied, dry_run=args.dry_run))
    print(summary.closing_line(plan, applied, dry_run=args.dry_run), file=sys.stderr)


def _use_color() -> bool:
    return os.isatty(1) and not os.environ.get("NO_COLOR") and not os.environ.get("CI")
