"""Each section's entry style, learned from its own entries by a majority vote per feature."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from promptbot.metadata import canonical_venue
from promptbot.models import Catalog, Entry, Section

VENUE_LABEL = "{venue}"  # a paper-link label that shows the venue: "[[CVPR 2022](…)]"
_LINK_RE = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\(\s*([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\s*\)")
_ROW_SPLIT = re.compile(r"(?<!\\)\|")
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BLOCK_LINE = re.compile(r"^(\s*[-*+]\s*)([^:：\s][^:：]*?)(\s*[:：]\s*)(\S+)\s*$")


@dataclass(frozen=True)
class LinkStyle:
    """How an entry's links look: labels, the arXiv URL form, brackets and spacing."""

    paper_label: str = "Paper"  # a fixed label, or VENUE_LABEL
    arxiv_date: str = "yymm"  # with VENUE_LABEL, arXiv papers show "arXiv 2306" or "arXiv 2023"
    paper_url: str = "abs"  # "abs" | "pdf"
    code_label: str = "Code"
    before: str = "["  # around each `[label](url)`: "[[Paper](…)]"
    after: str = "]"
    joiner: str = ""


@dataclass(frozen=True)
class EntryStyle:
    """A template-like description of one section's entries."""

    kind: str = "bullet"  # "bullet" | "table" | "block"
    head: str = "* **{name}**: "  # bullet: everything before the title
    quote: str = '"'  # bullet: the title's quotes ("" for none)
    middle: str = ", {venue}, {year} (*{affiliation}*). "  # between the title and the links
    tail: str = ""
    links: LinkStyle = field(default_factory=LinkStyle)
    arxiv_word: str = "arXiv"  # how the list spells the venue of an arXiv-only paper
    unknown_name: str = ""  # the list's marker for a paper without short name ("?")
    columns: tuple[str, ...] = ()  # table: the field each column shows
    widths: tuple[int, ...] = ()  # table: cell widths to pad to (empty = compact cells)
    missing: str = ""  # table: what a code cell holds without code ("---")
    labels: tuple[tuple[str, str], ...] = ()  # block: (role, line prefix): ("paper", "- Paper: ")
    venues: tuple[tuple[str, str], ...] = ()  # (canonical, as the list writes it): ("ACMMM", "MM")
    title_keeps_name: bool = True  # bullet: "**MaPLe**: MaPLe: Multi-modal…" rather than dropped

    def venue(self, canonical: str) -> str:
        """How this list spells a venue."""
        if canonical == "arXiv":
            return self.arxiv_word
        return dict(self.venues).get(canonical, canonical)


def infer_style(catalog: Catalog, section: Section) -> EntryStyle:
    """The dominant style of the section's entries, falling back to the whole catalog's."""
    kind = _section_kind(catalog, section)
    own = [e for e in section.entries if e.kind == kind]
    every = [e for e in catalog.entries if e.kind == kind]
    pool = own or every
    base = EntryStyle(
        kind=kind, unknown_name=_unknown_marker(catalog.entries), venues=_venues(catalog.entries)
    )
    base = replace(base, arxiv_word=_arxiv_word(own) or _arxiv_word(every) or "arXiv")
    if kind == "table":
        return _table_style(catalog, section, base, own, every)
    if kind == "block":
        return replace(base, labels=_block_labels(pool) or _block_labels(every))
    return _bullet_style(base, own, every)


def _section_kind(catalog: Catalog, section: Section) -> str:
    kinds = Counter(e.kind for e in section.entries)
    if kinds:
        return kinds.most_common(1)[0][0]
    if _table_header(catalog, section) is not None:
        return "table"
    every = Counter(e.kind for e in catalog.entries)
    return every.most_common(1)[0][0] if every else "bullet"


def _vote(values: Iterable[str | None], default: str) -> str:
    counts = Counter(v for v in values if v is not None)
    return counts.most_common(1)[0][0] if counts else default


def _weighted(values: Iterable[tuple[str | None, float]], default: str) -> str:
    counts: dict[str, float] = {}
    for value, weight in values:
        if value is not None:
            counts[value] = counts.get(value, 0.0) + weight
    return max(counts, key=lambda v: counts[v]) if counts else default


