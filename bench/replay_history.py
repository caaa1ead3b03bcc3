"""Replay of real maintainers' additions: would the bot have proposed each paper that day, in the
maintainers' section, in their shape, without breaking the list?

The argument is a history folder laid out as `rows.jsonl` (one row per paper a maintainer added:
repo, arxiv_id, announce_day, section as a heading path, the maintainers' entry verbatim,
announce_state_sha), `catalogs/OWNER_NAME_SHA7.md` (the list on the announce day) and
`days/YYYY-MM-DD.jsonl.gz` (that day's arXiv feed: id, title, authors, categories, comment,
summary). Per row: the announce-state catalog is parsed, the paper is built from the day's feed
row, the real Scorer judges the day's feed and planning writes the entries.

Reported per list:
- proposed: the paper was proposed (at the default config's threshold);
- same section: the section a run inserts the paper into (its year subsection included, opened
  where the list has none yet) is the maintainers' heading path; counted where that section
  existed on the announce day (under its name of that day, where the maintainers added an aside
  in parentheses since: `🎬 Vision-Language (Action) Model`), or is a year section the list had
  yet to open (the bot's entry is then written like the newest year's);
- in shape: the bot's entry and the maintainers' have the same skeleton, where a skeleton is the
  entry with its title replaced by `T`, every URL by `U`, every word run by `a`, every digit run
  by `0`, space runs by one space and trailing two-space line breaks kept as `⏎` (so
  `* [**CVPR'26**] T [[Paper](U)]` and `* [**ICLR'26**] T [[Paper](U)]` agree, a missing code
  link or a different bracket does not); shape is measured on the entry the bot writes into the
  maintainers' section, so it does not depend on the relevance model;
- in shape given the facts: the same, once the bot is given what the maintainers' entry knows
  and the day's feed does not (the short name, the code link, the affiliation, as the catalog
  parser reads them from that entry): how far the learned templates are from the maintainers'
  when the facts are there (enrichment finds some of them in a real run, not in this replay);
- broken: entries whose rendering (cmark-gfm) leaves unbalanced brackets or stray emphasis marks,
  or whose insertion changes how many entries the catalog parser reads;
- merge-ready: proposed that day, in their section, in their shape, unbroken;
- same link form: the bot's entry links arXiv in the maintainers' forms (`abs/…`, `pdf/…`,
  `….pdf`), which the shape leaves out;
- leave-out (--leave-out): bench/replay_leave_out.py on each list's newest announce-state
  catalog (the last three entries of every section with at least six held out and re-inserted).

`--shape-only` skips judging: every paper is written into the maintainers' section.
`--starter` judges each list with the config `promptbot init` writes for it (learned relevance
without hand-written terms, its sections), as a new list's maintainers would start, instead of the
built-in defaults written for the seed list.
`--abstracts` gives the scorer the abstracts of listed papers found in the day files, as a warm
abstract cache does in a real run (bench/eval_history.py's option of the same name).

    python bench/replay_history.py HISTORY_DIR [--shape-only] [--leave-out] [--list OWNER/NAME]
        [--abstracts] [--starter] [--json] [--show N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import replay_leave_out
from entry_shape import known_shape, shape
from eval_history import load_abstracts

from promptbot import catalog, config
from promptbot.catalog import outline
from promptbot.entries import editing, formatting, read_fields
from promptbot.entries.metadata import canonical_venue
from promptbot.entries.render_check import problems
from promptbot.judging import Scorer
from promptbot.models import (
    Catalog,
    Decision,
    Entry,
    Insertion,
    Paper,
    PaperFields,
    Section,
    Status,
)
from promptbot.starter import starter_config


@dataclass
class Outcome:
    """What the bot did with one maintainers' addition."""

    repo: str
    arxiv_id: str
    section: str  # the maintainers' heading path
    section_existed: bool
    proposed: bool | None  # None in shape-only mode
    bot_section: str | None
    same_section: bool
    in_shape: bool
    in_known_shape: bool
    in_shape_given_facts: bool
    broken: bool
    fallback: str
    maintainers_entry: str
    bot_entry: str
    maintainers_shape: str
    bot_shape: str

    @property
    def same_link_form(self) -> bool:
        """Whether the entry links arXiv as the maintainers' does (`abs/…`, `pdf/…`, `.pdf`),
        which the shape leaves out (every URL is `U` there)."""
        return _link_forms(self.bot_entry) == _link_forms(self.maintainers_entry)

    @property
    def merge_ready(self) -> bool:
        return bool(self.proposed) and self.same_section and self.in_shape and not self.broken


