"""How much a list's sections follow their words and how much the time they were filled:
fitted on the list's own entries.

The learned placement weighs each section by its content model's probability (a softmax of a
linear SVM's margins, section_model) times a recency prior (the section's share of the entries
dated nearest the paper) raised to a weight. How sharp the softmax should be and how much the
prior should weigh differ from list to list:

- on a list of topic sections filled side by side (a survey of multimodal tasks), the words
  decide, and a prior would hand every paper to the catch-all section that holds most of the
  newest entries ("Other Multi-Modal Tasks": half of them);
- on a list split by time or by the maintainers' own progress (`arXiv from April-`, `accepted`
  and `arxiv`, one section per year) the words hardly tell the sections apart and the date does.

The list's entries say which: every entry's section is predicted by a content model fitted
without it (cross-validation) together with the prior at the entry's date, and the sharpness and
weight under which the entries' own sections are likeliest (mean log-likelihood, over a small
grid) are the list's. A list too small to tell keeps the defaults, chosen on history-dev.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from promptbot.judging.section_model import MARGIN_SCALE

# The defaults: the best single setting over the history-dev lists (bench/replay_history.py).
DEFAULT_SCALE = MARGIN_SCALE
DEFAULT_WEIGHT = 1.0
# The grid the list chooses from: softmax sharpness, and exponent of the recency prior (0: none).
SCALES = (2.0, 3.0, 5.0, 8.0, 12.0)
WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0)
FOLDS = 3  # cross-validation folds: every section needs this many entries
MIN_DATED = 30  # fewer dated entries than this cannot tell one setting from another
_FLOOR = 1e-12  # the smallest prior share taken to the log (a share can round to zero)


@dataclass(frozen=True)
class PlacementFit:
    """The content model's sharpness and the recency prior's weight for one list."""

    scale: float = DEFAULT_SCALE
    weight: float = DEFAULT_WEIGHT
    entries: int = 0  # the dated entries it was fitted on; 0: the defaults

    def describe(self) -> str:
        """The fit in words, for `explain`."""
        source = (f"learned from {self.entries} dated entries" if self.entries
                  else "defaults: too few entries to learn them")
        return f"content sharpness {self.scale:g}, recency weight {self.weight:g} ({source})"


def fit_placement(margins: npt.NDArray[np.float64] | None, labels: npt.NDArray[np.intp],
                  priors: npt.NDArray[np.float64], dated: npt.NDArray[np.bool_]) -> PlacementFit:
    """The sharpness and weight under which the entries' own sections (`labels`) are likeliest,
    given per entry and section the held-out `margins` and the recency `priors` at the entry's
    date; only `dated` entries count (an undated one has no prior of its own). The defaults when
    there are no margins or too few dated entries."""
    if margins is None or int(dated.sum()) < MIN_DATED:
        return PlacementFit()
    found, truth = margins[dated], labels[dated]
    log_prior = np.log(np.maximum(priors[dated], _FLOOR))
    rows = np.arange(len(truth))
    best = (-np.inf, DEFAULT_SCALE, DEFAULT_WEIGHT)
    for scale in SCALES:
        for weight in WEIGHTS:
            scores = scale * found + weight * log_prior
            scores -= scores.max(axis=1, keepdims=True)
            likelihood = float((scores[rows, truth]
                                - np.log(np.exp(scores).sum(axis=1))).mean())
            if likelihood > best[0]:  # a tie keeps the earlier, gentler setting
                best = (likelihood, scale, weight)
    return PlacementFit(best[1], best[2], len(truth))
