"""The fields of one list entry (title, name, venue, year, affiliation, authors, links) from its
text: bullets and paragraphs, with their tags, names and marks; the text before their links is
read as citations write it (`heads`), table rows and key blocks by `row_fields`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from promptbot.catalog.authors import (
    author_names,
    credited_names,
    leading_authors,
    line_names,
    names_after_title,
    one_person,
    unlinked_names,
)
from promptbot.catalog.heads import (
    MAX_VENUE_WORDS,
    NUMERIC_DATE,
    leading_venue,
    parse_head,
    read_meta,
    take_affiliation,
    without_stop,
)
from promptbot.catalog.lead_marks import lead_marks
from promptbot.catalog.links import (
    BREAK,
    ET_AL,
    QUOTES,
    SHORTCODE,
    clean,
    find_links,
    is_pictograph,
    is_title_label,
    link_role,
    venue_label,
    without_links,
)
from promptbot.catalog.venue_links import venue_link
from promptbot.models import Link


@dataclass(frozen=True)
class Fields:
    """What an entry's text says, before line numbers are attached."""

    title: str
    name: str | None = None
    venue: str | None = None
    year: int | None = None
    affiliation: str | None = None
    links: tuple[Link, ...] = ()
    authors: tuple[str, ...] = ()  # as a full author list names them, () where none is written


# A name before the title: bold, or code or HTML marks that a colon ends (`<u>T5</u>: …`).
# Or a plain word before a colon and a title bold to its end: `RAGAS: **"RAGAS: Automated …"**.`
# (not `PhysFormer++: **Facial** Video-based …`, a title with its key words in bold).
_NAME = re.compile(r"\s*(?:\*\*(?P<bold>.+?)\*\*|`(?P<code>[^`]+)`(?=\s*[:：])"
                   r"|<(?P<tag>u|b|strong|code)>(?P<html>[^<>]{1,40})</(?P=tag)>(?=\s*[:：])"
                   r"|(?P<plain>[A-Za-z][\w\-.+]{0,29})"
                   r"(?=[:：]\s*\*\*[^*]+\*\*\s*(?:[.,;!\[(]|$)))"
                   r"\s*[:：]?\s*")
_CREDIT_BEFORE_BOLD = re.compile(r"\s*([^*\[\]()`<>]{2,80}?,?\s+et\s+al\.)\s+(?=\*\*)")
# The same credit naming every author, ended by a full stop: `Yang, Zhengyuan. **Title**`.
_NAMES_BEFORE_BOLD = re.compile(r"\s*([^*\[\]()`<>]{2,200}?)\.\s+(?=\*\*)")
_TAIL_NAME = re.compile(r"\(\s*\*\*(.+?)\*\*\s*\)")
# Symbols before a parenthesis that opens the title (the maintainers' stars: `⭐⭐(TPAMI 2023)`).
_SYMBOLS_THEN_PAREN = re.compile(r"[^\w\s()\[\]*`]{0,6}\s*\(")
_BOLD = re.compile(r"\*\*(?!\s)(.+?)(?<!\s)\*\*")
# What marks an entry without being its title: emoji shortcodes, code tags, no-break spaces.
_MARKS = re.compile(rf"{SHORTCODE}|`[^`]*`|&nbsp;?|\s+-\s+")
_SEPARATED = re.compile(r"(?:^|\s)[-–—|/](?:\s|$)")
_TRAILER_MARKS = re.compile(r"[\s.,;:]+$")
# A link in angle brackets, `<[Title](url)>` (apexrl's lists): the brackets mark nothing.
_ANGLED_LINK = re.compile(r"<(\[[^\[\]<>]+\]\([^()\s<>]+\))>")
# A venue in parentheses before the title, perhaps after the maintainers' stars: `⭐(TPAMI 2023)`.
_LEAD_VENUE = re.compile(r"\s*(?:[^\w\s()\[\]*`]{1,6}\s*)?\(([^()]{2,40})\)\s*(?=\S)")
_LETTER = re.compile(r"\w")
_COUNTER = re.compile(r"\d{1,3}")  # a paper's number in the list's count: `[14]`, `**[1]**`


