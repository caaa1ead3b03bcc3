"""GitHub API requests per run, counted by the stateful fake GitHub the tests use (no network).

Usage: python bench/github_calls.py

Runs the real GitHubForge (PyGithub) against tests/github_server.py on 127.0.0.1 with the papers
of tests/data/eval/ and prints, per scenario, the requests and the writes of one run: nothing new,
the first PR, an update with new papers, and a 300-paper backfill past the body budget (which
opens continuation PRs), then nothing new again with those PRs open.
"""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from forge_harness import CATALOG, REPO, make_bot, real_papers  # noqa: E402
from github_server import FakeGitHub  # noqa: E402


def _line(name: str, server: FakeGitHub, start: int, prs: int) -> str:
    calls = len(server.requests) - start
    writes = server.count(writes=True, since=start)
    return f"{name:<38} {calls:>4} requests {writes:>4} writes   ({prs} open PR(s))"


def main() -> int:
    """Print the request counts of each scenario."""
    with FakeGitHub(REPO, {"README.md": CATALOG}) as server:
        bot = make_bot(server)
        papers, abstracts = real_papers(3)
        for name, new in [("first PR (2 papers)", papers[:2]), ("nothing new", []),
                          ("update (1 new paper)", papers[2:])]:
            start = len(server.requests)
            bot.run(new, abstracts=abstracts)
            print(_line(name, server, start, len(server.open_pulls())))
    with FakeGitHub(REPO, {"README.md": CATALOG}) as server:
        bot = make_bot(server)
        papers, abstracts = real_papers(300)
        for name, new in [("over budget: 300-paper backfill", papers),
                          ("nothing new, continuation PRs open", [])]:
            start = len(server.requests)
            bot.run(new, abstracts=abstracts)
            print(_line(name, server, start, len(server.open_pulls())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
