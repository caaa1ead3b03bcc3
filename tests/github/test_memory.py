"""What the bot's pull requests mean: pending, rejected, the PR it may touch, branch names."""

from __future__ import annotations

from pathlib import Path

import pytest

from promptbot.catalog.index import CatalogIndex
from promptbot.catalog.parser import parse
from promptbot.config import PullRequestConfig
from promptbot.github import memory as mem
from promptbot.models import BotPullRequest, Memory, Proposal

CFG = PullRequestConfig()
EXCERPT = (Path(__file__).parents[1] / "data" / "github" / "catalog-excerpt.md").read_text("utf-8")


def pr(number: int, state: str, *ids: str, branch: str = "promptbot/new-papers",
       foreign: bool = False) -> BotPullRequest:
    proposals = tuple(Proposal(i, "S", f"* {i}") for i in ids)
    return BotPullRequest(number, state, branch, "t", "b", proposals, foreign_commits=foreign)


class Listed:
    """An index that lists exactly the given ids."""

    def __init__(self, *ids: str) -> None:
        self.ids = set(ids)

    def by_arxiv_id(self, arxiv_id: str) -> object | None:
        return arxiv_id if arxiv_id in self.ids else None


def test_pending_is_every_id_of_every_open_pr_with_the_oldest_number() -> None:
    memory = Memory((pr(3, "open", "a", "b"), pr(1, "closed", "c"), pr(2, "open", "b", "d"),
                     pr(4, "merged", "e")))
    assert mem.pending(memory) == {"b": 2, "d": 2, "a": 3}


def test_rejected_is_closed_unmerged_and_merged_but_deleted() -> None:
    memory = Memory((pr(1, "closed", "a"), pr(2, "merged", "b", "c"), pr(3, "open", "d")))
    assert mem.rejected(memory, Listed("b")) == {"a": 1, "c": 2}
    assert mem.rejected(Memory(), Listed()) == {}


def test_rejected_works_with_the_real_catalog_index() -> None:
    index = CatalogIndex(parse(EXCERPT))
    listed = "2109.01134"  # CoOp is in the excerpt
    assert index.by_arxiv_id(listed) is not None
    memory = Memory((pr(5, "merged", listed, "2999.99999"),))
    assert mem.rejected(memory, index) == {"2999.99999": 5}


@pytest.mark.parametrize(("bot_pr", "expected"), [
    (pr(1, "open", "a"), True),
    (pr(1, "open", "a", foreign=True), False),
    (pr(1, "open"), False),  # marker unreadable: rebuilding would drop its papers
    (pr(1, "closed", "a"), False),
    (pr(1, "merged", "a"), False),
])
def test_touchable(bot_pr: BotPullRequest, expected: bool) -> None:
    assert mem.touchable(bot_pr) is expected


@pytest.mark.parametrize(("branch", "rolling", "per_paper"), [
    ("promptbot/new-papers", True, False),
    ("promptbot/new-papers-2", True, False),
    ("promptbot/new-papers-12", True, False),
    ("promptbot/new-papers-x", False, False),
    ("promptbot/2503.12096", False, True),
    ("promptbot/cs-0601001", False, True),
    ("promptbot/math.AG-0601001", False, True),
    ("promptbot/feature", False, False),
    ("someone/2503.12096", False, False),
    ("promptbot-2503.12096", False, False),  # a person's branch: the prefix is `promptbot/`
])
def test_branch_kinds(branch: str, rolling: bool, per_paper: bool) -> None:
    assert mem.is_rolling_branch(branch, CFG) is rolling
    assert mem.is_paper_branch(branch, CFG) is per_paper


def test_paper_branch_makes_old_style_ids_branch_safe() -> None:
    assert mem.paper_branch("2503.12096", CFG) == "promptbot/2503.12096"
    assert mem.paper_branch("cs/0601001", CFG) == "promptbot/cs-0601001"
    assert mem.is_paper_branch(mem.paper_branch("astro-ph/0601001", CFG), CFG)
    assert mem.paper_branch("math.AG/0601001", CFG) == "promptbot/math.AG-0601001"