_TAG = re.compile(r"<[^>]*>")
_ARXIV_FORM = re.compile(r"arxiv\.org/(abs|pdf|html)/[\w.\-/]+?(\.pdf)?(?=[)\s\"'<>\]]|$)",
                         re.IGNORECASE)


def _link_forms(text: str) -> list[str]:
    return [m.group(1).lower() + (m.group(2) or "") for m in _ARXIV_FORM.finditer(text)]


def _norm(heading: str) -> str:
    return _TAG.sub("", heading).strip().rstrip(":：.").strip().casefold()


_ASIDE = re.compile(r"\s*[(（][^)）]*[)）]")


def _bare(heading: str) -> str:
    """A normalized heading without its parenthesized asides: `Multimodal Instruction Tuning
    (& Latest Works)` is the section the list called `Multimodal Instruction Tuning` before the
    maintainers renamed it."""
    return " ".join(_ASIDE.sub("", heading).split())


def section_paths(cat: Catalog) -> list[tuple[tuple[str, ...], Section]]:
    """Every section with the headings above it, outermost first."""
    stack: list[tuple[int, str]] = []
    out = []
    for section in cat.sections:
        while stack and stack[-1][0] >= section.level:
            stack.pop()
        stack.append((section.level, _norm(section.heading)))
        out.append((tuple(h for _, h in stack), section))
    return out


def find_section(cat: Catalog, path: str) -> tuple[Section | None, bool]:
    """The section for a heading path, and whether it is that very heading: among the sections
    named like the path's last heading, the one whose headings above match the path best (the
    `2026` under `Vision`); else the nearest heading above it that exists (a sub-group the
    parser does not know as a section)."""
    want = tuple(_norm(h) for h in path.split(" > "))
    paths = section_paths(cat)
    named = [(p, s) for p, s in paths if p[-1] == want[-1]]
    if named:
        def overlap(p: tuple[str, ...]) -> int:
            return len(set(p[:-1]) & set(want[:-1]))
        best, section = max(named, key=lambda ps: overlap(ps[0]))
        # `Language > 2026` is not `Vision > 2026`: the very heading has all the path's parents.
        if overlap(best) == len(set(want[:-1])):
            return section, True
    renamed = _renamed(paths, want)
    if renamed is not None:
        return renamed, True
    for cut in range(1, len(want)):
        head = want[: len(want) - cut]
        found = [s for p, s in paths if p[-len(head):] == head]
        if found:
            return found[0], False
    return None, False


def _renamed(paths: Sequence[tuple[tuple[str, ...], Section]], want: tuple[str, ...]
             ) -> Section | None:
    """The one section named like the path's last heading once both leave out their asides in
    parentheses, under the path's parents: the section as it was named on the day (the
    maintainers added `(Action)` to `🎬 Vision-Language Model` later); None unless exactly one
    section is (`Prompt Learning/Tuning` and `Prompt Learning/Tuning(已读)` are two sections)."""
    bare = _bare(want[-1])
    found = [s for p, s in paths if _bare(p[-1]) == bare
             and {_bare(h) for h in want[:-1]} <= {_bare(h) for h in p[:-1]}]
    return found[0] if len(found) == 1 else None


def openable(cat: Catalog, path: str) -> Section | None:
    """The newest year section of a heading whose year section of the path the list has not
    opened yet (`Language > 2026` beside `Language > 2025`): the bot opens it as the list would,
    with entries written like that year's; None if the path is no such year."""
    want = tuple(_norm(h) for h in path.split(" > "))
    if len(want) < 2 or not re.fullmatch(r"(?:19|20)\d\d", want[-1]):
        return None
    years = [s for p, s in section_paths(cat) if len(p) >= 2
             and _bare(p[-2]) == _bare(want[-2]) and outline.heading_year(s) is not None]
    return max(years, key=lambda s: outline.heading_year(s) or 0) if years else None


