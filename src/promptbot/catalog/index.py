"""Identifiers of papers (arXiv ids, titles, code URLs), normalized, and a lookup index."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from promptbot.catalog.code_hosts import CODE_HOSTS
from promptbot.catalog.math_text import plain_math
from promptbot.models import Catalog, Entry

# New-style ids (0704.0001 onwards: YYMM.NNNN, YYMM.NNNNN since 1501) and old-style ids
# (archive[.SUBJECT]/YYMMNNN); the subject class is not part of an old-style id.
_NEW_ID = r"(?P<new>\d{4}\.\d{4,5})"
_OLD_ID = r"(?P<old>[a-z][a-z\-]{1,15})(?:\.[A-Za-z]{2})?/(?P<num>\d{7})"
_ID = rf"(?:{_NEW_ID}|{_OLD_ID})(?:v\d+)?"
_IN_TEXT = re.compile(
    rf"(?:arxiv\.org/(?:abs|pdf|html|format|ps|src)/|ar5iv(?:\.labs\.arxiv)?\.org/(?:abs|html)/"
    rf"|huggingface\.co/papers/|\barxiv\s*[:：]\s*){_ID}(?![\d])",
)
_PLAIN = re.compile(rf"{_NEW_ID}|{_OLD_ID}")
_BARE = re.compile(rf"\s*(?:arxiv\s*[:：]?\s*|(?:abs|pdf|html)/)?{_ID}(?:\.pdf)?/?\s*",
                   re.IGNORECASE)

_APOSTROPHES = re.compile(r"['’ʼ`´]")
_TAGS = re.compile(r"<[^>]{0,200}>")
_NON_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")
_FILLERS = frozenset({"with", "from", "into", "over", "onto", "towards", "toward", "using",
                      "based", "their", "that", "this", "when", "than", "through", "within"})

_MIN_FUZZY_CHARS = 25
_MIN_FUZZY_WORDS = 4
_BLOCKING_WORDS = 4
_URL = re.compile(r"^(?:[a-z][a-z0-9+.\-]*://)?(?:www\.)?(?P<host>[^/?#\s]+)(?P<path>/[^?#\s]*)?",
                  re.IGNORECASE)


def _id_from_match(match: re.Match[str]) -> str | None:
    new = match.group("new")
    if new:
        month = int(new[2:4])
        return new if 1 <= month <= 12 else None
    return f"{match.group('old').lower()}/{match.group('num')}"


def is_arxiv_id(text: str) -> bool:
    """Whether `text` is exactly one versionless arXiv id ("2503.12096", "math.AG/0601001")."""
    return _PLAIN.fullmatch(text) is not None


def normalize_arxiv_id(text: str) -> str | None:
    """The arXiv id in an id, `arXiv:` reference or arXiv URL, without version; None if none."""
    bare = _BARE.fullmatch(text)
    if bare:
        return _id_from_match(bare)
    match = _IN_TEXT.search(text.lower())
    return _id_from_match(match) if match else None


def find_arxiv_ids(text: str) -> tuple[str, ...]:
    """Every arXiv id a text cites (links or `arXiv:` references), normalized, once, in order."""
    found: dict[str, None] = {}
    lowered = text.lower()
    if "arxiv" not in lowered and "ar5iv" not in lowered and "huggingface" not in lowered:
        return ()
    for match in _IN_TEXT.finditer(lowered):
        arxiv_id = _id_from_match(match)
        if arxiv_id:
            found.setdefault(arxiv_id, None)
    return tuple(found)


def normalize_title(title: str) -> str:
    """A title reduced for comparison: no case, accents, markup, TeX math, punctuation or extra
    spaces (arXiv's `Mask$^2$DiT` and a list's `Mask²DiT` read the same)."""
    text = _TAGS.sub(" ", title) if "<" in title else title
    text = plain_math(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text.casefold())
    return _NON_WORD.sub(" ", text).strip()


def normalize_code_url(url: str) -> str | None:
    """A code URL as `host/path`: no scheme, `www.`, trailing slash or `.git`; repo in lowercase."""
    match = _URL.match(url.strip().strip("<>"))
    if not match or "." not in match.group("host"):
        return None
    host = match.group("host").lower()
    parts = [p for p in (match.group("path") or "").split("/") if p]
    if parts and parts[-1].endswith(".git"):
        parts[-1] = parts[-1][:-4]
    if host in CODE_HOSTS:
        parts[:2] = [p.lower() for p in parts[:2]]
    return "/".join([host, *[p for p in parts if p]])


def _repo_key(normalized_url: str) -> str | None:
    parts = normalized_url.split("/")
    if parts[0] in CODE_HOSTS and len(parts) >= 3:
        return "/".join(parts[:3])
    return None


def _same_words(a: str, b: str) -> bool:
    """No content word swapped, added or dropped: "Prompt Tuning" is not "Prompt Learning"."""
    words_a, words_b = Counter(a.split()), Counter(b.split())
    only_a, only_b = list((words_a - words_b).elements()), list((words_b - words_a).elements())
    for word in list(only_a):
        near = process.extractOne(word, only_b, scorer=fuzz.ratio, score_cutoff=75)
        if near is not None:  # a typo, a plural: "model"/"models"
            only_a.remove(word)
            only_b.remove(near[0])
    # What is left must be short, filler, or words merged or split: "pre training"/"pretraining".
    joined_a, joined_b = a.replace(" ", ""), b.replace(" ", "")
    return all(_explained(w, joined_b) for w in only_a) and all(
        _explained(w, joined_a) for w in only_b)


def _explained(word: str, other: str) -> bool:
    return len(word) < 4 or word in _FILLERS or fuzz.partial_ratio(word, other) >= 85


def _title_keys(entry: Entry) -> tuple[str, ...]:
    key = normalize_title(entry.title)
    keys = [key] if key else []
    if entry.name and entry.name != "?":
        # Lists often drop the short name from the title ("**MaPLe**: Multi-modal ...").
        alias = normalize_title(f"{entry.name} {entry.title}")
        if alias and alias != key and not key.startswith(normalize_title(entry.name)):
            keys.append(alias)
    return tuple(keys)


class _Titles:
    """Entries by title: exact keys first, then a guarded fuzzy match.

    One matcher for the listed and for the hidden entries, so both obey the same guards: a
    short title never matches fuzzily, the numbers must agree ("Foo-2" is not "Foo-3") and no
    content word may be swapped.
    """

    def __init__(self, entries: Iterable[Entry], threshold: float) -> None:
        self.threshold = threshold
        self._entries: dict[str, Entry] = {}
        for entry in entries:
            for key in _title_keys(entry):
                self._entries.setdefault(key, entry)
        self._keys = list(self._entries)
        self._postings: dict[str, list[int]] = {}
        for number, key in enumerate(self._keys):
            for word in set(key.split()):
                self._postings.setdefault(word, []).append(number)

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, title: str) -> tuple[Entry, float] | None:
        """The entry with this title and the score: 100.0 if exact, else the best fuzzy match."""
        key = normalize_title(title)
        if not key:
            return None
        exact = self._entries.get(key)
        if exact is not None:
            return exact, 100.0
        if len(key) < _MIN_FUZZY_CHARS or key.count(" ") + 1 < _MIN_FUZZY_WORDS:
            return None  # short titles ("Visual Prompt Tuning") are too easy to confuse
        return self._fuzzy(key)

    def _fuzzy(self, key: str) -> tuple[Entry, float] | None:
        t = self.threshold
        choices = [self._keys[n] for n in self._candidates(key)]
        # ratio >= t is impossible outside this length band.
        low, high = len(key) * t / (200 - t), len(key) * (200 - t) / t
        choices = [c for c in choices if low <= len(c) <= high]
        numbers = _DIGITS.findall(key)
        for choice, score, _ in process.extract(key, choices, scorer=fuzz.ratio,
                                                score_cutoff=t, limit=3):
            if _DIGITS.findall(choice) == numbers and _same_words(key, choice):
                return self._entries[choice], float(score)
        return None

    def _candidates(self, key: str) -> set[int]:
        """Titles sharing one of the query's rarest words: a near-identical title must."""
        words = set(key.split())
        lists = sorted((self._postings[w] for w in words if w in self._postings), key=len)
        found: set[int] = set()
        for postings in lists[:_BLOCKING_WORDS]:
            found.update(postings)
        return found


