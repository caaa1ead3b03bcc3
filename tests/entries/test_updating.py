"""Listed entries rewritten for their paper's new state, and updates applied to a catalog's text."""

from __future__ import annotations

from pathlib import Path

import cmarkgfm
import pytest
from builders import venue_dated_list
from catalog_files import SEED, parse, read

from promptbot import catalog
from promptbot.entries import section_style
from promptbot.entries.editing import bullet_prefix
from promptbot.entries.style_model import EntryStyle, LinkStyle
from promptbot.entries.updating import apply_updates, rewrite_entry
from promptbot.entries.venue_marks import entry_text
from promptbot.models import Entry, PaperFields, Update

SEED_TEXT = read(SEED)
PUBLISHED = "Prompt Learning/Tuning"
PREPRINT = "Prompt Learning/Tuning(arxiv4月-)"
QINYING = "Qinying-Liu_Awesome-Open-Vocabulary-Semantic-Segmentation_d29057a.md"


def fields(venue: str = "ICCV", year: int = 2023, code: str | None = None) -> PaperFields:
    return PaperFields(name="X", venue=venue, year=year, yymm="2304", code_url=code,
                       affiliation="Somewhere Else")


def seed_entry(arxiv_id: str) -> Entry:
    return next(e for e in parse(SEED).entries if arxiv_id in e.arxiv_ids)


def published_style() -> EntryStyle:
    cat = parse(SEED)
    return section_style(cat, next(s for s in cat.sections if s.heading == PUBLISHED))


def test_idpt_gets_the_venue_in_the_published_sections_shape_and_keeps_the_rest() -> None:
    entry = seed_entry("2304.07221")
    rewrite = rewrite_entry(entry, fields(), published_style(), venue=True, code=False)
    assert rewrite is not None
    assert rewrite.text == entry_text(entry).replace(",arXiv,2023(", ",ICCV, 2023(")
    assert rewrite.changes == ("venue: arXiv 2023 → ICCV 2023",)
    # What the bot would not know stays: name, affiliation, the code link.
    assert "**IDPT**" in rewrite.text and "(*Tsinghua University*)" in rewrite.text
    assert "[[Code](https://github.com/zyh16143998882/IDPT)]" in rewrite.text


def test_a_moved_entry_parts_its_venue_and_year_as_the_entries_of_its_new_section_do() -> None:
    # `1. **Title**. CVPR 2023.`: the section's style, read from items it cannot take apart,
    # is the fallback (`CVPR, 2023`); the items themselves say how they write it.
    cat = catalog.parse(venue_dated_list(
        [("arXiv 2023", "2301.00001", "Grounding every object in scenes"),
         ("CVPR 2023", "2301.00002", "Grounding every phrase in images")],
        parent="Grounding", numbered=True))
    preprints, cvpr = cat.sections[2], cat.sections[3]
    style = section_style(cat, cvpr)
    rewrite = rewrite_entry(preprints.entries[0], fields("CVPR", 2023), style, venue=True,
                            code=False, neighbours=cvpr.entries)
    assert rewrite is not None and ". CVPR 2023. [[Paper]]" in rewrite.text
    alone = rewrite_entry(preprints.entries[0], fields("CVPR", 2023), style, venue=True,
                          code=False)
    assert alone is not None and ". CVPR, 2023. [[Paper]]" in alone.text


def test_a_venue_link_label_is_rewritten_where_the_list_writes_venues_there() -> None:
    entry = catalog.parse(
        "# P\n- **CLIP-Adapter**: Better Models (*Lab*) [[arXiv 2110](https://arxiv.org/abs/2110."
        "04544)][[PyTorch](https://github.com/a/b)]\n").entries[0]
    rewrite = rewrite_entry(entry, fields("IJCV", 2024), EntryStyle(), venue=True, code=False)
    assert rewrite is not None
    assert "[[IJCV 2024](https://arxiv.org/abs/2110.04544)]" in rewrite.text
    assert rewrite.text.replace("IJCV 2024", "arXiv 2110") == entry_text(entry)


def test_a_code_link_is_added_after_the_paper_link_only_when_the_entry_has_none() -> None:
    entry = seed_entry("2304.08991")  # D2CSE: no code link
    style = EntryStyle(links=LinkStyle(code_label="Code"))
    rewrite = rewrite_entry(entry, fields(code="https://github.com/o/d2cse"), style,
                            venue=False, code=True)
    assert rewrite is not None and rewrite.changes == ("code link added",)
    assert rewrite.text == entry_text(entry) + "[[Code](https://github.com/o/d2cse)]"


