"""What the bot's own pull requests mean: pending papers, rejected papers, the PR it may touch."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Protocol

from promptbot.catalog import is_arxiv_id
from promptbot.config import PullRequestConfig
from promptbot.models import BotPullRequest, Memory


class ArxivIndex(Protocol):
    """Anything that answers whether an arXiv id is listed (promptbot.catalog.CatalogIndex)."""

    def by_arxiv_id(self, arxiv_id: str) -> object | None:
        """The catalog entry listing `arxiv_id`, or None."""
        ...


def pending(memory: Memory) -> dict[str, int]:
    """arXiv ids proposed in open bot pull requests -> the number of the (oldest) such PR."""
    out: dict[str, int] = {}
    for pr in sorted(memory.pull_requests, key=lambda p: p.number):
        if pr.state == "open":
            for proposal in pr.proposals:
                out.setdefault(proposal.arxiv_id, pr.number)
    return out


def rejected(memory: Memory, catalog_index: ArxivIndex) -> dict[str, int]:
    """Ids the maintainers turned down -> PR number: closed unmerged, or merged then deleted."""
    out: dict[str, int] = {}
    for pr in sorted(memory.pull_requests, key=lambda p: p.number):
        for proposal in pr.proposals:
            if pr.state == "closed" or (
                pr.state == "merged" and catalog_index.by_arxiv_id(proposal.arxiv_id) is None
            ):
                out.setdefault(proposal.arxiv_id, pr.number)
        # An updated entry deleted before merging took the paper off the list: a rejection.
        for update in pr.updates if pr.state == "merged" else ():
            if catalog_index.by_arxiv_id(update.arxiv_id) is None:
                out.setdefault(update.arxiv_id, pr.number)
    return out


def touchable(pr: BotPullRequest) -> bool:
    """Whether the bot may still edit this PR: open, only its own commits, its marker readable."""
    # A PR whose marker a person broke has no proposals: rebuilding it would drop its papers.
    return pr.state == "open" and not pr.foreign_commits and (
        bool(pr.proposals) or bool(pr.updates))


def is_rolling_branch(branch: str, cfg: PullRequestConfig) -> bool:
    """Whether `branch` is the rolling branch or one of its numbered successors (`…-2`)."""
    return branch == cfg.branch or re.fullmatch(re.escape(cfg.branch) + r"-\d+", branch) is not None


def paper_branch(arxiv_id: str, cfg: PullRequestConfig) -> str:
    """The per-paper branch of one arXiv id (old-style `cs/0601001` becomes `cs-0601001`).

    An id is paper text too: anything but letters, digits, `.` and `-` becomes `-`, so a branch
    name never carries a reference, a mention, a control character or a git-invalid sequence.
    """
    safe = re.sub(r"[^A-Za-z0-9.-]+", "-", arxiv_id).strip(".-")
    return f"{cfg.branch_prefix}{re.sub(r'[.]{2,}', '.', safe) or 'paper'}"


def is_paper_branch(branch: str, cfg: PullRequestConfig) -> bool:
    """Whether `branch` is a per-paper bot branch."""
    if not branch.startswith(cfg.branch_prefix) or is_rolling_branch(branch, cfg):
        return False
    # paper_branch wrote an old-style id's "/" as "-": put it back before asking.
    suffix = branch[len(cfg.branch_prefix):]
    archive, dash, number = suffix.rpartition("-")
    return is_arxiv_id(suffix) or (bool(dash) and is_arxiv_id(f"{archive}/{number}"))


def open_rolling_pr(memory: Memory, cfg: PullRequestConfig) -> BotPullRequest | None:
    """The newest open rolling PR the bot may still touch (none if every one is hands-off)."""
    candidates = [
        pr for pr in memory.pull_requests if is_rolling_branch(pr.branch, cfg) and touchable(pr)
    ]
    return max(candidates, key=lambda p: p.number, default=None)


def hands_off(memory: Memory, cfg: PullRequestConfig) -> tuple[BotPullRequest, ...]:
    """Open rolling PRs the bot must leave alone (a person pushed to them or broke the marker)."""
    return tuple(
        pr
        for pr in sorted(memory.pull_requests, key=lambda p: p.number)
        if pr.state == "open" and is_rolling_branch(pr.branch, cfg) and not touchable(pr)
    )


def free_rolling_branch(memory: Memory, cfg: PullRequestConfig, *,
                        taken: Collection[str] = ()) -> str:
    """The rolling branch if no open PR uses it, else the lowest free `{branch}-N` (N >= 2)."""
    used = {pr.branch for pr in memory.pull_requests if pr.state == "open"} | set(taken)
    if cfg.branch not in used:
        return cfg.branch
    n = 2
    while f"{cfg.branch}-{n}" in used:
        n += 1
    return f"{cfg.branch}-{n}"


def declined_updates(memory: Memory) -> set[tuple[str, int]]:
    """(arXiv id, version) of updates the maintainers turned down: in a PR closed unmerged, or
    merged with that line reverted (an applied update leaves nothing to propose again, so any
    update of a finished PR that comes back was turned down)."""
    return {(u.arxiv_id, u.version) for pr in memory.pull_requests if pr.state != "open"
            for u in pr.updates}
