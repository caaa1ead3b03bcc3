"""The `run` command: builds the adapters from flags and config, runs the pipeline, reports."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from promptbot import abstract_cache, pipeline, report, summary
from promptbot.catalog import parse
from promptbot.config import Config
from promptbot.enrichment import Enricher
from promptbot.errors import UsageError
from promptbot.github import GitHubForge, LocalFileForge, token_from_env
from promptbot.models import REPLACEMENTS, Catalog, Harvest, Plan, Window
from promptbot.ports import Applied, Forge, Source
from promptbot.sources import user_agent, window_for
from promptbot.sources.arxiv_api import ArxivApiSource
from promptbot.sources.arxiv_html import ArxivHtmlPages
from promptbot.sources.enrichment_cache import FILE_NAME, EnrichmentCache, default_cache_dir
from promptbot.sources.listing_feed import ListingFeedSource
from promptbot.sources.politeness import Politeness
from promptbot.sources.replay import SavedFeedSource
from promptbot.sources.semantic_scholar import SemanticScholarSource

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
    window = window_for(now, cfg.arxiv.lookback_days, since, until)
    if until and not since:
        log.info("--until alone: the window is the %d day(s) up to it ([arxiv].lookback_days),"
                 " %s to %s", cfg.arxiv.lookback_days, f"{window.start:%Y-%m-%d}", until)
    return window


def build_sources(
    args: argparse.Namespace, cfg: Config, politeness: Politeness | None = None
) -> list[Source]:
    """Saved files when --feed is given, else the configured arXiv sources."""
    if args.feed:
        return [SavedFeedSource(Path(f), cfg.arxiv.announce_types,
                                replacements=cfg.updates.enabled) for f in args.feed]
    agent = user_agent(cfg.arxiv.contact)
    # One politeness clock for every arXiv endpoint: the 3-second rule is per client, not per URL.
    polite = politeness or Politeness(cfg.arxiv.delay_seconds)
    sources: list[Source] = []
    if "api" in cfg.arxiv.sources:
        sources.append(ArxivApiSource(cfg.arxiv, user_agent=agent, politeness=polite))
    if "rss" in cfg.arxiv.sources:
        sources.append(ListingFeedSource(cfg.arxiv, user_agent=agent, politeness=polite,
                                         replacements=cfg.updates.enabled))
    return sources


def build_enricher(
    args: argparse.Namespace, cfg: Config, politeness: Politeness | None = None
) -> Enricher | None:
    """The reader of proposed papers' HTML pages, or None (--no-enrich, [enrich] enabled=false)."""
    if getattr(args, "no_enrich", False) or not cfg.enrich.enabled:
        return None
    folder = Path(cfg.enrich.cache_dir).expanduser() if cfg.enrich.cache_dir else (
        default_cache_dir())
    pages = ArxivHtmlPages(cfg.arxiv, user_agent=user_agent(cfg.arxiv.contact),
                           politeness=politeness or Politeness(cfg.arxiv.delay_seconds))
    return Enricher(pages, EnrichmentCache(folder / FILE_NAME), max_pages=cfg.enrich.max_pages)


def refresh_listed(
    papers: Harvest, catalog_text: str, cfg: Config, sources: Sequence[Source], today: datetime
) -> Harvest:
    """Listed papers' current metadata by id (new versions; weekly, every listed preprint)."""
    recheck = today.isoweekday() == cfg.updates.recheck_weekday
    if not recheck and not any(p.announce_type in REPLACEMENTS for p in papers.papers):
        return papers
    api = next((s for s in sources if isinstance(s, ArxivApiSource)), None)
    if api is None:
        feed = next((s for s in sources if isinstance(s, ListingFeedSource)), None)
        api = ArxivApiSource(cfg.arxiv, user_agent=user_agent(cfg.arxiv.contact),
                             politeness=feed.politeness if feed else None,
                             id_batch=cfg.updates.recheck_batch)
    api.id_batch = cfg.updates.recheck_batch
    upd = cfg.updates
    venues = SemanticScholarSource(upd.semantic_scholar_url, batch=upd.semantic_scholar_batch,
                                   user_agent=user_agent(cfg.arxiv.contact),
                                   retries=cfg.arxiv.num_retries).venues \
        if upd.semantic_scholar else None
    return pipeline.refresh_listed(
        papers, catalog_text, api.papers_by_ids, batch=upd.recheck_batch,
        recheck=recheck, venues=venues)


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


