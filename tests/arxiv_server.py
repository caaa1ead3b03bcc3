"""A local arXiv stand-in on 127.0.0.1: Atom API pages and listing feeds, faults on demand."""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

ATOM_HEAD = (
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    '<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"'
    ' xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">\n'
    "  <id>https://arxiv.org/api/local-test</id>\n"
    "  <title>arXiv Query: {title}</title>\n"
    "  <updated>2026-04-12T22:09:27Z</updated>\n"
    "  <opensearch:itemsPerPage>{size}</opensearch:itemsPerPage>\n"
    "  <opensearch:totalResults>{total}</opensearch:totalResults>\n"
    "  <opensearch:startIndex>{start}</opensearch:startIndex>\n"
)
_ENTRY = re.compile(r"<entry\b.*?</entry>", re.S)


def entries_of(path: Path) -> list[str]:
    """The <entry> elements of a recorded API response, as text."""
    return _ENTRY.findall(path.read_text(encoding="utf-8"))


def entry_id(entry: str) -> str:
    """The unversioned arXiv id of an <entry> element ("" when it has none)."""
    found = re.search(r"<id>https?://arxiv\.org/abs/(.+?)(?:v\d+)?</id>", entry)
    return found.group(1) if found else ""


def entry_as(entry: str, *, arxiv_id: str, version: int, title: str, comment: str) -> str:
    """A real recorded <entry> with another paper's id, version, title and comment put in."""
    out = re.sub(r"<id>[^<]+</id>", f"<id>http://arxiv.org/abs/{arxiv_id}v{version}</id>", entry)
    out = re.sub(r"<title>.*?</title>", f"<title>{escape(title)}</title>", out, flags=re.S)
    out = re.sub(r"<arxiv:comment>.*?</arxiv:comment>|(?=<arxiv:primary_category)",
                 f"<arxiv:comment>{escape(comment)}</arxiv:comment>", out, count=1, flags=re.S)
    return re.sub(r"(https://arxiv\.org/(?:abs|pdf)/)[^\"]+", rf"\g<1>{arxiv_id}v{version}", out)


def atom_page(entries: Sequence[str], *, total: int, start: int = 0, title: str = "") -> bytes:
    """An API response in the 2026 wire format around real recorded entries."""
    head = ATOM_HEAD.format(title=escape(title), size=max(len(entries), 1), total=total,
                            start=start)
    return (head + "\n".join(entries) + "\n</feed>\n").encode()


def listing_feed(rows: Sequence[dict[str, Any]], types: Sequence[str], *,
                 day: str = "Tue, 01 Jul 2025 00:00:00 -0400") -> bytes:
    """A 2024+ rss.arxiv.org feed (per arXiv's RSS specification) from metadata rows."""
    items = []
    for row, kind in zip(rows, types, strict=True):
        version = row.get("version", 1)
        items.append(
            "    <item>\n"
            f"      <title>{escape(row['title'])}</title>\n"
            f"      <link>https://arxiv.org/abs/{row['id']}</link>\n"
            f"      <description>arXiv:{row['id']}v{version} Announce Type: {kind} \n"
            f"Abstract: {escape(row['summary'])}</description>\n"
            f'      <guid isPermaLink="false">oai:arXiv.org:{row["id"]}v{version}</guid>\n'
            + "".join(f"      <category>{c}</category>\n" for c in row["categories"])
            + f"      <pubDate>{day}</pubDate>\n"
            f"      <arxiv:announce_type>{kind}</arxiv:announce_type>\n"
            "      <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>\n"
            + "".join(f"      <arxiv:{k}>{escape(row[k])}</arxiv:{k}>\n"
                      for k in ("DOI", "journal_reference") if row.get(k))
            + f"      <dc:creator>{escape(', '.join(row['authors']))}</dc:creator>\n"
            "    </item>\n")
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        '<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/'
        '1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/'
        'modules/content/" version="2.0">\n  <channel>\n'
        "    <title>cs.CV updates on arXiv.org</title>\n"
        "    <link>http://rss.arxiv.org/rss/cs.CV</link>\n"
        "    <description>cs.CV updates on the arXiv.org e-print archive.</description>\n"
        "    <docs>http://www.rssboard.org/rss-specification</docs>\n"
        "    <language>en-us</language>\n"
        f"    <lastBuildDate>{day}</lastBuildDate>\n"
        "    <managingEditor>rss-help@arxiv.org</managingEditor>\n"
        f"    <pubDate>{day}</pubDate>\n"
        "    <skipDays>\n      <day>Saturday</day>\n      <day>Sunday</day>\n    </skipDays>\n"
        + "".join(items) + "  </channel>\n</rss>\n").encode()