def test_hostile_venue_text_is_escaped_and_unsafe_code_urls_are_not_added() -> None:
    entry = seed_entry("2304.08991")
    hostile = fields(venue="<img src=x onerror=alert(1)> @admin [x](javascript:1)",
                     code="javascript:alert(1)")
    rewrite = rewrite_entry(entry, hostile, EntryStyle(), venue=True, code=True)
    assert rewrite is not None and rewrite.changes[0].startswith("venue:")
    html = cmarkgfm.github_flavored_markdown_to_html(rewrite.text)
    assert "<img" not in html and "href=\"javascript" not in html
    assert "code link added" not in rewrite.changes


def test_nothing_to_rewrite_gives_none() -> None:
    entry = catalog.parse("# P\n- A Title [[Paper](https://arxiv.org/abs/2101.00001)]\n").entries[0]
    assert rewrite_entry(entry, fields(), EntryStyle(), venue=True, code=False) is None


def test_a_move_deletes_the_lines_and_inserts_them_at_the_end_of_the_published_section() -> None:
    entry = seed_entry("2304.07221")
    after = entry_text(entry).replace(",arXiv,2023(", ",ICCV, 2023(")
    update = Update("2304.07221", 2, entry_text(entry), after, PUBLISHED, PREPRINT)
    new = apply_updates(SEED_TEXT, [update])
    old_lines, new_lines = SEED_TEXT.splitlines(), new.splitlines()
    assert len(new_lines) == len(old_lines)
    assert entry_text(entry) not in new_lines and new_lines.count(after) == 1
    published = next(s for s in catalog.parse(new).sections if s.heading == PUBLISHED)
    assert entry_text(published.entries[-1]) == after
    # Every other line is where it was, in order.
    assert [line for line in old_lines if line != entry_text(entry)] == \
        [line for line in new_lines if line != after]


NOTED = (
    "# L\n\n## Published\n\n1. Li, Bo, et al. **A Published Paper on Things**. CVPR 2025. "
    "[[Paper]](https://arxiv.org/abs/2501.00001)\n\n## Preprints\n\n1. Wu, Di, et al. **A "
    "Preprint Paper on Things**. arXiv 2025. [[Paper]](https://arxiv.org/abs/2502.00002)\n\n"
    "    **Personal Notes**: \n    - Solid.\n\n2. Xu, Yi, et al. **Another Preprint on Things"
    "**. arXiv 2025. [[Paper]](https://arxiv.org/abs/2502.00003)\n")


def test_a_move_takes_the_notes_indented_under_the_entry_with_it() -> None:
    # jianghaojun/Awesome-3D-Vision-and-Language writes notes under some entries. Left behind,
    # they would become the notes of the entry above them.
    before = NOTED.splitlines()[8]
    after = before.replace("arXiv 2025", "CVPR 2026")
    new = apply_updates(NOTED, [Update("2502.00002", 2, before, after, "Published", "Preprints")])
    published, preprints = (s for s in catalog.parse(new).sections if s.entries)
    moved = published.entries[-1]
    assert moved.raw.rstrip("\n").endswith("CVPR 2026. [[Paper]](https://arxiv.org/abs/2502.00002)")
    notes = "".join(catalog.parse(new).lines[moved.end_line:moved.after_line])
    assert notes == "\n    **Personal Notes**: \n    - Solid.\n"
    assert "Solid" not in "".join(catalog.parse(new).lines[preprints.line - 1:])
    assert new.count("Personal Notes") == 1


def test_an_update_in_place_replaces_only_its_lines_and_keeps_crlf() -> None:
    text = SEED_TEXT.replace("\n", "\r\n")
    entry = seed_entry("2304.08991")
    update = Update("2304.08991", 2, entry_text(entry), entry_text(entry) + "[[Code](u)]",
                    PREPRINT, PREPRINT)
    new = apply_updates(text, [update])
    assert new == text.replace(entry_text(entry) + "\r\n", update.after + "\r\n")


def test_an_entry_a_maintainer_changed_meanwhile_is_left_alone() -> None:
    update = Update("2304.07221", 2, "* **IDPT**: something else", "* new", PUBLISHED, PREPRINT)
    assert apply_updates(SEED_TEXT, [update]) == SEED_TEXT


def test_bullet_prefix_is_the_sections_last_bullet() -> None:
    cat = catalog.parse("# A\n- one [[Paper](https://arxiv.org/abs/2101.00001)]\n"
                        "* two [[Paper](https://arxiv.org/abs/2101.00002)]\n")
    assert bullet_prefix(cat.sections[0]) == "* "


# --- lists whose venue is a marker in the text: "[arXiv]", "[**Arxiv 2023.10**]" ----------------

