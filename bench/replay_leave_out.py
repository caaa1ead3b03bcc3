"""Replay of real history: leave out the last entries of each section and see what the bot does.

For every section with at least MIN entries, the last LEAVE entries are removed from the catalog.
Each removed entry with an arXiv id becomes a candidate Paper built only from what the list shows:
its arXiv id, its title, its venue as an arXiv comment ("Accepted to ICCV 2023") when the list
gives one other than arXiv, and a submission date from the id. The bot then decides (scoring and
placement), formats and inserts. Reported: the proposed rate, the same-section rate, the
same-fields rate (name, title, venue, year, arXiv id, read back with the catalog parser from the
entry as written in the maintainers' section), the same-shape rates (bench/entry_shape.py: the
written entry's skeleton and the maintainers', for every kind of entry), the same-look rate
(one-line bullets: the written line and the maintainers' line have the same layout once values
and affiliation are left out: name marker, quotes, separators, link brackets and labels), the
end-to-end rate, and every disagreement.

With `--newest N` the list's N newest entries (by arXiv id, wherever they are) are held out
instead: what the maintainers added last, as a replay of "the next papers" (the per-section
hold-out takes as many from a section nobody fills any more as from the one filled now).

With `--small` the last entry of every section too small for the learned placement (fewer than
`[sections].min_entries` entries) is held out: papers that only the section's heading can place
(a many-topic list's "Stereo Matching" with one entry).

A held-out paper that the list still cites elsewhere (the same arXiv id or title in another
section) is rightly `listed`: such papers are reported apart, and the rates count the rest.

    python bench/replay_leave_out.py tests/data/catalogs/BWLONG_..._2023-12-22_HEAD.md
        [--min-entries M] [--leave L | --newest N | --small] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entry_shape import known_shape, shape

from promptbot import catalog, config
from promptbot.catalog import build_index
from promptbot.entries import editing, formatting, style
from promptbot.entries.metadata import canonical_venue
from promptbot.judging import heading_matches
from promptbot.models import Catalog, Decision, Entry, Insertion, Paper, Status

FIELDS = ("name", "title", "venue", "year", "arxiv_id")


@dataclass(frozen=True)
class HeldOut:
    """One entry the maintainers wrote, removed from the list, and its section."""

    section: str
    entry: Entry
    paper: Paper


@dataclass
class Outcome:
    """What the bot did with one held-out entry."""

    held: HeldOut
    status: str
    section: str | None
    written: str
    differs: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    elsewhere: int | None = None  # the line where the list still cites the paper, if it does
    look: bool | None = None  # same layout as the maintainers' line; None: not a one-line bullet
    never: bool = False  # the maintainers' section is one the config says never to fill
    shape: bool = False  # same skeleton as the maintainers' entry (bench/entry_shape.py)
    known_shape: bool = False  # the same, links arXiv cannot give left out of both

    @property
    def proposed(self) -> bool:
        return self.status == Status.PROPOSED.value

    @property
    def same_section(self) -> bool:
        return self.section == self.held.section


def hold_out(cat: Catalog, min_entries: int, leave: int) -> tuple[str, list[HeldOut], list[Entry]]:
    """The catalog text without the last `leave` entries of big sections; those entries."""
    held: list[HeldOut] = []
    skipped: list[Entry] = []
    drop: set[int] = set()
    for section in cat.sections:
        if len(section.entries) < min_entries:
            continue
        for entry in section.entries[-leave:]:
            drop.update(range(entry.line, entry.end_line + 1))
            if entry.arxiv_ids:
                name = catalog.section_name(cat, section)  # a path where headings repeat
                held.append(HeldOut(name, entry, candidate(entry)))
            else:
                skipped.append(entry)
    text = "".join(line for n, line in enumerate(cat.lines, start=1) if n not in drop)
    return text, held, skipped


def candidate(entry: Entry) -> Paper:
    """A Paper with only what the list shows: arXiv id, title, and venue as an arXiv comment."""
    arxiv_id = entry.arxiv_ids[0]
    comment = None
    if entry.venue and entry.venue.lower() != "arxiv":
        comment = f"Accepted to {entry.venue} {entry.year or ''}".strip()
    published = None
    if len(arxiv_id) >= 4 and arxiv_id[:4].isdigit():
        published = datetime(2000 + int(arxiv_id[:2]), max(1, int(arxiv_id[2:4])), 1, tzinfo=UTC)
    return Paper(arxiv_id=arxiv_id, title=entry.title, comment=comment, published=published,
                 source="replay")


def decide(cat: Catalog, papers: Sequence[Paper], cfg: config.Config) -> tuple[list[Decision], str]:
    """Decisions from the scoring helper's Scorer, or a labelled fallback if it is missing."""
    try:
        from promptbot.judging import Scorer
    except ImportError:
        fallback = [Decision(p, Status.PROPOSED, 1.0, section=None) for p in papers]
        return fallback, ("FALLBACK (no promptbot.judging.scoring.Scorer): every paper proposed, "
                          "no section")
    return list(Scorer(cat, cfg).decide_many(papers)), "promptbot.judging.scoring.Scorer"


