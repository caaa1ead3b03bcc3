"""A template filled with a paper's values; a slot the bot cannot fill is dropped with the markup
around it (`[[Code](…)]`, a badge line, `**[Name]**`), the way the list's own entries drop it."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from promptbot.catalog import code_hosts
from promptbot.catalog.authors import (
    SEPARATOR,
    author_names,
    first_inverted,
    initials,
    without_name_marks,
)
from promptbot.catalog.links import ET_AL
from promptbot.entries.author_initials import EITHER, SPACED, VANCOUVER, vancouver, written_initials
from promptbot.entries.markdown_safety import escape, plain, rendered_text, safe_url
from promptbot.entries.template_dates import MONTH_NAMES
from promptbot.entries.template_model import PREPRINT_WORDS, Part, Slot, Template
from promptbot.entries.templates import label_before

TITLE_MAX = 300
NAME_MAX = 40
AFFILIATION_MAX = 120
_MONTH_CODE = re.compile(r"[.\-/]?%-?m")
_GONE = "\x00"  # marks a dropped slot until the markup around it is removed
# A repository's stars badge names owner/name, whatever page of it the code link points at
# (`github.com/Tencent/VITA/tree/VITA-VLA` -> `Tencent/VITA`); nothing else after it.
_GITHUB_REPO = re.compile(
    r"https?://(?:www\.)?github\.com/([\w.\-]+/[\w.\-]+?)(?:\.git)?"
    r"(?:/(?:tree|blob)/[\w.\-/]*|#[\w\-]*)?/?$")


@dataclass(frozen=True)
class Values:
    """A paper's values as slots take them (raw text: escaped when written)."""

    title: str
    arxiv_id: str
    venue: str  # as the list spells it ("CVPR", the list's word for arXiv)
    venue_is_arxiv: bool
    year: int
    yymm: str = ""
    day: date | None = None
    name: str | None = None
    code_url: str | None = None
    project_url: str | None = None
    authors: tuple[str, ...] = ()
    affiliation: str | None = None
    number: int | None = None
    unknown_name: str = ""  # how the list writes a name it does not know ("?"), if it does
    title_keeps_name: bool = True  # False: `**Name**: Title` drops "Name: " from the title
    # How the list spells each month in its dates ("Mar.", "May", "July"); "" where it never does.
    months: tuple[str, ...] = ()
    initials: str = SPACED  # how the list writes several initials in a credit (author_initials)
    credits: str = ""  # how the list names a first author where a credit leaves it open
    pairs: str = ""  # how it joins two authors credited by name (` and `), "" for `et al.`


@dataclass(frozen=True)
class Filled:
    """A filled template: its text and the slots dropped for want of a value."""

    text: str
    dropped: tuple[str, ...] = ()


