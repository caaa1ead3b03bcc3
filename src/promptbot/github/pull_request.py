"""The bot's pull requests as plans: which to open or update, each rebuilt on the base text.

Their title, body and marker are written and read in promptbot.github.pull_request_text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from promptbot.config import Config, PullRequestConfig
from promptbot.github import memory as mem
from promptbot.github.pull_request_text import read_abstracts, render_body, render_title
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
    fresh = sorted((p for p in _fresh(new, memory, base_text)  # the best papers take the slots
                    if mem.paper_branch(p.arxiv_id, prc) not in used), key=lambda p: -p.score)
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
