"""arXiv API search queries (pure): one combined query, split only when a URL would be too long."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from urllib.parse import quote_plus, urlencode

from promptbot.errors import ConfigError
from promptbot.models import Window
from promptbot.sources import normalize_space

DEFAULT_API_URL = "https://export.arxiv.org/api/query"
MAX_URL_LENGTH = 2000  # conservative: proxies and servers commonly accept 2-8 KB
_CATEGORY = re.compile(r"^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?$")
# The longest paging parameters the arxiv Client can add to a query URL.
_PAGING = {"id_list": "", "sortBy": "submittedDate", "sortOrder": "descending",
           "start": "30000", "max_results": "2000"}


def _phrase(keyword: str) -> str:
    """A keyword made safe inside double quotes: only word characters, spaces, . ' and -."""
    cleaned = normalize_space(re.sub(r"[^\w\s.'-]", " ", keyword))
    if not cleaned:
        raise ConfigError(f'[arxiv].keywords: "{keyword}" has nothing arXiv can search for')
    return cleaned


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%d%H%M")


def date_clause(window: Window) -> str:
    """`submittedDate:[start TO end]` to the minute; the end is exclusive, arXiv's is not."""
    last = window.end - timedelta(microseconds=1)
    return f"submittedDate:[{_stamp(window.start)} TO {_stamp(last)}]"


def _query(phrases: Sequence[str], categories: Sequence[str], dates: str) -> str:
    clauses = []
    if phrases:
        clauses.append("(" + " OR ".join(f'ti:"{p}" OR abs:"{p}"' for p in phrases) + ")")
    if categories:
        clauses.append("(" + " OR ".join(f"cat:{c}" for c in categories) + ")")
    clauses.append(dates)
    return " AND ".join(clauses)


def url_length(base_url: str, query: str) -> int:
    """Length of the longest request URL the arxiv client builds for `query`."""
    return len(base_url) + 1 + len(urlencode({"search_query": query, **_PAGING}))


def build_queries(
    keywords: Sequence[str],
    categories: Sequence[str],
    window: Window,
    max_url_length: int = MAX_URL_LENGTH,
    base_url: str = DEFAULT_API_URL,
) -> list[str]:
    """The fewest queries covering every keyword in every category, each fitting one URL."""
    for category in categories:
        if not _CATEGORY.match(category):
            raise ConfigError(f'[arxiv].categories: "{category}" is not an arXiv category')
    phrases = list(dict.fromkeys(_phrase(k) for k in keywords))
    dates = date_clause(window)

    def fits(group: Sequence[str]) -> bool:
        return url_length(base_url, _query(group, categories, dates)) <= max_url_length

    if not fits(phrases[:1]):
        raise ConfigError(f"[arxiv]: the categories and one keyword already exceed the"
                          f" {max_url_length}-character URL limit of one arXiv query")
    bins: list[list[str]] = []
    # First-fit decreasing: near-optimal bin packing, optimal for keyword-sized items.
    for phrase in sorted(phrases, key=lambda p: -len(quote_plus(p))):
        target = next((b for b in bins if fits([*b, phrase])), None)
        if target is None:
            if not fits([phrase]):
                raise ConfigError(f'[arxiv].keywords: "{phrase}" is too long for one arXiv query')
            bins.append([phrase])
        else:
            target.append(phrase)
    order = {p: i for i, p in enumerate(phrases)}
    groups = sorted((sorted(b, key=order.__getitem__) for b in bins), key=lambda b: order[b[0]])
    return [_query(g, categories, dates) for g in groups] or [_query([], categories, dates)]


