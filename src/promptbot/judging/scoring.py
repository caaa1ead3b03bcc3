"""The decision on each candidate: listed, rejected, pending, irrelevant or proposed, with reasons.

Checks, in order: already in the catalog (arXiv id, title exact or fuzzy, code URL in the abstract
or comment) or already seen in this run; rejected before; pending in an open pull request; below
the relevance threshold; else proposed. Every decision carries a score and a best-guess section.
The threshold and the volume cap are the configured ones, unless the configured terms do not fit
the list (judging.calibration): then the list-taught ones, and the run's notes say so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from promptbot.catalog import build_index, normalize_title
from promptbot.catalog.code_hosts import CODE_HOSTS
from promptbot.config import Config
from promptbot.entries import judging_fields
from promptbot.judging.learned_scoring import LearnedScoring
from promptbot.judging.placement import Placement, Placer, like_with_like
from promptbot.judging.relevance import Relevance, RelevanceModel, descending
from promptbot.judging.reviews import Reviews
from promptbot.judging.section_model import cached_entries, entry_text
from promptbot.judging.volume import cap_volume, window_days
from promptbot.models import Catalog, Decision, Entry, Paper, PaperFields, Status

# A URL, or a repository named without its scheme ("github.com/owner/name") on any code host.
_HOSTS = "|".join(re.escape(host) for host in sorted(CODE_HOSTS))
# The lookahead on the possible first letters lets the regex engine skip ahead by a character
# set instead of trying every alternative at every position (~5x faster, the same matches).
_FIRST = "".join(sorted({re.escape(host[0]) for host in CODE_HOSTS} | {"h"}))
_URL = re.compile(
    rf"(?=[{_FIRST}])(?:https?://[^\s<>\"')\]]+|(?:{_HOSTS})/[\w.\-]+/[\w.\-]+)", re.I)
_EMPTY: Mapping[str, int] = {}
_CODE_TITLE_LIKENESS = 60.0  # rapidfuzz token_set_ratio, 0-100
_CHUNK = 1000  # candidates per batch: bounds the similarity matrix (chunk x catalog entries)


@dataclass(frozen=True)
class _Listing:
    """Why a paper counts as already listed."""

    reason: str
    entry: Entry | None = None


class Scorer:
    """Decides about candidates against one catalog; build once per run, it remembers the run."""

    def __init__(self, catalog: Catalog, cfg: Config, *,
                 abstracts: Mapping[str, str] | None = None) -> None:
        """Index the catalog and fit the tf-idf model over its titles; `abstracts` (cached arXiv
        text of listed ids) teach the learned model, as the maintainers' reviews do through
        `learn_reviews`."""
        self.catalog = catalog
        self.cfg = cfg
        self.index = build_index(catalog, cfg.scoring.fuzzy_title_threshold)
        entries = catalog.entries
        # With cached abstracts, similarity (and so placement) compares contents, not titles.
        self._by_content = bool(abstracts)
        self.relevance = RelevanceModel(
            [entry_text(e, abstracts) for e in entries],
            [_label(e) for e in entries],
            [e.name for e in entries],
            cfg.scoring,
        )
        self.placer = Placer(catalog, cfg.sections, abstracts)
        # Entries whose abstract is cached: the placement vote compares a paper's title and
        # abstract with them, and its title alone with the others (placement.like_with_like).
        self._cached = cached_entries(entries, abstracts)
        self.learned = LearnedScoring(catalog, cfg.scoring, self.relevance, abstracts)
        self._seen_ids: dict[str, str] = {}
        self._seen_titles: dict[str, str] = {}

    def learn_reviews(self, reviews: Reviews) -> None:
        """Teach the learned model what the maintainers merged and turned down."""
        self.learned.learn(reviews)

    @property
    def notes(self) -> tuple[str, ...]:
        """What the run should tell the user about this catalog and config (after judging: the
        list-taught fallback, when the configured terms do not fit the list)."""
        taught = self.learned.calibration.note
        return (*self.placer.notes, *([taught] if taught else []))

    def decide(
        self, paper: Paper, *, pending: Mapping[str, int] = _EMPTY,
        rejected: Mapping[str, int] = _EMPTY,
    ) -> Decision:
        """The decision on one paper."""
        return self.decide_many([paper], pending=pending, rejected=rejected)[0]

    def decide_many(
        self, papers: Sequence[Paper], *, pending: Mapping[str, int] = _EMPTY,
        rejected: Mapping[str, int] = _EMPTY,
    ) -> tuple[Decision, ...]:
        """Decisions in input order; tf-idf and placement run batched, a chunk at a time. The
        learned model sees the whole window at once (its new papers are its negatives; papers
        announced before, as a re-check's listed ones, are not), and the volume cap applies to
        the whole window."""
        decisions: list[Decision] = []
        judged = self.learned.judge(papers)
        calibration = self.learned.calibration  # the window's threshold and volume
        for start in range(0, len(papers), _CHUNK):
            chunk = papers[start:start + _CHUNK]
            sims = self.relevance.similarity.matrix(
                [f"{p.title}\n{p.abstract}" if self._by_content else p.title for p in chunk])
            order = descending(sims)
            relevances = self.learned.apply(self.relevance.assess_rows(chunk, sims, order),
                                            judged[start:start + _CHUNK])
            texts = [f"{p.title}\n{p.abstract}" for p in chunk]
            fields = [judging_fields(p) for p in chunk]
            places = self._place(chunk, fields, texts, sims, order)
            decisions.extend(
                self._decide(_Base(p, f, r, place, calibration.threshold), pending, rejected)
                for p, f, r, place in zip(chunk, fields, relevances, places, strict=True)
            )
        return cap_volume(decisions, calibration.threshold, calibration.per_day,
                          window_days(papers))

    def _place(
        self, chunk: Sequence[Paper], fields: Sequence[PaperFields], texts: Sequence[str],
        sims: npt.NDArray[np.float32], order: npt.NDArray[np.intp],
    ) -> list[Placement]:
        """Placements of a chunk; with some abstracts cached, the nearest-entries vote compares
        like with like (a title-only entry with the paper's title)."""
        if not self._cached.any() or self._cached.all():
            return self.placer.place_all(chunk, fields, texts, sims, order)
        titles = self.relevance.similarity.matrix([p.title for p in chunk])
        mixed = like_with_like(sims, titles, self._cached)
        return self.placer.place_all(chunk, fields, texts, mixed, descending(mixed))

    def _decide(
        self, base: _Base, pending: Mapping[str, int], rejected: Mapping[str, int]
    ) -> Decision:
        paper = base.paper
        key = normalize_title(paper.title)
        listing = self._listed(paper, key)
        self._remember(paper, key)
        if listing is not None:
            entry = listing.entry
            return base.decision(
                Status.LISTED, listing.reason,
                duplicate_of=_first_line(self.catalog, entry) if entry else None,
                duplicate_line=entry.line if entry else None,
            )
        hidden = self.index.hidden(paper.arxiv_id, paper.title)
        if hidden is not None:
            return base.decision(
                Status.HIDDEN, f"hidden by the maintainers: commented out at line {hidden.line}",
                duplicate_of=_first_line(self.catalog, hidden), duplicate_line=hidden.line)
        if paper.arxiv_id in rejected:
            number = rejected[paper.arxiv_id]
            return base.decision(Status.REJECTED, f"rejected in #{number}",
                                 pull_request=number)
        if paper.arxiv_id in pending:
            number = pending[paper.arxiv_id]
            return base.decision(Status.PENDING, f"pending in #{number} (already proposed)",
                                 pull_request=number)
        return base.verdict()

    def _listed(self, paper: Paper, key: str) -> _Listing | None:
        entry = self.index.by_arxiv_id(paper.arxiv_id)
        if entry is not None:
            return _Listing(f"listed: arXiv {paper.arxiv_id} at line {entry.line}", entry)
        found = self.index.by_title(paper.title)
        if found is not None:
            entry, score = found
            how = "the same title" if score >= 100 else f"a title {score:.0f}% alike"
            return _Listing(f"listed: {how} at line {entry.line}", entry)
        text = f"{paper.abstract} {paper.comment or ''}"
        # Every match holds a slash: most abstracts need no search at all.
        for url in _URL.findall(text) if "/" in text else ():
            entry = self.index.by_code_url(url.rstrip(".,;:"))
            # Papers share repositories (CoOp and CoCoOp): only an entry with no arXiv id (the
            # list cites a CVF or OpenReview page) and a title alike counts as this paper.
            if entry is not None and not entry.arxiv_ids and fuzz.token_set_ratio(
                    key, normalize_title(entry.title)) >= _CODE_TITLE_LIKENESS:
                return _Listing(f"listed: code {url.rstrip('.,;:')} at line {entry.line}", entry)
        earlier = self._seen_ids.get(paper.arxiv_id) or self._seen_titles.get(key)
        if earlier is not None:
            return _Listing(f"duplicate in this run (arXiv {earlier})")
        return None

    def _remember(self, paper: Paper, key: str) -> None:
        self._seen_ids.setdefault(paper.arxiv_id, paper.arxiv_id)
        if key:
            self._seen_titles.setdefault(key, paper.arxiv_id)


@dataclass(frozen=True)
class _Base:
    """What every decision on one paper shares: score, section and the relevance reasons."""

    paper: Paper
    fields: PaperFields  # what judging read (judging_fields); entries complete them
    relevance: Relevance
    place: Placement
    threshold: float  # the window's relevance threshold (judging.calibration)

    def verdict(self) -> Decision:
        """Proposed or irrelevant by the threshold; the score's own reason says which, once."""
        threshold = self.threshold
        below = self.relevance.score < threshold
        head, *rest = self.relevance.reasons
        side = "below" if below else "at or above"
        return replace(
            self.decision(Status.IRRELEVANT if below else Status.PROPOSED, ""),
            reasons=(f"{head}: {side} the threshold {threshold:g}", *rest, self.place.rule),
        )

    def decision(
        self, status: Status, why: str, *, duplicate_of: str | None = None,
        duplicate_line: int | None = None, pull_request: int | None = None,
    ) -> Decision:
        """A Decision with `status`, the reason for it first."""
        return Decision(
            paper=self.paper, status=status, score=round(self.relevance.score, 4),
            section=self.place.section, section_confidence=round(self.place.confidence, 4),
            needs_triage=self.place.needs_triage, duplicate_of=duplicate_of,
            duplicate_line=duplicate_line, pull_request=pull_request,
            reasons=(why, *self.relevance.reasons, self.place.rule), fields=self.fields,
            threshold=self.threshold,
        )


def _label(entry: Entry) -> str:
    """How reasons name an entry: its short name, else its title shortened."""
    if entry.name and entry.name != "?":
        return entry.name
    return entry.title if len(entry.title) <= 60 else entry.title[:57].rstrip() + "..."


def _first_line(catalog: Catalog, entry: Entry) -> str:
    return catalog.lines[entry.line - 1].rstrip("\r\n")


def decide_all(
    papers: Sequence[Paper], catalog: Catalog, cfg: Config, *,
    pending: Mapping[str, int] = _EMPTY, rejected: Mapping[str, int] = _EMPTY,
) -> tuple[tuple[Decision, ...], tuple[str, ...]]:
    """Decisions in input order, and the run's notes about the catalog and config."""
    scorer = Scorer(catalog, cfg)
    return scorer.decide_many(papers, pending=pending, rejected=rejected), scorer.notes
