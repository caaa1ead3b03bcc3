"""A bot pull request as text: its title, its body, and the hidden marker that is its memory."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import MISSING, asdict, fields, replace
from functools import lru_cache
from typing import Any, TypeGuard

from promptbot.catalog import is_arxiv_id
from promptbot.config import PullRequestConfig
from promptbot.entries import escape, plain, plain_reference_free, rendered_text, truncate
from promptbot.models import Proposal, Update

MARKER = "promptbot:proposals"
GITHUB_BODY_LIMIT = 65_536  # GitHub refuses a longer body: 422 "body is too long"
# What promptbot fills: the rest is room for the notes, a person's edit and GitHub's own count.
BODY_LIMIT = 60_000
ABSTRACT_LIMIT = 700  # characters of each abstract kept in the body (and in the marker)
TITLE_LIMIT = 300  # characters of a paper's title kept in the table and the marker
WHY_LIMIT = 160
MARKER_RE = re.compile(r"<!--\s*" + re.escape(MARKER) + r"\s(.*?)-->", re.DOTALL)


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
        title = plain_reference_free(p.title or p.arxiv_id, max_length=90)
        return f"Add “{title}” (arXiv {plain_reference_free(p.arxiv_id)})"
    first = proposals[0] if proposals else Proposal("", "", "")
    # The paper's text is neutralised, the maintainers' own template is kept as they wrote it.
    values = {"count": len(proposals), "title": plain_reference_free(first.title),
              "arxiv_id": plain_reference_free(first.arxiv_id)}
    try:
        return plain(cfg.title.format_map(values), max_length=200)
    except (KeyError, IndexError, ValueError):
        return f"Add {len(proposals)} new paper(s) from arXiv"


def _bounded(p: Proposal) -> Proposal:
    """The proposal as the body records it: title and reason cut to a bounded length."""
    title, why = truncate(p.title, TITLE_LIMIT), truncate(p.why, WHY_LIMIT)
    return p if (title, why) == (p.title, p.why) else replace(p, title=title, why=why)


def _paper_cell(p: Proposal) -> str:
    label = escape(p.title or p.arxiv_id)
    if is_arxiv_id(p.arxiv_id):  # only a bare id becomes a link: the marker may be hand-edited
        return f"[{label}](https://arxiv.org/abs/{p.arxiv_id})"
    return label


# A body is rendered several times while fitting it to the budget: each paper's parts once.
@lru_cache(maxsize=4096)
def _row(p: Proposal) -> str:
    why = escape(p.why) if p.why else ""
    if p.needs_triage:
        why = f"*needs triage* {why}".strip()
    return f"| {_paper_cell(p)} | {escape(p.section)} | {p.score:.2f} | {why} |"


def _table(proposals: Sequence[Proposal]) -> list[str]:
    return ["| Paper | Section | Score | Why |", "|---|---|---|---|", *map(_row, proposals)]


@lru_cache(maxsize=4096)
def _block(arxiv_id: str, title: str, text: str) -> str:
    summary = html_text(f"{arxiv_id}: {title}" if title else arxiv_id)
    return f"<details><summary>{summary}</summary>\n\n{escape(text)}\n\n</details>"


def _abstract_blocks(proposals: Sequence[Proposal], abstracts: Mapping[str, str]) -> list[str]:
    return [_block(p.arxiv_id, p.title, abstracts[p.arxiv_id])
            for p in proposals if abstracts.get(p.arxiv_id)]


def _to_fill(proposals: Sequence[Proposal]) -> list[str]:
    todo = [p for p in proposals if p.missing]
    if not todo:
        return []
    out = ["", "**To fill in** (edit the line in the diff, or after merging):"]
    out += [f"- `{p.arxiv_id}`: {escape(', '.join(p.missing))}" for p in todo]
    return out


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))


@lru_cache(maxsize=4096)
def _recorded(p: Proposal) -> str:
    """A proposal's fields for the marker, defaults left out (the reader fills them back in)."""
    defaults = {f.name: f.default for f in fields(Proposal) if f.default is not MISSING}
    return _json({k: v for k, v in asdict(p).items() if k not in defaults or v != defaults[k]})


