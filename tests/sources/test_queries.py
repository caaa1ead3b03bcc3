"""build_queries: one combined arXiv query, phrases made safe, split only for URL length."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from urllib.parse import quote_plus

import pytest

from promptbot.errors import ConfigError
from promptbot.models import Window
from promptbot.sources.queries import DEFAULT_API_URL, build_queries, date_clause, url_length

WINDOW = Window(datetime(2025, 6, 28, 1, 2, 59, tzinfo=UTC), datetime(2025, 7, 1, tzinfo=UTC))
KEYWORDS = ("prompt learning", "prompt tuning", "visual prompt", "prompt-tuning",
            "vision-language model", "CLIP", "adapter", "in-context learning",
            "soft prompt", "prefix tuning", "test-time prompt", "multimodal prompt")
CATEGORIES = ("cs.CV", "cs.LG", "cs.CL", "cs.AI", "cs.MM")


def test_one_query_for_all_keywords_and_categories() -> None:
    queries = build_queries(KEYWORDS[:2], CATEGORIES[:2], WINDOW)
    assert queries == [
        '(ti:"prompt learning" OR abs:"prompt learning" OR ti:"prompt tuning"'
        ' OR abs:"prompt tuning") AND (cat:cs.CV OR cat:cs.LG)'
        " AND submittedDate:[202506280102 TO 202506302359]"
    ]


def test_twelve_keywords_in_five_categories_still_fit_one_query() -> None:
    queries = build_queries(KEYWORDS, CATEGORIES, WINDOW)
    assert len(queries) == 1
    assert all(f'ti:"{k}"' in queries[0] and f'abs:"{k}"' in queries[0] for k in KEYWORDS)
    assert url_length(DEFAULT_API_URL, queries[0]) <= 2000


def test_date_clause_is_to_the_minute_with_an_exclusive_end() -> None:
    end_mid_minute = Window(WINDOW.start, datetime(2025, 7, 1, 9, 15, 30, tzinfo=UTC))
    assert date_clause(end_mid_minute) == "submittedDate:[202506280102 TO 202507010915]"


@pytest.mark.parametrize(
    ("keyword", "phrase"),
    [
        ('say "cheese"', "say cheese"),
        ("C++ (templates)", "C templates"),
        ("a:b AND c", "a b AND c"),
        ("  vision\tlanguage ", "vision language"),
        ("zero-shot CLIP's", "zero-shot CLIP's"),
        ("ti:x] OR cat:*", "ti x OR cat"),
    ],
)
def test_special_characters_cannot_escape_the_quoted_phrase(keyword: str, phrase: str) -> None:
    query = build_queries([keyword], [], WINDOW)[0]
    assert query.startswith(f'(ti:"{phrase}" OR abs:"{phrase}")')
    assert query.count('"') == 4


def test_a_keyword_with_nothing_searchable_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match='"\\(\\)"'):
        build_queries(["()"], CATEGORIES, WINDOW)


def test_bad_categories_are_config_errors() -> None:
    with pytest.raises(ConfigError, match=r"cs\.CV OR"):
        build_queries(KEYWORDS, ["cs.CV OR all:x"], WINDOW)


def test_without_keywords_or_categories_the_clauses_are_left_out() -> None:
    assert build_queries([], ["cs.CV"], WINDOW) == [
        "(cat:cs.CV) AND submittedDate:[202506280102 TO 202506302359]"]
    assert build_queries(["x"], [], WINDOW)[0].startswith('(ti:"x" OR abs:"x") AND submitted')


def test_duplicate_keywords_are_asked_once() -> None:
    assert build_queries(["CLIP", "CLIP "], [], WINDOW)[0].count("CLIP") == 2


def test_too_long_a_query_is_split_into_the_fewest_urls() -> None:
    keywords = [f"keyword number {i} about prompts" for i in range(120)]
    limit = 2000
    queries = build_queries(keywords, CATEGORIES, WINDOW, max_url_length=limit)
    assert all(url_length(DEFAULT_API_URL, q) <= limit for q in queries)
    # Every keyword is asked exactly once, in its original order within each query.
    per_query = [[k for k in keywords if f'ti:"{k}"' in q] for q in queries]
    assert sorted(k for ks in per_query for k in ks) == sorted(keywords)
    assert all(ks == sorted(ks, key=keywords.index) for ks in per_query)
    # Fewest: no fewer queries could hold the keywords' encoded terms.
    fixed = url_length(DEFAULT_API_URL, build_queries([], CATEGORIES, WINDOW)[0]) + len("(+)+AND+")
    per_keyword = [len(quote_plus(f'ti:"{k}" OR abs:"{k}"')) + len("+OR+") for k in keywords]
    assert len(queries) == math.ceil(sum(per_keyword) / (limit - fixed + len("+OR+")))


def test_split_depends_on_the_endpoint_length() -> None:
    keywords = [f"kw {i}" for i in range(60)]
    short = build_queries(keywords, CATEGORIES, WINDOW, 1200, "http://a/q")
    long = build_queries(keywords, CATEGORIES, WINDOW, 1200, "http://" + "a" * 400 + "/q")
    assert len(long) > len(short)


def test_a_limit_too_small_for_one_keyword_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="URL limit"):
        build_queries(KEYWORDS, CATEGORIES, WINDOW, max_url_length=300)
