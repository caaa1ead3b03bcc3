"""Decisions to a Plan: entries placed in the catalog and the pull requests that carry them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from promptbot.catalog import parse
from promptbot.config import Config
from promptbot.entries import insert, insertion_point, plan_insertions_noted
from promptbot.github import (
    explain,
    overflow,
    plan_pull_requests,
    recover_branch_papers,
    replace_lost_sections,
)
from promptbot.github.pull_request import UPDATES_PER_PR
from promptbot.judging.updates import updates_of
from promptbot.models import (
    Catalog,
    Decision,
    Insertion,
    Memory,
    Plan,
    Proposal,
    Status,
    Update,
)


def plan(
    catalog: Catalog,
    decisions: Sequence[Decision],
    memory: Memory,
    cfg: Config,
    *,
    notes: Sequence[str] = (),
    paper_notes: Mapping[str, str] = {},
) -> Plan:
    """The whole plan of a run; a dry run and a real run compute exactly this. `paper_notes`
    (arXiv id -> note) go into the body of the pull request that carries the paper."""
    base_text = catalog.render()
    # Papers another run left on a bot branch stay in memory; a section renamed or removed
    # while its papers wait in a PR: they move, the run goes on.
    memory, moved = replace_lost_sections(recover_branch_papers(memory, base_text), catalog)
    insertions, left_out = plan_insertions_noted(catalog, decisions, cfg)
    proposals = proposals_for(insertions, decisions)
    abstracts = {d.paper.arxiv_id: d.paper.abstract for d in decisions}

    def place_on_base(text: str, entries: Sequence[Proposal]) -> str:
        # Each pull request is rebuilt on base_text: reuse its parse instead of parsing again.
        return place(text, entries, catalog=catalog if text == base_text else None)

    updates = updates_of(decisions)
    prs = plan_pull_requests(
        base_text, proposals, memory, cfg, place=place_on_base, abstracts=abstracts,
        paper_notes=paper_notes,
        updates=updates,
    )
    new_text = prs[0].new_text if prs else base_text
    return Plan(
        decisions=tuple(decisions),
        base_text=base_text,
        new_text=new_text,
        insertions=insertions,
        pull_requests=prs,
        notes=(*notes, *moved, *left_out, *paper_notes.values(),
               *explain(base_text, proposals, memory, cfg),
               *overflow(prs, memory, cfg), *_update_notes(updates)),
        updates=updates,
    )


def _update_notes(updates: Sequence[Update]) -> tuple[str, ...]:
    if len(updates) > UPDATES_PER_PR:
        return (f"{len(updates) - UPDATES_PER_PR} update(s) of listed entries wait for a later"
                f" check: a pull request carries at most {UPDATES_PER_PR}",)
    return ()


def proposals_for(
    insertions: Sequence[Insertion], decisions: Sequence[Decision]
) -> tuple[Proposal, ...]:
    """The proposals a pull request records, one per insertion, with the paper's title and score."""
    by_id = {d.paper.arxiv_id: d for d in decisions if d.status is Status.PROPOSED}
    out = []
    for ins in insertions:
        decision = by_id.get(ins.arxiv_id)
        out.append(
            Proposal(
                arxiv_id=ins.arxiv_id,
                section=ins.section,
                entry=ins.text,
                title=decision.paper.title if decision else "",
                score=round(decision.score, 3) if decision else 0.0,
                needs_triage=ins.needs_triage,
                missing=ins.missing,
                why=why(decision.reasons) if decision else "",
            )
        )
    return tuple(out)


def place(
    base_text: str, proposals: Sequence[Proposal], *, catalog: Catalog | None = None
) -> str:
    """Insert already-written entries into a base text, each in its section.

    `catalog` is `base_text` parsed, when the caller has it already.
    """
    if not proposals:
        return base_text
    catalog = catalog if catalog is not None else parse(base_text)
    insertions = [
        Insertion(
            arxiv_id=p.arxiv_id,
            section=p.section,
            after_line=insertion_point(catalog, p.section, p.arxiv_id, p.entry),
            text=p.entry,
            needs_triage=p.needs_triage,
            missing=p.missing,
        )
        for p in proposals
    ]
    return insert(base_text, insertions)


def why(reasons: Sequence[str]) -> str:
    """The PR table's one-line reason: the matched topic terms, else the first reason."""
    evidence = [r for r in reasons if " terms: " in r
                and not r.startswith(("negative", "vision", "text-only"))]
    return "; ".join(evidence[:2] or reasons[:1])
