"""The cost of writing entries: every section's style learned, then papers written into it.

The argument is a history folder (bench/replay_history.py's layout: `rows.jsonl` and
`catalogs/`). For each list, its newest announce-state catalog is parsed; in each of its first
`--sections` sections with entries the style is learned once and `--papers` made-up papers are
written (template chosen, filled and render-checked, as a run does for every proposed paper).
Reported per list: the seconds taken and a digest of the entries written, so that a change meant
to be faster only can show the same digests.

    python bench/write_cost.py HISTORY_DIR [--sections N] [--papers N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from promptbot import catalog
from promptbot.entries import editing, formatting
from promptbot.models import Paper


def newest_catalogs(folder: Path) -> dict[str, Path]:
    """Each list's catalog on its newest announce day."""
    newest: dict[str, dict[str, str]] = {}
    for line in (folder / "rows.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if row["announce_day"] >= newest.get(row["repo"], {}).get("announce_day", ""):
                newest[row["repo"]] = row
    out = {}
    for repo, row in sorted(newest.items()):
        owner, name = repo.split("/")
        out[repo] = folder / "catalogs" / f"{owner}_{name}_{row['announce_state_sha'][:7]}.md"
    return out


def papers(count: int) -> list[Paper]:
    """Made-up papers with the fields a listing feed gives."""
    return [Paper(arxiv_id=f"2611.{n:05d}", title=f"A Study Number {n} of Prompt Tuning for "
                  "Vision Models", authors=("Ann Author", "Bob Writer"),
                  published=datetime(2026, 11, 2, tzinfo=UTC)) for n in range(count)]


def write_all(path: Path, sections: int, count: int) -> tuple[float, str]:
    """Seconds to learn the sections' styles and write the papers, and the entries' digest."""
    with path.open(encoding="utf-8", newline="") as handle:
        cat = catalog.parse(handle.read())
    digest = hashlib.sha256()
    start = time.perf_counter()
    for section in [s for s in cat.sections if s.entries][:sections]:
        style = editing.section_style(cat, section)
        for paper in papers(count):
            digest.update(formatting.format_entry(paper, style).text.encode())
    return time.perf_counter() - start, digest.hexdigest()[:12]


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: the history folder and how much to write."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("history", type=Path, help="folder with rows.jsonl and catalogs/")
    parser.add_argument("--sections", type=int, default=6, help="sections per list")
    parser.add_argument("--papers", type=int, default=20, help="papers written per section")
    args = parser.parse_args(argv)
    total = 0.0
    for repo, path in newest_catalogs(args.history).items():
        took, digest = write_all(path, args.sections, args.papers)
        total += took
        print(f"{repo}: {took:.2f} s, entries {digest}")
    print(f"total: {total:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
