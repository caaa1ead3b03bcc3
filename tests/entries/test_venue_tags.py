"""A list's own tag for a preprint or a published paper, put where an exemplar of the other kind
tags its venue."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from promptbot import catalog
from promptbot.entries.style import section_templates
from promptbot.entries.template_fill import Values
from promptbot.entries.template_model import Template
from promptbot.entries.templated import write
from promptbot.entries.templates import abstract
from promptbot.entries.venue_tags import as_kind, kind_tag, tag_parts, venue_tags
from promptbot.models import Catalog

HISTORY = Path(__file__).parents[1] / "data" / "history"
# ZLKong's list (history-dev): `[**CVPR'26**]` for a published paper, `[arXiv]` for a preprint.
ZLKONG = "ZLKong_Awesome-Collection-Token-Reduction_5743707_slice.md"
PUBLISHED = ("* [**CVPR'26**] VideoSeek: Long-Horizon Video Agent with Tool-Guided Seeking "
             "[[Paper](https://arxiv.org/pdf/2603.20185)] [[Code](https://github.com/jylins/"
             "videoseek)]")
PREPRINTS = [f"* [arXiv] Token Paper Number {n} [[Paper](https://arxiv.org/pdf/2604.0000{n})]"
             for n in range(1, 5)]


def zlkong() -> str:
    with (HISTORY / ZLKONG).open(encoding="utf-8", newline="") as handle:
        return handle.read()


def templates(rows: list[str]) -> list[Template]:
    found = [abstract(catalog.parse(r + "\n").entries[0]) for r in rows]
    return [t for t in found if t is not None]


def values(**changes: object) -> Values:
    base: dict[str, object] = {"title": "Token Merging at Scale", "arxiv_id": "2604.01234",
                               "venue": "arXiv", "venue_is_arxiv": True, "year": 2026,
                               "yymm": "2604", "code_url": "https://github.com/o/r"}
    base.update(changes)
    return Values(**base)  # type: ignore[arg-type]


def numbered(row: str, venues: Sequence[str]) -> str:
    """One row per venue: `row` with its number from 1 for `{n}` and the venue for `{v}`."""
    return "".join(row.format(n=n, v=v) for n, v in enumerate(venues, start=1))


def written_in(cat: Catalog, index: int, **changes: object) -> str:
    """The text the paper of `values(**changes)` is written as in section `index` of `cat`."""
    found = section_templates(cat, cat.sections[index])
    assert found is not None
    written = write(found, values(**changes), found.structures)
    assert written is not None and written.fallback == ""
    return written.text


def test_the_tag_most_preprints_share_is_the_lists_and_a_published_exemplar_takes_it() -> None:
    published, *preprints = templates([PUBLISHED, *PREPRINTS])
    tag, looks = kind_tag([published, *preprints], preprint=True)
    assert tag == tag_parts(preprints[0]) and len(looks) == 4
    converted = as_kind(published, tag, preprint=True)
    assert converted.venue_is_arxiv is True
    with_code = templates([PREPRINTS[0].replace(")]", ")] [[Code](https://github.com/o/r)]")])
    assert converted.key == with_code[0].key  # the look of a preprint with code


def test_no_tag_without_the_habit() -> None:
    published, *preprints = templates([PUBLISHED, *PREPRINTS[:2]])
    assert kind_tag([published, *preprints], preprint=True) == ((), ())  # two are no habit
    dated = templates(["* [**arXiv'25**] A Paper Of Words [[Paper](https://arxiv.org/pdf/2504."
                       "00001)]", *PREPRINTS[:2]])
    assert kind_tag(dated, preprint=True) == ((), ())  # no form has most of them
    # A preprint already, for a preprint.
    assert as_kind(dated[0], tag_parts(dated[1]) or (), preprint=True) is dated[0]


def test_a_preprint_among_published_papers_is_tagged_the_lists_way_with_its_code() -> None:
    cat = catalog.parse(zlkong())
    section = next(s for s in cat.sections if s.path[-2:] == ("🌁 Vision", "2026"))
    found = section_templates(cat, section)
    assert found is not None and all(not t.venue_is_arxiv for t in found.templates)
    written = write(found, values(), found.structures)
    assert written is not None and written.fallback == ""
    assert written.text == ("* [arXiv] Token Merging at Scale [[Paper](https://arxiv.org/pdf/"
                            "2604.01234)] [[Code](https://github.com/o/r)]")
    published = write(found, values(venue="CVPR", venue_is_arxiv=False), found.structures)
    assert published is not None and published.text.startswith("* [**CVPR'26**] Token Merging")


def test_the_published_tag_most_published_papers_share_is_the_lists_too() -> None:
    published, *preprints = templates([PUBLISHED, *PREPRINTS])
    others = templates([PUBLISHED.replace("CVPR", venue) for venue in ("ICLR", "ACL")])
    tags = venue_tags([published, *others, *preprints])
    assert tags.published == tag_parts(published) and tags.preprint == tag_parts(preprints[0])
    assert len(tags.looks) == 7  # the entries writing either tag
    converted = tags.fitted(preprints[0], preprint=False)
    assert converted.venue_is_arxiv is False and converted.key == templates(
        [PUBLISHED.replace(" [[Code](https://github.com/jylins/videoseek)]", "")])[0].key
    assert tags.fitted(published, preprint=False) is published


def _only_preprints_in_language_2026(text: str) -> str:
    """The slice with `📝 Language > 2026` holding only its preprints (`[arXiv]`)."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("#### 2026") and i > 150)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("#### "))
    kept = [line for line in lines[start + 1:end] if line.startswith("* [arXiv]")]
    return "\n".join([*lines[:start + 1], *kept, *lines[end:]])


