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
from promptbot.entries import truncate
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
    # The body keeps a bounded title and reason; the rest of the proposal unchanged.
    bounded = replace(p, title=truncate(p.title, prt.TITLE_LIMIT), why=truncate(p.why, 160))
    assert prt.read_proposals(body) == (bounded,)
    assert body_of(prt.read_proposals(body), abstracts=prt.read_abstracts(body),
                   notes=[case["title"]]) == body  # and re-renders the same


def test_marker_survives_comment_closers_and_tags() -> None:
    p = proposal("2503.00001", title="a --> b <!-- c --!> d <script>", why="--")
    body = body_of([p], abstracts={"2503.00001": "x-->y"})
    comment = re.search(r"<!-- promptbot:proposals (.*) -->", body, re.S)
    assert comment and "--" not in comment.group(1).strip(" -") and "<" not in comment.group(1)
    assert prt.read_proposals(body) == (p,)
    assert prt.read_abstracts(body) == {"2503.00001": "x-->y"}


def test_long_bodies_keep_the_abstracts_that_fit_and_every_paper_in_the_marker() -> None:
    proposals = [proposal(f"2503.{i:05d}") for i in range(60)]
    abstracts = {p.arxiv_id: "word " * 400 for p in proposals}
    body = body_of(proposals, abstracts=abstracts)
    assert len(body) <= prt.BODY_LIMIT < prt.GITHUB_BODY_LIMIT
    kept = prt.read_abstracts(body)
    assert 0 < body.count("<details>") == len(kept) < 60
    assert list(kept) == [p.arxiv_id for p in proposals[:len(kept)]]  # the first ones
    assert prt.read_proposals(body) == tuple(proposals)
    assert len(body_of(proposals, abstracts=dict.fromkeys(kept, "x"))) < len(body)
    short = body_of(proposals[:2], abstracts=abstracts)
    one = prt.read_abstracts(short)["2503.00000"]
    assert len(one) <= prt.ABSTRACT_LIMIT and one.endswith("…")


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


def test_updates_part_lists_each_entry_before_and_after_and_the_marker_keeps_them() -> None:
    from promptbot.github.pull_request_text import read_updates, render_body
    from promptbot.models import Update

    hostile = Update("2304.07221", 2, '* **IDPT**: "T",arXiv,2023. [[Paper](u)] ``` @x',
                     '* **IDPT**: "T",ICCV, 2023. [[Paper](u)] ``` @x', "Published", "Preprint",
                     changes=("venue: arXiv 2023 → ICCV 2023 @team #12 <b>",), title="T <i>")
    body = render_body((), catalog_path="README.md", updates=(hostile,))
    assert "**Updates: 1 entry**" in body and "| Paper |" not in body
    assert "- * **IDPT**" in body and "+ * **IDPT**" in body
    assert "````diff" in body  # a fence longer than any backtick run inside
    assert read_updates(body) == (hostile,)
    html = cmarkgfm.github_flavored_markdown_to_html(body)
    assert "<b>" not in html and "<i>" not in html
    assert read_updates("no marker") == ()



def test_the_marker_keeps_the_venue_and_year_that_place_a_moved_entry() -> None:
    # A move lands after its venue's entries; an update carried to the next run must still know
    # its venue and year, or it lands elsewhere then.
    from promptbot.github.pull_request_text import read_updates, render_body
    from promptbot.models import Update

    update = Update("2501.00002", 2, "* [arXiv] B", "* [**ACL'26**] B", "Language > 2026",
                    "2025", venue="ACL", year=2026)
    body = render_body((), catalog_path="README.md", updates=(update,))
    assert read_updates(body) == (update,)
    broken = body.replace('"year":2026', '"year":"2026"')
    assert broken != body and read_updates(broken) == (replace(update, year=0),)

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


# -- pinned: the whole body, byte for byte, for two papers and for one ----------------------------
TWO = [Proposal("2503.00001", "Sec <A>", "* one", title='T "q" <b>', score=0.6, needs_triage=True,
                missing=("name", "affiliation"), why="prompt"),
       Proposal("2503.00002", "Sec", "* two", title="", score=0.5, why="")]
