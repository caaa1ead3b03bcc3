"""Closing lines and the markdown run summary (for people watching and for CI step summaries)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from promptbot.entries import escape
from promptbot.models import Plan, Status
from promptbot.ports import Applied

_PHRASES = {
    Status.PROPOSED: "proposed",
    Status.IRRELEVANT: "irrelevant",
    Status.LISTED: "already listed",
    Status.PENDING: "already pending",
    Status.REJECTED: "rejected before",
}


def counts_line(plan: Plan) -> str:
    """`41 candidates: 3 proposed, 31 irrelevant, 6 already listed, 1 rejected before`."""
    total = len(plan.decisions)
    if not total:
        return "0 candidates"
    counts = Counter(d.status for d in plan.decisions)
    parts = [f"{counts[s]} {phrase}" for s, phrase in _PHRASES.items() if counts[s]]
    noun = "candidate" if total == 1 else "candidates"
    return f"{total} {noun}: " + ", ".join(parts)


def outcome_line(plan: Plan, applied: Sequence[Applied], *, dry_run: bool) -> str:
    """What happened (or would happen) on GitHub, in a few words."""
    if not plan.pull_requests:
        return "nothing to propose"
    if dry_run:
        opened = sum(1 for p in plan.pull_requests if p.number is None)
        updated = [f"#{p.number}" for p in plan.pull_requests if p.number is not None]
        verbs = ([f"would open {'a PR' if opened == 1 else f'{opened} PRs'}"] if opened else [])
        verbs += [f"would update PR {', '.join(updated)}"] if updated else []
        return " and ".join(verbs) + " (dry run)"
    return "; ".join(f"PR #{a.number} {a.action}" for a in applied)


def closing_line(plan: Plan, applied: Sequence[Applied], *, dry_run: bool) -> str:
    """The one-line summary printed at the end of every run."""
    return f"{counts_line(plan)}; {outcome_line(plan, applied, dry_run=dry_run)}"


def markdown(plan: Plan, applied: Sequence[Applied], *, dry_run: bool) -> str:
    """A markdown summary with the candidate table, for $GITHUB_STEP_SUMMARY."""
    lines = ["## promptbot", "", closing_line(plan, applied, dry_run=dry_run), ""]
    lines += [f"> {escape(note)}" for note in plan.notes]
    if plan.notes:
        lines.append("")
    if plan.decisions:
        lines += ["| paper | decision | score | section |", "| --- | --- | ---: | --- |"]
        order = sorted(plan.decisions, key=lambda d: (d.status != Status.PROPOSED, -d.score))
        for d in order:
            paper = f"[{d.paper.arxiv_id}](https://arxiv.org/abs/{d.paper.arxiv_id}) " + (
                escape(d.paper.title)
            )
            section = escape(d.section or "")
            lines.append(f"| {paper} | {d.status.value} | {d.score:.2f} | {section} |")
    return "\n".join(lines) + "\n"