def written_fields(cat: Catalog, held: HeldOut) -> tuple[str, Entry | None]:
    """The entry as the bot writes it in the maintainers' section, and the entry read back."""
    section = editing.find_section(cat, held.section)
    entry = formatting.format_entry(held.paper, editing.section_style(cat, section))
    after = editing.insertion_point(cat, held.section)
    text = editing.insert(cat.render(), [Insertion(held.paper.arxiv_id, held.section, after,
                                                   entry.text)])
    back = catalog.parse(text)
    found = [e for e in back.entries if held.paper.arxiv_id in e.arxiv_ids and e.line > after]
    return entry.text, found[0] if found else None


def fields_of(entry: Entry) -> dict[str, Any]:
    """The compared fields of an entry, normalized the way a reader compares them: one venue
    however the entry spells it (`NIPS` is `NeurIPS`; the spelling is the look's concern)."""
    venue = entry.venue and (canonical_venue(entry.venue) or entry.venue)
    return {
        "name": entry.name,
        "title": catalog.normalize_title(entry.title),
        "venue": (venue or "").lower() or None,
        "year": entry.year,
        "arxiv_id": entry.arxiv_ids[0] if entry.arxiv_ids else None,
    }


def hold_out_newest(cat: Catalog, count: int) -> tuple[str, list[HeldOut], list[Entry]]:
    """The catalog text without its `count` newest entries by arXiv id; those entries."""
    owner = {id(e): s for s in cat.sections for e in s.entries}
    dated = sorted((e for e in cat.entries if e.arxiv_ids and id(e) in owner
                    and e.arxiv_ids[0][:4].isdigit()), key=lambda e: e.arxiv_ids[0], reverse=True)
    held = [HeldOut(catalog.section_name(cat, owner[id(e)]), e, candidate(e))
            for e in dated[:count]]
    drop = {n for h in held for n in range(h.entry.line, h.entry.end_line + 1)}
    text = "".join(line for n, line in enumerate(cat.lines, start=1) if n not in drop)
    return text, held, []


def hold_out_small(cat: Catalog, below: int) -> tuple[str, list[HeldOut], list[Entry]]:
    """The catalog text without the last entry of every section of fewer than `below` entries
    (the sections the learned placement does not learn from); those entries."""
    held: list[HeldOut] = []
    skipped: list[Entry] = []
    for section in cat.sections:
        if not 0 < len(section.entries) < below:
            continue
        entry = section.entries[-1]
        if entry.arxiv_ids:
            held.append(HeldOut(catalog.section_name(cat, section), entry, candidate(entry)))
        else:
            skipped.append(entry)
    drop = {n for e in (*(h.entry for h in held), *skipped)
            for n in range(e.line, e.end_line + 1)}
    text = "".join(line for n, line in enumerate(cat.lines, start=1) if n not in drop)
    return text, held, skipped


def replay(path: Path, cfg: config.Config, min_entries: int, leave: int,
           newest: int = 0, small: bool = False) -> dict[str, Any]:
    """Run the whole leave-out replay on one catalog file (`newest` > 0: the newest entries;
    `small`: the last entry of each section too small for the learned placement)."""
    full = catalog.parse(path.read_text(encoding="utf-8"))
    if small:
        text, held, skipped = hold_out_small(full, cfg.sections.min_entries)
    else:
        text, held, skipped = (hold_out_newest(full, newest) if newest
                               else hold_out(full, min_entries, leave))
    cat = catalog.parse(text)
    decisions, scorer = decide(cat, [h.paper for h in held], cfg)
    outcomes = []
    for h, d in zip(held, decisions, strict=True):
        written, back = written_fields(cat, h)
        want, got = fields_of(h.entry), fields_of(back) if back else {}
        differs = {k: (want[k], got.get(k)) for k in FIELDS if want[k] != got.get(k)}
        layout = style.layout(h.entry)
        look = None if layout is None else back is not None and style.layout(back) == layout
        never = any(heading_matches(n, h.section) for n in cfg.sections.never)
        title = h.paper.title
        outcomes.append(Outcome(h, d.status.value, landing(cat, d, cfg), written, differs,
                                still_listed(cat, h.paper), look, never,
                                shape(h.entry.raw, title) == shape(written, title),
                                known_shape(h.entry.raw, title) == known_shape(written, title)))
    return summarize(path, scorer, outcomes, skipped)


def landing(cat: Catalog, decision: Decision, cfg: config.Config) -> str | None:
    """The section the entry lands in: the decision's, then its year subsection or sub-group."""
    if not decision.section:
        return None
    proposed = replace(decision, status=Status.PROPOSED)
    (insertion,) = editing.plan_insertions(cat, [proposed], cfg)
    found = catalog.find(cat, insertion.section)
    if found is not None and found.kind == "group":  # the held-out sections are headings
        return decision.section
    return insertion.section


