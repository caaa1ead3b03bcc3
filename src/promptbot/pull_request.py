"""The bot's pull requests as text and plans: title, body, the hidden marker, what to open."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, fields
from typing import Any

from promptbot import markdown_safety
from promptbot import memory as mem
from promptbot.config import Config, PullRequestConfig
from promptbot.models import BotPullRequest, Memory, Proposal, PullRequestPlan

MARKER = "promptbot:proposals"
BODY_LIMIT = 60_000  # GitHub refuses bodies over 65,536 characters
ABSTRACT_LIMIT = 700  # characters of each abstract kept in the body (and in the marker)
_MARKER_RE = re.compile(r"<!--\s*" + re.escape(MARKER) + r"\s(.*?)-->", re.DOTALL)
_ARXIV_ID = re.compile(r"\d{4}\.\d{4,5}|[a-z][a-z.-]*/\d{7}", re.IGNORECASE)
Place = Callable[[str, Sequence[Proposal]], str]


def md_text(text: str) -> str:
    """Paper text made inert for markdown: one line, no link, HTML, table break or ping."""
    return markdown_safety.escape(text)


def html_text(text: str) -> str:
    """Paper text made inert inside raw HTML (a <summary>): escaped, one line, no ping."""
    return html.escape(markdown_safety.rendered_text(text), quote=True)


def _shorten(text: str, limit: int = ABSTRACT_LIMIT) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    # Cut so the result stays within `limit`: shortening again changes nothing.
    return text[: limit - 2].rsplit(" ", 1)[0] + " …"


def render_title(proposals: Sequence[Proposal], cfg: PullRequestConfig) -> str:
    """The PR title: the configured template, or the paper's title for a per-paper PR."""
    if cfg.mode == "per-paper" and len(proposals) == 1:
        p = proposals[0]
        title = markdown_safety.plain(p.title or p.arxiv_id, max_length=90)
        return f"Add “{title}” (arXiv {p.arxiv_id})"
    first = proposals[0] if proposals else Proposal("", "", "")
    values = {"count": len(proposals), "title": first.title, "arxiv_id": first.arxiv_id}
    try:
        return markdown_safety.plain(cfg.title.format_map(values), max_length=200)
    except (KeyError, IndexError, ValueError):
        return f"Add {len(proposals)} new paper(s) from arXiv"


def _paper_cell(p: Proposal) -> str:
    label = md_text(p.title or p.arxiv_id)
    if _ARXIV_ID.fullmatch(p.arxiv_id):
        return f"[{label}](https://arxiv.org/abs/{p.arxiv_id})"
    return label


def _table(proposals: Sequence[Proposal]) -> list[str]:
    rows = ["| Paper | Section | Score | Why |", "|---|---|---|---|"]
    for p in proposals:
        why = md_text(p.why) if p.why else ""
        if p.needs_triage:
            why = f"*needs triage* {why}".strip()
        rows.append(f"| {_paper_cell(p)} | {md_text(p.section)} | {p.score:.2f} | {why} |")
    return rows


def _abstract_blocks(proposals: Sequence[Proposal], abstracts: Mapping[str, str]) -> list[str]:
    out: list[str] = []
    for p in proposals:
        text = abstracts.get(p.arxiv_id, "")
        if text:
            summary = html_text(f"{p.arxiv_id}: {p.title}" if p.title else p.arxiv_id)
            out += [f"<details><summary>{summary}</summary>", "", md_text(text), "", "</details>"]
    return out


def _to_fill(proposals: Sequence[Proposal]) -> list[str]:
    todo = [p for p in proposals if p.missing]
    if not todo:
        return []
    out = ["", "**To fill in** (edit the line in the diff, or after merging):"]
    out += [f"- `{p.arxiv_id}`: {md_text(', '.join(p.missing))}" for p in todo]
    return out


def _marker(proposals: Sequence[Proposal], abstracts: Mapping[str, str]) -> str:
    data = {
        "version": 1,
        "proposals": [asdict(p) for p in proposals],
        "abstracts": {p.arxiv_id: abstracts[p.arxiv_id]
                      for p in proposals if p.arxiv_id in abstracts},
    }
    payload = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    # "--", "<" and ">" can only occur inside JSON strings, where a \u escape means the same: this
    # keeps the comment closed and hides no tag from the GFM tag filter.
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e")
    while "--" in payload:
        payload = payload.replace("--", "-\\u002d")
    return f"<!-- {MARKER} {payload} -->"


