"""Sections a paper's title names by their heading, for sections too small to learn from.

The learned placement needs a few entries per section to learn what the section holds. A list of
many narrow topics ("Stereo Matching", "Video Editing", a "NeRF" section opened before its first
paper) has sections with one or two entries, or none yet, and the learned rule never picks them.
Their headings still say what goes there: a title that says "stereo matching" names the section
"立体匹配(Stereo Matching)".

A heading names its section only as far as the list bears it out (the list teaches):

- a phrase the list's titles use more often in other sections than in this one names nothing
  there ("Video" under a benchmarks heading; "Prompt" when the maintainers filed the prompt
  papers elsewhere); for a section with no title saying it yet (an empty one), no title
  elsewhere may say it either;
- only sections among the list's papers count, from the first section holding a paper to the
  last ("Citation", "Contributing" and "Star History" around them do not);
- a heading with sections below it is a parent (its papers sit in those), not a place for papers.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from promptbot.catalog.outline import has_subsections
from promptbot.catalog.section_signals import NON_TOPIC_WORDS, heading_topic, is_paper, words
from promptbot.models import Catalog, Section

# A heading's markup that is not its topic: images (a badge), links' targets, HTML tags, URLs.
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|<[^>]*>|https?://\S+")
# A run of Latin letters, digits, spaces, hyphens: a bilingual heading's English part.
_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 \-]*")
# Words of the headings that frame a list rather than hold its papers ("📢 News", "📜 Citation",
# "Table of Contents", "Star History"), as words() gives them (plural -s dropped). News items
# and a citation block often cite papers, so such a section can sit among the paper sections;
# and a title's "a new paradigm" names no news heading.
_FRAME_WORDS = frozenset({
    "new", "update", "latest", "announcement", "changelog", "citation", "cite", "bibtex",
    "table", "content", "contributing", "contribution", "contributor", "acknowledgment",
    "acknowledgement", "acknowledge", "license", "contact", "star", "history", "todo", "faq"})
_SKIP = ENGLISH_STOP_WORDS | NON_TOPIC_WORDS | _FRAME_WORDS
_YEAR = re.compile(r"(19|20)\d\d")
MIN_WORD = 3  # a phrase needs a topic word of at least this many letters ("3D" alone is none)


@dataclass(frozen=True)
class Named:
    """A section a title names, and the phrase of its heading the title says."""

    section: Section
    phrase: str


def heading_phrases(heading: str) -> tuple[str, ...]:
    """The phrases a heading's topic says in Latin script, as normalized words
    ("3D目标检测(3D Object Detection)" -> "3d object detection"); a phrase needs a topic word of
    at least `MIN_WORD` letters that is not a stop word or a status word ("arXiv", "accepted"),
    and no year (a heading "ACM-MM 2021" names a venue's section, not a topic)."""
    topic = heading_topic(_MARKUP.sub(" ", heading))  # a link's "https:" is no topic's colon
    found = []
    for run in _LATIN_RUN.findall(topic):
        said = words(run)
        if any(_YEAR.fullmatch(w) for w in said):
            continue  # "ACM-MM 2021", "CVPR 2022": a venue's or a year's section, no topic
        if any(w.isalpha() and len(w) >= MIN_WORD and w not in _SKIP for w in said):
            found.append(" ".join(said))
    return tuple(dict.fromkeys(found))


def _padded(title: str) -> str:
    """A title as normalized words with a space either side, for whole-word phrase search."""
    return f" {' '.join(words(title))} "


def longest_said(headings: Sequence[str], title: str) -> int:
    """The length of the longest phrase of `headings` that `title` says (0: none)."""
    padded = _padded(title)
    return max((len(p) for h in headings for p in heading_phrases(h) if f" {p} " in padded),
               default=0)


def _paper_span(catalog: Catalog) -> tuple[int, int]:
    """The first and last line of the sections holding papers ((0, -1) when none does)."""
    holding = [s for s in catalog.sections if any(is_paper(e) for e in s.entries)]
    if not holding:
        return 0, -1
    return holding[0].line, holding[-1].line


class NamedSections:
    """The small sections of a catalog that a title can name, with the phrases that name them."""

    def __init__(self, catalog: Catalog, small: Sequence[Section]) -> None:
        """Keep, of `small` (the sections the learned rule does not consider), those among the
        list's papers that are no parent heading and are empty or hold a paper, each with the
        phrases of its heading the list's titles bear out: no more titles elsewhere say the
        phrase than titles in the section."""
        first, last = _paper_span(catalog)
        candidates = [s for s in small if first <= s.line <= last
                      and not has_subsections(catalog, s)
                      and (not s.entries or any(is_paper(e) for e in s.entries))]
        # Each section's titles as normalized words, once (none when no section can be named):
        # counted here, asked again in named().
        self._titles = {id(s): [_padded(e.title) for e in s.entries]
                        for s in catalog.sections} if candidates else {}
        self._phrases: list[tuple[Section, str]] = []
        for section in candidates:
            for phrase in heading_phrases(section.heading):
                saying = {owner: sum(f" {phrase} " in t for t in titles)
                          for owner, titles in self._titles.items()}
                inside = saying[id(section)]
                if sum(saying.values()) - inside <= inside:  # no more elsewhere than inside
                    self._phrases.append((section, phrase))
        # Longest first: "3d object detection" names its section before "object detection".
        self._phrases.sort(key=lambda pair: -len(pair[1]))

    @classmethod
    def of(cls, catalog: Catalog, min_entries: int, never: Collection[str]) -> NamedSections:
        """The named sections among those holding fewer than `min_entries` entries, the
        headings in `never` (sections the config never fills) left out."""
        return cls(catalog, [s for s in catalog.sections
                             if len(s.entries) < min_entries and s.heading not in never])

    def __bool__(self) -> bool:
        return bool(self._phrases)

    def listed(self) -> tuple[Named, ...]:
        """Every section a title can name with each of its phrases, in document order."""
        return tuple(Named(s, p) for s, p in sorted(self._phrases, key=lambda sp: sp[0].line))

    def named(self, title: str, chosen: Section | None = None) -> Named | None:
        """The section whose longest phrase `title` says, if any; not a phrase that titles in
        `chosen` (the section the learned rule picked) say as well: there the list puts such
        titles in `chosen` too."""
        padded = _padded(title)
        theirs = self._titles.get(id(chosen), []) if chosen is not None else []
        return next((Named(s, p) for s, p in self._phrases
                     if f" {p} " in padded and not any(f" {p} " in t for t in theirs)), None)
