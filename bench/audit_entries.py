"""Audit of written entries: every section of every list given, hostile papers and plain ones.

For each catalog and each section with entries:
- every hostile paper of a JSON file (`tests/data/hostile_metadata.json`: titles, abstracts and
  comments with markup, HTML, mentions, links, control characters) is written the list's way and
  inserted; counted as broken when the entry renders with unbalanced brackets or stray emphasis
  (cmark-gfm, the render check), or the catalog parser no longer reads the old entries as before
  plus the new one, or GitHub's renderer no longer shows an old list item, paragraph or table
  row as it was (the new entry took a line of an old one);
- two plain papers of distinctive words (one with a name, code and a project page, one published
  from an institution) are written; counted as strangers when the entry shows a URL or a word
  that is neither the paper's nor a habit of the list (on two of its entries or more): another
  paper's link or words, copied from an exemplar; and counted as misread when the catalog parser
  reads the written entry's title as anything but the paper's title (where it misreads the
  list's own entries the same way, the render check cannot see it).

Reported per list: sections, entries written, broken, strangers, misread, and the first few of
each.

    python bench/audit_entries.py CATALOG.md [CATALOG.md ...] [--hostile FILE] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from promptbot import catalog
from promptbot.catalog import normalize_title, section_names
from promptbot.catalog.math_text import plain_math
from promptbot.entries import editing, spacing
from promptbot.entries.formatting import TITLE_MAX, format_entry
from promptbot.entries.markdown_safety import rendered_text
from promptbot.entries.render_check import gfm_html, problems
from promptbot.models import Catalog, Insertion, Paper, Section

HOSTILE = Path(__file__).resolve().parent.parent / "tests" / "data" / "hostile_metadata.json"
_DAY = datetime(2026, 11, 10, tzinfo=UTC)
PLAIN = (
    Paper(arxiv_id="2611.04567", title="Zebra-Net: Quokka Alignment for Wombat Segmentation",
          authors=("Ada Q. Lovelace", "Bob Zed"), published=_DAY,
          abstract="We align quokkas. Code: https://github.com/zoo/zebra-net. "
                   "Project page: https://zoo.github.io/zebra/"),
    Paper(arxiv_id="2611.04568", title="Quokka Alignment for Wombat Segmentation in the Wild",
          authors=("Ada Q. Lovelace",), comment="Accepted to CVPR 2026",
          affiliations=("Wombat University",), published=_DAY),
)
_OURS = ("2611.0456", "zoo/zebra-net", "zoo.github.io")
_URL = re.compile(r"https?://[^\s)\]\"'<>]+")
_WORD = re.compile(r"[A-Za-z]{3,}")
_DIGITS = re.compile(r"\d")
_MONTHS = ("January February March April May June July August September October November "
           "December")


def hostile_papers(path: Path) -> list[Paper]:
    """The hostile metadata as papers, each title behind plain words (a title with words)."""
    items = json.loads(path.read_text("utf-8"))
    return [Paper(arxiv_id=f"2612.{98000 + n}", title=" ".join(
        ("Towards Robust " + str(h["title"])).split()), abstract=str(h.get("abstract") or ""),
        comment=h.get("comment"), authors=("Ada Lovelace",), published=_DAY)
        for n, h in enumerate(items)]


def inserted(cat: Catalog, section: Section, paper: Paper) -> tuple[str, Catalog]:
    """The entry written for `paper` into `section`, and the catalog with it inserted."""
    entry = format_entry(paper, editing.section_style(cat, section))
    name = section_names(cat).get(id(section), section.heading)
    after = editing.insertion_point(cat, name, entry=entry.text)
    # Indented as the entry it is written beside and spaced as its neighbours are (a blank line
    # below an entry on top, above one at the end), as a run writes it (plan_insertions).
    spot = editing.locate(cat, section, row=editing.table_row(entry.text))
    written = editing.indented_beside(cat, spot, entry.text)
    spaced_text = spacing.spaced(written, spot.gap, top=spot.top)
    text = editing.insert(cat.render(), [Insertion(paper.arxiv_id, name, after, spaced_text)])
    return written, catalog.parse(text)


def broken(cat: Catalog, new: Catalog, text: str, paper: Paper) -> bool:
    """Unbalanced, or the old entries read otherwise, or the new one not read back once."""
    shown = (rendered_text(plain_math(paper.title), TITLE_MAX),)
    if any("unbalanced" in p or "stray" in p for p in problems(text, shown=shown)):
        return True
    added = [e for e in new.entries if paper.arxiv_id in e.arxiv_ids]
    old = [(e.title, e.arxiv_ids) for e in cat.entries]
    rest = [(e.title, e.arxiv_ids) for e in new.entries if not added or e is not added[0]]
    return len(added) != 1 or rest != old or bool(taken_from(cat.render(), new.render(), text))


class _Blocks(HTMLParser):
    """The text of every list item, paragraph and table row of rendered HTML, nested text
    included."""

    _KINDS = ("li", "p", "tr")

    def __init__(self) -> None:
        super().__init__()
        self.open: list[list[str]] = []
        self.found: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._KINDS:
            self.open.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in self._KINDS and self.open:
            self.found[" ".join("".join(self.open.pop()).split())] += 1

    def handle_data(self, data: str) -> None:
        for block in self.open:
            block.append(data)


@lru_cache(maxsize=2)
def _blocks(markdown: str) -> Counter[str]:
    """The rendered blocks of a text, once per text: the list's own is asked for every write."""
    parser = _Blocks()
    parser.feed(gfm_html(markdown))
    return parser.found


