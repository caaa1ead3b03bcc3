"""The bot branch, written through GitHub's git data API (with forge and client, imports `github`).

A new catalog becomes one commit built on the base commit the run planned on (tree, then commit),
and the branch ref moves once, straight from its old commit to the new one. The branch never
points at the base itself: GitHub closes a pull request whose head is contained in its base, and
a crash between two ref moves would leave it so.

The ref move is a compare-and-swap: a fast-forward is sent with force=false, so GitHub refuses it
if anyone moved the branch meanwhile; a rebuild on a newer base re-reads the ref right before the
forced update. Either mismatch raises PullRequestChanged ("another run changed the PR; run
again"), and the pipeline plans again on what it then reads; nothing is overwritten blindly.
"""

from __future__ import annotations

from dataclasses import dataclass

from github import GithubException, InputGitAuthor, InputGitTreeElement
from github.GitCommit import GitCommit
from github.Repository import Repository

from promptbot.errors import PullRequestChanged

CHANGED = "another run changed the pull request {what} while promptbot ran; run again"


@dataclass(frozen=True)
class BranchState:
    """What the run knows of a bot branch: its head commit and the base commit it was built on."""

    head: str | None  # None: the branch does not exist
    built_on: str | None = None  # the parent of the branch's first own commit, if known


def branch_head(repo: Repository, branch: str) -> str | None:
    """The commit a branch points at, or None when there is no such branch."""
    try:
        return repo.get_git_ref(f"heads/{branch}").object.sha
    except GithubException as exc:
        if exc.status == 404:
            return None
        raise


def write_catalog(repo: Repository, *, branch: str, base: str, state: BranchState, path: str,
                  text: str, message: str, who: InputGitAuthor) -> tuple[str, int]:
    """Commit `text` at `path` on top of `base` and move `branch` there; (new head, writes)."""
    base_commit = repo.get_git_commit(base)
    tree = repo.create_git_tree([InputGitTreeElement(path, "100644", "blob", content=text)],
                                base_tree=base_commit.tree)
    fast_forward = state.head is not None and state.built_on == base
    parent: GitCommit = repo.get_git_commit(state.head) if fast_forward and state.head else \
        base_commit
    commit = repo.create_git_commit(message, tree, [parent], author=who, committer=who)
    _move(repo, branch, commit.sha, state.head, fast_forward=fast_forward)
    return commit.sha, 3


def _move(repo: Repository, branch: str, sha: str, expected: str | None, *,
          fast_forward: bool) -> None:
    """Point `branch` at `sha` if it still points at `expected` (None: it must not exist)."""
    what = f"branch {branch}"
    if expected is None:
        try:
            repo.create_git_ref(f"refs/heads/{branch}", sha)
        except GithubException as exc:
            if exc.status == 422:  # "Reference already exists": someone created it meanwhile
                raise PullRequestChanged(CHANGED.format(what=what)) from None
            raise
        return
    ref = repo.get_git_ref(f"heads/{branch}")  # re-read right before the update
    if ref.object.sha != expected:
        raise PullRequestChanged(CHANGED.format(what=what))
    try:
        ref.edit(sha, force=not fast_forward)
    except GithubException as exc:
        if exc.status == 422:  # "Update is not a fast forward": it moved after the re-read
            raise PullRequestChanged(CHANGED.format(what=what)) from None
        raise
