"""Recall of real maintainers' picks, replayed day by day: the bot, arxiv-sanity, the learned model.

Usage: python bench/eval_history.py HISTORY_DIR [--config FILE] [--methods bot,sanity,learned]
                                    [--repos SUBSTRING] [--abstracts]

HISTORY_DIR is a history benchmark folder (rows.jsonl, catalogs/, days/*.jsonl.gz: one row per
paper a maintainer added, the list as it stood on the paper's announce day, and that day's whole
arXiv feed). For every list-day, each method ranks that day's papers not already in the list, and
the script prints, per list and in total, the recall of the maintainers' picks in the top 3, 5
and 10, and at the method's own threshold (with its proposals per list-day); for the scorer's
methods also how many picks it would place in the maintainers' section ("placed", the last
heading of their section path, compared without case, spaces or emoji):

- bot:     promptbot's decisions with the hand-written terms alone ([scoring] model = "terms",
           no volume cap), the config given (the built-in defaults if none);
- sanity:  the arxiv-sanity baseline: tf-idf (title + abstract, word 1-2 grams) and a linear SVM,
           the list's entry titles positive (judging.list_texts: the title as parsed, or the
           entry's plain text where the parser took a tag for the title) and that day's papers
           negative;
- learned: promptbot's learned relevance (judging.learned) as the pipeline runs it, with
           `[scoring] expected_per_day` set by --expected-per-day (default 5);
- raw:     the learned model alone, without the terms (for tuning; HALF, C, CHAR environment
           variables set the recency half-life, the inverse regularization, char n-grams).

--abstracts lets the learned model see the abstracts of listed papers found in the history's day
files (as a warm abstract cache would).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from promptbot import catalog as catalog_module  # noqa: E402
from promptbot import config as config_module  # noqa: E402
from promptbot.judging import Scorer  # noqa: E402
from promptbot.judging.list_texts import list_texts  # noqa: E402
from promptbot.models import Catalog, Paper, Status  # noqa: E402

KS = (3, 5, 10)
_ID = re.compile(r"(\d{4}\.\d{4,5})")


@dataclass(frozen=True)
class ListDay:
    """One list on one announce day: its catalog, the day's candidates, the maintainers' picks."""

    repo: str
    day: str
    catalog: Catalog
    cached: dict[str, str]  # listed ids -> their cached arXiv text (with --abstracts)
    papers: tuple[Paper, ...]  # the day's papers not already listed
    picks: frozenset[str]
    sections: dict[str, str]  # pick id -> the maintainers' section (its last heading)


@dataclass(frozen=True)
class Ranked:
    """A method's scores of a list-day's candidates, and which it would propose."""

    scores: tuple[float, ...]
    proposed: frozenset[str]
    sections: dict[str, str] | None = None  # id -> the section chosen (scorer methods)


def to_paper(row: dict[str, object], source: str) -> Paper:
    """A Paper from one day-file row."""
    categories: tuple[str, ...] = tuple(row.get("categories") or ())  # type: ignore[arg-type]
    return Paper(
        arxiv_id=str(row["id"]), title=" ".join(str(row["title"]).split()),
        abstract=" ".join(str(row.get("summary") or "").split()),
        authors=tuple(row.get("authors") or ()),  # type: ignore[arg-type]
        categories=categories, primary_category=categories[0] if categories else None,
        comment=row.get("comment"), abs_url=str(row.get("abs") or ""), source=source,  # type: ignore[arg-type]
    )


def load_day(folder: Path, day: str) -> list[Paper]:
    """The papers of one day file, first occurrence of each id."""
    seen: dict[str, Paper] = {}
    with gzip.open(folder / "days" / f"{day}.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                seen.setdefault(str(row["id"]), to_paper(row, day))
    return list(seen.values())


def load_abstracts(folder: Path) -> dict[str, str]:
    """id -> "title\nabstract" of every paper in the history's day files: what a warm abstract
    cache holds for the listed papers announced on those days."""
    out: dict[str, str] = {}
    for path in sorted((folder / "days").glob("*.jsonl.gz")):
        for paper in load_day(folder, path.name.removesuffix(".jsonl.gz")):
            out.setdefault(paper.arxiv_id, f"{paper.title}\n{paper.abstract}")
    return out


def load_list_days(folder: Path, repos: str, abstracts: dict[str, str]) -> list[ListDay]:
    """Every (list, announce day) of the rows, with the catalog of that day."""
    rows = [json.loads(line) for line in (folder / "rows.jsonl").open(encoding="utf-8")]
    picks: dict[tuple[str, str], set[str]] = defaultdict(set)
    shas: dict[tuple[str, str], str] = {}
    sections: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for row in rows:
        if repos and repos.lower() not in row["repo"].lower():
            continue
        key = (row["repo"], row["announce_day"])
        picks[key].add(row["arxiv_id"])
        sections[key][row["arxiv_id"]] = row["section"].split(" > ")[-1].strip()
        shas[key] = row["announce_state_sha"][:7]
    out = []
    for (repo, day), ids in sorted(picks.items()):
        path = folder / "catalogs" / f"{repo.replace('/', '_')}_{shas[(repo, day)]}.md"
        text = path.read_bytes().decode("utf-8")
        catalog = catalog_module.parse(text)
        listed = set(_ID.findall(text))
        papers = tuple(p for p in load_day(folder, day) if p.arxiv_id not in listed)
        cached = {i: abstracts[i] for i in listed if i in abstracts}
        out.append(ListDay(repo, day, catalog, cached, papers, frozenset(ids),
                           sections[(repo, day)]))
    return out


def rank_bot(item: ListDay, cfg: config_module.Config) -> Ranked:
    """promptbot's scores and proposals with the hand-written terms alone (before the learned
    model)."""
    # The bot as it ran before the learned model: terms alone, no volume cap.
    cfg = replace(cfg, scoring=replace(cfg.scoring, model="terms", expected_per_day=0.0))
    decisions = Scorer(item.catalog, cfg).decide_many(item.papers)
    return Ranked(tuple(d.score if d.status is not Status.LISTED else -1.0 for d in decisions),
                  frozenset(d.paper.arxiv_id for d in decisions if d.status is Status.PROPOSED),
                  {d.paper.arxiv_id: d.section or "" for d in decisions})


def rank_sanity(item: ListDay, _: config_module.Config) -> Ranked:
    """arxiv-sanity: tf-idf + LinearSVC, the list's titles against the day's papers."""
    titles = list(list_texts(item.catalog))
    texts = [f"{p.title} {p.abstract}" for p in item.papers]
    if not titles:
        return Ranked(tuple(0.0 for _ in texts), frozenset())
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, stop_words="english",
                                 max_features=20000)
    matrix = vectorizer.fit_transform(titles + texts)
    labels = np.array([1] * len(titles) + [0] * len(texts))
    svm = LinearSVC(class_weight="balanced", C=0.1, max_iter=10000, tol=1e-6)
    svm.fit(matrix, labels)
    scores = svm.decision_function(matrix[len(titles):])
    return Ranked(tuple(float(s) for s in scores),
                  frozenset(p.arxiv_id for p, s in zip(item.papers, scores, strict=True) if s > 0))


def recall_table(
    items: Sequence[ListDay], ranked: Sequence[Ranked]
) -> dict[str, dict[str, float]]:
    """Per repo (and 'total'): picks, hits at each k and at the threshold, proposals, list-days."""
    table: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for item, result in zip(items, ranked, strict=True):
        order = np.argsort(-np.asarray(result.scores), kind="stable")
        ids = [item.papers[i].arxiv_id for i in order]
        for key in (item.repo, "total"):
            row = table[key]
            row["picks"] += len(item.picks)
            row["days"] += 1
            row["proposed"] += len(result.proposed)
            row["at threshold"] += len(item.picks & result.proposed)
            for k in KS:
                row[f"top{k}"] += len(item.picks & set(ids[:k]))
            if result.sections is not None:
                row["placing"] = 1
                row["placed"] += sum(_same_section(result.sections.get(i, ""), s)
                                     for i, s in item.sections.items())
    return table


def _same_section(chosen: str, theirs: str) -> bool:
    """The scorer's heading names the maintainers' section (emoji and spacing aside); a name
    that is a heading path (`🌁 Vision > 2026`, where headings repeat) by its last heading."""
    def key(text: str) -> str:
        return re.sub(r"[^0-9a-z]+", "", text.lower())
    return bool(chosen) and key(chosen.split(" > ")[-1]) == key(theirs)


def show(name: str, table: dict[str, dict[str, float]]) -> None:
    """One line per list, then the total."""
    print(f"\n== {name}")
    print(f"{'list':44} {'picks':>5} " + " ".join(f"{'top' + str(k):>9}" for k in KS)
          + f" {'@thresh':>9} {'prop/day':>8} {'placed':>9}")
    for repo in sorted(table, key=lambda r: (r == "total", r)):
        row = table[repo]
        picks = row["picks"]
        cells = " ".join(f"{int(row[f'top{k}']):>3} {row[f'top{k}'] / picks:>4.0%}" for k in KS)
        print(f"{repo[:44]:44} {int(picks):>5} {cells} {int(row['at threshold']):>3} "
              f"{row['at threshold'] / picks:>4.0%} {row['proposed'] / row['days']:>8.1f} "
              + (f"{int(row['placed']):>3} {row['placed'] / picks:>4.0%}" if row["placing"]
                 else f"{'-':>8}"))


def main(argv: Sequence[str] | None = None) -> int:
    """Load, rank with each method, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("history", type=Path, help="the history benchmark folder (rows.jsonl, "
                        "catalogs/, days/)")
    parser.add_argument("--config", type=Path, default=None, help="default: built-in defaults")
    parser.add_argument("--methods", default="bot,sanity,learned")
    parser.add_argument("--repos", default="", help="only lists whose name contains this")
    parser.add_argument("--expected-per-day", type=float, default=5.0,
                        help="[scoring] expected_per_day for the learned method (default 5)")
    parser.add_argument("--abstracts", action="store_true",
                        help="the learned model sees listed papers' abstracts from the day files")
    args = parser.parse_args(argv)
    cfg = config_module.load(args.config)
    cfg = replace(cfg, scoring=replace(cfg.scoring, expected_per_day=args.expected_per_day))
    abstracts = load_abstracts(args.history) if args.abstracts else {}
    items = load_list_days(args.history, args.repos, abstracts)
    print(f"{len(items)} list-days, {sum(len(i.picks) for i in items)} picks, "
          f"{sum(len(i.papers) for i in items) / max(len(items), 1):.0f} candidates per list-day")
    methods: dict[str, Callable[[ListDay, config_module.Config], Ranked]] = {
        "bot": rank_bot, "sanity": rank_sanity, "learned": rank_learned, "raw": rank_raw}
    for name in args.methods.split(","):
        started = time.perf_counter()
        ranked = [methods[name](item, cfg) for item in items]
        show(f"{name} ({time.perf_counter() - started:.1f} s)", recall_table(items, ranked))
    return 0


