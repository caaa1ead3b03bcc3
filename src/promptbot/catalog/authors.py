"""Author lists as lists write them: `Pengyu Zhang, Dong Wang, Huchuan Lu.<br />` before a quoted
title, the way a citation starts (`A. Li, B. Wang and C. Zhou, "Title," CVPR 2023`).

A run of text is an author list when every piece between its separators (`,`, `;`, `&`, `and`)
is a name: one to five words, each capitalised, an initial (`C.`, `M.-H.`) or a particle (`van`,
`de`). A title's words fail that test: a title has lowercase words (`to`, `with`, `for`) or
digits, and it does not stand before a quoted title.
"""

from __future__ import annotations

import re

from promptbot.catalog.links import ET_AL, QUOTES, SHORTCODE, find_links

# Between names: a comma or semicolon (after a no-break space too: lists copy names from pages
# that join them with `,&nbsp;`), an ampersand, `and`, or a middle dot (`A ⋅ B · C`) as
# conference pages list them.
SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|;|&|[·⋅]|\band\b)\s*")
_ET_AL = re.compile(ET_AL + "$")
_WORD = re.compile(r"^(?:[^\W\d_][\w'’\-]*\.?|[^\W\d_](?:\.-?[^\W\d_]){1,3}\.?)$")
# One name written surname first before `et al.`: `Achlioptas, Panos`, `Chen, Dave Zhenyu`.
_SURNAME_GIVEN = re.compile(r"([^\W\d_][\w'’\-]+),\s*((?:[^\W\d_][\w'’\-.]*\s?){1,3})")
_LAST_INITIAL = re.compile(r"(?:^|\s)[^\W\d_]$")
_INITIALS = re.compile(r"(?:[^\W\d_]\.-?\s?){1,3}")
PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos",
                        "du", "le", "la", "bin", "ibn", "al", "el", "y", "ter", "zu"})
_MAX_WORDS = 5
# What ends an author list before the title: a full stop, a comma or colon, a line break
# (`<br />`, a trailing backslash), emphasis around the list (`*A, B*`).
_TRAILER = re.compile(r"(?:\s|<br\s*/?>|\\|[.,:;*_])+$", re.IGNORECASE)
# Before it: emphasis, or an emoji's shortcode (`:boom:`) that marks the maintainers' own papers.
_LEADER = re.compile(rf"^(?:\s|[*_]|{SHORTCODE})+")
# A name's marks of equal contribution or correspondence: `Nguyen*`, `Li†`, `Liu<sup>1</sup>`.
_NAME_MARKS = re.compile(r"(?<=\w)(?:[*†‡§¶]+|<sup>[^<>]{0,12}</sup>)", re.IGNORECASE)
# Where an author list after a linked title ends at the latest: a note (`(*: Equal
# contribution)`), a link, a field's bar.
_LIST_END = re.compile(r"[(\[|]")
# An author list in emphasis after a linked title: ` _A, B, C._ Arxiv 2025.`
_EMPHASISED_NAMES = re.compile(r"\s*[,;]?\s*([*_]{1,2})([^*_]+)\1")


def author_names(text: str) -> tuple[str, ...]:
    """The names of an author list, () when the text is anything else."""
    text = text.replace("\xa0", " ").strip()
    stopped = bool(_ET_AL.search(text))
    text = _ET_AL.sub("", text)
    if not text or any(c.isdigit() for c in text):
        return ()
    if stopped and (one := _one_surname_first(text)):
        return one  # `Achlioptas, Panos, et al.`
    names = tuple(n.strip() for n in SEPARATOR.split(text))
    if not all(_is_name(n) or _lowercase_name(n, len(names)) for n in names):
        return ()
    if sum(not _is_name(n) for n in names) > 1:
        return ()
    if len(names) == 1 and len(names[0].split()) < 2:
        return ()  # one word is no evidence of a name
    separators = SEPARATOR.findall(text)
    if surname_first(separators) or _initials_second(names):
        return tuple(f"{given} {surname}" for surname, given in zip(names[0::2], names[1::2],
                                                                      strict=True))
    if first_inverted(names, separators):
        return (f"{names[1]} {names[0]}", *names[2:])
    return names


