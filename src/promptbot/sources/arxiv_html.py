"""arXiv's HTML full-text pages (`<html_url><id>v<version>`), fetched as politely as the API.

The spacing is the process-wide Politeness shared with the API and the listing feeds (arXiv's
3-second rule is per client), with the same retries, backoff and User-Agent. A page arXiv does
not have (404, 410: no HTML for this paper) is None, not an error.
"""

from __future__ import annotations

import logging
import time

import requests

from promptbot.config import ArxivConfig
from promptbot.errors import SourceError
from promptbot.sources.politeness import TIMEOUT_SECONDS, Clock, Politeness, Sleep, shared

log = logging.getLogger("promptbot.arxiv")

MAX_PAGE_BYTES = 20_000_000  # a full text with inline images stays far below this


def page_url(html_url: str, arxiv_id: str, version: int) -> str:
    """The page of one version: `https://arxiv.org/html/` + `2501.11120v1`."""
    base = html_url if html_url.endswith("/") else html_url + "/"
    return f"{base}{arxiv_id}v{version}"


class ArxivHtmlPages:
    """Fetches the HTML page of one paper version at a time; counts its requests."""

    name = "arXiv HTML"

    def __init__(
        self,
        cfg: ArxivConfig,
        *,
        user_agent: str,
        politeness: Politeness | None = None,
        sleep: Sleep = time.sleep,
        clock: Clock = time.monotonic,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        self.cfg = cfg
        self.timeout = timeout
        self.politeness = politeness or shared(cfg.delay_seconds, sleep=sleep, clock=clock)
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent
        self.requests = 0

    def page(self, arxiv_id: str, version: int) -> str | None:
        """The page's HTML; None when arXiv has no HTML for it; SourceError when unreachable."""
        url = page_url(self.cfg.html_url, arxiv_id, version)
        tries = self.cfg.num_retries + 1
        problem = ""
        for attempt in range(1, tries + 1):
            self.politeness.wait()
            self.requests += 1
            try:
                response = self.session.get(url, timeout=self.timeout)
                body = response.content
            except requests.exceptions.RequestException as exc:
                problem = f"{type(exc).__name__}: {exc}"
                wait = self.politeness.record(ok=False)
            else:
                status = response.status_code
                retry_in = self.politeness.retry_later(status, response.headers.get("Retry-After"))
                if retry_in is None:
                    self.politeness.record(ok=True)
                    return _answer(url, status, body)
                problem, wait = f"HTTP {status}", retry_in
            if attempt < tries:
                log.warning("arXiv HTML %s: %s, retry %d/%d in %.0f s",
                            arxiv_id, problem, attempt, tries - 1, wait)
        raise SourceError(f"arXiv HTML page {url} failed after {tries} tries: {problem}")


def _answer(url: str, status: int, body: bytes) -> str | None:
    """The page of a final (not retried) answer; None for a page arXiv does not have."""
    if status in (404, 410):
        log.info("arXiv HTML: no page at %s", url)
        return None
    if status != 200:
        raise SourceError(f"arXiv HTML page {url} answered HTTP {status}")
    if len(body) > MAX_PAGE_BYTES:
        raise SourceError(f"arXiv HTML page {url} is larger than {MAX_PAGE_BYTES} bytes")
    # LaTeXML writes UTF-8 (and says so in a meta tag); undecodable bytes must not stop a run.
    return body.decode("utf-8", errors="replace")