def metadata_rows(path: Path) -> list[dict[str, Any]]:
    """The distinct papers of a metadata slice, in file order."""
    rows: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows.setdefault(row["id"], row)
    return list(rows.values())


@dataclass
class Fault:
    """One canned answer served instead of the normal one (status 0 drops the connection)."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    start: int | None = None  # only for API requests with this `start`
    path: str = "/api/query"


@dataclass(frozen=True)
class Recorded:
    """One request the server received."""

    path: str
    args: dict[str, str]
    headers: dict[str, str]
    at: float  # the test's (fake) clock when the request arrived
    status: int


class ArxivServer:
    """Serves `/api/query` from `entries` and listing feeds from `feeds`; records requests."""

    def __init__(self, entries: Sequence[str] = (), *, total: int | None = None,
                 feeds: dict[str, bytes] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.entries = list(entries)
        self.total = total
        self.feeds = dict(feeds or {})
        self.faults: list[Fault] = []
        self.requests: list[Recorded] = []
        self.clock = clock
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.01,),
                                        daemon=True)

    @property
    def url(self) -> str:
        """The server's base URL."""
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    @property
    def api_url(self) -> str:
        """The API endpoint to put in [arxiv] api_url."""
        return self.url + "/api/query"

    def fail(self, status: int, body: bytes = b"", *, times: int = 1, **kwargs: Any) -> None:
        """Queue `times` faulty answers for the next matching requests."""
        self.faults.extend(Fault(status, body, **kwargs) for _ in range(times))

    def api_requests(self) -> list[Recorded]:
        """Only the API requests, in order."""
        return [r for r in self.requests if r.path == "/api/query"]

    def answer(self, path: str, args: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """The status, headers and body for one request."""
        start = int(args.get("start", "0"))
        for fault in self.faults:
            if fault.path == path and fault.start in (None, start):
                self.faults.remove(fault)
                return fault.status, fault.headers, fault.body
        if path == "/api/query":
            size = int(args.get("max_results", "10"))
            entries = self.entries
            if args.get("id_list"):  # as arXiv does: only the listed ids, any version
                wanted = set(args["id_list"].split(","))
                entries = [e for e in entries if entry_id(e) in wanted]
            total = len(entries) if self.total is None or args.get("id_list") else self.total
            page = entries[start:start + size]
            title = args.get("search_query", "")
            return 200, {}, atom_page(page, total=total, start=start, title=title)
        if path in self.feeds:
            return 200, {}, self.feeds[path]
        return 404, {}, b"not found"

    def __enter__(self) -> ArxivServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def _handler(server: ArxivServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            args = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
            status, headers, body = server.answer(parts.path, args)
            server.requests.append(Recorded(parts.path, args, dict(self.headers.items()),
                                            server.clock(), status))
            if status == 0:
                self.close_connection = True
                self.connection.close()
                return
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the tests read `server.requests` instead."""

    return Handler


class FakeClock:
    """A monotonic clock that moves only when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        """Record the pause and move time forward, without waiting."""
        self.sleeps.append(seconds)
        self.now += seconds


def gaps(times: Sequence[float]) -> Iterator[float]:
    """The differences between consecutive times."""
    return (b - a for a, b in itertools.pairwise(times))
