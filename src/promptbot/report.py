"""The dry-run report: candidates table, the catalog diff and the pull request, as text or JSON."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from typing import Any

from promptbot.entries import truncate, unified_diff
from promptbot.github.pull_request_text import MARKER_RE
from promptbot.models import Decision, Plan, PullRequestPlan, Status, Update
from promptbot.summary import counts_line

_COLORS = {
    Status.PROPOSED: "32",  # green
    Status.UPDATE: "36",  # cyan
    Status.PENDING: "33",  # yellow
    Status.REJECTED: "31",  # red
    Status.LISTED: "2",  # dim
    Status.HIDDEN: "2",
    Status.IRRELEVANT: "2",
}
# Terminal control sequences in a title could rewrite the screen: show them as U+FFFD instead.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The memory marker in a PR body: one line of JSON, often many kilobytes; no one reads it.
_FIXED = 10 + 2 + 5 + 2 + 2 + 16 + 2  # decision, score and arXiv columns with their gaps


@dataclass(frozen=True)
class Layout:
    """How wide the report may be: the terminal's columns ($COLUMNS wins), and how detailed."""

    width: int = 140
    verbose: bool = False

    @property
    def section(self) -> int:
        """The section column: a third of what the fixed columns leave, within 12-40."""
        return min(40, max(12, (self.width - _FIXED) // 3))

    @property
    def title(self) -> int:
        """The title column: the rest, at least 20."""
        return max(20, self.width - _FIXED - self.section)


def terminal_layout(verbose: bool = False) -> Layout:
    """The layout for this terminal: $COLUMNS, else its width, else 140 (output to a file)."""
    return Layout(width=max(60, shutil.get_terminal_size((140, 24)).columns), verbose=verbose)


def _safe(text: str) -> str:
    return _CONTROL.sub("\ufffd", text.replace("\r\n", "\n"))


def terminal_text(text: str) -> str:
    """`text` fit for a terminal: control sequences shown as U+FFFD, never obeyed."""
    return _safe(text)


def _one_line(text: str, width: int) -> str:
    return truncate(" ".join(_safe(text).split()), width)


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _candidate_rows(plan: Plan, color: bool, max_irrelevant: int, layout: Layout) -> list[str]:
    order = {s: i for i, s in enumerate(Status)}
    decisions = sorted(plan.decisions, key=lambda d: (order[d.status], -d.score, d.paper.arxiv_id))
    irrelevant = [d for d in decisions if d.status is Status.IRRELEVANT]
    hidden = [] if layout.verbose else irrelevant[max_irrelevant:]
    decisions = [d for d in decisions if d not in hidden]
    sw, indent = layout.section, " " * 12
    header = f"{'DECISION':<10}  {'SCORE':>5}  {'SECTION':<{sw}}  {'ARXIV':<16}  TITLE"
    rows = [_paint(header, "1", color)]
    room = max(40, layout.width - len(indent))
    for d in decisions:
        status = f"{d.status.value:<10}"
        section = _one_line(d.section or "-", sw)
        row = (
            f"{_paint(status, _COLORS.get(d.status, '0'), color)}  {d.score:>5.2f}  "
            f"{section:<{sw}}  {_safe(d.paper.arxiv_id):<16}  "
            f"{_one_line(d.paper.title, layout.title)}"
        )
        rows.append(row)
        details = _details(d)
        if details:
            rows.append(indent + (_safe(details) if layout.verbose else _one_line(details, room)))
        why = _section_reason(d)
        if why and d.status in (Status.PROPOSED, Status.IRRELEVANT) and (
                layout.verbose or d.status is Status.PROPOSED):
            rows.append(indent + _one_line(f"confidence {d.section_confidence:.2f}, {why}", room))
    if hidden:
        rows.append(f"… and {len(hidden)} more irrelevant candidate(s) (-v or --json lists all)")
    return rows


def _section_reason(d: Decision) -> str:
    """Why the section was chosen: the reason judging gave for it ('section "X": ...')."""
    return next((r for r in d.reasons if r.startswith("section ")), "")


def _details(d: Decision) -> str:
    parts = [r for r in d.reasons if not r.startswith("section ")]
    if d.needs_triage:
        parts.append("needs triage")
    if d.duplicate_of:
        where = f" (line {d.duplicate_line})" if d.duplicate_line else ""
        said = "commented out" if d.status is Status.HIDDEN else "already listed"
        parts.append(f"{said}{where}: {d.duplicate_of}")
    if d.pull_request is not None:
        parts.append(f"see pull request #{d.pull_request}")
    return "; ".join(parts)


def render_text(
    plan: Plan, *, path: str, color: bool = False, max_irrelevant: int = 10,
    layout: Layout | None = None,
) -> str:
    """What a person reads: the candidates, the unified diff, the pull request title and body.

    `layout` sets the width (default: 140 columns) and whether every reason and candidate shows.
    """
    layout = layout or Layout()
    out = [_paint("Candidates", "1", color) + f" — {counts_line(plan)}", ""]
    rows = _candidate_rows(plan, color, max_irrelevant, layout)
    out += rows if plan.decisions else ["(no candidates)"]
    out += ["", _paint(f"Changes to {path}", "1", color)]
    carried = {p.arxiv_id for pr in plan.pull_requests for p in pr.proposals}
    # Per-paper mode opens at most max_open PRs: list what they carry, count what waits.
    waiting = [i for i in plan.insertions if plan.pull_requests and i.arxiv_id not in carried]
    for ins in (i for i in plan.insertions if i not in waiting):
        missing = f"; please fill in: {', '.join(ins.missing)}" if ins.missing else ""
        triage = "; needs triage" if ins.needs_triage else ""
        out.append(
            f"  + {ins.arxiv_id} in {_one_line(ins.section, 60)!r} after line {ins.after_line}"
            f"{triage}{missing}"
        )
    for update in plan.updates:
        out.append(f"  ~ {update.arxiv_id} v{update.version}: "
                   f"{_one_line('; '.join(update.changes), 120)}")
    if waiting and plan.pull_requests:
        out.append(f"  ({len(waiting)} more proposed paper(s) wait for a free pull request:"
                   " [pull_request].max_open)")
    prs = plan.pull_requests
    if len(prs) <= 1:  # rolling mode: one diff, one pull request
        diff = unified_diff(plan.base_text, plan.new_text, path)
        out += ["", _colored_diff(_safe(diff), color) if diff else "(no change)"]
        out += ["", _paint("Pull request", "1", color)]
        out += _pull_request(prs[0], color) if prs else ["(none would be opened)"]
    for n, pr in enumerate(prs if len(prs) > 1 else (), start=1):  # per-paper mode
        out += ["", _paint(f"Pull request {n} of {len(prs)}", "1", color)]
        out += _pull_request(pr, color, diff=unified_diff(plan.base_text, pr.new_text, path))
    if plan.notes:
        out += ["", _paint("Notes", "1", color)] + [f"- {_one_line(n, 200)}" for n in plan.notes]
    return "\n".join(out) + "\n"


def _pull_request(pr: PullRequestPlan, color: bool, *, diff: str | None = None) -> list[str]:
    """One pull request as a person reads it: what happens, its title, its diff, its body."""
    action = f"update #{pr.number}" if pr.number is not None else "open"
    out = [f"({action}, branch {pr.branch} -> {pr.base_branch})", f"Title: {_safe(pr.title)}"]
    if diff is not None:
        out += ["", _colored_diff(_safe(diff), color) if diff else "(no change)"]
    return [*out, "", _safe(_without_marker(pr.body)).rstrip("\n")]


def _without_marker(body: str) -> str:
    """The body as a person reads it: the memory marker replaced by a line saying it is there."""
    return MARKER_RE.sub(lambda m: f"<!-- promptbot:proposals … ({len(m.group(0)):,} characters"
                                 " of memory for the next run; --json shows them) -->", body)


def _colored_diff(diff: str, color: bool) -> str:
    if not color:
        return diff.rstrip("\n")
    lines = []
    for line in diff.rstrip("\n").split("\n"):
        if line.startswith(("+++", "---")):
            lines.append(_paint(line, "1", True))
        elif line.startswith("+"):
            lines.append(_paint(line, "32", True))
        elif line.startswith("-"):
            lines.append(_paint(line, "31", True))
        elif line.startswith("@@"):
            lines.append(_paint(line, "36", True))
        else:
            lines.append(line)
    return "\n".join(lines)


def _candidate(d: Decision) -> dict[str, Any]:
    return {
        "arxiv_id": d.paper.arxiv_id,
        "title": d.paper.title,
        "decision": d.status.value,
        "score": round(d.score, 4),
        "section": d.section,
        "section_confidence": round(d.section_confidence, 4),
        "needs_triage": d.needs_triage,
        "reasons": list(d.reasons),
        "duplicate_of": d.duplicate_of,
        "pull_request": d.pull_request,
        **({"update": _update_json(d.update)} if d.update else {}),
    }


def _update_json(update: Update) -> dict[str, Any]:
    return {"arxiv_id": update.arxiv_id, "version": update.version, "before": update.before,
            "after": update.after, "section": update.section,
            "from_section": update.from_section, "moved": update.moved,
            "changes": list(update.changes)}


def _pull_request_json(pr: PullRequestPlan, base_text: str, path: str) -> dict[str, Any]:
    return {"title": pr.title, "body": pr.body, "branch": pr.branch, "number": pr.number,
            "arxiv_ids": [p.arxiv_id for p in pr.proposals],
            "updates": [u.arxiv_id for u in pr.updates],
            "diff": unified_diff(base_text, pr.new_text, path)}


def render_json(plan: Plan, *, path: str) -> str:
    """The same report as one JSON object, for scripts."""
    prs = [_pull_request_json(p, plan.base_text, path) for p in plan.pull_requests]
    data = {
        "path": path,
        "changed": plan.changed,
        "candidates": [_candidate(d) for d in plan.decisions],
        "insertions": [
            {
                "arxiv_id": i.arxiv_id,
                "section": i.section,
                "after_line": i.after_line,
                "text": i.text,
                "needs_triage": i.needs_triage,
                "missing": list(i.missing),
            }
            for i in plan.insertions
        ],
        "updates": [_update_json(u) for u in plan.updates],
        "diff": unified_diff(plan.base_text, plan.new_text, path),
        "pull_request": prs[0] if prs else None,
        "pull_requests": prs,
        "notes": list(plan.notes),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
