"""Tests for what sections are about (a linear model of their entries) and what is filled now."""

from __future__ import annotations

import numpy as np

from promptbot.judging.section_model import (
    CoveredContent,
    DatedShares,
    SectionContent,
    abstract_coverage,
    cached_entries,
    entry_text,
    paper_age,
    softmax,
)
from promptbot.models import Entry, Paper, Section


def _section(heading: str, entries: list[tuple[str, str]]) -> Section:
    return Section(heading=heading, level=2, line=1, end_line=1, pseudo=False, entries=tuple(
        Entry(line=1, end_line=1, raw=title, kind="bullet", title=title,
              arxiv_ids=(arxiv_id,) if arxiv_id
              else ()) for arxiv_id, title in entries))


SEGMENTATION = _section("Segmentation", [
    ("2401.00001", "Open-vocabulary semantic segmentation with masks"),
    ("2401.00002", "Mask transformers for panoptic segmentation"),
    ("2401.00003", "Referring image segmentation with pixel masks")])
DETECTION = _section("Detection", [
    ("2402.00001", "Open-vocabulary object detection with boxes"),
    ("2402.00002", "Region proposals for box detection"),
    ("2402.00003", "Detection transformers predict object boxes")])


def test_the_content_model_favours_the_section_whose_words_a_text_uses() -> None:
    model = SectionContent([SEGMENTATION, DETECTION])
    found = model.probabilities(["Pixel masks for open-vocabulary segmentation",
                                 "Boxes for open-vocabulary object detection"])
    assert found.shape == (2, 2)
    assert np.allclose(found.sum(axis=1), 1.0)
    assert found[0, 0] > 0.6 > found[1, 0]
    assert found[1, 1] > 0.6


VAGUE = [_section("A", [("2401.00001", "A study"), ("2401.00002", "Another study")]),
         _section("B", [("2402.00001", "A method"), ("2402.00002", "Another method")])]
TUMOURS_AND_SPEECH = {"2401.00001": "We segment tumours in scans.",
                      "2401.00002": "Tumours in scans, segmented.",
                      "2402.00001": "We translate speech to text.",
                      "2402.00002": "Speech recognition for many languages."}


def test_cached_abstracts_teach_the_content_model_words_no_title_has() -> None:
    vague, abstracts = VAGUE, TUMOURS_AND_SPEECH
    text = "Segmenting tumours in scans"
    without = SectionContent(vague).probabilities([text])[0]
    learned = SectionContent(vague, abstracts).probabilities([text])[0]
    assert learned[0] > 0.6 and learned[0] > without[0]
    assert entry_text(vague[0].entries[0], abstracts) == "A study\nWe segment tumours in scans."


def test_the_abstracts_count_as_far_as_the_cache_covers_the_entries() -> None:
    vague, every = VAGUE, TUMOURS_AND_SPEECH
    one = {"2401.00001": every["2401.00001"]}
    assert abstract_coverage(vague, every) == 1.0
    assert abstract_coverage(vague, one) == 0.25
    assert abstract_coverage(vague, None) == abstract_coverage([], every) == 0.0
    title, text = "A study of scans", "A study of scans\nSegmenting tumours in scans"
    # Every abstract cached: the paper's title and abstract alone decide (the fit is seeded).
    assert np.allclose(CoveredContent(vague, every).probabilities([title], [text]),
                       SectionContent(vague, every).probabilities([text]))
    # None cached: its title alone, as without a cache.
    assert np.allclose(CoveredContent(vague).probabilities([title], [text]),
                       SectionContent(vague).probabilities([title]))
    # A quarter cached: a quarter of the say goes to the title and abstract.
    covered = CoveredContent(vague, one)
    mixed = 0.75 * covered.model.probabilities([title]) + 0.25 * covered.model.probabilities(
        [text])
    assert np.allclose(covered.probabilities([title], [text]), mixed)


def test_one_section_or_none_gives_uniform_answers() -> None:
    assert np.allclose(SectionContent([SEGMENTATION]).probabilities(["anything"]), [[1.0]])
    assert SectionContent([]).probabilities(["anything"]).shape == (1, 0)
    assert softmax(np.zeros((1, 0)), 5.0).shape == (1, 0)


def test_a_new_papers_shares_favour_the_section_holding_the_newest_entries() -> None:
    old = _section("Old", [(f"2101.{n:05d}", f"Old paper {n}") for n in range(30)])
    new = _section("New", [(f"2605.{n:05d}", f"New paper {n}") for n in range(10)])
    shares = DatedShares([old, new]).near([None])[0]  # a new paper: the newest entries
    assert np.isclose(shares.sum(), 1.0)
    # The 20 newest entries: all 10 of New, 10 of Old; smoothing by size adds 1.5 and 0.5.
    assert np.allclose(shares, [11.5 / 22, 10.5 / 22])
    assert shares[1] > 10 / 40  # more than New's share of the whole list