def _marker(
    proposals: Sequence[Proposal], abstracts: Mapping[str, str], updates: Sequence[Update] = ()
) -> str:
    kept = sorted({p.arxiv_id for p in proposals if p.arxiv_id in abstracts})
    # The JSON of {"abstracts": …, "proposals": […], "updates": […], "version": 1}, keys sorted,
    # from parts (each proposal's part is cached: a body is rendered several times to fit).
    payload = ('{"abstracts":{' + ",".join(f"{_json(k)}:{_json(abstracts[k])}" for k in kept)
               + '},"proposals":[' + ",".join(map(_recorded, proposals)) + "]"
               + (',"updates":' + _json([asdict(u) for u in updates]) if updates else "")
               + ',"version":1}')
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
    updates: Sequence[Update] = (),
) -> str:
    """The PR body: summary, table, abstracts, fields to fill, updates of listed entries, what
    to do, the hidden marker.

    Within BODY_LIMIT when the papers allow it: abstracts are kept for as many papers as fit,
    first ones first; the memory (the marker) always holds every paper.
    """
    bounded = [_bounded(p) for p in proposals]
    kept = {p.arxiv_id: _shorten(abstracts[p.arxiv_id])
            for p in bounded if abstracts.get(p.arxiv_id)}
    body = _body(bounded, catalog_path, kept, notes, updates)
    if len(body) <= BODY_LIMIT or not kept:
        return body
    lo, hi = 0, len(bounded)  # papers whose abstract is kept: the most that fit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if len(_body(bounded, catalog_path, _first(kept, bounded, mid), notes, updates)) \
                <= BODY_LIMIT:
            lo = mid
        else:
            hi = mid - 1
    return _body(bounded, catalog_path, _first(kept, bounded, lo), notes, updates)


def _first(abstracts: Mapping[str, str], proposals: Sequence[Proposal], n: int) -> dict[str, str]:
    ids = {p.arxiv_id for p in proposals[:n]}
    return {k: v for k, v in abstracts.items() if k in ids}


def fits(body: str) -> bool:
    """Whether a body is within the budget promptbot fills (BODY_LIMIT)."""
    return len(body) <= BODY_LIMIT


def _fenced(lines: Sequence[str], info: str = "") -> list[str]:
    """Lines in a fenced code block whose fence no backtick run inside can close: inert text."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + info, *lines, fence]


def updates_part(updates: Sequence[Update]) -> list[str]:
    """The body's "Updates: N entries" part: per entry what changed, its before and after lines."""
    if not updates:
        return []
    n = len(updates)
    out = ["", f"**Updates: {n} entr{'ies' if n != 1 else 'y'}** (listed papers whose new"
           " version says more)"]
    for u in updates:
        label = escape(u.title or u.arxiv_id)
        link = f"[{label}](https://arxiv.org/abs/{u.arxiv_id})" if is_arxiv_id(u.arxiv_id) \
            else label
        out += ["", f"- {link} (v{u.version}): {escape('; '.join(u.changes))}", ""]
        diff = [f"- {line}" for line in u.before.splitlines()]
        diff += [f"+ {line}" for line in u.after.splitlines()]
        out += ["  " + line for line in _fenced(diff, "diff")]
    return out


def _body(
    proposals: Sequence[Proposal], path: str, abstracts: Mapping[str, str], notes: Sequence[str],
    updates: Sequence[Update] = (),
) -> str:
    n = len(proposals)
    lines = [f"promptbot proposes {n} new paper{'s' if n != 1 else ''} from arXiv for "
             f"`{path.replace('`', '')}`.", ""]
    if updates and not proposals:
        lines = [f"promptbot proposes to update {len(updates)} listed"
                 f" entr{'ies' if len(updates) != 1 else 'y'} of `{path.replace('`', '')}`."]
    lines += [f"> **Note:** {escape(note)}" for note in notes]
    lines += [""] if notes else []
    lines += _table(proposals) if proposals or not updates else []
    blocks = _abstract_blocks(proposals, abstracts)
    lines += ["", "**Abstracts**", "", *blocks] if blocks else []
    lines += _to_fill(proposals)
    lines += updates_part(updates)
    lines += [
        "",
        ("**How to review:** delete a line in the diff to reject that paper; closing the PR rejects"
         " all of them; promptbot will not propose them again." if n != 1 else
         "**How to review:** merge to add the paper; closing the PR rejects it, and promptbot will"
         " not propose it again.")
        + " Edit or merge as you like; once you"
        " push to this branch, promptbot leaves it alone and opens a new PR for later papers.",
    ]
    lines += ["", "Reverting an updated line before merging turns that update down for good."] \
        if updates else []
    lines += [
        "",
        _marker(proposals, abstracts, updates),
        "",
    ]
    return "\n".join(lines)


def _marker_data(body: str) -> dict[str, Any]:
    match = MARKER_RE.search(body or "")
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


def _update(raw: Any) -> Update | None:
    if not isinstance(raw, dict):
        return None
    text = {k: v if isinstance(v := raw.get(k), str) else "" for k in (
        "arxiv_id", "before", "after", "section", "from_section", "title", "venue")}
    version, changes, year = raw.get("version"), raw.get("changes"), raw.get("year")
    if not (text["arxiv_id"] and text["before"] and text["after"]) or not _is_int(version):
        return None
    # The venue and year place a moved entry among its venue's entries on every later run.
    return Update(**text, version=version, year=year if _is_int(year) else 0,
                  changes=tuple(c for c in changes if isinstance(c, str))
                  if isinstance(changes, list) else ())


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def read_updates(body: str) -> tuple[Update, ...]:
    """The updates of listed entries recorded in a PR body; () when none or unreadable."""
    raw = _marker_data(body).get("updates")
    if not isinstance(raw, list):
        return ()
    return tuple(u for u in (_update(item) for item in raw) if u is not None)