def _leading_name(text: str) -> tuple[str | None, int]:
    match = _NAME.match(text)
    if not match or "](" in match.group():  # `**[Title](url)**` is a linked title, not a name
        return None, 0
    name = clean(match.group("bold") or match.group("code") or match.group("html")
                 or match.group("plain") or "").rstrip(":：").strip()
    if _COUNTER.fullmatch(name.strip("[]")):
        name = ""  # `**[1]** LeCun, Yann, … "**Deep learning**."`: the list counts its papers
    return (name or None), match.end()


def _links(found: list[tuple[int, int, str, str]], title_at: int | None) -> tuple[Link, ...]:
    return tuple(Link(clean(label), url, "paper" if start == title_at else link_role(label, url))
                 for start, _, label, url in found)


def _label_venue(links: tuple[Link, ...]) -> tuple[str | None, int | None]:
    for link in links:
        label = venue_label(link.label) if link.role == "paper" else None
        if label is not None:
            return label
    return None, None


# Leading tags some lists put before the title: `[2508]` (the arXiv month), `[**CVPR'26**]` or
# `[arXiv]` (the venue), `[Name]` (the short name): `* [2508] [ERGO] [ERGO: …](url)`.
_TAG = re.compile(r"\s*\[(?:\*\*)?([^\[\]*]{1,40}?)(?:\*\*)?\](?!\()\s*")
# A venue, its year, and the kind of paper it took: `NeurIPS 2021 Workshop`, `ICML 2020 workshop`.
_QUALIFIED_VENUE = re.compile(
    r"([A-Z][\w\-]*[A-Z][\w\-]*)\s+((?:19|20)\d\d)\s+"
    r"((?i:workshops?|findings|oral|spotlight|poster|demo|short|long|best paper))")
_MONTH_TAG = re.compile(r"(\d\d)(0[1-9]|1[0-2])")
# Not links.venue_label, on purpose: that grammar reads a paper link's label, where `YOLO 11`
# can only be a venue; a tag before the title (or a ` | ` field) may be the short name
# (`[YOLO 11]`, `[Qwen 25]`), so here a venue takes its year after an apostrophe (`CVPR'26`,
# `CVPR’26`), or is `arXiv` alone.
_VENUE_TAG = re.compile(r"([A-Za-z][\w\- ]{0,20}?)\s*['’]\s?(\d\d)(?:\.\d{1,2})?|(arxiv)", re.I)
_VENUE_LINE_END = re.compile(r"\s(?:<br\s*/?>\s*)?([A-Za-z][\w\-]*\s(?:19|20)\d\d)$")
# A venue of a few words and its year, all the text after a bold title of few words has:
# `**Generative Escher Meshes** \⏎*A, B* \⏎arXiv 2023. [[Paper](…)]` (the title, no name).
_ONLY_VENUE = re.compile(r"[A-Za-z][\w\-]*(?: [A-Za-z][\w\-]*){0,2},? (?:19|20)\d\d")
_BREAK_OPENS = re.compile(rf"^\s*{BREAK}")
_FULL_YEAR_END = re.compile(r"\s(?:19|20)\d\d$")
_SHORTCODES = re.compile(rf"^\s*(?:{SHORTCODE}\s*)+")
_BOXED_THEN_TEXT = re.compile(r"\s*\*\*\[([^\[\]]{1,40})\]\*\*\s+(\S.*)", re.DOTALL)
_FIELD_SEP_END = re.compile(r"\s+\|\s*$")
_FIELD_SEP = re.compile(r"\s+\|\s*|\s*\|\s+")  # `Title| [pdf](…)`: a space on one side will do
_SPAN = re.compile(r"</?span[^>]*>")


# A name in bold (or bold italics) that its colon ends, before the title: `***VEU-Bench:*** …`
_BOLD_NAME = re.compile(r"\*{2,3}([^*\[\]]{1,40}?)[:：]\*{2,3}[ \t]+(?=\S)")


