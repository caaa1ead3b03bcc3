"""Entry templates induced from a list: each real entry abstracted into literal text and slots.

The spans of an entry's values are found in its raw text: links by their URL (an arXiv URL is
the paper slot, a GitHub URL the code slot, a GitHub stars badge the repo slot, any other URL a
value the bot cannot know), the title and the short name by the catalog parser's reading, dates
by the entry's own arXiv id (`2508`, `202508`, `25-08`, `(Aug., 2025)`, `'25`), venues by the
known venue names, `Li et al.` author forms, and the number of a numbered item. Everything else
is the list's own markup, kept verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from promptbot.catalog import normalize_arxiv_id
from promptbot.catalog.links import ET_AL, LABEL, is_pictograph
from promptbot.catalog.venue_links import COUNT
from promptbot.entries.author_initials import CREDIT, credit_form
from promptbot.entries.template_dates import Span, date_spans, free
from promptbot.entries.template_model import PREPRINT_WORDS, Part, Slot, Template, flexible
from promptbot.entries.template_venues import glued_spans, read_venue_span, venue_spans
from promptbot.models import Entry

_ARXIV_URL = re.compile(
    r"(?i)(https?://(?:www\.|export\.)?arxiv\.org/(?:(?:abs|pdf|html)/)?)"
    r"(\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(v\d+)?(\.pdf)?"
)
# A URL ends at a table's cell bar too: a row splits into cells before a URL is read
# (`…|https://github.com/o/r|NIPS|2016`: the code, then the venue's cell).
_URL = re.compile(r"https?://[^\s<>\"'\]\[|]+?(?=[)\s<>\"'\]\[|]|$)")
# A repository's name may hold dots (`LLaVA-OneVision-1.5`); only an image suffix is not in it.
_STARS = re.compile(r"(https?://img\.shields\.io/github/stars/)([^/?#\s]+/[^/?#\s]+?)"
                    r"((?:\.svg|\.png)?(?:[?#].*)?)$")
_GITHUB = re.compile(r"https?://(?:www\.)?github\.com/[^/\s]+/[^/\s]+")
_CONSTANT_URL = re.compile(r"https?://img\.shields\.io/badge/")
# An item's number: a list's (`3. `), or the list's count of its papers (`[14]`, `**[1]**`).
# A count of one to three digits, as the reader takes it (a bracketed year is no count).
_NUMBER = re.compile(r"^(\s*)(\d{1,4})(?=[.)]\s)|^(\s*(?:\*\*)?\[)(\d{1,3})(?=\])")


def abstract(entry: Entry) -> Template | None:
    """The entry as a template, or None when its title cannot be found in its text, or it
    cannot tell its name's place from its title's."""
    if _name_is_title(entry):
        return None
    text = entry.raw.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    yymm = _yymm(entry)
    papers = {link.url for link in entry.links if link.role == "paper"}
    spans = list(link_spans(text, papers))
    figures = list(_figure_spans(text))
    spans = [s for s in spans if not any(f <= s[0] < e for f, e, _ in figures)] + figures
    spans.extend(_badge_id_spans(text, entry.arxiv_ids))
    title = _title_span(text, entry.title, spans)
    if title is None:
        return None
    spans.append(title)
    spans.extend(_empty_links(text, spans))
    spans.extend(_topic_spans(text, spans))
    spans.extend(_name_spans(text, entry, title, spans))
    spans.extend(_number_span(text, spans))
    spans.extend(_affiliation_span(text, entry, spans))
    authors = list(_author_list_span(text, entry, spans))
    # The authors' own pages, linked from their names, go with the old names.
    spans = [s for s in spans if not any(a <= s[0] and s[1] <= b for a, b, _ in authors)]
    spans.extend(authors)
    spans.extend(_free_spans(text, spans, CREDIT, lambda m: Slot(
        "authors", credit_form(m), original=m.group())))
    spans.extend(glued_spans(text, spans, entry.year, entry.venue))
    spans.extend(read_venue_span(text, entry, spans))
    spans.extend(_arxiv_id_spans(text, spans, entry.arxiv_ids))
    spans.extend(date_spans(text, spans, yymm, entry.year))
    spans.extend(list(venue_spans(text, spans, entry.venue)))
    if not any(slot.kind == "name" for _, _, slot in spans):
        spans.extend(_tag_name_span(text, spans))
    parts = _parts(text, spans)
    html = [i for i, p in enumerate(parts) if isinstance(p, Slot) and _in_html(parts, i)]
    parts = [_as_html(p, _in_tag(parts, i)) if i in html else p for i, p in enumerate(parts)]
    venue = next((s.original for s in _slots(parts) if s.kind == "venue"), None)
    return Template(tuple(parts), entry.kind, entry.line,
                    None if venue is None else venue.lower() in PREPRINT_WORDS, text)


# A link (not an image) opens here; its label may hold brackets of its own (`[[paper]](…)`).
_LINK_BEFORE = re.compile(r"(?<!!)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\($")
_IMAGE_BEFORE = re.compile(r"!\[[^\[\]]*\]\($")  # an image's source starts here
ARXIV_ABS = "https://arxiv.org/abs/{id}"


def _slots(parts: list[Part]) -> Iterator[Slot]:
    return (p for p in parts if isinstance(p, Slot))


def _yymm(entry: Entry) -> str:
    ids = [i for i in entry.arxiv_ids if i[:4].isdigit()]
    return ids[0][:4] if ids else ""


_IMG_TAG = re.compile(r"<img\b[^<>]*>(?:\s*</img>)?", re.IGNORECASE)  # `</img>`: HTML has none
_IMG_SOURCE = re.compile(r"\bsrc\s*=\s*[\"']?([^\"'\s<>]+)", re.IGNORECASE)


def _figure_spans(text: str) -> Iterator[Span]:
    """The exemplar's figures (`<img width="1002" alt="image" src="figures/GPTQ.png">`, a
    picture of that paper), each a value the bot cannot know, whole: no part of one (the
    paper's name in its file name, a GitHub URL) is a slot for the new paper. A badge is no
    figure."""
    for tag in _IMG_TAG.finditer(text):
        source = _IMG_SOURCE.search(tag.group())
        if source and "shields.io" not in source.group(1) and "badge" not in source.group(1):
            yield tag.start(), tag.end(), Slot("other", html=True, original=tag.group())


def _name_is_title(entry: Entry) -> bool:
    """Whether the entry's short name is its whole title, written twice (`- **DINOv3:** A, B.
    "DINOv3." ArXiv (2025)`): which place is the name's and which the title's, the entry cannot
    say, and a paper without a name would be written with its title in bold and `"."` after."""
    name = (entry.name or "").strip().casefold()
    return bool(name) and name == entry.title.strip().casefold() \
        and entry.raw.casefold().count(name) > 1


def link_spans(text: str, papers: set[str]) -> Iterator[Span]:
    """The URLs of a text as slots: the paper (arXiv, or a URL in `papers` behind a link), the
    code (GitHub), a GitHub stars badge (its form holds `{repo}`), any other URL a value the
    bot cannot know; a badge that reads the same on every entry is no slot."""
    # An arXiv link labelled as something else (`[Website](arXiv)`) holds the place of a page
    # the paper has not yet, where the entry links its paper too; alone, it is the paper's link.
    linked_paper = any(_whole_arxiv(m.group()) and not _labelled_elsewhere(text, m.start())
                       for m in _URL.finditer(text))
    for match in _URL.finditer(text):
        url = match.group()
        arxiv = _ARXIV_URL.match(url)
        if _CONSTANT_URL.match(url):
            continue  # a badge that reads the same on every entry
        if arxiv and _whole_arxiv(url) and not (
                linked_paper and _labelled_elsewhere(text, match.start())):
            form = arxiv.group(1).lower() + "{id}" + (arxiv.group(4) or "")
            yield match.start(), match.end(), Slot("paper", form, original=url)
        elif stars := _STARS.match(url):
            yield match.start(), match.end(), Slot("repo", stars.group(1) + "{repo}"
                                                   + stars.group(3), original=url)
        elif _IMAGE_BEFORE.search(text, 0, match.start()):
            # An image is the exemplar's own (a figure kept in its repository on GitHub), never
            # a place for the new paper's code or paper link.
            yield match.start(), match.end(), Slot("other", original=url)
        elif _labelled_as_page(text, match.start()):
            # Before the host: a `Website` badge that leads to GitHub is the exemplar's own page
            # (its repository, an awesome list), and a new paper's is its project page.
            yield match.start(), match.end(), Slot("project", original=url)
        elif _GITHUB.match(url) and not _labelled_as_resource(text, match.start()):
            yield match.start(), match.end(), Slot("code", original=url)
        elif url in papers and not linked_paper and _LINK_BEFORE.search(text, 0, match.start()) \
                and not _labelled_elsewhere(text, match.start()):
            # the paper's link elsewhere (a proceedings page): arXiv's for ours, where the entry
            # links no arXiv page of its own (`[CVF](…) [IEEE Xplore](…) [arXiv](…)`: one link
            # to arXiv, not three); the same page linked again as something else (`[[Page]](…)`)
            # is the exemplar's own
            yield match.start(), match.end(), Slot("paper", ARXIV_ABS, original=url)
        else:
            yield match.start(), match.end(), Slot("other", original=url)


# A link to nowhere, `[Github]()`: the exemplar's maintainers meant to add its page later.
_EMPTY_LINK = re.compile(r"(?<!!)\[[^\[\]]+\]\(\s*\)")


def _empty_links(text: str, spans: list[Span]) -> Iterator[Span]:
    """The links without a destination, each a value of the exemplar's own: a new paper's entry
    drops them, as its other values the bot cannot know (a title linked to nowhere, `[Title]()`,
    stays the title's)."""
    for match in _EMPTY_LINK.finditer(text):
        if free(spans, match.start(), match.end()):
            yield match.start(), match.end(), Slot("other", original=match.group())


# What a link says it leads to when it is not the paper: the maintainers' entry that links its
# `Website` badge to arXiv (no page yet) is no model for a slot the paper's URL fills.
_ELSEWHERE = re.compile(r"(?i)\b(?:website|project|homepage|page|demo|code|github|data(?:set)?|"
                        r"model|video|blog|hugging\s*face|star)s?\b")
_LABEL_WORDS = 4  # the most words of a link's label that names its kind
# A link's label: a badge's alt text, words in brackets of their own (`[[Page]](`), or words.
_LABEL_BEFORE = re.compile(
    r"\[(?:!\[([^\[\]]*)\]\([^()]*\)|\[([^\[\]]*)\]|([^\[\]]*))\]\($")


_PAGE_LABEL = re.compile(r"(?i)\b(?:website|project(?:\s*page)?|home\s*page|web\s*page)\b|🌐")


def _labelled_as_page(text: str, start: int) -> bool:
    """Whether the link whose URL starts at `start` is labelled as the project's page
    (`[![Website](badge)](URL)`, `[[Project 🌐](URL)]`), which a paper's own text can name."""
    return bool(_PAGE_LABEL.search(label_before(text, start)))


def label_before(text: str, start: int, pattern: re.Pattern[str] = _LABEL_BEFORE) -> str:
    """The label of the link whose URL starts at `start`: its words, or a badge's alt text
    (`[![Website](badge)](URL)`) where `pattern` reads one; "" for a bare URL."""
    label = pattern.search(text, max(0, start - 300), start)
    return next((g for g in label.groups() if g), "") if label else ""


# A link on GitHub labelled as something else than code (`[[Data Preparation]](github…/
# dataset.md)`) is the exemplar's own file, no place for a new paper's code under that label.
_RESOURCE_LABEL = re.compile(r"(?i)^\W*(?:data(?:sets?)?|models?|weights|checkpoints?|demo|"
                             r"videos?|slides|poster|blog|leaderboard|bibtex|citation)\b")
_CODE_LABEL = re.compile(r"(?i)\b(?:code|github|repo(?:sitory)?|implementation|pytorch)\b")
_TEXT_LABEL_BEFORE = re.compile(LABEL + r"\($")  # `[Data](`, `[[Data]](`


def _labelled_as_resource(text: str, start: int) -> bool:
    """Whether the link whose URL starts at `start` is labelled, in words, as a resource and not
    as code (a project's own name, `[Open-LLaVA-Video-R1 💻](…)`, names no resource)."""
    words = label_before(text, start, _TEXT_LABEL_BEFORE)
    return len(words.split()) <= _LABEL_WORDS and bool(_RESOURCE_LABEL.search(words)) \
        and not _CODE_LABEL.search(words)


def _whole_arxiv(url: str) -> bool:
    """Whether a URL is an arXiv paper's whole address (no anchor or query after it)."""
    arxiv = _ARXIV_URL.match(url)
    return arxiv is not None and arxiv.end() == len(url)


def _labelled_elsewhere(text: str, start: int) -> bool:
    """Whether the link whose URL starts at `start` is labelled as something other than the
    paper (`[![Website](badge)](URL)`, `[Project](URL)`)."""
    words = label_before(text, start)
    # A link's label names what it leads to in a word or two (`Project page`); a linked title
    # that says "Models" or "Video" is the paper's own link.
    return len(words.split()) <= _LABEL_WORDS and bool(_ELSEWHERE.search(words))


def _title_span(text: str, title: str, spans: list[Span]) -> Span | None:
    for candidate in _title_candidates(text, title):
        pattern = flexible(candidate)
        for match in pattern.finditer(text) if pattern else ():
            if free(spans, match.start(), match.end()):
                return match.start(), match.end(), Slot("title", original=match.group())
    return None


_LABEL = re.compile(r"(?<!!)\[\s*(?:\*\*|__)?([^\[\]*_`]{8,}?)(?:\*\*|__)?\s*\]\(")
_RUN = re.compile(r"[^|\[\]<>*`\n]{12,}")
_MARKUP = re.compile(r"[\[\]|<>*`]")


def _title_candidates(text: str, title: str) -> list[str]:
    """Where the title may be, most likely first: a link label of several words (a linked
    title), the parser's reading when it is clean text, else the longest run of plain text."""
    labels = [m.group(1).strip() for m in _LABEL.finditer(text)]
    out = [label for label in labels if len(label.split()) >= 3
           and label.split()[0].casefold().strip(":") not in LINK_WORDS]
    trimmed = _trim_title(title)
    if trimmed and not _MARKUP.search(trimmed):
        out.append(trimmed)
    out.sort(key=len, reverse=True)  # a title is the longest text of an entry
    if trimmed in labels:
        # ... unless the parser's title is linked itself: a longer label that holds it is
        # another link's (`[[**SAM3D: Segment Anything in 3D Scenes (Project)**](github…)]`).
        out.insert(0, trimmed)
    runs = sorted((m.group().strip(" .,;:-") for m in _RUN.finditer(text)), key=len, reverse=True)
    out.extend(r for r in runs if len(r.split()) >= 3)
    return out


# What links are named (`[Code](…)`, `[Project page](…)`): no title and no short name.
LINK_WORDS = frozenset({"code", "paper", "pdf", "project", "github", "demo", "website", "arxiv",
                        "model", "models", "dataset", "datasets", "video", "page", "homepage"})
_LEADING_TAG = re.compile(r"^\s*(?:\[[^\[\]]{1,30}\]|\*\*[^*]{1,30}\*\*)\s*")
_TRAILING_JUNK = re.compile(r"\s*(?:\|.*|\[`.*|\]\(.*)$")


def _trim_title(title: str) -> str:
    """The title without a venue tag or field separator the parser left on it."""
    while (match := _LEADING_TAG.match(title)) and len(title) - match.end() > 10:
        title = title[match.end():]
    return _TRAILING_JUNK.sub("", title).strip()


def _name_spans(text: str, entry: Entry, title: Span, spans: list[Span]) -> Iterator[Span]:
    candidates = [entry.name] if entry.name else []
    head = title[2].original.split(":", 1)[0].strip()
    if head != title[2].original and 0 < len(head) <= 40:
        candidates.append(head)
    for name in candidates:
        found = False
        for match in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text):
            if not free(spans, match.start(), match.end()) or title[0] <= match.start() < title[1]:
                continue
            # Once more as a link's whole label (`[[DeepSeek-R1]](github…)`): the code's link
            # named after the paper, never another paper's name copied.
            if not found or (text[match.start() - 1:match.start()] == "["
                             and text[match.end():match.end() + 2] == "]("):
                yield match.start(), match.end(), Slot("name", original=name)
                found = True
        if found:
            return


_TAG_NAME = re.compile(
    r"(?:\*\*|`)?\[(?P<a>[^\[\]\s*`]{2,30})\](?:\*\*|`)?(?!\()|\*\*(?P<b>[^*\s\[\]]{2,30})\*\*")
_NOT_NAMES = frozenset({"paper", "pdf", "code", "project", "link", "arxiv", "github", "demo",
                        "video", "dataset", "website", "page", "x", "new", "hot"})


_TOPIC_TAG = re.compile(r"\[([^\[\]\w\s*`][^\[\]]{0,60})\](?!\()")


def _topic_spans(text: str, spans: list[Span]) -> Iterator[Span]:
    """Tags before the title that open with a pictograph (`[💬 Multi-language-to-Image]`): the
    list's mark of the exemplar's topic, a value the bot cannot know, never the paper's name."""
    title_at = next((s for s, _, slot in spans if slot.kind == "title"), len(text))
    for match in _TOPIC_TAG.finditer(text, 0, title_at):
        if is_pictograph(match.group(1)[0]) and free(spans, match.start(1), match.end(1)):
            yield match.start(1), match.end(1), Slot("other", original=match.group(1))


def _tag_name_span(text: str, spans: list[Span]) -> Iterator[Span]:
    """A short tag in brackets or bold before the title (`[ERGO]`, `**[LPOSS]**`): the name."""
    title_at = next((s for s, _, slot in spans if slot.kind == "title"), len(text))
    for match in _TAG_NAME.finditer(text, 0, title_at):
        group = "a" if match.group("a") else "b"
        word = match.group(group)
        start, end = match.start(group), match.end(group)
        if any(c.isalpha() for c in word) and word.lower() not in _NOT_NAMES \
                and not COUNT.fullmatch(word) and free(spans, start, end):
            yield start, end, Slot("name", original=word)
            return


def _affiliation_span(text: str, entry: Entry, spans: list[Span]) -> Iterator[Span]:
    if not entry.affiliation:
        return
    pattern = flexible(entry.affiliation)
    for match in pattern.finditer(text) if pattern else ():
        if free(spans, match.start(), match.end()):
            yield match.start(), match.end(), Slot("affiliation", original=match.group())
            return


_ET_AL_AFTER = re.compile(ET_AL)
_PAGE_AFTER = re.compile(r"\]\([^()\s]*\)")  # the link a name's label opens: its page
# The last author's marks and the note they point to: `Bennamoun* (*: Equal contribution)`. The
# marks are the old paper's; its note goes with its names. Without a note a `*` after the names
# closes their emphasis (`*Yulong Chen, Yue Zhang*`): the list's markup, no mark.
_MARKS_NOTE = re.compile(r"[*†‡§¶]*\s*\(\s*[*†‡§¶]+\s*[:：]?[^()]*\)")
_SUP_AFTER = re.compile(r"<sup>[^<>]{0,12}</sup>", re.IGNORECASE)  # `Xilin Chen<sup>1</sup>`


def _author_list_span(text: str, entry: Entry, spans: list[Span]) -> Iterator[Span]:
    """The entry's full author list (`Pengyu Zhang, Dong Wang, Huchuan Lu`), with the `et al.`
    that may end it, as one slot: a new paper's authors take its place, the list's way."""
    if not entry.authors:
        return
    first, last = _written_name(entry.authors[0]), _written_name(entry.authors[-1])
    start = first.search(text) if first else None
    end = last.search(text, start.start()) if last and start else None
    if start is None or end is None:
        return
    begin, stop = start.start(), end.end()
    if text[begin - 1:begin] == "[" and (page := _PAGE_AFTER.match(text, stop)):
        begin, stop = begin - 1, page.end()  # `[Ben Mildenhall](…), …, [Ren Ng](…)`
    if et_al := _ET_AL_AFTER.match(text, stop):
        stop = et_al.end()
    if marks := _MARKS_NOTE.match(text, stop) or _SUP_AFTER.match(text, stop):
        stop = marks.end()
    pages = [s for s in spans if s[2].kind == "other" and begin <= s[0] and s[1] <= stop]
    if free([s for s in spans if s not in pages], begin, stop):
        yield begin, stop, Slot("authors", "list", original=text[begin:stop])


def _written_name(name: str) -> re.Pattern[str] | None:
    """A name as an author line may write it: `Jie Zhao`, or a bibliography's `Zhao, Jie`."""
    given, _, surname = name.rpartition(" ")
    forms = [flexible(name), flexible(f"{surname}, {given}") if given else None]
    return re.compile("|".join(f"(?:{p.pattern})" for p in forms if p)) if forms[0] else None


def _number_span(text: str, spans: list[Span]) -> Iterator[Span]:
    match = _NUMBER.match(text)
    at = 2 if match and match.group(2) else 4
    if match and free(spans, match.start(at), match.end(at)):
        yield match.start(at), match.end(at), Slot("number", original=match.group(at))


def _free_spans(text: str, spans: list[Span], pattern: re.Pattern[str],
                slot: object) -> Iterator[Span]:
    make = slot if callable(slot) else None
    for match in pattern.finditer(text):
        if make is not None and free(spans, match.start(), match.end()):
            yield match.start(), match.end(), make(match)


# The paper named by its arXiv id in the text, not by a link: `arXiv:2207.04858, 2022.`
# A full stop after it ends the sentence (`arXiv:2203.17274. ![](…)`).
# An arXiv id written out: `arXiv:2207.04858`, `ArXiv 2208.06554` (xuyu0010's "ArXiv and
# Workshops"), perhaps with its version.
_ARXIV_ID_TEXT = re.compile(
    r"(?i)(?<![\w/.])(arxiv(?::\s?|\s))(\d{4}\.\d{4,5})(?:v\d+)?(?!\w|\.\w)")


# A badge that shows the paper's id (`img.shields.io/badge/arXiv-2212.07422-b31b1b.svg`): the
# id is the paper's, and its label (`arXiv`) names the id, no venue.
_BADGE_ID = re.compile(r"(?<=img\.shields\.io/badge/)((?:[^\s/)?-]|--)*-)?"
                       r"(\d{4}\.\d{4,5})(?:v\d+)?(?=-)")


def _badge_id_spans(text: str, ids: tuple[str, ...]) -> Iterator[Span]:
    for match in _BADGE_ID.finditer(text):
        if match.group(2) in ids:
            yield match.start(), match.end(), Slot(
                "paper", (match.group(1) or "") + "{id}", original=match.group())


def _arxiv_id_spans(text: str, spans: list[Span], ids: tuple[str, ...]) -> Iterator[Span]:
    for match in _ARXIV_ID_TEXT.finditer(text):
        if match.group(2) in ids and free(spans, *match.span()):
            yield match.start(), match.end(), Slot(
                "paper", match.group(1) + "{id}", original=match.group())


def _parts(text: str, spans: list[Span]) -> list[Part]:
    parts: list[Part] = []
    at = 0
    for start, end, slot in sorted(spans, key=lambda s: s[0]):
        if start < at:
            continue
        if start > at:
            parts.append(text[at:start])
        parts.append(slot)
        at = end
    if at < len(text):
        parts.append(text[at:])
    return parts


def _in_html(parts: list[Part], index: int) -> bool:
    """Whether the slot sits inside a raw-HTML line (where markdown escapes do not work)."""
    before = "".join(p for p in parts[:index] if isinstance(p, str))
    line = before.rsplit("\n", 1)[-1].lstrip()
    return line.startswith("<") and not line.startswith("<span")


_OPEN_TAG = re.compile(r"<[A-Za-z][^<>]*$")


def _in_tag(parts: list[Part], index: int) -> bool:
    """Whether the slot sits inside an HTML tag (`<img alt="{name}">`), not in element text."""
    return _OPEN_TAG.search("".join(p for p in parts[:index] if isinstance(p, str))) is not None


def _as_html(part: Part, attribute: bool) -> Part:
    return replace(part, html=True, attribute=attribute) if isinstance(part, Slot) else part


def arxiv_id_of(url: str) -> str | None:
    """The arXiv id of an arXiv URL, normalized; None for another URL."""
    match = _ARXIV_URL.match(url)
    return normalize_arxiv_id(match.group(2)) if match else None
