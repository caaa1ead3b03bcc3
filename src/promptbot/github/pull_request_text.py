"""A bot pull request as text: its title, its body, and the hidden marker that is its memory."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, fields
from typing import Any

from promptbot.catalog import is_arxiv_id
from promptbot.config import PullRequestConfig
from promptbot.entries import escape, plain, rendered_text
from promptbot.models import Proposal

MARKER = "promptbot:proposals"
BODY_LIMIT = 60_000  # GitHub refuses bodies over 65,536 characters
ABSTRACT_LIMIT = 700  # characters of each abstract kept in the body (and in the marker)
_MARKER_RE = re.compile(r"<!--\s*" + re.escape(MARKER) + r"\s(.*?)-->", re.DOTALL)


def html_text(text: str) -> str:
    """Paper text made inert inside raw HTML (a <summary>): escaped, one line, no ping."""
    return html.escape(rendered_text(text), quote=True)


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
        title = plain(p.title or p.arxiv_id, max_length=90)
        return f"Add “{title}” (arXiv {p.arxiv_id})"
    first = proposals[0] if proposals else Proposal("", "", "")
    values = {"count": len(proposals), "title": first.title, "arxiv_id": first.arxiv_id}
    try:
        return plain(cfg.title.format_map(values), max_length=200)
    except (KeyError, IndexError, ValueError):
        return f"Add {len(proposals)} new paper(s) from arXiv"


def _paper_cell(p: Proposal) -> str:
    label = escape(p.title or p.arxiv_id)
    if is_arxiv_id(p.arxiv_id):  # only a bare id becomes a link: the marker may be hand-edited
        return f"[{label}](https://arxiv.org/abs/{p.arxiv_id})"
    return label


def _table(proposals: Sequence[Proposal]) -> list[str]:
    rows = ["| Paper | Section | Score | Why |", "|---|---|---|---|"]
    for p in proposals:
        why = escape(p.why) if p.why else ""
        if p.needs_triage:
            why = f"*needs triage* {why}".strip()
        rows.append(f"| {_paper_cell(p)} | {escape(p.section)} | {p.score:.2f} | {why} |")
    return rows


def _abstract_blocks(proposals: Sequence[Proposal], abstracts: Mapping[str, str]) -> list[str]:
    out: list[str] = []
    for p in proposals:
        text = abstracts.get(p.arxiv_id, "")
        if text:
            summary = html_text(f"{p.arxiv_id}: {p.title}" if p.title else p.arxiv_id)
            out += [f"<details><summary>{summary}</summary>", "", escape(text), "", "</details>"]
    return out


def _to_fill(proposals: Sequence[Proposal]) -> list[str]:
    todo = [p for p in proposals if p.missing]
    if not todo:
        return []
    out = ["", "**To fill in** (edit the line in the diff, or after merging):"]
    out += [f"- `{p.arxiv_id}`: {escape(', '.join(p.missing))}" for p in todo]
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
    lines += [f"> **Note:** {escape(note)}" for note in notes]
    lines += [""] if notes else []
    lines += _table(proposals)
    blocks = _abstract_blocks(proposals, abstracts)
    lines += ["", "**Abstracts**", "", *blocks] if blocks else []
    lines += _to_fill(proposals)
    lines += [
        "",
        ("**How to review:** delete a line in the diff to reject that paper; closing the PR rejects"
         " all of them; promptbot will not propose them again." if n != 1 else
         "**How to review:** merge to add the paper; closing the PR rejects it, and promptbot will"
         " not propose it again.")
        + " Edit or merge as you like; once you"
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
