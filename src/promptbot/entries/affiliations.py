"""Authors and their institutions from a LaTeXML author block (arXiv's HTML pages); pure.

LaTeXML writes the `\\author{…}` block in several layouts, all handled here:
- all authors in one `ltx_personname`, names carrying numbered marks (`<sup class="ltx_sup">`,
  or MathML `alttext="{}^{1,2}"`), then `<br>`-separated lines of numbered affiliations;
- one `ltx_creator` per author whose `ltx_personname` holds the name, then affiliation and
  address lines after `<br>` (the CVPR/ICCV template), or several authors separated by `&`;
- affiliations as `ltx_contact ltx_role_affiliation` spans inside `ltx_author_notes`.
Emails, footnotes, `\\thanks` notes and footnote marks are dropped; each affiliation is reduced to
the institution a reader names ("Aalto University", not "Department of …, Espoo, Finland").
The text returned is raw (not escaped): formatting escapes it like all other metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from promptbot.entries.institutions import institution_name
from promptbot.entries.latexml_lines import Item, has_class, lines_of


@dataclass(frozen=True)
class Author:
    """One author as the block shows them, with their institutions in the order given."""

    name: str
    institutions: tuple[str, ...] = ()


@dataclass(frozen=True)
class AuthorBlock:
    """The authors of a paper's HTML page, in order."""

    authors: tuple[Author, ...]
    unassigned: tuple[str, ...] = ()  # institutions the page names without tying them to a name

    @property
    def institutions(self) -> tuple[str, ...]:
        """Every distinct institution of the block, in order of appearance."""
        named = (i for a in self.authors for i in a.institutions)
        return tuple(dict.fromkeys((*named, *self.unassigned)))

    @property
    def first_institution(self) -> str | None:
        """The first author's first institution; else the first one the block names."""
        for author in self.authors[:1]:
            if author.institutions:
                return author.institutions[0]
        return next(iter(self.institutions), None)


_NAME_SEPARATORS = re.compile(r"\s*(?:[,;&]|\band\b|\s{2,}|[\u2000-\u200b\u3000])\s*")



def parse_author_block(page: str | Tag) -> AuthorBlock | None:
    """The authors of a LaTeXML page (or of its `ltx_authors` element); None if it has none."""
    root = BeautifulSoup(page, "html.parser") if isinstance(page, str) else page
    block = root if has_class(root, "ltx_authors") else root.find(class_="ltx_authors")
    if not isinstance(block, Tag):
        return None
    creators = [c for c in block.find_all(class_="ltx_creator") if isinstance(c, Tag)] or [block]
    lines_by_creator = [lines_of(_personname(c)) for c in creators]
    numbered = _numbered_affiliations([line for lines in lines_by_creator for line in lines])
    authors: list[Author] = []
    for creator, lines in zip(creators, lines_by_creator, strict=True):
        columns = None if numbered else _columns(_personname(creator))
        if columns:
            found = [a for column in columns for a in _chunk_authors(column)]
        else:
            found = _numbered_authors(lines, numbered) if numbered else _chunk_authors(lines)
        contacts = _contacts(creator)
        if not found and contacts and authors:  # a nameless creator adds to the previous author
            last = authors.pop()
            found = [Author(last.name, last.institutions)]
        if found and contacts:
            first = found[0]
            found[0] = Author(first.name, tuple(dict.fromkeys((*first.institutions, *contacts))))
        authors.extend(found)
    if not authors:
        return None
    if numbered and not any(a.institutions for a in authors):
        # Numbered affiliations but no marks on the names (a single author): they are everyone's.
        shared = tuple(dict.fromkeys(numbered[k] for k in sorted(numbered, key=_key_order)))
        authors = [Author(a.name, shared) for a in authors]
    institutes = [] if any(a.institutions for a in authors) else _institutes(block)
    return AuthorBlock(tuple(authors), tuple(institutes))