@pytest.mark.parametrize(("arxiv_id", "branch"), [
    (" Fixes #12 @XX ", "promptbot/Fixes-12-XX"),  # no reference, mention or edge dash
    ("../2503..12096/", "promptbot/2503.12096"),  # no leading dots, no `..` (git refuses it)
    ("-./ ", "promptbot/paper"),
])
def test_paper_branch_of_a_hostile_id_is_a_plain_git_safe_name(arxiv_id: str, branch: str) -> None:
    assert mem.paper_branch(arxiv_id, CFG) == branch


def test_open_rolling_pr_is_the_newest_touchable_one() -> None:
    older = pr(1, "open", "a", foreign=True)
    newer = pr(4, "open", "b", branch="promptbot/new-papers-2")
    closed = pr(6, "closed", "c", branch="promptbot/new-papers-3")
    per_paper = pr(7, "open", "d", branch="promptbot/2503.12096")
    memory = Memory((older, newer, closed, per_paper))
    assert mem.open_rolling_pr(memory, CFG) == newer
    assert mem.hands_off(memory, CFG) == (older,)
    assert mem.open_rolling_pr(Memory((older,)), CFG) is None


def test_free_rolling_branch_takes_the_lowest_unused_suffix() -> None:
    assert mem.free_rolling_branch(Memory(), CFG) == "promptbot/new-papers"
    assert mem.free_rolling_branch(Memory((pr(1, "closed", "a"),)), CFG) == "promptbot/new-papers"
    one = pr(1, "open", "a", foreign=True)
    assert mem.free_rolling_branch(Memory((one,)), CFG) == "promptbot/new-papers-2"
    two = pr(2, "open", "b", branch="promptbot/new-papers-2", foreign=True)
    assert mem.free_rolling_branch(Memory((one, two)), CFG) == "promptbot/new-papers-3"
    gone = pr(3, "closed", "c", branch="promptbot/new-papers-2")
    assert mem.free_rolling_branch(Memory((one, gone)), CFG) == "promptbot/new-papers-2"


def _with_update(number: int, state: str, version: int) -> BotPullRequest:
    from promptbot.github.pull_request_text import render_body
    from promptbot.models import Update

    update = Update("2304.07221", version, "* old line", "* new line", "Published", "Preprint")
    body = render_body((), catalog_path="README.md", updates=(update,))
    return BotPullRequest(number, state, "promptbot/new-papers", "t", body, (), updates=(update,))


def test_declined_updates_are_those_of_finished_prs_by_id_and_version() -> None:
    memory = Memory((_with_update(1, "closed", 2), _with_update(2, "merged", 3),
                     _with_update(3, "open", 4), pr(4, "closed", "2101.00001")))
    assert mem.declined_updates(memory) == {("2304.07221", 2), ("2304.07221", 3)}


def test_a_pr_carrying_only_updates_is_still_the_bots_to_touch() -> None:
    assert mem.touchable(_with_update(1, "open", 2))
    assert not mem.touchable(pr(2, "open"))


def test_an_updated_entry_deleted_before_merging_is_a_rejected_paper() -> None:
    memory = Memory((_with_update(5, "merged", 2),))
    assert mem.rejected(memory, Listed()) == {"2304.07221": 5}
    assert mem.rejected(memory, Listed("2304.07221")) == {}


def test_updates_of_open_or_closed_prs_reject_no_paper() -> None:
    # Pending, or an update turned down (declined_updates): the paper itself was not rejected.
    memory = Memory((_with_update(5, "open", 2), _with_update(6, "closed", 3)))
    assert mem.rejected(memory, Listed()) == {}


def test_of_two_open_rolling_prs_the_newer_is_chosen_in_any_order() -> None:
    first = pr(3, "open", "a")
    second = pr(9, "open", "b", branch="promptbot/new-papers-2")
    for order in ((first, second), (second, first)):
        assert mem.open_rolling_pr(Memory(order), CFG) == second
    assert mem.hands_off(Memory((first, second)), CFG) == ()