def planned_section(cat: Catalog, decision: Decision, cfg: config.Config) -> str | None:
    """Where a run puts the decided paper, whatever the decision: the section of the insertion
    planning writes for it (its year subsection included, opened when the list has none yet),
    as a heading path; None when no entry could be written there."""
    planned = editing.plan_insertions(cat, [replace(decision, status=Status.PROPOSED)], cfg)
    if not planned:
        return None
    name = planned[0].section
    chosen = outline.find(cat, name)
    if chosen is None:
        return name  # a year section the insertion opens, under its parent's name
    return " > ".join(chosen.path) if chosen.path else chosen.heading


def same_path(theirs: str, ours: str) -> bool:
    """Whether two heading paths name one section: the shorter is the end of the longer (a
    path may leave out the list's title above every section)."""
    want = [_norm(h) for h in theirs.split(" > ")]
    got = [_norm(h) for h in ours.split(" > ")]
    size = min(len(want), len(got))
    return want[-size:] == got[-size:]


def read_day(folder: Path, day: str) -> list[Paper]:
    """The day's feed as Papers (the announce day as the submission date's stand-in)."""
    stamp = datetime.fromisoformat(day).replace(tzinfo=UTC)
    papers = []
    with gzip.open(folder / "days" / f"{day}.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            papers.append(Paper(
                arxiv_id=row["id"], title=" ".join(row["title"].split()),
                authors=tuple(row.get("authors") or ()), abstract=row.get("summary") or "",
                categories=tuple(row.get("categories") or ()),
                primary_category=(row.get("categories") or [None])[0],
                comment=row.get("comment"), published=stamp, source="history"))
    return papers


def catalog_path(folder: Path, row: dict[str, Any]) -> Path:
    owner, name = row["repo"].split("/")
    return folder / "catalogs" / f"{owner}_{name}_{row['announce_state_sha'][:7]}.md"


def read_text(path: Path) -> str:
    """The file as it is, line endings kept."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def written(cat: Catalog, section: Section, paper: Paper,
            fields: PaperFields | None) -> tuple[str, str]:
    """The entry the bot writes into `section`, and why it fell back (empty: a template)."""
    style = editing.section_style(cat, section)
    entry = formatting.format_entry(paper, style, fields=fields)
    return entry.text, entry.fallback


def read_in_place(cat: Catalog, section: Section, paper: Paper, entry: str) -> Entry | None:
    """The entry as the catalog parser reads it once inserted into `section`; None if it reads
    no entry of the paper there."""
    after = editing.insertion_point(cat, section.heading)
    text = editing.insert(cat.render(), [Insertion(paper.arxiv_id, section.heading, after,
                                                   entry.replace("\r", ""))])
    return next((e for e in catalog.parse(text).entries if paper.arxiv_id in e.arxiv_ids), None)


def read_title(cat: Catalog, section: Section | None, paper: Paper, entry: str) -> str:
    """The entry's title as the catalog parser reads it in place (empty when it reads none)."""
    found = read_in_place(cat, section, paper, entry) if section and entry else None
    return found.title if found else ""


def given_facts(paper: Paper, found: Entry | None) -> PaperFields:
    """The paper's fields with what the maintainers' entry (`found`: as the catalog parser reads
    it in place) knows beyond the feed: its short name, code link, affiliation and the venue it
    was accepted at."""
    fields = read_fields(paper)
    if found is None:
        return fields
    venue = canonical_venue(found.venue) if found.venue else None
    accepted = venue is not None and venue != "arXiv"
    return replace(fields, name=found.name if found.name not in (None, "?") else fields.name,
                   code_url=found.code_urls[0] if found.code_urls else fields.code_url,
                   affiliation=found.affiliation or fields.affiliation,
                   venue=venue if accepted and venue else fields.venue,
                   year=found.year if accepted and found.year else fields.year)


def broken(cat: Catalog, section: Section, text: str, paper: Paper) -> bool:
    """Unbalanced rendering, or an insertion that changes how the old entries read."""
    style = editing.section_style(cat, section)
    context = style.templates.context if style.templates else ""
    found = problems(text, context=context, shown=(paper.title,))
    if any("unbalanced" in p or "stray" in p for p in found):
        return True
    after = editing.insertion_point(cat, section.heading)
    new = editing.insert(cat.render(), [Insertion(paper.arxiv_id, section.heading, after, text)])
    return len(catalog.parse(new).entries) != len(cat.entries) + 1