def fill(template: Template, values: Values) -> Filled:
    """The template written with the paper's values."""
    out: list[str] = []
    kinds: list[str] = []  # per piece of `out`: "" for the list's text, else its slot's kind
    dropped: list[str] = []
    if v_name_apart(template, values):
        values = replace(values, title=values.title.partition(":")[2].strip())
    after_venue = False
    apart = False  # the last value ends a word where the exemplar's ended with a mark
    stopped = False  # the last value ends with a full stop where the exemplar's did not
    unstopped = False  # the authors' value lost the full stop the exemplar's `et al.` ended with
    linked: set[tuple[str, str]] = set()  # (kind, label) of the links written so far
    announced = _announced_at(template.parts)
    for index, part in enumerate(template.parts):
        if isinstance(part, str):
            if stopped and part.startswith(".") and not part.startswith(".."):
                part = part[1:]  # `Lovelace, Ada Q.` ends its line's sentence: no `Q..`
            if unstopped and _SENTENCE_GOES_ON.match(part):
                out[-1] += "."  # `*Hugo Touvron et al.* arXiv` for one author: `*Ada Lovelace.*`
            out.append(" " + part if apart and part[:1].isalnum() else part)
            kinds.append("")
            after_venue, apart, stopped, unstopped = after_venue and len(part) <= 2, False, False, \
                False
            continue
        if part.kind == "date" and after_venue and not values.venue_is_arxiv \
                and template.venue_is_arxiv is not False and "d" not in part.form:
            # `arXiv 2306` shows a month; `CVPR 2023` the venue's year (`ArXiv'25.03`, `CVPR'25`);
            # a day (`arXiv(24.04.12, -)`, the day it came out) is a day whatever the venue. A
            # published exemplar that shows a month shows the list's way for published papers
            # (`ACM Computing Surveys 2023.01`).
            part = replace(part, form=_MONTH_CODE.sub("", part.form.replace("%y%m", "%Y")))
        after_venue = part.kind == "venue"
        # `(Arxiv 24.06.12)`: the day arXiv announced the paper, whatever its venue since.
        value = part.original if index in announced else _value(part, values)
        if value is not None and (label := _link_label(out)) is not None:
            if (part.kind, label) in linked:
                # The exemplar's second link of a kind under one label (`[[code]](official)
                # [[code]](port)`, `[[Github2](…)]`): the paper has one, not the same link twice.
                value = None
            linked.add((part.kind, label))
        if part.kind == "name" and not values.name and value is not None:
            dropped.append("name")  # the list's "no name" marker stands in for it
        if value is None:
            dropped.append(part.kind)
            out.append(_GONE)
        else:
            # `*Aman Madaan et al.arXiv.*` for one author: `Ada Lovelace arXiv`, not run together
            out.append(" " + value if apart and value[:1].isalnum() else value)
        kinds.append(part.kind)
        apart = value is not None and value[-1:].isalnum() and bool(part.original) \
            and not part.original[-1:].isalnum()
        stopped = value is not None and value.endswith(".") and not part.original.endswith(".")
        unstopped = part.kind == "authors" and value is not None and value[-1:].isalnum() \
            and part.original.endswith(".")
    text = "".join(out)
    if _GONE in text:
        text = _without_idle_notes(text, _shadow(out, kinds))
    text = _item_widened(text, template)
    if _GONE in text:
        text = _first_cell_kept(_drop(text), template)
    # A lone trailing space is noise; two at the very end break a line before nothing.
    text = "\n".join(_tidy(line) for line in text.split("\n")).rstrip(" \t")
    return Filled(text, tuple(dict.fromkeys(dropped)))


_ITEM_NUMBER = re.compile(r"[ \t]*(\d{1,9})[.)][ \t]")  # `9. `, `  12) `


def _item_widened(text: str, template: Template) -> str:
    """The item's later lines indented past its number where the number grew wider than the
    exemplar's (`9. ` to `10. `): the three spaces that kept `9.`'s authors' line in its item
    leave `10.`'s outside, a paragraph of its own."""
    number, old = _ITEM_NUMBER.match(text), next(
        (s.original for s in template.slots[:1] if s.kind == "number"), "")
    if number is None or not old or len(number.group(1)) <= len(old):
        return text
    width = number.end()
    former = width - len(number.group(1)) + len(old)  # where the exemplar's content began
    lines = text.split("\n")
    for i, line in enumerate(lines[1:], start=1):
        indent = len(line) - len(line.lstrip(" "))
        if line.strip() and former <= indent < width:
            lines[i] = " " * width + line.lstrip(" ")
    return "\n".join(lines)


# After an emphasised credit's `et al.`, a new sentence: the emphasis closes, then a word.
_SENTENCE_GOES_ON = re.compile(r"[*_]+[ \t]+(?:\w|$)")  # `* ` then a venue (slot)


def _first_cell_kept(text: str, template: Template) -> str:
    """A table row without edge bars whose first cell was emptied (`Category|[Title](…)|…`
    without a category) opens with a bar left of nothing: GFM takes a row's first bar for its
    edge, and the title would move into the first column. An edge bar keeps the empty cell
    (`||[Title](…)|…`)."""
    opens = template.parts[0] if template.parts else ""
    if template.kind == "table" and isinstance(opens, Slot) and text.startswith("|"):
        return "|" + text
    return text


