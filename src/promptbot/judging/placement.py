"""Where a new paper goes: the [sections] rules first, then the section it most resembles.

Order: sections in `never` are never chosen; a topic rule (`rules`: terms -> section) wins, being
the most specific; then `published` (a venue in journal_ref or comment) or `preprint`; then a
learned rule: the nearest catalog entries by title (tf-idf) vote for their sections, weighted by
similarity; heading words the title uses add to a section's vote, and each vote is weighed by how
many of the section's entries share the paper's status (published or preprint, learned from their
venues; see section_signals). The confidence is the winning section's share of the vote. Below
`min_confidence` the paper goes to `default`, marked for triage. Configured sections missing from
the catalog are ignored, and said once in the run's notes; `published` and `preprint` are a pair:
if either is configured but missing, the catalog is not the one they were written for, and
neither applies (another list may well have a section named like one of them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from promptbot.catalog import section_names
from promptbot.catalog.section_signals import (
    HEADING_WEIGHT,
    PREPRINT,
    PUBLISHED,
    HeadingWords,
    status_profile,
)
from promptbot.config import SectionsConfig
from promptbot.models import Catalog, Paper, PaperFields, Section


@dataclass(frozen=True)
class Placement:
    """The section chosen for a paper, how sure, and the rule that chose it."""

    section: str | None
    confidence: float
    needs_triage: bool
    rule: str


def heading_matches(configured: str, heading: str) -> bool:
    """A configured name names a heading exactly, or its part before a colon ("X: *by Y*")."""
    name = configured.strip()
    return bool(name) and (heading == name or heading.split(":")[0].strip() == name)


class Placer:
    """Places papers in one catalog under one [sections] config."""

    def __init__(self, catalog: Catalog, cfg: SectionsConfig) -> None:
        """Resolve configured names against the catalog's headings; note the missing ones."""
        self.cfg = cfg
        sections = catalog.sections
        self._never = {s.heading for s in sections if any(heading_matches(n, s.heading)
                                                         for n in cfg.never)}
        wanted = [cfg.default, cfg.published, cfg.preprint, *(r.section for r in cfg.rules)]
        self._found = {n: self._resolve(sections, n) for n in wanted if n.strip()}
        pair = [n for n in (cfg.published, cfg.preprint) if n.strip()]
        self._venue_rule = all(self._found[n] is not None for n in pair)
        missing = sorted({n for n, h in self._found.items() if h is None})
        self.notes: tuple[str, ...] = ()
        if missing:
            self.notes = (
                "configured sections not found in this catalog: "
                + ", ".join(f'"{n}"' for n in missing) + "; placing by similarity",
            )
        self._learnable = tuple(
            s for s in sections if s.entries and s.heading not in self._never
            and len(s.entries) >= cfg.min_entries
        )
        index = {id(e): i for i, e in enumerate(catalog.entries)}
        self._owner = np.full(len(index), -1, dtype=np.intp)  # column -> learnable section
        for n, section in enumerate(self._learnable):
            self._owner[[index[id(e)] for e in section.entries]] = n
        self._learnable_columns = int((self._owner >= 0).sum())
        self._status = status_profile(self._learnable)
        self._headings = HeadingWords([s.heading for s in self._learnable])
        self._names = section_names(catalog)  # a heading path where headings repeat ("A > 2026")

    def _resolve(self, sections: Sequence[Section], name: str) -> str | None:
        for section in sections:
            if heading_matches(name, section.heading) and section.heading not in self._never:
                return section.heading
        return None

    def place(
        self, paper: Paper, fields: PaperFields, text: str, sims: npt.NDArray[np.float32]
    ) -> Placement:
        """The section for `paper` (`text` = title and abstract), given its similarity row."""
        return self.place_all([paper], [fields], [text], sims.reshape(1, -1))[0]

    def place_all(
        self, papers: Sequence[Paper], fields: Sequence[PaperFields], texts: Sequence[str],
        sims: npt.NDArray[np.float32], order: npt.NDArray[np.intp] | None = None,
    ) -> list[Placement]:
        """Placements in order; `fields` are each paper's fields as read once, `sims` has a row
        per paper, `order` its columns by similarity, most similar first (computed when not
        given); the learned rule runs batched."""
        placed = [self._by_rules(t) or self._by_venue(f) for f, t in zip(fields, texts,
                                                                          strict=True)]
        todo = [i for i, found in enumerate(placed) if found is None]
        if todo:
            rows = sims[todo]
            ranked = order[todo] if order is not None else np.argsort(
                rows, axis=1, kind="stable")[:, ::-1]
            for i, found in zip(todo, self._learned_all(
                    [papers[i] for i in todo], [fields[i] for i in todo], rows, ranked),
                                strict=True):
                placed[i] = found
        return [found for found in placed if found is not None]

    def _by_venue(self, fields: PaperFields) -> Placement | None:
        if not self._venue_rule:
            return None
        venue = fields.published_venue
        target = self.cfg.published if venue else self.cfg.preprint
        section = self._found.get(target) if target.strip() else None
        if section is None:
            return None
        why = f"published at {venue}" if venue else "no venue: a preprint"
        return Placement(section, 1.0, False, f'section "{section}": {why}')

    def _by_rules(self, text: str) -> Placement | None:
        lowered = text.lower()
        for rule in self.cfg.rules:
            section = self._found.get(rule.section)
            term = next((t for t in rule.terms if t.strip() and t.lower() in lowered), None)
            if section is not None and term is not None:
                return Placement(section, 1.0, False, f'section "{section}": rule term "{term}"')
        return None

    def _learned_all(
        self, papers: Sequence[Paper], fields: Sequence[PaperFields], sims: npt.NDArray[np.float32],
        order: npt.NDArray[np.intp],
    ) -> list[Placement]:
        """The learned rule: neighbours' votes, plus heading words, times the status likeness."""
        mass = self._mass(sims, order)
        total = mass.sum(axis=1, keepdims=True)
        used = [self._headings.used(p.title) for p in papers]
        venues = [f.published_venue for f in fields]
        statuses = [PUBLISHED if v else PREPRINT for v in venues]
        factors = {s: self._status.factors(s) for s in (PUBLISHED, PREPRINT)}
        votes = (mass + HEADING_WEIGHT * self._headings.scores(used) * total) * np.array(
            [factors[s] for s in statuses]).reshape(len(papers), -1)
        best = votes.argmax(axis=1) if votes.shape[1] else np.zeros(len(papers), dtype=np.intp)
        sums = votes.sum(axis=1)
        return [
            self._learned(int(best[n]), float(votes[n, best[n]] / sums[n]) if total[n, 0] > 0
                          else None, self._why(used[n], int(best[n]), statuses[n], venues[n]))
            for n in range(len(papers))
        ]

    def _learned(self, best: int, confidence: float | None, why: str) -> Placement:
        default = self._found.get(self.cfg.default)
        if confidence is None:
            fallback = default or (self._learnable[0].heading if self._learnable else None)
            return Placement(fallback, 0.0, True, "no similar catalog entries: needs triage")
        name = self._names.get(id(self._learnable[best]), self._learnable[best].heading)
        if confidence >= self.cfg.min_confidence or default is None:
            triage = confidence < self.cfg.min_confidence
            return Placement(name, confidence, triage, f'section "{name}": nearest entries'
                             f" ({confidence:.0%} of their vote){why}")
        return Placement(default, confidence, True, f'default section "{default}": nearest'
                         f' entries point to "{name}" only at {confidence:.0%}{why}')

    def _why(self, used: frozenset[str], index: int, status: str, venue: str | None) -> str:
        """The learned signals that favoured section `index`, said plainly."""
        if not self._learnable:
            return ""
        said = []
        share = self._status.describe(index, status)
        if share:
            said.append(f"{share}, like this paper ({venue or 'no venue: a preprint'})")
        matched = self._headings.matched(used, index)
        if matched:
            said.append("its heading says " + ", ".join(f'"{w}"' for w in matched))
        return "".join(f"; {s}" for s in said)

    def _mass(
        self, sims: npt.NDArray[np.float32], order: npt.NDArray[np.intp]
    ) -> npt.NDArray[np.float64]:
        """Per row and learnable section, the similarity of its entries among the k nearest."""
        rows, sections = sims.shape[0], len(self._learnable)
        k = min(self.cfg.neighbours, self._learnable_columns)
        if k < 1:
            return np.zeros((rows, sections))
        learnable = self._owner[order] >= 0
        # The first k learnable columns of each row, in similarity order.
        take = learnable & (np.cumsum(learnable, axis=1, dtype=np.int32) <= k)
        columns = order[take].reshape(sims.shape[0], k)
        found = np.maximum(np.take_along_axis(sims, columns, axis=1), 0.0)
        cells = (np.arange(rows)[:, None] * sections + self._owner[columns]).ravel()
        summed = np.bincount(cells, weights=found.ravel(), minlength=rows * sections)
        return np.asarray(summed, dtype=np.float64).reshape(rows, sections)
