"""Placement and insertion: every other byte kept, and GitHub's renderer sees only the new items."""

from __future__ import annotations

import difflib
from dataclasses import replace
from datetime import UTC, datetime

import builders
import cmarkgfm
import pytest
from catalog_files import (
    ALL_LISTS,
    AMUSI,
    BWLONG_HEAD,
    CREDITS_AND_NOTES,
    HISTORY_FILES,
    JINDONGGU,
    MULTIMODAL,
    NESTED_AUTHORS,
    SEED,
    SUN,
    ZLKONG,
    parse,
    read,
    read_history,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from promptbot import catalog
from promptbot.catalog import outline
from promptbot.config import Config, FormatConfig
from promptbot.entries import editing, read_fields
from promptbot.entries.formatting import format_entry
from promptbot.errors import CatalogError
from promptbot.models import Decision, Insertion, Paper, PaperFields, Section, Status


def ins(after: int, text: str, arxiv_id: str = "2401.00001") -> Insertion:
    return Insertion(arxiv_id=arxiv_id, section="s", after_line=after, text=text)


def paper(n: int, **kw: object) -> Paper:
    """Made-up paper number `n`: its own id, title and January 2024 date unless `kw` says."""
    defaults = {"arxiv_id": f"2401.{n:05d}", "title": f"Prompting Everything Number {n}",
                "published": datetime(2024, 1, 1 + n % 27, tzinfo=UTC)}
    return builders.paper(**{**defaults, **kw})


# --- insert: bytes ------------------------------------------------------------------------------


def test_insert_keeps_crlf_and_a_missing_final_newline() -> None:
    text = "* a\r\n* b  \r\n* c"
    assert editing.insert(text, [ins(3, "* N1"), ins(3, "* N2")]) == (
        "* a\r\n* b  \r\n* c\r\n* N1\r\n* N2"
    )
    assert editing.insert(text, [ins(1, "* N")]) == "* a\r\n* N\r\n* b  \r\n* c"


def test_insert_uses_the_dominant_line_ending_inside_multi_line_entries() -> None:
    text = "* a\r\n* b\r\n"
    assert editing.insert(text, [ins(1, "\n**T**\n\n- Paper: x")]) == (
        "* a\r\n\r\n**T**\r\n\r\n- Paper: x\r\n* b\r\n"
    )


def test_insert_keeps_the_given_order_at_one_point_and_touches_nothing_else() -> None:
    text = "# H\n* a\n* b\n\n## Next\n"
    out = editing.insert(text, [ins(3, "* c"), ins(3, "* d"), ins(0, "top")])
    assert out == "top\n# H\n* a\n* b\n* c\n* d\n\n## Next\n"


def test_insert_adds_a_blank_line_before_a_paragraph_that_would_be_swallowed() -> None:
    assert editing.insert("# H\npara\n", [ins(1, "* e")]) == "# H\n* e\n\npara\n"
    assert editing.insert("# H\n* a\n", [ins(1, "* e")]) == "# H\n* e\n* a\n"
    # heejkoo/Awesome-Diffusion-Models: a paragraph entry on top, spaced with the blank line the
    # list keeps below it, was given a second one.
    assert editing.insert("# H\n\n**Old** \\\n2022\n", [ins(2, "**New** \\\n2026\n")]) == (
        "# H\n\n**New** \\\n2026\n\n**Old** \\\n2022\n")


def test_insert_refuses_a_line_outside_the_text() -> None:
    with pytest.raises(CatalogError, match="after line 9"):
        editing.insert("a\n", [ins(9, "x")])
    assert editing.insert("a\n", []) == "a\n"


def test_line_ending() -> None:
    assert editing.line_ending("a\r\nb\r\nc\n") == "\r\n"
    assert editing.line_ending("a\nb\r\nc\n") == "\n"
    assert editing.line_ending("") == "\n"
    assert editing.line_ending("a\rb\r") == "\r"
    assert editing.insert("* a\r* b", [ins(1, "* c")]) == "* a\r* c\r* b"


def test_unified_diff_marks_a_missing_final_newline() -> None:
    diff = editing.unified_diff("a\nb", "a\nb\nc", "README.md")
    assert diff.startswith("--- a/README.md\n+++ b/README.md\n")
    assert "\\ No newline at end of file" in diff and "+c" in diff
    assert editing.unified_diff("same\n", "same\n", "x") == ""


# --- insertion points on real lists -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "heading", "after"),
    [
        (SEED, "Prompt Learning/Tuning", "* **TPT**"),
        (SEED, "Prompt Learning/Tuning(已读)", "* **UPL**"),
        (SEED, "Papers", "- **CLIP-Adapter**"),
        (BWLONG_HEAD, "Domain Adaptation + Prompt Learning: *Updating by Yongguang Li*",
         "* Open-Set"),
        (MULTIMODAL, "Prompt Learning/Tuning", "* **CDL**"),
        (JINDONGGU, "Applications & Responsible AI", "| [Debiasing Vision-Language"),
        (AMUSI, "Prompt", "# Prompt"),
        (AMUSI, "CLIP", "- Code: https://github.com/Harvard"),
    ],
)
def test_insertion_point_is_after_the_last_entry(name: str, heading: str, after: str) -> None:
    cat = catalog.parse(read(name))
    line = editing.insertion_point(cat, heading)
    assert cat.lines[line - 1].startswith(after)


