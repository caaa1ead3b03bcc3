"""The text before an entry's links, the way citations write it: the title (quoted or not),
then the venue, the year and an affiliation (`"Title", CVPR, 2022 (*Org*)`, `Title. ICCV'2021`,
`"Title." ArXiv (2024)`, `Title. arXiv:2207.04858, 2022`)."""

from __future__ import annotations

import re

from promptbot.catalog.authors import author_names
from promptbot.catalog.links import BREAK, QUOTES, clean, venue_label

YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
PLACEHOLDER = re.compile(r"^[\s\-–—/]*$")
# A month or a day written as numbers (`2024-6-11`, `2025.03`, `[2023/04]`): a date, never a
# venue or a name; group 1 is its year.
NUMERIC_DATE = re.compile(r"((?:19|20)\d\d)[./\-](?:0?[1-9]|1[0-2])(?:[./\-][0-3]?\d)?")
MAX_VENUE_WORDS = 8
_LETTER = re.compile(r"\w")
_STAR_AFFILIATION = re.compile(r"\(\s*\*+((?:[^()]|\([^()]*\))*?)(?<![\s\\])\*+\s*\)")
_PAREN_END = re.compile(r"\s*\(([^()]+)\)\s*[.,;]?\s*$")
_VENUE_YEAR_END = re.compile(r"\s*,\s*([^,]{1,60}?)\s*,\s*((?:19|20)\d\d)\s*[.,;]?\s*$")
_LAST_COMMA = re.compile(r",\s*([^,]{2,40})$")
_YEAR_END = re.compile(r"\s*,\s*((?:19|20)\d\d)\s*[.,;]?\s*$")
_YEAR_PAREN = re.compile(r"^(.*?(?:19|20)\d\d)\s*\(([^()]+)\)\s*$")
# The venue a citation names after its title's full stop, before the year: `. ACM Multimedia`.
_SENTENCE_VENUE = re.compile(
    r"\.\s+(?:((?:[A-Z][\w&\-]*|arXiv)(?:\s+[A-Z][\w&\-]*){0,3})"
    r"|arXiv:\s?\d{4}\.\d{4,5}(?:v\d+)?)$")
# A credit before an unquoted title: `Xu et al. MSR-VTT: A Large Video Description Dataset`.
_CREDIT_FIRST = re.compile(r"^[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)? et al\.\s+(?=\S)")
_SENTENCE_VENUE_YEAR = re.compile(
    r"\.\s+((?:[A-Z][\w&\-]*|[aA]rxiv)(?:\s+[A-Z][\w&\-]*){0,3})\s*['’]\s?((?:19|20)\d\d)$")
# A venue's acronym (two capitals or more) and its year ending the head, perhaps after a break.
# The venue on the line under the title: an acronym (`ICLR`, `CoRL`) or arXiv in any case.
_ACRONYM_YEAR_END = re.compile(
    r"\s(?:<br\s*/?>\s*)?([A-Z][a-z]*[A-Z][A-Za-z]*|(?i:arxiv))\s((?:19|20)\d\d)$")
# A venue a citation names after `In`, in emphasis or not: `. In *Proceedings of ACL 2002*`,
# `In **WWW'2024**`, `In **arXiv**`.
_IN_VENUE = re.compile(r"^In\s+[*_]{0,2}([^*_\s][^*_]*?)[*_]{0,2}[\s.,;:(]*$")
_IN_VENUE_END = re.compile(r"[.,]\s+In\s+([*_]{1,2})([^*_\n]{2,80}?)\1\s*[.,;]?\s*$")
_VENUE_PAREN_YEAR = re.compile(r"([^(),]{1,60}?)\s*\(\s*((?:19|20)\d\d)\s*\)")
# A citation's journal with its volume, issue and pages, `Nature 521.7553 (2015): 436-444`, or
# its proceedings and year after a full stop, `Advances in neural information processing
# systems. 2015` (a scholar's search writes both so).
_JOURNAL_CITED = re.compile(
    r"(?P<venue>[^()\d]{2,120}?)\s+\d+(?:\.\d+)?\s*\(\s*(?P<year>(?:19|20)\d\d)\s*\)"
    r"(?:\s*:\s*[\w\-–]+)?")