def _unknown_marker(entries: Sequence[Entry]) -> str:
    """A name made only of punctuation ("?") is the list's way to say "no short name"."""
    return _vote((e.name for e in entries if e.name and not any(c.isalnum() for c in e.name)), "")


def _venues(entries: Sequence[Entry]) -> tuple[tuple[str, str], ...]:
    """The list's own spelling of each known venue, by majority ("NeurIPS" over one "NIPS")."""
    votes: dict[str, Counter[str]] = {}
    for entry in entries:
        canonical = canonical_venue(entry.venue) if entry.venue else None
        if canonical and canonical != "arXiv":
            votes.setdefault(canonical, Counter())[entry.venue or canonical] += 1
    return tuple(sorted((c, v.most_common(1)[0][0]) for c, v in votes.items()))


def _arxiv_word(entries: Sequence[Entry]) -> str | None:
    words = [e.venue for e in entries if e.venue and e.venue.lower() == "arxiv"]
    return Counter(words).most_common(1)[0][0] if words else None


# --- bullets ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Shape:
    head: str | None
    quote: str | None
    middle: str | None
    tail: str | None


def _bullet_style(base: EntryStyle, own: Sequence[Entry], every: Sequence[Entry]) -> EntryStyle:
    """Vote the layout (quotes, middle, paper label) as one feature, then the rest among its own."""
    samples = _samples(own) or _samples(every)
    if not samples:
        return base
    # Newer entries weigh more: a new entry goes after them, and lists change habits over time.
    weights = [RECENCY ** (len(samples) - 1 - i) for i in range(len(samples))]

    def key(shape: _Shape, feats: dict[str, str]) -> tuple[str | None, ...]:
        return shape.quote, "".join((shape.middle or "").split()), feats.get("paper_label")

    layouts: dict[tuple[str | None, ...], float] = {}
    for (shape, feats), weight in zip(samples, weights, strict=True):
        layouts[key(shape, feats)] = layouts.get(key(shape, feats), 0.0) + weight
    winner = max(layouts, key=lambda k: layouts[k])
    picked = [(s, f, w) for (s, f), w in zip(samples, weights, strict=True) if key(s, f) == winner]
    chosen = [(s, f) for s, f, _ in picked]
    quote = winner[0]
    middle = _weighted(((s.middle, w) for s, _, w in picked), base.middle)
    default = LinkStyle()

    def pick(name: str, fallback: str) -> str:
        return _weighted(((f.get(name), w) for _, f, w in picked), fallback)

    code = [lk.label for e in own for lk in e.links if lk.role == "code"]
    code = code or [lk.label for e in every for lk in e.links if lk.role == "code"]
    links = LinkStyle(
        paper_label=pick("paper_label", default.paper_label),
        arxiv_date=_vote((f.get("arxiv_date") for _, f in samples), default.arxiv_date),
        paper_url=pick("paper_url", default.paper_url),
        code_label=_vote((c for c in code if _plain_code_label(c)), default.code_label),
        before=pick("before", default.before),
        after=pick("after", default.after),
        joiner=pick("joiner", default.joiner),
    )
    return replace(
        base,
        head=_weighted(((s.head, w) for s, _, w in picked), base.head),
        quote=quote or "",
        middle=middle,
        tail=_vote((s.tail for s, _ in chosen), ""),
        links=links,
        title_keeps_name=title_keeps_name(own if len(_named(own)) >= DROP_MIN_NAMED else every),
    )


RECENCY = 0.8  # an entry's vote for the section's style, relative to the entry after it
DROP_MIN_NAMED = 8  # named entries needed to tell that a section drops "Name: " from titles
DROP_MAX_SHARE = 0.1  # ... when at most this share of them keep it (arXiv titles: ~30% have one)


def _named(entries: Sequence[Entry]) -> list[Entry]:
    return [e for e in entries if e.name and any(c.isalnum() for c in e.name)]


