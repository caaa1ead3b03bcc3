"""The harness of the forge tests: a configured bot run against the stateful fake GitHub.

Everything the server said is validated against GitHub's OpenAPI description (a slice in
tests/data/github/) when a test using the `gh` fixture ends.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from github_server import FakeGitHub, Request
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from openapi_schema_validator import OAS30Validator

from promptbot.config import CatalogConfig, Config, GithubConfig, PullRequestConfig
from promptbot.errors import PullRequestChanged
from promptbot.github import memory as mem
from promptbot.github import pull_request as prm
from promptbot.github.forge import GitHubForge
from promptbot.github.pull_request_text import read_proposals
from promptbot.github.recovery import recover_branch_papers
from promptbot.models import Memory, Proposal
from promptbot.ports import Applied

DATA = Path(__file__).parent / "data" / "github"
REPO = "BWLONG/Awesome-Prompt-Learning-CV"
SECTION = "Prompt Learning(arxiv)"
CATALOG = (DATA / "catalog-excerpt.md").read_text(encoding="utf-8")
TOKEN = "ghp_secret0000000000000000000000000000"


def paper(arxiv_id: str, title: str = "") -> Proposal:
    """A proposal the way planning makes one (entry in the list's bullet style)."""
    title = title or f"Paper {arxiv_id}"
    entry = f"* **?**: {title}, arXiv, 2025. [[Paper](https://arxiv.org/abs/{arxiv_id})]"
    return Proposal(arxiv_id, SECTION, entry, title=title, score=0.8, why="prompt learning")


def place(base: str, proposals: Sequence[Proposal]) -> str:
    """A stand-in for editing.insert: each entry right under its section's heading line."""
    lines = base.splitlines(keepends=True)
    ending = "\r\n" if "\r\n" in base else "\n"
    for p in reversed(proposals):
        at = next((i for i, line in enumerate(lines) if line.startswith(f"### {p.section}")),
                  len(lines) - 1)
        lines.insert(at + 1, p.entry + ending)
    return "".join(lines)


def real_papers(count: int, start: int = 0) -> tuple[list[Proposal], dict[str, str]]:
    """`count` real arXiv papers (titles and abstracts of one day) as proposals, and abstracts."""
    path = DATA.parent / "eval" / "metadata-2025-03-18.jsonl"
    rows = list({r["id"]: r for r in map(json.loads, path.read_text("utf-8").splitlines())
                 }.values())[start:start + count]
    assert len(rows) == count, "not enough papers in the slice"
    papers = [paper(r["id"], " ".join(r["title"].split())) for r in rows]
    return papers, {r["id"]: r["summary"] for r in rows}


class TextIndex:
    """A catalog index good enough for memory.rejected: is the id anywhere in the text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def by_arxiv_id(self, arxiv_id: str) -> object | None:
        return arxiv_id if arxiv_id in self.text else None


# -- OpenAPI validation of everything the server said ----------------------------------------------
SPEC_DATA = json.loads((DATA / "openapi-slice.json").read_text())
SPEC = OpenAPI.from_dict(SPEC_DATA)
_TEMPLATES = [
    (re.compile(r"/repos/[^/]+/[^/]+/contents/.+"), "/repos/{owner}/{repo}/contents/{path}"),
    (re.compile(r"/repos/[^/]+/[^/]+/git/ref/.+"), "/repos/{owner}/{repo}/git/ref/{ref}"),
    (re.compile(r"/repos/[^/]+/[^/]+/git/refs/.+"), "/repos/{owner}/{repo}/git/refs/{ref}"),
    (re.compile(r"/repos/[^/]+/[^/]+/git/blobs/.+"), "/repos/{owner}/{repo}/git/blobs/{file_sha}"),
    (re.compile(r"/repos/[^/]+/[^/]+/git/commits/.+"),
     "/repos/{owner}/{repo}/git/commits/{commit_sha}"),
]


_BASIC_ERROR = OAS30Validator({"$ref": "#/components/schemas/basic-error",
                               "components": SPEC_DATA["components"]})


def validate(requests: Sequence[Request]) -> int:
    """Check every response against GitHub's OpenAPI description; returns how many."""
    for r in requests:
        if r.injected:
            errors = list(_BASIC_ERROR.iter_errors(r.response))
            assert not errors, errors
            continue
        pattern = next((t for rx, t in _TEMPLATES if rx.fullmatch(r.path)), None)
        req = MockRequest("http://127.0.0.1", r.method.lower(), r.path, path_pattern=pattern,
                          args=r.query)
        data = b"" if r.response is None else json.dumps(r.response).encode()
        try:
            SPEC.validate_response(req, MockResponse(data, status_code=r.status,
                                                     headers=r.headers))
        except Exception as exc:
            # GitHub's spec gives some errors as oneOf(basic-error, rule-violation-error), and a
            # basic error matches both: valid, but not "exactly one".
            if "is valid under each of" not in repr(exc.__cause__ or exc):
                raise
    return len(requests)


@pytest.fixture
def gh() -> Iterator[FakeGitHub]:
    with FakeGitHub(REPO, {"README.md": CATALOG}) as server:
        yield server
    assert validate(server.requests) == len(server.requests)


@dataclass
class Bot:
    """One configured promptbot talking to the fake GitHub: a run is read, plan, apply."""

    gh: FakeGitHub
    cfg: Config
    token: str | None = TOKEN
    slept: list[float] | None = None

    def forge(self) -> GitHubForge:
        sleeps = self.slept if self.slept is not None else []
        return GitHubForge(self.cfg, self.token, sleep=sleeps.append, paced=False)

    def run(self, new: Sequence[Proposal] = (), abstracts: dict[str, str] | None = None,
            ) -> tuple[tuple[Applied, ...], Memory, int]:
        """One run; returns what apply did, the memory it read, and the requests it made."""
        start = len(self.gh.requests)
        forge = self.forge()
        text = forge.read_catalog().text
        memory = forge.read_memory()
        rejected = mem.rejected(memory, TextIndex(text))
        fresh = [p for p in new if p.arxiv_id not in rejected]
        # As planning.plan does: papers an overlapping run left on a branch stay in memory.
        plans = prm.plan_pull_requests(text, fresh, recover_branch_papers(memory, text),
                                       self.cfg, place=place, abstracts=abstracts or {})
        applied = tuple(forge.apply(plan) for plan in plans)
        return applied, memory, len(self.gh.requests) - start

    def run_converging(self, new: Sequence[Proposal] = (), attempts: int = 3,
                       ) -> tuple[Applied, ...]:
        """A run as pipeline.apply_converging does it: re-read and re-plan when a PR changed."""
        for attempt in range(1, attempts + 1):
            try:
                return self.run(new)[0]
            except PullRequestChanged:
                if attempt == attempts:
                    raise
                time.sleep(random.uniform(0, 0.2 * attempt))  # as the pipeline's random pause
        raise AssertionError("unreachable")


def make_bot(gh: FakeGitHub, **pr: Any) -> Bot:
    cfg = Config(catalog=CatalogConfig(repo=REPO),
                 github=GithubConfig(api_url=gh.api_url, retries=2, max_rate_limit_wait_seconds=60),
                 pull_request=PullRequestConfig(**pr))
    return Bot(gh, cfg)


def body_ids(gh: FakeGitHub, number: int) -> list[str]:
    return [p.arxiv_id for p in read_proposals(gh.pulls[number].body or "")]


