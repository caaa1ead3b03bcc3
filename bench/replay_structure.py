"""Replay of real additions: does the bot put each paper where the maintainers put it?

Reads a history folder (rows.jsonl, catalogs/, days/: one row per paper a maintainer added, the
list just before the adding commit, that day's arXiv feed). For each row the list as it stood is
parsed and the maintainers' slot is read back from `line_no` (less the lines the same commit added
above it): the heading path of their section and where in it the entry went: `top`, `bottom`,
`middle`, `only` (the section had no entry) or `new` (a heading the commit opened, e.g. a year).

The bot's slot is computed two ways, both with the structure step of entries.editing (year
subsection by the paper's year, opened the list's way if missing; bullet sub-group; top or end
as the list orders the section):

- given: starting from the maintainers' section (from its parent when they opened a new one),
  which isolates the structure step;
- placed: starting from the section the scorer picks (judging), the whole way.

Reported per list: same section path, same position, and both; then every disagreement.

    python bench/replay_structure.py HISTORY_DIR [--json] [--config CONFIG]

HISTORY_DIR: a folder laid out like the history-dev set (rows.jsonl, catalogs/, days/).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from promptbot import catalog, config
from promptbot.catalog import outline, subgroups
from promptbot.entries import editing, read_fields
from promptbot.models import Catalog, Paper, Section

_END_PUNCT = re.compile(r"[\s:：.]+$")


@dataclass(frozen=True)
class Slot:
    """A section path and the position in it."""

    path: tuple[str, ...]
    position: str  # top | bottom | middle | only | new

    def same_section(self, other: Slot) -> bool:
        return _norm(self.path) == _norm(other.path)

    def same(self, other: Slot) -> bool:
        return self.same_section(other) and self.position == other.position


def _norm(path: Sequence[str]) -> tuple[str, ...]:
    return tuple(_END_PUNCT.sub("", p.strip()).casefold() for p in path)


def _split(path: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in path.split(outline.SEPARATOR.strip()))


def maintainers_after(cat: Catalog, after: Catalog | None, row: dict[str, Any],
                      rows: Sequence[dict[str, Any]]) -> int:
    """The 1-based line of the list before the commit after which the maintainers' entry went.

    From the list after the commit when the folder has it: the entry's nearest earlier
    neighbour that the list had before. Else from `line_no`, less what the same commit added
    above it (each entry and the blank lines the section keeps between entries).
    """
    if after is not None:
        found = _by_neighbour(cat, after, row)
        if found is not None:
            return found
    unit = outline.find(cat, row["section"])
    gap = editing.locate(cat, unit).gap if unit is not None else 0

    def size(r: dict[str, Any]) -> int:
        return str(r["entry"]).rstrip("\r\n").count("\n") + 1 + gap

    shift = sum(size(r) for r in rows if r["commit_sha"] == row["commit_sha"]
                and r["line_no"] < row["line_no"])
    # Rows of HTML tables start at the `<td>` holding the link, one line below their `<tr>`.
    cell = 1 if str(row["entry"]).lstrip().startswith("<td") else 0
    return int(row["line_no"]) - 1 - cell - shift


def _by_neighbour(cat: Catalog, after: Catalog, row: dict[str, Any]) -> int | None:
    new = next((e for e in after.entries if row["arxiv_id"] in e.arxiv_ids), None)
    unit = outline.find(cat, row["section"])
    if new is None or unit is None or not unit.entries:
        return None
    owner = next((s for s in after.sections if new in s.entries), None)
    if owner is None:
        return None
    old = {(e.arxiv_ids[:1], catalog.normalize_title(e.title)): e for e in unit.entries}
    before = [e for e in owner.entries if e.line < new.line]
    for entry in reversed(before):
        kept = old.get((entry.arxiv_ids[:1], catalog.normalize_title(entry.title)))
        if kept is not None:
            return kept.end_line
    return unit.entries[0].line - 1


def position(unit: Section, after: int) -> str:
    """Where a line after `after` sits among the unit's entries (inside one counts as above)."""
    if not unit.entries:
        return "only"
    above = sum(1 for e in unit.entries if e.end_line <= after)
    return "top" if above == 0 else "bottom" if above == len(unit.entries) else "middle"


def maintainers_slot(cat: Catalog, row: dict[str, Any], after: int) -> Slot:
    path = _split(row["section"])
    unit = outline.find(cat, row["section"])
    if unit is None or _norm(unit.path[-len(path):]) != _norm(path):
        return Slot(path, "new")
    groups = [g for g in subgroups.groups_of(cat, unit) if g.line <= after + 1 <= g.end_line + 1]
    if groups and unit.kind != "group":
        unit = groups[0]
        path = unit.path
    return Slot(tuple(unit.path), position(unit, after))


def bot_slot(cat: Catalog, start: Section, paper: Paper) -> Slot:
    fields = read_fields(paper)
    spot = editing.locate(cat, start, year=fields.year, title=paper.title,
                          arxiv_id=paper.arxiv_id, venue=fields.venue)
    if spot.heading is not None:
        return Slot(_split(spot.heading.name), "new")
    unit = outline.find(cat, spot.name)
    if unit is None:
        return Slot(_split(spot.name), "new")
    return Slot(unit.path, position(unit, spot.after_line))


