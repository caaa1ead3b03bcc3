"""A list's arXiv link form, by the vote of the section's entries."""

from __future__ import annotations

from promptbot import catalog
from promptbot.entries.link_forms import voted_links
from promptbot.entries.template_model import Template
from promptbot.entries.templates import abstract


def templates_of(rows: list[str], above: str = "") -> list[Template]:
    """Each row, parsed alone under `above` (a table's header), as a template."""
    found = [abstract(catalog.parse(above + r + "\n").entries[0]) for r in rows]
    return [t for t in found if t is not None]


TABLE = "| Date | Authors | Title | Code |\n|---|---|---|---|\n"


def test_a_paper_link_takes_the_form_most_of_the_sections_arxiv_links_have() -> None:
    # SAM4MIS (history-dev): most rows link arXiv's `pdf`, one `abs`, others a journal's page
    rows = ["|202604|A. Li et al.|Segmenting Organs With Prompts [(paper)](https://arxiv.org/"
            "pdf/2604.24109)|None|",
            "|202603|B. Wu et al.|Robust Medical Foundation Models [(paper)](https://arxiv.org/"
            "pdf/2603.10541)|None|",
            "|202603|C. Xu et al.|Adapters For Ultrasound [(paper)](https://arxiv.org/abs/"
            "2603.14271)|None|",
            "|202602|D. Ma et al.|A Journal Paper On Segmentation [(paper)](https://www."
            "sciencedirect.com/science/article/pii/S1361841526000654)|None|"]
    templates = templates_of(rows, TABLE)
    assert [s.form for t in templates for s in t.slots if s.kind == "paper"] == [
        "https://arxiv.org/pdf/{id}", "https://arxiv.org/pdf/{id}", "https://arxiv.org/abs/{id}",
        "https://arxiv.org/abs/{id}"]
    voted = voted_links(templates, [1.0, 0.9, 0.8, 0.7])
    assert {s.form for t in voted for s in t.slots if s.kind == "paper"} == {
        "https://arxiv.org/pdf/{id}"}


def test_the_host_is_the_sections_habit_and_hosts_do_not_split_the_vote_on_the_form() -> None:
    # Qinying-Liu (history-dev) writes `https://arxiv.org/…` mostly, its oldest entries
    # `https://ArXiv.org/abs/…`, and a new one `https://www.arxiv.org/pdf/…`.
    rows = [
        '1. <span id = "1">**[OldNet]**</span> | **CVPR\'22** | An Old Paper About Segmentation | '
        "[`[pdf]`](https://ArXiv.org/abs/2203.00001)",
        '2. <span id = "1">**[MidNet]**</span> | **ECCV\'22** | A Middle Paper On Segmentation | '
        "[`[pdf]`](https://arxiv.org/abs/2207.00002)",
        '3. <span id = "1">**[NewNet]**</span> | **CVPR\'25** | A Newer Paper On Segmentation | '
        "[`[pdf]`](https://arxiv.org/pdf/2503.00004)",
        '4. <span id = "1">**[WwwNet]**</span> | **ICCV\'25** | The Newest Paper On Segmentation | '
        "[`[pdf]`](https://www.arxiv.org/pdf/2506.00003)",
    ]
    templates = templates_of(rows)
    assert len({t.key for t in templates}) == 1
    # Before: the newest entry's `www.…/pdf` won alone (0.9 against 0.7 and less). Now `pdf`
    # (0.7² + 0.9²) outvotes `abs` (0.5² + 0.6²), on the host most of the links have
    # (0.6² + 0.7² against 0.9²).
    voted = voted_links(templates, [0.5, 0.6, 0.7, 0.9])
    assert {s.form for t in voted for s in t.slots if s.kind == "paper"} == {
        "https://arxiv.org/pdf/{id}"}


def test_a_look_of_few_entries_takes_the_sections_form_not_its_own() -> None:
    # SAM4MIS (history-dev): the rows without code link `pdf/…`; the one older row of the look
    # with a code link wrote `pdf/….pdf`, which a paper with code took when each look voted alone.
    rows = ["|202511|A. Li et al.|Segmenting Organs With Prompts [(paper)](https://arxiv.org/"
            "pdf/2511.00001)|None|",
            "|202511|B. Wu et al.|Robust Medical Foundation Models [(paper)](https://arxiv.org/"
            "pdf/2511.00002)|None|",
            "|202510|C. Xu et al.|Adapters For Ultrasound [(paper)](https://arxiv.org/pdf/"
            "2510.00003.pdf)|[Code](https://github.com/someone/adapters)|"]
    templates = templates_of(rows, TABLE)
    assert len({t.key for t in templates}) == 2
    voted = voted_links(templates, [1.0, 0.85, 0.72])
    assert [s.form for t in voted for s in t.slots if s.kind == "paper"] == [
        "https://arxiv.org/pdf/{id}"] * 3


def test_links_of_entries_with_as_many_links_vote_apart_by_their_place() -> None:
    # showlab (history-dev): a linked title, then an arXiv badge; the title links `pdf/…`,
    # the badge `abs/…`, and neither form is taken for the other.
    rows = [f"+ [A Paper About Video Number {n}](https://arxiv.org/pdf/2510.0000{n}) (Oct., 2025)"
            f"\n  [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/"
            f"2510.0000{n})" for n in range(1, 4)]
    templates = templates_of(rows)
    voted = voted_links(templates, [1.0, 0.85, 0.72])
    assert [[s.form for s in t.slots if s.kind == "paper"] for t in voted] == [
        ["https://arxiv.org/pdf/{id}", "https://arxiv.org/abs/{id}"]] * 3


def test_the_newest_entries_habit_outweighs_a_long_tail_of_old_ones() -> None:
    # Qinying-Liu (history-dev): the newest four entries link `pdf`, the twenty before `abs`.
    rows = [f'{n}. <span id = "1">**[Net{n}]**</span> | **CVPR\'25** | A Paper On Segmentation '
            f'Number {n} | [`[pdf]`](https://arxiv.org/{"pdf" if n <= 4 else "abs"}/2503.000{n:02})'
            for n in range(1, 25)]
    templates = templates_of(rows)
    weights = [0.85 ** i for i in range(len(templates))]  # newest first
    assert sum(weights[:4]) < sum(weights[4:])  # as they are, the tail would win
    voted = voted_links(templates, weights)
    assert {s.form for t in voted for s in t.slots if s.kind == "paper"} == {
        "https://arxiv.org/pdf/{id}"}
