"""Time parse + index of a catalog (best of N runs) and its peak memory; targets 0.3 s, 100 MB.

Usage: python bench/bench_catalog.py [CATALOG] [--runs N] [--lookups N]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

from promptbot import catalog

DEFAULT = (Path(__file__).resolve().parent.parent / "tests" / "data" / "catalogs"
           / "cmhungsteve_Awesome-Transformer-Attention_README_multimodal_2024-07-30_HEAD.md")
TARGET_SECONDS = 0.3
TARGET_MB = 100.0


def _parse_and_index(text: str) -> catalog.CatalogIndex:
    return catalog.build_index(catalog.parse(text))


def _best_of(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        _parse_and_index(text)
        best = min(best, time.perf_counter() - start)
    return best


def _peak_mb(text: str) -> float:
    tracemalloc.start()
    _parse_and_index(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def _lookups(index: catalog.CatalogIndex, count: int) -> float:
    """Seconds for `count` title lookups that miss (the scorer's usual case: new papers)."""
    titles = [f"{e.title} revisited with new data" for e in index.catalog.entries]
    queries = (titles * (count // max(len(titles), 1) + 1))[:count]
    start = time.perf_counter()
    for query in queries:
        index.by_title(query)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Print the figures; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalog", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--lookups", type=int, default=5000)
    args = parser.parse_args(argv)
    text = args.catalog.read_bytes().decode("utf-8")
    index = _parse_and_index(text)
    seconds = _best_of(text, args.runs)
    peak = _peak_mb(text)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    lookup = _lookups(index, args.lookups)
    print(f"catalog: {args.catalog.name} ({len(text.encode('utf-8')) / 1e3:.0f} kB, "
          f"{len(index.catalog.lines)} lines, {len(index.catalog.entries)} entries)")
    print(f"parse + index: {seconds * 1e3:.1f} ms (best of {args.runs}; target "
          f"{TARGET_SECONDS * 1e3:.0f} ms)")
    print(f"peak traced memory: {peak:.1f} MB (target {TARGET_MB:.0f} MB); "
          f"process max RSS: {rss:.0f} MB")
    print(f"{args.lookups} title lookups: {lookup * 1e3:.0f} ms")
    return 0 if seconds < TARGET_SECONDS and peak < TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