def test_an_older_papers_prior_is_the_share_of_the_entries_filed_around_its_date() -> None:
    # Old was filled in 2021 and New from 2026 on: a 2021 paper belongs with the sections the
    # list filled then, a new paper with those it fills now.
    old = _section("Old", [(f"2101.{n:05d}", f"Old paper {n}") for n in range(30)])
    new = _section("New", [(f"2605.{n:05d}", f"New paper {n}") for n in range(30)])
    shares = DatedShares([old, new])
    around_2021, latest = shares.near([2021 * 12 + 1.0, None])
    # The 20 entries nearest January 2021 are all Old's; smoothing by size adds 1 to each.
    assert np.allclose(around_2021, [21 / 22, 1 / 22])
    assert np.allclose(latest, [1 / 22, 21 / 22])
    # A paper newer than every entry gets the newest ones, however far its date is from them.
    assert np.allclose(shares.near([2030 * 12 + 1.0]), [latest])


def test_a_paper_no_entry_is_surely_newer_than_gets_the_newest_entries() -> None:
    # Entries dated by year only sit mid-year; a March paper of that year is still new.
    yearly = Section(heading="2025", level=2, line=1, end_line=1, pseudo=False, entries=tuple(
        Entry(line=1, end_line=1, raw="x", kind="bullet", title=f"Paper {n}", year=2025)
        for n in range(30)))
    older = _section("Older", [(f"2501.{n:05d}", f"Older paper {n}") for n in range(30)])
    shares = DatedShares([yearly, older])
    march = paper_age(Paper(arxiv_id="2503.00001", title="A new paper"))
    assert march == 2025 * 12 + 3
    assert np.allclose(shares.near([march]), shares.near([None]))
    assert shares.near([march])[0, 0] > 0.9


def test_a_paper_is_dated_by_its_id_then_its_submission_then_its_year() -> None:
    from datetime import UTC, datetime
    assert paper_age(Paper(arxiv_id="2405.01234", title="t")) == 2024 * 12 + 5
    submitted = Paper(arxiv_id="cs/0101001", title="t", published=datetime(2001, 2, 3, tzinfo=UTC))
    assert paper_age(submitted) == 2001 * 12 + 2
    assert paper_age(Paper(arxiv_id="cs/0101001", title="t"), 2001) == 2001 * 12 + 6
    assert paper_age(Paper(arxiv_id="cs/0101001", title="t")) is None


def test_undated_entries_leave_the_recency_prior_uniform() -> None:
    undated = [_section("A", [("", "x"), ("", "y")]), _section("B", [("", "z")])]
    assert np.allclose(DatedShares(undated).near([None, 2020 * 12.0]), [[0.5, 0.5]] * 2)


def test_two_fits_on_the_same_sections_answer_alike_to_the_last_digit() -> None:
    # A dry run and the real run must place alike: no solver randomness.
    words = ["mask", "pixel", "box", "region", "panoptic", "referring", "open", "vocabulary",
             "transformer", "proposal", "object", "semantic", "instance", "query", "anchor"]
    sections = [_section(f"S{s}", [(f"24{s:02d}.{i:05d}", " ".join(
        words[(s * 7 + i * j) % len(words)] for j in range(1, 7))) for i in range(40)])
        for s in range(4)]
    texts = [" ".join(words[i:i + 5]) for i in range(10)]
    first = SectionContent(sections).probabilities(texts)
    second = SectionContent(sections).probabilities(texts)
    assert first.tolist() == second.tolist()


def test_an_entry_counts_as_cached_when_any_of_its_ids_has_an_abstract() -> None:
    entries = [*VAGUE[0].entries, *VAGUE[1].entries]
    found = cached_entries(entries, {"2401.00002": "x", "2402.00001": "y", "9999.00001": "z"})
    assert found.tolist() == [False, True, True, False]
    assert cached_entries(entries, None).tolist() == [False] * 4


def test_held_out_margins_judge_every_entry_by_a_model_that_did_not_see_it() -> None:
    """Each title has a word no other entry has: a model that saw it is sure of it, one that
    did not must go by the shared topic words alone."""
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]
    own = [_section("Segmentation", [(f"2401.0000{n}", f"{w} masks segmentation")
                                     for n, w in enumerate(words[:3])]),
           _section("Detection", [(f"2402.0000{n}", f"{w} boxes detection")
                                  for n, w in enumerate(words[3:])])]
    model = SectionContent(own)
    held = model.held_out_margins(3)
    assert held is not None and held.shape == (6, 2)
    assert list(model.labels) == [0, 0, 0, 1, 1, 1]
    seen = model.margins([e.title for s in own for e in s.entries])
    right = np.arange(6), model.labels
    assert (held[right] > 0).all()  # the topic words still tell
    assert (held[right] < seen[right]).all()  # but less surely than with the entry seen


def test_held_out_margins_need_every_section_in_every_fold() -> None:
    assert SectionContent([SEGMENTATION, DETECTION]).held_out_margins(4) is None
    assert SectionContent([SEGMENTATION]).held_out_margins(3) is None
