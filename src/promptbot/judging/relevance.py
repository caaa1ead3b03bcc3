"""Relevance of a paper to the list: keyword evidence, similarity to the catalog, and category.

A paper earns points from configured terms (a title hit weighs `title_weight`, each abstract hit
`abstract_weight`, counted at most `abstract_max_count` times; with no abstract, a title hit also
counts `title_only_abstract_count` abstract hits):

- method terms (learned prompts, adapters), and the short names of catalog entries the paper
  cites ("CoOp"), count in full once vision is evident: they are scaled by V / (V + vision_half),
  where V sums model terms, vision terms and the category's points;
- adaptation terms (test-time, few-shot, ...) are capped and count only as far as a pretrained
  vision(-language) model is named: scaled by M / (M + model_half);
- the nearest catalog titles (tf-idf cosine, mean of the `similarity_top` best) add
  `similarity_weight` times that similarity;
- negative terms subtract; text-only terms (LLMs) subtract only when no vision appears.

The sum x becomes a score x / (x + score_half) in [0, 1): the threshold 0.5 means x = score_half.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import TfidfVectorizer

from promptbot.config import ScoringConfig
from promptbot.judging.terms import Term, TermMatcher, parse_term
from promptbot.models import Paper

GROUPS = ("method", "adaptation", "model", "vision", "negative", "text_only")
_GROUP_KEYS = {
    "method": "positive_terms",
    "adaptation": "adaptation_terms",
    "model": "model_terms",
    "vision": "vision_terms",
    "negative": "negative_terms",
    "text_only": "text_only_terms",
}
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]*[A-Za-z0-9]")
_CAMEL = re.compile(r"^[A-Za-z0-9\-]*[a-z][A-Za-z0-9\-]*$")
Matrix = npt.NDArray[np.float32]
Order = npt.NDArray[np.intp]


@dataclass(frozen=True)
class Hit:
    """A term found in a paper, where, and the points it earned."""

    term: Term
    in_title: bool
    abstract_count: int
    points: float

    def describe(self) -> str:
        """`prompt tuning (title, abstract x3)`."""
        where = (["title"] if self.in_title else []) + (
            [f"abstract x{self.abstract_count}"] if self.abstract_count else []
        )
        return f"{self.term.text} ({', '.join(where)})"


@dataclass(frozen=True)
class Relevance:
    """How relevant one paper is, and why."""

    score: float
    hits: tuple[Hit, ...]
    names: tuple[str, ...]  # catalog entries' short names the paper cites ("CoOp")
    parts: tuple[tuple[str, float], ...]  # ("method", 5.6), ... summing to the raw evidence
    similarity: float
    category: str
    reasons: tuple[str, ...]


def configured_terms(cfg: ScoringConfig) -> tuple[Term, ...]:
    """Every term of every group, checked."""
    terms: list[Term] = []
    for group in GROUPS:
        key = _GROUP_KEYS[group]
        for i, spec in enumerate(getattr(cfg, key)):
            terms.append(parse_term(spec, group, f"[scoring].{key}[{i}]"))
    return tuple(terms)


def catalog_names(names: Sequence[str | None]) -> frozenset[str]:
    """Entry names distinctive enough to recognise in an abstract ("CoOp", not "OOD" or "PLOT")."""
    found = set()
    for name in names:
        if name and len(name) >= 4 and _CAMEL.match(name) and re.search(r".[A-Z]", name):
            found.add(name)
    return frozenset(found)


class TitleSimilarity:
    """tf-idf (scikit-learn) over the catalog's titles; cosine of candidates against each entry."""

    def __init__(self, titles: Sequence[str]) -> None:
        """Fit on the catalog's titles (an empty catalog gives zero similarity everywhere)."""
        self.size = len(titles)
        self._vectorizer: TfidfVectorizer | None = None
        if any(_TOKEN.search(t) for t in titles):
            self._vectorizer = TfidfVectorizer(
                ngram_range=(1, 2), sublinear_tf=True, stop_words="english", dtype=np.float32
            )
            self._entries = self._vectorizer.fit_transform(titles)

    def matrix(self, texts: Sequence[str]) -> Matrix:
        """Cosine similarity, one row per text, one column per catalog entry."""
        if self._vectorizer is None or not texts:
            return np.zeros((len(texts), self.size), dtype=np.float32)
        product = self._vectorizer.transform(texts) @ self._entries.T
        return np.asarray(product.toarray(), dtype=np.float32)


