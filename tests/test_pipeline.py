"""The shell end to end with fakes: real catalog, real papers, real scoring and planning."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from catalog_files import SEED, read
from fakes import FakeForge, FakeSource

from promptbot import config, pipeline
from promptbot.catalog.parser import parse
from promptbot.errors import SourceError
from promptbot.models import Paper, Status

DATA = Path(__file__).parent / "data"
SEED_TEXT = read(SEED)
CFG = config.load(Path(__file__).resolve().parent.parent / "config.toml")


def real_papers(*ids: str) -> tuple[Paper, ...]:
    """Papers from the real 2025-07-01 metadata slice, as a source would hand them over."""
    rows = {}
    for line in (DATA / "eval" / "metadata-2025-07-01.jsonl").read_text().splitlines():
        row = json.loads(line)
        rows[row["id"]] = row
    return tuple(
        Paper(
            arxiv_id=i,
            title=" ".join(rows[i]["title"].split()),
            abstract=rows[i]["summary"],
            authors=tuple(rows[i]["authors"]),
            categories=tuple(rows[i]["categories"]),
            primary_category=rows[i]["categories"][0],
            comment=rows[i].get("comment"),
            published=datetime(2025, 6, 30, tzinfo=UTC),
        )
        for i in ids
    )


# Two labelled `yes` papers (prompt tuning of CLIP, a VPT variant) and one labelled `no`.
PROMPT_TUNING, BILINEAR_VPT, UNRELATED = "2506.23856", "2506.22908", "2506.22876"


def test_a_relevant_paper_is_proposed_and_an_unrelated_one_is_not() -> None:
    forge = FakeForge(SEED_TEXT)
    source = FakeSource(real_papers(PROMPT_TUNING, UNRELATED))
    plan = pipeline.run(CFG, [source], forge, None)
    status = {d.paper.arxiv_id: d.status for d in plan.decisions}
    assert status == {PROMPT_TUNING: Status.PROPOSED, UNRELATED: Status.IRRELEVANT}
    assert len(plan.pull_requests) == 1
    assert PROMPT_TUNING in plan.new_text and UNRELATED not in plan.new_text
    assert len(parse(plan.new_text).entries) == len(parse(SEED_TEXT).entries) + 1


def test_the_dry_run_plan_is_the_plan_that_gets_applied() -> None:
    forge = FakeForge(SEED_TEXT)
    source = FakeSource(real_papers(PROMPT_TUNING))
    dry = pipeline.run(CFG, [source], forge, None)
    assert forge.writes == 0
    real = pipeline.run(CFG, [source], forge, None)
    assert real == dry
    applied = pipeline.apply(real, forge)
    assert [a.action for a in applied] == ["opened"]
    assert forge.branches[real.pull_requests[0].branch] == real.new_text


def test_rerun_with_nothing_new_writes_nothing_and_keeps_one_pr() -> None:
    forge = FakeForge(SEED_TEXT)
    source = FakeSource(real_papers(PROMPT_TUNING))
    pipeline.apply(pipeline.run(CFG, [source], forge, None), forge)
    again = pipeline.run(CFG, [source], forge, None)
    assert [d.status for d in again.decisions] == [Status.PENDING]
    assert [a.action for a in pipeline.apply(again, forge)] == ["unchanged"]
    assert forge.writes == 1 and len(forge.pulls) == 1


def test_new_papers_update_the_same_pr_and_keep_the_pending_ones() -> None:
    forge = FakeForge(SEED_TEXT)
    pipeline.apply(pipeline.run(CFG, [FakeSource(real_papers(PROMPT_TUNING))], forge, None), forge)
    plan = pipeline.run(CFG, [FakeSource(real_papers(BILINEAR_VPT))], forge, None)
    assert [a.action for a in pipeline.apply(plan, forge)] == ["updated"]
    assert len(forge.pulls) == 1
    text = forge.branches[forge.pulls[0].branch]
    assert PROMPT_TUNING in text and BILINEAR_VPT in text


def test_a_closed_pr_means_rejected_and_never_proposed_again() -> None:
    forge = FakeForge(SEED_TEXT)
    source = FakeSource(real_papers(PROMPT_TUNING))
    pipeline.apply(pipeline.run(CFG, [source], forge, None), forge)
    forge.close(forge.pulls[0].number)
    plan = pipeline.run(CFG, [source], forge, None)
    (decision,) = plan.decisions
    assert decision.status is Status.REJECTED and decision.pull_request == 1
    assert plan.pull_requests == () and plan.new_text == SEED_TEXT


def test_merged_papers_are_listed_afterwards() -> None:
    forge = FakeForge(SEED_TEXT)
    source = FakeSource(real_papers(PROMPT_TUNING))
    pipeline.apply(pipeline.run(CFG, [source], forge, None), forge)
    forge.close(forge.pulls[0].number, merged=True)
    (decision,) = pipeline.run(CFG, [source], forge, None).decisions
    assert decision.status is Status.LISTED


def test_a_failing_source_stops_before_github_is_read() -> None:
    class CountingForge(FakeForge):
        reads = 0

        def read_catalog(self):  # type: ignore[no-untyped-def]
            CountingForge.reads += 1
            return super().read_catalog()

    forge = CountingForge(SEED_TEXT)
    ok = FakeSource(real_papers(PROMPT_TUNING))
    broken = FakeSource(name="arXiv API", error="arXiv API: HTTP 503 after 3 retries")
    with pytest.raises(SourceError, match="503"):
        pipeline.run(CFG, [ok, broken], forge, None)
    assert CountingForge.reads == 0 and forge.writes == 0


def test_the_same_paper_from_two_sources_is_proposed_once() -> None:
    papers = real_papers(PROMPT_TUNING)
    plan = pipeline.run(CFG, [FakeSource(papers), FakeSource(papers)], FakeForge(SEED_TEXT), None)
    assert [d.status for d in plan.decisions] == [Status.PROPOSED]
    assert plan.new_text.count(PROMPT_TUNING) == 1


def test_the_pr_table_says_which_topic_terms_matched() -> None:
    plan = pipeline.run(CFG, [FakeSource(real_papers(PROMPT_TUNING))], FakeForge(SEED_TEXT), None)
    (proposal,) = plan.pull_requests[0].proposals
    assert "terms:" in proposal.why and "prompt tuning" in proposal.why
    assert "threshold" not in proposal.why


def test_reviews_and_cached_abstracts_reach_the_scorer(monkeypatch: pytest.MonkeyPatch) -> None:
    from promptbot.judging import Scorer
    from promptbot.judging.reviews import Reviews
    from promptbot.models import BotPullRequest, Memory, Proposal

    taught: list[Reviews] = []
    monkeypatch.setattr(Scorer, "learn_reviews", lambda self, r: taught.append(r))
    memory = Memory((
        BotPullRequest(1, "merged", "promptbot/new-papers", "t", "", (
            Proposal("2109.01134", "S", "* x", title="Learning to Prompt"),
            Proposal("2506.00002", "S", "* y", title="Deleted before merging"))),
        BotPullRequest(2, "closed", "promptbot/new-papers", "t", "", (
            Proposal("2506.00003", "S", "* z"),)),
    ))
    asked: list[int] = []

    def abstracts(catalog: object) -> dict[str, str]:
        asked.append(1)
        return {"2506.00003": "Closed paper title\nits abstract"}

    harvest = pipeline.harvest([FakeSource(real_papers(PROMPT_TUNING))], None)
    pipeline.decide_and_plan(harvest, SEED_TEXT, memory, CFG, abstracts)
    assert asked == [1]
    assert taught == [Reviews(("Learning to Prompt",),
                              ("Deleted before merging", "Closed paper title\nits abstract"))]