def _tagged(text: str) -> Fields | None:
    """Entries that open with bracketed tags, then the title (plain or linked)."""
    at, name, venue, year = 0, None, None, None
    while (tag := _TAG.match(text, at)) and at < len(text):
        value = tag.group(1).strip()
        if _MONTH_TAG.fullmatch(value):
            year = 2000 + int(value[:2])
        elif NUMERIC_DATE.fullmatch(value):  # `[2023/04]`: when, no name
            year = year or int(value[:4])
        elif is_pictograph(value[:1] or " "):
            pass  # `[💬 Multi-language-to-Image]`: the list's mark of a topic, no name
        elif _COUNTER.fullmatch(value):
            pass  # `[14]Title<br>`: the list counts its papers, no name
        elif (label := _VENUE_TAG.fullmatch(value)) is not None:
            venue = label.group(1) or label.group(3)
            year = 2000 + int(label.group(2)) if label.group(2) else year
        elif _FULL_YEAR_END.search(value) and (dated := venue_label(value)) and dated[0]:
            venue, year = dated  # `[ICML 2021]`: a year of four digits is no name's number
        elif qualified := _QUALIFIED_VENUE.fullmatch(value):
            # `[NeurIPS 2021 Workshop]`, `[ACL 2023 Findings]`: the venue and its kind of paper
            venue, year = f"{qualified.group(1)} {qualified.group(3)}", int(qualified.group(2))
        elif name is None and 0 < len(value) <= 40:
            name = clean(value)
        else:
            return None
        at = tag.end()
    if at == 0 or at >= len(text):
        return None
    rest = text[at:].lstrip(" :：")  # `[R2R]: Title`
    if name is None and (named := _BOLD_NAME.match(rest)):
        # `[CVPR 2025] ***VEU-Bench:*** Towards …`: the tag, then the name, then the title
        name, rest = clean(named.group(1)), rest[named.end():]
    found = find_links(rest)
    if found and found[0][0] == 0 and is_title_label(found[0][2]):
        title = clean(found[0][2])
        links = _links(found, 0)
    elif bold := _BOLD.match(rest):  # `[Tag] **Title**, Xu et al.`
        title, links = clean(bold.group(1)), _links(found, None)
    else:
        title = clean(rest[: found[0][0] if found else len(rest)].rstrip(" [").strip())
        links = _links(found, None)
        if venue is None and (ending := _VENUE_LINE_END.search(title)) and (
                under := venue_label(ending.group(1))) and under[0]:
            # `[R2R]: Title  ⏎  CVPR 2018 [paper](…)`: the venue on the line under the title
            title, (venue, year) = title[: ending.start()].rstrip(" ,."), under
    if len(title.split()) < 2:
        return None
    return Fields(title, name, venue, year, None, links)


def _separated(text: str) -> Fields | None:
    """`**[Name]** | **CVPR'25** | Title | [pdf](url) | [code](url)`: fields between ` | `."""
    parts = _FIELD_SEP.split(_SPAN.sub("", text))
    if len(parts) < 3:
        return None
    name = venue = None
    year = None
    plain = []
    for part in parts:
        if name is None and (boxed := _BOXED_THEN_TEXT.fullmatch(part)):
            name, part = clean(boxed.group(1)), boxed.group(2)  # `**[BTF]** Back to the …`
        bare = clean(part.strip().strip("*").strip("[]`").strip("*"))
        label = _VENUE_TAG.fullmatch(bare) or None
        if "](" in part or "http" in part:
            continue
        if label is not None and venue is None:
            venue, year = label.group(1) or label.group(3), (
                2000 + int(label.group(2)) if label.group(2) else None)
        elif name is None and _boxed_name(part, bare):
            name = bare
        else:
            plain.append(clean(part))
    if not plain:
        return None
    title = max(plain, key=len)
    if len(title.split()) < 2:
        return None
    return Fields(title, name or None, venue, year, None, _links(find_links(text), None))


_NAME_WORDS = 4  # a boxed name of more words is a title written in bold


def _names_authors(text: str) -> bool:
    """Whether a text only names authors, `, Cem Akkus et al` (a Title Case title with `and`
    reads as two names, so a list of names is no evidence here)."""
    bare = text.strip(" ,.;:-–—")
    return bare.endswith("et al") and len(bare.split()) <= 5


def _boxed_name(part: str, bare: str) -> bool:
    """Whether a marked field (`**[Personalized OVSS]**`) is a short name: a few words, and no
    authors form (`**[Xu et al.]**` names the authors, not the paper)."""
    return (part.strip().startswith(("**", "[", "`")) and 0 < len(bare.split()) <= _NAME_WORDS
            and not bare.rstrip(". ").endswith("et al"))


def bullet_fields(text: str) -> Fields | None:
    """The fields of a bullet's text (after its marker, continuation lines joined)."""
    text = _ANGLED_LINK.sub(r"\1", text)  # `[Name] <[Title](url)>, Li et al, 2018.`
    lead_in = _lead_in(text)
    if lead_in is not None:
        return lead_in
    fields = _plain_fields(text)
    if fields is not None and _SYMBOLS_THEN_PAREN.match(fields.title):
        return _venue_first(text) or fields
    return fields