def title_keeps_name(entries: Sequence[Entry]) -> bool:
    """Whether titles keep their "Name: " prefix when the name is also written apart.

    About a third of arXiv titles start with the paper's name; a list that keeps it shows that
    in many entries, a list that drops it ('**CLIP-Adapter**: Better Vision-Language Models…')
    in almost none. Too few named entries to tell: keep the title as arXiv has it.
    """
    named = _named(entries)
    if len(named) < DROP_MIN_NAMED:
        return True
    kept = sum(bool(re.match(rf"\s*{re.escape(e.name or '')}\s*[:：]", e.title)) for e in named)
    return kept > DROP_MAX_SHARE * len(named)


_AFFILIATION = re.compile(r"\s*[(\[]?[*_]*\{affiliation\}[*_]*[)\]]?")


def layout(entry: Entry) -> tuple[str, ...] | None:
    """How a one-line bullet entry looks, its values left out: marker and name, quotes, what
    sits between title and links (an affiliation aside), link brackets, labels and URL form.
    Two entries with the same layout look alike; None when the entry is not such a bullet."""
    shape, feats = _shape(entry), _link_features(entry)
    if shape is None or feats is None or shape.middle is None:
        return None
    middle = _AFFILIATION.sub("", shape.middle).strip()
    keys = ("paper_label", "arxiv_date", "paper_url", "before", "after")
    return (shape.head or "", shape.quote or "", middle, (shape.tail or "").strip(),
            *(feats.get(k, "") for k in keys))


def _samples(entries: Sequence[Entry]) -> list[tuple[_Shape, dict[str, str]]]:
    pairs = ((_shape(e), _link_features(e)) for e in entries)
    return [(shape, feats) for shape, feats in pairs if shape is not None and feats is not None]


def _shape(entry: Entry) -> _Shape | None:
    """An entry's text with its field values replaced by placeholders, cut into features."""
    if entry.kind != "bullet" or entry.end_line != entry.line or not entry.title:
        return None
    line = entry.raw.rstrip("\r\n")
    spans = _link_spans(line)
    if not spans:
        return None
    prefix, tail = line[: spans[0][0]], line[spans[-1][1] :]
    at = prefix.find(entry.title)
    if at < 0:
        return None
    end = at + len(entry.title)
    quote = ""
    if at > 0 and end < len(prefix) and prefix[at - 1] in "\"“" and prefix[end] in "\"”":
        quote, at, end = prefix[at - 1], at - 1, end + 1
    head, middle = prefix[:at], prefix[end:]
    if entry.name and entry.name in head:
        i = head.rfind(entry.name)
        head = head[:i] + "{name}" + head[i + len(entry.name) :]
    elif entry.name:
        return None
    return _Shape(head, quote, _templatize_middle(middle, entry), tail if not tail.strip() else "")


def _templatize_middle(middle: str, entry: Entry) -> str:
    if entry.affiliation and entry.affiliation in middle:
        middle = middle.replace(entry.affiliation, "{affiliation}", 1)
    if entry.venue:
        middle = re.sub(rf"(?<![\w{{]){re.escape(entry.venue)}(?!\w)", "{venue}", middle, count=1)
    if entry.year:
        middle = re.sub(rf"(?<!\d){entry.year}(?!\d)", "{year}", middle, count=1)
    return middle


def _link_spans(line: str) -> list[tuple[int, int, str, str]]:
    """The run of links that ends an entry: (start, end, label, url), outer brackets included."""
    spans: list[tuple[int, int, str, str]] = []
    for match in _LINK_RE.finditer(line):
        start, end = match.start(), match.end()
        if start > 0 and line[start - 1] == "[":
            start -= 1
        if end < len(line) and line[end] == "]":
            end += 1
        if spans and line[spans[-1][1] : start].strip():
            spans = []  # a link in the middle of the text (a linked title): not the link run
        spans.append((start, end, match.group(1), match.group(2)))
    return spans


