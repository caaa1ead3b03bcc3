"""What a list's sections tell about themselves: published or preprint, and their heading's words.

Both are learned from the catalog at hand, for lists whose sections the config does not name:

- status: the share of a section's entries whose venue is arXiv (a preprint) rather than a real
  venue, read from the entries the parser found, with heading words ("accepted", "arxiv") as a
  few extra votes. A section counts as published or preprint only when its share stands out from
  the whole list's; otherwise status says nothing about it.
- heading words: the words of a heading (before any colon, "*Updating by ...*" left out), weighed
  by how few headings share them; a paper whose title uses them leans towards that section.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from promptbot.models import Entry, Section

PUBLISHED, PREPRINT = "published", "preprint"
_PREPRINT_VENUE = re.compile(r"^(arxiv|preprint|corr|openreview|under review|submitted)\b",
                             re.IGNORECASE)
_PREPRINT_WORDS = frozenset({"arxiv", "preprint", "preprints", "unpublished"})
_PUBLISHED_WORDS = frozenset({
    "accepted", "published", "conference", "journal", "proceedings", "cvpr", "iccv", "eccv",
    "neurips", "nips", "iclr", "icml", "aaai", "ijcai", "acl", "emnlp", "tpami", "ijcv", "wacv",
})
_OTHER_WORDS = frozenset({"other", "others", "misc", "miscellaneous", "paper", "papers",
                          "related", "work", "works", "updating", "updated", "eg", "etc"})
# Words of a heading that say nothing of its topic: status words and "Others", "Papers".
NON_TOPIC_WORDS = _PREPRINT_WORDS | _PUBLISHED_WORDS | _OTHER_WORDS
_WORD = re.compile(r"[0-9]+[a-z]*|[a-z]+")  # "arxiv4" -> arxiv, 4; "3DGS" stays whole
HINT_VOTES = 3.0  # a heading word counts as this many entries of its status
SMOOTHING = 2.0  # entries of the list-wide share added to every section's own
DISTINCT = 0.25  # a section's status share must differ this much from the list's to count
FLOOR = 0.01
HEADING_WEIGHT = 1.0  # heading words fully used add this share of the neighbours' votes
PAPERLESS_MIN = 3  # a section of this many entries, none a paper, is not for papers ...
PAPER_LIST = 0.5  # ... in a list where at least this share of the entries are papers


def venue_status(venue: str | None) -> str | None:
    """An entry's status from its venue: "preprint" for arXiv and the like, None if unknown."""
    if venue is None or not venue.strip():
        return None
    return PREPRINT if _PREPRINT_VENUE.match(venue.strip()) else PUBLISHED


def says_preprint(heading: str) -> bool:
    """Whether a heading says its papers are preprints (`arXiv`, `Preprints`, `Unpublished`)."""
    return bool(set(words(heading)) & _PREPRINT_WORDS)


def words(text: str) -> list[str]:
    """Lower-case words (hyphens and digits split them), a plural -s dropped."""
    return [w[:-1] if len(w) > 3 and w.isalpha() and w.endswith("s") and not w.endswith("ss")
            else w
            for w in _WORD.findall(text.lower())]


def heading_topic(heading: str) -> str:
    """The part of a heading that names its topic: before a colon, without the status words."""
    return heading.split(":")[0]


@dataclass(frozen=True)
class StatusProfile:
    """Per section (in the given order): share of preprints, and whether that share stands out."""

    preprint_share: tuple[float, ...]
    distinct: tuple[bool, ...]
    list_share: float  # the whole list's share of preprints

    def factors(self, status: str) -> npt.NDArray[np.float64]:
        """Per section, the share of its entries with `status` (the list's if not distinct)."""
        share = np.array(self.preprint_share)
        base = self.list_share
        if status == PUBLISHED:
            share, base = 1.0 - share, 1.0 - base
        # A floor keeps a list without any preprint (or published paper) from zeroing every vote.
        return np.maximum(np.where(np.array(self.distinct, dtype=bool), share, base), FLOOR)

    def describe(self, index: int, status: str) -> str | None:
        """ "73% of its entries are preprints" when the section stands out by having `status`."""
        share = self.preprint_share[index]
        if status == PUBLISHED:
            share = 1.0 - share
        base = self.list_share if status == PREPRINT else 1.0 - self.list_share
        if not self.distinct[index] or share < base:
            return None
        return f"{share:.0%} of its entries are {'preprints' if status == PREPRINT else status}"