TWO_BODY = (
    "promptbot proposes 2 new papers from arXiv for `README.md`.\n\n"
    "> **Note:** a note\n\n"
    "| Paper | Section | Score | Why |\n|---|---|---|---|\n"
    '| [T "q" \\<b\\>](https://arxiv.org/abs/2503.00001) | Sec \\<A\\> | 0.60 |'
    " *needs triage* prompt |\n"
    "| [2503.00002](https://arxiv.org/abs/2503.00002) | Sec | 0.50 |  |\n\n"
    "**Abstracts**\n\n"
    "<details><summary>2503.00001: T &quot;q&quot; &lt;b&gt;</summary>\n\n"
    "We -- prompt \\<CLIP\\> é.\n\n</details>\n\n"
    "**To fill in** (edit the line in the diff, or after merging):\n"
    "- `2503.00001`: name, affiliation\n\n"
    "**How to review:** delete a line in the diff to reject that paper; closing the PR rejects all"
    " of them; promptbot will not propose them again. Edit or merge as you like; once you push to"
    " this branch, promptbot leaves it alone and opens a new PR for later papers.\n\n"
    '<!-- promptbot:proposals {"abstracts":{"2503.00001":"We -\\u002d prompt \\u003cCLIP\\u003e'
    ' \\u00e9."},"proposals":[{"arxiv_id":"2503.00001","entry":"* one","missing":["name",'
    '"affiliation"],"needs_triage":true,"score":0.6,"section":"Sec \\u003cA\\u003e","title":"T'
    ' \\"q\\" \\u003cb\\u003e","why":"prompt"},{"arxiv_id":"2503.00002","entry":"* two",'
    '"score":0.5,"section":"Sec"}],"version":1} -->\n'  # fields at their defaults left out
)


def test_the_body_of_two_papers_is_exactly_this() -> None:
    body = prt.render_body(TWO, catalog_path="READ`ME.md",
                           abstracts={"2503.00001": "We -- prompt <CLIP> é."}, notes=["a note"])
    assert body == TWO_BODY
    assert prt.read_abstracts(body) == {"2503.00001": "We -- prompt <CLIP> é."}


def test_the_body_of_one_paper_is_exactly_this() -> None:
    assert body_of([TWO[1]]) == (
        "promptbot proposes 1 new paper from arXiv for `README.md`.\n\n"
        "| Paper | Section | Score | Why |\n|---|---|---|---|\n"
        "| [2503.00002](https://arxiv.org/abs/2503.00002) | Sec | 0.50 |  |\n\n"
        "**How to review:** merge to add the paper; closing the PR rejects it, and promptbot will"
        " not propose it again. Edit or merge as you like; once you push to this branch,"
        " promptbot leaves it alone and opens a new PR for later papers.\n\n"
        '<!-- promptbot:proposals {"abstracts":{},"proposals":[{"arxiv_id":"2503.00002",'
        '"entry":"* two","score":0.5,"section":"Sec"}],"version":1} -->\n')


def test_a_body_exactly_at_the_limit_keeps_its_abstracts(monkeypatch: pytest.MonkeyPatch) -> None:
    full = body_of([TWO[0]], abstracts={"2503.00001": "An abstract."})
    monkeypatch.setattr(prt, "BODY_LIMIT", len(full))
    assert body_of([TWO[0]], abstracts={"2503.00001": "An abstract."}) == full
    monkeypatch.setattr(prt, "BODY_LIMIT", len(full) - 1)
    assert "An abstract." not in body_of([TWO[0]], abstracts={"2503.00001": "An abstract."})


@pytest.mark.parametrize(("text", "limit", "short"), [
    ("a b c", 5, "a b c"),
    ("aaa bbb ccc", 9, "aaa …"),
    ("aaa\tbbb ccc ddd", 12, "aaa bbb …"),
    ("aaaa bbbb", 7, "aaaa …"),
    ("a bcd efg", 8, "a bcd …"),
])
def test_shorten_exactly(text: str, limit: int, short: str) -> None:
    assert prt._shorten(text, limit) == short


def test_titles_are_cut_at_their_limits() -> None:
    long = "word " * 60
    per_paper = PullRequestConfig(mode="per-paper")
    title = prt.render_title([Proposal("2503.00001", "S", "* e", title=long)], per_paper)
    assert title == f"Add “{('word ' * 16).strip()} word…” (arXiv 2503.00001)"  # 85 of 90
    rolling = PullRequestConfig(title="{title} " + "x" * 300)
    assert len(prt.render_title([Proposal("2503.00001", "S", "* e", title="T")], rolling)) == 200
    assert prt.render_title([], PullRequestConfig(title="{count}:{title}:{arxiv_id}")) == "0::"


def test_the_marker_reader_keeps_only_string_abstracts_and_string_list_fields() -> None:
    body = ('<!-- promptbot:proposals {"abstracts": {"a": "x", "b": 1}, "proposals": ['
            '{"arxiv_id": "2503.00001", "entry": "* e", "missing": "name"},'
            '{"arxiv_id": "2503.00002"}]} -->')
    assert prt.read_abstracts(body) == {"a": "x"}
    assert prt.read_proposals(body) == (Proposal("2503.00001", "", "* e"),)


def test_every_abstract_gets_its_block_summarised_by_id_and_title() -> None:
    body = body_of(TWO, abstracts={"2503.00001": "First.", "2503.00002": "Second."})
    assert "<details><summary>2503.00001: T &quot;q&quot; &lt;b&gt;</summary>" in body
    assert "<details><summary>2503.00002</summary>\n\nSecond.\n\n</details>" in body
    assert body.count("<details>") == 2
