"""Configured terms ("prompt tuning^3") and a fast, phrase-aware matcher for them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, filterfalse

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
    yields: bool = False  # loses ties to other terms of the same length

    def rank(self) -> tuple[int, bool]:
        """Sort key: longest first; at equal length, terms that do not yield first."""
        return -len(self.words), self.yields

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

    def __init__(self, terms: Sequence[Term], whole_word_groups: Iterable[str] = ()) -> None:
        """Index the terms by their first word; terms of `whole_word_groups` never match inside
        camel case and give way to other terms as long (catalog names: "Visual-Prompting")."""
        self.terms = tuple(terms)
        whole = frozenset(whole_word_groups)
        self._exact: dict[str, list[_Pattern]] = {}  # first word as written -> patterns
        self._lower: dict[str, list[_Pattern]] = {}  # first word lower-cased -> patterns
        self._starts: list[_Pattern] = []  # single wildcard words: prefix search
        self._suffixes: list[_Pattern] = []  # single exact words: also inside camel case
        self._options: dict[str, tuple[_Pattern, ...]] = {}  # word -> terms starting there
        self._live = {"\x00"}  # the words some term may start at, and the texts' separator
        for i, term in enumerate(self.terms):
            exact = any(c.isupper() for c in term.text)
            core = term.text.rstrip("*") if exact else term.text.rstrip("*").lower()
            pattern = _Pattern(i, tuple(_WORD.findall(core)), exact, term.text.endswith("*"),
                               yields=term.group in whole)
            self._index(pattern, camel=term.group not in whole)
        for table in (self._exact, self._lower):
            for patterns in table.values():
                patterns.sort(key=_Pattern.rank)

    def _index(self, pattern: _Pattern, camel: bool) -> None:
        first = pattern.words[0]
        single = len(pattern.words) == 1
        if single and pattern.wildcard:
            self._starts.append(pattern)
            return
        table = self._exact if pattern.exact else self._lower
        for form in (first, first + "s", first + "es") if single else (first,):
            table.setdefault(form, []).append(pattern)
        if single and pattern.exact and camel:
            self._suffixes.append(pattern)

    def count(self, text: str) -> dict[int, int]:
        """How often each term (by index in `self.terms`) occurs in `text`."""
        return self.count_each([text])[0]

    def count_each(self, texts: Sequence[str]) -> list[dict[int, int]]:
        """`count` of several texts (a title and an abstract), tokenized in one pass."""
        # A NUL between texts is a token of its own, so no phrase spans two texts.
        tokens = _PIECE.findall("\x00".join(t.replace("\x00", " ") for t in texts))
        cache = self._options
        live = self._live
        # Each distinct word is looked at once a run; the filter is lazy, so a word new twice in
        # one text is in the cache by its second time.
        for token in filterfalse(cache.__contains__, tokens):
            cache[token] = self._options_for(token)
            if cache[token]:
                live.add(token)
        counts: list[dict[int, int]] = [{} for _ in texts]
        part, free = 0, 0
        # The few positions where a term may start (or a text ends), picked out by C loops.
        for i in compress(range(len(tokens)), map(live.__contains__, tokens)):
            if tokens[i] == "\x00":
                part += 1
            elif i >= free:
                found = self._match_at(tokens, i, cache[tokens[i]])
                if found is not None:
                    counts[part][found.index] = counts[part].get(found.index, 0) + 1
                    free = i + len(found.words)
        return counts

    def _options_for(self, token: str) -> tuple[_Pattern, ...]:
        """The terms that may start at this word, longest first."""
        if token == "\x00":
            return ()
        lower = token.lower()
        options = [*self._exact.get(token, ()), *self._lower.get(lower, ())]
        options += [p for p in self._starts if (token if p.exact else lower).startswith(
            p.words[0])]
        if token != lower and not token.isupper():  # only mixed case can end in an acronym
            options += [p for p in self._suffixes if _camel_end(token, p.words[0])]
        return tuple(sorted(options, key=_Pattern.rank))

    @staticmethod
    def _match_at(tokens: list[str], i: int, options: tuple[_Pattern, ...]) -> _Pattern | None:
        for pattern in options:
            n = len(pattern.words)
            if n == 1:
                return pattern  # a single word was checked when its options were computed
            if i + n > len(tokens):
                continue
            seq = tokens[i:i + n] if pattern.exact else [t.lower() for t in tokens[i:i + n]]
            if seq[:-1] == list(pattern.words[:-1]) and pattern.last_matches(seq[-1]):
                return pattern
        return None


def _camel_end(token: str, word: str) -> bool:
    """`MadCLIP`, `FewCLIPs` end with `CLIP` after a lower-case letter (`ECLIP` does not)."""
    stem = token[:-1] if token.endswith(word + "s") else token
    return len(stem) > len(word) and stem.endswith(word) and stem[-len(word) - 1].islower()
