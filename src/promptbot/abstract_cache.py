"""The abstract cache: arXiv titles and abstracts of the list's papers, kept between runs.

The learned relevance model reads a listed paper's abstract when it has one. Abstracts are asked
once per arXiv id through the API's `id_list` (200 ids a request) and kept in one JSON file
(`[scoring] abstract_cache`, default `.promptbot-cache/abstracts.json`; in GitHub Actions,
persist the folder with actions/cache). A warm cache asks nothing; ids arXiv does not know are
remembered as empty so they are not asked again. A failure to fetch or to write the cache never
stops a run: the model then learns from the titles alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from promptbot.errors import SourceError
from promptbot.judging.list_texts import listed_arxiv_ids
from promptbot.models import Catalog, Paper
from promptbot.sources.json_store import read_papers, write_papers

log = logging.getLogger("promptbot.cache")

FetchByIds = Callable[[Sequence[str]], Sequence[Paper]]


def load(path: Path) -> dict[str, str]:
    """id -> "title\\nabstract" ("" for ids arXiv did not return); {} if absent or unreadable."""
    return {str(k): v for k, v in read_papers(path, "abstract cache").items()
            if isinstance(v, str)}


def save(path: Path, cache: Mapping[str, str]) -> None:
    """Write the cache atomically (a temporary file renamed over the old one)."""
    write_papers(path, cache)


def refresh(catalog: Catalog, path: Path, fetch: FetchByIds) -> dict[str, str]:
    """The cached texts of the list's arXiv ids, asking arXiv only for ids not cached yet."""
    cache = load(path)
    missing = [i for i in listed_arxiv_ids(catalog) if i not in cache]
    if missing:
        try:
            found = {p.arxiv_id: f"{p.title}\n{p.abstract}" for p in fetch(missing)}
        except SourceError as exc:
            log.warning("abstracts of %d listed paper(s) not fetched: %s", len(missing), exc)
            return {k: v for k, v in cache.items() if v}
        cache.update({i: found.get(i, "") for i in missing})
        try:
            save(path, cache)
        except OSError as exc:
            log.warning("abstract cache %s not written: %s", path, exc)
    return {k: v for k, v in cache.items() if v}


def lookup(path: Path, fetch: FetchByIds) -> Callable[[Catalog], Mapping[str, str]]:
    """What the pipeline calls with the parsed catalog: `refresh` bound to a file and a source."""
    return lambda catalog: refresh(catalog, path, fetch)