def taken_from(old: str, new: str, entry: str = "") -> list[str]:
    """The list items, paragraphs and rows of the old text that the new one no longer shows as
    they were: a line of an old entry (its nested authors' line) taken into the new entry. A
    block that holds the new `entry` (the sub-group it was written into) is compared without
    it."""
    alone = textwrap.dedent(entry.strip("\n"))  # a nested entry, not a code block
    shown = max(_blocks(alone), key=len, default="") if alone.strip() else ""
    kept: Counter[str] = Counter()
    for block, count in _blocks(new).items():
        kept[" ".join(block.replace(shown, " ").split()) if shown else block] += count
    return list((_blocks(old) - kept).elements())


@lru_cache(maxsize=2)
def _habits(cat: Catalog) -> tuple[Counter[str], Counter[str]]:
    """On how many of the list's entries each word and each URL is: read once per list, not
    for every entry written into it."""
    words = Counter(w.casefold() for e in cat.entries for w in set(_WORD.findall(e.raw)))
    links = Counter(_shape(u) for e in cat.entries for u in set(_URL.findall(e.raw)))
    return words, links


def _shape(url: str) -> str:
    """A URL as the audit counts it: a badge the list builds from each paper's date
    (`img.shields.io/badge/arXiv-2026.11-red`) is the list's whatever the date; any other URL
    (another paper's link) as it is."""
    return _DIGITS.sub("0", url) if "img.shields.io/badge/" in url else url


def strangers(text: str, paper: Paper, cat: Catalog) -> list[str]:
    """The URLs and words of `text` that are neither the paper's nor on two of the list's
    entries or more."""
    words, links = _habits(cat)
    own = " ".join((paper.title, *paper.authors, paper.comment or "", *paper.affiliations,
                    paper.abstract, _MONTHS))
    mine = {w.casefold() for w in _WORD.findall(own)} | {m[:3].casefold()
                                                          for m in _MONTHS.split()}
    urls = [u for u in _URL.findall(text)
            if links[_shape(u)] < 2 and not any(o in u for o in _OURS)]
    return urls + [w for w in _WORD.findall(_URL.sub("", text))
                   if w.casefold() not in mine and words[w.casefold()] < 2]


def misread(new: Catalog, paper: Paper) -> bool:
    """Whether the written entry's title reads back as anything but the paper's title (or its
    title after `Name:`, where the list shows the name apart: `[**Zebra-Net**] Quokka …`)."""
    added = [e for e in new.entries if paper.arxiv_id in e.arxiv_ids]
    titles = {normalize_title(paper.title), normalize_title(paper.title.partition(":")[2])}
    return len(added) == 1 and normalize_title(added[0].title) not in titles


def audit(path: Path, hostile: Sequence[Paper]) -> dict[str, Any]:
    """One catalog's figures and first findings."""
    with path.open(encoding="utf-8", newline="") as handle:
        cat = catalog.parse(handle.read())
    sections = [s for s in cat.sections if s.entries]
    written = 0
    faults: list[str] = []
    found: list[str] = []
    misreads: list[str] = []
    for section in sections:
        for paper in hostile:
            text, new = inserted(cat, section, paper)
            written += 1
            if broken(cat, new, text, paper):
                faults.append(f"{section.heading}: {text!r}")
        for paper in PLAIN:
            text, new = inserted(cat, section, paper)
            written += 1
            if misread(new, paper):
                misreads.append(f"{section.heading}: {text!r}")
            if extra := strangers(text, paper, cat):
                found.append(f"{section.heading}: {extra} in {text!r}")
    return {"sections": len(sections), "written": written, "broken": len(faults),
            "strangers": len(found), "misread": len(misreads), "first_broken": faults[:3],
            "first_strangers": found[:3], "first_misread": misreads[:3]}


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: catalogs, and where the hostile metadata is."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("catalogs", type=Path, nargs="+")
    parser.add_argument("--hostile", type=Path, default=HOSTILE)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    hostile = hostile_papers(args.hostile)
    result = {path.name: audit(path, hostile) for path in args.catalogs}
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for name, figures in result.items():
        print(f"{name}: sections {figures['sections']}; written {figures['written']}; "
              f"broken {figures['broken']}; strangers {figures['strangers']}; "
              f"misread {figures['misread']}")
        for line in figures["first_broken"] + figures["first_strangers"] + figures[
                "first_misread"]:
            print(f"  {line[:300]}")
    total = {k: sum(f[k] for f in result.values())
             for k in ("written", "broken", "strangers", "misread")}
    print(f"TOTAL: written {total['written']}; broken {total['broken']}; "
          f"strangers {total['strangers']}; misread {total['misread']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