def render_body(
    proposals: Sequence[Proposal],
    *,
    catalog_path: str,
    abstracts: Mapping[str, str] = {},
    notes: Sequence[str] = (),
) -> str:
    """The PR body: summary, table, abstracts, fields to fill, what to do, the hidden marker."""
    kept = {p.arxiv_id: _shorten(abstracts[p.arxiv_id])
            for p in proposals if abstracts.get(p.arxiv_id)}
    body = _body(proposals, catalog_path, kept, notes)
    return body if len(body) <= BODY_LIMIT else _body(proposals, catalog_path, {}, notes)


def _body(
    proposals: Sequence[Proposal], path: str, abstracts: Mapping[str, str], notes: Sequence[str]
) -> str:
    n = len(proposals)
    lines = [f"promptbot proposes {n} new paper{'s' if n != 1 else ''} from arXiv for "
             f"`{path.replace('`', '')}`.", ""]
    lines += [f"> **Note:** {md_text(note)}" for note in notes]
    lines += [""] if notes else []
    lines += _table(proposals)
    blocks = _abstract_blocks(proposals, abstracts)
    lines += ["", "**Abstracts**", "", *blocks] if blocks else []
    lines += _to_fill(proposals)
    lines += [
        "",
        "**How to review:** delete a line in the diff to reject that paper; closing the PR rejects"
        " all of them; promptbot will not propose them again. Edit or merge as you like; once you"
        " push to this branch, promptbot leaves it alone and opens a new PR for later papers.",
        "",
        _marker(proposals, abstracts),
        "",
    ]
    return "\n".join(lines)


def _marker_data(body: str) -> dict[str, Any]:
    match = _MARKER_RE.search(body or "")
    if not match:
        return {}
    try:
        data = json.loads(match.group(1))
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _proposal(raw: Any) -> Proposal | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("arxiv_id"), str):
        return None
    kinds = {f.name: f.type for f in fields(Proposal)}
    values: dict[str, Any] = {}
    for name, value in raw.items():
        kind = kinds.get(name)
        if kind in ("str",) and isinstance(value, str):
            values[name] = value
        elif kind == "float" and isinstance(value, int | float) and not isinstance(value, bool):
            values[name] = float(value)
        elif kind == "bool" and isinstance(value, bool):
            values[name] = value
        elif kind == "tuple[str, ...]" and isinstance(value, list):
            values[name] = tuple(v for v in value if isinstance(v, str))
    values.setdefault("section", "")
    values.setdefault("entry", "")
    return Proposal(**values)


def read_proposals(body: str) -> tuple[Proposal, ...]:
    """The proposals recorded in a PR body; () when the marker is missing or garbled."""
    raw = _marker_data(body).get("proposals")
    if not isinstance(raw, list):
        return ()
    proposals = [_proposal(item) for item in raw]
    return tuple(p for p in proposals if p is not None and p.arxiv_id and p.entry)


def read_abstracts(body: str) -> dict[str, str]:
    """The abstracts recorded in a PR body's marker (id -> text); {} when unreadable."""
    raw = _marker_data(body).get("abstracts")
    if not isinstance(raw, dict):
        return {}
    return {k: v for k, v in raw.items() if isinstance(k, str) and isinstance(v, str)}


def _listed(arxiv_id: str, text: str) -> bool:
    return re.search(r"(?<![\w.])" + re.escape(arxiv_id) + r"(?!\d)", text) is not None


def _unlisted(proposals: Sequence[Proposal], base_text: str) -> tuple[Proposal, ...]:
    """Proposals not yet in the base text, first occurrence of each id only."""
    seen: set[str] = set()
    out = []
    for p in proposals:
        if p.arxiv_id not in seen and not _listed(p.arxiv_id, base_text):
            seen.add(p.arxiv_id)
            out.append(p)
    return tuple(out)