def test_a_published_paper_among_preprints_is_tagged_the_way_the_list_tags_published_papers(
) -> None:
    # Before: the section's only look was `[arXiv]`, and an ACL paper was written `[ACL]`.
    cat = catalog.parse(_only_preprints_in_language_2026(zlkong()))
    section = next(s for s in cat.sections if s.path[-2:] == ("📝 Language", "2026"))
    found = section_templates(cat, section)
    assert found is not None and all(t.venue_is_arxiv for t in found.templates)
    written = write(found, values(venue="ACL", venue_is_arxiv=False), found.structures)
    assert written is not None and written.fallback == ""
    assert written.text == ("* [**ACL'26**] Token Merging at Scale [[Paper](https://arxiv.org/pdf/"
                            "2604.01234)] [[Code](https://github.com/o/r)]")


def test_the_whole_lists_preprint_tag_outweighs_a_few_entries_of_one_section_written_otherwise(
) -> None:
    # `📝 Language > 2025` with six published papers and four preprints written `[**arXiv**]`,
    # where the list writes `[arXiv]` on nineteen: a preprint there is tagged the list's way.
    text = zlkong()
    start = text.index("#### 2025", text.index("## 📝 Language"))
    rows = "".join([*(f"* [**ACL'25**] Language Paper {n} [[Paper](https://arxiv.org/pdf/2511."
                      f"0000{n})]\n" for n in range(1, 7)),
                    *(f"* [**arXiv**] Language Preprint {n} [[Paper](https://arxiv.org/pdf/2512."
                      f"0000{n})]\n" for n in range(1, 5))])
    cat = catalog.parse(text[:start] + "#### 2025\n" + rows)
    section = next(s for s in cat.sections if s.path[-2:] == ("📝 Language", "2025"))
    found = section_templates(cat, section)
    assert found is not None
    written = write(found, values(code_url=None), found.structures)
    assert written is not None
    assert written.text == ("* [arXiv] Token Merging at Scale [[Paper](https://arxiv.org/pdf/"
                            "2604.01234)]")