def test_a_new_entry_goes_after_the_nested_line_of_the_entry_above_never_between() -> None:
    # jason718/awesome-self-supervised-learning: `- Title⏎  [[pdf]](…)⏎  - A, B. *TMLR 2023*`.
    # The new entry went between the last entry and its authors' line, and took them as its own.
    cat = catalog.parse(read_history(NESTED_AUTHORS))
    line = editing.insertion_point(cat, "Survey")
    assert cat.lines[line - 1].startswith("  - Utku Ozbulak, Hyun Jung Lee")


def test_a_new_entry_goes_after_the_notes_indented_under_the_entry_above() -> None:
    # jianghaojun/Awesome-3D-Vision-and-Language: `3. … **3DVG-Transformer: …**.⏎⏎    **Personal
    # Notes**: ⏎    - …`. Written between the entry and its notes, the new one took them.
    cat = catalog.parse(read_history(CREDITS_AND_NOTES))
    line = editing.insertion_point(cat, "ICCV 2021")
    assert cat.lines[line - 1].lstrip().startswith("- The novelty of this paper")


def test_unknown_section_is_a_clear_error() -> None:
    with pytest.raises(CatalogError, match="no section 'Nope'"):
        editing.insertion_point(catalog.parse(read(SEED)), "Nope")


# --- GitHub's renderer agrees -------------------------------------------------------------------


def _html(text: str) -> list[str]:
    html: str = cmarkgfm.github_flavored_markdown_to_html(text)
    return html.splitlines()


def _render_diff(old: str, new: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(_html(old), _html(new)))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


def test_an_item_on_top_takes_the_indentation_of_the_item_below_it() -> None:
    # ChaofanTao/Autoregressive-Models-in-Vision-Survey indents a section's first item four
    # spaces, the rest five (GitHub shows them as code, an indented block under the heading's
    # item). A new item on top written with the exemplars' five spaces opened a list whose
    # first item took the four-space one as a lazy continuation: that paper's line was gone.
    def item(n: int, spaces: int) -> str:
        return (f"{' ' * spaces}- **[Arxiv, 2025.{10 - n:02d}]** Autoregressive Video Generation "
                f"Number {n} [Paper](https://arxiv.org/abs/25{10 - n:02d}.0000{n})\n")

    # The four-space item links code and a page too: a paper without them is written like the
    # five-space ones.
    first = item(1, 4).rstrip("\n") + (" [Code](https://github.com/baaivision/URSA) "
                                       "[Page](https://bitterdhg.github.io/URSA_page/)\n")
    text = "#### Video\n   - ##### Text-to-Video Generation\n" + first + "".join(
        item(n, 5) for n in range(2, 7))
    cat = catalog.parse(text)
    new_paper = paper(9, title="Autoregressive Video Generation Beyond Next Frames",
                      arxiv_id="2511.00009", published=datetime(2025, 11, 3, tzinfo=UTC))
    inserted = editing.plan_insertions(cat, [Decision(
        new_paper, Status.PROPOSED, 0.9, section="Text-to-Video Generation")], Config())
    assert inserted[0].after_line == 2 and inserted[0].text.startswith("    - ")
    shown = [line.removeprefix("<pre><code>") for line in _html(text) if "Number" in line]
    after = [line.removeprefix("<pre><code>") for line in _html(editing.insert(text, inserted))]
    assert len(shown) == 6 and all(line in after for line in shown)