def _tidy(line: str) -> str:
    if line.endswith(" ") and not line.endswith("  "):
        line = line[:-1]
    return line


def v_name_apart(template: Template, values: Values) -> bool:
    """Whether the title loses its "Name: " prefix: the name stands apart and the list drops it."""
    if values.title_keeps_name or not values.name or "name" not in template.kinds:
        return False
    head, sep, rest = values.title.partition(":")
    return bool(sep) and head.strip() == values.name and bool(rest.strip())


def _text(value: str, slot: Slot, max_length: int | None = None) -> str:
    if slot.html:
        # Raw HTML: no live tag, and no mention or bare URL for GitHub to link (as in markdown).
        # Quotes end only an attribute's value: element text keeps them as the list types them
        # (`Models' Reasoning`, not `Models&#x27; Reasoning`).
        return html.escape(rendered_text(value, max_length), quote=slot.attribute)
    return escape(value, max_length=max_length)


def _value(slot: Slot, v: Values) -> str | None:
    kind = slot.kind
    if kind == "title":
        title = _text(v.title, slot, TITLE_MAX)
        # `[**A Survey of Long Contexts.**](…)`: the list ends its titles with a full stop
        # (arXiv's titles have none), the exemplar's title says so.
        stop = slot.original.endswith(".") and title[-1:].isalnum()
        return title + "." if stop else title
    if kind == "name":
        if v.name:
            return _text(v.name, slot, NAME_MAX)
        # The list's own word for "no short name" ("?"), where its entries write one.
        marker = v.unknown_name or (slot.original if not any(
            c.isalnum() for c in slot.original) else "")
        return _text(marker, slot) if marker else None
    if kind == "paper":
        return slot.form.replace("{id}", v.arxiv_id)
    if kind == "code":
        return safe_url(v.code_url) if v.code_url and code_host(v.code_url) else None
    if kind == "project":
        return safe_url(v.project_url) if v.project_url else None
    if kind == "repo":
        repo = repo_of(v.code_url)
        return slot.form.replace("{repo}", repo) if repo else None
    if kind == "date":
        return format_date(slot.form, v)
    if kind == "venue":
        return _venue(slot, v)
    if kind == "authors":
        return _authors(slot, v)
    if kind == "affiliation":
        return _text(v.affiliation, slot, AFFILIATION_MAX) if v.affiliation else None
    if kind == "number":
        return str(v.number) if v.number is not None else slot.original
    return None


def code_host(url: str | None) -> bool:
    """Whether a URL is on a code host (a project page or a model is no code link)."""
    return bool(url and code_hosts.code_host(url))


def repo_of(url: str | None) -> str | None:
    """`owner/name` of a GitHub repository's URL, None for any other URL."""
    match = _GITHUB_REPO.match(url or "")
    return match.group(1) if match else None


def _announced_at(parts: Sequence[Part]) -> set[int]:
    """The places of the list's preprint word right before a day's date (`Arxiv 24.06.12`): the
    day the paper came out there, which every paper has, published since or not."""
    return {i for i in range(len(parts) - 2)
            if isinstance(slot := parts[i], Slot) and slot.kind == "venue"
            and slot.original.lower() in PREPRINT_WORDS and parts[i + 1] == " "
            and isinstance(date := parts[i + 2], Slot) and date.kind == "date"
            and "%d" in date.form}


def _venue(slot: Slot, v: Values) -> str:
    if v.venue_is_arxiv and slot.original.lower() in PREPRINT_WORDS:
        return slot.original  # the exemplar's own word and spelling: `ARXIV`, `Preprint`
    return _text(v.venue, slot)


