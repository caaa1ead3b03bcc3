"""The form a list writes its arXiv links in, by the vote of the section's entries.

One exemplar is chosen to write a new entry, but its link form (`arxiv.org/abs/…`,
`…/pdf/…`, `….pdf`) may be its own oddity. The form is a habit of the section, whatever an
entry's look: each paper link takes the form the section's entries write most for the same link
of an entry with as many paper links (a title link and an arXiv badge may differ). A look's own
few entries are no model: some of SAM4MIS's rows of one look write `pdf/….pdf` where the section
writes `pdf/…`.

Each entry votes with the square of its recency weight (0.72 per place from the newest, not
0.85): a switch of habit shows in the few newest entries before it outweighs the long tail of
old ones (Qinying-Liu's newest four links are `pdf`, the twenty before them `abs`).
On history-dev, 166 of 185 links come out as the maintainers' (voted per look: 161, three more
on SIBench, where a look's vote happened to match a later habit; with the weights as they are:
164; to the power 1.5, 2.5, 3: 166, 167, 162).

The host as written (`https://arxiv.org`, `http://www.arxiv.org`, `https://ArXiv.org`) is voted
apart: one entry's `www.` is no model, and three hosts of `pdf` links do not lose to one host of
`abs` links. Links to a journal's page do not vote: the bot writes arXiv's there, which says
nothing of the list's habit.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from promptbot.entries.template_model import Part, Slot, Template
from promptbot.entries.templates import arxiv_id_of

SHARPER = 2.0  # the exemplars' recency weights to this power weigh their links' forms


def voted_links(templates: Sequence[Template], weights: Sequence[float]) -> tuple[Template, ...]:
    """The templates with each arXiv paper link in the form the section's entries write that
    link most (by weight), on the host the section's arXiv links are written with most:
    `https://arxiv.org/abs/…` where most write it so, though the one exemplar chosen wrote
    `https://www.arxiv.org/pdf/…`."""
    paths: defaultdict[tuple[int, int], defaultdict[str, float]] = defaultdict(
        lambda: defaultdict(float))
    hosts: defaultdict[str, float] = defaultdict(float)
    for template, weight in zip(templates, weights, strict=True):
        for n, slot in enumerate(s for s in template.slots if s.kind == "paper"):
            split = _split(slot)
            if split is None:
                continue  # a journal's page: its form is no habit of the list's arXiv links
            written, path = split
            paths[_links(template), n][path] += weight ** SHARPER
            hosts[written] += weight ** SHARPER
    host = _most(hosts) if hosts else None
    return tuple(_with_paper_forms(t, paths, host) for t in templates)


_HOST = re.compile(r"^[a-z]+://(?:www\.|export\.)?arxiv\.org", re.IGNORECASE)


def _split(slot: Slot) -> tuple[str, str] | None:
    """An arXiv paper link's form as its host (`https://arxiv.org`) and path (`/pdf/{id}`)."""
    if arxiv_id_of(slot.original) is None:
        return None
    host = _HOST.match(slot.form)
    return None if host is None else (host.group(0), slot.form[host.end():])


def _most(votes: Mapping[str, float]) -> str:
    """The form with the most weight (the first seen on a tie)."""
    return max(votes, key=lambda form: votes[form])


def _links(template: Template) -> int:
    """How many paper links the template has: the n-th link of entries with as many is one."""
    return sum(1 for slot in template.slots if slot.kind == "paper")


def _with_paper_forms(template: Template,
                      paths: Mapping[tuple[int, int], Mapping[str, float]],
                      host: str | None) -> Template:
    parts: list[Part] = []
    links = _links(template)
    n = 0
    for part in template.parts:
        if isinstance(part, Slot) and part.kind == "paper":
            forms = paths.get((links, n))
            # A journal's page is written as arXiv's too (its own form is the bot's default).
            if forms and host is not None and _HOST.match(part.form):
                part = replace(part, form=host + _most(forms))
            parts.append(part)
            n += 1
        else:
            parts.append(part)
    return replace(template, parts=tuple(parts))