@pytest.mark.parametrize(
    ("name", "heading", "unit"),
    [
        (SEED, "Prompt Learning/Tuning", "<li>"),
        (SEED, "Prompt Learning/Tuning(arxiv4月-)", "<li>"),
        (BWLONG_HEAD, "Prompt Learning(arxiv): *Updating by Jiajia Zhang*", "<li>"),
        (BWLONG_HEAD, "CLIP Variants: *Updating by Siyu He*", "<li>"),
        (JINDONGGU, "Prompting Model in Image-Text Matching (*e.g.* on CLIP)", "<tr>"),
        (JINDONGGU, "Applications & Responsible AI", "<tr>"),
        (MULTIMODAL, "Prompt Learning/Tuning", "<li>"),
        (MULTIMODAL, "Visual Captioning", "<li>"),
        (AMUSI, "CLIP", "<p><strong>"),
    ],
)
def test_rendered_html_differs_only_by_the_new_items(name: str, heading: str, unit: str) -> None:
    text = read(name)
    cat = catalog.parse(text)
    decisions = [
        Decision(paper(1, comment="Accepted to ICCV 2023"), Status.PROPOSED, 0.9, section=heading),
        Decision(paper(2, abstract="Code: https://github.com/o/r."), Status.PROPOSED, 0.8,
                 section=heading),
    ]
    plan = editing.plan_insertions(cat, decisions, Config())
    new = editing.insert(text, plan)
    removed, added = _render_diff(text, new)
    assert removed == []
    assert sum(line.count(unit) for line in added) == 2
    added_text = "\n".join(added)
    assert "Prompting Everything Number 1" in added_text
    assert "Prompting Everything Number 2" in added_text
    # Nothing but the two new items: their lines hold all that was added.
    assert all(
        "Prompting Everything Number" in a or "2401.0000" in a or "github.com/o/r" in a
        or a in ("<ul>", "</ul>", "</li>", "<li>", "</tr>", "<tr>", "<td></td>")
        or a.startswith("<td")
        for a in added
    ), added


@pytest.mark.parametrize("authors", [("Ada Lovelace",), ("Ada Lovelace", "Bob Zed")])
def test_a_bibliography_credit_list_gets_an_entry_that_keeps_every_item_as_it_was(
        authors: tuple[str, ...]) -> None:
    # `1. Yang, Zhengyuan, et al. **Title**. ICCV 2021.` with notes under some entries: a paper of
    # one author is credited `Lovelace, Ada.` (a lone `Lovelace, Ada **Title**` read back whole
    # as its title), and the notes above stay their entry's.
    text = read_history(CREDITS_AND_NOTES)
    new_paper = paper(1, title="Grounding Every Object", authors=authors)
    plan = editing.plan_insertions(catalog.parse(text), [Decision(
        new_paper, Status.PROPOSED, 0.9, section="ICCV 2021")], Config())
    new = editing.insert(text, plan)
    removed, added = _render_diff(text, new)
    assert removed == [] and sum(a.count("<li>") for a in added) == 1
    entry = next(e for e in catalog.parse(new).entries if "2401.00001" in e.arxiv_ids)
    assert (entry.title, entry.authors) == ("Grounding Every Object", authors[:1])
    assert entry.raw.startswith("4. Lovelace, Ada" + (", et al. " if len(authors) > 1 else ". "))


# --- planning -----------------------------------------------------------------------------------


def _accepted(n: int, comment: str) -> Decision:
    """A paper of one author accepted where `comment` says, filed under `ICCV 2021` as judged."""
    accepted = paper(n, title=f"Grounding Every Object Number {n}", comment=comment,
                     authors=("Ada Lovelace",))
    return Decision(accepted, Status.PROPOSED, 0.9, section="ICCV 2021",
                    fields=read_fields(accepted))


def test_new_items_follow_the_numbered_items_the_parser_could_not_read_and_count_on() -> None:
    # `#### CVPR 2022` ends with `3. Cai, Daigang, et al. **3DJCG: …**. CVPR 2022.`, an item
    # with no link, so no entry: the new items still go after it, as 4 and 5.
    text = read_history(CREDITS_AND_NOTES)
    decisions = [replace(_accepted(n, "CVPR 2022"), section="CVPR 2022") for n in (1, 2)]
    new = editing.insert(text, editing.plan_insertions(catalog.parse(text), decisions, Config()))
    removed, added = _render_diff(text, new)
    assert removed == [] and sum(a.count("<li>") for a in added) == 2
    lines = new.splitlines()
    cai = next(n for n, line in enumerate(lines) if line.startswith("3. Cai, Daigang"))
    assert lines[cai + 2].startswith("4. Lovelace, Ada. **Grounding Every Object Number 1**")
    assert lines[cai + 4].startswith("5. Lovelace, Ada. **Grounding Every Object Number 2**")
    assert lines[cai + 6] == "### 3D VG Datasets"
    # An entry moving in from another section starts as the next item there too.
    cat = catalog.parse(text)
    cvpr = next(s for s in cat.sections if s.heading == "CVPR 2022")
    assert editing.item_prefix(cat, cvpr) == "4. "
    assert editing.item_prefix(cat, next(s for s in cat.sections if s.heading == "ICCV 2021")) \
        == "4. "


