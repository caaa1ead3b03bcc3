"""The fields of one catalog entry (title, name, venue, year, affiliation, links) from its text."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


# A markdown link; the URL may hold one level of parentheses and be wrapped in <>.
_LINK = re.compile(r"\[([^\[\]]*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?\s*\)")
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]]+")
_NAME = re.compile(r"\s*(?:\*\*(?P<bold>.+?)\*\*|`(?P<code>[^`]+)`(?=\s*[:：]))\s*[:：]?\s*")
_TAIL_NAME = re.compile(r"\(\s*\*\*(.+?)\*\*\s*\)")
_STAR_AFFILIATION = re.compile(r"\(\s*\*+((?:[^()]|\([^()]*\))*?)(?<![\s\\])\*+\s*\)")
_PAREN_END = re.compile(r"\s*\(([^()]+)\)\s*[.,;]?\s*$")
_VENUE_YEAR_END = re.compile(r"\s*,\s*([^,]{1,60}?)\s*,\s*((?:19|20)\d\d)\s*[.,;]?\s*$")
_LAST_COMMA = re.compile(r",\s*([^,]{2,40})$")
_YEAR_END = re.compile(r"\s*,\s*((?:19|20)\d\d)\s*[.,;]?\s*$")
_YEAR_PAREN = re.compile(r"^(.*?(?:19|20)\d\d)\s*\(([^()]+)\)\s*$")
_VENUE_WORD = r"[A-Za-z][A-Za-z0-9&@/+.\-]*"
_VENUE_LABEL = re.compile(
    rf"\s*(?:({_VENUE_WORD}(?: {_VENUE_WORD}){{0,3}})\s*'?\s*)?(\d{{4}}|\d{{2}})\s*"
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_MAX_VENUE_WORDS = 8
_QUOTES = "\"“”„«»"
_QUOTED = re.compile(rf"[{_QUOTES}]+(.*)[{_QUOTES}]+(.*)", re.DOTALL)
_COMMA = re.compile(r",(?![^()]*\))")
_WORD = re.compile(r"[a-z]+")
_LETTER = re.compile(r"\w")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'])")
_PLACEHOLDER = re.compile(r"^[\s\-–—/]*$")

_CODE_WORDS = ("code", "pytorch", "tensorflow", "jax", "github", "gitlab", "keras", "mindspore",
               "paddle", "mxnet", "caffe", "torch", "implementation", "repo", "repository")
_PROJECT_WORDS = ("website", "project", "page", "homepage", "home", "homeoage", "webpage", "site")
_PAPER_WORDS = ("paper", "arxiv", "pdf", "openreview", "acl", "cvf", "abs", "abstract", "ieee",
                "springer", "acm", "proceedings", "doi", "journal", "preprint", "publication")
_PAPER_HOSTS = ("arxiv.org", "openaccess.thecvf.com", "openreview.net", "aclanthology.org",
                "proceedings.neurips.cc", "papers.nips.cc", "proceedings.mlr.press",
                "ieeexplore.ieee.org", "dl.acm.org", "link.springer.com", "ecva.net",
                "ojs.aaai.org", "ijcai.org", "doi.org", "sciencedirect.com", "aclweb.org")
_CODE_REPO = re.compile(r"^https?://(?:www\.)?(?:github\.com|gitlab\.com)/[^/\s]+/[^/\s#?]+",
                        re.IGNORECASE)
_HOST = re.compile(r"^\s*https?://([^/\s?#]+)", re.IGNORECASE)


def clean(text: str) -> str:
    """Markdown escapes undone, emphasis markers and surrounding punctuation stripped."""
    text = " ".join(text.split()).lstrip("*_ ")
    stripped = text.rstrip(" *_,;:-–—")
    if stripped.endswith("\\") and len(stripped) < len(text):
        stripped += text[len(stripped)]  # an escaped `\*` ends the text: keep it
    return _ESCAPE.sub(r"\1", stripped) if "\\" in stripped else stripped


def _first_word(label: str) -> str:
    word = _WORD.search(label.casefold())
    return word.group() if word else ""


def venue_label(label: str) -> tuple[str | None, int | None] | None:
    """`CVPR 2022` -> ("CVPR", 2022); `arXiv 2306` -> ("arXiv", 2023); None if not such a label."""
    match = _VENUE_LABEL.fullmatch(label)
    if not match:
        return None
    venue, digits = match.group(1), match.group(2)
    if venue and _first_word(venue) in (*_CODE_WORDS, *_PROJECT_WORDS, "paper"):
        return None
    number = int(digits)
    if len(digits) == 2:
        return venue, 2000 + number
    is_arxiv = bool(venue) and venue.casefold() == "arxiv"
    if (is_arxiv or not 1950 <= number <= 2100) and 1 <= number % 100 <= 12:
        return venue, 2000 + number // 100  # arXiv's YYMM
    return venue, number if 1950 <= number <= 2100 else None


def link_role(label: str, url: str) -> str:
    """paper, code, project or other, from the link's label first, then its URL."""
    word = _first_word(label)
    if word in _CODE_WORDS:
        return "code"
    if word in _PROJECT_WORDS:
        return "project"
    if word in _PAPER_WORDS or venue_label(label) is not None:
        return "paper"
    host = _HOST.match(url)
    name = host.group(1).lower() if host else ""
    if any(name == h or name.endswith("." + h) for h in _PAPER_HOSTS):
        return "paper"
    return "code" if _CODE_REPO.match(url) else "other"


