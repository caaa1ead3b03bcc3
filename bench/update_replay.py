"""Replay the maintainers' own updates: entries a later version of a list turned from a preprint
into a published paper. For each, the bot rewrites the older entry for the venue the newer one
names and the result is compared with the maintainers' line (exact, byte for byte) and section.

Usage:
  python bench/update_replay.py --history HISTORY_DIR   (a history-dev folder: rows.jsonl and
                                                         catalogs/; versions ordered by date)
  python bench/update_replay.py OLDEST.md ... NEWEST.md  (versions of one list, oldest first)
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from promptbot import catalog
from promptbot.catalog import outline
from promptbot.catalog.section_signals import PUBLISHED, venue_status
from promptbot.config import Config
from promptbot.entries.metadata import canonical_venue
from promptbot.entries.updating import apply_updates
from promptbot.entries.venue_marks import entry_text, venue_key
from promptbot.judging.updates import Updater, is_preprint
from promptbot.models import Catalog, Decision, Entry, Paper, PaperFields, Section, Status

_TOKEN = re.compile(r"(?<![\w/.])([A-Za-z][A-Za-z-]{1,11})\s*['’]?\s*((?:19|20)\d\d|\d\d)(?![\w.])")


def published_as(entry: Entry) -> tuple[str, int] | None:
    """The venue and year a (newer) entry names, when it names a published venue."""
    if entry.venue and entry.year and venue_status(entry.venue) == PUBLISHED:
        venue = canonical_venue(entry.venue)
        return (venue, entry.year) if venue and venue != "arXiv" else None
    for found in _TOKEN.finditer(entry_text(entry)):
        venue = canonical_venue(found.group(1))
        if venue and venue != "arXiv":
            year = int(found.group(2))
            return venue, year + 2000 if year < 100 else year
    return None


_POSITIONS: Counter[str] = Counter()  # where the maintainers put the entries the bot would move


def _position(cat: Catalog, entry: Entry) -> str:
    """first / last / middle: where `entry` sits in its section of `cat`."""
    section = next(s for s in cat.sections if entry in s.entries)
    at = section.entries.index(entry)
    return "first" if at == 0 else "last" if at == len(section.entries) - 1 else "middle"


def _beside_venue(cat: Catalog, entry: Entry) -> bool:
    """Whether a neighbour of `entry` in its section names the same venue and year."""
    section = next(s for s in cat.sections if entry in s.entries)
    at = section.entries.index(entry)
    near = section.entries[max(0, at - 1):at] + section.entries[at + 1:at + 2]
    return any(venue_key(e) == venue_key(entry) for e in near)


def _place(section: Section) -> tuple[str, ...]:
    """A section's heading path (`("Vision", "2026")`): which "2026" when several are."""
    return tuple(p.strip() for p in section.path) or (section.heading.strip(),)


def _by_id(cat: Catalog) -> dict[str, tuple[tuple[str, ...], Entry]]:
    """id -> (section's heading path, entry)."""
    return {i: (_place(s), e) for s in cat.sections for e in s.entries for i in e.arxiv_ids}


def replay(old: Catalog, new: Catalog, cfg: Config) -> list[tuple[str, bool, bool, str, str]]:
    """(id, same text, same section, bot's line, maintainers' line) per maintainers' update."""
    updater = Updater(old, cfg)
    then, now = _by_id(old), _by_id(new)
    out = []
    for arxiv_id, (section, entry) in then.items():
        if arxiv_id not in now or not is_preprint(entry):
            continue
        new_section, later = now[arxiv_id]
        named = published_as(later)
        if named is None or is_preprint(later):
            continue
        # The code link the maintainers added with the venue, as if the new version named it.
        code = later.code_urls[0] if later.code_urls and not entry.code_urls else None
        fields = PaperFields(entry.name, named[0], named[1], "", code, None)
        decision = Decision(Paper(arxiv_id, entry.title, version=2), Status.LISTED, 1.0,
                            duplicate_line=entry.line, fields=fields)
        update = updater.review(decision).update
        mine = update.after if update else entry_text(entry)
        target = outline.find(old, update.section) if update else None
        where = _place(target) if target is not None else section
        out.append((arxiv_id, mine == entry_text(later), where == new_section, mine,
                    entry_text(later)))
        if update is not None and update.moved:
            _POSITIONS["theirs " + _position(new, later)] += 1
            ours = catalog.parse(apply_updates(old.render(), [update]))
            placed = next((e for s in ours.sections for e in s.entries
                           if arxiv_id in e.arxiv_ids), None)
            _POSITIONS["ours " + (_position(ours, placed) if placed else "lost")] += 1
            _POSITIONS["ours next to its venue" if placed and _beside_venue(ours, placed)
                       else "ours apart from its venue"] += 1
    return out


def _history(folder: Path) -> dict[str, list[Path]]:
    dated: dict[str, dict[str, str]] = defaultdict(dict)
    for line in (folder / "rows.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        name = row["repo"].replace("/", "_")
        dated[name][row["catalog"]] = row["commit_date_utc"]
        state = f"catalogs/{name}_{row['announce_state_sha'][:7]}.md"
        dated[name].setdefault(state, row["announce_day"])
    return {n: [folder / p for p, _ in sorted(v.items(), key=lambda kv: kv[1])
                if (folder / p).is_file()] for n, v in dated.items()}


def report(name: str, versions: Sequence[Path], cfg: Config, show: int) -> tuple[int, int, int]:
    """Print one list's figures (and a few misses); returns (updates, same text, same section)."""
    seen: dict[str, tuple[str, bool, bool, str, str]] = {}
    parsed = [catalog.parse(p.read_text(encoding="utf-8")) for p in versions]
    for old, new in itertools.pairwise(parsed):
        for row in replay(old, new, cfg):
            seen.setdefault(row[0], row)
    rows = list(seen.values())
    exact, placed = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(f"{name[:60]:<60} versions {len(versions):>3}  updates {len(rows):>3}"
          f"  same text {exact:>3}  same section {placed:>3}")
    for arxiv_id, _, _, mine, theirs in [r for r in rows if not r[1]][:show]:
        print(f"    {arxiv_id}\n      bot:  {mine[:160]}\n      them: {theirs[:160]}")
    return len(rows), exact, placed


def main() -> None:
    """Replay every list given and print the totals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("versions", nargs="*", type=Path)
    parser.add_argument("--history", type=Path)
    parser.add_argument("--show", type=int, default=2, help="misses shown per list")
    args = parser.parse_args()
    lists = _history(args.history) if args.history else {}
    if args.versions:
        lists["(given versions)"] = args.versions
    cfg = Config()
    totals = [report(name, files, cfg, args.show) for name, files in sorted(lists.items())]
    n, exact, placed = (sum(t[i] for t in totals) for i in range(3))
    print(f"{'total':<60} {'':>12}  updates {n:>3}  same text {exact:>3}  same section {placed:>3}")
    # Ours: after the venue's group where the section groups by venue, else insertion_point.
    print("moved entries, position in their new section:", dict(sorted(_POSITIONS.items())))


if __name__ == "__main__":
    main()