_BY_VENUE = ("# Grounding papers\n\n## CVPR 2023\n\n- **Alpha grounding of objects in scenes**."
             " CVPR 2023. [[Paper]](https://arxiv.org/abs/2301.00001)\n\n## ICCV 2023\n\n"
             "- **Beta grounding of objects in rooms**. ICCV 2023. [[Paper]](https://arxiv.org/"
             "abs/2303.00002)\n\n## Preprints\n\n- **Gamma grounding of objects in images**. "
             "arXiv 2023. [[Paper]](https://arxiv.org/abs/2305.00003)\n")


@pytest.mark.parametrize(("text", "heading"), [
    (_BY_VENUE, None),  # the preprints' own undated heading
    (_BY_VENUE.replace("## Preprints", "## arXiv 2023"), "## arXiv 2024"),  # dated: a new year
])
def test_a_preprint_in_a_list_dated_by_venue_goes_where_the_list_keeps_its_preprints(
        text: str, heading: str | None) -> None:
    preprint = _accepted(5, "")
    decision = replace(preprint, section="CVPR 2023")  # the learned rule's pick
    new = editing.insert(text, editing.plan_insertions(catalog.parse(text), [decision],
                                                       Config()))
    cat = catalog.parse(new)
    shelf = next(s for s in cat.sections if s.entries and "2401.00005" in s.entries[-1].arxiv_ids)
    if heading is None:
        assert shelf.heading == "Preprints" and len(shelf.entries) == 2
    else:
        assert f"\n{heading}\n" in new and len(shelf.entries) == 1


def test_numbered_items_count_on_and_a_venue_year_the_list_lacks_opens_numbered_from_one() -> None:
    # jianghaojun/Awesome-3D-Vision-and-Language numbers each `#### VENUE YEAR` list from 1:
    # two papers of ICCV 2021 follow its 3 items as 4 and 5, two of ICCV 2023 open that heading
    # after `CVPR 2022` (the newest, the list being oldest first) as 1 and 2.
    text = read_history(CREDITS_AND_NOTES)
    decisions = [_accepted(1, "ICCV 2021"), _accepted(2, "ICCV 2021"),
                 _accepted(3, "Accepted to ICCV 2023"), _accepted(4, "Accepted to ICCV 2023")]
    new = editing.insert(text, editing.plan_insertions(catalog.parse(text), decisions, Config()))
    removed, added = _render_diff(text, new)
    assert removed == [] and "<h4>ICCV 2023</h4>" in added
    cat = catalog.parse(new)
    numbers = {e.arxiv_ids[0]: e.raw.split(".")[0] for e in cat.entries if e.arxiv_ids}
    assert [numbers[f"2401.0000{n}"] for n in (1, 2, 3, 4)] == ["4", "5", "1", "2"]
    opened = next(s for s in cat.sections if s.heading == "ICCV 2023")
    assert opened.path[-2] == "3D VG Paper Roadmap (Chronological Order)"
    assert [e.arxiv_ids for e in opened.entries] == [("2401.00003",), ("2401.00004",)]
    headings = [s.heading for s in cat.sections]
    assert headings.index("ICCV 2023") == headings.index("CVPR 2022") + 1
    # A rerun on the list without it (the PR's branch rebuilt) finds where it opens again.
    assert editing.insertion_point(catalog.parse(text), "3D VG Paper Roadmap (Chronological "
                                   "Order) > ICCV 2023") == 64


def test_plan_insertions_orders_by_submission_and_skips_other_decisions() -> None:
    cat = catalog.parse(read(SEED))
    heading = "Prompt Learning/Tuning"
    late = Decision(paper(9, published=datetime(2024, 3, 1, tzinfo=UTC)), Status.PROPOSED, 0.9,
                    section=heading)
    early = Decision(paper(8, published=datetime(2024, 2, 1, tzinfo=UTC)), Status.PROPOSED, 0.7,
                     section=heading, needs_triage=True)
    listed = Decision(paper(7), Status.LISTED, 1.0, section=heading)
    out = editing.plan_insertions(cat, [late, listed, early], Config())
    assert [i.arxiv_id for i in out] == ["2401.00008", "2401.00009"]
    assert out[0].needs_triage and out[0].missing == ("name", "affiliation")
    assert {i.after_line for i in out} == {editing.insertion_point(cat, heading)}


