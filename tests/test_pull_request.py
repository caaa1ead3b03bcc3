"""PR title, body and marker, and the pull-request plans (pure: no GitHub here)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import given, settings
from hypothesis import strategies as st

from promptbot import pull_request as prm
from promptbot.config import Config, PullRequestConfig
from promptbot.models import BotPullRequest, Memory, Proposal, PullRequestPlan

DATA = Path(__file__).parent / "data"
HOSTILE = json.loads((DATA / "hostile_metadata.json").read_text("utf-8"))
BASE = "# List\n\n### Prompt Learning(arxiv)\n* **CoOp**: old [[Paper](https://arxiv.org/abs/2109.01134)]\n"
SECTION = "Prompt Learning(arxiv)"


def paper(arxiv_id: str, **kw: object) -> Proposal:
    values: dict[str, object] = {"title": f"Paper {arxiv_id}", "score": 0.75, "why": "prompt",
                                 "section": SECTION}
    values.update(kw)
    entry = f"* **?**: {values['title']} [[Paper](https://arxiv.org/abs/{arxiv_id})]"
    return Proposal(arxiv_id, entry=entry, **values)  # type: ignore[arg-type]


def place(base: str, proposals: Sequence[Proposal]) -> str:
    return base + "".join(p.entry + "\n" for p in proposals)


def render(body: str) -> str:
    html: str = cmarkgfm.github_flavored_markdown_to_html(body, options=Options.CMARK_OPT_UNSAFE)
    return html


def body_of(proposals: Sequence[Proposal], **kw: object) -> str:
    return prm.render_body(proposals, catalog_path="README.md", **kw)  # type: ignore[arg-type]


def open_pr(number: int, proposals: Sequence[Proposal], branch: str = "promptbot/new-papers",
            foreign: bool = False, body: str | None = None) -> BotPullRequest:
    text = body if body is not None else body_of(proposals)
    return BotPullRequest(number, "open", branch, "t", text, prm.read_proposals(text),
                          foreign_commits=foreign)


# -- title -----------------------------------------------------------------------------------------
def test_title_from_the_template_and_for_one_paper() -> None:
    cfg = PullRequestConfig()
    assert prm.render_title([paper("2503.00001"), paper("2503.00002")], cfg) == \
        "Add 2 new paper(s) from arXiv"
    custom = replace(cfg, title="papers: {count} (first: {arxiv_id})")
    assert prm.render_title([paper("2503.00001")], custom) == "papers: 1 (first: 2503.00001)"
    broken = replace(cfg, title="oops {nope} {")
    assert prm.render_title([paper("2503.00001")], broken) == "Add 1 new paper(s) from arXiv"
    per_paper = replace(cfg, mode="per-paper")
    title = prm.render_title([paper("2503.00001", title="A\nB\u202e title")], per_paper)
    assert title == "Add “A B title” (arXiv 2503.00001)"


# -- body ------------------------------------------------------------------------------------------
def test_body_has_summary_table_abstracts_fields_instructions_and_marker() -> None:
    a = paper("2503.00001", needs_triage=True, missing=("affiliation",))
    b = paper("2503.00002", why="")
    body = body_of([a, b], abstracts={"2503.00001": "We prompt CLIP."}, notes=["a note"])
    assert body.startswith("promptbot proposes 2 new papers from arXiv for `README.md`.")
    html = render(body)
    assert html.count("<tr>") == 3 and html.count("<td>") == 8
    assert "<em>needs triage</em> prompt" in html
    assert "<details><summary>2503.00001: Paper 2503.00001</summary>" in html
    assert "We prompt CLIP." in html and "<li><code>2503.00001</code>: affiliation</li>" in html
    assert "delete a line in the diff to reject that paper; closing the PR rejects all of them;" \
        " promptbot will not propose them again" in body
    assert "<strong>Note:</strong> a note" in html
    assert re.search(r"<!-- promptbot:proposals \{.*\} -->\n$", body)


@pytest.mark.parametrize("case", HOSTILE, ids=[c["id"] for c in HOSTILE])
def test_hostile_paper_text_renders_inert(case: dict[str, str]) -> None:
    p = paper("2503.00001", title=case["title"], why=case.get("comment") or "x @who",
              section=case["title"][:40], missing=(case["title"][:30],))
    body = body_of([p], abstracts={"2503.00001": case["abstract"] or case["title"]},
                   notes=[case["title"]])
    html = render(body)
    assert re.findall(r"<a [^>]*>", html) == ['<a href="https://arxiv.org/abs/2503.00001">']
    assert not re.search(r"<(script|img|iframe|b)\b", html)
    assert not re.search(r"@[A-Za-z0-9]", re.sub(r"<!--.*?-->", "", html, flags=re.S))
    assert html.count("<td>") == 4  # one row of four cells: no `|` escaped the table
    assert prm.read_proposals(body) == (p,)


def test_marker_survives_comment_closers_and_tags() -> None:
    p = paper("2503.00001", title="a --> b <!-- c --!> d <script>", why="--")
    body = body_of([p], abstracts={"2503.00001": "x-->y"})
    comment = re.search(r"<!-- promptbot:proposals (.*) -->", body, re.S)
    assert comment and "--" not in comment.group(1).strip(" -") and "<" not in comment.group(1)
    assert prm.read_proposals(body) == (p,)
    assert prm.read_abstracts(body) == {"2503.00001": "x-->y"}


def test_long_bodies_drop_the_abstracts_to_stay_under_githubs_limit() -> None:
    proposals = [paper(f"2503.{i:05d}") for i in range(60)]
    abstracts = {p.arxiv_id: "word " * 400 for p in proposals}
    body = body_of(proposals, abstracts=abstracts)
    assert len(body) <= prm.BODY_LIMIT and "<details>" not in body
    assert prm.read_proposals(body) == tuple(proposals)
    short = body_of(proposals[:2], abstracts=abstracts)
    kept = prm.read_abstracts(short)["2503.00000"]
    assert len(kept) <= prm.ABSTRACT_LIMIT and kept.endswith("…")


# -- reading the marker back -----------------------------------------------------------------------
@pytest.mark.parametrize("body", [
    "", "no marker here", "<!-- promptbot:proposals not json -->",
    "<!-- promptbot:proposals [1, 2] -->", '<!-- promptbot:proposals {"proposals": 3} -->',
    '<!-- promptbot:proposals {"proposals": [{"section": "x"}, 5]} -->',
    "<!-- promptbot:proposals {\"proposals\": [",
])
def test_read_proposals_is_tolerant(body: str) -> None:
    assert prm.read_proposals(body) == ()
    assert prm.read_abstracts(body) == {}


def test_read_proposals_skips_bad_fields_and_survives_human_edits() -> None:
    p = paper("2503.00001", missing=("affiliation",))
    body = body_of([p]).replace("\n", "\r\n")  # GitHub's web editor stores CRLF
    edited = "Thanks bot!\r\n\r\n" + body.replace("| Paper |", "| Article |")
    assert prm.read_proposals(edited) == (p,)
    raw = {"proposals": [{"arxiv_id": "2503.9", "entry": "* e", "score": "high",
                          "needs_triage": "yes", "missing": ["a", 3], "extra": 1}]}
    odd = f"<!-- promptbot:proposals {json.dumps(raw)} -->"
    assert prm.read_proposals(odd) == (Proposal("2503.9", "", "* e", missing=("a",)),)


texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)


@settings(max_examples=60, deadline=None)
@given(title=texts, why=texts, section=texts, abstract=texts, missing=st.lists(texts, max_size=2))
def test_body_round_trips_and_rerenders_identically(
    title: str, why: str, section: str, abstract: str, missing: list[str]
) -> None:
    p = Proposal("2503.00001", section, "* entry", title=title, score=0.5, why=why,
                 missing=tuple(missing))
    body = body_of([p], abstracts={"2503.00001": abstract} if abstract.strip() else {})
    assert prm.read_proposals(body) == (p,)
    again = body_of(prm.read_proposals(body), abstracts=prm.read_abstracts(body))
    assert again == body  # a rerun with nothing new writes nothing


# -- plans: rolling --------------------------------------------------------------------------------
NO_MEMORY, DEFAULTS = Memory(), Config()


def plans(new: Sequence[Proposal], memory: Memory = NO_MEMORY, cfg: Config = DEFAULTS,
          base: str = BASE, abstracts: dict[str, str] | None = None,
          ) -> tuple[PullRequestPlan, ...]:
    return prm.plan_pull_requests(base, new, memory, cfg, place=place, abstracts=abstracts or {})


def test_first_plan_opens_the_rolling_branch() -> None:
    (plan,) = plans([paper("2503.00001")])
    assert (plan.branch, plan.base_branch, plan.number) == ("promptbot/new-papers", "main", None)
    assert plan.new_text == place(BASE, [paper("2503.00001")])
    assert plan.labels == ("promptbot",) and plan.proposals == (paper("2503.00001"),)
    assert plans([]) == ()


def test_rolling_plan_keeps_pending_adds_new_and_drops_listed_and_duplicates() -> None:
    a, b, c = paper("2503.00001"), paper("2503.00002"), paper("2503.00003")
    memory = Memory((open_pr(7, [a, b]),))
    base = BASE + "* b [[Paper](https://arxiv.org/abs/2503.00002v2)]\n"  # a person added b
    (plan,) = plans([a, c, c], memory, base=base)
    assert plan.number == 7 and plan.branch == "promptbot/new-papers"
    assert [p.arxiv_id for p in plan.proposals] == ["2503.00001", "2503.00003"]
    assert plan.new_text == place(base, [a, c])


def test_rolling_plan_with_nothing_new_equals_the_current_pr() -> None:
    a = paper("2503.00001")
    body = body_of([a], abstracts={"2503.00001": "An abstract."})
    pr = open_pr(3, [a], body=body)
    (plan,) = plans([], Memory((pr,)))
    assert (plan.number, plan.body, plan.title) == (3, body, "Add 1 new paper(s) from arXiv")


def test_rolling_plan_leaves_a_foreign_pr_alone_and_says_so() -> None:
    a, b = paper("2503.00001"), paper("2503.00002")
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
    (plan,) = plans([paper("2503.00002")], Memory((broken,)))
    assert (plan.number, plan.branch) == (None, "promptbot/new-papers-2")


def test_when_every_pending_paper_is_listed_nothing_is_planned() -> None:
    a = paper("2503.00001")
    base = BASE + a.entry + "\n"
    assert plans([], Memory((open_pr(3, [a]),)), base=base) == ()


# -- plans: per paper ------------------------------------------------------------------------------
PER_PAPER = Config(pull_request=PullRequestConfig(mode="per-paper", max_open=3))


def test_per_paper_plans_one_pr_each_within_max_open() -> None:
    old = paper("cs/0601001")
    memory = Memory((open_pr(1, [old], branch="promptbot/cs-0601001"),
                     open_pr(2, [paper("2503.00009")], branch="promptbot/new-papers",
                             foreign=True)))
    new = [paper("2503.00001"), paper("2503.00002"), paper("cs/0601001")]
    result = plans(new, memory, PER_PAPER)
    assert [(p.branch, p.number) for p in result] == [
        ("promptbot/cs-0601001", 1), ("promptbot/2503.00001", None)]
    assert result[1].title.startswith("Add “Paper 2503.00001”")
    assert prm.explain(BASE, new, memory, PER_PAPER) == (
        "1 paper(s) wait for a free slot: 2 of max_open = 3 bot pull requests are open",)