def _lead_in(text: str) -> Fields | None:
    """The fields of an entry that opens with what comes before its title: bracketed tags
    (`:fire:[ICML 2021] **Title**`), fields between ` | `, marks (`` `CoOp` [Zhou et al., Proc.
    CVPR 2025] **Title** ``); None for an entry that opens otherwise."""
    untagged = _SHORTCODES.sub("", text, count=1)
    if (boxed := _BOLD_VENUE_TAG.match(untagged)) and (rest := _bold_name_then_title(
            untagged[boxed.end():]) or bullet_fields(untagged[boxed.end():])):
        return replace(rest, venue=rest.venue or boxed.group(1).strip(),
                       year=rest.year or int(boxed.group(2)))
    if (dated := _YEAR_VENUE_DASH.match(untagged)) and (rest := bullet_fields(
            untagged[dated.end():])):
        # `2023-WACV - Title. [[Paper]](…)`: the year and the venue, then the entry
        return replace(rest, venue=rest.venue or dated.group(2), year=int(dated.group(1)))
    if (opening := venue_link(untagged)) and (rest := bullet_fields(untagged[opening.end:])):
        # `[[ICLR](url)] Title [[code](…)]`: the venue's link is the paper's
        found = find_links(untagged)
        title = without_stop(_CODE_TAGS_END.sub("", rest.title))
        return replace(rest, title=title, venue=opening.venue,
                       year=rest.year or opening.year, links=_links(found, found[0][0]))
    special = _tagged(untagged) if untagged.lstrip().startswith("[") else None
    # `Title | **[CVPR' 20]** |[pdf](…)`: a space on one side of a bar will do
    if special is None and len(_FIELD_SEP.findall(text)) >= 2:
        special = _separated(text)
    if special is not None:
        return special
    if (marks := lead_marks(text)) is not None and (rest := bullet_fields(text[marks.end:])):
        return replace(rest, name=marks.name or rest.name, venue=rest.venue or marks.venue,
                       year=rest.year or marks.year)
    symbols = _symbols_end(text)
    return bullet_fields(text[symbols:]) if symbols else None


# The year and the venue before the title, a dash after them: `2023-WACV - Title.`
_YEAR_VENUE_DASH = re.compile(r"\s*((?:19|20)\d\d)-([A-Za-z][\w&]{1,20})\s+[-–—]\s+(?=\S)")
# Tags in code after a title, in brackets, and emoji: `Title. [**`bnn`**] [**`nlp`**]`,
# `Title. [__`cls.`__] :star:`.
_CODE_TAGS_END = re.compile(
    r"(?:\s*(?:\[(?:\s*[*_]*`[^`\[\]]+`[*_]*)+\s*\]|:[a-z0-9_+\-]+:?))+$")
# `**[ICLR, 2024]**`, `**[Arxiv, 2024.09]**`, `**[ICML, 2021 oral]**` before the title
# (ChaofanTao's autoregressive-models survey): the venue and its year, no name.
_BOLD_VENUE_TAG = re.compile(r"\s*\*\*\[([A-Za-z][\w\- ]{0,30}?),\s*((?:19|20)\d\d)(?:\.\d{1,2})?"
                             r"(?:\s+[A-Za-z][\w ]{0,20})?\]\*\*\s*")


def _bold_name_then_title(text: str) -> Fields | None:
    """`**MAGVIT-v2** Language Model Beats Diffusion [Paper](…)`, `**PixelSNAIL:** An
    Improved …`: a short bold name, then the title up to the links; None for any other text
    (a bold title alone, or one an author credit follows: `**Title**, Xu et al.`)."""
    bold = _BOLD.match(text)
    if bold is None:
        return None
    name = clean(bold.group(1)).rstrip(":： ")
    found = find_links(text)
    end = found[0][0] if found and found[0][0] >= bold.end() else len(text)
    title = clean(text[bold.end():end].strip(" :：-–—,"))
    if not name or len(name.split()) > _NAME_WORDS or len(title.split()) < 2 \
            or _names_authors(title):
        return None
    return Fields(title, name, None, None, None, _links(found, None))


