"""A list's block structure from a CommonMark parser: headings, fences, comments, sub-groups.

markdown-it-py (the CommonMark preset with GFM tables) parses only the blocks (the inline rules
are switched off: a list's structure never depends on them, and they would triple the time), and
every block token carries the source lines it came from. The catalog stays a tuple of lines, so
edits remain byte-exact; this module only says which lines are what:

- headings of every form lists use: ATX and setext, `- ### X` inside a bullet, `> ### X` inside a
  quote, HTML `<h3>X</h3>`, a bold line `**2024**` standing alone above a list or table (a
  pseudo-heading), a fold's `<summary>Faster Inference</summary>` above one (a pseudo-heading
  too), and a bullet label with a nested list under it (`* Audio-Visual:`, a sub-group);
- fenced code (never entries) and HTML comments (the maintainers' hidden entries).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<!--.*?-->|<[^>]{0,300}>", re.DOTALL)
_BOLD_ONLY = re.compile(r"^(?:\*\*|__)(?P<text>[^*_\n]{1,60}?)(?:\*\*|__)[ \t]*[:：]?$")
_GROUP_MARKS = re.compile(r"^[*_`\s]+|[*_`\s:：]+$")
_LINKISH = re.compile(r"\]\(|https?://|\[[^\]]*\]\[", re.IGNORECASE)
_MAX_GROUP_CHARS = 80
_LISTS = ("bullet_list_open", "ordered_list_open")
# A fold's summary alone on its line (`<details open>` may open on the same line).
_SUMMARY = re.compile(r"^\s*(?:<details\b[^>]*>\s*)?<summary\b[^>]*>(.*?)</summary>\s*$",
                      re.IGNORECASE)
_NO_TOPIC = re.compile(r"(?i)\b(?:click|expand|show|more|details?|digest|abstract|hide|collapse)\b")
_HTML_TABLE = re.compile(r"^\s*<table\b", re.IGNORECASE)


@dataclass(frozen=True)
class Heading:
    """A heading of any form, by its source lines (0-based, end exclusive)."""

    line: int
    end: int
    level: int
    text: str
    kind: str  # "atx" | "setext" | "bullet" | "quote" | "html" | "bold" | "group"

    @property
    def pseudo(self) -> bool:
        """Whether it is not a `#` heading of its own line (a bullet, bold or group heading)."""
        return self.kind in ("bullet", "bold", "group")


@dataclass
class Blocks:
    """Which lines are what, from one block-level parse."""

    headings: dict[int, Heading] = field(default_factory=dict)  # by first line
    fenced: set[int] = field(default_factory=set)  # lines of fenced code, fences included
    comments: list[tuple[int, int]] = field(default_factory=list)  # HTML comment blocks
    # GFM tables: the line past each one's last row, by its header line. A line without bars
    # is one more row until a blank line or another block (a title broken over two lines).
    tables: dict[int, int] = field(default_factory=dict)


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])


def heading_text(text: str) -> str:
    """A heading's text as a reader sees it: no tags, comments, closing colon or spaces."""
    if "<" in text:
        text = _TAG.sub("", text)
    return text.strip().rstrip(":：").rstrip()


def blocks(lines: Sequence[str], skip: int = 0) -> Blocks:
    """The block structure of a text's lines; the first `skip` lines (front matter) left out."""
    source = "\n" * skip + "".join(lines[skip:])
    found = Blocks()
    _Walk(_parser().parse(source.removeprefix("\ufeff")), found).run()
    return found


