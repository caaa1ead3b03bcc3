"""Relevance learned from the list itself: a linear model fitted at each run (scikit-learn).

Positives are what the list holds (its entries' titles, their cached abstracts, papers the
maintainers merged from the bot's pull requests); negatives are what arXiv announced that the
list did not take (the window's other papers, papers the maintainers turned down). Features are
tf-idf word unigrams and bigrams (character n-grams for names like "SAM-Med3D" are available,
off by default: slower, and worse on the history benchmark) and, optionally, the configured
terms' own score as one more column (off by default: on lists of other topics it cost recall;
the scorer blends the terms' score instead, as far as the list confirms them). The model is a
class-balanced logistic regression; its probability is the score the reasons show.

The window's papers are both negatives and the papers to judge: each one is scored by a model
fitted without it (the window is split into folds, cross-fitting), so a paper the list would take
is not pushed down by having been called a negative itself. Texts the caller marks as outside
the window (papers announced before: the list's own preprints a weekly re-check asks for) are no
negatives; a model fitted on the whole window scores them.

Each window paper is a negative twice: its title with its abstract, and its title alone. A list's
entries are mostly titles alone, the candidates titles with abstracts; without the bare titles the
model learns that a short text is a listed one and ranks papers with short abstracts first
(history benchmark, top 5 per list-day: 129 -> 143 of 185 picks).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

Vector = npt.NDArray[np.float64]
_FOLDS = 2


@dataclass(frozen=True)
class Examples:
    """What the model learns from: texts with their prior (term) scores, in two classes."""

    positives: tuple[str, ...]
    negatives: tuple[str, ...] = ()  # fixed negatives: turned-down papers, background
    positive_priors: tuple[float, ...] = ()  # per positive; empty = zeros
    negative_priors: tuple[float, ...] = ()
    positive_weights: tuple[float, ...] = ()  # per positive (recency); empty = ones


@dataclass(frozen=True)
class Judged:
    """The learned view of one paper: a probability and the words that drove it."""

    probability: float
    words: tuple[str, ...]  # features of the paper with the largest positive contribution


class LearnedRelevance:
    """Fits on a list's examples plus a window of candidates, then scores the window."""

    def __init__(self, examples: Examples, *, c: float = 1.0, char_ngrams: bool = False,
                 prior_scale: float = 0.0) -> None:
        """Keep the examples; the fitting happens in `judge`, once the window is known.
        `prior_scale` > 0 adds the priors (the terms' scores) as one more feature column."""
        self.examples = examples
        self.c = c
        self.char_ngrams = char_ngrams
        self.prior_scale = prior_scale

    def judge(self, texts: Sequence[str], priors: Sequence[float] = (),
              window: Sequence[bool] = ()) -> tuple[Judged, ...]:
        """Each text's probability of belonging to the list. The window's texts (all of them
        unless `window` marks which) are negatives too, each scored cross-fitted by folds. The
        others are only scored, by a model fitted on the whole window, and are no negatives:
        the list's own papers a weekly re-check asks for by id are not "not the list"."""
        n = len(texts)
        if n == 0:
            return ()
        prior = _as_array(priors, n)
        if not self.examples.positives:
            return tuple(Judged(0.0, ()) for _ in range(n))
        inside = np.asarray(window, dtype=bool) if len(window) == n else np.ones(n, dtype=bool)
        ins, outs = np.flatnonzero(inside).tolist(), np.flatnonzero(~inside).tolist()
        fitting = _Fitting(self, [texts[i] for i in ins], prior[ins])
        judged = [Judged(0.0, ())] * n
        for i, one in zip(ins, fitting.cross_fitted(), strict=True):
            judged[i] = one
        if len(outs):
            for i, one in zip(outs, fitting.fitted_on_all([texts[i] for i in outs], prior[outs]),
                              strict=True):
                judged[i] = one
        return tuple(judged)


