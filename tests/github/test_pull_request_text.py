"""PR title, body and the hidden marker: rendered inert, read back tolerantly (pure)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import cmarkgfm
import pytest
from builders import body_of, proposal
from cmarkgfm.cmark import Options
from hypothesis import given, settings
from hypothesis import strategies as st

from promptbot.config import PullRequestConfig
from promptbot.github import pull_request_text as prt
from promptbot.models import Proposal

DATA = Path(__file__).parents[1] / "data"
HOSTILE = json.loads((DATA / "hostile_metadata.json").read_text("utf-8"))


def render(body: str) -> str:
    html: str = cmarkgfm.github_flavored_markdown_to_html(body, options=Options.CMARK_OPT_UNSAFE)
    return html


# -- title -----------------------------------------------------------------------------------------
def test_title_from_the_template_and_for_one_paper() -> None:
    cfg = PullRequestConfig()
    assert prt.render_title([proposal("2503.00001"), proposal("2503.00002")], cfg) == \
        "Add 2 new paper(s) from arXiv"
    custom = replace(cfg, title="papers: {count} (first: {arxiv_id})")
    assert prt.render_title([proposal("2503.00001")], custom) == "papers: 1 (first: 2503.00001)"
    broken = replace(cfg, title="oops {nope} {")
    assert prt.render_title([proposal("2503.00001")], broken) == "Add 1 new paper(s) from arXiv"
    per_paper = replace(cfg, mode="per-paper")
    title = prt.render_title([proposal("2503.00001", title="A\nB\u202e title")], per_paper)
    assert title == "Add “A B title” (arXiv 2503.00001)"


# -- body ------------------------------------------------------------------------------------------
def test_body_has_summary_table_abstracts_fields_instructions_and_marker() -> None:
    a = proposal("2503.00001", needs_triage=True, missing=("affiliation",))
    b = proposal("2503.00002", why="")
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
    p = proposal("2503.00001", title=case["title"], why=case.get("comment") or "x @who",
              section=case["title"][:40], missing=(case["title"][:30],))
    body = body_of([p], abstracts={"2503.00001": case["abstract"] or case["title"]},
                   notes=[case["title"]])
    html = render(body)
    assert re.findall(r"<a [^>]*>", html) == ['<a href="https://arxiv.org/abs/2503.00001">']
    assert not re.search(r"<(script|img|iframe|b)\b", html)
    assert not re.search(r"@[A-Za-z0-9]", re.sub(r"<!--.*?-->", "", html, flags=re.S))
    assert html.count("<td>") == 4  # one row of four cells: no `|` escaped the table
    assert prt.read_proposals(body) == (p,)


def test_marker_survives_comment_closers_and_tags() -> None:
    p = proposal("2503.00001", title="a --> b <!-- c --!> d <script>", why="--")
    body = body_of([p], abstracts={"2503.00001": "x-->y"})
    comment = re.search(r"<!-- promptbot:proposals (.*) -->", body, re.S)
    assert comment and "--" not in comment.group(1).strip(" -") and "<" not in comment.group(1)
    assert prt.read_proposals(body) == (p,)
    assert prt.read_abstracts(body) == {"2503.00001": "x-->y"}


def test_long_bodies_drop_the_abstracts_to_stay_under_githubs_limit() -> None:
    proposals = [proposal(f"2503.{i:05d}") for i in range(60)]
    abstracts = {p.arxiv_id: "word " * 400 for p in proposals}
    body = body_of(proposals, abstracts=abstracts)
    assert len(body) <= prt.BODY_LIMIT and "<details>" not in body
    assert prt.read_proposals(body) == tuple(proposals)
    short = body_of(proposals[:2], abstracts=abstracts)
    kept = prt.read_abstracts(short)["2503.00000"]
    assert len(kept) <= prt.ABSTRACT_LIMIT and kept.endswith("…")


# -- reading the marker back -----------------------------------------------------------------------
@pytest.mark.parametrize("body", [
    "", "no marker here", "<!-- promptbot:proposals not json -->",
    "<!-- promptbot:proposals [1, 2] -->", '<!-- promptbot:proposals {"proposals": 3} -->',
    '<!-- promptbot:proposals {"proposals": [{"section": "x"}, 5]} -->',
    "<!-- promptbot:proposals {\"proposals\": [",
])
def test_read_proposals_is_tolerant(body: str) -> None:
    assert prt.read_proposals(body) == ()
    assert prt.read_abstracts(body) == {}


def test_read_proposals_skips_bad_fields_and_survives_human_edits() -> None:
    p = proposal("2503.00001", missing=("affiliation",))
    body = body_of([p]).replace("\n", "\r\n")  # GitHub's web editor stores CRLF
    edited = "Thanks bot!\r\n\r\n" + body.replace("| Paper |", "| Article |")
    assert prt.read_proposals(edited) == (p,)
    raw = {"proposals": [{"arxiv_id": "2503.9", "entry": "* e", "score": "high",
                          "needs_triage": "yes", "missing": ["a", 3], "extra": 1}]}
    odd = f"<!-- promptbot:proposals {json.dumps(raw)} -->"
    assert prt.read_proposals(odd) == (Proposal("2503.9", "", "* e", missing=("a",)),)


texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)


@settings(max_examples=60, deadline=None)
@given(title=texts, why=texts, section=texts, abstract=texts, missing=st.lists(texts, max_size=2))
def test_body_round_trips_and_rerenders_identically(
    title: str, why: str, section: str, abstract: str, missing: list[str]
) -> None:
    p = Proposal("2503.00001", section, "* entry", title=title, score=0.5, why=why,
                 missing=tuple(missing))
    body = body_of([p], abstracts={"2503.00001": abstract} if abstract.strip() else {})
    assert prt.read_proposals(body) == (p,)
    again = body_of(prt.read_proposals(body), abstracts=prt.read_abstracts(body))
    assert again == body  # a rerun with nothing new writes nothing


# -- pinned: the table's paper label and what the marker keeps ----------------------------------
@pytest.mark.parametrize(("p", "cell"), [
    (Proposal("2503.00001", "S", "* e", title="Prompt [x] *y*"),
     "[Prompt &#91;x&#93; \\*y\\*](https://arxiv.org/abs/2503.00001)"),
    (Proposal("2503.00001", "S", "* e"), "[2503.00001](https://arxiv.org/abs/2503.00001)"),
    (Proposal("2503.00001v2", "S", "* e", title="T"), "T"),  # not a bare id: no link
    (Proposal("x) [y](https://evil.example", "S", "* e", title="T"), "T"),
])
def test_the_table_labels_each_paper_by_title_linking_only_a_bare_id(
    p: Proposal, cell: str
) -> None:
    rows = [line for line in body_of([p]).splitlines()
            if line.startswith("| ") and "---" not in line]
    assert rows[1].split(" | ")[0] == f"| {cell}"


def test_needs_triage_and_missing_fields_round_trip_and_an_entryless_proposal_is_dropped() -> None:
    triage = Proposal("2503.00001", "S", "* one", title="One", score=0.6, needs_triage=True,
                      missing=("name", "affiliation"), why="w")
    empty = Proposal("2503.00002", "S", "", title="Two")
    read = prt.read_proposals(body_of([triage, empty]))
    assert read == (triage,)
    assert read[0].needs_triage is True and read[0].missing == ("name", "affiliation")
