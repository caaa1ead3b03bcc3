"""Every decision on bench_scoring's candidates as JSON lines: proof that a speed-up changes none.

Usage: python bench/dump_decisions.py [--count N] [--catalog FILE] > decisions.jsonl

Run it on the code before and after a change and compare the two files (`cmp`, `diff`). Each line
holds the arXiv id, status, score (the relevance at 6 digits, before the decision rounds it),
the learned probability and its words, section and section confidence, duplicate, every reason
and the entry fields. Every figure is deterministic: both linear models' solvers are seeded.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_scoring import MULTIMODAL, candidates  # noqa: E402

from promptbot import catalog as catalog_module  # noqa: E402
from promptbot import config as config_module  # noqa: E402
from promptbot.judging import Scorer  # noqa: E402
from promptbot.judging.learned import Judged  # noqa: E402
from promptbot.judging.relevance import Relevance  # noqa: E402


def main() -> int:
    """Decide bench_scoring's candidates and print each decision as one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--catalog", type=Path, default=MULTIMODAL)
    args = parser.parse_args()
    scorer = Scorer(catalog_module.parse(args.catalog.read_text(encoding="utf-8")),
                    config_module.load(ROOT / "config.toml"))
    views: list[tuple[float, float | None, list[str]]] = []
    apply = scorer.learned.apply

    def recording(relevances: Sequence[Relevance], judged: Sequence[Judged | None]
                  ) -> tuple[Relevance, ...]:
        # The decision keeps the score at 4 digits; the relevance before it has them all.
        out = apply(relevances, judged)
        views.extend((round(r.score, 6), None if j is None else round(j.probability, 6),
                      [] if j is None else list(j.words)) for r, j in zip(out, judged, strict=True))
        return out

    scorer.learned.apply = recording  # type: ignore[method-assign]
    decisions = scorer.decide_many(candidates(args.count))
    for d, (score, probability, words) in zip(decisions, views, strict=True):
        print(json.dumps({
            "id": d.paper.arxiv_id, "status": d.status.value, "score": score,
            "probability": probability, "words": words, "section": d.section,
            "section_confidence": d.section_confidence, "duplicate_line": d.duplicate_line,
            "reasons": list(d.reasons), "fields": repr(d.fields)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
