"""Semantic Scholar's /paper/batch: recorded bodies, served on 127.0.0.1 to the real requests."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from promptbot.errors import SourceError
from promptbot.models import Paper
from promptbot.sources.semantic_scholar import (
    SemanticScholarSource,
    Venue,
    parse_batch,
    with_venues,
)

DATA = Path(__file__).parents[1] / "data" / "semantic_scholar"
ARXIV_BODY = (DATA / "paper-batch-arxiv.json").read_bytes()
ASKED = ["9999.99999", "2211.05521", "2210.16987", "2404.13957", "2405.19561", "2304.10327"]


class Server:
    """Answers POST /graph/v1/paper/batch with queued (status, body) pairs, recording requests."""

    def __init__(self, answers: list[tuple[int, bytes]]) -> None:
        self.answers = answers
        self.seen: list[dict[str, Any]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                outer.seen.append({"path": self.path, "headers": dict(self.headers.items()),
                                   "json": json.loads(self.rfile.read(length))})
                status, body = outer.answers.pop(0) if len(outer.answers) > 1 \
                    else outer.answers[0]
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Retry-After", "0")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet."""

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/graph/v1"

    def __enter__(self) -> Server:
        threading.Thread(target=self.httpd.serve_forever, args=(0.01,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def ok() -> Iterator[Server]:
    with Server([(200, ARXIV_BODY)]) as server:
        yield server


def source(url: str, **kw: Any) -> SemanticScholarSource:
    return SemanticScholarSource(url, user_agent="promptbot/test", backoff=0.0, **kw)


def test_the_recorded_null_body_parses_with_unknown_ids_left_out() -> None:
    body = (DATA / "paper-batch-not-found.json").read_bytes()
    assert json.loads(body)[0] is None
    ids = ["a", "b", "c", "d"]
    found = parse_batch(body, ids)
    assert "a" not in found  # the null
    assert all(isinstance(v, Venue) and v.name for v in found.values())


def test_venues_over_http_short_names_years_and_preprints_left_out(ok: Server) -> None:
    found = source(ok.url).venues(ASKED)
    (call,) = ok.seen
    assert call["path"].startswith("/graph/v1/paper/batch?fields=")
    assert "venue" in call["path"] and "publicationVenue" in call["path"]
    assert call["json"] == {"ids": [f"ARXIV:{i}" for i in ASKED]}
    assert call["headers"]["User-Agent"] == "promptbot/test"
    assert found == {
        "2211.05521": Venue("BMVC", 2022),
        "2210.16987": Venue("NeurIPS", 2022),
        "2304.10327": Venue("Minds Mach.", 2023),
    }  # 2404.13957 says arXiv.org, 2405.19561 nothing: still preprints


def test_batches_of_at_most_the_limit(ok: Server) -> None:
    source(ok.url, batch=4).venues(ASKED)
    assert [len(c["json"]["ids"]) for c in ok.seen] == [4, 2]


def test_429_is_retried_then_answered() -> None:
    with Server([(429, b'{"message": "Too Many Requests"}'), (200, ARXIV_BODY)]) as server:
        found = source(server.url).venues(ASKED)
    assert len(server.seen) == 2 and "2211.05521" in found


def test_failures_are_source_errors() -> None:
    with Server([(404, b'{"error": "Not found"}')]) as server, \
            pytest.raises(SourceError, match="HTTP 404"):
        source(server.url).venues(["2211.05521"])
    with Server([(200, b"<html>")]) as server, pytest.raises(SourceError, match="malformed JSON"):
        source(server.url).venues(["2211.05521"])


def test_with_venues_fills_only_a_missing_journal_reference() -> None:
    papers = (Paper("2211.05521", "A"), Paper("2210.16987", "B", journal_ref="TPAMI 2024"),
              Paper("2404.13957", "C"))
    found = {"2211.05521": Venue("BMVC", 2022), "2210.16987": Venue("NeurIPS", 2022)}
    assert [p.journal_ref for p in with_venues(papers, found)] == ["BMVC 2022", "TPAMI 2024",
                                                                   None]
