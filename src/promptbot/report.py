"""The dry-run report: candidates table, the catalog diff and the pull request, as text or JSON."""

from __future__ import annotations

import json
import re
from typing import Any

from promptbot.entries import truncate, unified_diff
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
_SECTION_WIDTH = 30
_TITLE_WIDTH = 60


def _safe(text: str) -> str:
    return _CONTROL.sub("\ufffd", text.replace("\r\n", "\n"))


def _one_line(text: str, width: int) -> str:
    return truncate(" ".join(_safe(text).split()), width)


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _candidate_rows(plan: Plan, color: bool, max_irrelevant: int) -> list[str]:
    order = {s: i for i, s in enumerate(Status)}
    decisions = sorted(plan.decisions, key=lambda d: (order[d.status], -d.score, d.paper.arxiv_id))
    irrelevant = [d for d in decisions if d.status is Status.IRRELEVANT]
    hidden = irrelevant[max_irrelevant:]
    decisions = [d for d in decisions if d not in hidden]
    header = f"{'DECISION':<10}  {'SCORE':>5}  {'SECTION':<{_SECTION_WIDTH}}  {'ARXIV':<16}  TITLE"
    rows = [_paint(header, "1", color)]
    for d in decisions:
        status = f"{d.status.value:<10}"
        section = _one_line(d.section or "-", _SECTION_WIDTH)
        row = (
            f"{_paint(status, _COLORS.get(d.status, '0'), color)}  {d.score:>5.2f}  "
            f"{section:<{_SECTION_WIDTH}}  {_safe(d.paper.arxiv_id):<16}  "
            f"{_one_line(d.paper.title, _TITLE_WIDTH)}"
        )
        rows.append(row)
        details = _details(d)
        if details:
            rows.append(" " * 12 + _one_line(details, 160))
    if hidden:
        rows.append(f"… and {len(hidden)} more irrelevant candidate(s) (--json lists all)")
    return rows


def _details(d: Decision) -> str:
    parts = list(d.reasons)
    if d.needs_triage:
        parts.append("needs triage")
    if d.duplicate_of:
        where = f" (line {d.duplicate_line})" if d.duplicate_line else ""
        said = "commented out" if d.status is Status.HIDDEN else "already listed"
        parts.append(f"{said}{where}: {d.duplicate_of}")
    if d.pull_request is not None:
        parts.append(f"see pull request #{d.pull_request}")
    return "; ".join(parts)


def render_text(plan: Plan, *, path: str, color: bool = False, max_irrelevant: int = 10) -> str:
    """What a person reads: the candidates, the unified diff, the pull request title and body."""
    out = [_paint("Candidates", "1", color) + f" — {counts_line(plan)}", ""]
    rows = _candidate_rows(plan, color, max_irrelevant)
    out += rows if plan.decisions else ["(no candidates)"]
    out += ["", _paint(f"Changes to {path}", "1", color)]
    for ins in plan.insertions:
        missing = f"; please fill in: {', '.join(ins.missing)}" if ins.missing else ""
        triage = "; needs triage" if ins.needs_triage else ""
        out.append(
            f"  + {ins.arxiv_id} in {_one_line(ins.section, 60)!r} after line {ins.after_line}"
            f"{triage}{missing}"
        )
    for update in plan.updates:
        out.append(f"  ~ {update.arxiv_id} v{update.version}: "
                   f"{_one_line('; '.join(update.changes), 120)}")
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
    return [*out, "", _safe(pr.body).rstrip("\n")]


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
