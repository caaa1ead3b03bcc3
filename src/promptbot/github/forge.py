"""GitHub as the forge (with client, branch and decorations, the only modules importing `github`).

`LocalFileForge` (a local file, for offline runs) lives in github.local and is re-exported here.
How the bot branch is written is in github.branch; labels, reviewers and assignees in
github.decorations; how errors read, in github.client.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager

from github import GithubException, InputGitAuthor
from github.ContentFile import ContentFile
from github.PullRequest import PullRequest

from promptbot.config import Config
from promptbot.errors import (
    BaseMoved,
    ForgeError,
    PullRequestChanged,
    PullRequestClosed,
    UsageError,
)
from promptbot.github.branch import CHANGED, BranchState, branch_head, write_catalog
from promptbot.github.client import error_text, github_client, translated
from promptbot.github.decorations import Decorations
from promptbot.github.local import LocalFileForge, catalog_text
from promptbot.github.pull_request_text import read_proposals, read_updates
from promptbot.models import BotPullRequest, Memory, Proposal, PullRequestPlan
from promptbot.ports import Applied, CatalogFile

__all__ = ["BaseMoved", "GitHubForge", "LocalFileForge", "PullRequestChanged", "token_from_env"]

TOKEN_VARIABLES = ("PROMPTBOT_TOKEN", "GITHUB_TOKEN")


def token_from_env(environ: Mapping[str, str]) -> str | None:
    """The GitHub token: $PROMPTBOT_TOKEN, then $GITHUB_TOKEN (never printed or logged)."""
    return next((environ[k].strip() for k in TOKEN_VARIABLES if environ.get(k, "").strip()), None)


class GitHubForge:
    """The catalog file and the bot's pull requests in one GitHub (or GitHub Enterprise) repo."""

    def __init__(self, cfg: Config, token: str | None, *,
                 sleep: Callable[[float], None] = time.sleep, paced: bool = True) -> None:
        self._cfg = cfg
        self._token = token
        self._github = github_client(cfg.github, token, sleep=sleep, paced=paced)
        self._repo = self._github.get_repo(cfg.catalog.repo)
        self._base_sha: str | None = None  # the base commit the catalog was read from
        self._pulls: dict[int, PullRequest] = {}  # the open bot PRs as the run read them
        self._built_on: dict[int, str] = {}  # open PR -> base commit its branch was built on
        self._texts: dict[int, str | None] = {}  # open PR -> the catalog on its branch, as read
        self._people = Decorations(self._repo, cfg.pull_request)  # labels, reviewers, assignees

    # -- errors ---------------------------------------------------------------------------------
    def _doing(self, what: str) -> AbstractContextManager[None]:
        """Translate library errors, once, into ForgeError naming what was being done."""
        return translated(self._cfg.github, self._token, what)

    def require_write_access(self) -> None:
        """Refuse a real run without a token, before anything is fetched (a usage error)."""
        if not self._token:
            raise UsageError("GitHub: a real run needs a token: set PROMPTBOT_TOKEN (or"
                             " GITHUB_TOKEN in GitHub Actions), or use --dry-run")

    # -- reading --------------------------------------------------------------------------------
    def read_catalog(self) -> CatalogFile:
        """The catalog on the base branch: its text (bytes kept, CRLF too) and blob sha.

        Read at the branch's commit, which the run remembers: its pull request is built on it.
        """
        c = self._cfg.catalog
        what = f"reading {c.repo}:{c.path}@{c.branch}"
        with self._doing(what):
            base = branch_head(self._repo, c.branch)
        if base is None:
            raise ForgeError(f"GitHub: 404 Not Found {what} (no branch {c.branch})")
        text, sha = self._read_file(base, what)
        if text is None:
            raise ForgeError(f"GitHub: 404 Not Found {what}"
                             " (check [catalog].repo, .path and .branch)")
        self._base_sha = base
        return CatalogFile(text=text, sha=sha, path=c.path)

    def _read_file(self, ref: str, what: str) -> tuple[str | None, str]:
        with self._doing(what):
            try:
                content = self._repo.get_contents(self._cfg.catalog.path, ref=ref)
            except GithubException as exc:
                if exc.status == 404:
                    return None, ""
                raise
            if isinstance(content, list):
                raise ForgeError(f"GitHub: {what}: {self._cfg.catalog.path} is a directory")
            raw = self._decoded(content)
        return catalog_text(raw, what), content.sha

    def _decoded(self, content: ContentFile) -> bytes:
        if content.encoding == "base64":
            return content.decoded_content
        # Files over 1 MB come without content; the blob API still has them.
        return base64.b64decode(self._repo.get_git_blob(content.sha).content)

    def read_memory(self) -> Memory:
        """The bot's pull requests, open and closed, with what each proposed and who pushed."""
        with self._doing(f"listing the pull requests of {self._cfg.catalog.repo}"):
            read = ((p, read_proposals(p.body or "")) for p in self._repo.get_pulls(
                state="all", sort="created", direction="desc"))
            mine = [(p, proposals) for p, proposals in read if self._is_bot(p, proposals)]
            prs = tuple(self._bot_pr(p, proposals) for p, proposals in mine)
        self._pulls = {p.number: p for p, _ in mine if p.state == "open"}
        self._people.labels_made |= {label.name.lower() for p, _ in mine for label in p.labels}
        return Memory(pull_requests=prs)

    def _is_bot(self, pull: PullRequest, proposals: tuple[Proposal, ...]) -> bool:
        prc = self._cfg.pull_request
        head_repo = pull.head.repo.full_name.lower() if pull.head.repo else ""
        if head_repo == self._cfg.catalog.repo.lower() and pull.head.ref.startswith(
                prc.branch_prefix):
            return True
        labels = {label.name.lower() for label in pull.labels}
        return bool(labels & {n.lower() for n in prc.labels}) and bool(proposals)

    def _bot_pr(self, pull: PullRequest, proposals: tuple[Proposal, ...]) -> BotPullRequest:
        state = "merged" if pull.merged_at is not None else pull.state
        foreign = state == "open" and self._foreign(pull)
        # The branch's catalog of a PR the bot may rebuild: read once, for planning and apply.
        text = self._branch_text(pull) if state == "open" and not foreign else None
        return BotPullRequest(
            number=pull.number, state=state, branch=pull.head.ref, title=pull.title,
            body=pull.body or "", proposals=proposals, url=pull.html_url,
            foreign_commits=foreign, branch_text=text, updates=read_updates(pull.body or ""),
        )

    def _branch_text(self, pull: PullRequest) -> str | None:
        if pull.number not in self._texts:
            self._texts[pull.number] = self._read_file(
                pull.head.sha, f"reading {self._cfg.catalog.repo}:{self._cfg.catalog.path}"
                f"@{pull.head.ref}")[0]
        return self._texts[pull.number]

    def _foreign(self, pull: PullRequest) -> bool:
        """Whether a commit on the PR was authored or committed by anyone but promptbot."""
        bot = self._cfg.pull_request.committer_email.lower()
        for i, commit in enumerate(pull.get_commits()):
            if i == 0 and commit.parents:
                self._built_on[pull.number] = commit.parents[0].sha
            people = (commit.commit.author, commit.commit.committer)
            if any(p is None or (p.email or "").lower() != bot for p in people):
                return True
        return False

    # -- writing --------------------------------------------------------------------------------
    def apply(self, plan: PullRequestPlan) -> Applied:
        """Make one PR match `plan`; writes nothing when it already does (see README: races)."""
        self.require_write_access()
        with self._doing(f"updating {self._cfg.catalog.repo}:{plan.branch}"):
            if plan.number is None:
                return self._open_new(plan)
            return self._update(plan.number, plan)

    def _update(self, number: int, plan: PullRequestPlan) -> Applied:
        listed = self._pulls.get(number) or self._reread(number)
        text = self._branch_text(listed)
        same_pr = _same(listed.title, plan.title) and _same(listed.body, plan.body)
        if same_pr and text == plan.new_text and not self._people.lacking(listed, plan):
            return Applied(number, listed.html_url, "unchanged", 0)
        pull = self._reread(number)  # right before the first write
        before = pull.body or ""
        if pull.head.sha != listed.head.sha or not _same(before, listed.body):
            raise PullRequestChanged(CHANGED.format(what=f"#{number}"))
        writes, head = 0, pull.head.sha
        if not same_pr:
            # The body is the memory: record the papers before touching the branch.
            pull.edit(title=plan.title, body=plan.body)
            writes += 1
        if text != plan.new_text:
            head, made = self._write_branch(plan, BranchState(head, self._built_on.get(number)))
            writes += made
        writes += self._people.repair(pull, plan)
        if writes:
            self._verify(number, plan, head, None if same_pr else before)
        return Applied(number, pull.html_url, "updated" if writes else "unchanged", writes)

    def _open_new(self, plan: PullRequestPlan) -> Applied:
        state = BranchState(branch_head(self._repo, plan.branch))
        head, writes = self._write_branch(plan, state)
        pull, opened = self._open(plan)
        writes += opened + self._people.add(pull, plan, set(), set(), set())
        self._verify(pull.number, plan, head, None)
        return Applied(pull.number, pull.html_url, "opened", writes)

    def _reread(self, number: int) -> PullRequest:
        """The PR as it is now; a PR closed since the run read it is left alone (re-plan)."""
        pull = self._repo.get_pull(number)
        if pull.state != "open" or pull.merged_at is not None:
            raise PullRequestClosed(f"GitHub: PR #{number} was closed while promptbot ran; it was"
                                    " left as it was and its new papers wait for the next PR")
        return pull

    def _verify(self, number: int, plan: PullRequestPlan, head: str, before: str | None) -> None:
        """Check after writing that the PR is open and holds exactly this run's branch and body."""
        pull = self._repo.get_pull(number)
        if pull.state != "open" or pull.merged_at is not None:
            if before is not None:
                # Closed between the re-read and the edit: give it back the body it was closed
                # with, so the papers this run added do not read as rejected.
                pull.edit(body=before)
            raise PullRequestClosed(f"GitHub: PR #{number} was closed while promptbot ran; it"
                                    " was left as it was and its new papers wait for the next PR")
        # GitHub updates a PR's head a moment after its branch moves: ask the branch itself.
        now = pull.head.sha if pull.head.sha == head else branch_head(self._repo, plan.branch)
        if now != head or not _same(pull.body, plan.body):
            raise PullRequestChanged(CHANGED.format(what=f"#{number}"))

    def _write_branch(self, plan: PullRequestPlan, state: BranchState) -> tuple[str, int]:
        c, prc = self._cfg.catalog, self._cfg.pull_request
        base = branch_head(self._repo, plan.base_branch)
        if base is None or (self._base_sha is not None and base != self._base_sha):
            # Building on the commit the run planned on would leave the PR behind; building on
            # the new one with the old plan would revert the maintainer's change. Plan again.
            raise BaseMoved(f"GitHub: {plan.base_branch} moved while promptbot ran; nothing is"
                            " lost, read and plan again")
        who = InputGitAuthor(prc.committer_name, prc.committer_email)
        return write_catalog(self._repo, branch=plan.branch, base=base, state=state, path=c.path,
                             text=plan.new_text, message=plan.title, who=who)

    def _open(self, plan: PullRequestPlan) -> tuple[PullRequest, int]:
        """Open the PR, or adopt the open one on this branch if it holds nothing we would drop."""
        try:
            pull = self._repo.create_pull(base=plan.base_branch, head=plan.branch,
                                          title=plan.title, body=plan.body,
                                          draft=self._cfg.pull_request.draft)
        except GithubException as exc:
            if exc.status != 422 or "already exists" not in error_text(exc):
                raise
            owner = self._cfg.catalog.repo.split("/")[0]
            found = next(iter(self._repo.get_pulls(state="open", head=f"{owner}:{plan.branch}")),
                         None)
            if found is None:  # closed between GitHub's check and our look: the next run opens
                raise ForgeError(f"GitHub: a pull request from {plan.branch} already exists but"
                                 " none is open now; run again") from None
            pull = found
            theirs = {p.arxiv_id for p in read_proposals(pull.body or "")}
            if not theirs <= {p.arxiv_id for p in plan.proposals}:
                # Opened by a run this one did not see: re-plan with its papers, lose none.
                raise PullRequestChanged(CHANGED.format(what=f"#{pull.number}")) from None
            pull.edit(title=plan.title, body=plan.body)
        return pull, 1


def _same(current: str | None, wanted: str) -> bool:
    # GitHub's web editor stores CRLF; an edit there must not count as a difference.
    return (current or "").replace("\r\n", "\n") == wanted.replace("\r\n", "\n")
