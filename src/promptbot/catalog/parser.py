"""A markdown awesome list -> Catalog, losslessly: every byte kept, each paper read as an Entry."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise

from promptbot.catalog.authors import one_person
from promptbot.catalog.fields import (
    Fields,
    author_line,
    bullet_fields,
    with_author_line,
    with_details,
)
from promptbot.catalog.html_rows import html_table_starts, table_rows
from promptbot.catalog.index import find_arxiv_ids
from promptbot.catalog.links import find_links, is_resource_link, without_links
from promptbot.catalog.outline import parse_heading_date
from promptbot.catalog.row_fields import block_fields, row_columns, table_fields
from promptbot.catalog.structure import Blocks, Heading, blocks
from promptbot.models import Catalog, Entry, Section, UnparsedLine

__all__ = ["parse", "split_lines"]

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_SETEXT = re.compile(r"^ {0,3}(=+|-{2,})[ \t]*$")
_BULLET = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
# A line of three backticks opens a code fence only where no backtick follows on it (CommonMark):
# "```arXiv 2023/04``` [[paper]](…)" is inline code in a paragraph.
_BLOCK_START = re.compile(
    r"^[ \t]*(?:[-*+][ \t]|\d{1,3}[.)][ \t]|#|>|\||<|`{3,}(?![^`]*`)|~{3}|\*\*.*\*\*[ \t]*$)"
)
_HR = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_BOLD_LINE = re.compile(r"^[ \t]*\*\*(?P<title>[^*].*?)\*\*[ \t]*$")
# A key in any script, its words in two languages perhaps (`论文/Paper`).
_KEY_LINE = re.compile(
    r"^[ \t]*[-*+][ \t]+(?P<key>[^\W\d_](?:[^\W\d_]|[ .\-/]){0,24}?)[ \t]*[:：]?[ \t]*"
    r"(?:\[[^\]]*\]\(\s*(?P<linked>[^)\s]+)\s*\)|<?(?P<url>https?://[^\s<>]+)>?)[ \t]*$"
)
# Any keyed line of a `**Title**` block (`- intro: ECCV 2016`), beside the ones that link.
_KEY_TEXT = re.compile(r"^[ \t]*[-*+][ \t]+[^\W\d_][^:：\n]{0,80}[:：][ \t]*\S")
_HTTP = re.compile(r"https?://", re.IGNORECASE)
_WEB_LINK = re.compile(r"\]\(\s*<?https?://", re.IGNORECASE)
_PAPER_URL = re.compile(r"https?://(?:www\.|export\.)?(?:arxiv\.org|openreview\.net|"
                        r"openaccess\.thecvf\.com|aclanthology\.org)/", re.IGNORECASE)
_MD_LINK = re.compile(r"\[[^\[\]]+\]\([^)]*\)")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_NAMED_QUOTE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\*\*[^*]+\*\*[ \t]*[:：]?[ \t]*[\"“]")
_MAX_CONTINUATION = 4
_CONTENTS_LINE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\[[^\[\]]+\]\(#[^)]*\)")
# What a line shows besides words: links, bare URLs, bracketed tags (`[ECCV2020]`).
_LINKS_AND_TAGS = re.compile(r"!?\[[^\]]*\]\([^)]*\)|https?://\S+|\[[^\]]*\]")
_PARAGRAPH_RUN = 2  # entry-like paragraphs under one heading before they count as entries
_PROSE_WORDS = 40  # words outside its links beyond which a paragraph is prose
_SPEAKS = re.compile(r"(?i)\b(?:we|our|us|you|your)\b")
_WORDS = re.compile(r"\w+")
# `- Paper: url` lines belong under a `**Title**`; alone they are an entry without a title.
_KEYS = frozenset({"paper", "code", "homepage", "home", "homeoage", "project", "page", "website",
                   "pdf", "arxiv", "github", "demo", "video", "dataset", "slides", "poster"})


@dataclass
class _Scan:
    """What one pass over the lines found, in file order."""

    blocks: Blocks
    headings: list[Heading] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    unparsed: list[UnparsedLine] = field(default_factory=list)
    hidden: list[Entry] = field(default_factory=list)
    # The last table's header line and the line past its rows: rows commented out right under
    # it are read with its header.
    table: tuple[int, int] | None = None
    # Paragraphs that read as entries, with the number of headings above them (their section).
    paragraphs: list[tuple[int, int, int]] = field(default_factory=list)
    # Bullet entries whose list item goes on in paragraphs after a blank line, by the bullet's
    # line: the last line of the bullet's own lines, and of those paragraphs.
    continued: dict[int, tuple[int, int]] = field(default_factory=dict)


def split_lines(text: str) -> tuple[str, ...]:
    """The lines of a text, each with its own ending (\\n, \\r\\n, \\r, or none at the end)."""
    return tuple(m.group() for m in _LINE.finditer(text))


def parse(text: str) -> Catalog:
    """Parse a markdown catalog; `parse(text).render() == text` for any text."""
    lines = split_lines(text)
    bodies = [line.rstrip("\r\n") for line in lines]
    if bodies:
        bodies[0] = bodies[0].removeprefix("\ufeff")
    start = _front_matter_end(bodies)
    scan = _Scan(blocks(lines, start))
    _scan(bodies, lines, scan, start)
    _join_item_paragraphs(bodies, lines, scan)
    _add_paragraphs(bodies, lines, scan)
    scan.entries = _with_item_ends(bodies, scan)
    return Catalog(lines=lines, sections=_sections(scan, len(lines)),
                   unparsed=tuple(scan.unparsed), hidden=tuple(scan.hidden),
                   groups=_groups(scan, len(lines)))


def _scan(bodies: list[str], lines: tuple[str, ...], scan: _Scan, start: int) -> None:
    comments = dict(scan.blocks.comments)
    i = start
    while i < len(bodies):
        if i in scan.blocks.fenced:
            i += 1
        elif i in comments:
            head = scan.table[0] if scan.table and scan.table[1] == i else None
            scan.hidden.extend(_hidden(lines, i, comments[i], head))
            i = max(comments[i], i + 1)  # commented-out entries are not in the list
        elif html_table_starts(bodies[i]):
            i = _scan_html_table(bodies, lines, scan, i)
        else:
            i = _scan_line(bodies, lines, scan, i)


def _hidden(lines: tuple[str, ...], start: int, end: int, head: int | None = None
            ) -> list[Entry]:
    """The entries inside an HTML comment: how maintainers retire a paper without deleting it.
    Rows of a table commented out right under it (`<!-- |CVPR'23|[…](…)|…|`) are read with the
    table's header and delimiter lines (`head`: the header's line)."""
    inner = list(lines[start:end])
    if not inner:
        return []
    inner[0] = inner[0].replace("<!--", "    ", 1).lstrip() if head is not None \
        else inner[0].replace("<!--", "    ", 1)
    last = inner[-1].rfind("-->")
    if last >= 0:
        inner[-1] = inner[-1][:last] + "   " + inner[-1][last + 3:]
    header = list(lines[head:head + 2]) if head is not None else []
    found = parse("".join(header + inner))
    shift = start - len(header)
    hidden = [replace(e, line=e.line + shift, end_line=e.end_line + shift,
                      raw="".join(lines[e.line + shift - 1:e.end_line + shift]))
              for e in (*found.entries, *found.hidden) if e.line > len(header)]
    return hidden + _hidden_rows(lines, start, end, hidden) if head is not None else hidden


def _hidden_rows(lines: tuple[str, ...], start: int, end: int, read: list[Entry]
                 ) -> list[Entry]:
    """Commented-out table rows the table's header does not read (a row of fewer cells): the
    paper each links on arXiv, titled by that link's label. The maintainers hid the paper all
    the same, and it is never proposed."""
    covered = {i for e in read for i in e.arxiv_ids}
    rows = []
    for at in range(start, end):
        raw = lines[at]
        ids = [i for i in find_arxiv_ids(raw) if i not in covered]
        label = next((label for _, _, label, url in find_links(raw) if "arxiv.org" in url), "")
        if ids and label.strip():
            rows.append(Entry(line=at + 1, end_line=at + 1, raw=raw, kind="table",
                              title=label.strip(), arxiv_ids=tuple(ids)))
    return rows


def _front_matter_end(bodies: list[str]) -> int:
    """The first line after a YAML front matter block (`---` ... `---`), or 0 if none."""
    if not bodies or bodies[0].rstrip() != "---":
        return 0
    for j in range(1, len(bodies)):
        if bodies[j].rstrip() in ("---", "..."):
            return j + 1
    return 0


def _scan_line(bodies: list[str], lines: tuple[str, ...], scan: _Scan, i: int) -> int:
    body = bodies[i]
    heading = scan.blocks.headings.get(i)
    if heading is not None and heading.kind not in ("bold", "group"):
        scan.headings.append(heading)
        return max(heading.end, i + 1)
    following = bodies[i + 1] if i + 1 < len(bodies) else ""
    if "|" in body and _DELIMITER.match(following) and "-" in following:
        return _scan_table(bodies, lines, scan, i)
    if _BOLD_LINE.match(body):
        end = _block_end(bodies, i)
        if end is not None:
            _add_block(bodies, lines, scan, i, end)
            return end + 1
    if _BULLET.match(body):
        end = _continuation_end(bodies, i)
        more = _item_paragraphs_end(bodies, i, end)
        if _looks_like_entry(" ".join(bodies[i:end + 1])):
            _add_bullet(bodies, lines, scan, i, end)
            if more > end:
                scan.continued[i] = (end, more)
            return more + 1
        if more > end and _looks_like_entry(" ".join(bodies[i:more + 1])):
            # `- **Title,** CVPR 2022.⏎⏎  *A, B.* [[Paper](…)]`: the links are in its second
            # paragraph; the item is an entry whole, whatever the rest of the list does.
            _add_bullet(bodies, lines, scan, i, more, paragraphs=end + 1)
            return more + 1
    if heading is not None:  # a bold pseudo-heading or a sub-group's label
        scan.headings.append(heading)
    elif _opens_paragraph(bodies, i, scan):
        end = _paragraph_end(bodies, i)
        text = " ".join(b.strip() for b in bodies[i:end + 1])
        if _looks_like_entry(text) and not _reads_as_prose(text):
            scan.paragraphs.append((i, end, len(scan.headings)))
            return end + 1
    return i + 1


def _item_paragraphs_end(bodies: list[str], i: int, end: int) -> int:
    """The last line of the paragraphs that go on the list item opened at line i after a blank
    line, indented to its content (CommonMark: `- **Title,** CVPR 2022.⏎⏎  *A, B.*
    [[Paper](…)]` is one item of two paragraphs); `end` when there are none. They are the
    item's, never a paragraph of their own."""
    marker = _BULLET.match(bodies[i])
    width = len(marker.group().expandtabs(4)) if marker else 0
    last = end
    for j in range(end + 1, min(len(bodies), end + 1 + 2 * _MAX_CONTINUATION)):
        body = bodies[j]
        if not body.strip():
            continue
        if _indent(body.expandtabs(4)) < width or _BLOCK_START.match(body) or _HR.match(body):
            break
        last = j
    # Lines right under the bullet are its own (`_continuation_end`); a paragraph follows a blank.
    return last if last > end and not bodies[end + 1].strip() else end


