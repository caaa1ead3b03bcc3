"""Relevance on the labelled dev days, threshold chosen on one day and tested on the other.

Usage: python bench/eval_dev_days.py [--catalog FILE] [--config FILE] [--model learned|terms]
                                     [METADATA_A.jsonl LABELS_A.tsv METADATA_B.jsonl LABELS_B.tsv]

Each day is one run's window (the learned model's negatives are that day's papers). On day A the
threshold with the best F1 is chosen (ties: the lowest, favouring recall), halfway down to the
next lower score (the middle of the gap, not one paper's own score); the script prints
precision and recall on day B at that threshold, then the same the other way round. `maybe` and
unlabelled papers are left out; a paper already in the catalog counts as predicted relevant.
Defaults: tests/data/eval/ (copies of the labelled days) and the seed catalog with config.toml.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from eval_relevance import EVAL, SEED, load_labels, load_papers  # noqa: E402

from promptbot import catalog as catalog_module  # noqa: E402
from promptbot import config as config_module  # noqa: E402
from promptbot.judging import decide_all  # noqa: E402
from promptbot.models import Catalog, Status  # noqa: E402

Scored = list[tuple[float, bool]]  # (score, labelled yes), listed papers scored 1.0


def scored_day(papers_path: Path, labels_path: Path, catalog: Catalog,
               cfg: config_module.Config) -> Scored:
    """Every labelled yes/no paper of one day with its score, the day being one window."""
    labels = load_labels(labels_path)
    decisions, _ = decide_all(load_papers(papers_path), catalog, cfg)
    return [(1.0 if d.status is Status.LISTED else d.score, labels[d.paper.arxiv_id] == "yes")
            for d in decisions if labels.get(d.paper.arxiv_id) in ("yes", "no")]


def counts(day: Scored, threshold: float) -> tuple[int, int, int]:
    """True positives, false positives, false negatives at `threshold`."""
    tp = sum(1 for s, yes in day if s >= threshold and yes)
    fp = sum(1 for s, yes in day if s >= threshold and not yes)
    fn = sum(1 for s, yes in day if s < threshold and yes)
    return tp, fp, fn


def f1(tp: int, fp: int, fn: int) -> float:
    """The F1 of these counts (0 when nothing is found)."""
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def choose(day: Scored) -> float:
    """The threshold with the best F1 on `day` (ties: the lowest), moved halfway down to the
    next lower score: any cut in that gap sorts `day` alike, and its middle does not sit on
    one paper's score, as a cut at the lowest relevant paper's own score would."""
    candidates = sorted({s for s, _ in day})
    best = max(candidates, key=lambda t: (f1(*counts(day, t)), -t))
    below = [s for s in candidates if s < best]
    return (best + below[-1]) / 2 if below else best


def line(name: str, day: Scored, threshold: float) -> str:
    """Precision and recall at `threshold`."""
    tp, fp, fn = counts(day, threshold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return (f"{name}: threshold {threshold:.4f}  precision {precision:.3f}  recall {recall:.3f}"
            f"  (tp {tp}, fp {fp}, fn {fn})")


def main(argv: Sequence[str] | None = None) -> int:
    """Choose on each day, test on the other."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="two METADATA.jsonl LABELS.tsv pairs")
    parser.add_argument("--catalog", type=Path, default=SEED)
    parser.add_argument("--config", type=Path, default=ROOT / "config.toml")
    parser.add_argument("--model", choices=("learned", "terms"), default=None)
    args = parser.parse_args(argv)
    files = list(args.files) or [p for d in sorted(EVAL.glob("metadata-*.jsonl"))
                                 for p in (d, EVAL / d.name.replace("metadata", "labels")
                                           .replace(".jsonl", ".tsv"))]
    if len(files) != 4:
        parser.error("give two METADATA.jsonl LABELS.tsv pairs")
    cfg = config_module.load(args.config)
    if args.model:
        cfg = replace(cfg, scoring=replace(cfg.scoring, model=args.model))
    catalog = catalog_module.parse(args.catalog.read_text(encoding="utf-8"))
    a = scored_day(files[0], files[1], catalog, cfg)
    b = scored_day(files[2], files[3], catalog, cfg)
    print(f"model {cfg.scoring.model}; catalog {args.catalog.name}")
    for (train, test, name_a, name_b) in ((a, b, files[0].stem, files[2].stem),
                                          (b, a, files[2].stem, files[0].stem)):
        threshold = choose(train)
        print(line(f"chosen on {name_a}", train, threshold))
        print(line(f"  tested on {name_b}", test, threshold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
