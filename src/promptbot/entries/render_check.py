"""The guarantee checked before any write: an entry renders (cmark-gfm, GitHub's renderer) with
the element structure of the section's own entries, its markup balanced, and the catalog parser
reads it back to the paper's id and title."""

from __future__ import annotations

import ctypes
import ctypes.util
import html
import textwrap
from collections.abc import Callable
from functools import lru_cache
from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm import _cmark, cmark
from cmarkgfm.cmark import Options

from promptbot.catalog import normalize_title, parse
from promptbot.catalog.links import find_links
from promptbot.models import Entry

_OPTIONS = Options.CMARK_OPT_UNSAFE  # keep the list's raw HTML: it is part of the structure
_STRUCTURAL = frozenset({"a", "strong", "em", "code", "img", "li", "ol", "ul", "table", "tr",
                         "td", "th", "br", "del", "sup", "sub", "b", "i", "span", "p"})
_MARKS = "*_`"


class _Reader(HTMLParser):
    """Start tags in order, and the text a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _STRUCTURAL:
            self.tags.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def render(markdown: str) -> tuple[tuple[str, ...], str]:
    """The element structure (start tags in order) and the visible text of `markdown`."""
    reader = _Reader()
    reader.feed(gfm_html(markdown))
    reader.close()
    return tuple(reader.tags), "".join(reader.text)


# GitHub's extensions, as cmarkgfm.github_flavored_markdown_to_html attaches them.
_EXTENSIONS = ("table", "autolink", "tagfilter", "strikethrough", "tasklist")


def _freeing() -> tuple[Callable[[int], None], Callable[[int], None]] | None:
    """cmark's `cmark_node_free` and the C library's `free`, where ctypes can reach them:
    cmarkgfm's binding frees neither the parse tree nor the HTML it renders (about ten times
    the text's size per render, which a long-lived `promptbot schedule` would keep forever)."""
    try:
        library = ctypes.CDLL(_cmark.__file__)
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        node_free, free = library.cmark_node_free, libc.free
    except (OSError, AttributeError, TypeError):
        return None
    node_free.argtypes = [ctypes.c_void_p]
    free.argtypes = [ctypes.c_void_p]
    return node_free, free


_FREE = _freeing()


def gfm_html(markdown: str) -> str:
    """GitHub's HTML for `markdown` (cmark-gfm with its extensions, raw HTML kept), the parse
    tree and the rendered buffer freed."""
    if _FREE is None:
        html_text: str = cmarkgfm.github_flavored_markdown_to_html(markdown, options=_OPTIONS)
        return html_text
    node_free, free = _FREE
    options = _OPTIONS | Options.CMARK_OPT_GITHUB_PRE_LANG
    cmark.core_extensions_ensure_registered()
    parser = cmark.parser_new(options)
    try:
        for name in _EXTENSIONS:
            cmark.parser_attach_syntax_extension(parser, cmark.find_syntax_extension(name))
        cmark.parser_feed(parser, markdown)
        root = cmark.parser_finish(parser)
        raw = _cmark.lib.cmark_render_html(
            root, options, cmark.parser_get_syntax_extensions(parser))
        try:
            rendered: str = _cmark.ffi.string(raw).decode("utf-8")
            return rendered
        finally:
            free(_address(raw))
            node_free(_address(root))
    finally:
        cmark.parser_free(parser)


def _address(pointer: object) -> int:
    return int(_cmark.ffi.cast("uintptr_t", pointer))


@lru_cache(maxsize=64)
def _rendered_context(context: str) -> tuple[tuple[str, ...], str]:
    """`render(context)`, once per section's context: every entry checked or measured in a
    section renders after the same lines (a table's header), candidate after candidate."""
    return render(context)


@lru_cache(maxsize=4096)
def structure(entry: str, context: str = "") -> tuple[str, ...]:
    """The element structure of an entry rendered after its context (a table's header); kept,
    as a section's entries are measured again whenever its style is asked for."""
    tags, _ = render(context + _alone(entry) + "\n")
    if context:
        head, _ = _rendered_context(context)
        tags = tags[len(head):] if tags[:len(head)] == head else tags
    return tags


def _alone(entry: str) -> str:
    """The entry as it renders on its own: a nested item's indent (a code block alone) removed,
    and the blank line that keeps it apart from the entry above."""
    return textwrap.dedent(entry.strip("\r\n"))


def _residue(text: str, values: tuple[str, ...]) -> str:
    for value in sorted(values, key=len, reverse=True):
        if value:
            text = text.replace(value, " ")
    return text


