"""LaTeXML elements as lines of text and marks (superscript affiliation keys); pure.

Line breaks (`<br>`, table rows) split lines; footnotes, `\\thanks` notes, emails, ORCID
contacts and LaTeXML's error spans are dropped; a superscript (`ltx_sup`, a MathML `{}^{1,2}`,
Unicode ¹²) is a mark, everything else text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from bs4 import BeautifulSoup, Tag
from bs4.element import Comment, NavigableString

Item = tuple[str, str]  # ("text" | "mark", value)

# Parts of an author block that are not names or affiliations.
_DROPPED_CLASSES = frozenset({
    "ltx_note", "ltx_ERROR", "ltx_author_notes", "ltx_role_email", "ltx_contact_name",
    "ltx_author_before", "ltx_role_thanks", "ltx_role_footnote", "ltx_role_footnotemark",
    "ltx_note_type", "ltx_note_mark", "ltx_role_orcid",
})
_DROPPED_TAGS = frozenset({"button", "script", "style", "img", "svg"})
_MATH_MARK = re.compile(r"\s*(?:\{\})?\^\{?([^{}]*)\}?\s*")
_UNICODE_MARKS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_UNICODE_MARK_RUN = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:[,，][¹²³⁴⁵⁶⁷⁸⁹⁰]+)*")
_NOT_TEXT = re.compile(r"\S+@\S+|https?://\S+|\{[^{}]*\}@\S*")


def has_class(node: Tag | BeautifulSoup, name: str) -> bool:
    """Whether an element carries a class."""
    return name in _classes(node) if isinstance(node, Tag) else False


def _classes(node: Tag) -> set[str]:
    value = node.get("class")
    if isinstance(value, str):
        return set(value.split())
    return set(value or ())


def _events(node: Tag) -> Iterator[Item]:
    """Text, marks and line breaks of an element in document order; notes and emails dropped."""
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            yield from _text_items(str(child))
        elif isinstance(child, Tag):
            yield from _tag_events(child)


def _tag_events(tag: Tag) -> Iterator[Item]:
    classes = _classes(tag)
    if tag.name == "br":
        yield ("br", "")
    elif tag.name in _DROPPED_TAGS or classes & _DROPPED_CLASSES:
        return
    elif tag.name == "sup" or "ltx_sup" in classes:
        yield ("mark", tag.get_text(""))
    elif tag.name == "math":
        alt = str(tag.get("alttext") or "")
        found = _MATH_MARK.fullmatch(alt)
        yield ("mark", found.group(1)) if found else ("text", alt)
    elif tag.name == "a" and str(tag.get("href") or "").startswith("mailto:"):
        return
    elif "ltx_tr" in classes or tag.name == "tr":  # a table row is a line of its own
        yield ("br", "")
        yield from _events(tag)
        yield ("br", "")
    elif "ltx_td" in classes or tag.name == "td":  # cells of a row are apart
        yield ("text", "  ")
        yield from _events(tag)
        yield ("text", "  ")
    elif "ltx_font_typewriter" in classes and _NOT_TEXT.search(tag.get_text(" ")):
        yield ("br", "")  # an email line
    else:
        yield from _events(tag)


def _text_items(text: str) -> Iterator[Item]:
    """Plain text, with Unicode superscript digits (¹²) read as marks."""
    last = 0
    for found in _UNICODE_MARK_RUN.finditer(text):
        yield ("text", text[last : found.start()])
        yield ("mark", found.group(0).translate(_UNICODE_MARKS))
        last = found.end()
    yield ("text", text[last:])


def lines_of(node: Tag | None) -> list[list[Item]]:
    """The element's items split at line breaks; texts whitespace-normalized, empty lines gone."""
    if node is None:
        return []
    lines: list[list[Item]] = [[]]
    for kind, value in _events(node):
        if kind == "br":
            lines.append([])
            continue
        if kind == "text":
            value = _NOT_TEXT.sub(" ", value)
        lines[-1].append((kind, value))
    return [_merged(line) for line in lines if _merged(line)]


def _merged(line: Sequence[Item]) -> list[Item]:
    """Adjacent texts joined and normalized; blank texts dropped."""
    out: list[Item] = []
    for kind, value in line:
        if kind == "text" and out and out[-1][0] == "text":
            out[-1] = ("text", out[-1][1] + value)
        else:
            out.append((kind, value))
    cleaned = [(k, v.strip() if k == "mark" else _spaces(v)) for k, v in out]
    return [(k, v) for k, v in cleaned if v.strip(" ")]


def _spaces(text: str) -> str:
    # Em and other wide spaces separate names: keep them as two spaces, collapse the rest.
    text = re.sub(r"[\u2000-\u200b\u3000]", "  ", text)
    return re.sub(r"[^\S ]+", " ", text).replace("\xa0", " ")
