"""Rows of a raw HTML table (`<tr>`, one `<td>` per line) written the way the list writes them.

A list that keeps its papers in a hand-written `<table>` gets a new `<tr>` in its own row layout.
What the rest of the template machinery cannot see in raw HTML is settled here, cell by cell:
the table's opening lines a lone row needs to render and read back as a row, and a cell of the
exemplar that holds no slot but another paper's value (a benchmark's name, an illustration)
which the new row must never repeat: it gets what the column says without a value (`--`), or
nothing. A column of star badges for the row's own code repository shows the paper's, in the
badge form the list's rows write, wherever the row shows the paper's GitHub code link.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from promptbot.catalog.html_rows import TABLE_START, TAG
from promptbot.entries.table_rows import column_votes, says_nothing
from promptbot.entries.template_fill import Values, fill, repo_of
from promptbot.entries.template_model import Slot, Template
from promptbot.entries.templates import link_spans
from promptbot.models import Catalog, Entry

# Not html_rows' cell pattern: a cell is rewritten here, so its own tags are kept as groups.
_CELL = re.compile(r"(<t[dh]\b[^>]*>)(.*?)(</t[dh]\s*>)", re.IGNORECASE | re.DOTALL)
_SLOT = "\x01"
_PLACEHOLDER_MAX = 20
_CONSTANT_SHARE = 0.8  # a column's text on this share of rows is the list's own (`ARXIV`)


def is_html(entries: Sequence[Entry]) -> bool:
    """Whether the entries are rows of raw HTML tables."""
    return bool(entries) and all(e.kind == "html" for e in entries)


def cells(row: str) -> list[str]:
    """The contents of a row's `<td>`/`<th>` cells, in order."""
    return [m.group(2) for m in _CELL.finditer(row)]


def html_context(catalog: Catalog, entry: Entry) -> str:
    """The table's lines above its first row (`<table>` to `<tbody>`): a lone row renders and
    reads back, with the table's columns, as it does in the list."""
    number = entry.line - 1
    while number >= 1 and not TABLE_START.match(catalog.lines[number - 1]):
        number -= 1
    if number < 1:
        return ""
    first = min((e.line for e in catalog.entries if number < e.line <= entry.line),
                default=entry.line)
    return "".join(catalog.lines[number - 1:first - 1])


def column_values(entries: Sequence[Entry]) -> tuple[frozenset[str], ...]:
    """Per column, the cell texts that are the list's markup, not a paper's value: a mark without
    letters or digits that rows share (`--`), or the text nearly every row has."""
    votes = column_votes((cells(e.raw) for e in entries), lambda _: True)
    return tuple(frozenset(t for t, n in v.items() if n >= 2 and (
        not any(c.isalnum() for c in t) or n >= _CONSTANT_SHARE * sum(v.values())))
        for v in votes)


def column_marks(rows: Sequence[Entry], every: Sequence[Entry]) -> tuple[str, ...]:
    """Per column, what the list writes in a cell it has no value for: the section's rows' mark
    by vote (`--`, `NA`; nothing only where they leave the column empty), else that of the
    list's rows of as many columns, else the mark the list's rows write most in any column
    (a column that never lacks a value yet, such as an illustration, says "nothing" the way
    the rest of the table does, never with an empty cell of its own making)."""
    own = _marks(rows)
    alike = [e for e in every if e.kind == "html" and len(cells(e.raw)) == len(own)]
    wide = _marks(alike)
    overall = Counter(text for e in every if e.kind == "html"
                      for text in (c.strip() for c in cells(e.raw)) if _says_nothing(text))
    default = overall.most_common(1)[0][0] if overall else ""
    wide += [None] * (len(own) - len(wide))
    return tuple(next(m for m in (mark, wide[i], default) if m is not None)
                 for i, mark in enumerate(own))


def _marks(rows: Sequence[Entry]) -> list[str | None]:
    """Per column, the mark (an empty cell included) at least two rows write most, if any."""
    votes = column_votes((cells(e.raw) for e in rows), lambda t: not t or _says_nothing(t))
    return [next((t for t, n in v.most_common(1) if n >= 2), None) for v in votes]


def _says_nothing(text: str) -> bool:
    """A mark without letters (`--`) or a word for nothing (`NA`, `None`)."""
    return _short_text(text) and (not any(c.isalnum() for c in text) or says_nothing(text))


def _short_text(text: str) -> bool:
    return bool(text) and not TAG.search(text) and "http" not in text \
        and len(text) <= _PLACEHOLDER_MAX


