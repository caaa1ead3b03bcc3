"""A list's way of writing affiliations, learned from its entries, applied to an author block."""

from __future__ import annotations

from pathlib import Path

from promptbot.catalog import parse
from promptbot.entries.affiliation_habit import (
    AffiliationHabit,
    learn,
    learn_from,
    spell,
    write_affiliation,
)
from promptbot.entries.affiliations import Author, AuthorBlock

CATALOGS = Path(__file__).resolve().parents[1] / "data" / "catalogs"
BLOCK = AuthorBlock((Author("A", ("Tsinghua University", "Huawei")), Author("B", ("Google",))))


def test_the_seed_list_writes_the_first_authors_institution_in_its_spelling() -> None:
    seed = learn(parse((CATALOGS / "seed_Awesome-Prompt-Learning-CV.md").read_text("utf-8")))
    assert seed.joiner is None
    assert write_affiliation(BLOCK, seed) == "Tsinghua University"
    assert spell("Shanghai AI Laboratory", seed) == "Shanghai AI Lab"  # its most frequent
    assert spell("National University of Singapore", seed) == "NUS"
    assert spell("Carnegie Mellon University", seed) == "Carnegie Mellon University"  # exact wins
    assert spell("Truthful AI", seed) == "Truthful AI"  # unknown to the list: as read


def test_a_list_that_abbreviates_keeps_abbreviating() -> None:
    big = learn(parse((CATALOGS / "cmhungsteve_Awesome-Transformer-Attention_README_multimodal"
                       "_2024-07-30_HEAD.md").read_text("utf-8")))
    assert big.joiner is None  # " + " in 2% of its entries: not its habit
    assert spell("Tsinghua University", big) in ("Tsinghua", "Tsinghua University")
    assert spell("Massachusetts Institute of Technology", big) == "MIT"


def test_a_joiner_habit_writes_every_institution() -> None:
    habit = learn_from(["UW + AI2", "UNC + Meta", "Google", "Tsinghua + Huawei"])
    assert habit.joiner == " + "
    assert write_affiliation(BLOCK, habit) == "Tsinghua + Huawei + Google"


def test_nothing_to_write() -> None:
    assert write_affiliation(AuthorBlock((Author("A"),)), AffiliationHabit()) is None
    assert learn_from([]) == AffiliationHabit()