def _join_item_paragraphs(bodies: list[str], lines: tuple[str, ...], scan: _Scan) -> None:
    """Where the list writes its entries as items of two paragraphs (most of its bullet entries
    go on after a blank line: `*authors.* [[Paper](…)]`), those paragraphs are part of each
    entry: its fields, and the shape a new entry is written in. Where only some items go on
    (a maintainer's notes under a few papers), the entries stay their first paragraph."""
    bullets = sum(1 for e in scan.entries if e.kind == "bullet")
    # One entry alone (the render check reads a new one back so) goes on as its list's do.
    if not scan.continued or 2 * len(scan.continued) < bullets:
        return
    starts = {i + 1 for i in scan.continued}
    kept = [e for e in scan.entries if e.line not in starts]
    read = {e.line for e in scan.entries} & starts  # an unparsed item stays reported once
    scan.entries = []
    for i, (own, more) in scan.continued.items():
        if i + 1 in read:
            _add_bullet(bodies, lines, scan, i, more, paragraphs=own + 1)
    scan.entries = sorted([*kept, *scan.entries], key=lambda e: e.line)


def _reads_as_prose(text: str) -> bool:
    """A paragraph that speaks (`We have a new survey on [...]`, `Check out our [...]`) or runs
    long outside its links is the maintainers' prose, not an entry: an entry's words outside its
    links are a venue, a year, authors (at most some forty on the lists seen, a quoted title
    and eight authors)."""
    text = without_links(text, " ")
    return bool(_SPEAKS.search(text)) or len(_WORDS.findall(text)) > _PROSE_WORDS


