"""The learned model inside the scorer: its examples from the catalog and reviews, its reasons.

With `[scoring] model = "learned"` (the default) a paper's score is the learned model's
probability (judging.learned) blended with the configured terms' score, weighted by how well the
terms tell the list's entries from the window (`terms_weight`); the term hits, the nearest
catalog entries and the category stay in the reasons. A window of fewer than
`learned_min_window` candidates holds too few negatives to learn from: the terms decide then
(their reasons show no learned probability), unless they do not fit the list (told against the
window and the background sample): then the background's negatives teach the learned model.

Terms that do not fit the list (judging.calibration: they tell its entries from the window
little better than chance) weigh nothing, and the run falls back to the list-taught threshold and
volume; the reasons say so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from promptbot.config import ScoringConfig
from promptbot.judging.background import background_texts, shipped_background
from promptbot.judging.calibration import Calibration, calibrate, configured, terms_auc
from promptbot.judging.learned import Examples, Judged, LearnedRelevance, recency_weights
from promptbot.judging.list_texts import list_examples
from promptbot.judging.relevance import Relevance, RelevanceModel, configured_terms
from promptbot.judging.reviews import Reviews
from promptbot.models import REPLACEMENTS, Catalog, Paper

_AUC_FLOOR = 0.6  # terms separating the list no better than this weigh nothing
_AUC_SPAN = 0.15  # ... and from 0.75 on, the most they can
_MOST = 0.75


def paper_text(paper: Paper) -> str:
    """What the model reads of a candidate: its title, then its abstract."""
    return f"{paper.title}\n{paper.abstract}"


def _bare(paper: Paper) -> Paper:
    """The paper as a catalog entry looks to the terms: a title, no abstract, no category."""
    return Paper(arxiv_id=paper.arxiv_id, title=paper.title)


class LearnedScoring:
    """Builds the learned model's examples once per run; judges a window; rewrites relevances."""

    def __init__(
        self, catalog: Catalog, cfg: ScoringConfig, terms: RelevanceModel,
        abstracts: Mapping[str, str] | None = None,
        background: tuple[Paper, ...] | None = None,
    ) -> None:
        """Positives: the list's texts (the maintainers' reviews come through `learn`);
        negatives: each window's papers and the `background` sample (default: the shipped one,
        when `[scoring] background` is on)."""
        self.cfg = cfg
        if background is None:
            background = shipped_background() if cfg.background and cfg.model == "learned" else ()
        self.background = background
        self.terms = terms
        self.enabled = cfg.model == "learned"
        self.terms_weight = 0.0
        self.has_terms = bool(configured_terms(cfg))
        # The threshold and volume of the last window judged (judging.calibration).
        self.calibration: Calibration = configured(cfg)
        self._background_scores: list[float] | None = None
        pairs = list_examples(catalog, abstracts)
        self._listed_ids = tuple(i for _, i in pairs)
        self._listed = frozenset(self._listed_ids)
        positives = tuple(t for t, _ in pairs)
        self.examples = Examples(positives, (), self._priors(positives), ())

    def learn(self, reviews: Reviews) -> None:
        """Add what the maintainers merged (positives) and turned down (negatives)."""
        ex = self.examples
        self.examples = Examples(
            (*ex.positives, *reviews.accepted), (*ex.negatives, *reviews.turned_down),
            (*ex.positive_priors, *self._priors(reviews.accepted)),
            (*ex.negative_priors, *self._priors(reviews.turned_down)),
        )

    def _priors(self, texts: Sequence[str]) -> tuple[float, ...]:
        """The configured terms' score of each text read as a title alone."""
        if not self.enabled:
            return ()
        return tuple(self.prior(Paper(arxiv_id="", title=t.split("\n", 1)[0])) for t in texts)

    def prior(self, paper: Paper) -> float:
        """The terms' score of the paper's title, as the catalog's entries are scored."""
        return self.terms.score(_bare(paper))

    def judge(self, papers: Sequence[Paper]) -> tuple[Judged | None, ...]:
        """The learned view of every paper, or None for each when the model does not run.
        Papers announced before (`replace`: the listed papers a weekly re-check asks for by
        id) and papers the list already holds are judged but are no window papers: not
        negatives, no count toward `learned_min_window`, no part of the terms' weighing. A
        paper the window holds twice (an id from two feeds) is judged once: its twin in the
        other fold would be a negative scoring it down (the history benchmark's day files
        repeat ~3% of their ids)."""
        keys = [p.arxiv_id or f"#{i}" for i, p in enumerate(papers)]
        first: dict[str, int] = {}
        for i, key in enumerate(keys):
            first.setdefault(key, i)
        if len(first) == len(keys):
            return self._judge_distinct(papers)
        judged = self._judge_distinct([papers[i] for i in first.values()])
        slot = {key: n for n, key in enumerate(first)}
        return tuple(judged[slot[key]] for key in keys)

    def _judge_distinct(self, papers: Sequence[Paper]) -> tuple[Judged | None, ...]:
        # A paper the list already holds is one of its positives, never also a negative.
        window = [p.announce_type not in REPLACEMENTS and p.arxiv_id not in self._listed
                  for p in papers]
        fresh = [p for p, new in zip(papers, window, strict=True) if new]
        self.calibration = configured(self.cfg)
        if not self.enabled:
            return tuple(None for _ in papers)
        priors = [self.prior(p) for p in papers]
        others = [s for s, new in zip(priors, window, strict=True) if new]
        small = len(fresh) < self.cfg.learned_min_window
        # A quiet day's few papers tell little about the terms alone: the background joins them.
        auc = terms_auc(self.examples.positive_priors,
                        [*others, *(self._background_priors() if small else [])])
        # A list without entries teaches nothing: its configured terms stand as they are.
        calibration = calibrate(self.cfg, auc, self.has_terms and bool(self.examples.positives))
        if small and not (calibration.taught and self.background):
            # Too few negatives to learn from: the terms decide, where they fit the list; where
            # they do not, the background's negatives teach the list-taught model.
            return tuple(None for _ in papers)
        newest = max((p.arxiv_id for p in fresh if p.arxiv_id[:4].isdigit()), default="")
        # Listed papers by age; reviewed papers are the latest word, full weight.
        ages = recency_weights(self._listed_ids, newest, self.cfg.recency_half_life_months)
        weights = (*ages, *[1.0] * (len(self.examples.positives) - len(ages)))
        # A background paper in the window or in the list is neither's negative.
        exclude = self._listed.union(p.arxiv_id for p in papers)
        examples = replace(self.examples, positive_weights=weights, negatives=(
            *self.examples.negatives, *background_texts(self.background, exclude)))
        self.calibration = calibration
        # Terms that do not fit the list weigh nothing: the list-taught fallback, whose model
        # alone ranks the window and fits the list more tightly (`taught_c`).
        taught = self.calibration.taught
        self.terms_weight = 0.0 if taught else weight_of(auc)
        model = LearnedRelevance(examples, c=self.cfg.taught_c if taught else self.cfg.learned_c)
        return model.judge([paper_text(p) for p in papers], priors, window)

    def _background_priors(self) -> list[float]:
        """The terms' scores of the background sample's titles (computed once a run)."""
        if self._background_scores is None:
            self._background_scores = [self.prior(p) for p in self.background]
        return self._background_scores

    def apply(self, relevances: Sequence[Relevance], judged: Sequence[Judged | None]
              ) -> tuple[Relevance, ...]:
        """Each relevance with the learned probability as its score, when there is one."""
        taught = self.calibration.taught
        return tuple(
            r if j is None else _learned(r, j, len(self.examples.positives), self.terms_weight,
                                         taught)
            for r, j in zip(relevances, judged, strict=True))


