"""Code links and project pages: repositories on code hosts, and pages the text presents as code
or as the project's page; pure.

A URL becomes an entry's code link only when it is a repository (an owner and a name on a host
of catalog.code_hosts: GitHub, GitLab, …; a Hugging Face model is no code) or when the words
right before it present it as code or as the project's page ("Code is available at", "Project
page:"); never a file download (`…/setup.exe`).

A project page is what lists link as `Website`, `Project` or `Homepage`: a URL the text presents
as the project's page, else one on a static-pages host (`….github.io`); never a code repository,
a model card, a video or a download.
"""

from __future__ import annotations

import re

from promptbot.catalog.code_hosts import code_host

_URL_RE = re.compile(r"https?://[^\s<>\"'{}|\\^`]+", re.IGNORECASE)
_NOT_CODE = ("arxiv.org", "doi.org", "creativecommons.org", "openreview.net", "dx.doi")
# What the text says right before a URL that makes it the paper's code (or its project page,
# where lists take code from): "Code is available at", "our implementation:", "Project page".
_CODE_CUE = re.compile(
    r"\b(?:code|codes|implementation|source|repository|repo|software|toolkit|"
    r"project (?:page|website|site)|homepage)\b[^.;]{0,60}$",
    re.IGNORECASE,
)
# Files, not pages: never a code link (a repository URL pointing at one keeps its root).
_DOWNLOAD = re.compile(
    r"\.(?:exe|msi|dmg|pkg|apk|bin|sh|bat|ps1|jar|deb|rpm|iso|zip|rar|7z|gz|tgz|bz2|xz|tar|"
    r"whl|pdf|pt|pth|ckpt|safetensors|onnx|pkl|npy|h5)$|/releases/download/|/archive/|/raw/",
    re.IGNORECASE,
)


def code_url_in(text: str) -> str | None:
    """The code link of a piece of text, by the same host rules."""
    text = _unwrapped(text)
    found = [(m.start(), _strip_trailing(m.group(0))) for m in _URL_RE.finditer(text)]
    found = [(at, u) for at, u in found if u.count("/") >= 3 or "." in u.split("//", 1)[-1]]
    for _, url in found:
        repository = _repository(url)
        if repository:
            return repository
    for at, url in found:
        before = text[max(0, at - 80) : at]
        host = _host(url)
        if (_CODE_CUE.search(before) and not _DOWNLOAD.search(url.split("?")[0])
                and not any(n in host for n in _NOT_CODE)):
            return url
    return None


_PAGE_CUE = re.compile(
    r"\b(?:project|home|web)[\s-]*(?:page|site|website)s?\b[^.;]{0,40}$|"
    r"\b(?:website|demos?|visuali[sz]ations?|results|videos|examples|samples)\b[^.;]{0,40}"
    r"\b(?:at|on|:)\s*$|\b(?:website|homepage|webpage)\s*[:(]?\s*$",
    re.IGNORECASE,
)
# Hosts of static project pages: a URL there is a project's page whatever the words before it.
_PAGE_HOSTS = (".github.io", ".gitlab.io", ".pages.dev", ".netlify.app", ".vercel.app")
_NOT_PAGE = (*_NOT_CODE, "huggingface.co", "hf.co", "youtube.com", "youtu.be", "twitter.com",
             "x.com", "bilibili.com", "zenodo.org", "kaggle.com")


def project_url_in(text: str) -> str | None:
    """The project page a piece of text names (see the module doc), if any."""
    text = _unwrapped(text)
    candidates: list[tuple[int, str]] = []
    for match in _URL_RE.finditer(text):
        url = _strip_trailing(match.group(0))
        host = _host(url)
        if (code_host(url) or any(host == n or host.endswith("." + n) for n in _NOT_PAGE)
                or _DOWNLOAD.search(url.split("?")[0]) or "." not in host):
            continue
        cued = bool(_PAGE_CUE.search(text[max(0, match.start() - 80) : match.start()]))
        if cued or host.endswith(_PAGE_HOSTS):
            candidates.append((0 if cued else 1, url))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def _unwrapped(text: str) -> str:
    """LaTeX abstracts write \\url{...}: what is inside the braces, the rest as it is."""
    return re.sub(r"\\url\{([^}]*)\}", r" \1 ", text) if "\\url" in text else text


def _host(url: str) -> str:
    return url.split("//", 1)[-1].split("/", 1)[0].lower().rsplit("@", 1)[-1]


def _repository(url: str) -> str | None:
    """The repository a URL on a code host names (its root when the URL is a file download)."""
    host = code_host(url)
    if host is None:
        return None
    path = [p for p in url.split("//", 1)[-1].split("?")[0].split("#")[0].split("/")[1:] if p]
    if len(path) < 2:
        return None
    if _DOWNLOAD.search(url.split("?")[0]):
        return f"https://{host}/" + "/".join(path[:2])
    if len(path) == 2 and url.endswith(".git") and len(path[1]) > 4:
        return url.removesuffix(".git")  # a clone URL: the repository's page, as lists link it
    return url


def _strip_trailing(url: str) -> str:
    """Drop sentence punctuation after a URL, and a closing bracket it does not open."""
    while url:
        last = url[-1]
        unopened = (last == ")" and url.count("(") < url.count(")")) or (
            last == "]" and url.count("[") < url.count("]")
        )
        if last in ".,;:!?'\"*_" or unopened:
            url = url[:-1]
        else:
            break
    return url
