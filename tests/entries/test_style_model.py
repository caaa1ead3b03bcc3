"""Tests for the style description: votes and how a list spells venues."""

from __future__ import annotations

from promptbot.entries.style_model import EntryStyle, vote, weighted


def test_vote_takes_the_most_frequent_value_and_the_first_on_a_tie() -> None:
    assert vote(["a", "b", "b", None], "z") == "b"
    assert vote(["a", "b"], "z") == "a"
    assert vote([None], "z") == "z"


def test_weighted_takes_the_heaviest_value() -> None:
    assert weighted([("a", 0.5), ("b", 0.4), ("b", 0.2), (None, 9.0)], "z") == "b"
    assert weighted([("a", 1.0), ("b", 1.0)], "z") == "a"
    assert weighted([], "z") == "z"


def test_a_style_spells_venues_the_way_its_list_does() -> None:
    style = EntryStyle(arxiv_word="arxiv", venues=(("ACM MM", "ACMMM"),))
    assert (style.venue("arXiv"), style.venue("ACM MM"), style.venue("CVPR")) == (
        "arxiv", "ACMMM", "CVPR")
