"""Configured terms ("prompt tuning^3") and a fast, phrase-aware matcher for them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from promptbot.errors import ConfigError

_WORD = re.compile(r"[A-Za-z0-9]+")
# Words, and every other character except spaces and hyphens, so phrases stop at punctuation.
_PIECE = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9\-]")


@dataclass(frozen=True)
class Term:
    """One configured term: its text as written (no weight), its group and its weight."""

    text: str
    group: str
    weight: float


def parse_term(spec: str, group: str, where: str) -> Term:
    """`"prompt tuning^3"` -> Term("prompt tuning", group, 3.0); `where` names the config key."""
    text, caret, weight_text = spec.rpartition("^")
    if not caret:
        text, weight_text = spec, "1"
    text = text.strip()
    try:
        weight = float(weight_text)
    except ValueError:
        raise ConfigError(f'{where}: bad weight "{weight_text}" in "{spec}"') from None
    if not text or not re.search(r"[A-Za-z0-9]", text):
        raise ConfigError(f'{where}: empty term in "{spec}"')
    if not weight > 0:
        raise ConfigError(f'{where}: the weight in "{spec}" must be positive')
    return Term(text, group, weight)


@dataclass(frozen=True)
class _Pattern:
    """A term as words to match: lower-case unless the term has a capital ("CLIP", "ViT")."""

    index: int
    words: tuple[str, ...]
    exact: bool  # case-sensitive; a single word also ends camel-case names ("MadCLIP")
    wildcard: bool  # `prompt*`: the last word may continue ("prompts", "prompting")

    def last_matches(self, token: str) -> bool:
        """Whether `token` (already lower-cased unless exact) fits the last word."""
        word = self.words[-1]
        if self.wildcard:
            return token.startswith(word)
        return token in (word, word + "s", word + "es")


class TermMatcher:
    """Finds terms as whole words, phrase-aware: words may be joined by spaces or hyphens (not
    other punctuation), the last word may be plural, and the longest term wins where several
    start at the same word, so "prompt tuning" is not also counted as "prompt"."""

    def __init__(self, terms: Sequence[Term]) -> None:
        """Index the terms by their first word."""
        self.terms = tuple(terms)
        self._by_first: dict[str, list[_Pattern]] = {}
        self._starts: list[_Pattern] = []  # single wildcard words: prefix search
        self._suffixes: list[_Pattern] = []  # single exact words: also inside camel case
        for i, term in enumerate(self.terms):
            exact = any(c.isupper() for c in term.text)
            core = term.text.rstrip("*") if exact else term.text.rstrip("*").lower()
            pattern = _Pattern(i, tuple(_WORD.findall(core)), exact, term.text.endswith("*"))
            self._index(pattern)
        for patterns in self._by_first.values():
            patterns.sort(key=lambda p: -len(p.words))
        self._prefixes = tuple(p.words[0] for p in self._starts)
        self._tails = tuple(p.words[0] + e for p in self._suffixes for e in ("", "s"))

    def _index(self, pattern: _Pattern) -> None:
        first = pattern.words[0]
        single = len(pattern.words) == 1
        if single and pattern.wildcard:
            self._starts.append(pattern)
            return
        forms = (first, first + "s", first + "es") if single else (first,)
        for form in forms:
            self._by_first.setdefault(form, []).append(pattern)
        if single and pattern.exact:
            self._suffixes.append(pattern)

    def count(self, text: str) -> dict[int, int]:
        """How often each term (by index in `self.terms`) occurs in `text`."""
        tokens = _PIECE.findall(text)
        lower = [t.lower() for t in tokens]
        counts: dict[int, int] = {}
        free = 0
        for i in self._candidates(tokens, lower):
            if i < free:
                continue
            found = self._match_at(tokens, lower, i)
            if found is not None:
                counts[found.index] = counts.get(found.index, 0) + 1
                free = i + len(found.words)
        return counts

    def _candidates(self, tokens: list[str], lower: list[str]) -> list[int]:
        keys = self._by_first
        hits = {i for i, t in enumerate(lower) if t in keys}
        hits.update(i for i, t in enumerate(tokens) if t in keys)
        if self._prefixes:
            hits.update(i for i, t in enumerate(tokens) if t.startswith(self._prefixes))
            hits.update(i for i, t in enumerate(lower) if t.startswith(self._prefixes))
        if self._tails:
            hits.update(i for i, t in enumerate(tokens) if t.endswith(self._tails))
        return sorted(hits)

    def _match_at(self, tokens: list[str], lower: list[str], i: int) -> _Pattern | None:
        options = self._by_first.get(tokens[i], []) + self._by_first.get(lower[i], [])
        for pattern in sorted(options, key=lambda p: -len(p.words)):
            seq = tokens if pattern.exact else lower
            n = len(pattern.words)
            if i + n <= len(seq) and (n == 1 or seq[i] == pattern.words[0]) and all(
                seq[i + k] == pattern.words[k] for k in range(1, n - 1)
            ) and pattern.last_matches(seq[i + n - 1]):
                return pattern
        for pattern in self._starts:
            if (tokens if pattern.exact else lower)[i].startswith(pattern.words[0]):
                return pattern
        for pattern in self._suffixes:
            word, token = pattern.words[0], tokens[i]
            stem = token[:-1] if token.endswith(word + "s") else token
            if stem.endswith(word) and len(stem) > len(word) and stem[-len(word) - 1].islower():
                return pattern
        return None
