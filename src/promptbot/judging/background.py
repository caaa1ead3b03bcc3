"""The arXiv background the learned model always knows: a sample of papers no list asked for.

A run's window holds a few hundred papers, the only negatives a list's model would otherwise
see: too few to tell a list's own words from words every paper uses that week. The package ships
797 papers (title and abstract) announced on two days of 2025 in the computer-vision-led listing
(built by tools/make_background.py; origin and licence in judging/data/SOURCES.md). Each is a
negative twice, like a window paper: with its abstract, and as a bare title (history benchmark,
top 5 per list-day: 139 -> 148 of 185 maintainers' picks, ahead of the arxiv-sanity baseline on
every list but one it ties at 21 of 21).

A background paper that is in the window or in the list is left out: a paper must not be taught
as a negative of the list that holds it, nor judged by a model that was told it is a negative.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Collection
from functools import cache
from importlib import resources

from promptbot.models import Paper


@cache
def shipped_background() -> tuple[Paper, ...]:
    """The sample shipped with the package (read once per process)."""
    data = resources.files("promptbot.judging").joinpath("data", "background.jsonl.gz")
    text = gzip.decompress(data.read_bytes()).decode("utf-8")
    rows = (json.loads(line) for line in text.splitlines() if line.strip())
    return tuple(Paper(arxiv_id=str(r["id"]), title=str(r["title"]), abstract=str(r["abstract"]))
                 for r in rows)


def background_texts(papers: tuple[Paper, ...], exclude_ids: Collection[str]
                     ) -> tuple[str, ...]:
    """The negatives the sample gives: each paper not in `exclude_ids` as "title\\nabstract",
    then each as its bare title (the form of most catalog entries)."""
    kept = [p for p in papers if p.arxiv_id not in exclude_ids]
    return (*(f"{p.title}\n{p.abstract}" for p in kept), *(p.title for p in kept))
