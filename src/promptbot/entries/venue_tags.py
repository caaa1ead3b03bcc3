"""A list's own venue tags: how it tags a preprint, and how a published paper, put where an
exemplar of the other kind tags its venue.

Lists that tag an entry's venue often tag a preprint apart: ZLKong's writes `[arXiv]` for every
preprint but `[**CVPR'26**]` for a published paper. Filling a published exemplar with a preprint
would write `[**arXiv'26**]`, a tag the list never writes, and filling a preprint's with a
published paper `[ACL]`; the list's own tag of the paper's kind (learned from its entries of that
kind, as template parts) takes the exemplar's tag's place instead. A badge is a tag too: a list
badging preprints `![](…/badge/arXiv-2025.03-red)` and published papers
`![](…/badge/NeurIPS-2024-blue)` writes a new CVPR paper's badge blue, though most of its
entries (and so the exemplar) are red.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from promptbot.entries.table_rows import WORD
from promptbot.entries.template_model import Part, Slot, Template, key_of

TAG_MIN = 3  # entries of one kind with one tag form needed to call it the list's habit
TAG_SHARE = 0.6  # ... and the share of the list's tagged entries of that kind it must have
# A tag opens right before the venue: a bracket, a table's bar (the venue's own cell:
# `| arXiv |` for a preprint, `| ACL'25 |` for a published paper), or an image's destination
# (a badge, `![](https://img.shields.io/badge/NeurIPS-2024-blue)`).
_OPEN = re.compile(r"(?:\[(?:\*\*|__|\*|_)?|\|[ \t]*(?:\*\*|__)?|!\[[^\[\]\n]*\]\([^()\s]*)$")
_BETWEEN = re.compile(r"^[\s'’.,\-*_]*$")  # what a tag holds besides its venue and dates
_BADGE_BETWEEN = re.compile(r"^[^\s()\[\]<>]*$")  # ... and a badge: the rest of its URL


def tag_span(template: Template) -> tuple[int, int, int, int] | None:
    """Where the template's venue tag (or the table cell of its venue) is: it opens at
    `parts[i][left:]` and closes at `parts[j][:right]`; between them only the venue, dates and
    punctuation. None without one."""
    parts = template.parts
    venue = next((k for k, p in enumerate(parts) if isinstance(p, Slot) and p.kind == "venue"),
                 None)
    if venue is None or venue == 0 or not isinstance(parts[venue - 1], str):
        return None
    opened = _OPEN.search(str(parts[venue - 1]))
    if opened is None:
        return None
    closer = {"|": "|", "!": ")"}.get(opened.group()[0], "]")
    between = _BADGE_BETWEEN if closer == ")" else _BETWEEN
    for k in range(venue + 1, len(parts)):
        part = parts[k]
        if isinstance(part, Slot):
            if part.kind != "date":
                return None
            continue
        close = part.find(closer)
        if close < 0:
            if not between.match(part):
                return None
            continue
        if not between.match(part[:close]):
            return None
        return venue - 1, opened.start(), k, close + 1
    return None


def tag_parts(template: Template) -> tuple[Part, ...] | None:
    """The template's venue tag as parts (`[`, venue, `]`), None without one."""
    span = tag_span(template)
    if span is None:
        return None
    i, left, j, right = span
    return (str(template.parts[i])[left:], *template.parts[i + 1:j], str(template.parts[j])[:right])


def kind_tag(templates: Sequence[Template], preprint: bool
             ) -> tuple[tuple[Part, ...], tuple[str, ...]]:
    """The list's tag for a preprint (or a published paper), as parts, and the entries that
    write it: the tag form most of its tagged entries of that kind share, when at least TAG_MIN
    and TAG_SHARE of them do; ((), ()) when the list has no such habit."""
    tagged = [(t, parts) for t in templates if t.venue_is_arxiv is preprint
              for parts in [tag_parts(t)] if parts is not None]
    if not tagged:
        return (), ()
    keys = Counter(key_of(parts) for _, parts in tagged)
    key, count = keys.most_common(1)[0]
    if count < TAG_MIN or count < TAG_SHARE * len(tagged):
        return (), ()
    same = [(t, parts) for t, parts in tagged if key_of(parts) == key]
    return same[0][1], tuple(t.raw for t, _ in same)