def descending(sims: Matrix) -> Order:
    """Each row's columns, most similar first (one sort serves relevance and placement)."""
    return np.argsort(sims, axis=1, kind="stable")[:, ::-1]  # faster here than argpartition


def neighbours(sims: Matrix, k: int, order: Order | None = None) -> tuple[Order, Matrix]:
    """Each row's k most similar columns, most similar first, and their similarities."""
    top = (descending(sims) if order is None else order)[:, :max(k, 0)]
    return top, np.take_along_axis(sims, top, axis=1)


def category_points(paper: Paper, cfg: ScoringConfig) -> tuple[float, str]:
    """Vision points of the paper's categories, and how to say it."""
    primary = paper.primary_category or (paper.categories[0] if paper.categories else None)
    if primary in cfg.vision_categories:
        return cfg.category_primary, f"category {primary} (primary)"
    cross = [c for c in paper.categories if c in cfg.vision_categories]
    if cross:
        return cfg.category_cross_list, f"category {cross[0]} (cross-list from {primary})"
    return 0.0, f"category {primary or 'unknown'} (not a vision category)"


def find_hits(paper: Paper, matcher: TermMatcher, cfg: ScoringConfig) -> tuple[Hit, ...]:
    """The terms found in the title and abstract, with their points."""
    in_title, in_abstract = matcher.count_each([paper.title, paper.abstract])
    # Without an abstract, a title term stands for its likely mentions in the abstract too.
    title_weight = cfg.title_weight + (
        0.0 if paper.abstract.strip() else cfg.abstract_weight * cfg.title_only_abstract_count)
    hits = []
    for index in sorted(set(in_title) | set(in_abstract)):
        term = matcher.terms[index]
        count = in_abstract.get(index, 0)
        points = term.weight * (
            (title_weight if index in in_title else 0.0)
            + cfg.abstract_weight * min(count, cfg.abstract_max_count)
        )
        hits.append(Hit(term, index in in_title, count, points))
    return tuple(sorted(hits, key=lambda h: -h.points))


def combine(
    sums: Mapping[str, float], names: int, similarity: float, cfg: ScoringConfig
) -> tuple[tuple[str, float], ...]:
    """The parts of the evidence (see the module docstring); their sum is the raw evidence."""
    model = sums["model"]
    vision = model + sums["vision"] + sums["category"]
    model_seen = model + cfg.category_model_share * sums["category"]
    method = sums["method"] + cfg.catalog_name_weight * min(names, cfg.catalog_name_max)
    negative = sums["negative"] + (sums["text_only"] if vision < cfg.vision_gate else 0.0)
    return (
        ("method", method * vision / (vision + cfg.vision_half)),
        ("adaptation", min(sums["adaptation"], cfg.adaptation_cap)
         * model_seen / (model_seen + cfg.model_half)),
        ("similarity", cfg.similarity_weight * similarity),
        ("negative", -negative),
    )


def to_score(raw: float, half: float) -> float:
    """Raw evidence -> [0, 1): 0.5 at `half`, never negative."""
    return raw / (raw + half) if raw > 0 else 0.0


