"""A paper's short name (MaPLe, CLIP-Adapter): the title's prefix, or an acronym it defines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from promptbot.catalog.code_hosts import code_host
from promptbot.models import Paper

_STOP_PREFIXES = frozenset(
    {"survey", "review", "position", "tutorial", "overview", "introduction", "note", "erratum",
     "correction", "abstract", "keynote", "editorial", "perspective", "commentary", "rethinking"}
)
_VERSION_TOKEN = re.compile(r"^(v\d+(\.\d+)*|\d+(\.\d+)*|\+\+|[IVX]+|XL|Pro|Plus|Lite|Mini)$")
_COMMON_ACRONYMS = frozenset(
    {"CLIP", "VLM", "VLMS", "LLM", "LLMS", "MLLM", "MLLMS", "LVLM", "LVLMS", "VIT", "VITS", "GPT",
     "NLP", "CV", "AI", "ML", "DL", "CNN", "CNNS", "RNN", "GAN", "GANS", "SOTA", "VQA", "OOD",
     "FSL", "ZSL", "API", "GPU", "GPUS", "RL", "IOU", "MAE", "SAM", "BERT", "PEFT", "ICL", "COT"}
)
_DEFINE_WORDS = ("dubbed", "named", "termed", "called", "coined", "namely", "abbreviated as")
_DEFINE_RE = re.compile(
    rf"\b(?:{'|'.join(_DEFINE_WORDS)})\s+[\"“']?"
    r"([A-Za-z][\w+\-.]*[A-Za-z0-9+])[\"”']?",
)
_PROPOSE_RE = re.compile(
    r"\b(?:we|this paper|this work)\s+(?:\w+\s+){0,2}?"
    r"(?:propose|proposes|present|presents|introduce|introduces|develop|develops|design|"
    r"designs|devise|devises|call|term|name|dub)\b([^.;]*?)\(([^()\s]{2,24})\)",
    re.IGNORECASE,
)
_PROPOSE_NAME_RE = re.compile(
    r"\b(?i:we|this paper|this work)\s+(?:propose|proposes|present|presents|introduce|introduces)"
    r"\s+([A-Za-z][\w\-+.]*[A-Z0-9][\w\-+]*)\s*[,:(—–]"
)


_NAME_THEN_EXPANSION = re.compile(
    r"\b([A-Z][\w\-+]*[A-Z0-9][\w\-+]*)\s+\(([A-Z][\w\-]*(?:[\s\-]+[\w\-]+){1,9})\)"
)


def short_name(paper: Paper, code_url: str | None = None) -> str | None:
    """The short name, in order of trust: the title's prefix before a colon, an acronym the
    abstract defines, the code repository's name when it abbreviates the title."""
    from_title = _title_name(paper.title)
    if from_title is not None:
        return from_title
    from_abstract = _abstract_name(paper.abstract)
    if from_abstract is not None or not code_url:
        return from_abstract
    return repository_name(code_url, paper.title)


def repository_name(code_url: str, title: str) -> str | None:
    """The repository's name ("CaPT" of github.com/o/CaPT) when the title spells it out
    ("… Conditional Prompt Tuning …"); None for a name the title does not explain."""
    parts = [p for p in code_url.split("?")[0].split("#")[0].split("/") if p]
    if len(parts) < 4 or code_host(code_url) is None:
        return None
    name = parts[3].removesuffix(".git")
    letters = re.sub(r"[^A-Za-z0-9]", "", name)
    if not 2 <= len(letters) <= 20 or letters.lower() in {"code", "src", "main", "official"}:
        return None
    words = [w for w in re.split(r"[\s\-–:/]+", title) if w]
    if letters.lower() in (w.lower() for w in words):
        return name  # the title names it ("MadCLIP: …" is caught earlier; "… with MoMa")
    initials = "".join(w[0] for w in words if w[0].isalnum()).lower()
    content = "".join(w[0] for w in words if w[0].isalnum() and w.lower() not in _SMALL).lower()
    capitals = "".join(c for c in name if c.isupper() or c.isdigit()).lower()
    wanted = capitals if len(capitals) >= 2 else letters.lower()
    if _in_order(wanted, initials) or _in_order(wanted, content):
        return name if any(c.isupper() for c in name) else name.upper()
    if letters != name or (name != name.upper() and name != name.lower()):
        return None  # a name cased its own way is spelled by its capitals, matched above
    # `REVPT` of "Reinforced Visual Perception with Tools": the first letters of words in a row,
    # as the title cases them (`ReVPT`).
    return _spelled_by_prefixes(letters.lower(), words)


_SMALL = frozenset({"a", "an", "the", "of", "for", "and", "in", "on", "with", "to", "at", "via",
                    "by", "from"})


_PREFIX_MAX = 3  # letters one word gives a name spelled by word beginnings (`Re` of "Reinforced")


