"""GitHub as the forge (with forge_client, the only modules importing `github`).

`LocalFileForge` (a local file, for offline runs) lives in forge_local and is re-exported here.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

import requests
from github import GithubException, InputGitAuthor
from github.ContentFile import ContentFile
from github.GithubException import RateLimitExceededExceedsMaxWait
from github.PullRequest import PullRequest

from promptbot.config import Config
from promptbot.errors import BaseMoved, ForgeError, UsageError
from promptbot.github.client import describe, error_text, github_client
from promptbot.github.local import LocalFileForge, catalog_text
from promptbot.github.pull_request_text import read_proposals
from promptbot.models import BotPullRequest, Memory, Proposal, PullRequestPlan
from promptbot.ports import Applied, CatalogFile

__all__ = ["BaseMoved", "GitHubForge", "LocalFileForge", "token_from_env"]

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
        self._catalog_sha: str | None = None
        self._pulls: dict[int, PullRequest] = {}
        self._labels_made: set[str] = set()  # labels known to exist in the repository

    # -- errors ---------------------------------------------------------------------------------
    @contextmanager
    def _doing(self, what: str) -> Iterator[None]:
        """Translate library errors, once, into ForgeError naming what was being done."""
        try:
            yield
        except RateLimitExceededExceedsMaxWait as exc:
            raise ForgeError(
                f"GitHub: rate limit while {what}: the limit resets in {exc.wait or 0:.0f} s, more"
                f" than [github].max_rate_limit_wait_seconds = "
                f"{self._cfg.github.max_rate_limit_wait_seconds}; run again later") from None
        except GithubException as exc:
            said = self._redacted(describe(exc))
            raise ForgeError(f"GitHub: {said} {what}{self._hint(exc)}") from None
        except requests.RequestException as exc:
            raise ForgeError(f"GitHub: cannot reach {self._cfg.github.api_url} while {what}"
                             f" ({type(exc).__name__})") from None
        except RuntimeError as exc:
            # PyGithub refuses a redirect to another scheme or host with a bare RuntimeError.
            if "redirected" not in str(exc):
                raise
            raise ForgeError(f"GitHub: {self._cfg.github.api_url} redirected elsewhere while"
                             f" {what}; check [github].api_url") from None

    def _redacted(self, text: str) -> str:
        # The error body is the server's text: a proxy may quote the request's headers in it.
        return text.replace(self._token, "***") if self._token else text

    def _hint(self, exc: GithubException) -> str:
        if exc.status == 404 and not self._token:
            return " (a private repository needs a token: set PROMPTBOT_TOKEN)"
        if exc.status in (401, 403) and "rate limit" not in error_text(exc):
            return " (is the token valid and allowed to write to the repository?)"
        return ""

    def require_write_access(self) -> None:
        """Refuse a real run without a token, before anything is fetched (a usage error)."""
        if not self._token:
            raise UsageError("GitHub: a real run needs a token: set PROMPTBOT_TOKEN (or"
                             " GITHUB_TOKEN in GitHub Actions), or use --dry-run")

    # -- reading --------------------------------------------------------------------------------
    def read_catalog(self) -> CatalogFile:
        """The catalog on the base branch: its text (bytes kept, CRLF too) and blob sha."""
        c = self._cfg.catalog
        text, sha = self._read_file(c.branch, f"reading {c.repo}:{c.path}@{c.branch}")
        if text is None:
            raise ForgeError(f"GitHub: 404 Not Found reading {c.repo}:{c.path}@{c.branch}"
                             " (check [catalog].repo, .path and .branch)")
        self._catalog_sha = sha
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
        self._pulls = {p.number: p for p, _ in mine}
        self._labels_made |= {label.name.lower() for p, _ in mine for label in p.labels}
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
        return BotPullRequest(
            number=pull.number, state=state, branch=pull.head.ref, title=pull.title,
            body=pull.body or "", proposals=proposals, url=pull.html_url,
            foreign_commits=state == "open" and self._foreign(pull),
        )

    def _foreign(self, pull: PullRequest) -> bool:
        """Whether a commit on the PR was authored or committed by anyone but promptbot."""
        bot = self._cfg.pull_request.committer_email.lower()
        for commit in pull.get_commits():
            people = (commit.commit.author, commit.commit.committer)
            if any(p is None or (p.email or "").lower() != bot for p in people):
                return True
        return False

    # -- writing --------------------------------------------------------------------------------
    def apply(self, plan: PullRequestPlan) -> Applied:
        """Make one PR match `plan`; writes nothing when branch, title and body already match."""
        self.require_write_access()
        with self._doing(f"updating {self._cfg.catalog.repo}:{plan.branch}"):
            pull = self._known_pull(plan)
            text = None if pull is None else self._read_file(
                plan.branch, f"reading {self._cfg.catalog.repo}:{self._cfg.catalog.path}"
                f"@{plan.branch}")[0]
            same_pr = pull is not None and _same(pull.title, plan.title) and _same(
                pull.body, plan.body)
            if pull is not None and same_pr and text == plan.new_text:
                return Applied(pull.number, pull.html_url, "unchanged", 0)
            writes = 0
            if pull is not None and not same_pr:
                # The body is the memory: record the papers before touching the branch.
                pull.edit(title=plan.title, body=plan.body)
                writes += 1
            if text != plan.new_text:
                writes += self._write_branch(plan)
            action = "updated"
            if pull is None:
                pull, opened = self._open(plan)
                writes, action = writes + opened, "opened"
            writes += self._label(pull, plan)
        return Applied(pull.number, pull.html_url, action, writes)

    def _known_pull(self, plan: PullRequestPlan) -> PullRequest | None:
        if plan.number is None:
            return None
        pull = self._pulls.get(plan.number) or self._repo.get_pull(plan.number)
        if pull.state != "open" or pull.merged_at is not None:
            raise ForgeError(f"GitHub: PR #{plan.number} was closed while promptbot ran;"
                             " nothing was changed, run again")
        return pull

    def _write_branch(self, plan: PullRequestPlan) -> int:
        """Point the bot branch at the base head, then commit the new catalog on it."""
        c, prc = self._cfg.catalog, self._cfg.pull_request
        base = self._repo.get_git_ref(f"heads/{plan.base_branch}").object.sha
        writes = self._point(plan.branch, base)
        blob = self._catalog_sha or self._read_file(base, f"reading {c.repo}:{c.path}@{base}")[1]
        who = InputGitAuthor(prc.committer_name, prc.committer_email)
        try:
            self._repo.update_file(c.path, plan.title, plan.new_text, blob, branch=plan.branch,
                                   committer=who, author=who)
        except GithubException as exc:
            if exc.status in (409, 422) and "match" in error_text(exc):
                raise BaseMoved(f"GitHub: {c.path} changed on {plan.base_branch} while promptbot"
                                " ran; nothing is lost, read and plan again") from None
            raise
        return writes + 1

    def _point(self, branch: str, sha: str) -> int:
        """Create the branch at `sha`, or force-move it there; returns the writes made."""
        ref = self._repo.get_git_ref(f"heads/{branch}")
        try:
            # Loading the ref also gives it its canonical (git/refs/…) URL for the update.
            current = ref.object.sha
        except GithubException as exc:
            if exc.status != 404:
                raise
            self._repo.create_git_ref(f"refs/heads/{branch}", sha)
            return 1
        if current == sha:
            return 0
        ref.edit(sha, force=True)
        return 1

    def _open(self, plan: PullRequestPlan) -> tuple[PullRequest, int]:
        """Open the PR, or adopt the open one a crashed run left on this branch."""
        prc = self._cfg.pull_request
        try:
            pull = self._repo.create_pull(base=plan.base_branch, head=plan.branch,
                                          title=plan.title, body=plan.body, draft=prc.draft)
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
            pull.edit(title=plan.title, body=plan.body)
            return pull, 1
        writes = 1
        if prc.reviewers:
            pull.create_review_request(reviewers=list(prc.reviewers))
            writes += 1
        if prc.assignees:
            pull.add_to_assignees(*prc.assignees)
            writes += 1
        return pull, writes

    def _label(self, pull: PullRequest, plan: PullRequestPlan) -> int:
        """Add the labels the PR lacks, creating each with its colour if the repository lacks it."""
        have = {label.name.lower() for label in pull.labels}
        missing = [name for name in plan.labels if name.lower() not in have]
        writes = 0
        for name in missing:
            if name.lower() in self._labels_made:
                continue
            try:
                writes += 1
                self._repo.create_label(name, self._cfg.pull_request.label_color)
            except GithubException as exc:
                if exc.status != 422:
                    raise
            self._labels_made.add(name.lower())
        if missing:
            pull.add_to_labels(*missing)
        return writes + 1 if missing else 0


def _same(current: str | None, wanted: str) -> bool:
    # GitHub's web editor stores CRLF; an edit there must not count as a difference.
    return (current or "").replace("\r\n", "\n") == wanted.replace("\r\n", "\n")