def find_links(text: str) -> list[tuple[int, int, str, str]]:
    """Markdown links and bare URLs as (start, end, label, url), in order."""
    found = [(m.start(), m.end(), m.group(1), m.group(2)) for m in _LINK.finditer(text)]
    if text.count("http") <= sum(text.count("http", start, end) for start, end, _, _ in found):
        return found
    masked = _LINK.sub(lambda m: " " * len(m.group()), text)
    found += [(m.start(), m.end(), "", m.group().rstrip(".,;:"))
              for m in _BARE_URL.finditer(masked)]
    return sorted(found)


def is_resource_link(text: str) -> bool:
    """A bullet that is one link to a page that is not a paper: `[Tutorial (Blog)](url)`."""
    if text.count("](") > 1 or text.lstrip().startswith(("**", "`")):
        return False
    found = find_links(text)
    if len(found) != 1:
        return False
    start, end, label, url = found[0]
    rest = (text[:start] + text[end:]).strip(" \t.,;:-–—[]")
    return not rest and bool(label) and link_role(label, url) != "paper"


def is_title_label(label: str) -> bool:
    """Whether a link label is a paper title rather than `Paper`, `Code` or `CVPR 2022`."""
    text = clean(label)
    if len(text) < 4 or venue_label(text) is not None:
        return False
    return not (" " not in text and _first_word(text) in (*_CODE_WORDS, *_PROJECT_WORDS,
                                                          *_PAPER_WORDS))


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
    if title.count('"') % 2:  # `""Where am I?" Scene ..."`: the opening quote was the title's
        title = '"' + title
    return title, match.group(2)


def _meta(meta: str) -> tuple[str | None, int | None, str | None]:
    """Venue, year and a plain `(Org)` from what follows a quoted title: `, CVPR, 2022 (Org)`."""
    text = meta.strip(" ,.;:-–—|*_")
    affiliation = None
    paren = _YEAR_PAREN.match(text)
    if paren:
        text, affiliation = paren.group(1), clean(paren.group(2))
    venue, year = None, None
    for token in _COMMA.split(text):
        token = clean(token)
        if token[:1] + token[-1:] in ("()", "[]"):  # `(CVPR 2022)`
            token = token[1:-1].strip()
        label = venue_label(token) if venue is None and year is None else None
        if label is not None and label[0]:
            venue, year = label
        elif year is None and _YEAR.fullmatch(token):
            year = int(token)
        elif venue is None and token and not _PLACEHOLDER.match(token) \
                and len(token.split()) <= _MAX_VENUE_WORDS:
            venue = token
    return venue, year, affiliation


def _unquoted(head: str) -> tuple[str, str | None, int | None, str | None]:
    text = head.strip().rstrip(".,; ")
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
    elif only_year := _YEAR_END.search(text):
        text, year = text[: only_year.start()], int(only_year.group(1))
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


def bullet_fields(text: str) -> Fields | None:
    """The fields of a bullet's text (after its marker, continuation lines joined)."""
    found = find_links(text)
    name, start = _leading_name(text)
    after = [f for f in found if f[0] >= start]
    end = after[0][0] if after else len(text)
    end -= 1 if end > start and text[end - 1] == "[" else 0
    head = text[start:end]
    if name:
        head = head.lstrip(" \t-–—:：|")
    title_at = None
    if not clean(head).strip(_QUOTES + ". ") and after and is_title_label(after[0][2]):
        title_at = after[0][0]
        following = after[1][0] if len(after) > 1 else len(text)
        affiliation, meta = _take_affiliation(text[after[0][1]:following])
        venue, year, plain = _meta(meta)
        venue = venue if year else None  # after a linked title, text without a year is prose
        title, affiliation = clean(after[0][2]), affiliation or plain
    elif name and len(name.split()) >= 4 and head[:1] not in _QUOTES:
        title, name = name, None  # a bold title, then only venue and links
        venue, year, affiliation = _meta(head)
    else:
        title, venue, year, affiliation = parse_head(head)
    if name and not title:
        title, name = name, None
    if name is None:
        tail = _TAIL_NAME.search(text, end)
        name = clean(tail.group(1)) if tail else None
    links = _links(found, title_at)
    label_venue, label_year = _label_venue(links)
    if len(title) < 2 or not _LETTER.search(title):
        return None
    return Fields(title, name, venue or label_venue, year or label_year, affiliation, links)


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


def table_fields(cells: list[str], columns: dict[str, int]) -> Fields | None:
    """The fields of a table row, its cells read through the header's columns."""
    def cell(field: str) -> str:
        index = columns.get(field)
        return cells[index] if index is not None and index < len(cells) else ""

    title_cell = cell("title") or next(
        (c for c in cells if any(is_title_label(f[2]) for f in find_links(c))), "")
    link = _LINK.search(title_cell)
    if link and not is_title_label(link.group(1)):
        link = None
    title = clean(link.group(1) if link else _LINK.sub("", title_cell))
    if len(title) < 2 or not _LETTER.search(title):
        return None
    links: list[Link] = []
    for index, text in enumerate(cells):
        for _, _, label, url in find_links(text):
            role = link_role(label, url)
            if text is title_cell and label == (link.group(1) if link else None):
                role = "paper"
            elif index == columns.get("code") and role == "other":
                role = "code"
            links.append(Link(clean(label), url, role))
    venue = clean(_LINK.sub(r"\1", cell("venue")))
    year = _YEAR.search(cell("year") or venue)
    name = clean(cell("name")) if "name" in columns else ""
    affiliation = clean(cell("affiliation"))
    return Fields(title, name or None, None if _PLACEHOLDER.match(venue) else venue,
                  int(year.group(1)) if year else None, affiliation or None, tuple(links))


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
        word = _first_word(key)
        role = next((r for prefix, r in _KEY_ROLES if word.startswith(prefix)), "other")
        links.append(Link(clean(key), url, role))
    return Fields(text, links=tuple(links))