class RelevanceModel:
    """What relevance needs from the catalog and the config, built once per run."""

    def __init__(
        self, titles: Sequence[str], labels: Sequence[str], names: Sequence[str | None],
        cfg: ScoringConfig,
    ) -> None:
        """`titles`, `labels` (for reasons) and `names` are per catalog entry, in file order."""
        self.cfg = cfg
        cited = tuple(Term(n, "name", cfg.catalog_name_weight) for n in sorted(
            catalog_names(names)))
        self.matcher = TermMatcher(configured_terms(cfg) + cited, whole_word_groups=("name",))
        self.similarity = TitleSimilarity(titles)
        self.labels = tuple(labels)

    def assess_all(self, papers: Sequence[Paper]) -> tuple[tuple[Relevance, ...], Matrix]:
        """Every paper's relevance, and the title-similarity matrix (papers x catalog entries)."""
        sims = self.similarity.matrix([p.title for p in papers])
        return self.assess_rows(papers, sims, descending(sims)), sims

    def assess_rows(
        self, papers: Sequence[Paper], sims: Matrix, order: Order
    ) -> tuple[Relevance, ...]:
        """Every paper's relevance, given its similarity row and the row's columns by similarity."""
        top_k, shown = max(self.cfg.similarity_top, 0), max(self.cfg.nearest_shown, 0)
        near, values = neighbours(sims, max(top_k, shown), order)
        tops = values[:, :top_k].mean(axis=1) if top_k and values.shape[1] else np.zeros(
            len(papers), dtype=np.float32)
        return tuple(
            self.assess(p, float(tops[i]), list(zip(near[i, :shown].tolist(),
                                                    values[i, :shown].tolist(), strict=True)))
            for i, p in enumerate(papers)
        )

    def assess(
        self, paper: Paper, similarity: float, near: Sequence[tuple[int, float]]
    ) -> Relevance:
        """One paper's relevance, given its similarity to the catalog and its nearest entries."""
        hits, names, parts, category = self._evidence(paper, similarity)
        score = to_score(sum(v for _, v in parts), self.cfg.score_half)
        reasons = (
            _score_reason(score, parts),
            *_hit_reasons(hits),
            *([f"cites catalog entries: {', '.join(names[:5])}"] if names else []),
            *self._nearest_reason(near),
            category,
        )
        return Relevance(score, hits, names, parts, similarity, category, reasons)

    def score(self, paper: Paper, similarity: float = 0.0) -> float:
        """`assess(paper, similarity, ()).score` without writing the reasons: the terms' score
        of every example the learned model weighs them on."""
        parts = self._evidence(paper, similarity)[2]
        return to_score(sum(v for _, v in parts), self.cfg.score_half)

    def _evidence(self, paper: Paper, similarity: float) -> tuple[
            tuple[Hit, ...], tuple[str, ...], tuple[tuple[str, float], ...], str]:
        """The hits, the cited catalog names, the parts of the evidence and the category."""
        cfg = self.cfg
        hits = find_hits(paper, self.matcher, cfg)
        names = tuple(h.term.text for h in hits if h.term.group == "name")
        sums = {g: sum(h.points for h in hits if h.term.group == g) for g in GROUPS}
        sums["category"], category = category_points(paper, cfg)
        return hits, names, combine(sums, len(names), similarity, cfg), category

    def _nearest_reason(self, near: Sequence[tuple[int, float]]) -> tuple[str, ...]:
        shown = [f"{self.labels[i]} {value:.2f}" for i, value in near if value > 0]
        return (f"nearest catalog entries: {'; '.join(shown)}",) if shown else ()


def _score_reason(score: float, parts: tuple[tuple[str, float], ...]) -> str:
    detail = ", ".join(f"{name} {value:+.1f}" for name, value in parts if value)
    return f"relevance {score:.2f} ({detail or 'no evidence'})"


def _hit_reasons(hits: tuple[Hit, ...]) -> list[str]:
    reasons = []
    for group in GROUPS:
        found = [h.describe() for h in hits if h.term.group == group]
        if found:
            label = group.replace("_", "-")
            reasons.append(f"{label} terms: {', '.join(found[:6])}")
    return reasons
