"""What the maintainers' reviews of the bot's pull requests teach the relevance model.

A paper the maintainers merged is a positive; a paper in a pull request they closed unmerged, or
deleted from a bot pull request before merging, is a negative. The memory holds the proposals
(with their titles) of every bot pull request; the rejected ids come from github.memory.rejected.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import dataclass

from promptbot.models import Memory


@dataclass(frozen=True)
class Reviews:
    """Titles of the papers the maintainers took and turned down, for one list."""

    accepted: tuple[str, ...] = ()
    turned_down: tuple[str, ...] = ()


def reviews_of(memory: Memory, rejected: Mapping[str, int] | Container[str],
               titles: Mapping[str, str] | None = None) -> Reviews:
    """Accepted: proposals of merged PRs not rejected; turned down: the rejected ids. A title
    comes from the proposal, else from `titles` (the abstract cache); papers with none are left
    out."""
    known = titles or {}
    accepted: dict[str, str] = {}
    turned_down: dict[str, str] = {}
    for pr in memory.pull_requests:
        for proposal in pr.proposals:
            title = proposal.title or known.get(proposal.arxiv_id, "")
            if not title:
                continue
            if proposal.arxiv_id in rejected:
                turned_down.setdefault(proposal.arxiv_id, title)
            elif pr.state == "merged":
                accepted.setdefault(proposal.arxiv_id, title)
    return Reviews(tuple(accepted.values()), tuple(turned_down.values()))
