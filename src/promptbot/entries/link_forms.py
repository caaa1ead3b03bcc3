"""The form a list writes its arXiv links in, by the vote of its entries of one look.

One exemplar is chosen to write a new entry, but its link form (`arxiv.org/abs/…`,
`…/pdf/…`, `….pdf`) may be its own oddity: each paper link of a look takes the form most of the
section's entries of that look write (by their recency weight). Links to a journal's page do not
vote: the bot writes arXiv's there, which says nothing of the list's habit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from promptbot.entries.template_model import Part, Slot, Template
from promptbot.entries.templates import arxiv_id_of


def voted_links(templates: Sequence[Template], weights: Sequence[float]) -> tuple[Template, ...]:
    """The templates with each paper link in the form the section's entries of that look write
    it most (by weight): `arxiv.org/abs/…` where most write it so, though the one exemplar
    chosen wrote `…/pdf/…`."""
    votes: dict[tuple[str, int], dict[str, float]] = {}
    for template, weight in zip(templates, weights, strict=True):
        for n, slot in enumerate(s for s in template.slots if s.kind == "paper"):
            if arxiv_id_of(slot.original) is None:
                continue  # a journal's page: its form is no habit of the list's arXiv links
            forms = votes.setdefault((template.key, n), {})
            forms[slot.form] = forms.get(slot.form, 0.0) + weight
    return tuple(_with_paper_forms(t, votes) for t in templates)


def _with_paper_forms(template: Template,
                      votes: dict[tuple[str, int], dict[str, float]]) -> Template:
    parts: list[Part] = []
    n = 0
    for part in template.parts:
        if isinstance(part, Slot) and part.kind == "paper":
            forms = votes.get((template.key, n), {part.form: 1.0})
            form = max(forms, key=lambda f: forms[f])
            parts.append(replace(part, form=form))
            n += 1
        else:
            parts.append(part)
    return replace(template, parts=tuple(parts))