_PROCEEDINGS_CITED = re.compile(r"(?P<venue>[A-Z][^().,\d]{1,120}?)\.\s+(?P<year>(?:19|20)\d\d)")
_QUOTED = re.compile(rf"[{QUOTES}]+(.*)[{QUOTES}]+(.*)", re.DOTALL)
_COMMA = re.compile(r",(?![^()]*\))")
_ARXIV_ID = re.compile(r"(?i)arxiv:\s*\d{4}\.\d{4,5}(?:v\d+)?")
_OPENING_BREAK = re.compile(rf"^[\s.,;:]*{BREAK}")
# A bracketed venue tag, then (on the entry's next line, joined) plain text: the affiliation.
# A line break may stand after the tag and end the line: `[**arXiv 2023.09**]<br>⏎Fudan NLP`.
_TAG_THEN_TEXT = re.compile(
    rf"\[([^\[\]()]{{2,40}})\]\s*(?:{BREAK}\s*)?([^\[\]()<>|`]*?)\s*(?:{BREAK}\s*)?", re.DOTALL)


def take_affiliation(head: str) -> tuple[str | None, str]:
    """The last `(*Org*)` of a head, and the head without it. A venue so marked is no
    organisation: xialeiliu/Awesome-Incremental-Learning writes `Title (**ICML 2026**)`."""
    matches = [m for m in _STAR_AFFILIATION.finditer(head) if not _is_venue(m.group(1))]
    if not matches:
        return None, head
    last = matches[-1]
    return clean(last.group(1)), head[: last.start()] + " " + head[last.end():]


def _is_venue(text: str) -> bool:
    """Whether marked text names a venue and its year (`ICML 2026`, `CVPR'25`)."""
    label = venue_label(clean(text).strip("*_ "))
    return label is not None and bool(label[0]) and label[1] is not None


def without_stop(title: str, stops: str = ".") -> str:
    """A title without the one stop the list ends it with (`Title.`); an ellipsis stays."""
    return title[:-1] if title.endswith(tuple(stops)) and not title.endswith("..") else title


def _split_quoted(head: str) -> tuple[str, str] | None:
    match = _QUOTED.fullmatch(head)
    if not match:
        return None
    title = without_stop(match.group(1), ".,")  # `"Title."`, `"Title,"`: the list's stop
    if title.count('"') % 2:  # `""Where am I?" Scene ..."`: the opening quote was the title's
        title = '"' + title
    return title, match.group(2)


def leading_venue(head: str) -> tuple[str, int | None] | None:
    """The venue and year a linked title is led by, `(CVPR 2025) [Title](url) by Li et al.`:
    a bracketed venue label alone before the title; None for anything else."""
    text = clean(head).strip()
    if len(text) < 2 or text[0] + text[-1] not in ("()", "[]"):
        return None
    label = venue_label(text[1:-1].strip(" *_"))
    return (label[0], label[1]) if label is not None and label[0] else None