def format_date(form: str, v: Values) -> str | None:
    """`form` (`%Y`, `%y%m`, `%b., %Y`, `'%y.%-m`…) for the paper: a form with a month shows the
    submission month, a year alone is the venue's year."""
    monthly = any(code in form for code in ("%m", "%-m", "%b", "%B", "%d"))
    if monthly and len(v.yymm) != 4:
        return None
    year = 2000 + int(v.yymm[:2]) if monthly else v.year
    month = int(v.yymm[2:]) if monthly else 1
    if re.search(r"%-?d", form) and v.day is None:
        return None
    spelled = v.months[month - 1] if monthly and len(v.months) == 12 else ""
    if spelled:  # the list's own spelling of this month wins over the exemplar's abbreviation
        form = re.sub(r"%[bB]\.?", lambda _: spelled.replace("%", "%%"), form)
    codes = {
        "%Y": f"{year:04d}", "%y": f"{year % 100:02d}", "%m": f"{month:02d}",
        "%-m": str(month), "%B": MONTH_NAMES[month - 1], "%b": MONTH_NAMES[month - 1][:3],
        "%d": f"{v.day.day:02d}" if v.day else "", "%-d": str(v.day.day) if v.day else "",
        "%o": _ordinal(v.day.day) if v.day else "", "%%": "%",
    }
    return re.sub(r"%-?[YymBbdo%]", lambda m: codes[m.group()], form)


def _link_label(out: Sequence[str]) -> str | None:
    """The label of the link whose destination the text written so far opens (`[[code]](`
    gives `code`, templates.label_before), or None where none opens there or its label is
    not in that text."""
    label = label_before(out[-1], len(out[-1])).strip() if out and out[-1].endswith("](") else ""
    # A numbered second link of a kind (`[[Github](…)] [[Github2](…)]`) is the same kind.
    return label.casefold().rstrip("0123456789 ") or None


def _ordinal(day: int) -> str:
    """The English ordinal suffix of a day of the month: `st`, `nd`, `rd` or `th`."""
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _authors(slot: Slot, v: Values) -> str | None:
    if not v.authors:
        return None
    if slot.form == "list":
        return _author_list(slot, v.authors)
    words = plain(v.authors[0]).split()
    if not words:
        return None
    form = v.credits if slot.form == EITHER else slot.form
    second = plain(v.authors[1]).split() if len(v.authors) == 2 else []
    if form == "initials" and v.pairs and second:
        # `M. Zeiler and R. Fergus`: the list names both authors of a paper of two.
        return _text(_credited(words, form, v) + v.pairs + _credited(second, form, v), slot)
    text = _credited(words, form, v)
    if _PLACE.search(slot.original) and v.affiliation:
        text += f" ({v.affiliation})"  # `Felix Hill (University of Cambridge) et al.`
    if len(v.authors) > 1:
        # The exemplar's own `et al` (`Xu K et al,`: no full stop before the list's comma).
        et_al = _ET_AL.search(slot.original)
        text += et_al.group() if et_al else " et al."
    return _text(text, slot)


def _credited(words: Sequence[str], form: str, v: Values) -> str:
    """An author's name (its words) as the list's credit names it."""
    if form == "full":  # `Seongmin Lee et al.`: the first author's name as the paper gives it
        return " ".join(words)
    if form == VANCOUVER:
        return vancouver(words)
    return (written_initials(words[:-1], v.initials) if form == "initials" else "") + words[-1]


_ET_AL = re.compile(ET_AL + "$")
_PLACE = re.compile(r"\)\s*et al\.?$")  # a credit's place in parentheses before `et al.`