def _opens_paragraph(bodies: list[str], i: int, scan: _Scan) -> bool:
    """Whether a paragraph starts at line i: after a blank line or a heading, not indented as
    code, and not a line that opens another block (a bullet, a table, HTML, a quote)."""
    body = bodies[i]
    if not body.strip() or body.startswith(("    ", "\t")) or _HR.match(body) \
            or (_BLOCK_START.match(body) and not _bold_run_on(bodies, i)):
        return False
    return i == 0 or not bodies[i - 1].strip() or (i - 1) in scan.blocks.headings


def _bold_run_on(bodies: list[str], i: int) -> bool:
    """A bold line the next line goes on from (`**Title**␣␣⏎2024-6-11, [Paper](…)`): one
    paragraph, as a renderer reads it, never a bold pseudo-heading over a list."""
    return bool(_BOLD_LINE.match(bodies[i])) and i + 1 < len(bodies) \
        and _is_continuation(bodies[i + 1])


def _paragraph_end(bodies: list[str], i: int) -> int:
    """The paragraph's last line: up to a blank line or a line that opens another block."""
    end = i
    while end + 1 < len(bodies) and end - i < _MAX_CONTINUATION \
            and _is_continuation(bodies[end + 1]):
        end += 1
    return end


def _add_paragraphs(bodies: list[str], lines: tuple[str, ...], scan: _Scan) -> None:
    """The paragraphs that read as entries, where a section holds a run of them: a list that
    writes its papers as paragraphs (`(CVPR 2025) [Title](url) by Li et al.`) writes several,
    where a paragraph of prose that links a paper (the maintainers' own survey, a news line)
    stands alone under its heading. In a list of paragraphs (most of its entries are), or a
    text of no other entries (one entry read back alone), a lone one is an entry too."""
    runs = Counter(heading for _, _, heading in scan.paragraphs)
    kept = [(i, end) for i, end, heading in scan.paragraphs if runs[heading] >= _PARAGRAPH_RUN]
    if len(kept) > len(scan.entries) or not scan.entries:
        kept = [(i, end) for i, end, _ in scan.paragraphs]
    if not kept:
        return
    for i, end in kept:
        own = bodies[i + 1:end + 1]
        fields = bullet_fields(_entry_text(bodies[i], own))
        _add(scan, lines, i, end, "paragraph", fields and with_author_line(fields, own))
    scan.entries.sort(key=lambda e: e.line)


