"""`promptbot check`: what promptbot understands of a catalog, as findings, text or JSON."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from rapidfuzz import fuzz

from promptbot import catalog as catalog_module
from promptbot import pipeline
from promptbot.catalog import normalize_title, outline
from promptbot.check_preview import previews
from promptbot.config import Config
from promptbot.judging.placement import heading_matches, named_sections  # as `run` places
from promptbot.models import Catalog, Entry

# Two titles under one arXiv id are the same paper when one's words nearly contain the other's
# ("MaPLe: Multi-modal Prompt Learning" / "Multi-modal Prompt Learning").
_SAME_PAPER = 80.0


Finding = dict[str, Any]  # JSON-ready: what --json prints, and what the text report reads


def _brief(entry: Entry) -> Finding:
    return {"line": entry.line, "name": entry.name, "title": entry.title}


def _clusters(group: list[Entry]) -> list[list[Entry]]:
    """Entries under one arXiv id, grouped by title: one group per paper the titles name."""
    clusters: list[tuple[str, list[Entry]]] = []
    for entry in group:
        key = normalize_title(entry.title)
        for first, members in clusters:
            if fuzz.token_set_ratio(first, key, processor=None) >= _SAME_PAPER:
                members.append(entry)
                break
        else:
            clusters.append((key, [entry]))
    return [members for _, members in clusters]


def _by_id(entries: tuple[Entry, ...]) -> dict[str, list[Entry]]:
    found: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        for arxiv_id in entry.arxiv_ids:
            found[arxiv_id].append(entry)
    return found


def _group(by: str, key: str, members: list[Entry]) -> Finding:
    return {"by": by, "key": key, "title": members[0].title,
            "lines": sorted({e.line for e in members}), "entries": [_brief(e) for e in members]}


def _duplicates(entries: tuple[Entry, ...]) -> list[Finding]:
    found = [_group("arxiv_id", arxiv_id, members)
             for arxiv_id, group in _by_id(entries).items()
             for members in _clusters(group) if len({e.line for e in members}) > 1]
    seen = [set(d["lines"]) for d in found]
    by_title: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_title[normalize_title(entry.title)].append(entry)
    for key, members in by_title.items():
        lines = {e.line for e in members}
        if key and len(lines) > 1 and not any(lines <= other for other in seen):
            found.append(_group("title", key, members))
    return sorted(found, key=lambda d: d["lines"][0])


def _conflicts(entries: tuple[Entry, ...]) -> list[Finding]:
    found: list[Finding] = []
    for arxiv_id, group in _by_id(entries).items():
        clusters = _clusters(group)
        if len(clusters) > 1:
            found.append({"arxiv_id": arxiv_id, "entries": [_brief(c[0]) for c in clusters]})
    return sorted(found, key=lambda d: d["entries"][0]["line"])


def _configured_sections(cfg: Config) -> list[tuple[str, str]]:
    sections = cfg.sections
    named = [("sections.default", sections.default), ("sections.published", sections.published),
             ("sections.preprint", sections.preprint)]
    named += [(f"sections.never[{i}]", name) for i, name in enumerate(sections.never)]
    named += [(f"sections.rules[{i}].section", rule.section)
              for i, rule in enumerate(sections.rules)]
    return [(key, name) for key, name in named if name]


def _named_sections(catalog: Catalog, cfg: Config) -> list[Finding]:
    """The sections too small for the learned placement that take the papers whose titles say
    their heading, each with the phrase."""
    named = named_sections(catalog, cfg.sections)
    return [{"heading": n.section.heading, "line": n.section.line,
             "entries": len(n.section.entries), "phrase": n.phrase} for n in named.listed()]


def _dated_topics(catalog: Catalog) -> list[Finding]:
    """The headings whose sections are dated (`2026`, `CVPR 2022`): a paper goes under its own
    year (and venue), opened when the list has none; how they are dated, and their order."""
    out: list[Finding] = []
    seen: set[tuple[str, ...]] = set()
    for section in catalog.sections:
        if outline.heading_year(section) is None or section.path[:-1] in seen:
            continue
        seen.add(section.path[:-1])
        siblings = outline.year_siblings(catalog, section)
        parent = outline.parent_of(catalog, section)
        years = [outline.heading_year(s) or 0 for s in siblings]
        order = "" if len(set(years)) < 2 else (
            "newest first" if years[0] > years[-1] else "oldest first")
        out.append({"heading": parent.heading if parent else "",
                    "line": parent.line if parent else section.line,
                    "by": "venue and year" if outline.by_venue(siblings) else "year",
                    "dates": [s.heading for s in siblings], "order": order})
    return out


def findings(catalog: Catalog, cfg: Config) -> Finding:
    """Everything `check` reports about a parsed catalog, as plain JSON-ready data."""
    entries = catalog.entries
    headings = [s.heading for s in catalog.sections]
    return {
        "lines": len(catalog.lines),
        "sections": [{"heading": s.heading, "level": s.level, "line": s.line,
                      "pseudo": s.pseudo, "entries": len(s.entries)} for s in catalog.sections],
        "entries": len(entries),
        "no_arxiv_id": [_brief(e) for e in entries if not e.arxiv_ids],
        "unparsed": [{"line": u.line, "text": u.text} for u in catalog.unparsed],
        "hidden": [{**_brief(e), "end_line": e.end_line, "arxiv_ids": list(e.arxiv_ids)}
                   for e in catalog.hidden],
        "duplicates": _duplicates(entries),
        "conflicts": _conflicts(entries),
        "missing_sections": [{"key": key, "section": name}
                             for key, name in _configured_sections(cfg)
                             if not any(heading_matches(name, h) for h in headings)],
        "named_sections": _named_sections(catalog, cfg),
        "dated_topics": _dated_topics(catalog),
    }


def render(
    text: str, cfg: Config, *, as_json: bool, source: str = "", preview: bool = False
) -> str:
    """The report on a catalog's text: one JSON object, or aligned plain text; a CatalogError
    for a file that lists no papers, as `run` refuses it (`source` names the file), unless it
    has lines that look like entries: then the report says why none could be read. With
    `preview`, each section's entry template and the entry it would write for a sample paper."""
    catalog = catalog_module.parse(text)
    if not catalog.unparsed:
        pipeline.require_list(catalog, source or cfg.catalog.path)
    report = findings(catalog, cfg)
    if preview:
        report["templates"] = previews(catalog, cfg)
    if as_json:
        return json.dumps(report, ensure_ascii=False, indent=2)
    lines = _text(report)
    if preview:
        lines += _preview_text(report["templates"])
    return "\n".join(lines)