@dataclass
class Replay:
    """What rows share: the config, the day feeds and decisions read so far, the abstracts."""

    cfg: config.Config
    shape_only: bool
    abstracts: dict[str, str]
    starter: bool
    days: dict[str, list[Paper]]
    decided: dict[tuple[Path, str], tuple[Decision, ...]]


def decisions_of(replay: Replay, path: Path, cat: Catalog, day: str) -> tuple[Decision, ...]:
    """The scorer's decisions on a day's feed for a list as it stood (once per list-day)."""
    key = (path, day)
    if key not in replay.decided:
        listed = {i for e in cat.entries for i in e.arxiv_ids}
        cached = {i: t for i, t in replay.abstracts.items() if i in listed}
        cfg = starter_config_of(cat) if replay.starter else replay.cfg
        replay.decided[key] = Scorer(cat, cfg, abstracts=cached).decide_many(replay.days[day])
    return replay.decided[key]


def starter_config_of(cat: Catalog) -> config.Config:
    """The config `promptbot init` writes for this list, read back as a run would read it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "config.toml"
        path.write_text(starter_config(cat, "owner/list"), encoding="utf-8")
        return config.load(path)


def replay_row(folder: Path, row: dict[str, Any], replay: Replay) -> Outcome | None:
    """One row replayed."""
    path = catalog_path(folder, row)
    cat = catalog.parse(read_text(path))
    days, shape_only = replay.days, replay.shape_only
    if row["announce_day"] not in days:
        days[row["announce_day"]] = read_day(folder, row["announce_day"])
    feed = days[row["announce_day"]]
    paper = next((p for p in feed if p.arxiv_id == row["arxiv_id"]), None)
    if paper is None:
        return None
    section, exact = find_section(cat, row["section"])
    opens = None if exact else openable(cat, row["section"])
    # Their section as the list named it on the day (renamed since, or the year it opens).
    theirs_then = row["section"]
    if exact and section is not None and section.path:
        theirs_then = " > ".join(section.path)
    elif opens is not None:
        theirs_then = " > ".join((*opens.path[:-1], row["section"].split(" > ")[-1]))
    decision = None
    if not shape_only:
        decisions = decisions_of(replay, path, cat, row["announce_day"])
        decision = next(d for d in decisions if d.paper.arxiv_id == paper.arxiv_id)
    target = opens or section
    text, fallback = (written(cat, target, paper, decision.fields if decision else None)
                      if target else ("", "no section"))
    bot_section = planned_section(cat, decision, replay.cfg) if decision else None
    # Each entry's title as it reads there too: the maintainers may have typed it differently.
    their_entry = read_in_place(cat, target, paper, row["entry"]) if target else None
    their_title = their_entry.title if their_entry else ""
    theirs = shape(row["entry"], paper.title, their_title)
    our_title = read_title(cat, target, paper, text)
    ours = shape(text, paper.title, our_title)
    informed_text = (written(cat, target, paper, given_facts(paper, their_entry))[0]
                     if target else "")
    informed = shape(informed_text, paper.title, read_title(cat, target, paper, informed_text))
    return Outcome(
        repo=row["repo"], arxiv_id=paper.arxiv_id, section=row["section"],
        section_existed=exact or opens is not None,
        proposed=None if decision is None else decision.status is Status.PROPOSED,
        bot_section=bot_section,
        same_section=bool(bot_section and (same_path(row["section"], bot_section)
                                           or same_path(theirs_then, bot_section))),
        in_shape=theirs == ours,
        in_known_shape=(known_shape(row["entry"], paper.title, their_title)
                        == known_shape(text, paper.title, our_title)),
        in_shape_given_facts=theirs == informed,
        broken=target is not None and broken(cat, target, text, paper),
        fallback=fallback, maintainers_entry=row["entry"], bot_entry=text,
        maintainers_shape=theirs, bot_shape=ours)


def _rate(n: int, total: int) -> str:
    return f"{n}/{total} = {n / total:.0%}" if total else "0/0"


def summarize(outcomes: list[Outcome], shape_only: bool) -> dict[str, Any]:
    """Per-list and total rates."""
    by_list: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_list[o.repo].append(o)
    by_list["TOTAL"] = outcomes
    out: dict[str, Any] = {}
    for repo, rows in by_list.items():
        existed = [o for o in rows if o.section_existed]
        figures = {
            "rows": len(rows),
            "in_shape": _rate(sum(o.in_shape for o in rows), len(rows)),
            "in_shape_but_unknown_links": _rate(sum(o.in_known_shape for o in rows), len(rows)),
            "in_shape_given_facts": _rate(sum(o.in_shape_given_facts for o in rows), len(rows)),
            "broken": sum(o.broken for o in rows),
            "fallback": sum(bool(o.fallback) for o in rows),
            "same_link_form": _rate(sum(o.same_link_form for o in rows), len(rows)),
        }
        if not shape_only:
            figures |= {
                "proposed": _rate(sum(bool(o.proposed) for o in rows), len(rows)),
                "same_section": _rate(sum(o.same_section for o in existed), len(existed)),
                "merge_ready": _rate(sum(o.merge_ready for o in rows), len(rows)),
            }
        out[repo] = figures
    return out


def leave_out(folder: Path, rows: list[dict[str, Any]], cfg: config.Config) -> dict[str, Any]:
    """The leave-out replay on each list's newest announce-state catalog."""
    newest: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row["announce_day"] >= newest.get(row["repo"], {}).get("announce_day", ""):
            newest[row["repo"]] = row
    out = {}
    for repo, row in sorted(newest.items()):
        result = replay_leave_out.replay(catalog_path(folder, row), cfg, 6, 3)
        out[repo] = {k: result[k] for k in ("held_out", "proposed", "same_section",
                                            "same_fields", "same_fields_but_name", "same_shape",
                                            "same_shape_but_unknown_links")}
    return out


