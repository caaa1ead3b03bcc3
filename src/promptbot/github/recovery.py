"""Papers on a bot branch that its PR's memory lacks: put back into the memory, never lost.

The branch moves by compare-and-swap but a PR description cannot: when two runs overlap, one can
overwrite the other's description after the other's papers reached the branch. The branch then
holds entries no memory records; each is read back (its line, section and title) and kept.
"""

from __future__ import annotations

from dataclasses import replace

from promptbot.catalog import parse
from promptbot.github.memory import touchable
from promptbot.github.pull_request import listed
from promptbot.models import BotPullRequest, Memory, Proposal

RECOVERED = "found on the bot branch (written by an overlapping run)"


def branch_papers(pr: BotPullRequest, base_text: str) -> tuple[Proposal, ...]:
    """One-line entries on the PR's branch whose paper is neither in the base nor in the memory."""
    if not pr.branch_text or pr.branch_text == base_text:
        return ()
    known = {p.arxiv_id for p in pr.proposals}
    found = []
    for section in parse(pr.branch_text).sections:
        for entry in section.entries:
            ids = [i for i in entry.arxiv_ids if i not in known and not listed(i, base_text)]
            if entry.line == entry.end_line and ids:
                known.add(ids[0])
                found.append(Proposal(ids[0], section.heading, entry.raw.rstrip("\r\n"),
                                      title=entry.title, why=RECOVERED))
    return tuple(found)


def recover_branch_papers(memory: Memory, base_text: str) -> Memory:
    """Memory where every PR the bot rebuilds also records the papers its branch holds."""
    def recovered(pr: BotPullRequest) -> BotPullRequest:
        extra = branch_papers(pr, base_text) if touchable(pr) else ()
        return replace(pr, proposals=(*pr.proposals, *extra)) if extra else pr
    prs = tuple(recovered(pr) for pr in memory.pull_requests)
    return memory if prs == memory.pull_requests else replace(memory, pull_requests=prs)