def first_inverted(names: tuple[str, ...], separators: list[str]) -> bool:
    """Whether an author list names its first author surname first and the others as they sign,
    the way a citation copied from a scholar's search writes it (`LeCun, Yann, Yoshua Bengio,
    and Geoffrey Hinton`; `Hasan, Umar, and Muhammad Ali Nayeem`): a one-word first piece, a
    comma, given names, then names of two words or more, `and` before the last."""
    return (len(names) >= 3 and len(names[0].split()) == 1 and separators[0].strip() == ","
            and "and" in separators[-1].split() and all(len(n.split()) >= 2 for n in names[2:]))


def credited_names(text: str) -> tuple[str, ...]:
    """The names of an author list that a full stop ends before the title, the way a
    bibliography credits a paper: `Yang, Zhengyuan` (one name, surname first, as such a list
    writes `Yang, Zhengyuan, et al.` for more) or `A. Li, B. Wang`."""
    text = text.replace("\xa0", " ").strip()
    text += "." if _LAST_INITIAL.search(text) else ""  # `Lovelace, Ada Q.`: its full stop
    return _one_surname_first(text) or author_names(text)


def _one_surname_first(text: str) -> tuple[str, ...]:
    """One name written surname first (`Achlioptas, Panos`) as a name, () for anything else."""
    one = _SURNAME_GIVEN.fullmatch(text)
    return (f"{one.group(2).strip()} {one.group(1)}",) if one else ()


def initials(given: str) -> bool:
    """Whether given names are written as initials: `W.`, `M.-H.`, `C. H.`."""
    return bool(_INITIALS.fullmatch(given.strip()))


def _initials_second(pieces: tuple[str, ...]) -> bool:
    """Whether the pieces are surnames each followed by initials: `Kang, W., Peng, Y.`."""
    return len(pieces) >= 2 and len(pieces) % 2 == 0 and all(
        _INITIALS.fullmatch(p) for p in pieces[1::2]) and not any(
        _INITIALS.fullmatch(p) for p in pieces[0::2])


def surname_first(separators: list[str]) -> bool:
    """Whether separators between an author list's pieces are a bibliography's, `Zhao, Jie and
    Chen, Xin`: a comma inside each name, `and` between them."""
    return len(separators) >= 3 and len(separators) % 2 == 1 and all(
        sep.strip() == "," for sep in separators[0::2]) and all(
        sep.strip() == "and" for sep in separators[1::2])


def _is_name(piece: str) -> bool:
    words = piece.split()
    if not 1 <= len(words) <= _MAX_WORDS:
        return False
    capitals = 0
    for word in words:
        if word in PARTICLES:  # `van`, `de`; a capitalised `Di` or `Le` is a name of its own
            continue
        if not _WORD.match(word) or not word[0].isupper():
            return False
        capitals += 1
    return capitals > 0


def _lowercase_name(piece: str, count: int) -> bool:
    """A name typed partly in lowercase (`qianchen xia`, `Chao wang`), which one long author list
    may hold: a piece of two or three plain words among four names or more."""
    words = piece.split()
    return count >= 4 and 2 <= len(words) <= 3 and all(w.isalpha() for w in words)


def one_person(label: str) -> bool:
    """Whether a link's label names one person: an author's own page (`[Ben Mildenhall](…)`),
    no link of the paper's."""
    return len(author_names(label)) == 1


def unlinked_names(text: str) -> str:
    """`text` with its links (find_links) left out, but for the links of a person's name, which
    are written as the name: an author list that links its names to their pages (`*[Ben
    Mildenhall](…), Pratul Srinivasan*  [[PDF](…)]`) as names."""
    for start, end, label, _ in reversed(find_links(text)):
        text = text[:start] + (label if one_person(label) else "") + text[end:]
    return text


def without_name_marks(text: str) -> str:
    """An author list without its names' marks of equal contribution or affiliation."""
    return _NAME_MARKS.sub("", text)


def line_names(text: str) -> tuple[str, ...]:
    """The names of a line that is an author list and nothing else, emphasis and a line break
    around it (`*A, B, C* \\`, `A, B, C<br>`) left out."""
    return author_names(_LEADER.sub("", _TRAILER.sub("", without_name_marks(text))))


