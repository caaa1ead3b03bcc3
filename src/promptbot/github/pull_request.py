"""The bot's pull requests as plans: which to open or update, each rebuilt on the base text.

Their title, body and marker are written and read in promptbot.github.pull_request_text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import partial

from promptbot.config import Config, PullRequestConfig
from promptbot.github import memory as mem
from promptbot.github.pull_request_text import (
    GITHUB_BODY_LIMIT,
    fits,
    read_abstracts,
    render_body,
    render_title,
)
from promptbot.models import BotPullRequest, Memory, Proposal, PullRequestPlan

Place = Callable[[str, Sequence[Proposal]], str]


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
    return PullRequestPlan(
        branch=branch,
        base_branch=cfg.catalog.branch,
        title=render_title(proposals, cfg.pull_request),
        body=_body(proposals, cfg, pr, abstracts, notes),
        new_text=place(base_text, proposals),
        proposals=tuple(proposals),
        number=pr.number if pr else None,
        labels=cfg.pull_request.labels,
    )


def _body(proposals: Sequence[Proposal], cfg: Config, pr: BotPullRequest | None,
          abstracts: Mapping[str, str], notes: Sequence[str]) -> str:
    known = {**(read_abstracts(pr.body) if pr else {}), **abstracts}
    return render_body(proposals, catalog_path=cfg.catalog.path, abstracts=known, notes=notes)


def _room(fixed: Sequence[Proposal], more: Sequence[Proposal],
          fits_with: Callable[[Sequence[Proposal]], bool]) -> int:
    """How many of `more` (first ones first) can join `fixed` with the body still in budget."""
    lo, hi = 0, len(more)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits_with([*fixed, *more[:mid]]):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _fits_new(proposals: Sequence[Proposal], *, cfg: Config, abstracts: Mapping[str, str],
              notes: Sequence[str]) -> bool:
    return fits(_body(proposals, cfg, None, abstracts, notes))


def _hands_off_notes(memory: Memory, cfg: PullRequestConfig) -> list[str]:
    return [
        f"#{pr.number} was changed by someone else, so promptbot leaves it alone;"
        " new papers go to this pull request instead."
        for pr in mem.hands_off(memory, cfg)
    ]


def _continues(branch: str) -> str:
    return (f"The pull request of branch `{branch}` holds as many papers as a pull request"
            f" description can list (GitHub allows {GITHUB_BODY_LIMIT:,} characters), so later"
            " papers go to this pull request.")


def _fresh(new: Sequence[Proposal], memory: Memory, base_text: str) -> tuple[Proposal, ...]:
    known = mem.pending(memory)
    return _unlisted([p for p in new if p.arxiv_id not in known], base_text)


def _rolling(
    base_text: str, new: Sequence[Proposal], memory: Memory, cfg: Config,
    place: Place, abstracts: Mapping[str, str],
) -> tuple[PullRequestPlan, ...]:
    """Every open rolling PR rebuilt on the base; new papers fill the newest, then continuations."""
    prc = cfg.pull_request
    mine = sorted((pr for pr in memory.pull_requests
                   if mem.is_rolling_branch(pr.branch, prc) and mem.touchable(pr)),
                  key=lambda p: p.number)
    fresh = list(_fresh(new, memory, base_text))
    notes = _hands_off_notes(memory, prc)
    # A continuation says which PR it continues: the rolling PR before it, by branch (a new
    # PR has no number yet), so the note reads the same on every run.
    follows = [[_continues(before.branch)] for before in mine[:-1]]
    plans = [_plan(kept, pr.branch, base_text, cfg, place, pr, abstracts, note)
             for pr, note in zip(mine[:-1], [[], *follows], strict=False)
             if (kept := _unlisted(pr.proposals, base_text))]
    previous = None
    if mine:
        newest, more = mine[-1], [*notes, *(follows[-1] if follows else [])]
        current = list(_unlisted(newest.proposals, base_text))
        take = _room(current, fresh, lambda ps: fits(_body(ps, cfg, newest, abstracts, more)))
        if current or fresh:
            plans.append(_plan([*current, *fresh[:take]], newest.branch, base_text, cfg, place,
                               newest, abstracts, more))
        fresh, previous = fresh[take:], newest.branch
    used = {pr.branch for pr in memory.pull_requests if pr.state == "open"}
    while fresh:
        branch = mem.free_rolling_branch(memory, prc, taken=used)
        more = [*notes, _continues(previous)] if previous else notes
        take = max(1, _room([], fresh, partial(_fits_new, cfg=cfg, abstracts=abstracts,
                                                notes=more)))
        plans.append(_plan(fresh[:take], branch, base_text, cfg, place, None, abstracts, more))
        fresh, previous = fresh[take:], branch
        used.add(branch)
    return tuple(plans)


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


def overflow(plans: Sequence[PullRequestPlan], memory: Memory, cfg: Config) -> tuple[str, ...]:
    """The run's note when new papers went to a continuation PR because a body was full."""
    prc = cfg.pull_request
    new = [p for p in plans if p.number is None]
    if prc.mode != "rolling" or not new:
        return ()
    full = mem.open_rolling_pr(memory, prc)
    if full is None and len(new) == 1:
        return ()
    count = sum(len(p.proposals) for p in (new if full else new[1:]))
    where = ", ".join(p.branch for p in (new if full else new[1:]))
    first = f"PR #{full.number}" if full else f"the pull request of branch {new[0].branch}"
    return (f"{first} is full (GitHub allows {GITHUB_BODY_LIMIT:,} characters in a pull request"
            f" description): {count} paper(s) go to a continuation pull request ({where})",)