def still_listed(cat: Catalog, paper: Paper) -> int | None:
    """The line where the list without the held-out entries still cites `paper`, if it does."""
    index = build_index(cat)
    entry = index.by_arxiv_id(paper.arxiv_id)
    if entry is None:
        found = index.by_title(paper.title)
        entry = found[0] if found else None
    return entry.line if entry else None


def _rate(n: int, total: int) -> str:
    return f"{n}/{total} = {n / total:.0%}" if total else "0/0"


def summarize(
    path: Path, scorer: str, outcomes: list[Outcome], skipped: list[Entry]
) -> dict[str, Any]:
    """Rates and disagreements, ready to print or dump as JSON."""
    elsewhere = [o for o in outcomes if o.elsewhere is not None]
    outcomes = [o for o in outcomes if o.elsewhere is None]
    n = len(outcomes)
    proposed = sum(o.proposed for o in outcomes)
    same_section = sum(o.same_section for o in outcomes)
    same_fields = sum(not o.differs for o in outcomes)
    # Names the maintainers took from an abstract cannot come from a title-only candidate.
    but_name = sum(not (set(o.differs) - {"name"}) for o in outcomes)
    end_to_end = sum(o.proposed and o.same_section and not o.differs for o in outcomes)
    looks = [o.look for o in outcomes if o.look is not None]
    return {
        "catalog": path.name,
        "decider": scorer,
        "held_out": n,
        "skipped_without_arxiv_id": [e.title for e in skipped],
        "still_listed_elsewhere": [
            {"arxiv_id": o.held.paper.arxiv_id, "line": o.elsewhere, "decision": o.status,
             "correct": o.status == Status.LISTED.value}
            for o in elsewhere
        ],
        "proposed": _rate(proposed, n),
        "same_section": _rate(same_section, n),
        "same_fields": _rate(same_fields, n),
        "same_fields_but_name": _rate(but_name, n),
        "same_look": _rate(sum(looks), len(looks)),
        "same_shape": _rate(sum(o.shape for o in outcomes), n),
        "same_shape_but_unknown_links": _rate(sum(o.known_shape for o in outcomes), n),
        "end_to_end": _rate(end_to_end, n),
        "disagreements": [
            {
                "arxiv_id": o.held.paper.arxiv_id,
                "maintainers_section": o.held.section,
                "bot_section": o.section,
                "decision": o.status,
                "fields": {k: {"list": a, "bot": b} for k, (a, b) in o.differs.items()},
                "same_look": o.look,
                "never_filled": o.never,
                "maintainers_line": o.held.entry.raw.rstrip("\r\n"),
                "bot_line": o.written,
            }
            for o in outcomes
            if not (o.proposed and o.same_section and not o.differs and o.look is not False)
        ],
    }


def print_text(result: dict[str, Any]) -> None:
    """The result for a person."""
    print(f"Leave-out replay of {result['catalog']} (decider: {result['decider']})")
    print(f"held out: {result['held_out'] + len(result['still_listed_elsewhere'])} entries with"
          f" an arXiv id; {len(result['skipped_without_arxiv_id'])} skipped without one")
    for e in result["still_listed_elsewhere"]:
        verdict = "correct, not counted" if e["correct"] else "WRONG, not counted"
        print(f"  {e['arxiv_id']}: still listed elsewhere in the list (line {e['line']}):"
              f" {e['decision']} ({verdict})")
    print(f"rates over the other {result['held_out']}:")
    keys = ("proposed", "same_section", "same_fields", "same_fields_but_name", "same_look",
            "same_shape", "same_shape_but_unknown_links", "end_to_end")
    for key in keys:
        print(f"  {key:<21} {result[key]}")
    print("\nDisagreements:")
    for d in result["disagreements"]:
        never = " (a section the config never fills)" if d["never_filled"] else ""
        print(f"- {d['arxiv_id']}: decision {d['decision']};"
              f" section: list {d['maintainers_section']!r}{never}, bot {d['bot_section']!r}")
        for k, v in d["fields"].items():
            print(f"    {k}: list {v['list']!r} / bot {v['bot']!r}")
        if d["same_look"] is False:
            print("    look: the bot's line is laid out differently")
        print(f"    list: {d['maintainers_line']}\n    bot:  {d['bot_line']}")
    for title in result["skipped_without_arxiv_id"]:
        print(f"- skipped (no arXiv id in the list): {title}")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: catalog path, optional config, thresholds, text or JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("catalog", type=Path)
    parser.add_argument("--config", type=Path, default=None, help="a promptbot config.toml")
    parser.add_argument("--min-entries", type=int, default=6)
    parser.add_argument("--leave", type=int, default=3)
    parser.add_argument("--newest", type=int, default=0,
                        help="hold out the list's N newest entries instead")
    parser.add_argument("--small", action="store_true",
                        help="hold out the last entry of each section too small to learn from")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    cfg = config.load(args.config)
    result = replay(args.catalog, cfg, args.min_entries, args.leave, args.newest, args.small)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_text(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
