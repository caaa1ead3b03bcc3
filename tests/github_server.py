"""A stateful fake of GitHub's REST API on 127.0.0.1, for the real `github.Github(base_url=…)`.

Use it as a context manager (or the `github_server` fixture in tests/test_forge.py):

    with FakeGitHub("BWLONG/Awesome-Prompt-Learning-CV", {"README.md": text}) as gh:
        cfg = Config(github=GithubConfig(api_url=gh.api_url, retries=1), ...)
        forge = GitHubForge(cfg, "token", sleep=fake_sleep, paced=False)
        ...
        gh.requests            # every request: Request(method, path, query, body, status)
        gh.count(writes=True)  # how many POST/PUT/PATCH/DELETE
        gh.push(branch, {path: text}, author="maintainer")   # a person pushes a commit
        gh.merge(number) / gh.close(number)                  # a person merges or closes a PR
        gh.faults.append(Fault(...))                         # the next matching reply is an error
        gh.crash_after_writes = 2   # after two writes, every reply is 503 (a run dying mid-way)
        gh.hooks.append(Hook("PATCH", r"/pulls/1$", lambda: gh.close(1)))  # a person acts
                                    # between the bot's previous request and this one

GitHub's rules are enforced as GitHub does: a body over 65,536 characters is refused (422 "body is
too long"); a ref update without force that is not a fast-forward is refused (422); an open pull
request whose head becomes contained in its base is closed (listed in `gh.auto_closed`).

It models one repository: commits (trees of path -> blob, git blob shas computed as git does),
refs, pull requests (open, closed, merged), labels, issue labels and issue events, and the git
data API (trees, commits). Responses carry GitHub's rate-limit headers and follow the shapes of
GitHub's OpenAPI description (tests/data/github/).
Base paths with or without the GitHub Enterprise prefix `/api/v3` are both served.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

BOT_LOGIN = "promptbot"
NOW = "2026-03-18T12:00:00Z"
BODY_LIMIT = 65_536  # GitHub refuses a pull request body longer than this


@dataclass
class Request:
    """One request the server answered."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    status: int = 0
    response: Any = None  # the JSON sent back
    headers: dict[str, str] = field(default_factory=dict)  # the headers sent back
    injected: bool = False  # a Fault or an injected crash answered, not the model
    authorization: str = ""  # the Authorization header the client sent ("" if none)


@dataclass
class Fault:
    """A reply to give instead of the real one, `times` times, to requests matching method/path."""

    status: int
    method: str = ""  # "" = any
    path: str = ""  # a regex searched in the path; "" = any
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] = field(default_factory=lambda: {"message": "Server Error"})
    times: int = 1


@dataclass
class Hook:
    """Something a person does on github.com just before a matching request is answered."""

    method: str
    path: str  # a regex searched in the path
    action: Callable[[], None]
    times: int = 1


@dataclass
class Commit:
    """A commit of the fake repository."""

    sha: str
    tree: dict[str, str]  # path -> blob sha
    parents: tuple[str, ...]
    message: str
    author: tuple[str, str]  # (name, email)
    committer: tuple[str, str]
    login: str | None = None  # the GitHub user of the author, if any


@dataclass
class Pull:
    """A pull request of the fake repository."""

    number: int
    title: str
    body: str | None
    head: str
    base: str
    state: str = "open"
    merged: bool = False
    draft: bool = False
    labels: list[str] = field(default_factory=list)
    reviewers: list[str] = field(default_factory=list)
    assignees: list[str] = field(default_factory=list)
    head_sha: str = ""  # frozen once closed
    base_sha: str = ""
    events: list[dict[str, Any]] = field(default_factory=list)  # (un)labeled, (un)assigned, …


def tree_sha(tree: dict[str, str]) -> str:
    """A stable sha for a (flat) tree: the same files give the same sha."""
    return hashlib.sha1(repr(sorted(tree.items())).encode()).hexdigest()