def _looks_like_entry(body: str) -> bool:
    """A bullet with a web link, or a bold name and a quoted title; not a contents link (one
    that leads to a heading of the page, `* [Methods](#methods) (by [@ann](…))`)."""
    if _CONTENTS_LINE.match(body):
        return False
    if _WEB_LINK.search(body) or _PAPER_URL.search(body):
        return not is_resource_link(_BULLET.sub("", body, count=1))
    return bool(_NAMED_QUOTE.match(body))


def _is_continuation(body: str) -> bool:
    if not body.strip() or _BLOCK_START.match(body) or _HR.match(body) or _SETEXT.match(body):
        return False
    links = find_links(body)
    # `[[Back to Overview](#overview)]` right under an entry is navigation, not part of it; a
    # link of the entry's own stays in it, even mistyped (`[[code]]([https://…](https://…))`).
    return not links or any(not url.lstrip().startswith("#") for _, _, _, url in links)


def _continuation_end(bodies: list[str], i: int) -> int:
    end = i
    while end + 1 < len(bodies) and end - i < _MAX_CONTINUATION:
        if not _is_continuation(bodies[end + 1]) and not _is_detail(
                bodies[end + 1], bodies[i], _looks_like_entry(" ".join(bodies[i:end + 1]))
                or _titled(bodies[i])):
            break
        end += 1
    return end