def tag_words(templates: Sequence[Template], preprint: bool) -> frozenset[str]:
    """The words of the list's tag of one kind of paper (`blue`, of a published paper's
    `badge/NeurIPS-2024-blue`): words in the tag of at least TAG_MIN and TAG_SHARE of the
    entries of that kind that tag their venue. They are the list's words for that kind however
    few of all its entries are of it, not an exemplar's own."""
    tagged = [parts for t in templates if t.venue_is_arxiv is preprint
              for parts in [tag_parts(t)] if parts is not None]
    counts = Counter(word for parts in tagged for word in {
        w.casefold() for part in parts if isinstance(part, str) for w in WORD.findall(part)})
    return frozenset(w for w, n in counts.items() if n >= TAG_MIN and n >= TAG_SHARE * len(tagged))


@dataclass(frozen=True)
class VenueTags:
    """A list's tag of each kind of venue, where it has the habit, and the entries writing them."""

    preprint: tuple[Part, ...] = ()
    published: tuple[Part, ...] = ()
    looks: tuple[str, ...] = ()

    def fitted(self, template: Template, preprint: bool) -> Template:
        """The exemplar with the list's tag for a paper of this kind where it tags the other."""
        return as_kind(template, self.preprint if preprint else self.published, preprint)


NO_TAGS = VenueTags()  # a list without either habit


def venue_tags(templates: Sequence[Template]) -> VenueTags:
    """The list's venue tags, learned from its templates (kind_tag)."""
    preprint, preprint_looks = kind_tag(templates, True)
    published, published_looks = kind_tag(templates, False)
    return VenueTags(preprint, published, (*preprint_looks, *published_looks))


def as_kind(template: Template, tag: tuple[Part, ...], preprint: bool) -> Template:
    """An exemplar of the other kind of paper (published, for a preprint) with `tag` where its
    venue tag is; the template itself when it tags no venue of the other kind, or tags it in
    another form (a badge where the tag is bracketed, a link's label where it is a badge)."""
    if not tag or template.venue_is_arxiv is None or template.venue_is_arxiv is preprint:
        return template
    span = tag_span(template)
    if span is None:
        return template
    i, left, j, right = span
    parts = template.parts
    own = (str(parts[i])[left:], str(parts[j])[:right])
    if own[0][:1] != str(tag[0])[:1]:
        return template  # a tag of another form (a badge for a bracket), no tag of this look's
    new = (*parts[:i], str(parts[i])[:left], *_padded(tag, own), str(parts[j])[right:],
           *parts[j + 1:])
    return replace(template, parts=_joined(new), venue_is_arxiv=preprint)


_CELL_OPEN = re.compile(r"^\|[ \t]*")
_CELL_CLOSE = re.compile(r"[ \t]*\|$")


def _padded(tag: tuple[Part, ...], own: tuple[str, str]) -> tuple[Part, ...]:
    """A table cell's tag padded as the exemplar pads the cell it takes (`| ACL'25 |` in a row
    written `|   arXiv     |` is written `|   ACL'25     |`); a bracketed tag as it is."""
    first, last = tag[0], tag[-1]
    opened, closed = _CELL_OPEN.match(own[0]), _CELL_CLOSE.search(own[1])
    if not (isinstance(first, str) and isinstance(last, str) and opened and closed):
        return tag
    return (_CELL_OPEN.sub(opened.group(), first), *tag[1:-1],
            _CELL_CLOSE.sub(closed.group(), last))


def _joined(parts: Sequence[Part]) -> tuple[Part, ...]:
    """Adjacent literal parts as one, empty ones gone."""
    out: list[Part] = []
    for part in parts:
        if isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] = out[-1] + part
        elif part != "":
            out.append(part)
    return tuple(out)
