"""`promptbot init`: a starter configuration for a list, drawn from the list's own entries.

The sections come from the headings that hold entries (a heading saying "arXiv" or "preprint" is
the preprint section, and then the fullest other section the published one). No default section
is written: a paper the list's sections disagree on keeps the section the learned placement finds
likeliest, marked for triage, rather than going to the fullest section (history-dev, 8 lists:
3 more of 181 papers in the maintainers' section, none fewer). The arXiv keywords are the words
and word pairs most of the entries' titles share; the hand-written terms are cleared, so
relevance is learned from the entries alone.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from collections.abc import Sequence

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from promptbot.config import ArxivConfig
from promptbot.judging.list_texts import list_texts
from promptbot.models import Catalog, Section

_PREPRINT = re.compile(r"arxiv|preprint", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]+")
# Words every paper list uses: never a keyword of its own.
_GENERIC = frozenset({"learning", "model", "models", "via", "towards", "based", "using", "network",
                      "networks", "deep", "neural", "new", "approach", "method", "paper", "study",
                      "large", "efficient", "framework", "benchmark", "data", "task", "tasks"})
KEYWORDS = 8


def keywords(titles: Sequence[str], count: int = KEYWORDS) -> tuple[str, ...]:
    """The word pairs, then words, that most titles share (each counted once a title)."""
    pairs: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for title in titles:
        tokens = [t.lower() for t in _WORD.findall(title)]
        useful = [t for t in tokens if t not in ENGLISH_STOP_WORDS and t not in _GENERIC]
        words.update(set(useful))
        kept = set(useful)
        pairs.update({f"{a} {b}" for a, b in itertools.pairwise(tokens)
                      if a in kept and b in kept})
    chosen = [p for p, n in pairs.most_common(count) if n >= 3]
    covered = {w for p in chosen for w in p.split()}
    chosen += [w for w, n in words.most_common(count * 2) if n >= 3 and w not in covered]
    return tuple(chosen[:count])


def _sections(catalog: Catalog) -> tuple[str, str]:
    """published, preprint headings ("" where there is none)."""
    filled: list[Section] = sorted((s for s in catalog.sections if s.entries),
                                   key=lambda s: -len(s.entries))
    preprint = next((s.heading for s in filled if _PREPRINT.search(s.heading)), "")
    published = next((s.heading for s in filled if s.heading != preprint), "") if preprint else ""
    return published, preprint


def starter_config(catalog: Catalog, repo: str, path: str = "README.md",
                   branch: str = "main") -> str:
    """The text of a starter config.toml for the list in `catalog`."""
    published, preprint = _sections(catalog)
    found = keywords([t.split("\n", 1)[0] for t in list_texts(catalog)])
    lines = [
        "# promptbot's configuration, drawn from the list by `promptbot init`: check it, then",
        "# run `promptbot check` and `promptbot run --dry-run`. Every key is optional.",
        "", "[catalog]", f"repo = {_q(repo)}", f"path = {_q(path)}", f"branch = {_q(branch)}",
        "", "[arxiv]",
        "# Words and word pairs most of the list's titles share: searched in titles and abstracts.",
        f"keywords = {_list(found or ArxivConfig().keywords)}",
        f"categories = {_list(ArxivConfig().categories)}",
        "", "[sections]",
        "# Where a paper goes when the list's sections disagree on it; empty: the likeliest of",
        "# them, marked for triage in the pull request.",
        'default = ""', f"published = {_q(published)}", f"preprint = {_q(preprint)}",
        "never = []",
        "", "[scoring]",
        "# Relevance is learned from the list's entries at each run; no hand-written terms.",
        "# The volume cap picks the day's best five; the threshold only keeps out the hopeless.",
        'model = "learned"', "threshold = 0.1", "expected_per_day = 5.0",
        *[f"{key} = []" for key in ("positive_terms", "adaptation_terms", "model_terms",
                                    "vision_terms", "negative_terms", "text_only_terms")],
    ]
    return "\n".join(lines) + "\n"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _list(items: Sequence[str]) -> str:
    return "[" + ", ".join(_q(i) for i in items) + "]"