def _symbols_end(text: str) -> int:
    """Where the pictographic marks an entry opens with end (`✨ [Title](…)`, `🌟 **Title**`:
    the maintainers' highlight of a paper), 0 where it opens otherwise. Read as text, the mark
    was the title, and an entry titled `✨` alone was no entry at all. A symbol before code
    (`⬜ `XVOS``) is a kind's tag, as its shortcode (`:blue_square: `SVOS``) is: no name, left
    to the readers that know such tags."""
    at = 0
    while at < len(text) and (is_pictograph(text[at], at > 0) or (at and text[at] in " \t")):
        at += 1
    return at if text[at:].strip() and not text.startswith("`", at) else 0


def _venue_first(text: str) -> Fields | None:
    """`(TPAMI 2023) **Title**, Zhan et al.`: the venue first, then an entry of its own kind."""
    lead_venue = _LEAD_VENUE.match(text)
    if lead_venue is None:
        return None
    label = _lead_label(lead_venue.group(1).strip(" *_"))  # `(*arXiv 2025.02*)`, emphasised
    if not (label and label[0]) and text.startswith("**", lead_venue.end()) \
            and len(lead_venue.group(1).split()) <= MAX_VENUE_WORDS:
        label = clean(lead_venue.group(1)), None  # `(Multimedia Tools and Applications)`
    rest = bullet_fields(text[lead_venue.end():]) if label and label[0] else None
    return replace(rest, venue=label[0], year=label[1] or rest.year) if label and rest else None


def _lead_label(inner: str) -> tuple[str | None, int | None] | None:
    """The venue and year of a venue in parentheses before the title: `CVPR 2023`, a preprint's
    day (`Arxiv 24.06.12`), or where it was published since (`Arxiv 24.02.23->CVPR24`,
    `Arxiv 24.03.05, ICML24`): the last one named."""
    for piece in reversed(_LATER.split(inner)):
        label = venue_label(piece)
        if label is not None and label[0]:
            return label
        if day := _DAY_LABEL.fullmatch(piece.strip()):
            return day.group(1), 2000 + int(day.group(2))
    return None


_LATER = re.compile(r"\s*(?:->|→|,)\s*")
_DAY_LABEL = re.compile(r"([A-Za-z][\w\-]{1,20})\s+(\d\d)\.(?:0[1-9]|1[0-2])\.[0-3]\d")


def _credit(text: str, start: int) -> tuple[int, tuple[str, ...]] | None:
    """Where the entry after a credit of its authors starts, and their names: `Chen, Dave, et
    al. **Title**`, or every author and a full stop, `Yang, Zhengyuan. **Title**`."""
    if credit := _CREDIT_BEFORE_BOLD.match(text, start):
        return credit.end(), author_names(credit.group(1))
    if (credit := _NAMES_BEFORE_BOLD.match(text, start)) and (
            names := credited_names(credit.group(1))):
        return credit.end(), names
    return None