def _spelled_by_prefixes(wanted: str, words: Sequence[str]) -> str | None:
    """`wanted` spelled by the beginnings of consecutive words of the title (each word at most
    _PREFIX_MAX letters, small words may give none, at least two words give some), as the title
    cases them: `revpt` in "Reinforced Visual Perception with Tools" is `ReVPT`."""
    content = tuple(w for w in words if w[0].isalnum())

    # Memoized on positions: a hostile title of many small words must not make the search
    # exponential (each small word may give a letter or none).
    @cache
    def spell(at: int, word: int, used: int) -> str | None:
        if at == len(wanted):
            return "" if used >= 2 else None
        if word == len(content):
            return None
        text = content[word]
        for size in range(min(_PREFIX_MAX, len(text)), 0, -1):
            if wanted.startswith(text[:size].lower(), at):
                found = spell(at + size, word + 1, min(used + 1, 2))
                if found is not None:
                    return text[:size] + found
        return spell(at, word + 1, used) if text.lower() in _SMALL else None

    return next((found for start in range(len(content))
                 if (found := spell(0, start, 0)) is not None), None)


def _in_order(wanted: str, initials: str) -> bool:
    """Whether `wanted` is a run of consecutive initials of the title."""
    return len(wanted) >= 2 and wanted in initials


def _title_name(title: str) -> str | None:
    head, sep, rest = title.partition(":")
    if not sep or not rest.strip():
        return None
    tokens = head.split()
    if not tokens or len(head) > 32 or tokens[0].lower() in _STOP_PREFIXES:
        return None
    if len(tokens) == 1:
        return tokens[0] if re.match(r"^[\w][\w\-+.&']*$", tokens[0]) else None
    if _name_like(tokens[0]) and all(_name_like(t) or _VERSION_TOKEN.match(t) for t in tokens[1:]):
        return " ".join(tokens)
    # "STAY Diffusion": a coined acronym then a word or two.
    if len(tokens) <= 3 and sum(c.isupper() for c in tokens[0]) >= 2 and _name_like(tokens[0]):
        return " ".join(tokens)
    # "Personalized OVSS": a word then a coined acronym (not one of the field's own, "… SAM").
    if len(tokens) == 2 and tokens[0][0].isupper() and _coined_acronym(tokens[1]):
        return " ".join(tokens)
    return None


def _coined_acronym(token: str) -> bool:
    letters = re.sub(r"[\d\-]", "", token)
    return (len(letters) >= 3 and letters.isalpha() and letters.isupper()
            and token.upper() not in _COMMON_ACRONYMS)


def _name_like(token: str) -> bool:
    """A coined name (MaPLe, CLIP-Adapter, K-LITE, GPT4V), not an ordinary capitalized word."""
    if not re.match(r"^[\w][\w\-+.&']*$", token):
        return False
    inner_caps = sum(c.isupper() for c in token[1:])
    return inner_caps >= 1 or any(c.isdigit() for c in token)


def _abstract_name(abstract: str) -> str | None:
    text = " ".join(abstract.split())
    candidates: list[tuple[int, str]] = []
    # Each search runs only where the words it needs occur: most abstracts name nothing, and a
    # substring test is far cheaper than the regex (the same matches).
    bracket = "(" in text
    for match in _PROPOSE_RE.finditer(text) if bracket else ():
        candidates.append((match.start(2), match.group(2)))
    for match in _DEFINE_RE.finditer(text) if any(w in text for w in _DEFINE_WORDS) else ():
        candidates.append((match.start(1), match.group(1)))
    for match in _PROPOSE_NAME_RE.finditer(text):
        candidates.append((match.start(1), match.group(1)))
    for match in _NAME_THEN_EXPANSION.finditer(text) if bracket else ():
        if _expands(match.group(1), match.group(2)):
            candidates.append((match.start(1), match.group(1)))
    for _, name in sorted(candidates):
        name = name.strip(".,;:")
        if _acronym_like(name):
            return name
    return None


def _expands(name: str, words: str) -> bool:
    """Whether "Conditional Prompt Tuning" spells out "CoPT": its capitals are the initials."""
    initials = "".join(w[0] for w in re.split(r"[\s\-]+", words) if w).upper()
    capitals = "".join(c for c in name if c.isupper())
    return len(capitals) >= 2 and _subsequence(capitals, initials)


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(c in rest for c in short)


def _acronym_like(name: str) -> bool:
    if name.upper() in _COMMON_ACRONYMS or len(name) < 2 or len(name) > 24:
        return False
    if re.fullmatch(r"[A-Z][A-Z0-9\-]*[A-Z]s", name):
        return False  # a plural of some acronym ("OVLMs"), not a name
    caps = sum(c.isupper() for c in name)
    return caps >= 2 or (caps >= 1 and any(c.isdigit() for c in name))