def test_a_configured_template_overrides_the_inferred_style() -> None:
    cat = catalog.parse(read(SEED))
    cfg = Config(format=FormatConfig(template="* {name} — {title} ({venue} {year}) [{paper}]"))
    decision = Decision(paper(3), Status.PROPOSED, 0.9, section="Prompt Learning/Tuning")
    (out,) = editing.plan_insertions(cat, [decision], cfg)
    assert out.text == (
        "* ? — Prompting Everything Number 3 (arXiv 2024) [https://arxiv.org/abs/2401.00003]"
    )


# --- fuzzing: the old entries plus exactly the new one ------------------------------------------

_parsed = parse  # no cache: a test must not see another's parse


def _fields(e: object) -> tuple[object, ...]:
    return tuple(getattr(e, k) for k in ("raw", "kind", "title", "name", "venue", "year",
                                        "affiliation", "links", "arxiv_ids", "code_urls"))


_word = st.from_regex(r"[A-Za-z]{3,10}", fullmatch=True)
_anything = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    max_size=100,
)
# Any text at all, between two plain words so that every title has letters to show.
titles = st.tuples(_word, _anything, _word).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(ALL_LISTS),
    pick=st.integers(min_value=0, max_value=10_000),
    title=titles,
    comment=st.sampled_from([None, "Accepted to CVPR 2024", "ICCV 2023 (oral)", "in TPAMI"]),
    abstract=st.sampled_from(["", "We propose Foo Bar (FooB). Code: https://github.com/o/r."]),
    affiliations=st.sampled_from([(), ("MIT",), ("Uni [x] | *y* @team",)]),
)
def test_inserting_any_entry_adds_exactly_that_entry(
    name: str, pick: int, title: str, comment: str | None, abstract: str,
    affiliations: tuple[str, ...],
) -> None:
    cat = _parsed(name)
    sections = [s for s in cat.sections if s.entries]
    section = sections[pick % len(sections)]
    p = paper(5, title=title, comment=comment, abstract=abstract, affiliations=affiliations)
    entry = format_entry(p, editing.section_style(cat, section))
    after = editing.insertion_point(cat, section.heading)
    new = catalog.parse(editing.insert(cat.render(), [ins(after, entry.text, p.arxiv_id)]))
    old_fields = [_fields(e) for e in cat.entries]
    new_fields = [_fields(e) for e in new.entries]
    added = [f for f in new_fields if f not in old_fields]
    assert len(new_fields) == len(old_fields) + 1
    assert all(f in new_fields for f in old_fields)
    assert len(added) == 1 and added[0][8] == (p.arxiv_id,)


@pytest.mark.parametrize("name", [SEED, BWLONG_HEAD, JINDONGGU])
def test_a_crlf_list_without_final_newline_keeps_every_other_byte(name: str) -> None:
    text = read(name).replace("\n", "\r\n").rstrip("\r\n") + "  "
    cat = catalog.parse(text)
    heading = max(cat.sections, key=lambda s: len(s.entries)).heading
    decisions = [Decision(paper(n), Status.PROPOSED, 0.9, section=heading) for n in (1, 2)]
    insertions = editing.plan_insertions(cat, decisions, Config())
    new = editing.insert(text, insertions)
    added = [line for line in new.split("\r\n") if "2401.0000" in line]
    assert len(added) == 2 and "\n" not in "".join(added)
    assert new.count("\n") == new.count("\r\n")
    assert "\r\n".join(line for line in new.split("\r\n") if line not in added) == text


def test_a_proposed_paper_without_section_goes_to_the_biggest_one_for_triage() -> None:
    cat = catalog.parse(read(SEED))
    (out,) = editing.plan_insertions(cat, [Decision(paper(4), Status.PROPOSED, 0.9)], Config())
    assert out.section == "Prompt Learning/Tuning" and out.needs_triage
    with pytest.raises(CatalogError, match="no heading"):
        editing.plan_insertions(catalog.parse("just text\n"),
                                [Decision(paper(4), Status.PROPOSED, 0.9)], Config())


# --- structure: year subsections, sub-groups, the list's own order ------------------------------


def _on(section: str, n: int, year: int, **kw: object) -> Decision:
    """A proposed decision for made-up paper `n`, published in `year` by its fields."""
    p = paper(n, **kw)
    fields = PaperFields(name=None, venue="CVPR", year=year, yymm="", code_url=None,
                         affiliation=None)
    return Decision(p, Status.PROPOSED, 0.9, section=section, fields=fields)