def star_badges(rows: Sequence[Entry], every: Sequence[Entry]) -> tuple[Template | None, ...]:
    """Per column, the cell that shows the stars of the row's own GitHub repository, as a
    one-slot template in the form most rows write it (attributes, quotes, `/>`), where at least
    two of the section's rows (else of the list's rows of as many columns) show one and such
    badges are most of what the column shows besides its "nothing" mark."""
    own = _badge_columns(rows)
    width = max((len(cells(e.raw)) for e in rows), default=0)
    if any(own) or not width:
        return own
    return _badge_columns([e for e in every if e.kind == "html" and len(cells(e.raw)) == width])


def _badge_columns(rows: Sequence[Entry]) -> tuple[Template | None, ...]:
    forms: list[Counter[tuple[str, str, str]]] = []
    values: list[int] = []
    for entry in rows:
        texts = cells(entry.raw)
        while len(forms) < len(texts):
            forms.append(Counter())
            values.append(0)
        repos = _repos(texts)
        for i, text in enumerate(texts):
            values[i] += bool(text.strip()) and not _says_nothing(text.strip())
            forms[i].update(_own_badges(text, repos))
    out: list[Template | None] = []
    for votes, shown in zip(forms, values, strict=True):
        best = votes.most_common(1)
        if best and best[0][1] >= 2 and 2 * sum(votes.values()) > shown:
            before, form, after = best[0][0]
            out.append(Template((before, Slot("repo", form, html=True), after), "html", 0,
                                raw=before + form + after))
        else:
            out.append(None)
    return tuple(out)


def _repos(texts: Sequence[str]) -> set[str]:
    """The GitHub repositories a row's code links lead to (`owner/name`, case folded)."""
    return {repo.casefold() for text in texts for _, _, slot in link_spans(text, set())
            if slot.kind == "code" and (repo := repo_of(slot.original))}


def _own_badges(text: str, repos: set[str]) -> Iterator[tuple[str, str, str]]:
    """The cell as (before, badge URL form with `{repo}`, after) for each stars badge in it of
    one of the row's own repositories."""
    for start, end, slot in link_spans(text, set()):
        head, _, tail = slot.form.partition("{repo}")
        repo = slot.original[len(head):len(slot.original) - len(tail)]
        if slot.kind == "repo" and repo.casefold() in repos:
            yield text[:start], slot.form, text[end:]


def _slotted_cells(template: Template) -> list[bool]:
    """Per cell of the exemplar, whether it holds a slot (a value written for the new paper)."""
    marked = "".join(_SLOT if isinstance(p, Slot) else p for p in template.parts)
    return [_SLOT in cell for cell in cells(marked)]


def settle(text: str, template: Template, common: Sequence[frozenset[str]],
           marks: Sequence[str], badges: Sequence[Template | None] = (),
           values: Values | None = None) -> str | None:
    """The filled row with every cell that would repeat the exemplar's own value replaced by the
    column's placeholder (or emptied), every emptied cell given the placeholder, and a column
    of star badges showing the paper's repository where the row shows its GitHub code link;
    None when the row's cells do not line up with the exemplar's (nothing can be guaranteed)."""
    old, new = cells(template.raw), list(_CELL.finditer(text))
    slotted = _slotted_cells(template)
    if len(old) != len(new) or len(slotted) != len(new):
        return None
    shown = _repos([m.group(2) for m in new])
    out: list[str] = []
    at = 0
    for i, match in enumerate(new):
        content = match.group(2)
        mark = marks[i] if i < len(marks) else ""
        known = common[i] if i < len(common) else frozenset()
        badge = badges[i] if i < len(badges) else None
        if badge is not None and values is not None:
            content = _badge(badge, values, shown) or mark
        elif not slotted[i] and content.strip() not in known:
            content = mark  # another paper's value: never repeated
        elif not content.strip() and old[i].strip():
            content = mark  # the value is unknown: the column's own "nothing"
        out.append(text[at:match.start(2)] + content)
        at = match.end(2)
    out.append(text[at:])
    return "".join(out)


def _badge(badge: Template, values: Values, shown: set[str]) -> str:
    """The paper's star badge in the list's form, or "" when the row shows no GitHub code link
    of the paper's (a badge must be the stars of the code the row links)."""
    repo = repo_of(values.code_url)
    if not repo or repo.casefold() not in shown:
        return ""
    return fill(badge, values).text
