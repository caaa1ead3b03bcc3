"""A list's arXiv link form, by the vote of its entries of one look."""

from __future__ import annotations

from promptbot import catalog
from promptbot.entries.link_forms import voted_links
from promptbot.entries.templates import abstract


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
    found = [abstract(catalog.parse("| Date | Authors | Title | Code |\n|---|---|---|---|\n"
                                    + r + "\n").entries[0]) for r in rows]
    templates = [t for t in found if t is not None]
    assert [s.form for t in templates for s in t.slots if s.kind == "paper"] == [
        "https://arxiv.org/pdf/{id}", "https://arxiv.org/pdf/{id}", "https://arxiv.org/abs/{id}",
        "https://arxiv.org/abs/{id}"]
    voted = voted_links(templates, [1.0, 0.9, 0.8, 0.7])
    assert {s.form for t in voted for s in t.slots if s.kind == "paper"} == {
        "https://arxiv.org/pdf/{id}"}