def _preview_text(items: list[Finding]) -> list[str]:
    out = ["", f"Entry templates (a sample paper written into each section): {len(items)}"]
    for item in items:
        out.append(f"  line {item['line']:>5}  {item['heading']}")
        out.append(f"    template: {item['template']}")
        out.extend(f"    writes:   {line}" for line in item["sample"].strip("\n").split("\n"))
        if item["fallback"]:
            out.append(f"    note:     {item['fallback']}")
    return out


def _short(text: object, width: int = 72) -> str:
    value = str(text)
    return value if len(value) <= width else value[: width - 1] + "…"


def _who(entry: Finding) -> str:
    name = f"{entry['name']}: " if entry.get("name") else ""
    return _short(f"{name}{entry.get('title', '')}")


def _text(report: Finding) -> list[str]:
    sections: list[Finding] = report["sections"]
    out = [f"{report['entries']} entries in {len(sections)} sections ({report['lines']} lines)",
           "", "Sections", f"  {'line':>5}  {'entries':>7}  heading"]
    for s in sections:
        marker = "- " if s["pseudo"] else ""
        level = "#" * int(s["level"])
        out.append(f"  {s['line']:>5}  {s['entries']:>7}  {marker}{level} {s['heading']}".rstrip())
    out += _list(report, "no_arxiv_id", "Entries without an arXiv id",
                 lambda d: f"  line {d['line']:>5}  {_who(d)}")
    out += _list(report, "unparsed", "Lines that look like entries but were not understood",
                 lambda d: f"  line {d['line']:>5}  {_short(d['text'])}")
    out += _list(report, "hidden", "Entries the maintainers commented out (never proposed)",
                 lambda d: f"  line {d['line']:>5}  {_who(d)}")
    out += _list(report, "duplicates", "Papers listed more than once",
                 lambda d: f"  lines {', '.join(map(str, d['lines']))}  ({_by(d)})  "
                           f"{_short(d['title'], 60)}")
    out += _list(report, "conflicts", "One arXiv id under different titles",
                 lambda d: f"  arXiv {d['arxiv_id']}: "
                           + "; ".join(f"line {e['line']} {_who(e)}" for e in d["entries"]))
    out += _list(report, "missing_sections", "Configured sections not in the catalog",
                 lambda d: f"  {d['key']} = \"{d['section']}\"")
    out += _list(report, "named_sections", "Sections too small to learn from, given the papers"
                 " whose title says their heading",
                 lambda d: f"  line {d['line']:>5}  {_short(d['heading'], 50)}  "
                           f"(\"{d['phrase']}\"; {_entries(d['entries'])})")
    out += _list(report, "dated_topics", "Headings split by date (a paper goes under its own"
                 " year, opened if missing)",
                 lambda d: f"  line {d['line']:>5}  {_short(d['heading'], 50) or '(top)'}  "
                           f"(by {d['by']}: {_span(d['dates'])}"
                           + (f", {d['order']})" if d["order"] else ")"))
    return out


def _span(dates: list[str]) -> str:
    return dates[0] if len(dates) == 1 else f"{dates[0]} … {dates[-1]}, {len(dates)} headings"


def _entries(count: int) -> str:
    return f"{count} entry" if count == 1 else f"{count} entries"


def _by(group: Finding) -> str:
    return f"arXiv {group['key']}" if group["by"] == "arxiv_id" else "same title"


def _list(report: Finding, key: str, title: str, line: Callable[[Finding], str]) -> list[str]:
    items: list[Finding] = report[key]
    return ["", f"{title}: {len(items) or 'none'}", *(line(item) for item in items)]