def _plain_fields(text: str, credited: bool = False) -> Fields | None:
    """An entry read from its name, the text before its links (title, venue, year), and its
    links: the title may be the first link's label, a bold name of many words (of any words
    after a credit of its authors, `Yang, Zhengyuan. **SAT**. ICCV 2021`), or the head."""
    found = find_links(text)
    name, start = _leading_name(text)
    if (credit := _credit(text, start)) and (rest := _plain_fields(text[credit[0]:], True)):
        # `**ScanRefer**: Chen, Dave, et al. **Title**. ECCV 2020`: the credit, then the entry
        return replace(rest, name=name or rest.name, authors=rest.authors or credit[1])
    if name and not credited and _BOLD.match(text, start) and not text.startswith("**[", start) \
            and (rest := _plain_fields(text[start:], True)):
        # `<u>T5</u>: **"Title"**. *Colin Raffel et al.* JMLR 2019.`: the name, then the entry
        return replace(rest, name=name)
    after = [f for f in found if f[0] >= start]
    linked = _linked_names(text, start, after) if name else 0
    after = after[linked:]
    end = after[0][0] if after else len(text)
    image = end > start and text[end - 1] == "!" and text.startswith("[", end)
    end -= 1 if image else 0  # `![](badge)`: the image's mark is no part of the head
    end -= 1 if end > start and text[end - 1] == "[" else 0
    # After a bold part, a line break (`**Title.**<br>⏎SIGGRAPH 2019.`) is no part of the head.
    head = _BREAK_OPENS.sub("", text[start:end]).lstrip(" \t-–—:：|") if name \
        else text[start:end]
    head = _FIELD_SEP_END.sub("", head)  # `Title | [pdf](…)`: the bar ends the title's field
    title_at = None
    authors: tuple[str, ...] = ()
    lead = leading_venue(head)
    cited = _CITED_HEAD.fullmatch(head)  # `A, B, and C. 2002. [Title](…). In *ACL*.`
    cited_names = author_names(cited.group("names")) if cited else ()
    if (lead or cited_names or not clean(head).strip(QUOTES + ". ")) and after and not image \
            and is_title_label(after[0][2]):
        title_at = after[0][0]
        following = after[1][0] if len(after) > 1 else len(text)
        # A badge's outer bracket and image mark (`[![stars](…)](…)`) are no part of the meta.
        following = len(text[:following].rstrip("!["))
        affiliation, meta = take_affiliation(text[after[0][1]:following])
        authors, meta = names_after_title(meta)
        venue, year, plain = read_meta(meta)
        venue = venue if year else None  # after a linked title, text without a year is prose
        if lead and venue is None:
            venue, year = lead
        if cited and cited_names:
            authors, year = authors or cited_names, year or int(cited.group("year"))
        title, affiliation = clean(after[0][2]), affiliation or plain
    elif name and (credited or linked or len(name.split()) >= 4 or name[:1] in QUOTES
                   or _ONLY_VENUE.fullmatch(clean(head).strip(" .,;:"))
                   or _emphasised_credit(head)[1] != head) \
            and head[:1] not in QUOTES:
        # A bold title (its quotes the list's marks, `**"Title"**`), then only venue and links,
        # or the authors in emphasis before them: `. *Katherine Lee et al*. ACL 2022.`
        title, name = name.strip(QUOTES), None
        named = unlinked_names(head)  # the authors' own pages linked from their names
        authors, meta = _emphasised_credit(named)
        if not authors and meta == named:
            authors, meta = _emphasised_names_within(meta)
        venue, year, affiliation = read_meta(meta)
    else:
        authors, head = leading_authors(head)
        title, venue, year, affiliation = parse_head(head)
        title = _title_after_marks(text, head, after) or title
    if name and (not title or _names_authors(title)):
        title, name = name, None  # `**Deep Learning**, Akkus et al.`: the bold part is the title
    if name is None:
        tail = _TAIL_NAME.search(text, end)
        name = clean(tail.group(1)) if tail else None
    links = _links(found, title_at)
    label_venue, label_year = _label_venue(links)
    if len(title) < 2 or not _LETTER.search(title):
        return None
    return Fields(title, name, venue or label_venue, year or label_year, affiliation, links,
                  authors)


# A citation's authors and year before its linked title, as ACL's anthology writes them:
# `Kishore Papineni, Salim Roukos, and Wei-Jing Zhu. 2002. [Title](…)`.
_CITED_HEAD = re.compile(
    r"\s*(?P<names>[^\[\]()*_`\d]{2,600}?)\.\s+\(?(?P<year>(?:19|20)\d\d)\)?\.\s*")
_EMPHASIS_OPENS = re.compile(rf"[\s.,;:]*(?:{BREAK}\s*)?(\*{{1,2}}|_{{1,2}})")


def _linked_names(text: str, start: int, found: Sequence[tuple[int, int, str, str]]) -> int:
    """How many of the links `found` from `start` on link the authors' names, in the emphasised
    author list that follows a bold title: `**Title.**<br> *[Ben Mildenhall](…), Pratul
    Srinivasan.*<br> ECCV 2020. [[PDF](…)]` (weihaox/awesome-neural-rendering); 0 for any
    other text. Their pages are no links of the paper's, and the list's end is not the title's
    meta's."""
    opens = _EMPHASIS_OPENS.match(text, start)
    if opens is None:
        return 0
    count = 0
    while count < len(found) and one_person(found[count][2]) \
            and opens.group(1) not in text[opens.end():found[count][0]].replace("\\*", ""):
        count += 1
    return count if count and opens.group(1) in text[found[count - 1][1]:] else 0