BY_YEAR = """# Token Reduction
## Vision
#### 2026
* [**CVPR'26**] Alpha Tokens [[Paper](https://arxiv.org/pdf/2601.00001)]
* [**CVPR'26**] Beta Tokens [[Paper](https://arxiv.org/pdf/2601.00002)]
* [**ICLR'26**] Gamma Tokens [[Paper](https://arxiv.org/pdf/2601.00003)]
#### 2025
* [**NeurIPS'25**] Delta Tokens [[Paper](https://arxiv.org/pdf/2501.00004)]
* [arXiv] Epsilon Tokens [[Paper](https://arxiv.org/pdf/2501.00005)] [[Code](https://github.com/e/e)]
## Language
#### 2026
* [**ACL'26**] Zeta Tokens [[Paper](https://arxiv.org/pdf/2601.00006)]
"""


def test_a_preprint_marker_becomes_the_venue_as_the_list_writes_venues() -> None:
    from promptbot.entries.venue_marks import (
        VenueShape,
        preprint_marker,
        preprint_tag,
        venue_shape,
    )

    cat = catalog.parse(BY_YEAR)
    shape = venue_shape(cat.entries)
    assert shape == VenueShape("'", True, "**")
    epsilon = next(e for e in cat.entries if "2501.00005" in e.arxiv_ids)
    assert preprint_marker(epsilon) is not None or preprint_tag(epsilon) is not None
    rewrite = rewrite_entry(epsilon, fields("CVPR", 2026), EntryStyle(), venue=True, code=False,
                            shape=shape)
    assert rewrite is not None
    assert rewrite.text == entry_text(epsilon).replace("[arXiv]", "[**CVPR'26**]")


def test_a_bold_marker_with_a_date_keeps_its_own_emphasis() -> None:
    from promptbot.entries.venue_marks import VenueShape

    entry = catalog.parse("# P\n* [**Title Here**](https://arxiv.org/pdf/2307.05707)"
                          " [**Arxiv 2023.07**]\n").entries[0]
    rewrite = rewrite_entry(entry, fields("ECCV", 2024), EntryStyle(), venue=True, code=False,
                            shape=VenueShape(" ", False, "**"))
    assert rewrite is not None and rewrite.text.endswith(" [**ECCV 2024**]")


def test_a_move_goes_after_its_venue_group_where_the_section_groups_by_venue() -> None:
    cat = catalog.parse(BY_YEAR)
    epsilon = next(e for e in cat.entries if "2501.00005" in e.arxiv_ids)
    after = entry_text(epsilon).replace("[arXiv]", "[**CVPR'26**]")
    update = Update("2501.00005", 2, entry_text(epsilon), after, "2026", "2025",
                    venue="CVPR", year=2026)
    lines = apply_updates(BY_YEAR, [update]).splitlines()
    assert lines[3:7] == [*BY_YEAR.splitlines()[3:5], after, BY_YEAR.splitlines()[5]]


def test_several_updates_at_once_each_land_where_it_would_alone() -> None:
    idpt, saqi, d2cse = (seed_entry(i) for i in ("2304.07221", "2304.14672", "2304.08991"))
    updates = [
        Update("2304.07221", 2, entry_text(idpt), entry_text(idpt).replace("arXiv,", "ICCV, "),
               PUBLISHED, PREPRINT),
        Update("2304.14672", 3, entry_text(saqi), entry_text(saqi).replace("arXiv,", "TIP, "),
               PUBLISHED, PREPRINT),
        Update("2304.08991", 2, entry_text(d2cse), entry_text(d2cse) + "[[Code](u)]",
               PREPRINT, PREPRINT),
    ]
    together = apply_updates(SEED_TEXT, updates)
    one_by_one = SEED_TEXT
    for update in updates:
        one_by_one = apply_updates(one_by_one, [update])
    assert together == one_by_one
    assert sorted(together.splitlines()) == sorted(
        [line for line in SEED_TEXT.splitlines()
         if line not in {entry_text(e) for e in (idpt, saqi, d2cse)}]
        + [u.after for u in updates])


def test_a_month_where_published_entries_write_their_venue_is_a_preprint_marker() -> None:
    from promptbot.entries.venue_marks import preprint_marker, venue_shape

    text = ("# Video\n+ [A Benchmark](https://arxiv.org/abs/2407.14505) (Jun., 2024)  \n"
            "  [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/"
            "2407.14505)\n+ [Bench Two](https://arxiv.org/abs/2406.18522) (NeurIPS, 2024)  \n"
            "+ [Mario 2024: a game](https://arxiv.org/abs/2406.18523) (CVPR, 2024)  \n")
    cat = catalog.parse(text)
    first, _, mario = cat.entries
    assert preprint_marker(first) is not None and preprint_marker(mario) is None
    rewrite = rewrite_entry(first, fields("ICLR", 2025), EntryStyle(), venue=True, code=False,
                            shape=venue_shape(cat.entries))
    assert rewrite is not None
    assert rewrite.text == entry_text(first).replace("(Jun., 2024)", "(ICLR, 2025)")