def read_meta(meta: str) -> tuple[str | None, int | None, str | None]:
    """Venue, year and a plain `(Org)` from what follows a quoted title: `, CVPR, 2022 (Org)`;
    or a venue tag and the plain line under it: `[**ECCV 2024**]⏎Nankai University`."""
    # A line break the list writes in HTML (`*A, B.*<br>⏎SIGGRAPH 2019.`) opens no venue.
    marks = " ,.;:-–—|*_"
    text = _in_venue(_OPENING_BREAK.sub("", meta).strip(marks)).strip(marks)
    tag = _TAG_THEN_TEXT.fullmatch(text)
    label = venue_label(clean(tag.group(1)).strip("*_ ")) if tag else None
    if tag and label is not None and label[0]:
        rest = clean(tag.group(2))
        return label[0], label[1], rest if _LETTER.search(rest) and "et al" not in rest else None
    affiliation = None
    if cited := _JOURNAL_CITED.fullmatch(text) or _PROCEEDINGS_CITED.fullmatch(text):
        return clean(cited.group("venue")), int(cited.group("year")), None
    if dated := _VENUE_PAREN_YEAR.fullmatch(text):  # a citation's `Venue (2024)`
        label = venue_label(clean(dated.group(1)))
        named = label[0] if label is not None and label[0] else clean(dated.group(1))
        return named, int(dated.group(2)), None
    paren = _YEAR_PAREN.match(text)
    if paren and not _ARXIV_ID.fullmatch(paren.group(2).strip()):  # `(arXiv:2109.01134)`
        text, affiliation = paren.group(1), clean(paren.group(2))
    tokens = [_unwrap(clean(token)) for token in _COMMA.split(text)]
    for token in tokens:
        label = venue_label(token)
        if label is not None and label[0]:  # `CVPR 2022` wins over `Author et al.`
            return label[0], label[1], affiliation
    venue, year = None, None
    for token in tokens:
        if year is None and (dated := YEAR.fullmatch(token) or NUMERIC_DATE.fullmatch(token)):
            year = int(dated.group(1))
        elif venue is None and token and not PLACEHOLDER.match(token) \
                and not NUMERIC_DATE.fullmatch(token) \
                and len(token.split()) <= MAX_VENUE_WORDS and "et al" not in token \
                and len(author_names(token)) < 2:  # `A & B` names the authors
            venue = token
    return venue, year, affiliation


def _in_venue(text: str) -> str:
    """The venue of `In *Venue*` (a citation's, emphasised or not), up to its first comma
    (`In **WWW'2024**, [[Paper](…)]`); the text itself where it does not open so."""
    head, comma, rest = text.partition(",")
    found = _IN_VENUE.match(head.strip())
    return found.group(1).strip() + comma + rest if found else text


def _unwrap(token: str) -> str:
    """A token without the brackets or code marks around it, nor emphasis inside them:
    `(CVPR 2022)`, `` `CVPR 16` ``, `(**CVPR 2022**)`."""
    return token[1:-1].strip(" *_") if token[:1] + token[-1:] in ("()", "[]", "``") else token


def _unquoted(head: str) -> tuple[str, str | None, int | None, str | None]:
    text = _CREDIT_FIRST.sub("", head.strip().rstrip(".,; "))
    affiliation = None
    paren = _PAREN_END.search(text)
    venue: str | None = None
    year: int | None = None
    if paren and paren.start() > 0:
        label = venue_label(paren.group(1).strip("*_ "))  # `(CVPR 2022)`, `(**ICML 2026**)`
        if label is None:
            affiliation = clean(paren.group(1))
        else:
            venue, year = label
        text = text[: paren.start()]
    if cited := _IN_VENUE_END.search(text):  # `Title. In *COLT 2016*`
        label = venue_label(cited.group(2).strip())
        if label is not None and label[0]:
            return text[:cited.start()], label[0], label[1], affiliation
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
    if venue is None and year is None and (broken := _ACRONYM_YEAR_END.search(text)):
        # `Title <br> ICLR 2022`, `Title␣␣⏎RSS 2018`: the venue on the line under the title
        text, venue, year = text[: broken.start()], broken.group(1), int(broken.group(2))
    return text, venue, year, affiliation


def parse_head(head: str) -> tuple[str, str | None, int | None, str | None]:
    """Title, venue, year and affiliation from the text before an entry's links."""
    affiliation, text = take_affiliation(head)
    text = text.strip().rstrip(" .,;")
    quoted = _split_quoted(text) if text[:1] in QUOTES else None
    if quoted:
        title, meta = quoted
        venue, year, plain = read_meta(meta)
        return clean(title), venue, year, affiliation or plain
    title, venue, year, plain = _unquoted(text)
    title = clean(title)
    if title.count('"') % 2:  # a stray quote: `Learning" (*Org*)`
        title = clean(title.strip(QUOTES))
    return title, venue, year, affiliation or plain