def _author_list(slot: Slot, authors: tuple[str, ...]) -> str | None:
    """The paper's authors the way the exemplar lists its own: its separators (`, `, `,\xa0`,
    ` and `, `; `), the one before its last name (`, and `), a bibliography's surname first
    (`Zhao, Jie and Chen, Xin`, `Achlioptas, Panos, et al.`), and, where it stops at a few names
    with `et al.`, as many names and the same `et al.`."""
    original = without_name_marks(slot.original)  # `Difei Gao<sup>1,2</sup>, …`: no separator
    et_al = _ET_AL.search(original)
    shown = original[:et_al.start()] if et_al else original
    listed = author_names(original)  # `et al.` says how a lone `Surname, Given` reads
    separators = [m.group() for m in SEPARATOR.finditer(shown)]
    names = [n for n in (_text(a, slot) for a in authors) if plain(n).strip()]
    if not names:
        return None
    count = len(listed) or len(separators) + 1
    # Fewer names than where the list stops: all of them, and the full stop its `et al.` ended
    # with (`Yang, Zhengyuan. **Title**`, as a bibliography credits one author).
    stop = "." if et_al and et_al.group().endswith(".") else ""
    if et_al and len(names) > count:
        names = names[:count]
    else:
        et_al = None
    end = et_al.group() if et_al else ""
    given, _, surname = listed[0].rpartition(" ") if listed else ("", "", "")
    cited = first_inverted(tuple(p.strip() for p in SEPARATOR.split(shown.strip())), separators)
    if cited:  # only the first name surname first: the comma inside it parts no two names
        names, separators = [_inverted(names[0], initials(given)), *names[1:]], separators[1:]
    elif surname and shown.lstrip().startswith(surname + ","):  # surname first
        between = " and " if any(s.strip() == "and" for s in separators) else ", "
        listed_names = between.join(_inverted(n, initials(given)) for n in names)
        return listed_names + (end or ("" if listed_names.endswith(".") else stop))
    if len(names) == 1:
        return names[0] + end
    if not separators:  # an exemplar of one author shows no separator: the commonest one
        return ", ".join(names) + end
    common = Counter(separators).most_common(1)[0][0]
    last = separators[-1] if len(separators) > 1 and separators[-1] != common else common
    if len(names) > len(separators) + 1 and _LAST_ONLY.fullmatch(common):
        common = ", "  # `A and B` shows the last separator only: `A, B and C` for three
    if len(names) == 2 and last.lstrip().startswith(",") and "and" in last and not cited:
        last = last.replace(",", "", 1)  # the serial comma is for three names or more
    return common.join(names[:-1]) + last + names[-1] + end


_CLOSING_MARK = re.compile(r"[*_]+(?=[\s.,;:)\]]|$)")  # emphasis that closes, not one that opens
_LAST_ONLY = re.compile(r"\s*(?:and|&)\s*")  # a separator only the last name takes


def _inverted(name: str, initials: bool = False) -> str:
    """`Jie Zhao` as `Zhao, Jie`, or `Zhao, J.` where the list writes initials (the last word
    is the surname; a single word stays)."""
    given, _, surname = name.rpartition(" ")
    if initials:
        given = " ".join(w[0] + "." for w in given.split() if w[:1].isalpha())
    return f"{surname}, {given}" if given else name


# --- dropping what cannot be filled --------------------------------------------------------------

