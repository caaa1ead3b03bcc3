"""Speed and memory of scoring: 5,000 candidates against the ~1,840-entry multimodal list.

Usage: python bench/bench_scoring.py [--count N] [--catalog FILE] [--repeat R]

Candidates are the real labelled arXiv papers (tests/data/eval), repeated with fresh ids and
perturbed titles. Prints the time to build the scorer (index, tf-idf, placement) and to decide
every candidate, the process's peak resident memory, and the peak of Python allocations.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import tracemalloc
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from eval_relevance import EVAL, load_papers  # noqa: E402

from promptbot import catalog as catalog_module  # noqa: E402
from promptbot import config as config_module  # noqa: E402
from promptbot.judging import Scorer  # noqa: E402
from promptbot.models import Decision, Paper  # noqa: E402

MULTIMODAL = (ROOT / "tests" / "data" / "catalogs"
              / "cmhungsteve_Awesome-Transformer-Attention_README_multimodal_2024-07-30_HEAD.md")
_SUFFIXES = ("", " revisited", ": a closer look", " (extended version)", " at scale",
             " for the real world", " without labels", " in the wild")


def candidates(count: int) -> list[Paper]:
    """`count` papers: the real ones, then copies with fresh ids and perturbed titles."""
    real = [p for path in sorted(EVAL.glob("metadata-*.jsonl")) for p in load_papers(path)]
    out = []
    for i in range(count):
        base = real[i % len(real)]
        round_ = i // len(real)
        title = (base.title.lower() if round_ % 2 else base.title) + _SUFFIXES[round_ % 8]
        out.append(replace(base, arxiv_id=f"29{i % 12 + 1:02d}.{i:05d}", title=title))
    return out


def run(text: str, cfg: config_module.Config, papers: list[Paper]) -> tuple[float, float, Scorer,
                                                                            tuple[Decision, ...]]:
    """Parse and build, then decide: the two times, the scorer and the decisions."""
    started = time.perf_counter()
    scorer = Scorer(catalog_module.parse(text), cfg)
    built = time.perf_counter()
    decisions = scorer.decide_many(papers)
    return built - started, time.perf_counter() - built, scorer, decisions


def main() -> int:
    """Build once, decide all, report the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--catalog", type=Path, default=MULTIMODAL)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best time is shown")
    args = parser.parse_args()
    cfg = config_module.load(ROOT / "config.toml")
    papers = candidates(args.count)
    text = args.catalog.read_text(encoding="utf-8")
    baseline_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    timings = [run(text, cfg, papers)[:2] for _ in range(args.repeat)]
    build, decide = min(timings, key=sum)
    tracemalloc.start()
    _, _, scorer, decisions = run(text, cfg, papers)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cat = scorer.catalog
    statuses = Counter(d.status.value for d in decisions)
    print(f"catalog {args.catalog.name}: {len(cat.entries)} entries, {len(cat.sections)} sections")
    print(f"candidates {len(papers)}: {dict(statuses)}")
    print(f"parse + build scorer {build:.3f} s; decide {decide:.3f} s; total "
          f"{build + decide:.3f} s (best of {args.repeat}); load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"peak resident memory {rss_mb:.0f} MB (whole process; {baseline_mb:.0f} MB before "
          f"scoring: imports and candidates); peak Python allocations while scoring "
          f"{traced_peak / 2**20:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
