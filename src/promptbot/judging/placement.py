"""Where a new paper goes: the [sections] rules first, then the section it most resembles.

Order: sections in `never` are never chosen; a topic rule (`rules`: terms -> section) wins, being
the most specific; then `published` (a venue in journal_ref or comment) or `preprint`; then a
learned rule, all of it read from the list's own entries:

- the nearest catalog entries by title (tf-idf) vote for their sections, weighted by
  similarity, and heading words the title uses add to a section's vote; with cached abstracts
  the similarity compares like with like (like_with_like: the paper's title and abstract with
  entries that have an abstract, its title with the title-only ones);
- a content model of each section (section_model: a linear SVM over its entries' titles and,
  as far as the cache covers them, cached abstracts) gives each section a probability; it is
  mixed with the neighbours' shares;
- each section is weighed by how many of its entries share the paper's status (published or
  preprint, see section_signals) and by a recency prior: its share of the list's entries
  nearest the paper's date, as maintainers add to the sections they are filling at the time
  (for a new paper, the list's newest entries; for an older one, those filed around its date);
- how sharp the content model's probabilities are and how much the recency prior weighs are
  the list's own (placement_fit: the setting under which its entries, each judged by a model
  fitted without it, are likeliest in their sections): a list of topic sections trusts the
  words, a list split by time or by the maintainers' progress trusts the date;
- year sections under one heading (`Vision > 2025`, `Vision > 2026`, or a venue's years,
  `CVPR 2022`, `ICCV 2023`) vote as one topic, with the topic's recency prior (a year just
  opened has few entries, yet it is where the topic's papers go now), are learned from when
  the topic holds enough entries however few each holds, and the paper goes to its own year's
  (and venue's) section there when the list has it;
- a section with too few entries to learn from takes the paper when the title says its
  heading's phrase and the chosen section's headings say no longer one (heading_names).

The confidence is the winning topic's share of the vote. Below `min_confidence` the paper goes
to `default`, marked for triage. Configured sections missing from the catalog are ignored, and
said once in the run's notes; `published` and `preprint` are a pair: if either is configured but
missing, the catalog is not the one they were written for, and neither applies (another list
may well have a section named like one of them).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt

from promptbot.catalog import outline, section_names
from promptbot.catalog.heading_names import NamedSections, longest_said
from promptbot.catalog.section_signals import (
    PREPRINT,
    PUBLISHED,
    HeadingWords,
    holds_papers,
    status_profile,
)
from promptbot.config import SectionsConfig
from promptbot.judging.placement_fit import FOLDS, PlacementFit, fit_placement
from promptbot.judging.section_model import CoveredContent, DatedShares, paper_age
from promptbot.models import Catalog, Paper, PaperFields, Section

# Chosen on history-dev (bench/replay_history.py), where a broad plateau around them holds:
CONTENT_WEIGHT = 0.75  # the section content model's share of the mix (the neighbours' the rest)
HEADING_SHARE = 0.5  # heading words fully used add this share of the neighbours' votes


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


def never_headings(sections: Sequence[Section], never: Sequence[str]) -> set[str]:
    """The headings of `sections` that the configured `never` names match."""
    return {s.heading for s in sections if any(heading_matches(n, s.heading) for n in never)}


def named_sections(catalog: Catalog, cfg: SectionsConfig,
                   never: Collection[str] | None = None) -> NamedSections:
    """The sections too small for the learned rule (below `cfg.min_entries`) that a title can
    name by their heading, the never-filled ones (`never`, resolved here when not given) left
    out: what `run` places by, and what `check` lists and previews."""
    if never is None:
        never = never_headings(catalog.sections, cfg.never)
    return NamedSections.of(catalog, cfg.min_entries, never)


class Placer:
    """Places papers in one catalog under one [sections] config."""

    def __init__(self, catalog: Catalog, cfg: SectionsConfig,
                 abstracts: Mapping[str, str] | None = None) -> None:
        """Resolve configured names against the catalog's headings; note the missing ones;
        learn each section's content (titles, and `abstracts` of listed ids when cached)."""
        self.cfg = cfg
        self._catalog = catalog
        self._by_content = bool(abstracts)
        sections = catalog.sections
        self._never = never_headings(sections, cfg.never)
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
        self._learnable = _learnable(catalog, cfg.min_entries, self._never)
        index = {id(e): i for i, e in enumerate(catalog.entries)}
        self._owner = np.full(len(index), -1, dtype=np.intp)  # column -> learnable section
        for n, section in enumerate(self._learnable):
            self._owner[[index[id(e)] for e in section.entries]] = n
        self._learnable_columns = int((self._owner >= 0).sum())
        self._named = named_sections(catalog, cfg, self._never)
        self._status = status_profile(self._learnable)
        self._papers = holds_papers(self._learnable)
        self._headings = HeadingWords([s.heading for s in self._learnable])
        self._names = section_names(catalog)  # a heading path where headings repeat ("A > 2026")
        self._content = CoveredContent(self._learnable, abstracts)
        self._recent = DatedShares(self._learnable)
        self._topics = _topic_groups(self._learnable)
        # Section x topic membership, for summing the sections' priors by topic.
        self._members = (np.eye(int(self._topics.max()) + 1, dtype=np.float64)[self._topics]
                         if self._topics.size else np.zeros((0, 0)))

    @cached_property
    def fit(self) -> PlacementFit:
        """The content model's sharpness and the recency prior's weight this list's entries
        bear out (placement_fit): each entry judged by a model fitted without it and the prior
        at its date. Fitted when first needed: a run whose papers all go by the rules, or that
        has none, does not pay for the cross-validation."""
        ages = [outline.entry_age(e) for s in self._learnable for e in s.entries]
        dated = np.array([age is not None for age in ages], dtype=np.bool_)
        priors = self._topic_prior(self._recent.near(ages))
        return fit_placement(self._content.model.held_out_margins(FOLDS),
                             self._content.model.labels, priors, dated)

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

    def section_view(self, paper: Paper, shown: int = 3) -> list[tuple[str, float, float]]:
        """The `shown` sections the content model finds likeliest for `paper` (by its title, and
        abstract when the model learned abstracts): name, probability, and the section's share
        of the list's entries nearest the paper's date (the recency prior)."""
        found = self._content.probabilities([paper.title], [_text(paper, self._by_content)],
                                            self.fit.scale)[0]
        recent = self._recent.near([paper_age(paper)])[0]
        best = np.argsort(-found, kind="stable")[:shown]
        return [(self._names.get(id(self._learnable[i]), self._learnable[i].heading),
                 float(found[i]), float(recent[i])) for i in best]

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
        """The learned rule: neighbours' votes and heading words, mixed with the sections'
        content model, times the status likeness and the recency prior; year sections of one
        topic vote together, and the paper's own year picks among them."""
        mass = self._mass(sims, order)
        total = mass.sum(axis=1)
        used = [self._headings.used(p.title) for p in papers]
        venues = [f.published_venue for f in fields]
        statuses = [PUBLISHED if v else PREPRINT for v in venues]
        factors = {s: self._status.factors(s) for s in (PUBLISHED, PREPRINT)}
        near = mass + HEADING_SHARE * self._headings.scores(used) * total[:, None]
        probabilities = self._content.probabilities(
            [p.title for p in papers], [_text(p, self._by_content) for p in papers],
            self.fit.scale)
        content = (1.0 - CONTENT_WEIGHT) * _shares(near) + CONTENT_WEIGHT * probabilities
        prior = self._recent.near([paper_age(p, f.year) for p, f in zip(papers, fields,
                                                                          strict=True)])
        votes = content * np.array([factors[s] for s in statuses]).reshape(len(papers), -1) \
            * self._topic_prior(prior) ** self.fit.weight * self._papers
        placements = []
        for n in range(len(papers)):
            if total[n] <= 0 or not votes.shape[1]:
                placements.append(self._named_instead(papers[n].title, None)
                                  or self._learned(None, 0.0, ""))
                continue
            row = votes[n]
            topics = np.bincount(self._topics, weights=row)
            topic = int(topics.argmax())
            best = int(np.where(self._topics == topic, row, -1.0).argmax())
            confidence = float(topics[topic] / row.sum())
            section, dated = self._year_section(self._learnable[best], fields[n])
            why = self._why(used[n], best, statuses[n], venues[n]) + (
                f"; {dated}" if dated is not None else "")
            placements.append(self._named_instead(papers[n].title, section)
                              or self._learned(section, confidence, why))
        return placements

    def _named_instead(self, title: str, chosen: Section | None) -> Placement | None:
        """A section too small to learn from whose heading `title` names (heading_names), when
        the chosen section's headings say no longer phrase of the title: the more specific
        heading wins ("3D Object Detection" over "Object Detection")."""
        named = self._named.named(title, chosen) if self._named else None
        if named is None or (chosen is not None and longest_said(
                chosen.path or (chosen.heading,), title) >= len(named.phrase)):
            return None
        name = self._names.get(id(named.section), named.section.heading)
        return Placement(name, 1.0, False, f'section "{name}": the title says "{named.phrase}"'
                         " as its heading does (a section with too few entries to learn from)")

    def _topic_prior(self, prior: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """Each section's recency prior as its topic's: the year sections of one topic share
        the topic's recent additions (a year just opened has few entries yet; it is where the
        topic's papers go now, the year decides that, not the prior)."""
        if prior.shape[1] == 0:
            return prior
        return (prior @ self._members)[:, self._topics]  # papers x topics, back to sections

    def _year_section(self, section: Section, fields: PaperFields) -> tuple[Section, str | None]:
        """In a list split by year under a topic, the topic's section for the paper's year (and
        its venue, where the list splits by venue and year: `CVPR 2022`), and that date said;
        where the list has no such section yet, `section` itself, and that it will be opened
        (the entry's insertion opens it); `section` and None in a list not split so."""
        siblings = (outline.year_siblings(self._catalog, section)
                    if outline.heading_year(section) is not None else [])
        if not siblings:
            return section, None
        venues = outline.by_venue(siblings)
        kind = "venue and year" if venues else "year"
        chosen = outline.dated_section(self._catalog, siblings, fields.year, fields.venue)
        if chosen is None:
            venue = outline.dating_venue(fields.venue) or "arXiv"  # as the heading will say
            wanted = f"{venue} {fields.year}" if venues else str(fields.year)
            return section, f"its {kind} {wanted}, a heading the list opens with this entry"
        date = outline.heading_date(chosen)
        if date is None:
            return chosen, "a preprint, under the heading of the list's preprints"
        if date.year != fields.year:
            return section, None
        said = f"{date.venue} {date.year}" if date.venue else str(date.year)
        return chosen, f"its {kind} {said}"

    def _learned(self, section: Section | None, confidence: float, why: str) -> Placement:
        default = self._found.get(self.cfg.default)
        if section is None:
            fallback = default or (self._learnable[0].heading if self._learnable else None)
            return Placement(fallback, 0.0, True, "no similar catalog entries: needs triage")
        name = self._names.get(id(section), section.heading)
        if confidence >= self.cfg.min_confidence or default is None:
            triage = confidence < self.cfg.min_confidence
            return Placement(name, confidence, triage, f'section "{name}": nearest entries and'
                             f" sections' content ({confidence:.0%} of the vote){why}")
        return Placement(default, confidence, True, f'default section "{default}": nearest'
                         f' entries and sections\' content point to "{name}" only at'
                         f" {confidence:.0%}{why}")

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


def _text(paper: Paper, with_abstract: bool) -> str:
    """What a paper is compared by: its title, and its abstract when entries' are cached."""
    return f"{paper.title}\n{paper.abstract}" if with_abstract else paper.title


def like_with_like(
    content: npt.NDArray[np.float32], titles: npt.NDArray[np.float32],
    cached: npt.NDArray[np.bool_],
) -> npt.NDArray[np.float32]:
    """Similarity rows for the nearest-entries vote, comparing like with like: a paper's title
    and abstract (`content`) against the entries with a cached abstract (`cached` columns), its
    title alone (`titles`) against the title-only ones, which a long text is never much like."""
    return np.where(cached[None, :], content, titles).astype(np.float32, copy=False)


def _shares(votes: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Each row's votes as shares of the row's total (a row without votes stays zero)."""
    sums = votes.sum(axis=1, keepdims=True)
    shares: npt.NDArray[np.float64] = np.divide(votes, sums, out=np.zeros_like(votes),
                                                where=sums > 0)
    return shares


def _learnable(catalog: Catalog, min_entries: int, never: Collection[str]
               ) -> tuple[Section, ...]:
    """The sections the learned rule learns from: those with `min_entries` entries or more, and
    the year sections of a topic none of whose years holds that many but all of them together
    do (a list that files each venue's year apart, `CVPR 2022`, has a topic's worth of entries
    under its headings, few under each). A topic with a year big enough learns from its big
    years alone: a year just opened is too new to tell the topics apart by."""
    sections = [s for s in catalog.sections if s.entries and s.heading not in never]
    topics = _topic_groups(sections)
    counts = [len(s.entries) for s in sections]
    totals = np.bincount(topics, weights=counts).tolist()
    biggest = [0] * len(totals)
    for topic, count in zip(topics, counts, strict=True):
        biggest[topic] = max(biggest[topic], count)
    return tuple(s for s, t, n in zip(sections, topics, counts, strict=True)
                 if n >= min_entries or (outline.heading_year(s) is not None
                                         and biggest[t] < min_entries <= totals[t]))


def _topic_groups(sections: Sequence[Section]) -> npt.NDArray[np.intp]:
    """Per section, its topic's number: year sections under one heading share one (`Vision >
    2025` and `Vision > 2026` are one topic), every other section is a topic of its own."""
    keys: dict[tuple[str, ...], int] = {}
    out = []
    for n, section in enumerate(sections):
        yearly = outline.heading_year(section) is not None and len(section.path) > 1
        key = ("year", *section.path[:-1]) if yearly else ("section", str(n))
        out.append(keys.setdefault(key, len(keys)))
    return np.array(out, dtype=np.intp)