def test_a_paper_goes_under_its_year_in_the_chosen_topic() -> None:
    text = read_history(ZLKONG)
    cat = catalog.parse(text)
    (out,) = editing.plan_insertions(cat, [_on("🌁 Vision > 2024", 1, 2026)], Config())
    assert out.section == "🌁 Vision > 2026"
    new = catalog.parse(editing.insert(text, [out]))
    vision = next(s for s in new.sections if s.path[-2:] == ("🌁 Vision", "2026"))
    assert "2401.00001" in {i for e in vision.entries for i in e.arxiv_ids}
    language = next(s for s in new.sections if s.path[-2:] == ("📝 Language", "2026"))
    assert len(language.entries) == 19  # the other topic's 2026 is untouched


def test_a_new_year_is_opened_once_the_way_the_list_opened_the_last_one() -> None:
    text = read_history(ZLKONG)
    cat = catalog.parse(text)
    decisions = [_on("🌁 Vision > 2026", 1, 2027), _on("🌁 Vision > 2025", 2, 2027)]
    plan = editing.plan_insertions(cat, decisions, Config())
    assert [i.text.count("#### 2027") for i in plan] == [1, 0]
    assert {i.after_line for i in plan} == {40}
    new_text = editing.insert(text, plan)
    new = catalog.parse(new_text)
    opened = next(s for s in new.sections if s.path[-2:] == ("🌁 Vision", "2027"))
    assert opened.level == 4 and len(opened.entries) == 2
    assert new.lines[40] == "#### 2027\n" and new.lines[43] == "#### 2026\n"
    # Re-inserting the proposals by name (an update of the pull request) lands on the same line.
    assert editing.insertion_point(cat, plan[0].section) == 40


def test_a_paper_goes_to_its_sub_group_not_the_last_one() -> None:
    cat = parse(MULTIMODAL)
    decision = Decision(paper(1, title="Dense Video Captioning with Event Transformers"),
                        Status.PROPOSED, 0.9, section="Visual Captioning")
    (out,) = editing.plan_insertions(cat, [decision], Config())
    video = next(g for g in cat.groups if g.path[-2:] == ("Visual Captioning", "Video"))
    assert out.section == "Visual Captioning > Video"
    # Inside the Video group; the group is kept sorted by date, so by its January 2024 id.
    assert video.entries[0].end_line <= out.after_line <= video.entries[-1].end_line
    assert editing.insertion_point(cat, out.section) == video.entries[-1].end_line


def test_a_newest_first_list_gets_new_papers_on_top_spaced_like_its_entries() -> None:
    text = read_history(SUN)
    cat = catalog.parse(text)
    heading = "Vision (Image)👀"
    section = cat.section(heading)
    assert section is not None
    late = Decision(paper(1, arxiv_id="2608.00001"), Status.PROPOSED, 0.9, section=heading)
    later = Decision(paper(2, arxiv_id="2608.00002", published=datetime(2026, 8, 20, tzinfo=UTC)),
                     Status.PROPOSED, 0.9, section=heading)
    plan = editing.plan_insertions(cat, [late, later], Config())
    assert {i.after_line for i in plan} == {section.entries[0].line - 1}
    assert [i.arxiv_id for i in plan] == ["2608.00002", "2608.00001"]  # newest first
    new = catalog.parse(editing.insert(text, plan))
    top = next(s for s in new.sections if s.heading == heading).entries[:3]
    assert [e.arxiv_ids[0] for e in top] == ["2608.00002", "2608.00001",
                                             section.entries[0].arxiv_ids[0]]
    assert top[1].line - top[0].end_line == 2  # one blank line between entries, as the list has


_TOPICS = ["## Vision\n", "## Language\n", "> ### Quoted Topic\n", "- ### Bullet Topic:\n",
           "<h2>Html Topic</h2>\n"]
_YEAR_FORMS = ["#### {}\n", "**{}**\n\n", "##### {}:\n"]  # below every topic


@st.composite
def _lists(draw: st.DrawFn) -> str:
    """A list of topics, some split by year, entries with dated arXiv ids, blank lines here and
    there: the structures lists use, in any order (no heading path twice: names must differ)."""
    parts = ["# A List\n\n"]
    for topic in draw(st.lists(st.sampled_from(_TOPICS), min_size=1, max_size=3, unique=True)):
        parts.append(topic)
        form = draw(st.sampled_from(_YEAR_FORMS))
        for year in draw(st.lists(st.integers(2021, 2026), max_size=2, unique=True)):
            parts.append(form.format(year))
            for _ in range(draw(st.integers(1, 4))):
                month = draw(st.integers(1, 12))
                number = draw(st.integers(10000, 99999))
                gap = draw(st.sampled_from(["", "\n"]))
                parts.append(f"* [A Paper Title {number}](https://arxiv.org/abs/24{month:02d}"
                             f".{number}){gap}\n")
    return "".join(parts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lists(), st.integers(0, 50), st.integers(2020, 2028), st.integers(1, 12))