def blob_sha(data: bytes) -> str:
    """The git blob sha of `data` (what the contents API reports as `sha`)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


class FakeGitHub:
    """One repository's worth of GitHub REST API, served on 127.0.0.1 (see the module docstring)."""

    def __init__(self, repo: str, files: dict[str, str], *, branch: str = "main",
                 prefix: str = "/api/v3") -> None:
        self.repo = repo
        self.default_branch = branch
        self.prefix = prefix
        self.blobs: dict[str, bytes] = {}
        self.commits: dict[str, Commit] = {}
        self.refs: dict[str, str] = {}
        self.pulls: dict[int, Pull] = {}
        self.labels: dict[str, tuple[str, str]] = {}  # lower name -> (name, color)
        self.requests: list[Request] = []
        self.faults: list[Fault] = []
        self.hooks: list[Hook] = []
        self.trees: dict[str, dict[str, str]] = {}  # tree sha -> path -> blob sha
        self.auto_closed: list[int] = []  # PRs GitHub closed: head contained in base
        self.crash_after_writes: int | None = None
        self.rate_remaining = 5000
        self._next = 1
        self._lock = threading.RLock()
        root = self._commit({}, files, (), "Initial commit", ("Maintainer", "m@example.org"),
                            login="maintainer")
        self.refs[f"heads/{branch}"] = root
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.api_url = f"http://127.0.0.1:{self._server.server_port}{prefix}"

    # -- lifecycle -------------------------------------------------------------------------------
    def __enter__(self) -> FakeGitHub:
        threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- what a person does on github.com ----------------------------------------------------------
    def push(self, branch: str, files: dict[str, str], *, author: str = "maintainer",
             message: str = "Edit by a person") -> str:
        """A commit by someone else on `branch` (created from the default branch if missing)."""
        with self._lock:
            parent = self.refs.get(f"heads/{branch}") or self.refs[f"heads/{self.default_branch}"]
            who = (author, f"{author}@example.org")
            sha = self._commit(self.commits[parent].tree, files, (parent,), message, who,
                               login=author)
            self.refs[f"heads/{branch}"] = sha
            self.enforce_rules()
            return sha

    def merge(self, number: int) -> None:
        """Merge a pull request: the base branch gets the head branch's tree."""
        with self._lock:
            pull = self.pulls[number]
            head = self.refs[f"heads/{pull.head}"]
            base = self.refs[f"heads/{pull.base}"]
            tree = self.commits[head].tree
            self.refs[f"heads/{pull.base}"] = self._commit_tree(
                tree, (base, head), f"Merge pull request #{number}", ("Maintainer", "m@x.org"),
                login="maintainer")
            pull.state, pull.merged, pull.head_sha = "closed", True, head
            self.enforce_rules()

    def close(self, number: int) -> None:
        """Close a pull request without merging."""
        with self._lock:
            pull = self.pulls[number]
            pull.state, pull.head_sha = "closed", self.refs.get(f"heads/{pull.head}", "")

    def unlabel(self, number: int, name: str, *, actor: str = "maintainer") -> None:
        """A person removes a label from a pull request."""
        with self._lock:
            pull = self.pulls[number]
            pull.labels = [x for x in pull.labels if x.lower() != name.lower()]
            pull.events.append({"event": "unlabeled", "actor": actor, "label": name})

    def unassign(self, number: int, login: str, *, actor: str = "maintainer") -> None:
        """A person removes an assignee from a pull request."""
        with self._lock:
            pull = self.pulls[number]
            pull.assignees = [a for a in pull.assignees if a != login]
            pull.events.append({"event": "unassigned", "actor": actor, "assignee": login})

    def review(self, number: int, login: str) -> None:
        """A requested reviewer reviews: GitHub drops them from the requested reviewers."""
        with self._lock:
            pull = self.pulls[number]
            pull.reviewers = [r for r in pull.reviewers if r != login]

    def enforce_rules(self) -> None:
        """GitHub closes an open pull request whose head is contained in its base."""
        for pull in self.open_pulls():
            head = self.refs.get(f"heads/{pull.head}")
            base = self.refs.get(f"heads/{pull.base}")
            if head and base and head in self._ancestors(base):
                pull.state, pull.head_sha = "closed", head
                self.auto_closed.append(pull.number)

    def seed_commit(self, sha: str, parents: tuple[str, ...] = ()) -> None:
        """A commit with a given sha (the default branch's tree), to replay recorded requests."""
        with self._lock:
            tree = self.commits[self.refs[f"heads/{self.default_branch}"]].tree
            who = ("octokit-fixture-user-a", "a@example.org")
            self.commits[sha] = Commit(sha, dict(tree), parents, "seeded", who, who)

    def file(self, path: str, ref: str | None = None) -> str | None:
        """A file's text on a branch (default branch if None), or None."""
        sha = self._resolve(ref or self.default_branch)
        blob = self.commits[sha].tree.get(path) if sha else None
        return self.blobs[blob].decode("utf-8") if blob else None

    def count(self, *, writes: bool = False, since: int = 0) -> int:
        """Requests answered since index `since`; only writes if asked."""
        reqs = self.requests[since:]
        return sum(1 for r in reqs if not writes or r.method != "GET")

    def open_pulls(self) -> list[Pull]:
        """The open pull requests."""
        return [p for p in self.pulls.values() if p.state == "open"]

    # -- the git model ---------------------------------------------------------------------------
    def _commit(self, tree: dict[str, str], files: dict[str, str], parents: tuple[str, ...],
                message: str, who: tuple[str, str], login: str | None = None) -> str:
        new = dict(tree)
        for path, text in files.items():
            data = text.encode("utf-8")
            self.blobs[blob_sha(data)] = data
            new[path] = blob_sha(data)
        return self._commit_tree(new, parents, message, who, who, login)

    def _commit_tree(self, tree: dict[str, str], parents: tuple[str, ...], message: str,
                     author: tuple[str, str], committer: tuple[str, str] | None = None,
                     login: str | None = None) -> str:
        raw = json.dumps([sorted(tree.items()), parents, message, author, len(self.commits)])
        sha = hashlib.sha1(raw.encode()).hexdigest()
        self.trees[tree_sha(tree)] = dict(tree)
        self.commits[sha] = Commit(sha, tree, parents, message, author, committer or author, login)
        return sha

    def _resolve(self, ref: str) -> str | None:
        if ref in self.commits:
            return ref
        return self.refs.get(f"heads/{ref}") or self.refs.get(ref.removeprefix("refs/"))

    def _ancestors(self, sha: str) -> set[str]:
        seen: set[str] = set()
        todo = [sha]
        while todo:
            s = todo.pop()
            if s not in seen:
                seen.add(s)
                todo += self.commits[s].parents
        return seen

    def pull_commits(self, pull: Pull) -> list[Commit]:
        """Commits on the head branch that the base branch does not have, oldest first."""
        head = self.refs.get(f"heads/{pull.head}", pull.head_sha) if pull.state == "open" \
            else pull.head_sha
        if not head:
            return []
        base = self._ancestors(self.refs[f"heads/{pull.base}"])
        mine = [s for s in self._ancestors(head) if s not in base]
        order = {s: i for i, s in enumerate(self.commits)}
        return [self.commits[s] for s in sorted(mine, key=order.__getitem__)]