class _Walk:
    """One pass over the tokens, knowing the enclosing containers and the last heading's level."""

    def __init__(self, tokens: list[Token], found: Blocks) -> None:
        self.tokens = tokens
        self.found = found
        self.stack: list[str] = []  # enclosing container tokens: "list_item", "blockquote"
        self.level = 0  # the last real heading's level: pseudo-headings go one below it

    def run(self) -> None:
        for k, token in enumerate(self.tokens):
            kind = token.type
            if kind.endswith("_open") and token.nesting == 1 and kind in (
                    "list_item_open", "blockquote_open"):
                self.stack.append(kind)
                if kind == "list_item_open":
                    self._group(k)
            elif kind in ("list_item_close", "blockquote_close"):
                self.stack.pop()
            elif kind == "heading_open":
                self._heading(k, token)
            elif kind in ("fence", "html_block") and token.map:
                self._block(token)
                if kind == "html_block":
                    self._summary(k, token)
            elif kind == "table_open" and token.map:
                self.found.tables[token.map[0]] = token.map[1]
            elif kind == "paragraph_open" and "list_item_open" not in self.stack:
                self._bold(k, token)

    def _add(self, line: int, end: int, level: int, text: str, kind: str) -> None:
        if kind not in ("bold", "group"):
            self.level = level
        self.found.headings[line] = Heading(line, end, level, heading_text(text), kind)

    def _heading(self, k: int, token: Token) -> None:
        if not token.map:
            return
        start, end = token.map
        kind = "setext" if token.markup[:1] in "=-" else "atx"
        if "list_item_open" in self.stack:
            kind = "bullet"
        elif self.stack:
            kind = "quote"
        self._add(start, end, int(token.tag[1]), self.tokens[k + 1].content, kind)

    def _block(self, token: Token) -> None:
        start, end = token.map or (0, 0)
        if token.type == "fence":
            self.found.fenced.update(range(start, end))
            return
        content = token.content.lstrip()
        if content.startswith("<!--"):
            self.found.comments.append((start, end))
            return
        for offset, line in enumerate(token.content.splitlines()):
            match = _HTML_HEADING.match(line)
            if match:
                self._add(start + offset, start + offset + 1, int(match.group(1)),
                          match.group(2), "html")

    def _bold(self, k: int, token: Token) -> None:
        """`**2024**` alone, right above a list or table: a pseudo-heading one level down."""
        if not token.map or token.map[1] - token.map[0] != 1:
            return
        match = _BOLD_ONLY.match(self.tokens[k + 1].content.strip())
        after = self.tokens[k + 3].type if k + 3 < len(self.tokens) else ""
        if match and (after in _LISTS or after == "table_open"):
            self._add(token.map[0], token.map[1], self.level + 1, match.group("text"), "bold")

    def _summary(self, k: int, token: Token) -> None:
        """`<details><summary>Faster Inference</summary>` right above a list or table: a group
        of the section that folds away, a pseudo-heading one level down as a bold line is; a
        summary that names no topic (`Click to expand`) is none."""
        after = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
        if "list_item_open" in self.stack or after is None or not token.map or not (
                after.type in _LISTS or after.type == "table_open"
                or (after.type == "html_block" and _HTML_TABLE.match(after.content))):
            return
        found = [(offset, text) for offset, line in enumerate(token.content.splitlines())
                 if (summary := _SUMMARY.match(line)) and (text := heading_text(summary.group(1)))]
        if found and len(found[-1][1]) <= _MAX_GROUP_CHARS and not _NO_TOPIC.search(found[-1][1]):
            line = token.map[0] + found[-1][0]
            self._add(line, line + 1, self.level + 1, found[-1][1], "bold")

    def _group(self, k: int) -> None:
        """A bullet that only labels the nested list under it: a sub-group of the section."""
        item = self.tokens[k]
        if k + 4 >= len(self.tokens) or not item.map:
            return
        opening, inline, _, nested = self.tokens[k + 1:k + 5]
        if opening.type != "paragraph_open" or nested.type not in _LISTS or not opening.map \
                or opening.map[1] - opening.map[0] != 1:
            return
        label = inline.content.strip()
        # Quotes in a tag's attribute (`<span id="head-t2f"> **Text to Face** </span>`) are
        # markup; quotes in the text a reader sees mark a paper's title, no label.
        shown = heading_text(label)
        if not shown or len(shown) > _MAX_GROUP_CHARS or _LINKISH.search(label) \
                or any(q in shown for q in "\"“”"):
            return
        if not self._has_links(k + 4, nested.level):
            return
        depth = self.stack.count("list_item_open")
        self.found.headings[item.map[0]] = Heading(
            item.map[0], item.map[0] + 1, self.level + depth,
            _GROUP_MARKS.sub("", shown), "group")

    def _has_links(self, start: int, level: int) -> bool:
        for token in self.tokens[start + 1:]:
            if token.level <= level and token.type in ("bullet_list_close", "ordered_list_close"):
                return False
            if token.type == "inline" and _LINKISH.search(token.content):
                return True
        return False
