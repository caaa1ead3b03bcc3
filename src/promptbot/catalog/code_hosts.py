"""The code hosts: where a link with an owner and a name is a paper's code repository; pure.

One policy for reading a list (which links are code, which repository a URL names) and for
writing an entry (which link may fill a Code slot). It lives in catalog, the lowest layer that
both the catalog index and the entries writers may import.

Hugging Face is no code host. The lists' own entries label its pages "Model 🤗", "Dataset 🤗" or
"Demo" and never "Code" (of some 25,000 links labelled Code, GitHub, PyTorch or Repo in the
development lists, none points to huggingface.co), so a model, a space or a dataset written into
a Code slot is an edit a maintainer would undo.
"""

from __future__ import annotations

import re

CODE_HOSTS = frozenset({"github.com", "gitlab.com", "bitbucket.org", "gitee.com", "codeberg.org"})

# Scheme, then the authority: user info (`github.com@evil.example`) and a port are not the host.
_AUTHORITY = re.compile(
    r"^\s*<?https?://(?:[^/?#\s]*@)?(?P<host>[^/?#\s:@]+)(?::\d*)?(?P<path>[^?#\s]*)",
    re.IGNORECASE,
)


def code_host(url: str) -> str | None:
    """The code host an http(s) URL is on ("github.com", no `www.`), None for any other URL."""
    match = _AUTHORITY.match(url)
    if not match:
        return None
    host = match.group("host").lower().removeprefix("www.")
    return host if host in CODE_HOSTS else None


def is_repository(url: str) -> bool:
    """Whether an http(s) URL names a repository: a code host, then an owner and a name."""
    match = _AUTHORITY.match(url)
    owner_and_name = [p for p in match.group("path").split("/") if p] if match else []
    return len(owner_and_name) >= 2 and code_host(url) is not None
