"""Placement and insertion: every other byte kept, and GitHub's renderer sees only the new items."""

from __future__ import annotations

import difflib
from datetime import UTC, datetime

import builders
import cmarkgfm
import pytest
from catalog_files import ALL_LISTS, AMUSI, BWLONG_HEAD, JINDONGGU, MULTIMODAL, SEED, parse, read
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from promptbot import catalog
from promptbot.config import Config, FormatConfig
from promptbot.entries import editing
from promptbot.entries.formatting import format_entry
from promptbot.errors import CatalogError
from promptbot.models import Decision, Insertion, Paper, Status


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


# --- planning -----------------------------------------------------------------------------------


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
