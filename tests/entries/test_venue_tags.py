"""A list's own tag for a preprint, put where a published paper's exemplar tags its venue."""

from __future__ import annotations

from pathlib import Path

from promptbot import catalog
from promptbot.entries.style import section_templates
from promptbot.entries.template_fill import Values
from promptbot.entries.template_model import Template
from promptbot.entries.templated import write
from promptbot.entries.templates import abstract
from promptbot.entries.venue_tags import as_preprint, preprint_tag, tag_parts

HISTORY = Path(__file__).parents[1] / "data" / "history"
# ZLKong's list (history-dev): `[**CVPR'26**]` for a published paper, `[arXiv]` for a preprint.
ZLKONG = "ZLKong_Awesome-Collection-Token-Reduction_5743707_slice.md"
PUBLISHED = ("* [**CVPR'26**] VideoSeek: Long-Horizon Video Agent with Tool-Guided Seeking "
             "[[Paper](https://arxiv.org/pdf/2603.20185)] [[Code](https://github.com/jylins/"
             "videoseek)]")
PREPRINTS = [f"* [arXiv] Token Paper Number {n} [[Paper](https://arxiv.org/pdf/2604.0000{n})]"
             for n in range(1, 5)]


def templates(rows: list[str]) -> list[Template]:
    found = [abstract(catalog.parse(r + "\n").entries[0]) for r in rows]
    return [t for t in found if t is not None]


def values(**changes: object) -> Values:
    base: dict[str, object] = {"title": "Token Merging at Scale", "arxiv_id": "2604.01234",
                               "venue": "arXiv", "venue_is_arxiv": True, "year": 2026,
                               "yymm": "2604", "code_url": "https://github.com/o/r"}
    base.update(changes)
    return Values(**base)  # type: ignore[arg-type]


def test_the_tag_most_preprints_share_is_the_lists_and_a_published_exemplar_takes_it() -> None:
    published, *preprints = templates([PUBLISHED, *PREPRINTS])
    tag, looks = preprint_tag([published, *preprints])
    assert tag == tag_parts(preprints[0]) and len(looks) == 4
    converted = as_preprint(published, tag)
    assert converted.venue_is_arxiv is True
    with_code = templates([PREPRINTS[0].replace(")]", ")] [[Code](https://github.com/o/r)]")])
    assert converted.key == with_code[0].key  # the look of a preprint with code


def test_no_tag_without_the_habit() -> None:
    published, *preprints = templates([PUBLISHED, *PREPRINTS[:2]])
    assert preprint_tag([published, *preprints]) == ((), ())  # two are no habit
    dated = templates(["* [**arXiv'25**] A Paper Of Words [[Paper](https://arxiv.org/pdf/2504."
                       "00001)]", *PREPRINTS[:2]])
    assert preprint_tag(dated) == ((), ())  # no form has most of them
    assert as_preprint(dated[0], tag_parts(dated[1]) or ()) is dated[0]  # a preprint already


def test_a_preprint_among_published_papers_is_tagged_the_lists_way_with_its_code() -> None:
    with (HISTORY / ZLKONG).open(encoding="utf-8", newline="") as handle:
        cat = catalog.parse(handle.read())
    section = next(s for s in cat.sections if s.path[-2:] == ("🌁 Vision", "2026"))
    found = section_templates(cat, section)
    assert found is not None and all(not t.venue_is_arxiv for t in found.templates)
    written = write(found, values(), found.structures)
    assert written is not None and written.fallback == ""
    assert written.text == ("* [arXiv] Token Merging at Scale [[Paper](https://arxiv.org/pdf/"
                            "2604.01234)] [[Code](https://github.com/o/r)]")
    published = write(found, values(venue="CVPR", venue_is_arxiv=False), found.structures)
    assert published is not None and published.text.startswith("* [**CVPR'26**] Token Merging")
