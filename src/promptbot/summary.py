"""Closing lines and the markdown run summary (for people watching and for CI step summaries)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from promptbot.entries import escape, unified_diff
from promptbot.github.pull_request_text import MARKER_RE
from promptbot.models import Decision, Plan, Status
from promptbot.ports import Applied

_PHRASES = {
    Status.PROPOSED: "proposed",
    Status.UPDATE: "to update",
    Status.IRRELEVANT: "irrelevant",
    Status.LISTED: "already listed",
    Status.HIDDEN: "hidden by the maintainers",
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
    line = f"{counts_line(plan)}; {outcome_line(plan, applied, dry_run=dry_run)}"
    return line + enrichment_phrase(plan)


def enrichment_phrase(plan: Plan) -> str:
    """`; arXiv HTML pages: 3 request(s), 2 cached, 1 without a page` ("" when not enriched)."""
    done = plan.enrichment
    if done is None:
        return ""
    phrase = f"; arXiv HTML pages: {done.requests} request(s), {done.cached} cached"
    if done.without_page:
        phrase += f", {len(done.without_page)} written without affiliation"
    return phrase


SUMMARY_LIMIT = 60_000  # characters; GitHub shows up to 1 MiB per step, people read far less
_DIFF_LIMIT = 30_000


def markdown(
    plan: Plan, applied: Sequence[Applied], *, dry_run: bool, path: str = "",
    limit: int = SUMMARY_LIMIT,
) -> str:
    """A markdown summary for $GITHUB_STEP_SUMMARY: what happened, the proposed papers, the diff
    and the pull request link or text; every other candidate folded in <details>, all of it
    bounded by `limit` characters."""
    lines = ["## promptbot", "", closing_line(plan, applied, dry_run=dry_run), ""]
    lines += [f"[Pull request #{a.number}]({a.url}) {a.action}" for a in applied if a.url]
    lines += [""] if any(a.url for a in applied) else []
    lines += [f"> {escape(note)}" for note in plan.notes]
    lines += [""] if plan.notes else []
    proposed = [d for d in plan.decisions if d.status is Status.PROPOSED]
    if proposed:
        lines += ["### Proposed papers", "", *_table(sorted(proposed, key=lambda d: -d.score)), ""]
    diff = unified_diff(plan.base_text, plan.new_text, path or "catalog")
    if diff:
        shown = diff if len(diff) <= _DIFF_LIMIT else diff[:_DIFF_LIMIT] + "\n… (diff cut here)\n"
        fence = "~" * max(3, 1 + max((len(m) for m in re.findall(r"~+", shown)), default=0))
        lines += ["### Diff", "", f"{fence}diff", shown.rstrip("\n"), fence, ""]
    if dry_run and plan.pull_requests:
        pr = plan.pull_requests[0]
        lines += ["<details><summary>Pull request text</summary>", "",
                  f"**{escape(pr.title)}**", "", _without_marker(pr.body).rstrip("\n"), "",
                  "</details>", ""]
    text = "\n".join(lines)
    others = [d for d in plan.decisions if d.status is not Status.PROPOSED]
    if others:
        text += _folded(others, room=limit - len(text))
    return text if text.endswith("\n") else text + "\n"


def _table(decisions: Sequence[Decision]) -> list[str]:
    rows = ["| paper | decision | score | section |", "| --- | --- | ---: | --- |"]
    for d in decisions:
        paper = f"[{d.paper.arxiv_id}](https://arxiv.org/abs/{d.paper.arxiv_id}) " + (
            escape(d.paper.title, max_length=150))
        section = escape(d.section or "", max_length=80)
        rows.append(f"| {paper} | {d.status.value} | {d.score:.2f} | {section} |")
    return rows


def _folded(decisions: Sequence[Decision], room: int) -> str:
    """The other candidates in a <details> block, as many rows as fit in `room` characters."""
    ordered = sorted(decisions, key=lambda d: -d.score)
    head = f"<details><summary>{len(ordered)} other candidate(s)</summary>\n\n"
    rows = _table(ordered)
    kept: list[str] = []
    used = len(head) + 80  # the closing lines below
    for row in rows:
        if used + len(row) + 1 > room:
            break
        kept.append(row)
        used += len(row) + 1
    cut = len(rows) - len(kept)
    tail = f"\n… and {cut} more (--json lists all)\n" if cut and len(kept) > 2 else ""
    if len(kept) <= 2:
        kept = []
        tail = f"({len(ordered)} candidate(s); --json lists them)\n"
    return head + "\n".join(kept) + ("\n" if kept else "") + tail + "\n</details>\n"


def _without_marker(body: str) -> str:
    return MARKER_RE.sub("", body)