def test_any_insertion_keeps_every_byte_and_lands_in_its_section(
        text: str, pick: int, year: int, month: int) -> None:
    cat = catalog.parse(text)
    sections = [s for s in cat.sections if s.entries]
    if not sections:
        return
    section = sections[pick % len(sections)]
    name = catalog.section_name(cat, section)
    p = paper(1, arxiv_id=f"{year % 100:02d}{month:02d}.00001", title="Inserted Paper Title Here")
    fields = PaperFields(name=None, venue="CVPR", year=year, yymm="", code_url=None,
                         affiliation=None)
    (out,) = editing.plan_insertions(
        cat, [Decision(p, Status.PROPOSED, 0.9, section=name, fields=fields)], Config())
    new_text = editing.insert(text, [out])
    diff = list(difflib.ndiff(text.splitlines(), new_text.splitlines()))
    assert not [d for d in diff if d.startswith("- ")]  # only additions
    new = catalog.parse(new_text)
    (entry,) = [e for e in new.entries if p.arxiv_id in e.arxiv_ids]
    home = next(s for s in new.sections if entry in s.entries)
    assert catalog.find(new, out.section) is home or catalog.find(new, out.section) in [
        g for g in new.groups if entry in g.entries]
    if outline_year(section) is not None:
        years = {y for s in outline.year_siblings(cat, section) if (y := outline_year(s))}
        got = outline_year(home) or 0
        want = year if year in years or year > max(years) else min(years)
        assert got == want or (min(years) < year < max(years) and got < year)  # nearest older
    old = [(e.title, e.arxiv_ids) for e in cat.entries]
    assert [(e.title, e.arxiv_ids) for e in new.entries if e is not entry] == old


def outline_year(section: Section) -> int | None:
    return outline.heading_year(section)


def _history_sections() -> list[tuple[str, str]]:
    out = []
    for name in HISTORY_FILES:
        cat = catalog.parse(read_history(name))
        out += [(name, catalog.section_name(cat, s)) for s in cat.sections if s.entries]
    return out


@pytest.mark.parametrize(("name", "section"), _history_sections())
def test_every_section_of_the_history_lists_takes_a_paper_and_keeps_every_byte(
        name: str, section: str) -> None:
    text = read_history(name)
    cat = catalog.parse(text)
    decision = _on(section, 3, 2026, arxiv_id="2606.00003")
    (out,) = editing.plan_insertions(cat, [decision], Config())
    new_text = editing.insert(text, [out])
    diff = list(difflib.ndiff(text.splitlines(), new_text.splitlines()))
    assert not [d for d in diff if d.startswith("- ")]
    home = catalog.find(cat, out.section)
    assert home is not None or out.text.lstrip().startswith("#")  # or a year it opens
    if home is not None and home.entries and home.entries[0].kind != "html":
        # (rows of HTML tables are written by the entry templates, not yet as rows)
        new = catalog.parse(new_text)
        (entry,) = [e for e in new.entries if "2606.00003" in e.arxiv_ids]
        where = catalog.find(new, out.section)
        assert where is not None and where.line <= entry.line <= where.end_line


def test_a_list_of_paragraphs_gets_a_paragraph_of_its_own() -> None:
    name = "donghao51_Awesome-Multimodal-Adaptation_74f4354_slice.md"  # `(CVPR 2020) [T](…) by X`
    text = read_history(name)
    cat = catalog.parse(text)
    decision = _on("Semantic Segmentation", 7, 2026, authors=("Ann Lee", "Bo Li"))
    (out,) = editing.plan_insertions(cat, [decision], Config())
    assert out.text.strip() == ("(CVPR 2026) [Prompting Everything Number 7]"
                                "(https://arxiv.org/abs/2401.00007) by Lee et al.")
    new = catalog.parse(editing.insert(text, [out]))
    (entry,) = [e for e in new.entries if "2401.00007" in e.arxiv_ids]
    assert entry.kind == "paragraph" and entry.title == "Prompting Everything Number 7"
    assert not new.lines[entry.line - 2].strip()  # a blank line above: its own paragraph
    assert len(new.entries) == len(cat.entries) + 1