def _handler(gh: FakeGitHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out as separate writes

        def log_message(self, format: str, *args: Any) -> None:
            return

        def _serve(self) -> None:
            parts = urlsplit(self.path)
            path = unquote(parts.path)
            path = path[len(gh.prefix):] if path.startswith(gh.prefix) else path
            query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            req = Request(self.command, path, query, body,
                          authorization=self.headers.get("Authorization") or "")
            _run_hooks(gh, req)  # outside the lock: a hook may wait for another client
            with gh._lock:
                status, headers, payload, req.injected = _answer(gh, req, route)
                req.status, req.response, req.headers = status, payload, headers
                gh.requests.append(req)
            data = b"" if payload is None else json.dumps(payload).encode()
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

    return Handler


Route = Callable[[FakeGitHub, Request], tuple[int, Any, dict[str, str]]]


def _run_hooks(gh: FakeGitHub, req: Request) -> None:
    with gh._lock:
        due = [h for h in gh.hooks if h.times > 0 and h.method in ("", req.method)
               and re.search(h.path, req.path)]
        for hook in due:
            hook.times -= 1
    for hook in due:
        hook.action()


def _answer(gh: FakeGitHub, req: Request, route: Route) -> tuple[int, dict[str, str], Any, bool]:
    gh.rate_remaining = max(gh.rate_remaining - 1, 0)
    headers = {
        "X-RateLimit-Limit": "5000",
        "X-RateLimit-Remaining": str(gh.rate_remaining),
        "X-RateLimit-Reset": str(int(time.time()) + 3600),
        "X-RateLimit-Used": str(5000 - gh.rate_remaining),
        "X-RateLimit-Resource": "core",
    }
    writes = sum(1 for r in gh.requests if r.method != "GET" and r.status < 400)
    if gh.crash_after_writes is not None and writes >= gh.crash_after_writes:
        return 503, headers, {"message": "Service Unavailable (injected crash)"}, True
    for fault in gh.faults:
        if fault.times > 0 and fault.method in ("", req.method) and re.search(fault.path, req.path):
            fault.times -= 1
            return fault.status, {**headers, **fault.headers}, fault.body, True
    status, payload, extra = route(gh, req)
    if req.method != "GET" and status < 400:
        gh.enforce_rules()
    return status, {**headers, **extra}, payload, False


def b64(data: bytes) -> str:
    """Base64 with a newline every 60 characters, as the contents API sends it."""
    text = base64.b64encode(data).decode()
    return "".join(text[i:i + 60] + "\n" for i in range(0, len(text), 60))


# -- JSON shapes (GitHub's OpenAPI schemas: simple-user, repository, git-ref, pull-request, …) ----
def _user(gh: FakeGitHub, login: str) -> dict[str, Any]:
    base = gh.api_url.rsplit("/api/v3", 1)[0]
    u = f"{gh.api_url}/users/{login}"
    return {
        "login": login, "id": zlib.crc32(login.encode()) % 10**6, "node_id": f"U_{login}",
        "avatar_url": f"{base}/avatars/{login}", "gravatar_id": "", "url": u,
        "html_url": f"{base}/{login}", "followers_url": f"{u}/followers",
        "following_url": f"{u}/following{{/other_user}}", "gists_url": f"{u}/gists{{/gist_id}}",
        "starred_url": f"{u}/starred{{/owner}}{{/repo}}", "subscriptions_url": f"{u}/subscriptions",
        "organizations_url": f"{u}/orgs", "repos_url": f"{u}/repos",
        "events_url": f"{u}/events{{/privacy}}", "received_events_url": f"{u}/received_events",
        "type": "Bot" if login == BOT_LOGIN else "User", "site_admin": False,
    }


_REPO_URLS = (  # noqa: SIM905 (one string reads better than 36 quoted names)
    "archive_url assignees_url blobs_url branches_url collaborators_url comments_url commits_url"
    " compare_url contents_url contributors_url deployments_url downloads_url events_url"
    " forks_url git_commits_url git_refs_url git_tags_url hooks_url issue_comment_url"
    " issue_events_url issues_url keys_url labels_url languages_url merges_url milestones_url"
    " notifications_url pulls_url releases_url stargazers_url statuses_url subscribers_url"
    " subscription_url tags_url teams_url trees_url"
).split()


def _repo(gh: FakeGitHub) -> dict[str, Any]:
    url = f"{gh.api_url}/repos/{gh.repo}"
    owner, name = gh.repo.split("/")
    data: dict[str, Any] = {k: f"{url}/{k.removesuffix('_url')}" for k in _REPO_URLS}
    data.update({
        "id": 1, "node_id": "R_1", "name": name, "full_name": gh.repo, "owner": _user(gh, owner),
        "private": False, "html_url": f"http://github.invalid/{gh.repo}", "description": None,
        "fork": False, "url": url, "clone_url": f"http://github.invalid/{gh.repo}.git",
        "git_url": f"git://github.invalid/{gh.repo}.git",
        "ssh_url": f"git@github.invalid:{gh.repo}",
        "svn_url": f"http://github.invalid/{gh.repo}", "mirror_url": None, "homepage": None,
        "language": None, "forks_count": 0, "forks": 0, "stargazers_count": 0,
        "watchers_count": 0, "watchers": 0, "size": 1, "default_branch": gh.default_branch,
        "open_issues_count": 0, "open_issues": 0, "has_issues": True, "has_projects": True,
        "has_wiki": True, "has_pages": False, "has_downloads": True, "archived": False,
        "disabled": False, "license": None, "pushed_at": NOW, "created_at": NOW, "updated_at": NOW,
    })
    return data


def _ref(gh: FakeGitHub, name: str) -> dict[str, Any]:
    sha = gh.refs[name]
    url = f"{gh.api_url}/repos/{gh.repo}"
    return {"ref": f"refs/{name}", "node_id": f"REF_{name}", "url": f"{url}/git/refs/{name}",
            "object": {"type": "commit", "sha": sha, "url": f"{url}/git/commits/{sha}"}}


def _label(gh: FakeGitHub, key: str, description: str | None = None) -> dict[str, Any]:
    """A label; GitHub sends description null, but the pull-request schemas want a string."""
    name, color = gh.labels[key]
    return {"id": zlib.crc32(key.encode()) % 10**6, "node_id": f"L_{key}", "name": name,
            "color": color,
            "url": f"{gh.api_url}/repos/{gh.repo}/labels/{name}", "description": description,
            "default": False}


def _git_user(who: tuple[str, str]) -> dict[str, Any]:
    return {"name": who[0], "email": who[1], "date": NOW}


def _commit_json(gh: FakeGitHub, c: Commit) -> dict[str, Any]:
    url = f"{gh.api_url}/repos/{gh.repo}"
    user = _user(gh, c.login) if c.login else None
    return {
        "url": f"{url}/commits/{c.sha}", "sha": c.sha, "node_id": f"C_{c.sha[:8]}",
        "html_url": f"http://github.invalid/{gh.repo}/commit/{c.sha}",
        "comments_url": f"{url}/commits/{c.sha}/comments",
        "commit": {
            "url": f"{url}/git/commits/{c.sha}", "author": _git_user(c.author),
            "committer": _git_user(c.committer), "message": c.message, "comment_count": 0,
            "tree": {"sha": tree_sha(c.tree), "url": f"{url}/git/trees/{tree_sha(c.tree)}"},
        },
        "author": user, "committer": user,
        "parents": [{"sha": p, "url": f"{url}/commits/{p}"} for p in c.parents],
    }


def _content(gh: FakeGitHub, path: str, blob: str, with_content: bool = True) -> dict[str, Any]:
    url = f"{gh.api_url}/repos/{gh.repo}"
    data = gh.blobs[blob]
    big = len(data) > 1_000_000  # GitHub sends files of 1-100 MB without their content
    out: dict[str, Any] = {"type": "file", "encoding": "none" if big else "base64",
                           "size": len(data),
                           "name": path.rsplit("/")[-1], "path": path,
                           "content": "" if big else b64(data),
                           "sha": blob, "url": f"{url}/contents/{path}",
                           "git_url": f"{url}/git/blobs/{blob}",
                           "html_url": f"http://github.invalid/{gh.repo}/blob/x/{path}",
                           "download_url": f"http://raw.invalid/{gh.repo}/x/{path}"}
    out["_links"] = {"git": out["git_url"], "html": out["html_url"], "self": out["url"]}
    if not with_content:
        del out["content"], out["encoding"]
    return out


def _pull(gh: FakeGitHub, p: Pull, full: bool) -> dict[str, Any]:
    url = f"{gh.api_url}/repos/{gh.repo}"
    html = f"http://github.invalid/{gh.repo}/pull/{p.number}"
    head_sha = gh.refs.get(f"heads/{p.head}", p.head_sha) if p.state == "open" else p.head_sha
    owner = gh.repo.split("/")[0]

    def side(ref: str, sha: str) -> dict[str, Any]:
        return {"label": f"{owner}:{ref}", "ref": ref, "sha": sha, "user": _user(gh, owner),
                "repo": _repo(gh)}

    data: dict[str, Any] = {
        "url": f"{url}/pulls/{p.number}", "id": 1000 + p.number, "node_id": f"PR_{p.number}",
        "html_url": html, "diff_url": f"{html}.diff", "patch_url": f"{html}.patch",
        "issue_url": f"{url}/issues/{p.number}", "commits_url": f"{url}/pulls/{p.number}/commits",
        "review_comments_url": f"{url}/pulls/{p.number}/comments",
        "review_comment_url": f"{url}/pulls/comments{{/number}}",
        "comments_url": f"{url}/issues/{p.number}/comments",
        "statuses_url": f"{url}/statuses/{head_sha}", "number": p.number, "state": p.state,
        "locked": False, "title": p.title, "user": _user(gh, BOT_LOGIN), "body": p.body,
        "labels": [_label(gh, n.lower(), "") for n in p.labels], "milestone": None,
        "created_at": NOW, "updated_at": NOW, "closed_at": None if p.state == "open" else NOW,
        "merged_at": NOW if p.merged else None, "merge_commit_sha": None,
        "assignee": _user(gh, p.assignees[0]) if p.assignees else None,
        "assignees": [_user(gh, a) for a in p.assignees],
        "requested_reviewers": [_user(gh, r) for r in p.reviewers],
        "head": side(p.head, head_sha),
        "base": side(p.base, gh.refs[f"heads/{p.base}"]),
        "_links": {k: {"href": v} for k, v in {
            "self": f"{url}/pulls/{p.number}", "html": html,
            "issue": f"{url}/issues/{p.number}", "comments": f"{url}/issues/{p.number}/comments",
            "review_comments": f"{url}/pulls/{p.number}/comments",
            "review_comment": f"{url}/pulls/comments{{/number}}",
            "commits": f"{url}/pulls/{p.number}/commits", "statuses": f"{url}/statuses/{head_sha}",
        }.items()},
        "author_association": "OWNER", "auto_merge": None, "draft": p.draft,
    }
    if full:
        data.update({"merged": p.merged, "mergeable": True, "mergeable_state": "clean",
                     "merged_by": _user(gh, "maintainer") if p.merged else None,
                     "comments": 0, "review_comments": 0, "maintainer_can_modify": False,
                     "commits": len(gh.pull_commits(p)), "additions": 1, "deletions": 0,
                     "changed_files": 1})
    return data


def _issue(gh: FakeGitHub, p: Pull) -> dict[str, Any]:
    url = f"{gh.api_url}/repos/{gh.repo}"
    return {
        "id": 1000 + p.number, "node_id": f"I_{p.number}", "url": f"{url}/issues/{p.number}",
        "repository_url": url, "labels_url": f"{url}/issues/{p.number}/labels{{/name}}",
        "comments_url": f"{url}/issues/{p.number}/comments",
        "events_url": f"{url}/issues/{p.number}/events",
        "html_url": f"http://github.invalid/{gh.repo}/pull/{p.number}", "number": p.number,
        "state": p.state, "title": p.title, "body": p.body, "user": _user(gh, BOT_LOGIN),
        "labels": [_label(gh, n.lower()) for n in p.labels],
        "assignee": _user(gh, p.assignees[0]) if p.assignees else None,
        "assignees": [_user(gh, a) for a in p.assignees], "milestone": None, "locked": False,
        "comments": 0, "closed_at": None if p.state == "open" else NOW, "created_at": NOW,
        "updated_at": NOW,
    }


def _error(status: int, message: str, **extra: Any) -> tuple[int, Any, dict[str, str]]:
    return status, {"message": message, "documentation_url": "https://docs.github.com/rest",
                    **extra}, {}


def _invalid(resource: str, code: str, field_: str) -> tuple[int, Any, dict[str, str]]:
    return _error(422, "Validation Failed",
                  errors=[{"resource": resource, "code": code, "field": field_}])


# -- routes ----------------------------------------------------------------------------------------
def route(gh: FakeGitHub, req: Request) -> tuple[int, Any, dict[str, str]]:
    """Dispatch one request on /repos/{owner}/{repo}/…; 404 for anything else."""
    prefix = f"/repos/{gh.repo}/"
    if not req.path.startswith(prefix):
        return _error(404, "Not Found")
    rest = req.path[len(prefix):]
    for method, pattern, fn in _ROUTES:
        m = re.fullmatch(pattern, rest)
        if m and method == req.method:
            return fn(gh, req, *m.groups())
    return _error(404, "Not Found")


def _get_contents(gh: FakeGitHub, req: Request, path: str) -> tuple[int, Any, dict[str, str]]:
    sha = gh._resolve(req.query.get("ref", gh.default_branch))
    blob = gh.commits[sha].tree.get(path) if sha else None
    if blob is None:
        return _error(404, "Not Found")
    return 200, _content(gh, path, blob), {}


def _get_blob(gh: FakeGitHub, req: Request, sha: str) -> tuple[int, Any, dict[str, str]]:
    if sha not in gh.blobs:
        return _error(404, "Not Found")
    return 200, {"sha": sha, "node_id": f"B_{sha[:8]}", "size": len(gh.blobs[sha]),
                 "url": f"{gh.api_url}/repos/{gh.repo}/git/blobs/{sha}",
                 "content": b64(gh.blobs[sha]), "encoding": "base64"}, {}


def _put_contents(gh: FakeGitHub, req: Request, path: str) -> tuple[int, Any, dict[str, str]]:
    b = req.body or {}
    branch = b.get("branch", gh.default_branch)
    head = gh.refs.get(f"heads/{branch}")
    if head is None:
        return _error(404, f"Branch {branch} not found")
    current = gh.commits[head].tree.get(path)
    if current is not None and "sha" not in b:
        return _error(422, 'Invalid request.\n\n"sha" wasn\'t supplied.')
    if current is not None and b["sha"] != current:
        return _error(409, f"{path} does not match {b['sha']}")
    data = base64.b64decode(b["content"])
    who = b.get("committer") or {"name": BOT_LOGIN, "email": f"{BOT_LOGIN}@example.org"}
    author = b.get("author") or who
    gh.blobs[blob_sha(data)] = data
    tree = {**gh.commits[head].tree, path: blob_sha(data)}
    sha = gh._commit_tree(tree, (head,), b["message"], (author["name"], author["email"]),
                          (who["name"], who["email"]), login=BOT_LOGIN)
    gh.refs[f"heads/{branch}"] = sha
    commit = _commit_json(gh, gh.commits[sha])["commit"]
    commit.update({"sha": sha, "node_id": f"C_{sha[:8]}", "html_url": "http://github.invalid/c",
                   "parents": [{"sha": head, "url": "u", "html_url": "h"}],
                   "verification": {"verified": False, "reason": "unsigned", "signature": None,
                                    "payload": None, "verified_at": None}})
    return (200 if current else 201), {"content": _content(gh, path, blob_sha(data), False),
                                       "commit": commit}, {}


def _get_ref(gh: FakeGitHub, req: Request, name: str) -> tuple[int, Any, dict[str, str]]:
    if name not in gh.refs:
        return _error(404, "Not Found")
    return 200, _ref(gh, name), {}


def _create_ref(gh: FakeGitHub, req: Request) -> tuple[int, Any, dict[str, str]]:
    b = req.body or {}
    name = str(b.get("ref", "")).removeprefix("refs/")
    if not str(b.get("ref", "")).startswith("refs/") or b.get("sha") not in gh.commits:
        return _error(422, "Object does not exist" if name else "Reference name is invalid")
    if name in gh.refs:
        return _error(422, "Reference already exists")
    gh.refs[name] = b["sha"]
    return 201, _ref(gh, name), {}


def _update_ref(gh: FakeGitHub, req: Request, name: str) -> tuple[int, Any, dict[str, str]]:
    b = req.body or {}
    if name not in gh.refs:
        return _error(422, "Reference does not exist")
    if b.get("sha") not in gh.commits:
        return _error(422, "Object does not exist")
    if not b.get("force") and gh.refs[name] not in gh._ancestors(b["sha"]):
        return _error(422, "Update is not a fast forward")
    gh.refs[name] = b["sha"]
    return 200, _ref(gh, name), {}


def _list_pulls(gh: FakeGitHub, req: Request) -> tuple[int, Any, dict[str, str]]:
    q = req.query
    state = q.get("state", "open")
    pulls = sorted(gh.pulls.values(), key=lambda p: p.number, reverse=q.get("direction") != "asc")
    owner = gh.repo.split("/")[0]
    pulls = [p for p in pulls if state == "all" or p.state == state]
    if "head" in q:
        pulls = [p for p in pulls if f"{owner}:{p.head}" == q["head"]]
    if "base" in q:
        pulls = [p for p in pulls if p.base == q["base"]]
    per_page, page = int(q.get("per_page", 30)), int(q.get("page", 1))
    chunk = pulls[(page - 1) * per_page: page * per_page]
    headers = {}
    if page * per_page < len(pulls):
        nxt = f"{gh.api_url}/repos/{gh.repo}/pulls?state={state}&per_page={per_page}&page={page+1}"
        headers["Link"] = f'<{nxt}>; rel="next"'
    return 200, [_pull(gh, p, False) for p in chunk], headers


def _too_long(body: Any) -> tuple[int, Any, dict[str, str]] | None:
    if isinstance(body, str) and len(body) > BODY_LIMIT:
        return _error(422, "Validation Failed", errors=[{
            "resource": "Issue", "code": "custom", "field": "body",
            "message": f"body is too long (maximum is {BODY_LIMIT} characters)"}])
    return None


def _create_pull(gh: FakeGitHub, req: Request) -> tuple[int, Any, dict[str, str]]:
    b = req.body or {}
    if refused := _too_long(b.get("body")):
        return refused
    head, base = str(b.get("head", "")).split(":")[-1], b.get("base", "")
    if f"heads/{head}" not in gh.refs or f"heads/{base}" not in gh.refs:
        return _invalid("PullRequest", "invalid", "head")
    if any(p.head == head and p.base == base for p in gh.open_pulls()):
        owner = gh.repo.split("/")[0]
        return _error(422, "Validation Failed", errors=[{
            "resource": "PullRequest", "code": "custom",
            "message": f"A pull request already exists for {owner}:{head}."}])
    if gh.refs[f"heads/{head}"] in gh._ancestors(gh.refs[f"heads/{base}"]):
        return _error(422, "Validation Failed", errors=[{
            "resource": "PullRequest", "code": "custom",
            "message": f"No commits between {base} and {head}"}])
    number = gh._next
    gh._next += 1
    gh.pulls[number] = Pull(number, b.get("title", ""), b.get("body"), head, base,
                            draft=bool(b.get("draft")))
    return 201, _pull(gh, gh.pulls[number], True), {}


def _get_pull(gh: FakeGitHub, req: Request, n: str) -> tuple[int, Any, dict[str, str]]:
    if int(n) not in gh.pulls:
        return _error(404, "Not Found")
    return 200, _pull(gh, gh.pulls[int(n)], True), {}


def _update_pull(gh: FakeGitHub, req: Request, n: str) -> tuple[int, Any, dict[str, str]]:
    p = gh.pulls.get(int(n))
    if p is None:
        return _error(404, "Not Found")
    b = req.body or {}
    if refused := _too_long(b.get("body")):
        return refused
    p.title = b.get("title", p.title)
    p.body = b.get("body", p.body)
    if b.get("state") in ("open", "closed"):
        p.state = b["state"]
    return 200, _pull(gh, p, True), {}


def _pull_commits(gh: FakeGitHub, req: Request, n: str) -> tuple[int, Any, dict[str, str]]:
    p = gh.pulls.get(int(n))
    if p is None:
        return _error(404, "Not Found")
    return 200, [_commit_json(gh, c) for c in gh.pull_commits(p)], {}


def _create_label(gh: FakeGitHub, req: Request) -> tuple[int, Any, dict[str, str]]:
    b = req.body or {}
    name, color = str(b.get("name", "")), str(b.get("color", ""))
    if not re.fullmatch(r"[0-9a-fA-F]{6}", color):
        return _invalid("Label", "invalid", "color")
    if name.lower() in gh.labels:
        return _invalid("Label", "already_exists", "name")
    gh.labels[name.lower()] = (name, color)
    return 201, _label(gh, name.lower()), {}


def _add_labels(gh: FakeGitHub, req: Request, n: str) -> tuple[int, Any, dict[str, str]]:
    p = gh.pulls.get(int(n))
    if p is None:
        return _error(404, "Not Found")
    names = req.body.get("labels", []) if isinstance(req.body, dict) else req.body or []
    for name in names:
        gh.labels.setdefault(name.lower(), (name, "ededed"))  # GitHub creates unknown labels
        if name.lower() not in [x.lower() for x in p.labels]:
            p.labels.append(gh.labels[name.lower()][0])
            p.events.append({"event": "labeled", "actor": BOT_LOGIN, "label": name})
    return 200, [_label(gh, x.lower()) for x in p.labels], {}


def _request_reviewers(gh: FakeGitHub, req: Request, n: str) -> tuple[int, Any, dict[str, str]]:
    p = gh.pulls[int(n)]
    added = [r for r in (req.body or {}).get("reviewers", []) if r not in p.reviewers]
    p.reviewers += added
    p.events += [{"event": "review_requested", "actor": BOT_LOGIN, "reviewer": r} for r in added]
    return 201, _pull(gh, p, False), {}


def _add_assignees(gh: FakeGitHub, req: Request, n: str) -> tuple[int, Any, dict[str, str]]:
    p = gh.pulls[int(n)]
    added = [a for a in (req.body or {}).get("assignees", []) if a not in p.assignees]
    p.assignees += added
    p.events += [{"event": "assigned", "actor": BOT_LOGIN, "assignee": a} for a in added]
    return 201, _issue(gh, p), {}


def _create_tree(gh: FakeGitHub, req: Request) -> tuple[int, Any, dict[str, str]]:
    b = req.body or {}
    base = b.get("base_tree")
    if base is not None and base not in gh.trees:
        return _invalid("Tree", "invalid", "base_tree")
    tree = dict(gh.trees[base]) if base else {}
    for item in b.get("tree") or []:
        if item.get("type") != "blob" or item.get("mode") not in ("100644", "100755"):
            return _invalid("Tree", "invalid", "tree")
        if "content" in item:
            data = str(item["content"]).encode("utf-8")
            gh.blobs[blob_sha(data)] = data
            tree[item["path"]] = blob_sha(data)
        elif item.get("sha") in gh.blobs:
            tree[item["path"]] = item["sha"]
        else:
            return _invalid("Tree", "invalid", "tree.sha")
    sha = tree_sha(tree)
    gh.trees[sha] = tree
    url = f"{gh.api_url}/repos/{gh.repo}/git"
    return 201, {"sha": sha, "url": f"{url}/trees/{sha}", "truncated": False, "tree": [
        {"path": path, "mode": "100644", "type": "blob", "sha": blob, "size": len(gh.blobs[blob]),
         "url": f"{url}/blobs/{blob}"} for path, blob in sorted(tree.items())]}, {}


def _git_commit(gh: FakeGitHub, c: Commit) -> dict[str, Any]:
    url = f"{gh.api_url}/repos/{gh.repo}/git/commits"
    html = f"http://github.invalid/{gh.repo}/commit"
    return {"sha": c.sha, "node_id": f"C_{c.sha[:8]}", "url": f"{url}/{c.sha}",
            "html_url": f"{html}/{c.sha}", "author": _git_user(c.author),
            "committer": _git_user(c.committer), "message": c.message,
            "tree": {"sha": tree_sha(c.tree),
                     "url": f"{gh.api_url}/repos/{gh.repo}/git/trees/{tree_sha(c.tree)}"},
            "parents": [{"sha": p, "url": f"{url}/{p}", "html_url": f"{html}/{p}"}
                        for p in c.parents],
            "verification": {"verified": False, "reason": "unsigned", "signature": None,
                             "payload": None, "verified_at": None}}


def _create_commit(gh: FakeGitHub, req: Request) -> tuple[int, Any, dict[str, str]]:
    b = req.body or {}
    parents = tuple(b.get("parents") or ())
    if b.get("tree") not in gh.trees or any(p not in gh.commits for p in parents):
        return _invalid("Commit", "invalid", "tree")
    who = b.get("committer") or {"name": BOT_LOGIN, "email": f"{BOT_LOGIN}@example.org"}
    author = b.get("author") or who
    sha = gh._commit_tree(dict(gh.trees[b["tree"]]), parents, str(b.get("message", "")),
                          (author["name"], author["email"]), (who["name"], who["email"]),
                          login=BOT_LOGIN)
    return 201, _git_commit(gh, gh.commits[sha]), {}


def _get_commit(gh: FakeGitHub, req: Request, sha: str) -> tuple[int, Any, dict[str, str]]:
    if sha not in gh.commits:
        return _error(404, "Not Found")
    return 200, _git_commit(gh, gh.commits[sha]), {}


def _issue_events(gh: FakeGitHub, req: Request, n: str) -> tuple[int, Any, dict[str, str]]:
    p = gh.pulls.get(int(n))
    if p is None:
        return _error(404, "Not Found")
    url = f"{gh.api_url}/repos/{gh.repo}/issues/events"
    out = []
    for i, e in enumerate(p.events, start=1):
        event: dict[str, Any] = {
            "id": 5000 + i, "node_id": f"E_{i}", "url": f"{url}/{5000 + i}",
            "actor": _user(gh, e["actor"]), "event": e["event"], "commit_id": None,
            "commit_url": None, "created_at": NOW, "performed_via_github_app": None}
        if "label" in e:
            key = e["label"].lower()
            color = gh.labels[key][1] if key in gh.labels else "ededed"
            event["label"] = {"name": e["label"], "color": color}
        if "assignee" in e:
            event["assignee"] = _user(gh, e["assignee"])
            event["assigner"] = _user(gh, e["actor"])
        if "reviewer" in e:
            event["requested_reviewer"] = _user(gh, e["reviewer"])
            event["review_requester"] = _user(gh, e["actor"])
        out.append(event)
    return 200, out, {}


_ROUTES: list[tuple[str, str, Callable[..., tuple[int, Any, dict[str, str]]]]] = [
    ("GET", r"contents/(.+)", _get_contents),
    ("PUT", r"contents/(.+)", _put_contents),
    ("GET", r"git/ref/(.+)", _get_ref),
    ("GET", r"git/blobs/([0-9a-f]{40})", _get_blob),
    ("POST", r"git/refs", _create_ref),
    ("POST", r"git/trees", _create_tree),
    ("POST", r"git/commits", _create_commit),
    ("GET", r"git/commits/([0-9a-f]{40})", _get_commit),
    ("GET", r"issues/(\d+)/events", _issue_events),
    ("PATCH", r"git/refs/(.+)", _update_ref),
    ("GET", r"pulls", _list_pulls),
    ("POST", r"pulls", _create_pull),
    ("GET", r"pulls/(\d+)", _get_pull),
    ("PATCH", r"pulls/(\d+)", _update_pull),
    ("GET", r"pulls/(\d+)/commits", _pull_commits),
    ("POST", r"labels", _create_label),
    ("POST", r"issues/(\d+)/labels", _add_labels),
    ("POST", r"pulls/(\d+)/requested_reviewers", _request_reviewers),
    ("POST", r"issues/(\d+)/assignees", _add_assignees),
]