def problems(entry: str, *, context: str = "", shown: tuple[str, ...] = (),
             allowed: frozenset[tuple[str, ...]] = frozenset(), arxiv_id: str = "",
             title: str = "", exemplar: tuple[str, str] | None = None) -> list[str]:
    """What is wrong with writing `entry` into the section; empty when it is safe.

    `shown` are the values' visible texts (a title may show brackets of its own), `allowed` the
    structures of the section's entries, `title` the title as it should read back. `exemplar`
    (its text and title) is the entry the new one was written after: where the parser misreads
    the list's own title, the new title is held to the same reading, not to a better one.
    """
    if exemplar is not None and _misread(exemplar[0], context, exemplar[1]):
        title = ""
    found: list[str] = []
    entry = _alone(entry)
    tags, text = render(context + entry + "\n")
    if context:
        head, head_text = _rendered_context(context)
        tags, text = tags[len(head):], text[len(head_text):] if text.startswith(
            head_text) else text
    rest = _residue(text, shown)
    if rest.count("[") != rest.count("]") or rest.count("(") != rest.count(")"):
        found.append("unbalanced brackets in the rendered entry")
    if any(mark * 2 in rest for mark in "*_") or "`" in rest or (
            exemplar is not None and rest.count("*") > _shown_stars(exemplar[0], context)):
        # A single `*` shown too (`*CVPR 2026 *.`: a space before the closing mark), where the
        # exemplar shows none: its emphasis did not close.
        found.append("stray emphasis or code marks in the rendered entry")
    if allowed and tags not in allowed:
        found.append("an element structure none of the section's entries has")
    if _wordless_link(entry, exemplar[0] if exemplar else ""):
        found.append("a link that says nothing (its label is gone)")
    back = _entries(entry, context)
    found.extend(_read_back(back, arxiv_id, title))
    if exemplar is not None and not found and _kind(exemplar[0], context) not in (
            "", back[0].kind):
        # Values that change the block: a bullet whose author list is gone (`-, , .<br />`)
        # reads back as a paragraph, which the list around it would not read as an entry.
        found.append("the entry reads back as another kind of entry than its exemplar")
    return found


@lru_cache(maxsize=512)
def _shown_stars(exemplar: str, context: str) -> int:
    """How many `*` the exemplar itself shows rendered (a footnote's mark, a title's own); once
    per exemplar, which every paper written after it is checked against."""
    return render(context + _alone(exemplar) + "\n")[1].count("*")


_SAYS_NOTHING = " \t:;,.-–—|/"


def _wordless_link(entry: str, exemplar: str) -> bool:
    """Whether the entry links from a label of nothing but punctuation (`[: ](…)`, the name and
    title of an exemplar's second paper gone) where its exemplar writes no such label; a badge
    (`[![Star](…)](…)`) is a label."""
    for start, _, label, _ in find_links(entry):
        # A badge's link (`[![Star](…)](…)`, read from its destination on) has an image for
        # a label.
        if not entry.startswith("[", start) or entry.startswith("[![", start) \
                or label.strip(_SAYS_NOTHING):
            continue
        if f"[{label}](" not in exemplar:
            return True
    return False


def _entries(entry: str, context: str) -> tuple[Entry, ...]:
    """The entries the catalog parser reads in `entry` written after `context`."""
    return parse(context + entry + "\n").entries


@lru_cache(maxsize=512)
def _read_exemplar(exemplar: str, context: str) -> tuple[Entry, ...]:
    """The entries read in the list's own entry, once per exemplar: every paper written after
    the same exemplar asks again."""
    return _entries(exemplar, context)


def _kind(exemplar: str, context: str) -> str:
    """The kind of the list's own entry, "" where the parser does not read it as one entry."""
    entries = _read_exemplar(exemplar, context)
    return entries[0].kind if len(entries) == 1 else ""


@lru_cache(maxsize=512)
def _misread(exemplar: str, context: str, title: str) -> bool:
    """Whether the parser misreads the list's own entry (its title or its count), once per
    exemplar: every paper written after the same exemplar asks it again."""
    return bool(_read_back(_read_exemplar(exemplar, context), "", title))


def _read_back(entries: tuple[Entry, ...], arxiv_id: str, title: str) -> list[str]:
    if len(entries) != 1:
        return [f"the catalog parser reads {len(entries)} entries back, not 1"]
    back = entries[0]
    if arxiv_id and arxiv_id not in back.arxiv_ids:
        return ["the arXiv id does not read back"]
    # A raw-HTML cell's title is read back already unescaped once (a title's own `&amp` stays
    # `&amp`), its brackets as `&#91;` `&#93;` (kept apart from the link the parser reads the
    # cell as); a markdown entry's may keep its character references: each reading counts.
    cell = back.title.replace("&#91;", "[").replace("&#93;", "]")
    if title and not any(_same_title(title, read)
                         for read in (back.title, cell, html.unescape(back.title))):
        return ["the title does not read back"]
    return []


def _same_title(title: str, read: str) -> bool:
    """Whether the title reads back as itself, or as its part after `Name:` where the list shows
    the name apart; not with words around it (`Lovelace Title`: an author taken into it)."""
    wanted, got = normalize_title(title), normalize_title(read)
    return got in (wanted, normalize_title(title.partition(":")[2]))