class CatalogIndex:
    """Look entries up by arXiv id, by title (exact, then fuzzy) and by code repository URL."""

    def __init__(self, catalog: Catalog, fuzzy_threshold: float = 92.0) -> None:
        """Index every entry of `catalog`; the first entry wins when several share a key."""
        self.catalog = catalog
        self.fuzzy_threshold = fuzzy_threshold
        self._ids: dict[str, Entry] = {}
        self._urls: dict[str, Entry] = {}
        self._repos: dict[str, list[Entry]] = {}
        for entry in catalog.entries:
            self._add(entry)
        self._titles = _Titles(catalog.entries, fuzzy_threshold)
        self._hidden_ids: dict[str, Entry] = {}
        for entry in catalog.hidden:
            for arxiv_id in entry.arxiv_ids:
                self._hidden_ids.setdefault(arxiv_id, entry)
        self._hidden_titles = _Titles(catalog.hidden, fuzzy_threshold)

    def _add(self, entry: Entry) -> None:
        for arxiv_id in entry.arxiv_ids:
            self._ids.setdefault(arxiv_id, entry)
        for url in entry.code_urls:
            normalized = normalize_code_url(url)
            if not normalized:
                continue
            self._urls.setdefault(normalized, entry)
            repo = _repo_key(normalized)
            if repo:
                owners = self._repos.setdefault(repo, [])
                if entry not in owners:
                    owners.append(entry)

    def hidden(self, arxiv_id: str, title: str = "") -> Entry | None:
        """The commented-out entry (`<!-- ... -->`) citing this arXiv id or title, if any.

        The maintainers hid it on purpose: a paper they retired is not to be proposed again.
        Titles match as listed ones do (`by_title`), with the same guards.
        """
        normalized = normalize_arxiv_id(arxiv_id)
        found = self._hidden_ids.get(normalized) if normalized else None
        if found is not None or not self._hidden_titles:
            return found
        near = self._hidden_titles.find(title)
        return near[0] if near is not None else None

    def by_arxiv_id(self, arxiv_id: str) -> Entry | None:
        """The entry citing this arXiv id (any form: URL, version, `arXiv:` prefix)."""
        normalized = normalize_arxiv_id(arxiv_id)
        return self._ids.get(normalized) if normalized else None

    def by_title(self, title: str) -> tuple[Entry, float] | None:
        """The entry with this title and the score: 100.0 if exact, else the best fuzzy match."""
        return self._titles.find(title)

    def by_code_url(self, url: str) -> Entry | None:
        """The entry linking this code URL; a bare repository only if one entry links it."""
        normalized = normalize_code_url(url)
        if not normalized:
            return None
        found = self._urls.get(normalized)
        if found is not None:
            return found
        repo = _repo_key(normalized)
        owners = self._repos.get(repo, []) if repo else []
        return owners[0] if len(owners) == 1 else None


def build_index(catalog: Catalog, fuzzy_threshold: float = 92.0) -> CatalogIndex:
    """The lookup index of a parsed catalog."""
    return CatalogIndex(catalog, fuzzy_threshold)
