"""Pure helpers of promptbot.sources: windows, ids, merging, the User-Agent."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import builders
import pytest
from hypothesis import given
from hypothesis import strategies as st

from promptbot import __version__
from promptbot.errors import UsageError
from promptbot.models import Harvest, Paper, Window
from promptbot.sources import in_window, merge, split_arxiv_id, user_agent, window_for

NOW = datetime(2025, 7, 3, 14, 30, 15, tzinfo=UTC)


def paper(arxiv_id: str, version: int = 1, day: int = 1, **kw: object) -> Paper:
    """Version `version` of `arxiv_id`, published at noon on `day` July 2025 unless `kw` says."""
    kw.setdefault("published", datetime(2025, 7, day, 12, tzinfo=UTC))
    return builders.paper(arxiv_id=arxiv_id, title=f"T {arxiv_id}", version=version, **kw)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("http://arxiv.org/abs/2503.12096v2", ("2503.12096", 2)),
        ("oai:arXiv.org:2506.22876v1", ("2506.22876", 1)),
        ("http://arxiv.org/abs/astro-ph/0601001v1", ("astro-ph/0601001", 1)),
        ("quant-ph/0201082", ("quant-ph/0201082", 1)),
        ("https://arxiv.org/abs/math.GT/0309136v3", ("math.GT/0309136", 3)),
        ("https://arxiv.org/abs/0704.0001", ("0704.0001", 1)),
        ("https://arxiv.org/api/errors#incorrect_id_format_for_abc", None),
    ],
)
def test_split_arxiv_id(text: str, expected: tuple[str, int] | None) -> None:
    assert split_arxiv_id(text) == expected


def test_default_window_is_the_lookback_ending_now() -> None:
    window = window_for(NOW, 3, None, None)
    assert window == Window(NOW - timedelta(days=3), NOW)


def test_until_includes_that_whole_day_and_since_starts_at_midnight() -> None:
    window = window_for(NOW, 3, date(2025, 6, 1), date(2025, 6, 30))
    assert window.start == datetime(2025, 6, 1, tzinfo=UTC)
    assert window.end == datetime(2025, 7, 1, tzinfo=UTC)


def test_since_alone_runs_to_now_and_until_alone_looks_back_from_it() -> None:
    assert window_for(NOW, 3, date(2025, 7, 1), None).end == NOW
    alone = window_for(NOW, 2, None, date(2025, 6, 30))
    assert (alone.start, alone.end) == (datetime(2025, 6, 29, tzinfo=UTC),
                                        datetime(2025, 7, 1, tzinfo=UTC))


def test_window_converts_other_timezones_to_utc() -> None:
    local = NOW.astimezone(timezone(timedelta(hours=8)))
    assert window_for(local, 1, None, None).end.utcoffset() == timedelta(0)


@pytest.mark.parametrize(("since", "until"), [(date(2025, 7, 2), date(2025, 7, 1)),
                                              (date(2025, 8, 1), None)])
def test_backwards_or_future_windows_are_usage_errors(since: date, until: date | None) -> None:
    with pytest.raises(UsageError, match="--since"):
        window_for(NOW, 3, since, until)


def test_in_window_is_end_exclusive_and_falls_back_to_the_announcement() -> None:
    window = Window(datetime(2025, 7, 1, tzinfo=UTC), datetime(2025, 7, 2, tzinfo=UTC))
    assert in_window(paper("1", published=window.start), window)
    assert not in_window(paper("2", published=window.end), window)
    announced = Paper("3", "t", published=None, updated=window.end - timedelta(seconds=1))
    assert in_window(announced, window)
    assert in_window(Paper("4", "undated"), window)


def test_merge_keeps_the_newest_version_and_sums_requests() -> None:
    first = Harvest(papers=(paper("2507.00001", 1), paper("2507.00002")), notes=("a",),
                    requests=2)
    second = Harvest(papers=(paper("2507.00001", 3, announce_type="replace"),),
                     notes=("a", "b"), requests=1)
    merged = merge([first, second])
    assert [(p.arxiv_id, p.version) for p in merged.papers] == [("2507.00001", 3),
                                                                 ("2507.00002", 1)]
    assert merged.notes == ("a", "b")
    assert merged.requests == 3


def test_merge_prefers_the_richer_record_of_the_same_version_and_keeps_announce_type() -> None:
    from_feed = Paper("2507.00001", "t", published=None, announce_type="new", source="rss")
    from_api = paper("2507.00001", primary_category="cs.CV", source="api")
    merged = merge([Harvest(papers=(from_feed,)), Harvest(papers=(from_api,))]).papers
    assert merged == (Paper(**{**from_api.__dict__, "announce_type": "new"}),)


def test_merge_orders_by_time_then_id() -> None:
    papers = (paper("b", day=2), paper("c", day=1), paper("a", day=2))
    assert [p.arxiv_id for p in merge([Harvest(papers=papers)]).papers] == ["c", "a", "b"]


@given(st.lists(st.tuples(st.sampled_from(["2501.00001", "2501.00002", "cs/0101001"]),
                          st.integers(1, 4)), max_size=12))
def test_merge_is_order_independent_and_keeps_each_ids_highest_version(
        items: list[tuple[str, int]]) -> None:
    harvests = [Harvest(papers=(paper(i, v),)) for i, v in items]
    forward, backward = merge(harvests), merge(harvests[::-1])
    assert [(p.arxiv_id, p.version) for p in forward.papers] == \
        [(p.arxiv_id, p.version) for p in backward.papers]
    best = {i: max(v for j, v in items if j == i) for i, _ in items}
    assert {p.arxiv_id: p.version for p in forward.papers} == best


def test_user_agent_names_promptbot_version_and_contact_only_when_set() -> None:
    assert user_agent("") == f"promptbot/{__version__}"
    assert user_agent("me@example.org") == f"promptbot/{__version__} (mailto:me@example.org)"
    assert user_agent("https://example.org/bot") == f"promptbot/{__version__} (https://example.org/bot)"
    assert user_agent("mailto:me@example.org") == f"promptbot/{__version__} (mailto:me@example.org)"