class _Fitting:
    """The training rows of one window: the fixed examples, the window's texts, their titles."""

    def __init__(self, model: LearnedRelevance, texts: Sequence[str], prior: Vector) -> None:
        ex = model.examples
        self.c = model.c
        self.prior_scale = model.prior_scale
        self.features = _Features(model.char_ngrams)
        fixed = [*ex.positives, *ex.negatives]
        self.n, self.start = len(texts), len(fixed)
        titles = [text.split("\n", 1)[0] for text in texts]
        self.matrix = self._with_prior(
            self.features.fit_transform([*fixed, *texts, *titles]), np.concatenate([
                _as_array(ex.positive_priors, len(ex.positives)),
                _as_array(ex.negative_priors, len(ex.negatives)), prior, prior]))
        self.labels = np.array([1] * len(ex.positives) + [0] * (len(ex.negatives) + 2 * self.n))
        self.weights = np.concatenate([
            _as_array(ex.positive_weights, len(ex.positives), fill=1.0),
            np.ones(len(ex.negatives) + 2 * self.n)])
        self.names = [*self.features.names(), "configured terms"]

    def _with_prior(self, matrix: sparse.csr_matrix, prior: Vector) -> sparse.csr_matrix:
        # Off (the default), the column would be all zeros: no feature, only a copy of the matrix.
        if not self.prior_scale:
            return matrix
        return sparse.hstack([matrix, sparse.csr_matrix(
            (prior * self.prior_scale).reshape(-1, 1))], format="csr")

    def cross_fitted(self) -> list[Judged]:
        """Each window text scored by a model fitted without it (and without its bare title)."""
        n = self.n
        window = np.arange(self.start, self.start + n)
        folds = np.arange(n) % _FOLDS if n >= 2 * _FOLDS else np.zeros(n, dtype=np.intp)
        judged = [Judged(0.0, ())] * n
        for fold in np.unique(folds):
            held = window[folds == fold]
            # A held-out paper leaves the training set with its bare title.
            keep = np.setdiff1d(np.arange(self.matrix.shape[0]), np.concatenate([held, held + n]))
            model = _fit(self.matrix[keep], self.labels[keep], self.weights[keep], self.c)
            if model is None:
                continue
            for i, one in zip(np.flatnonzero(folds == fold), self._score(model, self.matrix[held]),
                              strict=True):
                judged[i] = one
        return judged

    def fitted_on_all(self, texts: Sequence[str], prior: Vector) -> list[Judged]:
        """Texts outside the window, scored by a model fitted on every training row."""
        model = _fit(self.matrix, self.labels, self.weights, self.c)
        if model is None:
            return [Judged(0.0, ()) for _ in texts]
        return self._score(model, self._with_prior(self.features.transform(texts), prior))

    def _score(self, model: LogisticRegression, rows: sparse.csr_matrix) -> list[Judged]:
        probabilities = model.predict_proba(rows)[:, 1]
        contributions = sparse.csr_matrix(rows.multiply(model.coef_[0]))
        # Each row read as slices of the CSR arrays: a scipy row object per paper cost more
        # than the model.
        data, columns, starts = contributions.data, contributions.indices, contributions.indptr
        return [Judged(float(p), _top_words(data[starts[r]:starts[r + 1]],
                                            columns[starts[r]:starts[r + 1]], self.names))
                for r, p in enumerate(probabilities)]


def recency_weights(ids: Sequence[str], newest: str, half_life_months: float
                    ) -> tuple[float, ...]:
    """A weight per listed paper by the age of its arXiv id (YYMM) against `newest`: halved every
    `half_life_months`, at least 0.2; a paper without a new-style id weighs 0.5. Lists drift:
    what the maintainers add next looks most like what they added lately."""
    def month(arxiv_id: str) -> int | None:
        head = arxiv_id.split(".")[0]
        return int(head[:2]) * 12 + int(head[2:]) if len(head) == 4 and head.isdigit() else None

    now = month(newest)
    if now is None or half_life_months <= 0:
        return tuple(1.0 for _ in ids)
    out = []
    for arxiv_id in ids:
        then = month(arxiv_id)
        age = max(0, now - then) if then is not None else None
        out.append(0.5 if age is None else max(0.2, 0.5 ** (age / half_life_months)))
    return tuple(out)


class _Features:
    """Word and character tf-idf, side by side."""

    def __init__(self, char_ngrams: bool) -> None:
        self.word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1,
                                    stop_words="english", dtype=np.float64)
        self.char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                                    min_df=2, dtype=np.float64) if char_ngrams else None

    def fit_transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        parts = [self.word.fit_transform(texts)]
        if self.char is not None:
            parts.append(self.char.fit_transform(texts) * 0.5)
        return sparse.hstack(parts, format="csr")

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Texts in the vocabulary `fit_transform` learned."""
        parts = [self.word.transform(texts)]
        if self.char is not None:
            parts.append(self.char.transform(texts) * 0.5)
        return sparse.hstack(parts, format="csr")

    def names(self) -> list[str]:
        """Each column's feature: words, then character n-grams marked with "~"."""
        words = _by_column(self.word)
        chars = _by_column(self.char) if self.char is not None else []
        return words + [f"~{c.strip()}" for c in chars]


def _by_column(vectorizer: TfidfVectorizer) -> list[str]:
    """The fitted vocabulary inverted, a name per column (the same list as
    `get_feature_names_out`, without its round trip through a numpy string array: ~5x faster)."""
    names = [""] * len(vectorizer.vocabulary_)
    for name, column in vectorizer.vocabulary_.items():
        names[column] = name
    return names


def _fit(matrix: sparse.csr_matrix, labels: npt.NDArray[np.int_], weights: Vector, c: float
         ) -> LogisticRegression | None:
    if len(set(labels.tolist())) < 2:
        return None
    # The dual solver: far faster here, with many more features than examples. It visits the
    # examples in a random order: seeded, so the same window gets the same scores every time
    # (a dry run and the real run propose the same papers, at the same scores).
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=1000, solver="liblinear",
                               dual=True, random_state=0)
    model.fit(matrix, labels, sample_weight=weights)
    return model


def _as_array(values: Sequence[float], n: int, fill: float = 0.0) -> Vector:
    return np.asarray(values, dtype=np.float64) if len(values) == n else np.full(n, fill)


def _top_words(data: Vector, columns: npt.NDArray[np.int32], names: Sequence[str], k: int = 5
               ) -> tuple[str, ...]:
    """The names of the `k` largest positive contributions of one row (its CSR data and
    column slices), as word features."""
    order = np.argsort(-data)
    return tuple(names[columns[i]] for i in order[:k] if data[i] > 0
                 and not names[columns[i]].startswith("~"))