# A link or image whose destination held a value now gone (whole, or a piece of it: the
# exemplar's words in `https://img.shields.io/badge/…-red`, where the list's words are not known).
_LINK_GONE = re.compile(
    r"\[?!?\[(?:[^\[\]]|!?\[[^\[\]]*\](?:\([^()]*\))?)*\]\([^()\s\x00]*\x00[^()\s]*\)\]?"
)
# A link whose label was the exemplar's own value (`([Luma AI](…))`, a product's maker): the
# link goes with it; a link without a label would show its URL in parentheses.
_LABEL_GONE = re.compile(r"\[?(?<!!)\[\s*\x00\s*\]\([^()\s]*\)\]?")
# An image whose label was the exemplar's own: the image stays, without a label (a badge shows
# the same), and so does a link around it.
_ALT_GONE = re.compile(r"!\[\s*\x00\s*\]")
_EMPTY_LINK = re.compile(r"\[?(?<!!)\[\s*\]\([^()\s]*\)\]?")  # a badge gone, its link left empty
_IMAGE_GONE = re.compile(r"!\[[^\[\]]*\]\([^()\s\x00]*\x00[^()\s]*\)")
_HTML_GONE = re.compile(r"<a\b[^>]*\x00[^>]*>.*?</a>|<img\b[^>]*\x00[^>]*>", re.DOTALL)
# What is left of a line once its only value is gone: nothing, a `- Code: ` label, or marks
# (`  * #` of a note `  * Two-stage approach, relation #`).
_LABEL_ONLY = re.compile(r"^\s*(?:[-*+]\s+)?(?:[\w .]{1,20}[:：])?[\s#*_.,;:|/\-–—]*$")
# `  - <details><summary>Digest</summary> {digest}</details>`: a label in HTML, its text gone
# (a table cell, `<td>{value}</td>`, is no label: the row keeps its column).
_TAG = re.compile(r"<[^<>]*>")
_WRAPPED_LABEL = re.compile(r"^\s*(?:[-*+]\s+)?[\w .]{0,20}[^\W\d_][\w .]{0,20}[\s#*_.,;:|/\-–—]*$")
_SEPARATORS = (",", ";")
_DANGLING_DASH = re.compile(r"(?<=\S)[ \t]+[-–—][ \t]*$")
_DESCRIPTION_END = re.compile(r"[.,;](?=[ \t]+\S)")  # the full stop of a description gone
_CONNECTOR = re.compile(r"(?i)(?<=\s)by[ \t]+$")
_PAIRS = (("**", "**"), ("__", "__"), ("*", "*"), ("_", "_"), ("`", "`"), ("[", "]"),
          ("(", ")"), *((f"<{t}>", f"</{t}>") for t in ("u", "b", "i", "em", "strong", "code")),
          ("<", ">"))  # `<…>`: an autolink, `- github: <https://…>`; `<u>{name}</u>:`


_VALUE = "\x01"  # a character of a value the paper gave, in a shadow of the written text
_NAME = "\x02"  # a character of the short name: alone on a note's line, it is no note


def _shadow(out: Sequence[str], kinds: Sequence[str]) -> str:
    """The written text with every character of a value the paper gave masked (_VALUE, _NAME),
    the list's own text and the dropped values' marks as they are: what is left of a line once
    its values are masked tells whether the exemplar's note was all it held."""
    return "".join(piece if not kind or piece == _GONE else _MASKED.sub(
        _NAME if kind == "name" else _VALUE, piece) for piece, kind in zip(out, kinds, strict=True))


_MASKED = re.compile(r"[^\n]")
# What a line of a dropped note leaves: its bullet, quotes, brackets, stops and digits (a number
# glued to the note's words in a script without spaces, `采用10个局部跟踪器`, stays behind as the
# exemplar's text), in any script.
_NOTE_MARKS = re.compile(
    rf"[\s\d\-*+/>•·\"'“”‘’`()\[\]（）【】「」.,;:!?，。、；：！？~_{_GONE}{_NAME}]*")
_TAIL_MARKS = re.compile(rf"[\s.,;:!?，。、；：！？\-–—\"'“”‘’{_GONE}]*")


def _without_idle_notes(text: str, shadow: str) -> str:
    """The text without the exemplar's notes the paper gave nothing for: its later lines that
    held only values the paper lacks (`  - GPT-3: Scaling up language models …` would say
    `  - ""-.`, or `  - Zebra-Net:.` with the short name alone), and the end of its first line
    that held a note of several (`[Title](…) proposed a taxonomy of …: Entity-error …, …` would
    end `[Title](…) :.`), cut at the note's first value with the separator before it; one value
    gone is `_remove`'s. A line of an HTML block or of a table row keeps its cells."""
    lines, masks = text.split("\n"), shadow.split("\n")
    kept = [_without_idle_tail(lines[0], masks[0])]
    for line, mask in zip(lines[1:], masks[1:], strict=True):
        if not (_GONE in mask and "<" not in mask and "|" not in mask
                and _NOTE_MARKS.fullmatch(mask)):
            kept.append(line)
    return "\n".join(kept)


def _without_idle_tail(line: str, mask: str) -> str:
    first = mask.find(_GONE)
    if mask.count(_GONE) < 2 or "<" in mask or "|" in mask \
            or not _TAIL_MARKS.fullmatch(mask, first):
        return line
    return line[:first].rstrip(" \t,;:：，；—–-")


