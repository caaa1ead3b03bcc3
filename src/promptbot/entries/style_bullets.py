"""A bulleted section's style: its layout by a vote that favours the entries nearest the end
(where a new one goes), whether its titles keep the paper's "Name: " prefix, and an entry's layout
(for comparing two entries' looks)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from promptbot.entries.style_model import (
    AFFILIATION_GROUP,
    LINK_RE,
    VENUE_LABEL,
    EntryStyle,
    LinkStyle,
    vote,
    weighted,
)
from promptbot.models import Entry


@dataclass(frozen=True)
class _Shape:
    head: str | None
    quote: str | None
    middle: str | None
    tail: str | None


def bullet_style(base: EntryStyle, own: Sequence[Entry], every: Sequence[Entry]) -> EntryStyle:
    """Vote the layout (quotes, middle, paper label) as one feature, then the rest among its own."""
    samples = _samples(own) or _samples(every)
    keeps_name = title_keeps_name(own if len(_named(own)) >= DROP_MIN_NAMED else every)
    if not samples:
        # No layout to vote (`-  ***MagicVideo:*** Efficient Video Generation …`, an entry
        # the one-line shapes do not read), yet whether titles keep the name shows.
        return replace(base, title_keeps_name=keeps_name)
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
    middle = weighted(((s.middle, w) for s, _, w in picked), base.middle)
    default = LinkStyle()

    def pick(name: str, fallback: str) -> str:
        return weighted(((f.get(name), w) for _, f, w in picked), fallback)

    code = _habitual([lk.label for e in own for lk in e.links if lk.role == "code"])
    code = code or _habitual([lk.label for e in every for lk in e.links if lk.role == "code"])
    links = LinkStyle(
        paper_label=pick("paper_label", default.paper_label),
        arxiv_date=vote((f.get("arxiv_date") for _, f in samples), default.arxiv_date),
        paper_url=pick("paper_url", default.paper_url),
        code_label=vote((c for c in code if plain_code_label(c)), default.code_label),
        before=pick("before", default.before),
        after=pick("after", default.after),
        joiner=pick("joiner", default.joiner),
    )
    return replace(
        base,
        head=weighted(((s.head, w) for s, _, w in picked), base.head),
        quote=quote or "",
        middle=middle,
        tail=vote((s.tail for s, _ in chosen), ""),
        links=links,
        title_keeps_name=keeps_name,
    )


_LINKED = re.compile(r"https?://|\]\(")
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


def layout(entry: Entry) -> tuple[str, ...] | None:
    """How a one-line bullet entry looks, its values left out: marker and name, quotes, what
    sits between title and links (an affiliation aside), link brackets, labels and URL form.
    Two entries with the same layout look alike; None when the entry is not such a bullet."""
    shape, feats = _shape(entry), _link_features(entry)
    if shape is None or feats is None or shape.middle is None:
        return None
    middle = AFFILIATION_GROUP.sub("", shape.middle).strip()
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
    spans = link_spans(line)
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
    if _LINKED.search(head + middle):
        # The title sits inside a link (`[EasyR1 💻](https://github.com/…)  ![EasyR1](badge)`):
        # what surrounds it holds the exemplar's own URL, no layout for another paper.
        return None
    if entry.name and entry.name in head:
        i = head.rfind(entry.name)
        head = head[:i] + "{name}" + head[i + len(entry.name) :]
    elif entry.name:
        return None
    middle = _templatize_middle(middle, entry)
    if _VALUE_DIGITS.search(_LIST_NUMBER.sub("", head, count=1) + middle.replace("{year}", "")):
        return None  # a number of the exemplar's own (`[2503]`, a page count) is no layout
    return _Shape(head, quote, middle, tail if not tail.strip() else "")


_LIST_NUMBER = re.compile(r"^\s*\d{1,4}[.)]\s")
_VALUE_DIGITS = re.compile(r"\d{2,}")


def _habitual(labels: Sequence[str]) -> list[str]:
    """The link labels the list writes on more than one entry: a label seen once (a project's
    own name, `[MM-Eureka](…)`) names that entry's link, not the list's habit."""
    counts = Counter(labels)
    return [label for label in labels if counts[label] > 1]


def _templatize_middle(middle: str, entry: Entry) -> str:
    if entry.affiliation and entry.affiliation in middle:
        middle = middle.replace(entry.affiliation, "{affiliation}", 1)
    if entry.venue:
        middle = re.sub(rf"(?<![\w{{]){re.escape(entry.venue)}(?!\w)", "{venue}", middle, count=1)
    if entry.year:
        middle = re.sub(rf"(?<!\d){entry.year}(?!\d)", "{year}", middle, count=1)
    return middle


def link_spans(line: str) -> list[tuple[int, int, str, str]]:
    """The run of links that ends an entry: (start, end, label, url), outer brackets included."""
    spans: list[tuple[int, int, str, str]] = []
    for match in LINK_RE.finditer(line):
        start, end = match.start(), match.end()
        if start > 0 and line[start - 1] == "[":
            start -= 1
        if end < len(line) and line[end] == "]":
            end += 1
        if spans and line[spans[-1][1] : start].strip():
            spans = []  # a link in the middle of the text (a linked title): not the link run
        spans.append((start, end, match.group(1), match.group(2)))
    return spans


def plain_code_label(label: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][\w+.\- ]{0,20}", label)) and "(" not in label


def _link_features(entry: Entry) -> dict[str, str] | None:
    line = entry.raw.split("\n", 1)[0].rstrip("\r")
    spans = link_spans(line) if entry.kind == "bullet" else []
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
    elif not number and plain_code_label(label):
        feats["paper_label"] = label
    return feats

