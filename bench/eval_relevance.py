"""Relevance on real labelled papers: precision, recall, F1 with title + abstract and title only.

Usage: python bench/eval_relevance.py [--catalog FILE] [--config FILE] [--quiet]
                                      [METADATA.jsonl LABELS.tsv ...]

Runs the real scorer (promptbot.judging.scoring.decide_all), offline, over arXiv metadata files
(one JSON object a line: id, title, summary, categories, comment, authors; lines may repeat)
against labels (id, label yes/maybe/no; `maybe` left out), and prints the figures and every
misclassified paper with its reasons. Defaults: tests/data/eval/ and the seed catalog, with the
shipped config.toml.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from promptbot import catalog as catalog_module  # noqa: E402
from promptbot import config as config_module  # noqa: E402
from promptbot.judging import decide_all  # noqa: E402
from promptbot.models import Decision, Paper, Status  # noqa: E402

EVAL = ROOT / "tests" / "data" / "eval"
SEED = ROOT / "tests" / "data" / "catalogs" / "seed_Awesome-Prompt-Learning-CV.md"


def load_papers(path: Path) -> list[Paper]:
    """Papers of one metadata file, first occurrence of each id."""
    papers: dict[str, Paper] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row["id"] in papers:
            continue
        categories = tuple(row.get("categories") or ())
        papers[row["id"]] = Paper(
            arxiv_id=row["id"], title=" ".join(row["title"].split()),
            abstract=" ".join((row.get("summary") or "").split()),
            authors=tuple(row.get("authors") or ()), categories=categories,
            primary_category=categories[0] if categories else None,
            comment=row.get("comment"), abs_url=row.get("abs") or "", source=path.name,
        )
    return list(papers.values())


def load_labels(path: Path) -> dict[str, str]:
    """id -> yes / maybe / no."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row["label"] for row in csv.DictReader(handle, delimiter="\t")}


def figures(decisions: Sequence[Decision], labels: dict[str, str]) -> dict[str, object]:
    """Precision, recall, F1 and the misclassified decisions (`maybe` and unlabelled left out)."""
    tp, wrong = 0, []
    fp = fn = 0
    for d in decisions:
        label = labels.get(d.paper.arxiv_id)
        if label not in ("yes", "no"):
            continue
        predicted = d.status is not Status.IRRELEVANT
        if predicted and label == "yes":
            tp += 1
        elif predicted:
            fp += 1
            wrong.append(("false positive", d))
        elif label == "yes":
            fn += 1
            wrong.append(("missed", d))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1,
            "wrong": wrong}


def report(name: str, result: dict[str, object], quiet: bool) -> None:
    """Print one line of figures, then the misclassified papers with their reasons."""
    print(f"{name}: precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
          f"F1 {result['f1']:.3f}  (tp {result['tp']}, fp {result['fp']}, fn {result['fn']})")
    if quiet:
        return
    for kind, d in result["wrong"]:  # type: ignore[attr-defined]
        print(f"  {kind}: {d.paper.arxiv_id} {d.paper.title[:90]}")
        for reason in d.reasons[1:]:
            print(f"      {reason}")


def main(argv: Sequence[str] | None = None) -> int:
    """Evaluate both modes over every (metadata, labels) pair given, then per file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="METADATA.jsonl LABELS.tsv pairs")
    parser.add_argument("--catalog", type=Path, default=SEED)
    parser.add_argument("--config", type=Path, default=ROOT / "config.toml")
    parser.add_argument("--quiet", action="store_true", help="figures only")
    parser.add_argument("--expected-per-day", type=float, default=0.0,
                        help="[scoring] expected_per_day (default 0, no cap: the labelled days"
                        " carry no dates, so the volume cap would count them as one day)")
    args = parser.parse_args(argv)
    files = list(args.files) or [p for d in sorted(EVAL.glob("metadata-*.jsonl"))
                                 for p in (d, EVAL / d.name.replace("metadata", "labels")
                                           .replace(".jsonl", ".tsv"))]
    if len(files) % 2:
        parser.error("give METADATA.jsonl LABELS.tsv pairs")
    cfg = config_module.load(args.config)
    cfg = replace(cfg, scoring=replace(cfg.scoring, expected_per_day=args.expected_per_day))
    catalog = catalog_module.parse(args.catalog.read_text(encoding="utf-8"))
    days = [(load_papers(files[i]), load_labels(files[i + 1])) for i in range(0, len(files), 2)]
    papers = [p for ps, _ in days for p in ps]
    labels = {k: v for _, ls in days for k, v in ls.items()}
    print(f"{len(papers)} papers, {sum(v == 'yes' for v in labels.values())} yes, "
          f"{sum(v == 'no' for v in labels.values())} no; catalog {args.catalog.name} "
          f"({len(catalog.entries)} entries); threshold {cfg.scoring.threshold}")
    for mode, batch in (("title + abstract", papers),
                        ("title only", [replace(p, abstract="") for p in papers])):
        decisions, _ = decide_all(batch, catalog, cfg)
        report(mode, figures(decisions, labels), args.quiet)
        if len(days) > 1:
            for (ps, ls), path in zip(days, files[::2], strict=True):
                ids = {p.arxiv_id for p in ps}
                part = [d for d in decisions if d.paper.arxiv_id in ids]
                report(f"  {path.stem}, {mode}", figures(part, ls), True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