_BY = re.compile(r"[\s,]*by\s+(?=[A-Z])")


def names_after_title(meta: str) -> tuple[tuple[str, ...], str]:
    """The author list that follows a linked title, and the text after it: `, A B*, C D, and
    E F (*: Equal contribution), Arxiv 2024` gives the three names without their marks and
    ` (*: Equal contribution), Arxiv 2024`; ` _A B, C D._ Arxiv 2025.` the two names and
    ` Arxiv 2025.`. ((), meta) unless the text opens with two names or more; after a dash or a
    colon it is a description (`- A Challenging, Contamination-Free Benchmark`), and a piece of
    capitals only (`ECCV`) is a venue, not a name."""
    if meta.lstrip()[:1] in ("-", "–", "—", ":", "："):
        return (), meta
    if by := _BY.match(meta):  # `<[Title](…)> by A, B and C, 2018`: the names after `by`
        names, rest = names_after_title(meta[by.end():])
        return (names, rest) if names else ((), meta)
    if emphasised := _EMPHASISED_NAMES.match(meta):
        names = author_names(_NAME_MARKS.sub("", _TRAILER.sub("", emphasised.group(2))))
        return (names, meta[emphasised.end():]) if len(names) >= 2 else ((), meta)
    head = _LIST_END.split(meta, 1)[0]
    for cut in reversed([m.start() for m in SEPARATOR.finditer(head)] + [len(head)]):
        prefix = _NAME_MARKS.sub("", head[:cut]).strip(" ,;")
        if any(piece.isupper() for piece in SEPARATOR.split(prefix)):
            continue
        if len(names := author_names(prefix)) >= 2:
            return names, meta[cut:]
    return (), meta


def leading_authors(head: str) -> tuple[tuple[str, ...], str]:
    """An entry's author list before its title, and the text from the title on: `A. Li, B.
    Wang.<br /> "Title." CVPR (2023)` gives (("A. Li", "B. Wang"), `"Title." …`), and so does
    a citation's unquoted title after the names (_names_before_title); ((), head) when the
    head does not start that way."""
    at = next((i for i, c in enumerate(head) if c in QUOTES), -1)
    if at < 0:
        return _names_before_title(head)
    if at == 0:
        return (), head
    prefix = _LEADER.sub("", _TRAILER.sub("", head[:at]))
    if not prefix:
        return (), head[at:]  # only marks before the title: `**Name:**.<br /> "Title."`
    names = author_names(prefix)
    return (names, head[at:]) if names else ((), head)


def _names_before_title(head: str) -> tuple[tuple[str, ...], str]:
    """The authors a citation names before an unquoted title, `Alexey Dosovitskiy, Thomas Brox,
    Inverting Visual Representations with Convolutional Networks, arXiv, 2015`: two comma
    pieces of names or more (each name of two to four words), then a piece with a word in
    lowercase (a title's; a name has none) and more after it; ((), head) for anything else."""
    pieces = [_AND_FIRST.sub("", piece) for piece in head.split(", ")]
    names: list[str] = []
    count = 0  # the pieces that are names
    while count < len(pieces) - 1 and (found := author_names(pieces[count])) and all(
            2 <= len(name.split()) <= _CITED_NAME_WORDS for name in found):
        names.extend(found)
        count += 1
    # Two pieces of names at least (one piece split at `and` may be a title in Title Case),
    # then a title's piece and more (a title of comma pieces in Title Case reads as names:
    # `Can Autonomous Vehicles Identify, Recover From, and Adapt to …?`).
    if count < 2 or count >= len(pieces) - 1 \
            or not _LOWER_WORD.search(_TAG.sub("", pieces[count])):
        return (), head
    return tuple(names), ", ".join(pieces[count:])


_AND_FIRST = re.compile(r"^and\s+")  # the last name of `A, B, and C`
_CITED_NAME_WORDS = 4
_LOWER_WORD = re.compile(r"(?<![\w'’\-])[a-z]{2,}\b")
_TAG = re.compile(r"<[^<>]*>")