def test_a_block_entry_gets_a_code_line_after_its_paper_line() -> None:
    from catalog_files import AMUSI

    cat = parse(AMUSI)
    section = next(s for s in cat.sections for e in s.entries if "2312.02134" in e.arxiv_ids)
    entry = next(e for e in section.entries if "2312.02134" in e.arxiv_ids)
    bare = catalog.parse("# P\n\n**A Title Here**\n\n- Paper: https://arxiv.org/abs/2312.02134\n"
                         ).entries[0]
    rewrite = rewrite_entry(bare, fields(code="https://github.com/o/r"),
                            section_style(cat, section), venue=False, code=True)
    assert rewrite is not None
    assert rewrite.text.endswith("- Paper: https://arxiv.org/abs/2312.02134\n"
                                 "- Code: https://github.com/o/r")
    assert "- Code: https://github.com/huliangxiao/GaussianAvatar" in entry_text(entry)


# --- hostile venue text, rendered by cmark-gfm ------------------------------------------------

def _hostile() -> list[dict[str, object]]:
    import json
    from pathlib import Path

    path = Path(__file__).parents[1] / "data" / "hostile_metadata.json"
    return list(json.loads(path.read_text("utf-8")))


@pytest.mark.parametrize("case", _hostile(), ids=lambda c: str(c["id"]))
def test_hostile_venue_text_never_breaks_the_entry_nor_pings(case: dict[str, object]) -> None:
    import re

    cat = parse(SEED)
    idpt = seed_entry("2304.07221")
    label = next(e for e in cat.entries if e.links and e.links[0].label == "arXiv 2110")
    for entry in (idpt, label):
        venue = f"{case['title']} {case.get('comment') or ''}"
        rewrite = rewrite_entry(entry, fields(venue=venue, code=str(case.get("abstract") or "")),
                                published_style(), venue=True, code=True)
        assert rewrite is not None and "\n" not in rewrite.text
        old = cmarkgfm.github_flavored_markdown_to_html(entry_text(entry))
        new = cmarkgfm.github_flavored_markdown_to_html(rewrite.text)
        assert new.count("<li>") == old.count("<li>") == 1
        assert sorted(re.findall(r'href="([^"]*)"', new)) == sorted(
            re.findall(r'href="([^"]*)"', old))  # no link added, none lost
        visible = re.sub(r"<[^>]+>", "", new)
        assert "<script" not in new and "<img" not in new
        assert not re.search(r"(?<![A-Za-z0-9`])@[A-Za-z0-9]", visible)
        assert not re.search(r"(?<![A-Za-z0-9&])#\d+", visible)


def test_a_venue_with_its_year_written_short_becomes_the_published_venue_so() -> None:
    # Qinying-Liu (history-dev) writes `**ArXiv'24.11**` for a preprint and `**CVPR'25**` for a
    # published paper; its maintainers updated CASS so. Before, the short form was not found.
    path = Path(__file__).parents[1] / "data" / "history" / QINYING
    cat = catalog.parse(path.read_text(encoding="utf-8"))
    entry = next(e for e in cat.entries if "2411.17150" in e.arxiv_ids)
    section = next(s for s in cat.sections if entry in s.entries)
    rewrite = rewrite_entry(entry, fields("CVPR", 2025), section_style(cat, section),
                            venue=True, code=False)
    assert rewrite is not None
    assert rewrite.text == entry_text(entry).replace("**ArXiv'24.11**", "**CVPR'25**")
    bracketed = catalog.parse('* [**ArXiv\'24.11**] A Paper About Segmentation [[pdf]]'
                      '(https://arxiv.org/pdf/2411.00001)\n').entries[0]
    assert rewrite_entry(bracketed, fields("CVPR", 2025), section_style(cat, section),
                         venue=True, code=False) is None  # a tag: the list's tag form decides


def test_a_paragraph_keeps_its_own_venue_form_and_gets_no_code_link_glued_on() -> None:
    text = (Path(__file__).parents[1] / "data" / "history"
            / "donghao51_Awesome-Multimodal-Adaptation_74f4354_slice.md").read_text("utf-8")
    cat = catalog.parse(text)
    entry = next(e for e in cat.entries if "2511.18711" in e.arxiv_ids)  # `(arXiv 2025) [T](…)`
    section = next(s for s in cat.sections if entry in s.entries)
    out = rewrite_entry(entry, fields("CVPR", 2026, code="https://github.com/o/r"),
                        section_style(cat, section), venue=True, code=True)
    assert out is not None and out.changes == ("venue: arXiv 2025 → CVPR 2026",)
    assert out.text == entry_text(entry).replace("(arXiv 2025)", "(CVPR 2026)")
