"""The PyGithub client of promptbot.forge: bounded, logged retries, pacing, how its errors read.

Private to the forge adapter (the only other module allowed to import `github`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http import HTTPStatus
from typing import Any, cast

import requests
from github import Auth, Github, GithubException
from github.GithubException import RateLimitExceededExceedsMaxWait
from github.GithubRetry import GithubRetry
from github.Requester import Requester
from urllib3.response import BaseHTTPResponse
from urllib3.util.retry import Retry

from promptbot import __version__
from promptbot.config import GithubConfig
from promptbot.errors import ForgeError

log = logging.getLogger("promptbot")
# Every request promptbot sends is safe to repeat: reads, PATCHes that set a value, trees and
# commits (content-addressed), labels; a repeated "create pull request" or "create ref" answers
# 422 "already exists", which the forge treats as a PR or branch to adopt or re-plan around.
RETRIED_METHODS = frozenset({*Retry.DEFAULT_ALLOWED_METHODS, "GET", "POST", "PATCH"})


class BoundedRetry(GithubRetry):
    """PyGithub's retry, with every wait going through an injected sleep and kept within a bound."""

    def __init__(self, sleep: Callable[[float], None] = time.sleep, **kwargs: Any) -> None:
        self.sleep_function = sleep
        super().__init__(**kwargs)

    def new(self, **kw: Any) -> BoundedRetry:
        """A copy for the next attempt (urllib3 makes one per try), keeping the injected sleep."""
        kw["sleep"] = self.sleep_function
        return super().new(**kw)

    def increment(self, method: str | None = None, url: str | None = None, response: Any = None,
                  error: Exception | None = None, _pool: Any = None,
                  _stacktrace: Any = None) -> BoundedRetry:
        """The next attempt's retry; logs each retry (method, path, status, tries left)."""
        retry = cast(BoundedRetry, super().increment(method, url, response, error, _pool,
                                                     _stacktrace))
        what = response.status if response is not None else type(error).__name__
        left = retry.total if isinstance(retry.total, int) else "?"
        log.warning("GitHub: %s %s answered %s; retrying (%s retries left)", method,
                    (url or "").split("?")[0], what, left)
        return retry

    def sleep(self, response: BaseHTTPResponse | None = None) -> None:
        """Wait before the next try, or raise when the wait exceeds max_rate_limit_wait."""
        wait = self._wait(response)
        if self.max_rate_limit_wait is not None and wait > self.max_rate_limit_wait:
            status = response.status if response is not None else 429
            raise RateLimitExceededExceedsMaxWait(status, None, None, wait=wait)
        if wait > 0:
            self.sleep_function(wait)

    def _wait(self, response: BaseHTTPResponse | None) -> float:
        if response is None or not self.respect_retry_after_header:
            return self.get_backoff_time()
        after = self.get_retry_after(response)
        if after is not None:
            return after
        reset = response.headers.get("X-RateLimit-Reset", "")
        if response.status == 429 and response.headers.get("X-RateLimit-Remaining") == "0" \
                and reset.isdigit():
            return max(int(reset) - time.time(), 0) + 1
        if response.status == 429:
            return max(self.secondary_rate_wait, self.get_backoff_time())
        return self.get_backoff_time()


_create_exception = Requester.createException.__func__  # type: ignore[attr-defined]


def _any_json_body(cls: type[Requester], status: int, headers: dict[str, Any],
                   output: Any) -> GithubException:
    """PyGithub reads an error body as an object; a proxy may send any JSON (a string, a list):
    keep it as the message instead of failing with AttributeError."""
    if output is not None and not isinstance(output, dict):
        output = {"message": str(output)}
    exc: GithubException = _create_exception(cls, status, headers, output)
    return exc


Requester.createException = classmethod(_any_json_body)  # type: ignore[method-assign,assignment]


def github_client(gh: GithubConfig, token: str | None, *,
                  sleep: Callable[[float], None] = time.sleep, paced: bool = True) -> Github:
    """A lazy PyGithub client for `gh.api_url`, retrying 5xx and 429 within the set bounds."""
    retry = BoundedRetry(sleep=sleep, total=gh.retries, backoff_factor=1.0, raise_on_status=False,
                         max_rate_limit_wait=gh.max_rate_limit_wait_seconds,
                         status_forcelist=[*range(500, 600), 429],
                         allowed_methods=RETRIED_METHODS)
    # paced=False drops PyGithub's own spacing of requests (0.25 s) and writes (1 s), which
    # sleeps for real; tests turn it off, production keeps GitHub's recommended pace.
    pace: dict[str, Any] = {} if paced else {"seconds_between_requests": None,
                                             "seconds_between_writes": None}
    return Github(base_url=gh.api_url.rstrip("/"), auth=Auth.Token(token) if token else None,
                  retry=retry, timeout=gh.timeout_seconds, per_page=100, lazy=True,
                  user_agent=f"promptbot/{__version__}", **pace)


def _messages(exc: GithubException) -> list[str]:
    if exc.data is not None and not isinstance(exc.data, dict):  # a proxy's JSON, not GitHub's
        text = " ".join(str(exc.data).split())[:200]
        return [] if text.startswith("<") else [text]  # an HTML page says nothing useful
    data = exc.data or {}
    errors = [e for e in data.get("errors") or [] if isinstance(e, dict)]
    found = [data.get("message"), *(e.get("message") or e.get("code") for e in errors)]
    return [str(m) for m in found if m]


def describe(exc: GithubException) -> str:
    """`403 Forbidden (what GitHub said)`: the status and the messages of the error body."""
    try:
        phrase = HTTPStatus(exc.status).phrase
    except ValueError:
        phrase = "error"
    detail = "; ".join(m for m in _messages(exc) if m != phrase)
    return f"{exc.status} {phrase}" + (f" ({detail})" if detail else "")


def error_text(exc: GithubException) -> str:
    """The error body's messages in lower case, to recognise a kind of refusal."""
    return " ".join(_messages(exc)).lower()


def _hint(exc: GithubException, token: str | None) -> str:
    if exc.status == 404 and not token:
        return " (a private repository needs a token: set PROMPTBOT_TOKEN)"
    if exc.status in (401, 403) and "rate limit" not in error_text(exc):
        return " (is the token valid and allowed to write to the repository?)"
    return ""


@contextmanager
def translated(gh: GithubConfig, token: str | None, what: str) -> Iterator[None]:
    """Library errors, translated once into a ForgeError naming what was being done."""
    try:
        yield
    except RateLimitExceededExceedsMaxWait as exc:
        raise ForgeError(
            f"GitHub: rate limit while {what}: the limit resets in {exc.wait or 0:.0f} s, more"
            f" than [github].max_rate_limit_wait_seconds = {gh.max_rate_limit_wait_seconds};"
            " run again later") from None
    except GithubException as exc:
        said = describe(exc)
        # The error body is the server's text: a proxy may quote the request's headers in it.
        said = said.replace(token, "***") if token else said
        raise ForgeError(f"GitHub: {said} {what}{_hint(exc, token)}") from None
    except requests.RequestException as exc:
        raise ForgeError(f"GitHub: cannot reach {gh.api_url} while {what}"
                         f" ({type(exc).__name__})") from None
    except RuntimeError as exc:
        # PyGithub refuses a redirect to another scheme or host with a bare RuntimeError.
        if "redirected" not in str(exc):
            raise
        raise ForgeError(f"GitHub: {gh.api_url} redirected elsewhere while {what}; check"
                         " [github].api_url") from None