def _plain_code_label(label: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][\w+.\- ]{0,20}", label)) and "(" not in label


def _link_features(entry: Entry) -> dict[str, str] | None:
    line = entry.raw.split("\n", 1)[0].rstrip("\r")
    spans = _link_spans(line) if entry.kind == "bullet" else []
    if not spans:
        return None
    start, end, label, url = spans[0]
    feats: dict[str, str] = {
        "before": "[" if line[start] == "[" and line[start + 1] == "[" else "",
        "after": "]" if line[end - 1] == "]" and line[end - 2] == ")" else "",
        "paper_url": "pdf" if "arxiv.org/pdf/" in url else "abs",
    }
    if len(spans) > 1:
        feats["joiner"] = line[end : spans[1][0]]
    number = re.search(r"(\d{4})\s*$", label)
    if entry.venue and number and entry.venue.lower() in label.lower():
        feats["paper_label"] = VENUE_LABEL
        if entry.venue.lower() == "arxiv" and entry.arxiv_ids:
            yymm = number.group(1) == entry.arxiv_ids[0][:4]
            feats["arxiv_date"] = "yymm" if yymm else "year"
    elif not number and _plain_code_label(label):
        feats["paper_label"] = label
    return feats


# --- tables -------------------------------------------------------------------------------------

_COLUMN_FIELDS = (
    ("title", ("title", "paper", "name")),
    ("venue", ("venue", "conference", "journal", "publication", "published")),
    ("year", ("year", "date")),
    ("code", ("code", "github", "repo", "implementation")),
    ("affiliation", ("affiliation", "institution", "organization")),
)


def _table_header(catalog: Catalog, section: Section) -> int | None:
    """The 1-based line of the section's first table delimiter row, if the section has a table."""
    last = min(section.end_line, len(catalog.lines))
    for number in range(section.line + 2, last + 1):
        if _DELIMITER_ROW.match(catalog.lines[number - 1]) and "|" in catalog.lines[number - 2]:
            return number
    return None


def cells(row: str) -> list[str]:
    """The cells of a table row, spaces kept, without the outer pipes."""
    parts = _ROW_SPLIT.split(row.rstrip("\r\n"))
    if parts and not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    return parts


def _table_style(
    catalog: Catalog,
    section: Section,
    base: EntryStyle,
    own: Sequence[Entry],
    every: Sequence[Entry],
) -> EntryStyle:
    delimiter = _table_header(catalog, section)
    if delimiter is None:
        return replace(base, kind="bullet")
    header = cells(catalog.lines[delimiter - 2])
    columns = tuple(_column_field(h) for h in header)
    widths = tuple(len(c) for c in header)
    rows = [cells(e.raw) for e in (own or every)]
    padded = sum(1 for r in rows if len(r) == len(widths) and _is_padded(r, widths))
    code_at = columns.index("code") if "code" in columns else -1
    code_cells = [r[code_at].strip() for r in rows if 0 <= code_at < len(r)]
    missing = _vote((c for c in code_cells if c and "](" not in c), "")
    labels = [m.group(1) for c in code_cells for m in [_LINK_RE.search(c)] if m]
    links = replace(LinkStyle(), code_label=_vote(labels, "Code"), before="", after="")
    return replace(
        base,
        columns=columns,
        widths=widths if rows and padded * 2 > len(rows) else (),
        missing=missing,
        links=links,
    )


def _column_field(header: str) -> str:
    name = header.strip().lower()
    for field_name, words in _COLUMN_FIELDS:
        if any(w in name for w in words):
            return field_name
    return ""


def _is_padded(row: Sequence[str], widths: Sequence[int]) -> bool:
    pairs = zip(row, widths, strict=False)
    return all(len(cell) == w or len(cell.strip()) + 2 > w for cell, w in pairs)


# --- blocks -------------------------------------------------------------------------------------


_BLOCK_ROLES = {"paper": "paper", "arxiv": "paper", "pdf": "paper", "code": "code"}


def _block_labels(entries: Sequence[Entry]) -> tuple[tuple[str, str], ...]:
    """The `- Paper: ` and `- Code: ` line prefixes the list's blocks use, by vote."""
    votes: dict[str, Counter[str]] = {"paper": Counter(), "code": Counter()}
    for entry in entries:
        for line in entry.raw.splitlines()[1:]:
            match = _BLOCK_LINE.match(line)
            if not match:
                continue
            label = match.group(2).strip().lower()
            role = _BLOCK_ROLES.get(label, "")
            if role:
                votes[role][match.group(1) + match.group(2) + match.group(3)] += 1
    return tuple((role, c.most_common(1)[0][0]) for role, c in votes.items() if c)
