"""What each section of a list is about, and which sections the maintainers are filling now.

Both are learned from the list's own entries, for the learned placement rule:

- content: a linear model (a linear SVM on tf-idf word 1-2 grams, sublinear, classes balanced)
  over the entries of each section, their titles and, when cached, their arXiv abstracts; its
  margins, through a softmax, give every section a probability for a new paper's text. It
  sees a section's words as a whole, where the nearest-neighbour vote sees only a few entries.
  A cache rarely holds every entry's abstract (only the arXiv ones, fetched as they come), and
  a text with an abstract is far more like the entries that have one than like title-only
  entries: so a paper's title is judged by a model of the titles, and its title and abstract by
  the model that saw the cached abstracts, trusted as far as the cache covers the sections
  (CoveredContent).
- recency: the share of the list's entries nearest a paper's date (by arXiv id, else year)
  each section holds. Maintainers add to the sections they are filling now (the current
  catch-all, this year's group), so a section that took many of the latest papers is likelier
  to take the next one; a paper from two years ago belongs with the sections the list filled
  two years ago (`arXiv from April-`, a year's group), which a replay of the list's past needs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt
from scipy.sparse import spmatrix
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.svm import LinearSVC

from promptbot.catalog.outline import entry_age, id_age
from promptbot.models import Entry, Paper, Section

RECENT_SHARE = 0.1  # the newest tenth of the dated entries counts as "recent" ...
RECENT_MIN = 20  # ... but never fewer than this many entries
RECENT_SMOOTHING = 1.0  # entries of each section's overall share added to its recent count
MARGIN_SCALE = 5.0  # softmax sharpness over the SVM's margins, unless the list teaches one
# (placement_fit; this default was chosen on history-dev)


def entry_text(entry: Entry, abstracts: Mapping[str, str] | None) -> str:
    """An entry's title, and the cached arXiv text of its ids when there is any."""
    cached = [abstracts[i] for i in entry.arxiv_ids if i in abstracts] if abstracts else []
    return "\n".join([entry.title, *cached])


