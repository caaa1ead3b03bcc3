"""The fields of one catalog entry (title, name, venue, year, affiliation, authors, links) from its
text."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from promptbot.catalog.authors import author_names, leading_authors
from promptbot.catalog.lead_marks import lead_marks
from promptbot.catalog.links import (
    LINK,
    clean,
    find_links,
    first_word,
    is_title_label,
    link_role,
    venue_label,
)
from promptbot.models import Link


@dataclass(frozen=True)
class Fields:
    """What an entry's text says, before line numbers are attached."""

    title: str
    name: str | None = None
    venue: str | None = None
    year: int | None = None
    affiliation: str | None = None
    links: tuple[Link, ...] = ()
    authors: tuple[str, ...] = ()  # as a full author list names them, () where none is written


_NAME = re.compile(r"\s*(?:\*\*(?P<bold>.+?)\*\*|`(?P<code>[^`]+)`(?=\s*[:：]))\s*[:：]?\s*")
_TAIL_NAME = re.compile(r"\(\s*\*\*(.+?)\*\*\s*\)")
_STAR_AFFILIATION = re.compile(r"\(\s*\*+((?:[^()]|\([^()]*\))*?)(?<![\s\\])\*+\s*\)")
_PAREN_END = re.compile(r"\s*\(([^()]+)\)\s*[.,;]?\s*$")
_VENUE_YEAR_END = re.compile(r"\s*,\s*([^,]{1,60}?)\s*,\s*((?:19|20)\d\d)\s*[.,;]?\s*$")
_LAST_COMMA = re.compile(r",\s*([^,]{2,40})$")
_YEAR_END = re.compile(r"\s*,\s*((?:19|20)\d\d)\s*[.,;]?\s*$")
_YEAR_PAREN = re.compile(r"^(.*?(?:19|20)\d\d)\s*\(([^()]+)\)\s*$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_STARS = "⭐🌟✨🔥★☆ "
_BOLD = re.compile(r"\*\*(?!\s)(.+?)(?<!\s)\*\*")
# A venue in parentheses before the title, perhaps after the maintainers' stars: `⭐(TPAMI 2023)`.
# The venue a citation names after its title's full stop, before the year: `. ACM Multimedia`.
_SENTENCE_VENUE = re.compile(
    r"\.\s+(?:((?:[A-Z][\w&\-]*|arXiv)(?:\s+[A-Z][\w&\-]*){0,3})"
    r"|arXiv:\s?\d{4}\.\d{4,5}(?:v\d+)?)$")
# A credit before an unquoted title: `Xu et al. MSR-VTT: A Large Video Description Dataset`.
_CREDIT_FIRST = re.compile(r"^[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)? et al\.\s+(?=\S)")
# What marks an entry without being its title: emoji shortcodes, code tags, no-break spaces.
_MARKS = re.compile(r":[a-z0-9_+\-]+:|`[^`]*`|&nbsp;?|\s+-\s+")
_SEPARATED = re.compile(r"(?:^|\s)[-–—|/](?:\s|$)")
_SENTENCE_VENUE_YEAR = re.compile(
    r"\.\s+((?:[A-Z][\w&\-]*|[aA]rxiv)(?:\s+[A-Z][\w&\-]*){0,3})\s*['’]\s?((?:19|20)\d\d)$")
_TRAILER_MARKS = re.compile(r"[\s.,;:]+$")
_LEAD_VENUE = re.compile(r"\s*(?:[^\w\s()\[\]*`]{1,6}\s*)?\(([^()]{2,40})\)\s*(?=\S)")
_VENUE_PAREN_YEAR = re.compile(r"([^(),]{1,60}?)\s*\(\s*((?:19|20)\d\d)\s*\)")
_MAX_VENUE_WORDS = 8
_QUOTES = "\"“”„«»"
_QUOTED = re.compile(rf"[{_QUOTES}]+(.*)[{_QUOTES}]+(.*)", re.DOTALL)
_COMMA = re.compile(r",(?![^()]*\))")
_LETTER = re.compile(r"\w")
_PLACEHOLDER = re.compile(r"^[\s\-–—/]*$")
# A bracketed venue tag, then (on the entry's next line, joined) plain text: the affiliation.
_TAG_THEN_TEXT = re.compile(r"\[([^\[\]()]{2,40})\]\s*([^\[\]()<>|`]*)", re.DOTALL)


def _take_affiliation(head: str) -> tuple[str | None, str]:
    matches = list(_STAR_AFFILIATION.finditer(head))
    if not matches:
        return None, head
    last = matches[-1]
    return clean(last.group(1)), head[: last.start()] + " " + head[last.end():]


def _split_quoted(head: str) -> tuple[str, str] | None:
    match = _QUOTED.fullmatch(head)
    if not match:
        return None
    title = match.group(1)
    if title.endswith((".", ",")) and not title.endswith(".."):
        title = title[:-1]  # a citation's `"Title."` or `"Title,"`: the stop is the list's
    if title.count('"') % 2:  # `""Where am I?" Scene ..."`: the opening quote was the title's
        title = '"' + title
    return title, match.group(2)


def _leading_venue(head: str) -> tuple[str, int | None] | None:
    """The venue and year a linked title is led by, `(CVPR 2025) [Title](url) by Li et al.`:
    a bracketed venue label alone before the title; None for anything else."""
    text = clean(head).strip()
    if len(text) < 2 or text[0] + text[-1] not in ("()", "[]"):
        return None
    label = venue_label(text[1:-1].strip(" *_"))
    return (label[0], label[1]) if label is not None and label[0] else None


def _meta(meta: str) -> tuple[str | None, int | None, str | None]:
    """Venue, year and a plain `(Org)` from what follows a quoted title: `, CVPR, 2022 (Org)`;
    or a venue tag and the plain line under it: `[**ECCV 2024**]⏎Nankai University`."""
    text = meta.strip(" ,.;:-–—|*_")
    tag = _TAG_THEN_TEXT.fullmatch(text)
    label = venue_label(clean(tag.group(1)).strip("*_ ")) if tag else None
    if tag and label is not None and label[0]:
        rest = clean(tag.group(2))
        return label[0], label[1], rest if _LETTER.search(rest) and "et al" not in rest else None
    affiliation = None
    if dated := _VENUE_PAREN_YEAR.fullmatch(text):  # a citation's `Venue (2024)`
        label = venue_label(clean(dated.group(1)))
        named = label[0] if label is not None and label[0] else clean(dated.group(1))
        return named, int(dated.group(2)), None
    paren = _YEAR_PAREN.match(text)
    if paren:
        text, affiliation = paren.group(1), clean(paren.group(2))
    tokens = [_unwrap(clean(token)) for token in _COMMA.split(text)]
    for token in tokens:
        label = venue_label(token)
        if label is not None and label[0]:  # `CVPR 2022` wins over `Author et al.`
            return label[0], label[1], affiliation
    venue, year = None, None
    for token in tokens:
        if year is None and _YEAR.fullmatch(token):
            year = int(token)
        elif venue is None and token and not _PLACEHOLDER.match(token) \
                and len(token.split()) <= _MAX_VENUE_WORDS and "et al" not in token \
                and len(author_names(token)) < 2:  # `A & B` names the authors
            venue = token
    return venue, year, affiliation


def _unwrap(token: str) -> str:
    """A token without the brackets or code marks around it: `(CVPR 2022)`, `` `CVPR 16` ``."""
    return token[1:-1].strip() if token[:1] + token[-1:] in ("()", "[]", "``") else token


def _unquoted(head: str) -> tuple[str, str | None, int | None, str | None]:
    text = _CREDIT_FIRST.sub("", head.strip().rstrip(".,; "))
    affiliation = None
    paren = _PAREN_END.search(text)
    venue: str | None = None
    year: int | None = None
    if paren and paren.start() > 0:
        label = venue_label(paren.group(1))
        if label is None:
            affiliation = clean(paren.group(1))
        else:
            venue, year = label
        text = text[: paren.start()]
    tail = _VENUE_YEAR_END.search(text)
    last = _LAST_COMMA.search(text)
    label = venue_label(last.group(1)) if last else None
    if tail and len(tail.group(1).split()) <= 8:
        text, venue, year = text[: tail.start()], clean(tail.group(1)), int(tail.group(2))
    elif last and label is not None and label[0]:
        text, (venue, year) = text[: last.start()], label
    elif cited := _SENTENCE_VENUE_YEAR.search(text):  # `Title. ICCV'2021`
        text, venue, year = text[: cited.start()], cited.group(1), int(cited.group(2))
    elif only_year := _YEAR_END.search(text):
        text, year = text[: only_year.start()], int(only_year.group(1))
        if venue is None and (sentence := _SENTENCE_VENUE.search(text)):
            # `Title. CVPR, 2023`; `Title. arXiv:2207.04858, 2022`
            text, venue = text[: sentence.start()], sentence.group(1) or "arXiv"
    return text, venue, year, affiliation


def parse_head(head: str) -> tuple[str, str | None, int | None, str | None]:
    """Title, venue, year and affiliation from the text before an entry's links."""
    affiliation, text = _take_affiliation(head)
    text = text.strip().rstrip(" .,;")
    quoted = _split_quoted(text) if text[:1] in _QUOTES else None
    if quoted:
        title, meta = quoted
        venue, year, plain = _meta(meta)
        return clean(title), venue, year, affiliation or plain
    title, venue, year, plain = _unquoted(text)
    title = clean(title)
    if title.count('"') % 2:  # a stray quote: `Learning" (*Org*)`
        title = clean(title.strip(_QUOTES))
    return title, venue, year, affiliation or plain


def _leading_name(text: str) -> tuple[str | None, int]:
    match = _NAME.match(text)
    if not match or "](" in match.group():  # `**[Title](url)**` is a linked title, not a name
        return None, 0
    name = clean(match.group("bold") or match.group("code") or "").rstrip(":：").strip()
    return (name or None), match.end()


def _links(found: list[tuple[int, int, str, str]], title_at: int | None) -> tuple[Link, ...]:
    return tuple(Link(clean(label), url, "paper" if start == title_at else link_role(label, url))
                 for start, _, label, url in found)


def _label_venue(links: tuple[Link, ...]) -> tuple[str | None, int | None]:
    for link in links:
        label = venue_label(link.label) if link.role == "paper" else None
        if label is not None:
            return label
    return None, None


# Leading tags some lists put before the title: `[2508]` (the arXiv month), `[**CVPR'26**]` or
# `[arXiv]` (the venue), `[Name]` (the short name): `* [2508] [ERGO] [ERGO: …](url)`.
_TAG = re.compile(r"\s*\[(?:\*\*)?([^\[\]*]{1,40}?)(?:\*\*)?\](?!\()\s*")
_MONTH_TAG = re.compile(r"(\d\d)(0[1-9]|1[0-2])")
# Not links.venue_label, on purpose: that grammar reads a paper link's label, where `YOLO 11`
# can only be a venue; a tag before the title (or a ` | ` field) may be the short name
# (`[YOLO 11]`, `[Qwen 25]`), so here a venue takes its year after an apostrophe (`CVPR'26`,
# `CVPR’26`), or is `arXiv` alone.
_VENUE_TAG = re.compile(r"([A-Za-z][\w\- ]{0,20}?)\s*['’](\d\d)(?:\.\d{1,2})?|(arxiv)", re.I)
_FULL_YEAR_END = re.compile(r"\s(?:19|20)\d\d$")
_SHORTCODES = re.compile(r"^\s*(?::[a-z0-9_+\-]+:\s*)+")
_FIELD_SEP = re.compile(r"\s+\|\s+")
_SPAN = re.compile(r"</?span[^>]*>")


def _tagged(text: str) -> Fields | None:
    """Entries that open with bracketed tags, then the title (plain or linked)."""
    at, name, venue, year = 0, None, None, None
    while (tag := _TAG.match(text, at)) and at < len(text):
        value = tag.group(1).strip()
        if _MONTH_TAG.fullmatch(value):
            year = 2000 + int(value[:2])
        elif (label := _VENUE_TAG.fullmatch(value)) is not None:
            venue = label.group(1) or label.group(3)
            year = 2000 + int(label.group(2)) if label.group(2) else year
        elif _FULL_YEAR_END.search(value) and (dated := venue_label(value)) and dated[0]:
            venue, year = dated  # `[ICML 2021]`: a year of four digits is no name's number
        elif name is None and 0 < len(value) <= 40:
            name = clean(value)
        else:
            return None
        at = tag.end()
    if at == 0 or at >= len(text):
        return None
    rest = text[at:]
    found = find_links(rest)
    if found and found[0][0] == 0 and is_title_label(found[0][2]):
        title = clean(found[0][2])
        links = _links(found, 0)
    elif bold := _BOLD.match(rest):  # `[Tag] **Title**, Xu et al.`
        title, links = clean(bold.group(1)), _links(found, None)
    else:
        title = clean(rest[: found[0][0] if found else len(rest)].rstrip(" [").strip())
        links = _links(found, None)
    if len(title.split()) < 2:
        return None
    return Fields(title, name, venue, year, None, links)


def _separated(text: str) -> Fields | None:
    """`**[Name]** | **CVPR'25** | Title | [pdf](url) | [code](url)`: fields between ` | `."""
    parts = _FIELD_SEP.split(_SPAN.sub("", text))
    if len(parts) < 3:
        return None
    name = venue = None
    year = None
    plain = []
    for part in parts:
        bare = clean(part.strip().strip("*").strip("[]`").strip("*"))
        label = _VENUE_TAG.fullmatch(bare) or None
        if "](" in part or "http" in part:
            continue
        if label is not None and venue is None:
            venue, year = label.group(1) or label.group(3), (
                2000 + int(label.group(2)) if label.group(2) else None)
        elif name is None and _boxed_name(part, bare):
            name = bare
        else:
            plain.append(clean(part))
    if not plain:
        return None
    title = max(plain, key=len)
    if len(title.split()) < 2:
        return None
    return Fields(title, name or None, venue, year, None, _links(find_links(text), None))


_NAME_WORDS = 4  # a boxed name of more words is a title written in bold


def _names_authors(text: str) -> bool:
    """Whether a text only names authors, `, Cem Akkus et al` (a Title Case title with `and`
    reads as two names, so a list of names is no evidence here)."""
    bare = text.strip(" ,.;:-–—")
    return bare.endswith("et al") and len(bare.split()) <= 5


def _boxed_name(part: str, bare: str) -> bool:
    """Whether a marked field (`**[Personalized OVSS]**`) is a short name: a few words, and no
    authors form (`**[Xu et al.]**` names the authors, not the paper)."""
    return (part.strip().startswith(("**", "[", "`")) and 0 < len(bare.split()) <= _NAME_WORDS
            and not bare.rstrip(". ").endswith("et al"))


def bullet_fields(text: str) -> Fields | None:
    """The fields of a bullet's text (after its marker, continuation lines joined)."""
    untagged = _SHORTCODES.sub("", text, count=1)  # `:fire:[ICML 2021] **Title**`
    special = _tagged(untagged) if untagged.lstrip().startswith("[") else None
    if special is None and text.count(" | ") >= 2:
        special = _separated(text)
    if special is not None:
        return special
    if (marks := lead_marks(text)) is not None and (rest := bullet_fields(text[marks.end:])):
        # `` `CoOp` [Zhou et al., Proc. CVPR 2025] **Title** ``: the marks, then an entry
        return replace(rest, name=marks.name or rest.name, venue=rest.venue or marks.venue,
                       year=rest.year or marks.year)
    found = find_links(text)
    name, start = _leading_name(text)
    after = [f for f in found if f[0] >= start]
    end = after[0][0] if after else len(text)
    end -= 1 if end > start and text[end - 1] == "[" else 0
    head = text[start:end]
    if name:
        head = head.lstrip(" \t-–—:：|")
    title_at = None
    authors: tuple[str, ...] = ()
    lead = _leading_venue(head)
    if (lead or not clean(head).strip(_QUOTES + ". ")) and after \
            and is_title_label(after[0][2]):
        title_at = after[0][0]
        following = after[1][0] if len(after) > 1 else len(text)
        affiliation, meta = _take_affiliation(text[after[0][1]:following])
        venue, year, plain = _meta(meta)
        venue = venue if year else None  # after a linked title, text without a year is prose
        if lead and venue is None:
            venue, year = lead
        title, affiliation = clean(after[0][2]), affiliation or plain
    elif name and len(name.split()) >= 4 and head[:1] not in _QUOTES:
        title, name = name, None  # a bold title, then only venue and links
        venue, year, affiliation = _meta(head)
    else:
        authors, head = leading_authors(head)
        title, venue, year, affiliation = parse_head(head)
        if after and _MARKS.search(head) and not re.search(r"\w", _MARKS.sub(" ", head)):
            # `:blue_square: \`SVOS\` - [paper](u) / [code](u) - Title`: only marks before the
            # links, the title after them
            pieces = _SEPARATED.split(_MARKS.sub(" - ", text[after[-1][1]:]))
            title = clean(max(pieces, key=len)).strip(" -–—|/:") or title  # not `/ code`
    if name and (not title or _names_authors(title)):
        title, name = name, None  # `**Deep Learning**, Akkus et al.`: the bold part is the title
    if name is None:
        tail = _TAIL_NAME.search(text, end)
        name = clean(tail.group(1)) if tail else None
    if title.lstrip(_STARS).startswith("(") and (lead_venue := _LEAD_VENUE.match(text)):
        # `(TPAMI 2023) **Title**, Zhan et al.`: the venue first, then an entry of its own kind
        label = venue_label(lead_venue.group(1))
        if not (label and label[0]) and text.startswith("**", lead_venue.end()) \
                and len(lead_venue.group(1).split()) <= _MAX_VENUE_WORDS:
            label = clean(lead_venue.group(1)), None  # `(Multimedia Tools and Applications)`
        rest = bullet_fields(text[lead_venue.end():]) if label and label[0] else None
        if label and rest is not None:
            return replace(rest, venue=label[0], year=label[1] or rest.year)
    links = _links(found, title_at)
    label_venue, label_year = _label_venue(links)
    if len(title) < 2 or not _LETTER.search(title):
        return None
    return Fields(title, name, venue or label_venue, year or label_year, affiliation, links,
                  authors)


_COLUMNS = {
    "title": ("title", "paper", "papers", "paper title", "name of paper", "publication"),
    "venue": ("venue", "conference", "conf", "journal", "published", "pub", "source"),
    "year": ("year", "date", "time"),
    "code": ("code", "code if available", "github", "repo", "implementation"),
    "name": ("abbr", "abbreviation", "short name", "method", "model", "name", "acronym"),
    "affiliation": ("affiliation", "institution", "organization", "org"),
}


def table_columns(header: list[str]) -> dict[str, int]:
    """Which column holds which field, from a table's header cells."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = clean(cell).casefold()
        for field, names in _COLUMNS.items():
            if field not in columns and (key in names or (field == "title" and "title" in key)):
                columns[field] = index
                break
    return columns


def _cell(cells: list[str], columns: dict[str, int], field: str) -> str:
    index = columns.get(field)
    return cells[index] if index is not None and index < len(cells) else ""


def _title_column(cells: list[str], columns: dict[str, int]) -> int | None:
    if "title" in columns:
        return columns["title"]
    return next((i for i, c in enumerate(cells)
                 if any(is_title_label(label) for _, _, label, _ in find_links(c))), None)


def table_fields(cells: list[str], columns: dict[str, int]) -> Fields | None:
    """The fields of a table row, its cells read through the header's columns."""
    at = _title_column(cells, columns)
    title_cell = cells[at] if at is not None and at < len(cells) else ""
    # The first link that reads as a title: a badge before it (`[![arXiv](…)]() <br>[Title](…)`)
    # is not the title.
    link = next((m for m in LINK.finditer(title_cell) if is_title_label(m.group(1))), None)
    title = clean(link.group(1) if link else LINK.sub("", title_cell))
    if len(title) < 2 or not _LETTER.search(title):
        return None
    links: list[Link] = []
    for index, text in enumerate(cells):
        for start, _, label, url in find_links(text):
            role = link_role(label, url)
            if index == at and link is not None and start == link.start():
                role = "paper"
            elif index == columns.get("code") and role == "other":
                role = "code"
            links.append(Link(clean(label), url, role))
    venue = clean(LINK.sub(r"\1", _cell(cells, columns, "venue")))
    year = _YEAR.search(_cell(cells, columns, "year") or venue)
    name = clean(_cell(cells, columns, "name"))
    affiliation = clean(_cell(cells, columns, "affiliation"))
    authors = _line_of_authors(title_cell[link.end():]) if link else ()
    return Fields(title, name or None, None if _PLACEHOLDER.match(venue) else venue,
                  int(year.group(1)) if year else None, affiliation or None, tuple(links),
                  authors)


_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _line_of_authors(after_title: str) -> tuple[str, ...]:
    """The author list on its own line after a cell's title: `[Title](…)<br>A, B, C`."""
    lines = _BREAK.split(after_title)
    return author_names(lines[1].strip()) if len(lines) > 1 and not lines[0].strip() else ()


_KEY_ROLES = (("paper", "paper"), ("pdf", "paper"), ("arxiv", "paper"), ("code", "code"),
              ("github", "code"), ("home", "project"), ("project", "project"),
              ("page", "project"), ("website", "project"))


def block_fields(title: str, keyed: list[tuple[str, str]]) -> Fields | None:
    """The fields of a `**Title**` block from its `- Key: url` lines as (key, url) pairs."""
    text = clean(title)
    if len(text) < 2:
        return None
    links = []
    for key, url in keyed:
        word = first_word(key)
        role = next((r for prefix, r in _KEY_ROLES if word.startswith(prefix)), "other")
        links.append(Link(clean(key), url, role))
    return Fields(text, links=tuple(links))


_EMPHASISED_END = re.compile(r"[*_]+([^*_]+)[*_]+\s*[.,;]?\s*$")


def with_details(fields: Fields, details: list[str]) -> Fields:
    """The fields with what the entry's nested lines add: `A, B, and C. *CVPR 2016*` gives the
    authors, and the venue and year where the entry's own line has none."""
    for detail in details:
        text = detail.strip()
        tail = _EMPHASISED_END.search(text)
        names = author_names(_TRAILER_MARKS.sub("", text[: tail.start()] if tail else text))
        if not names:
            continue
        venue, year = fields.venue, fields.year
        if tail and not (venue or year) and (label := venue_label(clean(tail.group(1)))):
            venue, year = label
        return replace(fields, authors=names, venue=venue, year=year)
    return fields