def rank_learned(item: ListDay, cfg: config_module.Config) -> Ranked:
    """promptbot's learned relevance, as the scorer runs it."""
    decisions = Scorer(item.catalog, cfg, abstracts=item.cached).decide_many(item.papers)
    return Ranked(tuple(d.score if d.status is not Status.LISTED else -1.0 for d in decisions),
                  frozenset(d.paper.arxiv_id for d in decisions if d.status is Status.PROPOSED),
                  {d.paper.arxiv_id: d.section or "" for d in decisions})


def rank_raw(item: ListDay, cfg: config_module.Config) -> Ranked:
    """The learned model alone (for tuning)."""
    import os

    from promptbot.judging.learned import Examples, LearnedRelevance, recency_weights
    from promptbot.judging.list_texts import list_examples
    pairs = list_examples(item.catalog, item.cached)
    newest = max(p.arxiv_id for p in item.papers)
    weights = recency_weights([i for _, i in pairs], newest, float(os.environ.get("HALF", "0")))
    model = LearnedRelevance(Examples(tuple(t for t, _ in pairs), positive_weights=weights),
                             char_ngrams=bool(os.environ.get("CHAR")),
                             c=float(os.environ.get("C", "1")))
    judged = model.judge([f"{p.title}\n{p.abstract}" for p in item.papers])
    return Ranked(tuple(j.probability for j in judged), frozenset(
        p.arxiv_id for p, j in zip(item.papers, judged, strict=True) if j.probability >= 0.5))


if __name__ == "__main__":
    sys.exit(main())
