"""The PyGithub client's pieces, without a server: error wording and the bounded retry waits."""

from __future__ import annotations

import pytest
from github import GithubException
from github.GithubException import RateLimitExceededExceedsMaxWait
from github_server import FakeGitHub, Fault
from urllib3.response import HTTPResponse

from promptbot.config import GithubConfig
from promptbot.github.client import BoundedRetry, describe, error_text, github_client


@pytest.mark.parametrize(
    ("status", "data", "said"),
    [
        (403, {"message": "Resource not accessible by integration"},
         "403 Forbidden (Resource not accessible by integration)"),
        (404, {"message": "Not Found"}, "404 Not Found"),
        (422, {"message": "Validation Failed",
               "errors": [{"message": "A pull request already exists"}, {"code": "invalid"}]},
         "422 Unprocessable Entity (Validation Failed; A pull request already exists; invalid)"),
        (599, None, "599 error"),
        (500, "<html>oops</html>", "500 Internal Server Error"),
    ],
)
def test_describe_gives_the_status_and_what_github_said(status: int, data: object,
                                                         said: str) -> None:
    assert describe(GithubException(status, data, None)) == said


def test_error_text_is_every_message_in_lower_case() -> None:
    data = {"message": "Conflict", "errors": [{"message": "SHA Does Not Match"}]}
    exc = GithubException(409, data, None)
    assert error_text(exc) == "conflict sha does not match"


def retry(waits: list[float], max_wait: int = 60) -> BoundedRetry:
    return BoundedRetry(sleep=waits.append, total=3, backoff_factor=1.0,
                        max_rate_limit_wait=max_wait, status_forcelist=[429, 503])


def test_retry_after_is_honoured_through_the_injected_sleep() -> None:
    waits: list[float] = []
    retry(waits).sleep(HTTPResponse(status=503, headers={"Retry-After": "7"}))
    assert waits == [7.0]


def test_a_wait_beyond_the_bound_raises_instead_of_sleeping() -> None:
    waits: list[float] = []
    with pytest.raises(RateLimitExceededExceedsMaxWait):
        retry(waits, max_wait=60).sleep(HTTPResponse(status=429, headers={"Retry-After": "3600"}))
    assert waits == []


def test_each_new_attempt_keeps_the_injected_sleep() -> None:
    waits: list[float] = []
    again = retry(waits).new(total=2)
    assert isinstance(again, BoundedRetry) and again.sleep_function == waits.append


def test_the_client_is_lazy_and_drops_a_trailing_slash() -> None:
    # Nothing listens on port 9: any request would fail, and a lazy client makes none.
    client = github_client(GithubConfig(api_url="http://127.0.0.1:9/api/v3/"), None)
    assert client.get_repo("owner/name").full_name == "owner/name"
    assert client.requester.base_url == "http://127.0.0.1:9/api/v3"


@pytest.mark.parametrize("status", [403, 404, 422])
@pytest.mark.parametrize("body", ["Blocked by proxy", ["Blocked by proxy"], 42])
def test_an_error_body_that_is_not_an_object_is_still_one_description(
    body: object, status: int
) -> None:
    with FakeGitHub("me/list", {"README.md": "# list\n"}) as server:
        server.faults.append(Fault(status, "GET", "/contents/", body=body))  # type: ignore[arg-type]
        gh = github_client(GithubConfig(api_url=server.api_url, retries=0), None, paced=False)
        with pytest.raises(GithubException) as info:
            gh.get_repo("me/list").get_contents("README.md")
    phrase = {403: "Forbidden", 404: "Not Found", 422: "Unprocessable Entity"}[status]
    assert describe(info.value) == f"{status} {phrase} ({body})"