def weight_of(auc: float) -> float:
    """How far the list confirms its configured terms: (AUC - 0.6) / 0.15, clipped to [0, 1]
    and times 0.75, for the AUC of the terms' title scores telling the list's entries from the
    window's papers (calibration.terms_auc). Terms written for another topic separate little
    (AUC 0.49-0.65 on eight lists of other topics: weight 0-0.25); the seed list's own terms
    reach AUC 0.77 (weight 0.75). The learned part always keeps a quarter: what the maintainers
    merge and reject always counts."""
    return _MOST * min(1.0, max(0.0, (auc - _AUC_FLOOR) / _AUC_SPAN))


def _learned(base: Relevance, judged: Judged, positives: int, weight: float,
             taught: bool = False) -> Relevance:
    """The blend: the learned probability, and the full terms score as far as the list
    confirms its terms (`taught`: they do not fit it, and weigh nothing)."""
    score = (1.0 - weight) * judged.probability + weight * base.score
    words = ", ".join(judged.words) or "no telling words"
    fit = ": they do not fit this list" if taught else ""
    head = (f"relevance {score:.2f} (learned from the list's {positives} entries: probability"
            f" {judged.probability:.2f}, words {words}; configured terms {base.score:.2f},"
            f" weighing {weight:.2f}{fit})")
    return replace(base, score=score, reasons=(head, *base.reasons[1:]))
