"""Build examples/arxiv-2025-07-01.xml: an arXiv API (Atom) response from real daily metadata.

Usage: python tools/make_example_feed.py METADATA.jsonl OUTPUT.xml [DAY]

METADATA.jsonl is dw-dengwei/daily-arXiv-ai-enhanced's file for one announcement day (branch
`data`, Apache-2.0; the abstracts are their authors' text): one JSON object per line with id,
categories, authors, title, comment and summary; lines repeat, so papers are deduplicated by id.
The metadata has no dates or versions: every entry gets the announcement day (00:00 UTC) as its
submission and update time, and version 1. The first listed category is taken as primary. The
output follows the 2026 API format (see the recorded responses), newest id first, like a
`sortBy=submittedDate&sortOrder=descending` query.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

HEADER = """<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" \
xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
"""
COMMENT = """<!-- promptbot example: NOT a recorded arXiv response.
     Built by tools/make_example_feed.py from {origin}
     (dw-dengwei/daily-arXiv-ai-enhanced, branch data, Apache-2.0; abstracts are their authors'
     text): the {count} distinct papers announced on {day}. That metadata has no dates or
     versions, so every entry says submitted and updated {day}T00:00:00Z and version 1;
     the first listed category is taken as the primary one. -->
"""


def read_metadata(lines: Iterable[str]) -> list[dict[str, Any]]:
    """The distinct papers of a metadata file (first occurrence of each id), newest id first."""
    papers: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SystemExit(f"metadata line {number}: not JSON ({exc.msg})") from None
        papers.setdefault(str(row["id"]), row)
    return sorted(papers.values(), key=lambda r: str(r["id"]), reverse=True)


def _element(name: str, text: str) -> str:
    return f"    <{name}>{escape(text)}</{name}>\n"


def entry_xml(row: Mapping[str, Any], stamp: str) -> str:
    """One <entry> in the API's element order."""
    arxiv_id = f"{row['id']}v1"
    parts = ["  <entry>\n", _element("id", f"http://arxiv.org/abs/{arxiv_id}"),
             _element("title", str(row["title"])), _element("updated", stamp),
             f'    <link href="https://arxiv.org/abs/{arxiv_id}" rel="alternate"'
             ' type="text/html"/>\n',
             f'    <link href="https://arxiv.org/pdf/{arxiv_id}" rel="related"'
             ' type="application/pdf" title="pdf"/>\n',
             _element("summary", str(row["summary"]))]
    parts += [f"    <category term={quoteattr(c)}"
              ' scheme="http://arxiv.org/schemas/atom"/>\n' for c in row["categories"]]
    parts.append(_element("published", stamp))
    if row.get("comment"):
        parts.append(_element("arxiv:comment", str(row["comment"])))
    parts.append(f"    <arxiv:primary_category term={quoteattr(row['categories'][0])}/>\n")
    parts += [f"    <author>\n  {_element('name', a)}    </author>\n" for a in row["authors"]]
    parts.append("  </entry>\n")
    return "".join(parts)


def build(rows: list[dict[str, Any]], day: str, origin: str) -> str:
    """The whole Atom document for `rows`, announced on `day` (YYYY-MM-DD)."""
    stamp = f"{day}T00:00:00Z"
    compact = day.replace("-", "")
    query = f"submittedDate:[{compact}0000 TO {compact}2359]"
    head = [
        HEADER, COMMENT.format(origin=origin, count=len(rows), day=day),
        _element("id", f"https://arxiv.org/api/promptbot-example-{day}").replace("    ", "  "),
        f"  <title>arXiv Query: search_query={escape(query)}&amp;id_list=&amp;start=0"
        f"&amp;max_results=2000</title>\n",
        f"  <updated>{stamp}</updated>\n",
        f"  <opensearch:itemsPerPage>2000</opensearch:itemsPerPage>\n"
        f"  <opensearch:totalResults>{len(rows)}</opensearch:totalResults>\n"
        f"  <opensearch:startIndex>0</opensearch:startIndex>\n",
    ]
    return "".join(head) + "".join(entry_xml(r, stamp) for r in rows) + "</feed>\n"


def main(argv: list[str]) -> int:
    """Write the example feed; returns the exit code."""
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    source, target = Path(argv[0]), Path(argv[1])
    day = argv[2] if len(argv) == 3 else "2025-07-01"
    rows = read_metadata(source.read_text(encoding="utf-8").splitlines())
    target.write_text(build(rows, day, source.name), encoding="utf-8")
    print(f"{target}: {len(rows)} papers")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