def test_a_tables_venue_cell_is_tagged_the_lists_way_for_each_kind() -> None:
    # yueliu1999/Awesome-Jailbreak-on-LLMs: `| arXiv |` for a preprint, `| ACL'25 |` for a
    # published paper; a CVPR paper written like the newest rows (all preprints) read `| CVPR |`.
    head = "| Year | Title | Venue | Paper | Code |\n| --- | --- | :-: | :-: | :-: |\n"
    preprints = numbered("| 2026.0{n} | **Attack Number {n} on Models** | {v} | [link](https://"
                         "arxiv.org/abs/2602.0326{n}) |    - |\n", ("arXiv",) * 6)
    published = numbered("| 2025.0{n} | **Defence Number {n} for Models** |   {v}'25     | "
                         "[link](https://arxiv.org/abs/2404.1636{n}) |    [link](https://github."
                         "com/a/d{n}) |\n", ("ACL", "ICLR", "ICML"))
    cat = catalog.parse("# L\n## White-box Attack\n" + head + preprints + published)
    assert written_in(cat, 1, venue="CVPR", venue_is_arxiv=False, code_url=None) == (
        "| 2026.04 | **Token Merging at Scale** | CVPR'26 | [link](https://arxiv.org/abs/"
        "2604.01234) |    - |")


def test_a_badge_is_a_tag_and_its_colour_for_each_kind_is_the_lists() -> None:
    # zzli2022/Awesome-System2-Reasoning-LLM badges a preprint `badge/arXiv-2025.03-red` and a
    # published paper `badge/NeurIPS-2024-blue`; a CVPR paper written from the (red) preprints
    # that fill most sections was badged `CVPR-2026-red`, a colour the list gives no venue.
    badge = "![](https://img.shields.io/badge/"
    preprints = numbered("* Reasoning Preprint {n} [[Paper]](https://arxiv.org/abs/2503.0000{n}) "
                         + badge + "{v}-2025.0{n}-red)\n", ("arXiv",) * 7)
    published = numbered("* Published Reasoner {n} [[Paper]](https://openreview.net/forum?id=x{n}) "
                         + badge + "{v}-2024-blue)\n", ("NeurIPS", "ICLR", "ACL"))
    cat = catalog.parse("# L\n## Published\n" + published + "## Reward Models\n" + preprints)
    found = section_templates(cat, cat.sections[2])
    assert found is not None and all(t.venue_is_arxiv for t in found.templates)
    assert written_in(cat, 2, venue="CVPR", venue_is_arxiv=False, code_url=None) == (
        f"* Token Merging at Scale [[Paper]](https://arxiv.org/abs/2604.01234) {badge}CVPR-2026-"
        "blue)")
    assert written_in(cat, 2, code_url=None).endswith(f"{badge}arXiv-2026.04-red)")


def test_a_tag_of_another_form_does_not_replace_an_exemplars_own() -> None:
    # jingyi0000/VLM_survey tags its table rows `|arXiv 2021|` and `|ICML 2021|`, and its newer
    # bullets `* [NeurIPS 2024] Title`: a preprint written from a bullet took the cell's tag,
    # the entry broke, and the fallback look was written instead of `* [arXiv 2026] Title`.
    head = "| Title | Venue | Code |\n|---|:-:|:-:|\n"
    rows = "".join(f"|[Pretraining Paper {n}](https://arxiv.org/abs/2111.1143{n})|{v} 2021|-|\n"
                   for n, v in enumerate(("arXiv",) * 4 + ("ICML",) * 4))
    bullets = "".join(f"* [NeurIPS 2024] Prompt Paper {n} [[Paper](https://papers.nips.cc/p{n}"
                      f".pdf)][[Code](https://github.com/o/p{n})]\n" for n in range(1, 5))
    cat = catalog.parse("# L\n## Pre-training\n" + head + rows + "## Transfer\n" + bullets)
    found = section_templates(cat, cat.sections[2])
    assert found is not None and found.tags.preprint  # the list's cell tag for a preprint
    assert written_in(cat, 2) == ("* [arXiv 2026] Token Merging at Scale [[Paper](https://arxiv."
                                  "org/abs/2604.01234)][[Code](https://github.com/o/r)]")