def _is_detail(body: str, item: str, entry: bool = True) -> bool:
    """A bullet nested under the entry that is no paper of its own: a line that links nothing
    (`  - A, B. *CVPR 2016*`) or, under an item that is an entry already, only links
    (`  * [ECCV2020] https://arxiv.org/abs/…`; under `* Online Resources:` such lines are a list
    of links, not one entry). It is the entry's own line (its authors, a note, its paper), which
    a new entry written after it must not take away."""
    if not _BULLET.match(body) or _indent(body) <= _indent(item):
        return False
    linked = _WEB_LINK.search(body) or _PAPER_URL.search(body)
    return not linked or (entry and len(_WORDS.findall(_LINKS_AND_TAGS.sub(" ", body))) < 2)


def _titled(item: str) -> bool:
    """Whether a bullet reads as a paper's title (`* **Title of a Paper**`), not as a label over
    a list of links (`* Online Resources:`)."""
    text = _BULLET.sub("", item, count=1).strip()
    return not text.endswith((":", "：")) and len(_WORDS.findall(text)) >= 3


def _indent(body: str) -> int:
    return len(body) - len(body.lstrip(" \t"))


def _with_item_ends(bodies: list[str], scan: _Scan) -> list[Entry]:
    """The entries, each bullet with the last line of its list item where the item goes on
    past the entry: `1. … **Title**. ICCV 2021.⏎⏎    **Personal Notes**: …` keeps its notes."""
    starts = {e.line - 1 for e in scan.entries} | set(scan.blocks.headings)
    entries = []
    for entry in scan.entries:
        if entry.kind == "bullet":
            end = _item_end(bodies, entry.line - 1, entry.end_line - 1, starts) + 1  # 1-based
            entry = replace(entry, item_end_line=end) if end > entry.end_line else entry
        entries.append(entry)
    return entries


def _item_end(bodies: list[str], first: int, last: int, starts: set[int]) -> int:
    """The last line of the list item opened at `first`, the entry's own lines ending at
    `last`: lines indented to the item's content (CommonMark's continuation of an item), blank
    lines between them, up to the next entry or heading."""
    marker = _BULLET.match(bodies[first])
    width = len(marker.group()) if marker else 0
    end = j = last
    while (j := j + 1) < len(bodies) and j not in starts:
        if not bodies[j].strip():
            continue
        if _indent(bodies[j].expandtabs(4)) < width:
            break
        end = j
    return end