def _title_after_marks(text: str, head: str, after: list[tuple[int, int, str, str]]) -> str:
    """``:blue_square: `SVOS` - [paper](u) / [code](u) - Title``: only marks before the links,
    the title after them (not `/ code`); "" for any other entry."""
    if not after or not _MARKS.search(head) or re.search(r"\w", _MARKS.sub(" ", head)):
        return ""
    pieces = _SEPARATED.split(_MARKS.sub(" - ", text[after[-1][1]:]))
    return clean(max(pieces, key=len)).strip(" -–—|/:")


_TAG_FIRST = re.compile(r"\[([^\[\]]{2,30})\](?!\()")
_EMPHASISED_END = re.compile(r"[*_]+([^*_]+)[*_]+\s*[.,;]?\s*$")
# The authors emphasised first, the venue after them: `*A, B, C.* ICML'25`.
_EMPHASISED_START = re.compile(r"^([*_]{1,2})((?:[^*_\\]|\\.)+)\1\s*[.,;]?\s*(.*)$", re.DOTALL)


def author_line(lines: Sequence[str]) -> int | None:
    """Which of an entry's lines below its first names two authors or more and nothing else but
    links (`  Bilal Kabas, Fuat Arslan, Tolga Çukur` between a title line and a links line,
    `*A, B, C* \\` between a title and a venue line); None when none does."""
    for at, line in enumerate(lines):
        text = unlinked_names(line)
        names = line_names(text)
        # A person is named by two words or more (`Amazon, India` is a place of work), and
        # by few acronyms (`Kranthi Kiran GV` among 33 others; `UIUC, Amazon` are places).
        # One name is a credit only when the line sets it apart as the list's others are:
        # `*Calvin Luo* \`.
        acronyms = sum(bool(_ACRONYM.search(n)) for n in names)
        several = len(names) >= 2 or bool(names and _EMPHASISED_LINE.fullmatch(text.strip()))
        if several and all(" " in n for n in names) and 2 * acronyms < len(names) \
                and not _ORGANISATIONS.search(text):
            return at
    return None


def with_author_line(fields: Fields, lines: Sequence[str]) -> Fields:
    """The fields with the authors of the entry's author line (author_line), where the entry
    credits no authors yet."""
    at = None if fields.authors else author_line(lines)
    if at is None:
        return fields
    return replace(fields, authors=line_names(unlinked_names(lines[at])))


# Words of an affiliation line, whose pieces read as names too (`Peking University, Microsoft
# Research`): such a line is no author list.
_ORGANISATIONS = re.compile(r"(?i)\b(?:universit\w*|univ\.|institut\w*|laborator\w*|labs?|"
                            r"research|academy|college|school|inc|corporation|company|"
                            r"technolog\w*|hospital|department|cent(?:er|re)|group)\b")
_EMPHASISED_LINE = re.compile(r"([*_]{1,2})[^*_]+\1\s*(?:\\|<br\s*/?>)?")
# An organisation's acronym (`IIT Kharagpur, UIUC, Amazon`, `Google AI`): no part of a name.
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_PIECES = re.compile(r"[,;]")
_SENTENCE = re.compile(r"\w[.!?]\s+\w")  # a full stop inside: a description's sentences
# The words an institution's name writes in lower case (`University of Science and
# Technology`, `Goa campus`); a piece with two other such words is prose (`use the dataset`).
_CONNECTORS = frozenset({"of", "and", "for", "the", "at", "in", "on", "de", "la", "di", "et",
                         "und", "für", "&"})
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][\w-]*")


_CREDIT_END = re.compile(ET_AL + r"\W*$")
_BREAK_FIRST = re.compile(rf"^[\s.,;:]*(?:{BREAK}\s*)?")  # `**Title.**<br>⏎*A*`
_ET_AL_AFTER = re.compile(ET_AL + r"[\s.,;]*")  # `*Linting Xue* et al. NAACL 2021`


