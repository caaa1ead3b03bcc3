"""Build the learned model's background sample: arXiv papers no list asked for.

Usage: python tools/make_background.py OUTPUT.jsonl.gz METADATA.jsonl [METADATA.jsonl ...]

Each METADATA.jsonl is dw-dengwei/daily-arXiv-ai-enhanced's file for one announcement day
(branch `data`, Apache-2.0; the abstracts are their authors' text): one JSON object per line with
id, categories, authors, title, comment and summary; lines repeat, so papers are deduplicated by
id. The output keeps, per paper, only what the model reads: `{"id", "title", "abstract"}`, one
line each, whitespace collapsed, in id order, gzip-compressed without a timestamp (rebuilding the
same input gives the same bytes).
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path


def background_rows(lines: Iterable[str]) -> list[dict[str, str]]:
    """The distinct papers of the metadata lines (first occurrence of each id), in id order."""
    rows: dict[str, dict[str, str]] = {}
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)
        arxiv_id = str(record["id"])
        rows.setdefault(arxiv_id, {
            "id": arxiv_id,
            "title": " ".join(str(record["title"]).split()),
            "abstract": " ".join(str(record.get("summary") or "").split()),
        })
    return [rows[key] for key in sorted(rows)]


def main(argv: Sequence[str]) -> int:
    """Read the metadata files, write the sample."""
    if len(argv) < 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    output, *inputs = (Path(a) for a in argv)
    lines = [line for path in inputs for line in path.read_text(encoding="utf-8").splitlines()]
    rows = background_rows(lines)
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    with output.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                 filename="") as handle:
        handle.write(text.encode("utf-8"))
    print(f"{len(rows)} papers -> {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