def _drop(text: str) -> str:
    text = _ALT_GONE.sub("![]", text)
    text = _IMAGE_GONE.sub("", text)
    text = _EMPTY_LINK.sub(_GONE, text)
    text = _LINK_GONE.sub(_GONE, text)
    text = _LABEL_GONE.sub(_GONE, text)
    text = _HTML_GONE.sub(_GONE, text)
    while _GONE in text:
        at = text.index(_GONE)
        start, end = _enclosing(text, at, at + 1)
        text = _remove(text, start, end)
    return text


_MARK_AFTER = re.compile(r":[a-z0-9_+\-]+:|[:：!.]")


def _enclosing(text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown over the pairs of markup that held only the dropped value."""
    grown = True
    while grown:
        grown = False
        before, after = text[:start].rstrip(" "), text[end:].lstrip(" ")
        # The colon that ends a name may sit inside its marks: `**{name}:** Authors`; and one
        # left of a dropped note's pieces may too: `(BAAI：{note})` would leave `(：)`; so may
        # a note's own exclamation mark (`**({note}!)**` would leave `**(!)**`), a tag's
        # abbreviating stop (`[__`{oth}.`__]`) and a count's emoji (`[{stars}:star:]`).
        mark = _MARK_AFTER.match(after)
        colon = len(mark.group()) if mark else 0
        opened = before.rstrip(" :：,，;；")
        for left, right in _PAIRS:
            if opened.endswith(left) and after.startswith(right, colon):
                start = len(opened) - len(left)
                end = len(text) - len(after) + colon + len(right)
                if left == "[":
                    # A link whose whole label is gone goes whole: never its bare `(url)`.
                    end = _destination_end(text, end)
                grown = True
                break
    return start, end


def _destination_end(text: str, at: int) -> int:
    """Past the link destination `(…)` that starts at `at`, if one does (parentheses inside
    it balanced); else `at`."""
    if text[at:at + 1] != "(":
        return at
    depth = 0
    for index in range(at, len(text)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            return index + 1
        if text[index] in " \n":
            break
    return at


_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BREAK_AFTER = re.compile(r"[ \t]*<br\s*/?>[ \t]*", re.IGNORECASE)
_SEGMENT_END = re.compile(r"<br\s*/?>|</|\|", re.IGNORECASE)
_MARKS_ONLY = re.compile(r"[\s>*_.,;:\-–—]*")


def _broken_segment(text: str, start: int, end: int, line_start: int, line_end: int
                    ) -> tuple[int, int] | None:
    """The span from the `<br>` that opens the piece of a line the value was on to where the
    piece ends (the next `<br>`, the cell's end), when nothing but marks is left of it
    (`<br> > {affiliation}` without one); None otherwise."""
    breaks = list(_LINE_BREAK.finditer(text, line_start, start))
    if not breaks:
        return None
    opened = breaks[-1]
    closing = _SEGMENT_END.search(text, end, line_end)
    stop = closing.start() if closing else line_end
    if _MARKS_ONLY.fullmatch(text[opened.end():start] + text[end:stop]):
        return opened.start(), stop
    return None


def _remove(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    connector = _CONNECTOR.search(text, line_start, start)
    if connector is not None:
        start = connector.start()  # `… by {authors}` without authors: no dangling `by`
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[line_start:start] + text[end:line_end]
    if (segment := _broken_segment(text, start, end, line_start, line_end)) is not None:
        before, after = text[:segment[0]].rstrip(" \t"), text[segment[1]:]
        return before + (" " if after[:1] in ("<", "|") else "") + after
    lead = text[line_start:start].rstrip(" \t")
    broken = _BREAK_AFTER.match(text, end)
    if broken and (not lead or lead.endswith("|")):
        # The first piece of a line or cell gone, and the line break after it with it
        # (`| {badge}<br/>[Title](…)` without a badge): no cell opens on an empty line.
        return text[:start] + text[broken.end():]
    wrapped = bool(_TAG.search(rest)) and bool(_WRAPPED_LABEL.match(_TAG.sub("", rest)))
    if (_LABEL_ONLY.match(rest) or wrapped) and line_start > 0:
        return text[:line_start - 1] + text[line_end:]  # a line of its own: drop the line
    before, after = text[:start], text[end:]
    line_after = after.split("\n", 1)[0]
    ended = _DESCRIPTION_END.match(line_after)
    if not line_after.strip(" \t.,;") or ended:
        # `- [Title](…) - {description}.` without the description: no dash left dangling, nor
        # the full stop that ended the description (`- [Title](…) -.`), whatever follows it
        # (`- {description}. ⏰ *2024-12*`)
        trimmed = _DANGLING_DASH.sub("", before[line_start:])
        if trimmed != before[line_start:]:
            cut = len(line_after) if not ended else ended.end()
            before, after = before[:line_start] + trimmed, after[cut:]
    if not before[line_start:].strip() and after.lstrip(" ").startswith("| "):
        after = after.lstrip(" ")[2:]  # `**[Name]** | Title | …` without a name: `Title | …`
    if after.startswith((":", "：")) and not before[line_start:].strip(" -*+0123456789."):
        after = after[1:].lstrip(" ")  # `**{name}**: Title` without name: `Title`
    kept = before.rstrip(" \t")
    if kept.endswith(_SEPARATORS):
        # One item of a `, `-separated run gone: one separator goes with it
        # (`[Paper](…), [Dataset](…), [Code](…)` without a dataset, not `[Paper](…),, [Code](…)`),
        # and the last item's separator with it (to the end of its line, or of its table cell).
        item_rest = after.split("\n", 1)[0].split("|", 1)[0]
        if after.lstrip(" \t")[:1] == kept[-1]:
            return kept + after.lstrip(" \t")[1:]
        if not item_rest.strip():
            return kept[:-1] + after
    if kept.endswith("|") and after.lstrip(" \t")[:1] == "|" and not text[
            line_start:start].lstrip().startswith("|"):
        # A field between bars gone (`**Title** | [project](…)| [paper](…)` without a
        # project): one bar goes with it, never `| |`; a table row keeps its empty cell.
        return kept + after.lstrip(" \t")[1:]
    line_rest = after.split("\n", 1)[0]
    if kept.endswith("|") and not line_rest.strip() and not text[
            line_start:start].lstrip().startswith("|"):
        # The line's last field gone (`… | [pdf](…) | {code}` without code): its bar with it.
        # A bar the exemplar itself ends its line with stays (`**Title** | ` where the list
        # says so of every paper without code).
        return kept[:-1].rstrip(" \t") + after[len(line_rest):]
    if (not before or before.endswith("\n")) and after[:1] == " ":
        return before + after.lstrip(" ")  # `:red_square: - [paper](…)` without the mark
    if after[:1] in (".", ",", ";") and before.endswith((" ", "\t")):
        kept = before.rstrip(" \t")  # `2023 (*Org*).` without org: `2023.`
        # A citation's `(2015): {pages}.` without the pages: `(2026).`
        kept = kept[:-1] if kept.endswith("):") else kept
        # `**Title.** {venue}.` without a venue: the title's full stop ends the sentence.
        return kept + (after[1:] if kept.rstrip("*_")[-1:] == after[:1] else after)
    if before.endswith((" ", "\t")) and _CLOSING_MARK.match(after) \
            and not before.rstrip(" \t").endswith(("*", "_")):
        # The last value inside emphasis gone (`*{venue} {date} {note}*`): no space before
        # its closing mark, which would no longer close it (`*CVPR 2026 *`).
        return before.rstrip(" \t") + after
    if before.endswith((" ", "\t")) and (after[:1] in (" ", "\t", "\n", "") or not after):
        before = before.rstrip(" \t") + (" " if after[:1] not in ("", "\n", " ", "\t") else "")
    return before + after
