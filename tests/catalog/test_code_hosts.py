"""The one list of code hosts: which URLs are on one, which name a repository."""

from __future__ import annotations

import pytest

from promptbot.catalog.code_hosts import CODE_HOSTS, code_host, is_repository


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://github.com/o/r", "github.com"), ("http://www.GitLab.com/g/r", "gitlab.com"),
        ("https://bitbucket.org/o/r", "bitbucket.org"), ("https://gitee.com/o/r", "gitee.com"),
        ("https://codeberg.org/o/r", "codeberg.org"), ("https://github.com:443/o/r", "github.com"),
        # A model, a space or a dataset is not code: the lists label them Model, Demo, Dataset.
        ("https://huggingface.co/o/model", None), ("https://huggingface.co/spaces/o/s", None),
        ("https://huggingface.co/datasets/o/d", None),
        ("https://o.github.io/project", None), ("https://example.org/github.com/o/r", None),
        ("https://github.com@evil.example/o/r", None), ("github.com/o/r", None), ("", None),
    ],
)
def test_code_host(url: str, host: str | None) -> None:
    assert code_host(url) == host


@pytest.mark.parametrize(
    ("url", "expected"),
    [("https://codeberg.org/o/r", True), ("https://gitee.com/o/r/tree/master", True),
     ("https://bitbucket.org/o", False), ("https://github.com/o/?tab=repositories", False),
     ("https://huggingface.co/o/model", False), ("https://o.github.io/p/q", False)],
)
def test_is_repository(url: str, expected: bool) -> None:
    assert is_repository(url) is expected


def test_the_hosts_are_bare_lower_case_names() -> None:
    assert all(h == h.lower() and "/" not in h and not h.startswith("www.") for h in CODE_HOSTS)