def _add_bullet(bodies: list[str], lines: tuple[str, ...], scan: _Scan, i: int, end: int,
                paragraphs: int | None = None) -> None:
    """The bullet entry of lines i to `end`; from line `paragraphs` on, its item's later
    paragraphs, whose authors and venue are read as its nested lines' are."""
    marker = _BULLET.match(bodies[i])
    own = [b for b in bodies[i + 1:end + 1] if not _is_detail(b, bodies[i])]
    details = [_BULLET.sub("", b, count=1) for b in bodies[i + 1:end + 1]
               if _is_detail(b, bodies[i])]
    if paragraphs is not None:  # their links are the entry's own too: they stay in `own`
        details += [b for b in bodies[paragraphs:end + 1] if b.strip()]
    text = _entry_text(bodies[i][marker.end() if marker else 0:], own)
    key = _KEY_LINE.match(bodies[i])
    orphan = key is not None and key.group("key").split()[0].casefold() in _KEYS
    fields = None if orphan else bullet_fields(text)
    if fields is not None and details:
        fields = with_details(fields, details)
    if fields is not None and own:
        fields = with_author_line(fields, own)
    _add(scan, lines, i, end, "bullet", fields)


def _entry_text(first: str, own: list[str]) -> str:
    """An entry's lines as one text to read its fields from, its author line left out (read on
    its own: its names are no title or venue) and so are hard line breaks (a trailing `\\`)."""
    credit = author_line(own)
    shown = [first, *(_links_of(b) if at == credit else b for at, b in enumerate(own))]
    return " ".join(_HARD_BREAK.sub("", b.strip()) for b in shown)


def _links_of(line: str) -> str:
    """The links of a line, nothing else (`*A, B.* [[Paper](…)]` gives `[[Paper](…)]`), but
    those of the authors' names, to their own pages (`*[Ben Mildenhall](…), …*`)."""
    return " ".join(line[start:end] for start, end, label, _ in find_links(line)
                    if not one_person(label))


_HARD_BREAK = re.compile(r"(?<!\\)\\$")


def _block_end(bodies: list[str], i: int) -> int | None:
    """The last keyed line of the `**Title**` block at line i, None unless one of them links
    (amusi/awesome-object-detection: `- intro: …`, `- arxiv: <http://…>`, `- github: <…>`)."""
    end, linked, j = None, False, i + 1
    while j < len(bodies) and (not bodies[j].strip() or _KEY_TEXT.match(bodies[j])
                               or _KEY_LINE.match(bodies[j])):
        if bodies[j].strip():
            end, linked = j, linked or bool(_KEY_LINE.match(bodies[j]))
        j += 1
    return end if linked else None


def _add_block(bodies: list[str], lines: tuple[str, ...], scan: _Scan, i: int, end: int) -> None:
    keyed = []
    for body in bodies[i + 1:end + 1]:
        match = _KEY_LINE.match(body)
        if match:
            keyed.append((match.group("key"), match.group("linked") or match.group("url")))
    title = _BOLD_LINE.match(bodies[i])
    _add(scan, lines, i, end, "block", block_fields(title.group("title") if title else "", keyed))


def _scan_table(bodies: list[str], lines: tuple[str, ...], scan: _Scan, i: int) -> int:
    # Where the table ends is the parser's (GFM's) reading; a table it does not see is read up
    # to its last line with a bar.
    end = scan.blocks.tables.get(i)
    if end is None:
        end = i + 2
        while end < len(bodies) and bodies[end].strip() and "|" in bodies[end]:
            end += 1
    rows = [j for j in range(i + 2, end) if _HTTP.search(bodies[j]) or _MD_LINK.search(bodies[j])]
    row_cells = [_cells(bodies[j]) for j in rows]
    columns = row_columns(_cells(bodies[i]), row_cells)
    for j, cells in zip(rows, row_cells, strict=True):
        _add(scan, lines, j, j, "table", table_fields(cells, columns))
    scan.table = (i, end)
    last = scan.entries[-1] if rows and scan.entries else None
    if last is not None and last.line == rows[-1] + 1 and rows[-1] + 1 < end:
        # Rows after the last paper's (the rest of a row broken in two, `…Hyperspherical⏎Space
        # for Segmentation|N/A|`): a new row goes after them, never into the broken one.
        scan.entries[-1] = replace(last, item_end_line=end)
    return end


