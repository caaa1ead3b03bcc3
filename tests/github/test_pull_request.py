"""The pull-request plans: which PRs to open or update, and on what text (pure: no GitHub)."""

from __future__ import annotations

from collections.abc import Sequence

from builders import body_of, proposal

from promptbot.config import Config, PullRequestConfig
from promptbot.github import pull_request as prm
from promptbot.github import pull_request_text as prt
from promptbot.models import BotPullRequest, Memory, Proposal, PullRequestPlan

BASE = "# List\n\n### Prompt Learning(arxiv)\n* **CoOp**: old [[Paper](https://arxiv.org/abs/2109.01134)]\n"


def place(base: str, proposals: Sequence[Proposal]) -> str:
    return base + "".join(p.entry + "\n" for p in proposals)


def open_pr(number: int, proposals: Sequence[Proposal], branch: str = "promptbot/new-papers",
            foreign: bool = False, body: str | None = None) -> BotPullRequest:
    text = body if body is not None else body_of(proposals)
    return BotPullRequest(number, "open", branch, "t", text, prt.read_proposals(text),
                          foreign_commits=foreign, updates=prt.read_updates(text))


# -- plans: rolling --------------------------------------------------------------------------------
NO_MEMORY, DEFAULTS = Memory(), Config()


def plans(new: Sequence[Proposal], memory: Memory = NO_MEMORY, cfg: Config = DEFAULTS,
          base: str = BASE, abstracts: dict[str, str] | None = None,
          ) -> tuple[PullRequestPlan, ...]:
    return prm.plan_pull_requests(base, new, memory, cfg, place=place, abstracts=abstracts or {})


def test_first_plan_opens_the_rolling_branch() -> None:
    (plan,) = plans([proposal("2503.00001")])
    assert (plan.branch, plan.base_branch, plan.number) == ("promptbot/new-papers", "main", None)
    assert plan.new_text == place(BASE, [proposal("2503.00001")])
    assert plan.labels == ("promptbot",) and plan.proposals == (proposal("2503.00001"),)
    assert plans([]) == ()


def test_rolling_plan_keeps_pending_adds_new_and_drops_listed_and_duplicates() -> None:
    a, b, c = proposal("2503.00001"), proposal("2503.00002"), proposal("2503.00003")
    memory = Memory((open_pr(7, [a, b]),))
    base = BASE + "* b [[Paper](https://arxiv.org/abs/2503.00002v2)]\n"  # a person added b
    (plan,) = plans([a, c, c], memory, base=base)
    assert plan.number == 7 and plan.branch == "promptbot/new-papers"
    assert [p.arxiv_id for p in plan.proposals] == ["2503.00001", "2503.00003"]
    assert plan.new_text == place(base, [a, c])


def test_rolling_plan_with_nothing_new_equals_the_current_pr() -> None:
    a = proposal("2503.00001")
    body = body_of([a], abstracts={"2503.00001": "An abstract."})
    pr = open_pr(3, [a], body=body)
    (plan,) = plans([], Memory((pr,)))
    assert (plan.number, plan.body, plan.title) == (3, body, "Add 1 new paper(s) from arXiv")


def test_rolling_plan_leaves_a_foreign_pr_alone_and_says_so() -> None:
    a, b = proposal("2503.00001"), proposal("2503.00002")
    memory = Memory((open_pr(3, [a], foreign=True),))
    (plan,) = plans([a, b], memory)
    assert (plan.number, plan.branch) == (None, "promptbot/new-papers-2")
    assert [p.arxiv_id for p in plan.proposals] == ["2503.00002"]
    assert "changed by someone else" in plan.body
    assert prm.explain(BASE, [b], memory, Config()) == (
        "PR #3 (promptbot/new-papers) was changed by someone else; promptbot leaves it alone"
        " and uses branch promptbot/new-papers-2",)


def test_a_pr_whose_marker_was_broken_is_left_alone() -> None:
    broken = open_pr(3, [], body="I rewrote the description.")
    (plan,) = plans([proposal("2503.00002")], Memory((broken,)))
    assert (plan.number, plan.branch) == (None, "promptbot/new-papers-2")


def test_when_every_pending_paper_is_listed_nothing_is_planned() -> None:
    a = proposal("2503.00001")
    base = BASE + a.entry + "\n"
    assert plans([], Memory((open_pr(3, [a]),)), base=base) == ()


# -- plans: per paper ------------------------------------------------------------------------------
PER_PAPER = Config(pull_request=PullRequestConfig(mode="per-paper", max_open=3))


def test_per_paper_plans_one_pr_each_within_max_open() -> None:
    old = proposal("cs/0601001")
    memory = Memory((open_pr(1, [old], branch="promptbot/cs-0601001"),
                     open_pr(2, [proposal("2503.00009")], branch="promptbot/new-papers",
                             foreign=True)))
    new = [proposal("2503.00001"), proposal("2503.00002"), proposal("cs/0601001")]
    result = plans(new, memory, PER_PAPER)
    assert [(p.branch, p.number) for p in result] == [
        ("promptbot/cs-0601001", 1), ("promptbot/2503.00001", None)]
    assert result[1].title.startswith("Add “Paper 2503.00001”")
    assert prm.explain(BASE, new, memory, PER_PAPER) == (
        "1 paper(s) wait for a free slot: 2 of max_open = 3 bot pull requests are open",)


def test_a_papers_note_goes_into_the_pull_request_that_carries_it() -> None:
    notes = {"2503.00002": "2503.00002 is written without an affiliation: no page"}
    (rolling,) = prm.plan_pull_requests(BASE, [proposal("2503.00001"), proposal("2503.00002")],
                                        NO_MEMORY, DEFAULTS, place=place, paper_notes=notes)
    assert "> **Note:** 2503.00002 is written without an affiliation: no page" in rolling.body
    per_paper = Config(pull_request=PullRequestConfig(mode="per-paper"))
    first, second = prm.plan_pull_requests(
        BASE, [proposal("2503.00001"), proposal("2503.00002")], NO_MEMORY, per_paper,
        place=place, paper_notes=notes)
    assert "without an affiliation" not in first.body
    assert "without an affiliation" in second.body


def test_updates_are_one_per_paper_the_newest_still_applicable_and_a_few_at_a_time() -> None:
    from promptbot.github.pull_request import UPDATES_PER_PR, current_updates
    from promptbot.models import Update

    base = "* a\n* b\n" + "".join(f"* p{n}\n" for n in range(30))
    old = Update("1", 2, "* a", "* A", "S")
    newer = Update("1", 3, "* a", "* A!", "S")
    gone = Update("2", 2, "* z", "* Z", "S")  # its entry is no longer in the base
    assert current_updates([old, gone], [newer], base) == (newer,)
    many = [Update(str(n + 10), 2, f"* p{n}", f"* P{n}", "S") for n in range(30)]
    assert len(current_updates([], many, base)) == UPDATES_PER_PR