def status_profile(sections: Sequence[Section]) -> StatusProfile:
    """Learn each section's preprint share from its entries' venues and its heading words."""
    counts = []
    for section in sections:
        statuses = [venue_status(e.venue) for e in section.entries]
        preprint = float(statuses.count(PREPRINT))
        published = float(statuses.count(PUBLISHED))
        said = set(words(section.heading))
        preprint += HINT_VOTES if said & _PREPRINT_WORDS else 0.0
        published += HINT_VOTES if said & _PUBLISHED_WORDS else 0.0
        counts.append((preprint, published))
    total = sum(p + q for p, q in counts)
    list_share = sum(p for p, _ in counts) / total if total else 0.5
    shares = tuple((p + SMOOTHING * list_share) / (p + q + SMOOTHING) for p, q in counts)
    distinct = tuple(abs(s - list_share) >= DISTINCT for s in shares)
    return StatusProfile(shares, distinct, list_share)


def is_paper(entry: Entry) -> bool:
    """Whether an entry is a paper: it has an arXiv id or a venue (not a repository, a product,
    a news item)."""
    return bool(entry.arxiv_ids) or venue_status(entry.venue) is not None


def holds_papers(sections: Sequence[Section]) -> npt.NDArray[np.float64]:
    """Per section, how likely it is to take a paper at all: 1, unless it holds `PAPERLESS_MIN`
    entries or more and not one of them is a paper (no arXiv id, no venue) while the list's
    entries mostly are: a "Projects (without Paper)", "Commercial Product" or "News" section.
    Then the chance that its next entry is a paper after none of its `n` was, by Laplace's rule
    of succession: 1 / (n + 2), each entry one more sign that the section is not for papers
    (a paper whose repository the section lists already is still not filed there). A section
    with a single paper among many entries keeps 1: a journal section may link publishers'
    pages only, a toolbox section mostly repositories, and a paper still belongs there."""
    counts = [(len(s.entries), sum(1 for e in s.entries if is_paper(e))) for s in sections]
    total = sum(n for n, _ in counts)
    share = sum(k for _, k in counts) / total if total else 0.0
    return np.array([1.0 / (n + 2) if n >= PAPERLESS_MIN and k == 0 and share >= PAPER_LIST
                     else 1.0 for n, k in counts], dtype=np.float64)


class HeadingWords:
    """Which heading words a title uses, weighed by their rarity among the headings."""

    def __init__(self, headings: Sequence[str]) -> None:
        """Index the topic words of each heading."""
        topics = [self._topic_words(h) for h in headings]
        self.size = len(topics)
        df: dict[str, int] = {}
        for topic in topics:
            for word in topic:
                df[word] = df.get(word, 0) + 1
        weights = [{w: math.log((1 + len(topics)) / df[w]) for w in topic} for topic in topics]
        self._columns: dict[str, list[tuple[int, float]]] = {}  # word -> (heading, share)
        for column, topic_weights in enumerate(weights):
            total = sum(topic_weights.values())
            for word, weight in topic_weights.items():
                self._columns.setdefault(word, []).append((column, weight / total))
        vocabulary = sorted(self._columns, key=len, reverse=True)
        # One pass per title finds every heading word, a plural -s allowed.
        self._find = re.compile(
            r"(?<![a-z0-9])(" + "|".join(map(re.escape, vocabulary)) + r")s?(?![a-z])"
        ) if vocabulary else None

    @staticmethod
    def _topic_words(heading: str) -> set[str]:
        skip = ENGLISH_STOP_WORDS | NON_TOPIC_WORDS
        return {w for w in words(heading_topic(heading))
                if len(w) > 1 and w not in skip and not w.isdigit()}

    def used(self, title: str) -> frozenset[str]:
        """The heading words `title` uses."""
        return frozenset(self._find.findall(title.lower())) if self._find else frozenset()

    def scores(self, used: Sequence[frozenset[str]]) -> npt.NDArray[np.float64]:
        """Per title (its words from `used`) and heading, the weighed share of its words used."""
        found = np.zeros((len(used), self.size))
        for row, title_words in enumerate(used):
            for word in title_words:
                for column, share in self._columns[word]:
                    found[row, column] += share
        return found

    def matched(self, used: frozenset[str], index: int) -> list[str]:
        """The words of heading `index` among a title's `used` words."""
        return sorted(w for w in used if any(c == index for c, _ in self._columns[w]))