def _plan(
    proposals: Sequence[Proposal],
    branch: str,
    base_text: str,
    cfg: Config,
    place: Place,
    pr: BotPullRequest | None,
    abstracts: Mapping[str, str],
    notes: Sequence[str] = (),
) -> PullRequestPlan:
    known = {**(read_abstracts(pr.body) if pr else {}), **abstracts}
    return PullRequestPlan(
        branch=branch,
        base_branch=cfg.catalog.branch,
        title=render_title(proposals, cfg.pull_request),
        body=render_body(proposals, catalog_path=cfg.catalog.path, abstracts=known, notes=notes),
        new_text=place(base_text, proposals),
        proposals=tuple(proposals),
        number=pr.number if pr else None,
        labels=cfg.pull_request.labels,
    )


def _hands_off_notes(memory: Memory, cfg: PullRequestConfig) -> list[str]:
    return [
        f"#{pr.number} was changed by someone else, so promptbot leaves it alone;"
        " new papers go to this pull request instead."
        for pr in mem.hands_off(memory, cfg)
    ]


def _fresh(new: Sequence[Proposal], memory: Memory, base_text: str) -> tuple[Proposal, ...]:
    known = mem.pending(memory)
    return _unlisted([p for p in new if p.arxiv_id not in known], base_text)


def _rolling(
    base_text: str, new: Sequence[Proposal], memory: Memory, cfg: Config,
    place: Place, abstracts: Mapping[str, str],
) -> tuple[PullRequestPlan, ...]:
    pr = mem.open_rolling_pr(memory, cfg.pull_request)
    proposals = _unlisted([*(pr.proposals if pr else ()), *_fresh(new, memory, base_text)],
                          base_text)
    if not proposals:
        return ()
    branch = pr.branch if pr else mem.free_rolling_branch(memory, cfg.pull_request)
    notes = _hands_off_notes(memory, cfg.pull_request)
    return (_plan(proposals, branch, base_text, cfg, place, pr, abstracts, notes),)


def _per_paper(
    base_text: str, new: Sequence[Proposal], memory: Memory, cfg: Config,
    place: Place, abstracts: Mapping[str, str],
) -> tuple[PullRequestPlan, ...]:
    prc = cfg.pull_request
    open_prs = sorted((p for p in memory.pull_requests if p.state == "open"),
                      key=lambda p: p.number)
    plans = []
    for pr in open_prs:
        kept = _unlisted(pr.proposals, base_text)
        if mem.is_paper_branch(pr.branch, prc) and mem.touchable(pr) and kept:
            plans.append(_plan(kept, pr.branch, base_text, cfg, place, pr, abstracts))
    used = {pr.branch for pr in open_prs}
    fresh = [p for p in _fresh(new, memory, base_text)
             if mem.paper_branch(p.arxiv_id, prc) not in used]
    for p in fresh[: max(0, prc.max_open - len(open_prs))]:
        plans.append(_plan([p], mem.paper_branch(p.arxiv_id, prc), base_text, cfg, place, None,
                           abstracts))
    return tuple(plans)


def plan_pull_requests(
    base_text: str,
    new: Sequence[Proposal],
    memory: Memory,
    cfg: Config,
    *,
    place: Place,
    abstracts: Mapping[str, str] = {},
) -> tuple[PullRequestPlan, ...]:
    """The pull requests to open or update, each rebuilt from the current base text."""
    if cfg.pull_request.mode == "per-paper":
        return _per_paper(base_text, new, memory, cfg, place, abstracts)
    return _rolling(base_text, new, memory, cfg, place, abstracts)


def explain(
    base_text: str, new: Sequence[Proposal], memory: Memory, cfg: Config
) -> tuple[str, ...]:
    """What the run should tell its user about the pull requests (hands-off PRs, papers waiting)."""
    prc = cfg.pull_request
    if prc.mode == "rolling":
        branch = mem.free_rolling_branch(memory, prc)
        return tuple(
            f"PR #{pr.number} ({pr.branch}) was changed by someone else; promptbot leaves it alone"
            + ("" if mem.open_rolling_pr(memory, prc) else f" and uses branch {branch}")
            for pr in mem.hands_off(memory, prc)
        )
    open_count = sum(1 for p in memory.pull_requests if p.state == "open")
    waiting = len(_fresh(new, memory, base_text)) - max(0, prc.max_open - open_count)
    if waiting <= 0:
        return ()
    return (f"{waiting} paper(s) wait for a free slot: {open_count} of max_open = {prc.max_open}"
            " bot pull requests are open",)