def test_a_paper_of_a_folded_topic_goes_at_the_end_of_its_fold() -> None:
    # awesome-NeRF/awesome-NeRF: `<details open>⏎<summary>Faster Inference</summary>` folds.
    text = ("## Papers\n- [NeRF: Scenes](https://arxiv.org/abs/2003.08934), M et al., ECCV 2020\n"
            "\n<details open>\n<summary>Faster Inference</summary>\n\n"
            "- [FastNeRF: Rendering](https://arxiv.org/abs/2103.10380), G et al., ICCV 2021\n"
            "</details>\n\n<details open>\n<summary>Compression</summary>\n\n"
            "- [Variable Bitrate Fields](https://arxiv.org/abs/2206.07707), T et al., 2022\n"
            "</details>\n")
    cat = catalog.parse(text)
    assert [s.heading for s in cat.sections if s.entries] == [
        "Papers", "Faster Inference", "Compression"]
    assert editing.insertion_point(cat, "Faster Inference") == 7  # before its `</details>`


def test_a_new_bullet_goes_after_the_papers_listed_without_a_link_below_the_last_entry() -> None:
    # hoya012/awesome-anomaly-detection ends a section with two papers it links nothing for
    # yet; the parser reads no entry there, and a new one went between them and the entries.
    text = ("## Time-series\n"
            "- MIDAS: Microcluster Detector  | **[AAAI' 20]** |  [`[pdf]`](https://x.org/m.pdf)\n"
            "- Timeseries Anomaly Detection | **[NeurIPS' 20]** \n"
            "- Anomaly Detection of Time Series | **[TNNLS' 20]**\n\n"
            "## Video\n- A Video Paper | **[CVPR' 19]** | [`[pdf]`](https://x.org/v.pdf)\n"
            "- Not written like it, a note\n")
    cat = catalog.parse(text)
    assert len(cat.sections[0].entries) == 1
    assert editing.insertion_point(cat, "Time-series") == 4
    assert editing.insertion_point(cat, "Video") == 7  # a note is no paper of the list's shape


@pytest.mark.parametrize(("numbers", "first"), [((1, 2, 3, 4), "1."), ((4, 3, 2, 1), "5.")])
def test_a_new_item_on_top_of_a_numbered_list_takes_the_number_its_place_shows(
        numbers: tuple[int, ...], first: str) -> None:
    # yfzhang114/Awesome-Multimodal-Large-Language-Models puts the newest paper on top as `1.`:
    # a new one written `42.` there would start the whole list at 42.
    items = "".join(f"{n}. [Grounding Paper Of Month {m}](https://arxiv.org/abs/23{m:02d}.00001)\n"
                    for n, m in zip(numbers, (4, 3, 2, 1), strict=True))
    text = "# Papers\n\n## Grounding\n\n" + items
    decision = replace(_accepted(1, ""), section="Grounding")
    new = editing.insert(text, editing.plan_insertions(catalog.parse(text), [decision], Config()))
    lines = new.splitlines()
    assert lines[4].startswith(f"{first} ") and "Grounding Every Object Number 1" in lines[4]
    assert lines[5].startswith(f"{numbers[0]}. [Grounding Paper Of Month 4]")


def _row(n: int) -> str:
    return f"| Metric {n} | [Paper Number {n} Things](https://arxiv.org/abs/230{n}.0000{n}) |\n"


def _bullet(n: int) -> str:
    return f"+ [Paper Number {n} About Things](https://arxiv.org/abs/230{n}.0000{n}) (2023)\n"


@pytest.mark.parametrize("newest_first", [False, True])
def test_a_section_of_a_table_and_a_list_takes_each_kind_among_its_own(newest_first: bool) -> None:
    # ziqihuangg/Awesome-Evaluation-of-Visual-Generation: a table of metrics, then a list of
    # newer papers. A new bullet on top went between the table's delimiter and its first row,
    # and everything below it stopped being a table.
    order = [9, 8, 7, 6] if newest_first else [1, 2, 3, 4]
    text = ("# L\n## Similarity\n\n| Metric | Paper |\n| --- | --- |\n" + _row(order[0])
            + _row(order[1]) + "\nAlso these:\n\n" + _bullet(order[2]) + _bullet(order[3]))
    cat = catalog.parse(text)
    rows = [e for e in cat.entries if e.kind == "table"]
    bullets = [e for e in cat.entries if e.kind != "table"]
    bullet = editing.insertion_point(cat, "Similarity", entry="+ [New Paper](u) (2026)")
    row = editing.insertion_point(cat, "Similarity", entry="| New | [New Paper](u) |")
    if newest_first:
        assert (bullet, row) == (bullets[0].line - 1, rows[0].line - 1)
    else:
        assert (bullet, row) == (bullets[-1].line, rows[-1].line)