def _key_order(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (0, key)


def _personname(creator: Tag) -> Tag | None:
    if not has_class(creator, "ltx_creator"):
        return creator  # no creator elements: read the whole block as one
    found = creator.find(class_="ltx_personname")
    return found if isinstance(found, Tag) else None


def _contacts(creator: Tag) -> list[str]:
    """Institutions of the `ltx_role_affiliation` contacts of one creator (lines joined)."""
    out: list[str] = []
    for contact in creator.find_all(class_="ltx_role_affiliation"):
        name = institution_name(_joined_lines(contact)) if isinstance(contact, Tag) else None
        if name:
            out.append(name)
    return out


def _joined_lines(node: Tag) -> str:
    """An element's text lines (email lines dropped) as one comma-separated line."""
    lines = (" ".join(v for k, v in line if k == "text") for line in lines_of(node))
    return ", ".join(line for line in lines if line.strip())


def _institutes(block: Tag) -> list[str]:
    """Springer LNCS (ECCV) `\\institute{}` parts: notes beside the author block, in order."""
    scope = block.find_parent("article") or block.find_parent() or block
    out: list[str] = []
    for note in scope.find_all(class_="ltx_role_institutetext"):
        content = note.find(class_="ltx_note_content") if isinstance(note, Tag) else None
        if isinstance(content, Tag):
            name = institution_name(_joined_lines(content))
            if name and name not in out:
                out.append(name)
    return out


def _columns(node: Tag | None) -> list[list[list[Item]]] | None:
    """The lines of each column of an author table (one author per column: the name, then
    affiliation lines below it); None unless the block is such a table."""
    table = node.find(class_="ltx_tabular") if node is not None else None
    if not isinstance(table, Tag):
        return None
    rows = [[c for c in r.find_all(class_="ltx_td") if isinstance(c, Tag)]
            for r in table.find_all(class_="ltx_tr") if isinstance(r, Tag)]
    width = len(rows[0]) if rows else 0
    if width < 2 or len(rows) < 2 or any(len(row) != width for row in rows):
        return None
    return [[line for row in rows for line in lines_of(row[i])] for i in range(width)]


def _keys(mark: str) -> list[str]:
    """Affiliation keys in a mark ("1,3" -> ["1", "3"]); footnote symbols are not keys."""
    return [k for k in re.split(r"[,，\s]+", mark) if re.fullmatch(r"\d{1,2}|[a-z]", k)]


def _numbered_affiliations(lines: Sequence[Sequence[Item]]) -> dict[str, str]:
    """Affiliation lines that start with a numbered mark: key -> institution."""
    found: dict[str, str] = {}
    for line in lines:
        if not line or line[0][0] != "mark" or not _keys(line[0][1]):
            continue
        keys: list[str] = []
        for kind, value in line:
            if kind == "mark":
                keys = _keys(value) or keys
            elif keys:
                name = institution_name(value)
                for key in keys:
                    if name and key not in found:
                        found[key] = name
                keys = []
    return found


def _numbered_authors(lines: Sequence[Sequence[Item]], numbered: dict[str, str]) -> list[Author]:
    """Authors of the name lines, each with the institutions its marks point to."""
    authors: list[tuple[str, list[str]]] = []
    for line in lines:
        if line[0][0] == "mark" and _keys(line[0][1]):
            continue  # an affiliation line
        for kind, value in line:
            if kind == "text":
                authors.extend((name, []) for name in _names(value))
            elif authors:
                authors[-1][1].extend(_keys(value))
    return [Author(name, tuple(dict.fromkeys(numbered[k] for k in keys if k in numbered)))
            for name, keys in authors]


def _chunk_authors(lines: Sequence[Sequence[Item]]) -> list[Author]:
    """Authors of unnumbered lines: names first, then their affiliation and address lines;
    `&` or `and` at the start of a line begins the next author (NeurIPS's `\\And`)."""
    chunks: list[list[str]] = []
    for line in lines:
        text = " ".join(v for k, v in line if k == "text").strip()
        if not text:
            continue
        starts_author = re.match(r"(?:&|and\b)\s*", text)
        if not chunks or starts_author:
            chunks.append([text[starts_author.end():] if starts_author else text])
        else:
            chunks[-1].append(text)
    authors: list[Author] = []
    for names_line, *rest in chunks:
        institution = institution_name(", ".join(rest)) if rest else None
        for name in _names(names_line):
            authors.append(Author(name, (institution,) if institution else ()))
    return authors


def _names(text: str) -> list[str]:
    names = (n.strip(" *†‡§¶#.") for n in _NAME_SEPARATORS.split(text))
    return [n for n in names if re.search(r"[^\W\d_]", n)]
