"""The shell end to end with fakes: real catalog, real papers, real scoring and planning."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from catalog_files import SEED, SEED_SECTIONS, read
from fakes import FakeForge, FakeSource

from promptbot import config, pipeline
from promptbot.catalog.parser import parse
from promptbot.errors import PullRequestChanged, SourceError
from promptbot.models import Harvest, Memory, Paper, PullRequestPlan, Status
from promptbot.ports import Applied

DATA = Path(__file__).parent / "data"
SEED_TEXT = read(SEED)
CFG = config.load(Path(__file__).resolve().parent.parent / "config.toml")
# The seed copy of the list, with the [sections] it was configured with (updates move entries
# between its published and preprint sections).
SEED_CFG = replace(CFG, sections=SEED_SECTIONS)


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


@pytest.mark.parametrize("title", ["", "   ", "\u200b\n"])
def test_a_paper_without_a_title_is_skipped_with_a_note(title: str) -> None:
    blank = replace(real_papers(PROMPT_TUNING)[0], arxiv_id="2506.99999", title=title)
    plan = pipeline.run(CFG, [FakeSource((blank, *real_papers(PROMPT_TUNING)))],
                        FakeForge(SEED_TEXT), None)
    assert [d.paper.arxiv_id for d in plan.decisions] == [PROMPT_TUNING]
    assert [i.arxiv_id for i in plan.insertions] == [PROMPT_TUNING]
    assert "2506.99999" not in plan.new_text
    assert "skipped 1 paper(s) without a title: 2506.99999" in plan.notes


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


# --- updates of listed entries: the listing feed's new versions, the weekly re-check by id ------


def idpt_api_entry(comment: str) -> str:
    """IDPT's v2 in the API's wire format: a real recorded entry with IDPT's fields put in."""
    from arxiv_server import entries_of, entry_as

    real = entries_of(DATA / "arxiv" / "api" / "id_1605.08386_s0_m100_199195aa31ad.xml")[0]
    return entry_as(real, arxiv_id="2304.07221", version=2, comment=comment,
                    title="Instance-aware Dynamic Prompt Tuning for Pre-trained Point Cloud Models")


IDPT_ROW = {"id": "2304.07221", "version": 2, "categories": ["cs.CV"], "authors": ["Y. Zha"],
            "title": "Instance-aware Dynamic Prompt Tuning for Pre-trained Point Cloud Models",
            "summary": "Pre-trained point cloud models have found extensive applications."}


def _refreshed(recheck: bool, venues: Any = None, comment: str = "Accepted to ICCV 2023"
               ) -> tuple[Harvest, list[dict[str, str]]]:
    from arxiv_server import ArxivServer, FakeClock, listing_feed

    from promptbot.sources.arxiv_api import ArxivApiSource
    from promptbot.sources.listing_feed import ListingFeedSource
    from promptbot.sources.politeness import Politeness

    clock = FakeClock()
    feed = listing_feed([IDPT_ROW], ["replace"])
    with ArxivServer([idpt_api_entry(comment)], feeds={"/rss/cs.CV": feed}, clock=clock) as srv:
        cfg = replace(CFG.arxiv, api_url=srv.api_url, rss_url=srv.url + "/rss/cs.CV")
        polite = Politeness(3.0, sleep=clock.sleep, clock=clock)
        listing = ListingFeedSource(cfg, user_agent="t", politeness=polite, replacements=True)
        api = ArxivApiSource(cfg, user_agent="t", politeness=polite, sleep=clock.sleep,
                             clock=clock)
        papers = pipeline.refresh_listed(pipeline.harvest([listing], None), SEED_TEXT,
                                         api.papers_by_ids, recheck=recheck, batch=100,
                                         venues=venues)
    return papers, [r.args for r in srv.api_requests()]


def test_a_replace_in_the_feed_is_asked_by_id_and_idpt_moves_to_the_published_section() -> None:
    papers, calls = _refreshed(recheck=False)
    assert [c["id_list"] for c in calls] == ["2304.07221"]
    assert papers.requests == 2  # the feed, and one id_list request
    plan = pipeline.decide_and_plan(papers, SEED_TEXT, Memory(), SEED_CFG)
    assert [d.status for d in plan.decisions] == [Status.UPDATE]
    (update,) = plan.updates
    assert update.moved and update.section == "Prompt Learning/Tuning"
    assert ",ICCV, 2023(*Tsinghua University*)" in update.after
    assert "**Updates: 1 entry**" in plan.pull_requests[0].body


def test_the_weekly_recheck_asks_every_listed_preprint_in_few_requests() -> None:
    from promptbot.judging.updates import recheck_ids

    papers, calls = _refreshed(recheck=True, comment="12 pages")
    wanted = recheck_ids(parse(SEED_TEXT))
    assert len(calls) == 1 and set(calls[0]["id_list"].split(",")) == set(wanted)
    plan = pipeline.decide_and_plan(papers, SEED_TEXT, Memory(), SEED_CFG)
    assert [d.status for d in plan.decisions] == [Status.LISTED] and not plan.changed


def test_semantic_scholars_venue_makes_the_recheck_an_update() -> None:
    from promptbot.sources.semantic_scholar import Venue

    papers, _ = _refreshed(recheck=True, comment="12 pages",
                           venues=lambda ids: {"2304.07221": Venue("ICCV", 2023)})
    plan = pipeline.decide_and_plan(papers, SEED_TEXT, Memory(), SEED_CFG)
    assert [d.status for d in plan.decisions] == [Status.UPDATE]


def test_a_failing_update_check_is_a_note_and_the_run_goes_on() -> None:
    def broken(ids: Sequence[str]) -> tuple[Paper, ...]:
        raise SourceError("arXiv API failed after 4 tries: HTTP 503")

    papers = Harvest(papers=(replace(real_papers("2506.22876")[0], announce_type="new"),))
    out = pipeline.refresh_listed(papers, SEED_TEXT, broken, recheck=True, batch=100)
    assert out.papers == papers.papers
    assert out.notes == ("update check skipped: arXiv API failed after 4 tries: HTTP 503",)


class CollidingForge(FakeForge):
    """A forge where another run changes the pull request the first `collisions` times."""

    collisions: int = 0

    def apply(self, plan: PullRequestPlan) -> Applied:
        if self.collisions:
            self.collisions -= 1
            raise PullRequestChanged("another run changed the pull request #1; run again")
        return super().apply(plan)


def test_a_changed_pull_request_is_read_and_planned_again_after_a_random_pause() -> None:
    forge = CollidingForge(SEED_TEXT)
    forge.collisions = 2
    papers = pipeline.harvest([FakeSource(real_papers(PROMPT_TUNING))], None)
    plan = pipeline.plan_on(forge, papers, CFG)
    pauses: list[float] = []
    _, applied = pipeline.apply_converging(plan, papers, forge, CFG, pause=pauses.append)
    assert [a.action for a in applied] == ["opened"]
    assert len(pauses) == 2 and 0 <= pauses[0] <= 2 and 0 <= pauses[1] <= 4
    forge.collisions = 3
    with pytest.raises(PullRequestChanged, match="run again"):
        pipeline.apply_converging(plan, papers, forge, CFG, pause=pauses.append)


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
    pipeline.decide_and_plan(harvest, SEED_TEXT, memory, CFG, abstracts=abstracts)
    assert asked == [1]
    assert taught == [Reviews(("Learning to Prompt",),
                              ("Deleted before merging", "Closed paper title\nits abstract"))]