class SectionContent:
    """A linear model of which section a text belongs to, fitted on the sections' entries."""

    def __init__(self, sections: Sequence[Section],
                 abstracts: Mapping[str, str] | None = None) -> None:
        """Fit on the entries of `sections` (each a class); nothing to fit: uniform answers."""
        self.size = len(sections)
        texts = [entry_text(e, abstracts) for s in sections for e in s.entries]
        labels = [n for n, s in enumerate(sections) for _ in s.entries]
        self.labels = np.array(labels, dtype=np.intp)
        self._vectorizer: TfidfVectorizer | None = None
        self._model: LinearSVC | None = None
        self._matrix: spmatrix | None = None
        if len(set(labels)) < 2:
            return
        vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True,
                                     ngram_range=(1, 2), strip_accents="unicode")
        try:
            matrix = vectorizer.fit_transform(texts)
        except ValueError:  # nothing but stop words
            return
        # Balanced classes keep a big section from taking every paper; a linear SVM fits in a
        # tenth of a second where a logistic regression takes seconds on a big list. Its dual
        # solver visits the entries in a random order: seeded, so a dry run and the real run
        # place alike.
        self._model = LinearSVC(C=1.0, class_weight="balanced", random_state=0)
        self._model.fit(matrix, labels)
        self._vectorizer = vectorizer
        self._matrix = matrix

    def held_out_margins(self, folds: int) -> npt.NDArray[np.float64] | None:
        """Per training entry (in `labels` order) and section, the margin of a model fitted on
        the other `folds - 1` folds: what the model says of entries it has not seen. None when
        nothing was fitted or a section has fewer than `folds` entries to spread over them."""
        if self._model is None or self._matrix is None:
            return None
        if np.bincount(self.labels, minlength=self.size).min() < folds:
            return None
        # The vocabulary and idf come from every entry: a fold's model still weighs only the
        # words of its own training entries, and refitting the vectorizer per fold costs more
        # than it would tell.
        split = StratifiedKFold(folds, shuffle=True, random_state=0)
        return _per_section(cross_val_predict(clone(self._model), self._matrix, self.labels,
                                              cv=split, method="decision_function"))

    def margins(self, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        """Per text and section, the SVM's margin (zero when it could not fit)."""
        out = np.zeros((len(texts), self.size))
        if self._model is None or self._vectorizer is None:
            return out
        out[:, self._model.classes_] = _per_section(
            self._model.decision_function(self._vectorizer.transform(texts)))
        return out

    def probabilities(self, texts: Sequence[str],
                      scale: float = MARGIN_SCALE) -> npt.NDArray[np.float64]:
        """Per text and section, a probability: the softmax of the margins times `scale`."""
        return softmax(self.margins(texts), scale)


def _per_section(margins: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """The SVM's margins as a column per section: with two classes it gives one margin, for
    the second."""
    found = np.asarray(margins, dtype=np.float64)
    return np.column_stack([-found, found]) if found.ndim == 1 else found


def cached_entries(entries: Sequence[Entry], abstracts: Mapping[str, str] | None
                   ) -> npt.NDArray[np.bool_]:
    """Per entry, whether the cache holds an abstract for one of its arXiv ids."""
    cached = abstracts or {}
    return np.array([any(i in cached for i in e.arxiv_ids) for e in entries], dtype=np.bool_)


def abstract_coverage(sections: Sequence[Section], abstracts: Mapping[str, str] | None) -> float:
    """The share of the sections' entries with a cached abstract for one of their ids."""
    cached = cached_entries([e for s in sections for e in s.entries], abstracts)
    return float(cached.mean()) if cached.size else 0.0


class CoveredContent:
    """The sections' content model, asked like with like: a paper's title, as the entries
    without a cached abstract are known by theirs, and its title and abstract, weighed by the
    share of entries whose abstract is cached."""

    def __init__(self, sections: Sequence[Section],
                 abstracts: Mapping[str, str] | None = None) -> None:
        """Fit the model on the sections' entries (titles and cached abstracts)."""
        self.model = SectionContent(sections, abstracts)
        # With a few cached abstracts, the words of a paper's abstract are judged by those few
        # entries alone and drift to the sections holding them (on history-dev: a spatial
        # reasoning list's "Datasets" took its single-image papers); the mix keeps the sections
        # as the titles see them, and lets abstracts decide as far as they cover the list.
        self.coverage = abstract_coverage(sections, abstracts)

    def probabilities(self, titles: Sequence[str], texts: Sequence[str],
                      scale: float = MARGIN_SCALE) -> npt.NDArray[np.float64]:
        """Per paper and section, a probability, from the papers' `titles` and their `texts`
        (title and abstract), the margins times `scale`."""
        found = self.model.probabilities(titles, scale)
        if not self.coverage:
            return found
        return ((1.0 - self.coverage) * found
                + self.coverage * self.model.probabilities(texts, scale))


def softmax(margins: npt.NDArray[np.float64], scale: float) -> npt.NDArray[np.float64]:
    """Each row's margins as probabilities, sharper for a bigger `scale`."""
    if not margins.size:
        return margins
    scaled = margins * scale
    scaled -= scaled.max(axis=1, keepdims=True)
    exp = np.exp(scaled)
    return np.asarray(exp / exp.sum(axis=1, keepdims=True), dtype=np.float64)


def paper_age(paper: Paper, year: int | None = None) -> float | None:
    """When a paper came out, in months, as entries are dated (outline.entry_age): its arXiv
    id's YYMM, else its submission month, else `year`; None when nothing dates it."""
    age = id_age(paper.arxiv_id)
    if age is not None:
        return age
    if paper.published is not None:
        return paper.published.year * 12.0 + paper.published.month
    return year * 12.0 + 6 if year else None


def _earliest(entry: Entry) -> float | None:
    """The earliest month an entry's paper can be from: its arXiv id's, else its year's first."""
    age = next((a for i in entry.arxiv_ids if (a := id_age(i)) is not None), None)
    return age if age is not None or not entry.year else entry.year * 12.0 + 1


class DatedShares:
    """Per section, its share of the list's entries dated nearest a paper's date (arXiv id's
    YYMM, else its year), smoothed by its share of all: the recency prior, relative to the
    paper. A new paper is newer than every entry, so its nearest entries are the list's newest
    (the sections the maintainers are filling now); an older paper's are those the list filed
    around its date, when other sections may have been open (`arXiv from April-`, a year's)."""

    def __init__(self, sections: Sequence[Section]) -> None:
        """Sort the sections' dated entries by date; note each section's share of all."""
        dated = sorted((age, n) for n, s in enumerate(sections) for e in s.entries
                       if (age := entry_age(e)) is not None)
        self._ages = np.array([age for age, _ in dated], dtype=np.float64)
        self._owners = np.array([n for _, n in dated], dtype=np.intp)
        self._count = len(sections)
        sizes = np.array([len(s.entries) for s in sections], dtype=np.float64)
        self._base = sizes / sizes.sum() if sizes.sum() else sizes
        # Half the list at most: a small list's "newest" must still leave older entries out.
        self._take = min(max(RECENT_MIN, int(len(dated) * RECENT_SHARE)),
                         max(1, len(dated) // 2))
        # The earliest month the newest entry can be from (a year-only entry: its January): a
        # paper no entry is surely newer than is new, and gets the newest entries.
        earliest = [a for s in sections for e in s.entries if (a := _earliest(e)) is not None]
        self._latest = max(earliest, default=None)
        self._found: dict[float | None, npt.NDArray[np.float64]] = {}

    def near(self, ages: Sequence[float | None]) -> npt.NDArray[np.float64]:
        """Per age (in months; None: newer than every entry), each section's smoothed share of
        the entries nearest that age."""
        ages = [None if age is None or self._latest is None or age >= self._latest else age
                for age in ages]
        for age in set(ages) - self._found.keys():  # papers of one month share their row
            self._found[age] = self._shares(age)
        rows = [self._found[age] for age in ages]
        return np.array(rows, dtype=np.float64).reshape(len(ages), self._count)

    def _shares(self, age: float | None) -> npt.NDArray[np.float64]:
        if not self._ages.size or not self._base.sum():
            return np.full(self._count, 1.0 / max(self._count, 1))
        low, high = self._window(age)
        recent = np.bincount(self._owners[low:high], minlength=self._count).astype(float)
        counts = recent + RECENT_SMOOTHING * self._count * self._base
        return np.asarray(counts / counts.sum(), dtype=np.float64)

    def _window(self, age: float | None) -> tuple[int, int]:
        """The `take` sorted entries nearest `age`: grown from where `age` would go, to the
        nearer side, the newer one on a tie (so a paper newer than all gets the newest)."""
        size = len(self._ages)
        if age is None:
            return size - self._take, size
        low = high = int(np.searchsorted(self._ages, age))
        while high - low < self._take:
            if low == 0 or (high < size and self._ages[high] - age <= age - self._ages[low - 1]):
                high += 1
            else:
                low -= 1
        return low, high
