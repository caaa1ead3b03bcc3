"""The words of a list's entries, as examples for the learned model, whatever the list's format.

An entry's parsed title is the best text when it reads like a title; when the parser took a tag
("[2508] [We-Math 2.0]") or a badge for the title, the entry's own line, stripped of markup,
links and badges, stands in. Papers the parser could not read as entries (HTML tables) still
have their arXiv links: the text around each such link stands in for them. Cached arXiv titles
and abstracts of listed ids, when given, are the cleanest text of all and are added per id.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from promptbot.catalog import find_arxiv_ids
from promptbot.models import Catalog, Entry

_URL = re.compile(r"https?://\S+")
_TAG = re.compile(r"<[^>]*>")
_MARKUP = re.compile(r"[*_`#|\[\]()!<>]+")
_WORD = re.compile(r"[A-Za-z]{3,}")
_MIN_TITLE_WORDS = 4
_AROUND = 3  # lines after an unparsed arXiv link that may hold its title (wrapped HTML cells)


def plain_words(text: str) -> str:
    """`text` without URLs, HTML tags and markdown punctuation, spaces collapsed."""
    text = _URL.sub(" ", _TAG.sub(" ", text))
    return " ".join(_MARKUP.sub(" ", text).split())


def entry_text(entry: Entry) -> str:
    """The entry's title if it reads like one, else its whole text made plain."""
    if len(_WORD.findall(entry.title)) >= _MIN_TITLE_WORDS:
        return entry.title
    return plain_words(entry.raw)


def list_texts(catalog: Catalog, cached: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """One text per listed paper: its entry's words (plus the cached arXiv text of its ids),
    then the text around arXiv links no entry holds."""
    return tuple(text for text, _ in list_examples(catalog, cached))


def list_examples(catalog: Catalog, cached: Mapping[str, str] | None = None
                  ) -> tuple[tuple[str, str], ...]:
    """`list_texts`, each with the paper's arXiv id ("" when it has none)."""
    cached = cached or {}
    texts: list[tuple[str, str]] = []
    covered: set[str] = set()
    for entry in catalog.entries:
        extra = [cached[i] for i in entry.arxiv_ids if i in cached]
        first = entry.arxiv_ids[0] if entry.arxiv_ids else ""
        texts.append(("\n".join([entry_text(entry), *extra]), first))
        covered.update(entry.arxiv_ids)
    lines = catalog.lines
    for number, line in enumerate(lines):
        for arxiv_id in find_arxiv_ids(line):
            if arxiv_id in covered:
                continue
            covered.add(arxiv_id)
            around = plain_words(" ".join(_until_blank(lines[number:number + 1 + _AROUND])))
            texts.append(("\n".join(t for t in (around, cached.get(arxiv_id, "")) if t),
                          arxiv_id))
    return tuple((t, i) for t, i in texts if t.strip())


def listed_arxiv_ids(catalog: Catalog) -> tuple[str, ...]:
    """Every arXiv id the list cites, in file order, once each: the ids the catalog index knows
    (links to arXiv, ar5iv or Hugging Face paper pages, `arXiv:` references)."""
    found = dict.fromkeys(i for e in catalog.entries for i in e.arxiv_ids)
    for line in catalog.lines:
        found.update(dict.fromkeys(find_arxiv_ids(line)))
    return tuple(found)


def _until_blank(lines: tuple[str, ...]) -> list[str]:
    out = []
    for line in lines:
        if not line.strip():
            break
        out.append(line)
    return out