def paper_of(folder: Path, row: dict[str, Any], days: dict[str, dict[str, Any]]) -> Paper:
    day = row["announce_day"]
    if day not in days:
        with gzip.open(folder / "days" / f"{day}.jsonl.gz", "rt", encoding="utf-8") as f:
            days[day] = {}
            for line in f:
                item = json.loads(line)
                days[day][item["id"]] = item
    item = days[day].get(row["arxiv_id"], {})
    return Paper(
        arxiv_id=row["arxiv_id"],
        title=" ".join(str(item.get("title", row["arxiv_title"])).split()),
        authors=tuple(item.get("authors", ())), abstract=item.get("summary") or "",
        categories=tuple(item.get("categories", ())), comment=item.get("comment"),
        journal_ref=item.get("journal_ref"),
        published=datetime.fromisoformat(day).replace(tzinfo=UTC), source="replay")


def start_of(cat: Catalog, row: dict[str, Any]) -> Section | None:
    """The maintainers' section, or its parent when they opened it with this commit."""
    found = outline.find(cat, row["section"])
    if found is None:
        parent, _, _ = row["section"].rpartition(outline.SEPARATOR.strip())
        found = outline.find(cat, parent.strip()) if parent else None
    return found


def replay(folder: Path, cfg: config.Config) -> dict[str, Any]:
    rows = [json.loads(line) for line in (folder / "rows.jsonl").open(encoding="utf-8")]
    parsed: dict[str, Catalog] = {}
    days: dict[str, dict[str, Any]] = {}
    per_list: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["catalog"] not in parsed:
            parsed[row["catalog"]] = catalog.parse(
                (folder / row["catalog"]).read_bytes().decode("utf-8"))
        cat = parsed[row["catalog"]]
        paper = paper_of(folder, row, days)
        later = _later(folder, row, parsed)
        want = maintainers_slot(cat, row, maintainers_after(cat, later, row, rows))
        start = start_of(cat, row)
        given = bot_slot(cat, start, paper) if start is not None else Slot((), "missing")
        placed = _placed(cat, paper, cfg)
        per_list[row["repo"]].append({"arxiv_id": row["arxiv_id"], "want": want,
                                      "given": given, "placed": placed})
    return {repo: _summary(results) for repo, results in per_list.items()}


def _later(folder: Path, row: dict[str, Any], parsed: dict[str, Catalog]) -> Catalog | None:
    """The list right after the adding commit, when the folder holds that version."""
    name = f"catalogs/{row['repo'].replace('/', '_')}_{row['commit_sha'][:7]}.md"
    if name not in parsed:
        if not (folder / name).exists():
            return None
        parsed[name] = catalog.parse((folder / name).read_bytes().decode("utf-8"))
    return parsed[name]


_SCORERS: dict[int, Any] = {}


def _placed(cat: Catalog, paper: Paper, cfg: config.Config) -> Slot:
    from promptbot.judging import Scorer

    scorer = _SCORERS.get(id(cat))
    if scorer is None:
        _SCORERS.clear()
        scorer = _SCORERS[id(cat)] = Scorer(cat, cfg)
    decision = scorer.decide(paper)
    start = outline.find(cat, decision.section or "")
    return bot_slot(cat, start, paper) if start is not None else Slot((), "missing")


def _rate(n: int, total: int) -> str:
    return f"{n}/{total} = {n / total:.0%}" if total else "0/0"


def _summary(results: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(results)
    out: dict[str, Any] = {"rows": n}
    for how in ("given", "placed"):
        out[how] = {
            "same_section": _rate(sum(r["want"].same_section(r[how]) for r in results), n),
            "same_position": _rate(sum(r["want"].position == r[how].position for r in results), n),
            "same_slot": _rate(sum(r["want"].same(r[how]) for r in results), n),
        }
    out["disagreements"] = [
        {"arxiv_id": r["arxiv_id"], "maintainers": _show(r["want"]), "given": _show(r["given"]),
         "placed": _show(r["placed"])}
        for r in results if not r["want"].same(r["given"]) or not r["want"].same(r["placed"])]
    return out


def _show(slot: Slot) -> str:
    return f"{' > '.join(slot.path[-2:])} [{slot.position}]"  # the top title is long


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: the history folder, optional config, text or JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("history", type=Path, help="folder with rows.jsonl, catalogs/, days/")
    parser.add_argument("--config", type=Path, default=None, help="a promptbot config.toml")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = replay(args.history, config.load(args.config))
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for repo, summary in result.items():
        print(f"{repo}: {summary['rows']} rows")
        for how in ("given", "placed"):
            s = summary[how]
            print(f"  {how:<7} section {s['same_section']:<14} position {s['same_position']:<14}"
                  f" both {s['same_slot']}")
    print("\nDisagreements (maintainers / bot given their section / bot placing itself):")
    for repo, summary in result.items():
        for d in summary["disagreements"]:
            print(f"- {repo.split('/')[0]} {d['arxiv_id']}: {d['maintainers']}\n"
                  f"      given:  {d['given']}\n      placed: {d['placed']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
