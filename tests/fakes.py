"""In-memory fakes of the ports (Source, Forge), held to the real interfaces by the type checker."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from promptbot.errors import SourceError
from promptbot.github.pull_request_text import read_proposals, read_updates
from promptbot.models import BotPullRequest, Harvest, Memory, Paper, PullRequestPlan, Window
from promptbot.ports import Applied, CatalogFile, Forge, Source


@dataclass
class FakeSource:
    """Hands out fixed papers, or fails like arXiv does."""

    papers: tuple[Paper, ...] = ()
    name: str = "fake"
    error: str | None = None
    windows: list[Window | None] = field(default_factory=list)

    def fetch(self, window: Window | None) -> Harvest:
        """The fixed papers (or a SourceError), remembering the window asked for."""
        self.windows.append(window)
        if self.error:
            raise SourceError(self.error)
        return Harvest(papers=self.papers, requests=1)


@dataclass
class FakeForge:
    """A catalog and the bot's pull requests in memory; apply writes only what differs."""

    text: str
    pulls: list[BotPullRequest] = field(default_factory=list)
    branches: dict[str, str] = field(default_factory=dict)
    writes: int = 0

    def read_catalog(self) -> CatalogFile:
        """The base catalog."""
        return CatalogFile(text=self.text, sha="base")

    def read_memory(self) -> Memory:
        """Every bot pull request so far."""
        return Memory(pull_requests=tuple(self.pulls))

    def apply(self, plan: PullRequestPlan) -> Applied:
        """Open or update the pull request the plan names, counting writes."""
        existing = next((p for p in self.pulls if p.number == plan.number), None)
        if existing and self.branches.get(plan.branch) == plan.new_text and (
            existing.title, existing.body) == (plan.title, plan.body):
            return Applied(number=existing.number, url="", action="unchanged")
        self.writes += 1
        self.branches[plan.branch] = plan.new_text
        pr = BotPullRequest(
            number=existing.number if existing else len(self.pulls) + 1,
            state="open",
            branch=plan.branch,
            title=plan.title,
            body=plan.body,
            proposals=read_proposals(plan.body),
            updates=read_updates(plan.body),
        )
        if existing:
            self.pulls[self.pulls.index(existing)] = pr
            return Applied(number=pr.number, url="", action="updated", writes=1)
        self.pulls.append(pr)
        return Applied(number=pr.number, url="", action="opened", writes=1)

    def close(self, number: int, *, merged: bool = False) -> None:
        """What a maintainer does on GitHub: close (or merge) a pull request."""
        for i, pr in enumerate(self.pulls):
            if pr.number == number:
                self.pulls[i] = replace(pr, state="merged" if merged else "closed")
                if merged:
                    self.text = self.branches[pr.branch]


def _typecheck(source: FakeSource, forge: FakeForge) -> tuple[Source, Forge]:
    return source, forge