def _scan_html_table(bodies: list[str], lines: tuple[str, ...], scan: _Scan, i: int) -> int:
    end, rows = table_rows(bodies, i)
    header = next((row for row in rows if row.header), None)
    linked = [row for row in rows if not row.header and any(_HTTP.search(c) for c in row.cells)]
    row_cells = [list(row.cells) for row in linked]
    columns = row_columns(list(header.cells) if header else [], row_cells)
    for row, cells in zip(linked, row_cells, strict=True):
        _add(scan, lines, row.line, row.end, "html", table_fields(cells, columns))
    return end


def _cells(body: str) -> list[str]:
    text = body.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    return [cell.strip() for cell in _CELL_SPLIT.split(text)]


def _add(scan: _Scan, lines: tuple[str, ...], i: int, end: int, kind: str,
         fields: Fields | None) -> None:
    raw = "".join(lines[i:end + 1])
    if fields is None:
        scan.unparsed.append(UnparsedLine(i + 1, lines[i].rstrip("\r\n")))
        return
    code = tuple(dict.fromkeys(link.url for link in fields.links if link.role == "code"))
    scan.entries.append(Entry(
        line=i + 1, end_line=end + 1, raw=raw, kind=kind, title=fields.title, name=fields.name,
        venue=fields.venue, year=fields.year, affiliation=fields.affiliation, links=fields.links,
        arxiv_ids=find_arxiv_ids(raw), code_urls=code, authors=fields.authors,
    ))


def _sections(scan: _Scan, total: int) -> tuple[Section, ...]:
    """Sections by every heading but the sub-groups' labels (those are in `_groups`)."""
    return _partition([h for h in scan.headings if h.kind != "group"], scan.entries, total)


def _groups(scan: _Scan, total: int) -> tuple[Section, ...]:
    """The bullet sub-groups (`* Video:` over a nested list), each up to the next label."""
    every = _partition(list(scan.headings), scan.entries, total)
    return tuple(s for s in every if s.kind == "group")


def _partition(heads: list[Heading], entries: list[Entry], total: int) -> tuple[Section, ...]:
    heads = [h for h in heads if h.text]
    if entries and (not heads or entries[0].line <= heads[0].line):
        heads.insert(0, Heading(0, 0, 0, "", "none"))  # entries above the first heading
    starts = [e.line for e in entries]
    sections = []
    path: list[Heading] = []
    labels = _year_labels(heads, entries)
    for k, head in enumerate(heads):
        line = head.line + 1 if head.kind != "none" else 1
        end = heads[k + 1].line if k + 1 < len(heads) else total
        inside = entries[bisect_left(starts, line):bisect_right(starts, end)]
        dated = parse_heading_date(head.text) is not None
        while path and (path[-1].level > head.level or (
                path[-1].level == head.level and not (dated and id(path[-1]) in labels))):
            path.pop()
        path.append(head)
        sections.append(Section(head.text, head.level, line, end, head.pseudo, tuple(inside),
                                path=tuple(h.text for h in path), kind=head.kind))
    return tuple(sections)


def _year_labels(heads: list[Heading], entries: list[Entry]) -> set[int]:
    """The headings (by `id()`) that label the year headings after them at their own level:
    `### 🧠 Multimodal Reasoning`, no entries, then `### 2025`, `### 2024`. Those years are the
    label's, as they read, not its parent's: without this, three topics split so would be one
    topic with three `2025`s."""
    starts = [e.line for e in entries]
    labels = set()
    for head, after in pairwise(heads):
        if (after.level == head.level and parse_heading_date(after.text) is not None
                and parse_heading_date(head.text) is None
                and bisect_right(starts, head.line) == bisect_left(starts, after.line)):
            labels.add(id(head))
    return labels