def _emphasised_credit(text: str) -> tuple[tuple[str, ...], str]:
    """The authors a text after a title opens with in emphasis, and the rest: `. *Ada Lovelace,
    Bob Zed*. ACL 2022.` gives (("Ada Lovelace", "Bob Zed"), `. ACL 2022.`); a credit `. *Lee et
    al*. ACL 2022.` no names and the rest; ((), text) when no emphasis opens it."""
    first = _EMPHASISED_START.match(_BREAK_FIRST.sub("", text))
    if first is None:
        return (), text
    if _CREDIT_END.search(first.group(2)):
        # A credit (`*Katherine Lee et al*`) is no author list: the first author's name is
        # the credit's slot (templates), in the form the list credits everyone.
        return (), first.group(3)
    if after := _ET_AL_AFTER.match(first.group(3)):
        return (), first.group(3)[after.end():]  # the credit's `et al` after the emphasis
    # Two names at least: one is no evidence (`**Visual Autoregressive Modeling:**` is a name).
    names = author_names(_TRAILER_MARKS.sub("", first.group(2)))
    if len(names) >= 2:
        return names, first.group(3)
    # A single author in light emphasis before the year (`*OpenAI*. arXiv 2023.`, `*NLLB
    # Team.* arXiv 2022`): no names to read, but no part of the venue either.
    single = len(first.group(1)) == 1 and read_meta(first.group(3))[1] is not None
    return ((), first.group(3)) if single else ((), text)


_LATER_EMPHASIS = re.compile(r"(?<=\s)([*_]{1,2})((?:[^*_\\]|\\.)+)\1")


def _emphasised_names_within(text: str) -> tuple[tuple[str, ...], str]:
    """The authors a text after a title names in emphasis after its venue, and the rest:
    `Machine Intelligence Research.⏎*Tianxiang Sun, Xipeng Qiu*` (thunlp/PromptPapers: the
    venue on the title's line, the authors under it); ((), text) where no emphasis in it names
    two authors or more."""
    found = _LATER_EMPHASIS.search(text)
    names = author_names(_TRAILER_MARKS.sub("", found.group(2))) if found else ()
    if found is None or len(names) < 2:
        return (), text
    return names, text[:found.start()] + text[found.end():]


def _credit_and_venue(detail: str) -> tuple[tuple[str, ...], str]:
    """A nested line's author names and the text that may say their venue: `*A, B.* ICML'25`
    (the authors emphasised, the venue after them), `A, B, and C. *CVPR 2016*` (the venue
    emphasised after them), or a tag that opens a line of no authors, `[ICCV2021] https://…`."""
    first = _EMPHASISED_START.match(detail)
    names = author_names(_TRAILER_MARKS.sub("", first.group(2))) if first else ()
    if names and first:
        return names, first.group(3)
    ending = _EMPHASISED_END.search(detail)
    names = author_names(_TRAILER_MARKS.sub("", detail[: ending.start()] if ending else detail))
    tagged = ending if names else _TAG_FIRST.match(detail)
    return names, tagged.group(1) if tagged else ""


def with_details(fields: Fields, details: list[str]) -> Fields:
    """The fields with what the entry's nested lines add: `A, B, and C. *CVPR 2016*` or `*A, B,
    C.* ICML'25` gives the authors, and, like a line `[ICCV2021] https://…`, the venue and
    year where the entry's own line has none; a line of institutions, the affiliation."""
    authors, venue, year = fields.authors, fields.venue, fields.year
    affiliation = fields.affiliation
    for detail in (d.strip() for d in details):
        # Institutions read as names too (`Kyoto University, RIKEN`): they are no credit.
        if place := institutions_line(detail):
            affiliation = affiliation or place
            continue
        names, said = _credit_and_venue(detail)
        authors = authors or names
        label = venue_label(clean(said)) if said else None
        if label is not None and label[0] and not (venue or year):
            venue, year = label
    return replace(fields, authors=authors, venue=venue, year=year, affiliation=affiliation)


def institutions_line(line: str) -> str | None:
    """The text of a line that names institutions and nothing else (`Peking University, Peng
    Cheng Laboratory, UC Berkeley`), as a list writes its authors' affiliations under their
    names; None for any other line. Half its pieces at least name an organisation (by a word of one,
    or an acronym: `KU Leuven`) and one at least by a word: `SAM, 2D` describes a method."""
    if without_links(line) != line or _SENTENCE.search(line):
        return None
    text = clean(line)
    pieces = [p for p in _PIECES.split(text) if p.strip()]
    named = sum(bool(_ORGANISATIONS.search(p) or _ACRONYM.search(p)) for p in pieces)
    if not pieces or 2 * named < len(pieces) or not _ORGANISATIONS.search(text):
        return None
    prose = any(len([w for w in _LOWER_WORD.findall(p) if w not in _CONNECTORS]) > 1
                for p in pieces)
    return None if prose else text
