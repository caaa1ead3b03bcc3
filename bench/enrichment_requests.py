"""How many arXiv HTML requests enrichment adds to a run, per list, on real days (offline).

For each list of a history folder (the development data's `history-dev/` layout: `rows.jsonl`,
`catalogs/OWNER_NAME_SHA7.md`, `days/YYYY-MM-DD.jsonl.gz`), a few announce days are replayed:
the list as it stood that day, that day's whole arXiv feed, the default configuration. Pages
are counted, not fetched (every page is "missing"), through the real enrichment step and an
in-memory cache; each day is run twice to show that a rerun asks nothing.

    python bench/enrichment_requests.py HISTORY_DIR [--days 2] [--json]
    python bench/enrichment_requests.py --catalog LIST.md --feed FEED.xml

HISTORY_DIR is the folder holding rows.jsonl (not part of this repository).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from promptbot import config, pipeline
from promptbot.enrichment import Enricher
from promptbot.models import Harvest, Memory, Paper
from promptbot.sources.enrichment_cache import EnrichmentCache
from promptbot.sources.replay import SavedFeedSource


class CountingPages:
    """Answers every page as missing and counts the requests a real run would make."""

    def __init__(self) -> None:
        self.requests = 0

    def page(self, arxiv_id: str, version: int) -> str | None:
        """No page; one request counted."""
        self.requests += 1
        return None


def day_papers(path: Path) -> Harvest:
    """A day file of the history folder as a harvest."""
    papers: dict[str, Paper] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            categories = tuple(row.get("categories") or ())
            papers.setdefault(row["id"], Paper(
                arxiv_id=row["id"], title=" ".join(row["title"].split()),
                abstract=" ".join((row.get("summary") or "").split()),
                authors=tuple(row.get("authors") or ()), categories=categories,
                primary_category=categories[0] if categories else None,
                comment=row.get("comment"), source=path.name))
    return Harvest(papers=tuple(papers.values()))


def measure(papers: Harvest, catalog_text: str) -> dict[str, int]:
    """Requests of a first run and of a rerun with the same cache."""
    cfg = config.Config()
    pages = CountingPages()
    enricher = Enricher(pages, EnrichmentCache(None))
    first = pipeline.decide_and_plan(papers, catalog_text, Memory(), cfg, enricher)
    asked = pages.requests
    pipeline.decide_and_plan(papers, catalog_text, Memory(), cfg, enricher)
    proposed = sum(1 for d in first.decisions if d.status.value == "proposed")
    return {"haystack": len(papers.papers), "proposed": proposed, "requests": asked,
            "rerun_requests": pages.requests - asked}


def history(folder: Path, days: int) -> dict[str, list[dict[str, Any]]]:
    """Per list, the measures of its first `days` announce days."""
    rows = [json.loads(line) for line in (folder / "rows.jsonl").open(encoding="utf-8")]
    picked: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        key = (row["announce_day"], row["announce_state_sha"])
        if key not in picked[row["repo"]] and len(picked[row["repo"]]) < days:
            picked[row["repo"]].append(key)
    out: dict[str, list[dict[str, Any]]] = {}
    for repo, keys in sorted(picked.items()):
        for day, sha in keys:
            catalog = folder / "catalogs" / f"{repo.replace('/', '_')}_{sha[:7]}.md"
            result = measure(day_papers(folder / "days" / f"{day}.jsonl.gz"),
                             catalog.read_text(encoding="utf-8"))
            out.setdefault(repo, []).append({"day": day, **result})
            print(f"{repo} {day}: {result}", file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the requests per run, per list and day."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("history", nargs="?", type=Path, help="a history-dev style folder")
    parser.add_argument("--days", type=int, default=2, help="announce days per list")
    parser.add_argument("--catalog", type=Path, help="one list instead of a history folder")
    parser.add_argument("--feed", type=Path, help="with --catalog: a saved arXiv feed")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.catalog and args.feed:
        papers = SavedFeedSource(args.feed, ("new", "cross")).fetch(None)
        results = {args.catalog.name: [measure(papers, args.catalog.read_text("utf-8"))]}
    elif args.history:
        results = history(args.history, args.days)
    else:
        parser.error("give HISTORY_DIR, or --catalog and --feed")
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print(f"{'list':60} {'days':>4} {'haystack':>9} {'requests/run':>13} {'max':>4} {'rerun':>5}")
    for name, days in results.items():
        mean = sum(d["requests"] for d in days) / len(days)
        hay = sum(d["haystack"] for d in days) / len(days)
        print(f"{name:60} {len(days):>4} {hay:>9.0f} {mean:>13.1f}"
              f" {max(d['requests'] for d in days):>4} {sum(d['rerun_requests'] for d in days):>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