def require_writable(flag: str, path: Path) -> None:
    """A UsageError naming `flag` unless `path` can be written (checked before the run)."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UsageError(f"{flag} {path}: is a folder, not a file")
    if not folder.is_dir():
        raise UsageError(f"{flag} {path}: the folder {folder} does not exist")
    if not os.access(path if path.exists() else folder, os.W_OK):
        raise UsageError(f"{flag} {path}: not writable")


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
    for flag, value in (("--output", args.output), ("--summary", getattr(args, "summary", None))):
        if value:
            require_writable(flag, Path(value))
    if args.catalog:  # local, so read now: a file that is no list stops before any request
        local = forge if forge is not None else build_forge(args, cfg)
        pipeline.require_list(parse(local.read_catalog().text), args.catalog)
    if not args.dry_run:
        github = forge if forge is not None else build_forge(args, cfg)
        if isinstance(github, GitHubForge):
            github.require_write_access()
    return window


@dataclass(frozen=True)
class Planned:
    """One run's plan, and what applying it (or explaining it) reads again."""

    plan: Plan
    papers: Harvest
    base: str  # the catalog text the plan was made on
    enricher: Enricher | None
    abstracts: pipeline.Abstracts | None
    listed_texts: Mapping[str, str]  # what the abstract cache gave the plan ({} without one)


class _Remembered:
    """An abstracts lookup that keeps what it last gave: `explain` reads what the plan used."""

    def __init__(self, lookup: pipeline.Abstracts) -> None:
        self._lookup = lookup
        self.last: Mapping[str, str] = {}

    def __call__(self, catalog: Catalog) -> Mapping[str, str]:
        self.last = self._lookup(catalog)
        return self.last


def plan_run(
    args: argparse.Namespace, cfg: Config, forge: Forge, *,
    sources: Sequence[Source] | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Planned:
    """A run up to its plan, the same for a dry run, a real run and `explain`: the checks, the
    papers (on a live run with the listed papers' new versions), the abstract cache, the
    enricher."""
    window = preflight(args, cfg, forge, now=now())
    polite = Politeness(cfg.arxiv.delay_seconds)  # shared by every arXiv request of the run
    live = sources is None and not args.feed
    built = build_sources(args, cfg, polite) if sources is None else None
    sources = sources if sources is not None else built or []
    papers = pipeline.harvest(sources, window)
    base = forge.read_catalog().text  # once: the updates check and the plan read the same base
    if live and cfg.updates.enabled:
        papers = refresh_listed(papers, base, cfg, sources, now())
    # Injected sources (tests) come without the API behind the abstract cache.
    lookup = build_abstracts(args, cfg, built) if built is not None else None
    abstracts = _Remembered(lookup) if lookup is not None else None
    enricher = build_enricher(args, cfg, polite)
    plan = pipeline.plan_on(forge, papers, cfg, enricher, abstracts, catalog_text=base)
    return Planned(plan, papers, base, enricher, abstracts,
                   abstracts.last if abstracts is not None else {})


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
    planned = plan_run(args, cfg, forge, sources=sources, now=now)
    plan = planned.plan
    applied: tuple[Applied, ...] = ()
    if not args.dry_run:
        plan, applied = pipeline.apply_converging(
            plan, planned.papers, forge, cfg, enricher=planned.enricher,
            abstracts=planned.abstracts)
    for note in plan.notes:
        log.info("%s", note)
    _emit(args, cfg, plan, applied)
    return 0


def _emit(args: argparse.Namespace, cfg: Config, plan: Plan, applied: Sequence[Applied]) -> None:
    path = args.catalog or cfg.catalog.path
    if args.json:
        print(report.render_json(plan, path=path))
    elif args.dry_run:
        layout = report.terminal_layout(verbose=getattr(args, "verbose", 0) > 0)
        print(report.render_text(plan, path=path, color=_use_color(), layout=layout))
    if args.output:
        Path(args.output).write_text(plan.new_text, encoding="utf-8", newline="")
    if getattr(args, "summary", None):
        with open(args.summary, "a", encoding="utf-8") as handle:
            handle.write(summary.markdown(plan, applied, dry_run=args.dry_run, path=path))
    print(summary.closing_line(plan, applied, dry_run=args.dry_run), file=sys.stderr)


def _use_color() -> bool:
    return os.isatty(1) and not os.environ.get("NO_COLOR") and not os.environ.get("CI")
