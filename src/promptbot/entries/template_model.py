"""An entry abstracted into a slot template: the list's own text with its values cut out.

A template is what one real entry looks like once its values (title, links, name, venue, dates,
authors, number) are replaced by slots: `* [{date}] [{name}] [{title}]({paper})`. Filling the
slots with another paper's values writes that paper the way the maintainers wrote this one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from promptbot.catalog.authors import author_names
from promptbot.catalog.links import ET_AL

# What a slot holds; `project` is a link the list labels as the project's page (`Website`,
# `Project`); `other` is a value the bot cannot know (a demo, a dataset, a model).
SLOT_KINDS = ("title", "name", "paper", "code", "repo", "project", "date", "venue", "authors",
              "affiliation", "number", "other")
# What lists call a preprint's venue, any case: `arXiv`, `Preprint`, `arXiv preprint`.
PREPRINT_WORDS = ("arxiv", "preprint", "arxiv preprint")


@dataclass(frozen=True)
class Slot:
    """One value of an entry; `form` says how the list writes it (a URL prefix, a date format)."""

    kind: str
    form: str = ""
    html: bool = False  # inside raw HTML: written with HTML character references
    original: str = ""  # the text the slot replaced in the exemplar
    attribute: bool = False  # inside an HTML tag (an attribute's value), where quotes are escaped


Part = str | Slot


@dataclass(frozen=True)
class Template:
    """One exemplar entry as literal text and slots, and what it says about the list."""

    parts: tuple[Part, ...]
    kind: str  # the exemplar's entry kind: "bullet" | "table" | "block" | "paragraph" | "html"
    line: int  # the exemplar's first line in the catalog
    venue_is_arxiv: bool | None = None  # the exemplar's venue slot showed a preprint
    raw: str = ""  # the exemplar's own text

    @property
    def title(self) -> str:
        """The exemplar's title as written."""
        return next((s.original for s in self.slots if s.kind == "title"), "")

    @property
    def slots(self) -> tuple[Slot, ...]:
        """The template's slots, in order."""
        return tuple(p for p in self.parts if isinstance(p, Slot))

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of value the template needs."""
        return frozenset(s.kind for s in self.slots)

    @cached_property
    def key(self) -> str:
        """The template's skeleton: literal markup and slot kinds, words and digits left out
        (computed once: ranking compares every template's key for every paper)."""
        return key_of(self.parts)

    @cached_property
    def look(self) -> str:
        """The skeleton without the code link and the stars badge of the code, a table's cell
        without it empty: entries that link code and entries that have none to link are
        written alike."""
        key, before = self.key, ""
        while key != before:
            before, key = key, _CODE_PIECE.sub("", key)
        # A table's cell that says "none" (`| - |`) is the empty cell of a link not there, and
        # the line breaks that set a badge apart in a cell (`![Star](…) <br> [**Title**](…)
        # <br>`) go with it.
        return _NOTHING_CELL.sub("| ", _CELL_BREAK.sub("", key))

    @cached_property
    def lists_one_author(self) -> bool:
        """Whether the template lists its authors in full and its exemplar had one: it shows
        no separator to list several with (`Daniel Ortiz-Martínez. 2016.` among `A, B and C.
        2015.`); `Lovelace, Ada, et al.` lists one name and says there are more."""
        return any(s.kind == "authors" and s.form == "list" and len(author_names(s.original)) == 1
                   and not _ET_AL.search(s.original) for s in self.slots)

    @cached_property
    def text(self) -> str:
        """The template as written, words and spelling kept (`[[paper](…)]` is not `[[Paper](…)]`),
        slots as their kind and form, table cells as `form` has them (no padding, a cell of an
        unknown value empty): among entries of one skeleton, the spelling most of them share is
        the list's, where one entry's own (`arxiv` among `arXiv`) is not."""
        return _cells_as_form("".join(p if isinstance(p, str) else "{" + ":".join(filter(
            None, (p.kind, p.form))) + "}" for p in self.parts))

    @cached_property
    def form(self) -> str:
        """The skeleton without the padding of its table cells (`|   arXiv     |` is `|arXiv|`),
        a cell of a value the bot cannot know (a demo's link) or of none (`-`) empty: the rows
        of a table that differ only there are one form."""
        return _cells_as_form(self.key)


# A link to the code or a badge of it as a skeleton writes it: `[[a]({code})]`, `[a]({code})`,
# `[![a]({repo})]({code})` (the badge goes first, then what is left of the link).
_CODE_PIECE = re.compile(r"[ \t]*(?:\[?!?\[[^\[\]]*\]\(\{(?:code|repo)\}\)\]?|\(\{code\}\))")
_CELL_BREAK = re.compile(r"[ \t]*<a ?/?>(?=[^\n]*\|)")  # `<br>` as a skeleton, in a table row
_NOTHING_MARK = r"[-–—/?]{1,3}"  # what a table's cell says where it has no value (`-`, `--`, `?`)
_NOTHING_CELL = re.compile(rf"\|[ \t]*(?:{_NOTHING_MARK}[ \t]*)?(?=\||\n|$)")
_CELL_PADDING = re.compile(r"[ \t]*\|[ \t]*")
_ET_AL = re.compile(ET_AL)
_UNKNOWN_CELL = re.compile(
    rf"\|(?:{_NOTHING_MARK}|\{{other\}}|\[[^\[\]|]*\]\(\{{other\}}\))(?=\|)")


def _cells_as_form(text: str) -> str:
    """A skeleton's or a text's table cells without padding, a cell of an unknown value or of
    none empty: rows that differ only there are one form."""
    return _UNKNOWN_CELL.sub("|", _CELL_PADDING.sub("|", text))


def key_of(parts: Sequence[Part]) -> str:
    """The skeleton of template parts (a whole template's, or a piece of one such as its venue
    tag): literal markup, slot kinds in braces."""
    return "".join(skeleton(p) if isinstance(p, str) else "{" + p.kind + "}" for p in parts)


_WORDS = re.compile(r"[^\W\d_]+(?:[ \-'’][^\W\d_]+)*")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"[ \t]+")
_TRAILING = re.compile(r"[ \t]+(?=\n|$)")


def skeleton(text: str) -> str:
    """A text's look without its values: words become `a`, digit runs `0`, spaces one space,
    except the trailing spaces that make a markdown line break (kept as `⏎`)."""
    text = _TRAILING.sub(lambda m: "⏎" if len(m.group()) >= 2 else "", text)
    text = _WORDS.sub("a", text)
    text = _DIGITS.sub("0", text)
    return _SPACES.sub(" ", text)


def flexible(text: str) -> re.Pattern[str] | None:
    """A pattern for `text` as a list may write it: hard-wrapped, its characters escaped."""
    words = [re.escape(w) for w in text.split()]
    if not words:
        return None
    # The list may hard-wrap the title or escape its characters: any space run, optional `\`.
    pattern = r"\s+".join(words).replace(r"\\", r"\\?")
    return re.compile(pattern)