def print_text(result: dict[str, Any], outcomes: list[Outcome], show: int) -> None:
    """The figures for a person, and a few entries that are not in the maintainers' shape."""
    for repo, figures in result["lists"].items():
        print(f"{repo}: " + "; ".join(f"{k} {v}" for k, v in figures.items()))
    for repo, figures in result.get("leave_out", {}).items():
        print(f"leave-out {repo}: " + "; ".join(f"{k} {v}" for k, v in figures.items()))
    shown: dict[str, int] = defaultdict(int)
    for o in outcomes:
        if (not o.in_shape or o.broken) and shown[o.repo] < show:
            shown[o.repo] += 1
            print(f"\n- {o.repo} {o.arxiv_id} ({o.section}) fallback={o.fallback!r}")
            print(f"  theirs: {o.maintainers_entry!r}\n  ours:   {o.bot_entry!r}")
            print(f"  theirs: {o.maintainers_shape!r}\n  ours:   {o.bot_shape!r}")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: the history folder (rows.jsonl, catalogs/, days/) and options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("history", type=Path, help="folder with rows.jsonl, catalogs/, days/")
    parser.add_argument("--config", type=Path, default=None, help="a promptbot config.toml")
    parser.add_argument("--shape-only", action="store_true",
                        help="no judging: write every paper into the maintainers' section")
    parser.add_argument("--leave-out", action="store_true",
                        help="also the leave-out replay on each list's newest catalog")
    parser.add_argument("--abstracts", action="store_true",
                        help="the scorer sees listed papers' abstracts from the day files")
    parser.add_argument("--starter", action="store_true",
                        help="judge each list with the config `promptbot init` writes for it")
    parser.add_argument("--list", default=None, help="only this OWNER/NAME")
    parser.add_argument("--show", type=int, default=0, help="entries out of shape shown per list")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    cfg = config.load(args.config)
    rows = [json.loads(line) for line in (args.history / "rows.jsonl").read_text("utf-8")
            .splitlines() if line.strip()]
    rows = [r for r in rows if args.list in (None, r["repo"])]
    replay = Replay(cfg, args.shape_only,
                    load_abstracts(args.history) if args.abstracts else {}, args.starter, {}, {})
    outcomes = [o for r in rows if (o := replay_row(args.history, r, replay))]
    result: dict[str, Any] = {"mode": "shape-only" if args.shape_only else "judged",
                              "lists": summarize(outcomes, args.shape_only)}
    if args.leave_out:
        result["leave_out"] = leave_out(args.history, rows, cfg)
    if args.json:
        result["rows"] = [asdict(o) | {"merge_ready": o.merge_ready} for o in outcomes]
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_text(result, outcomes, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
