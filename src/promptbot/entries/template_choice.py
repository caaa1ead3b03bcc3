"""A section's templates (its own entries, else the list's), and the one to write a paper with.

Every entry of the section is abstracted into a template. A paper is written with the exemplar
that needs no value the paper lacks, shows the paper's kind of venue (a preprint like a
preprint), and looks like most of the section: the skeletons are voted, entries at the ends of
the section (where new ones go) weighing more.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from promptbot.catalog import outline
from promptbot.catalog.links import SHORTCODE
from promptbot.catalog.venue_links import COUNT
from promptbot.entries import html_row_template, spacing
from promptbot.entries.anchor_ids import numbered_anchors
from promptbot.entries.author_initials import SPACED, credit_vote, initials_form, pair_vote
from promptbot.entries.framework_labels import with_neutral_code_labels
from promptbot.entries.lead_symbols import without_rare_symbols
from promptbot.entries.link_forms import voted_links
from promptbot.entries.own_files import OPEN_DESTINATION, without_own_files
from promptbot.entries.table_rows import (
    DELIMITER_ROW,
    PLACEHOLDERS,
    WORD,
    cells,
    column_votes,
    most_voted,
    says_nothing,
    table_delimiter_line,
)
from promptbot.entries.template_dates import month_spellings
from promptbot.entries.template_fill import Values, code_host
from promptbot.entries.template_model import Part, Slot, Template
from promptbot.entries.templates import LINK_WORDS, abstract
from promptbot.entries.title_stops import MIN_VOTES, with_title_stops
from promptbot.entries.value_cells import varying_columns, with_value_cells
from promptbot.entries.venue_column import venue_column, with_venue_cell
from promptbot.entries.venue_tags import NO_TAGS, VenueTags, tag_words, venue_tags
from promptbot.models import Catalog, Entry, Section

RECENCY = 0.85  # an entry's weight relative to its neighbour nearer the section's end
_MAX_EXEMPLARS = 40
_NUMBER = re.compile(r"^\s*(?:(\d{1,4})[.)]\s|(?:\*\*)?\[(\d{1,3})\])")  # `3. `, `[14]`


@dataclass(frozen=True)
class SectionTemplates:
    """What a section teaches about writing an entry."""

    templates: tuple[Template, ...]  # in file order
    weights: tuple[float, ...]
    context: str = ""  # lines a lone entry needs to render as it does here (a table's header)
    next_number: int | None = None  # for numbered lists: the number a new last item takes
    blank_between: bool = False  # entries are apart by a blank line (spacing.kept_apart)
    placeholders: tuple[str, ...] = ()  # table: what each column says when it has no value
    structures: frozenset[tuple[str, ...]] = frozenset()  # filled in by the render check
    # HTML table rows: per column, the cell texts rows share (the list's markup, not a value).
    column_values: tuple[frozenset[str], ...] = ()
    months: tuple[str, ...] = ()  # how the list spells each month in dates (template_dates)
    initials: str = SPACED  # how the list writes several initials in a credit (author_initials)
    credits: str = ""  # how it names a first author in a credit (author_initials.credit_vote)
    pairs: str = ""  # how it joins two authors credited by name (author_initials.pair_vote)
    # HTML table rows: per column, the star badge of the row's own repository as the list
    # writes it (html_row_template.star_badges), None for a column of something else.
    badges: tuple[Template | None, ...] = ()
    # The list's tags for a preprint (`[arXiv]`) and a published paper (`[**CVPR'26**]`), where
    # it tags each kind its own way (venue_tags).
    tags: VenueTags = NO_TAGS

    @property
    def shows_venue(self) -> bool:
        """Whether some of the section's entries show a venue (then one without is no model)."""
        return any(t.venue_is_arxiv is not None for t in self.templates)

    def typicality(self, template: Template) -> float:
        """The weighted share of the section's entries with this template's look (its skeleton
        whether or not it links code: a paper with code is written like the entries that link
        theirs, however few had code to link), and a tenth of the share with its very skeleton
        (between looks alike, the one most entries have: the code's stars badge with its link,
        `] [` or `][` before it), less a twentieth of the share with its skeleton but another
        text (among entries of one skeleton, the spelling most have: `[[Paper](…)]`, not the
        newest entry's `[[paper](…)]`; a skeleton all of whose entries agree loses nothing)."""
        total = sum(self.weights) or 1.0
        look, form, text = template.look, template.form, template.text
        return sum(w * (float(t.look == look) + SAME_SKELETON * (t.form == form)
                        - SAME_TEXT * (t.form == form and t.text != text))
                   for t, w in zip(self.templates, self.weights, strict=True)) / total


def induce(catalog: Catalog, section: Section) -> SectionTemplates | None:
    """The section's templates, from its own entries or else from the whole list's."""
    own = _templates(section.entries)
    # Borrowed entries must fit where the new one goes: a table row only under a table.
    table = table_delimiter_line(catalog, section) is not None
    borrowed = [] if _link_papers(own) else _templates(
        [e for e in catalog.entries if (e.kind == "table") == table and e.kind != "html"])
    if own and _link_papers(borrowed):
        own = []  # a section of projects (`[EasyR1 💻](github…)`): no model for a paper's entry
    habits = _list_wide(catalog)
    listed = habits.listed
    linking = _code_looks(own, listed)
    pool = [*linking, *own] if linking else (own or borrowed)
    if not html_row_template.is_html([e for _, e in pool]):
        # A row of an HTML table goes only among its own rows, never after a bullet.
        pool = [(t, e) for t, e in pool if e.kind != "html"]
    if not pool:
        return None
    sample = [*listed, *(t for t, _ in pool)]
    constant = constant_words(sample)
    # A preprint's tag and a published paper's each have their list's words (`-red`, `-blue`).
    constants: dict[bool | None, frozenset[str]] = {
        kind: constant | tag_words(sample, kind) for kind in (True, False)}
    rows = html_row_template.is_html([e for _, e in pool])
    context = (html_row_template.html_context(catalog, pool[-1][1]) if rows
               else _table_context(catalog, pool[-1][1]))
    column = None if rows else venue_column(context)
    varying = () if rows else varying_columns(_column_sample([e for _, e in pool],
                                                             catalog.entries))
    pool = [(with_value_cells(with_venue_cell(seal(
        without_own_files(t), constants.get(t.venue_is_arxiv, constant)), column), varying), e)
        for t, e in pool]
    weights = _recency(catalog, section, len(pool) - len(linking), bool(own))
    if linking:
        # Together as much as the section's own entries: its look wins unless the paper has
        # code to show, which the section's own entries cannot show.
        weights = (*(sum(weights) / len(linking),) * len(linking), *weights)
    entries = section.entries or catalog.entries
    # A section of a few titles cannot tell the list's full stop: the list's titles do.
    voters = section.entries if len(section.entries) >= MIN_VOTES else catalog.entries
    return SectionTemplates(
        templates=voted_links(numbered_anchors(with_title_stops(without_rare_symbols(
            with_neutral_code_labels([t for t, _ in pool], listed), weights), voters), entries,
            catalog.entries), weights),
        weights=weights,
        context=context,
        next_number=next_number(entries, listed=catalog.entries),
        blank_between=spacing.kept_apart(catalog, entries),
        placeholders=_column_marks(entries, catalog.entries, rows),
        column_values=html_row_template.column_values(ends(entries)) if rows else (),
        badges=html_row_template.star_badges(ends(entries), catalog.entries) if rows else (),
        months=habits.months,
        initials=habits.initials,
        credits=habits.credits,
        pairs=habits.pairs,
        tags=venue_tags([*listed, *(t for t, _ in pool)]),
    )


_PLACEHOLDER_MAX = 20
_FEW = 3  # a section of fewer entries says little about whether the list links code


def _code_looks(own: Sequence[tuple[Template, Entry]], listed: Sequence[Template]
                ) -> list[tuple[Template, Entry]]:
    """Where a section of a few entries never links code, the list's entries elsewhere that
    look like them up to their paper link and link code after it (as (template, entry) pairs
    the way _templates gives them): the few entries had no code to link, or wrote a
    placeholder (`[code]`), and a maintainer adding a paper with code links it as the list does
    everywhere else. A section of more entries without code links is a habit (surveys)."""
    if not own or len(own) >= _FEW or any(t.kinds & {"code", "repo"} for t, _ in own):
        return []
    leads = {_lead(t) for t, _ in own} - {None}
    return [(t, own[-1][1]) for t in listed
            if t.kinds & {"code", "repo"} and _lead(t) in leads]


def _lead(template: Template) -> str | None:
    """The skeleton of a template up to its paper link (None without one)."""
    key = template.key
    return key[:key.index("{paper}")] if "{paper}" in key else None


def _link_papers(pool: Sequence[tuple[Template, Entry]]) -> bool:
    """Whether some of these entries link their paper (a slot a new paper's link fills)."""
    return any("paper" in t.kinds for t, _ in pool)


class _ListWide(NamedTuple):
    """What every section's templates learn from the whole list."""

    months: tuple[str, ...]  # its month spellings
    # A sample of its entries as templates, to tell its markup words from values and to learn
    # its venue tags from: a habit of the whole list, such as `[arXiv]` or its badge
    # `img.shields.io/badge/…`, must outweigh the few entries of one section written otherwise.
    listed: tuple[Template, ...]
    initials: str  # how it writes several initials in a credit
    credits: str  # how it names a first author in a credit (`Bin Xia et al.` cannot tell)
    pairs: str  # how it joins two authors credited by name, "" where it writes `et al.`


@lru_cache(maxsize=2)
def _list_wide(catalog: Catalog) -> _ListWide:
    """What every section's templates learn from the whole list, computed once per list."""
    every = catalog.entries
    sample = every[:: max(1, len(every) // _SAMPLE)]
    return _ListWide(month_spellings(e.raw for e in every),
                     tuple(t for e in sample if (t := abstract(e)) is not None),
                     initials_form(e.raw for e in every), credit_vote(e.raw for e in every),
                     pair_vote(e.raw for e in every))


def _column_sample(entries: Sequence[Entry], every: Sequence[Entry]) -> list[Entry]:
    """The table rows that tell which columns vary: the list's rows of as many cells as the
    section's last (three rows of `T2I` in a section cannot tell; the list's `T2V` rows can)."""
    own = [e for e in entries if e.kind == "table"]
    width = len(cells(own[-1].raw)) if own else 0
    return [e for e in every if e.kind == "table" and len(cells(e.raw)) == width] if own else []


def _placeholders(entries: Sequence[Entry], empty: bool = False) -> tuple[str, ...]:
    """Per column, the short text rows put where they have no link (`None`, `-`), by vote of two
    rows at least; with `empty` (a section's own rows), an empty cell votes too and one row's
    mark is enough: the one row of a table that lacks its code says `-` where the others show a
    link, and a new row without code says so too, unless most such rows leave the cell empty."""
    rows = (cells(e.raw) for e in entries if e.kind == "table")
    votes = column_votes(rows, lambda text: (bool(text) or empty) and "](" not in text
                         and "http" not in text and len(text) <= _PLACEHOLDER_MAX
                         and says_nothing(text))
    if not empty:
        return most_voted(votes)
    return tuple(next((t for t, _ in v.most_common(1)), "") for v in votes)


def _recency(catalog: Catalog, section: Section, n: int, own: bool) -> tuple[float, ...]:
    """Each exemplar's weight: entries nearer the end where the list adds papers weigh more (the
    top of a newest-first section, else the bottom), as lists change their habits over time;
    borrowed entries weigh by nearness to either end."""
    if not own:
        return tuple(RECENCY ** min(i, n - 1 - i) for i in range(n))
    if outline.newest_first(catalog, section):
        return tuple(RECENCY ** i for i in range(n))
    return tuple(RECENCY ** (n - 1 - i) for i in range(n))


def _column_marks(entries: Sequence[Entry], every: Sequence[Entry], rows: bool) -> tuple[str, ...]:
    """Per column, what the section writes where it has no value; where the section never lacks
    one (every row has its illustration), what the list's other rows of as many columns write
    there: a cell the bot cannot fill then says "nothing" the list's way, not an empty cell."""
    if rows:
        return html_row_template.column_marks(ends(entries), every)
    own = _placeholders(ends(entries), empty=True)
    if all(own):
        return own
    alike = [e for e in every if e.kind == "table" and len(cells(e.raw)) == len(own)]
    listwide = _placeholders(alike) if alike else ()
    return tuple(mark or (listwide[i] if i < len(listwide) else "")
                 for i, mark in enumerate(own))


_SAMPLE = 120  # entries of the whole list read to tell its markup words from its values
_CONSTANT_SHARE = 0.4
_CONSTANT_TARGET_SHARE = 0.6
# A short name of letters and digits (`T0`, `T5`, `GPT4`) or a list's own number of a paper
# (`[2022_009]`) has no word of two letters to be constant by: it is a value unless the list
# writes it as often as its markup words.
_CODED = (r"(?<![\w\"=#%./\-])(?:[^\W\d_]{1,3}\d+|\d+(?:_\d+)+)(?![\w\"%])")
# A count glued to its unit (`260k sft`, `9.3k observation-action pairs`) is one value: its
# number must go with its words, never stay behind as the list's own text; so is a year glued
# to a word no slot reads (`[[CVRP2020 Oral]]`, a venue misspelt): a new entry said `[[2020 ]]`.
# A number, a citation's volume and issue (`521.7553`) or its pages (`436-444`).
_VALUE_NUMBER = r"\d+(?:\.\d+)*(?:[-–]\d+)?"
_WORD_RUN = re.compile(
    _CODED + r"|(?:(?<![\w\"=#%.])\d+(?:\.\d+)?)?[^\W\d_]+(?:[ ,.&'’\-]+[^\W\d_]+)*"
    rf"(?:\d+(?![\w\"%]))?|(?<![\w\"=#%.]){_VALUE_NUMBER}(?![\w\"%])")
_CODED_WORD = re.compile(_CODED)
# A number, or a count of stars (`[5.8k:star:]`, catalog's COUNT): another paper's value.
_NUMBER_RUN = re.compile(rf"{_VALUE_NUMBER}|{COUNT.pattern}")
_IN_TAG = re.compile(r"<[^<>]*$")
_LINK_TARGET = re.compile(r"\]\(([^()\s]+)\)")


def constant_words(templates: Sequence[Template]) -> frozenset[str]:
    """Words the list writes around its values (`Paper`, `Code`, `Star`), not values: found in
    the literal text of 40% of the entries at least; and link destinations (as `](url)`) on
    60% of them."""
    counts: Counter[str] = Counter()
    targets: Counter[str] = Counter()
    for template in templates:
        literal = [part for part in template.parts if isinstance(part, str)]
        counts.update({w.casefold() for part in literal for w in (
            *WORD.findall(part), *_CODED_WORD.findall(part))})
        # Whole link destinations too: a badge (nearly) every entry shows
        # (`badge/arXiv-b31b1b.svg`) is the list's; one that differs between entries
        # (`badge/CoOp-blue`, a task tag `badge/Image_Classification-green` on 42% of them) is
        # a value, however common its words.
        targets.update({f"]({url})" for part in literal for url in _LINK_TARGET.findall(part)})
    least = max(2.0, _CONSTANT_SHARE * len(templates))
    most = max(2.0, _CONSTANT_TARGET_SHARE * len(templates))
    return frozenset([*(w for w, c in counts.items() if c >= least),
                      *(t for t, c in targets.items() if c >= most)]) | PLACEHOLDERS


def seal(template: Template, constant: frozenset[str]) -> Template:
    """The template with the exemplar's own words (an affiliation line, a remark, a name the
    slots missed) turned into slots: a new entry must never repeat another paper's values."""
    parts: list[Part] = []
    in_tag = False  # the part starts inside an HTML tag opened before a slot (`src="{url}" alt=`)
    for part in template.parts:
        if isinstance(part, Slot):
            parts.append(part)
            continue
        at = 0
        for match in _WORD_RUN.finditer(part):
            if match.start() < at:
                continue  # inside a link's destination already made a slot
            coded = _CODED_WORD.fullmatch(match.group())
            words = {match.group().casefold()} if coded else {
                w.casefold() for w in WORD.findall(match.group())}
            target = _destination(part, match.start())
            # A destination that differs between entries is a value, whatever its words.
            varies = target is not None and f"]({part[target[0]:target[1]]})" not in constant
            if (not varies and words <= constant and not _NUMBER_RUN.fullmatch(match.group())) \
                    or _in_tag(part, match.start(), in_tag) \
                    or _in_label(part, match.start(), match.end(), constant) \
                    or _KEY.match(part, match.start()):
                continue  # the list's own words, an HTML attribute, a link's label or key
            if destination := _destination(part, match.start()) or _shortcode(part, match):
                # The exemplar's own file (`./images/bib_mme.txt`): the whole link goes when the
                # slot is dropped; dropping its words alone would leave a link to `.//_`.
                parts.append(part[at:destination[0]])
                parts.append(Slot("other", original=part[destination[0]:destination[1]]))
                at = destination[1]
                continue
            parts.append(part[at:match.start()])
            line_alone = _alone_on_line(part, match.start(), match.end()) \
                and _names_a_place(match.group())
            parts.append(Slot("affiliation" if line_alone else "other", original=match.group()))
            at = match.end()
        parts.append(part[at:])
        in_tag = _in_tag(part, len(part), in_tag)
    return replace(template, parts=tuple(p for p in parts if p != ""))


def _destination(text: str, at: int) -> tuple[int, int] | None:
    """The span of the link destination (`](./images/x.txt)`) that `text[at]` is in, if it is."""
    opened = OPEN_DESTINATION.search(text, 0, at)
    if opened is None:
        return None
    close = re.search(r"[)\s>]", text[at:])
    return None if close is None else (opened.start(1), at + close.start())


_SHORTCODE = re.compile(SHORTCODE)


def _shortcode(text: str, word: re.Match[str]) -> tuple[int, int] | None:
    """The emoji shortcode (`:red_square:`) the word is in: it goes whole, where dropping the
    word alone would leave `:_square:`."""
    for found in _SHORTCODE.finditer(text, max(0, word.start() - 40)):
        if found.start() > word.start():
            return None
        if found.end() >= word.end():
            return found.span()
    return None


def _in_tag(text: str, end: int, opened: bool) -> bool:
    """Whether `text[:end]` ends inside an HTML tag; `opened`: the text starts inside one."""
    return bool(_IN_TAG.search(text, 0, end)) or (opened and ">" not in text[:end])


def _in_label(text: str, start: int, end: int, constant: frozenset[str]) -> bool:
    """Whether the words at `start:end` are inside a link's label that names the link in the
    list's words (`[Code (in construction)](`): no value of the exemplar's paper. A label in
    none of the list's words (`([Luma AI](…))`, one product's maker) is the exemplar's own."""
    after = text[end:]
    close, opening = after.find("]("), after.find("[")
    if close < 0 or (opening >= 0 and opening < close):
        return False
    begin = text.rfind("[", 0, start)
    label = text[begin + 1:end + close] if begin >= 0 else ""
    named = [w.casefold() for w in WORD.findall(_ADDRESS.sub(" ", label))]  # a badge: its alt
    # A long label is no link's kind but a text of the exemplar's own: another paper's title
    # (a day's group of papers, `- Paper: [CIVIC: End-to-End Sequence …](…)`), however common
    # its words (`for`, `Models`) are.
    return begin < 0 or (len(named) <= _KIND_WORDS and any(
        w in constant or w in _LINK_NAMES for w in named))


_ADDRESS = re.compile(r"\]\([^()]*\)|https?://[^\s()\[\]]*")  # an image's address, a URL
_KIND_WORDS = 4  # the most words of a label that names its link's kind (`Code (coming soon)`)
# What links are called whatever the list: a label with one of these names its link's kind.
_LINK_NAMES = LINK_WORDS | {"pytorch", "tensorflow", "jax", "data", "blog", "slides", "poster",
                            "citation", "bibtex", "leaderboard", "benchmark", "huggingface",
                            "star", "stars"}


# The key of a block's line that links (`- github: <https://…>`, `- arxiv: https://…`): it
# names its link as a label does, and goes with it when the paper has no such link.
_KEY = re.compile(r"(?<=[-*+] )[A-Za-z][\w\-]{0,24}(?=[:：] ?(?:<|https?://|\[))")


_PLACE_WORDS = 8  # the most words of an affiliation's line (`Wombat University, Zoo Lab`)
# The most characters of one in a script without spaces (`中国科学院自动化研究所` has 11).
_PLACE_IDEOGRAPHS = 16
_IDEOGRAPH = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _names_a_place(words: str) -> bool:
    """Whether words alone on their line may be an affiliation, not a note on the paper (a
    sentence, `基于DiMP,采用ConvGRU隐式编码场景信息以应对distractor的干扰`): a new paper's
    affiliation must never fill a note's line."""
    return len(words.split()) <= _PLACE_WORDS and len(
        _IDEOGRAPH.findall(words)) <= _PLACE_IDEOGRAPHS


def _alone_on_line(text: str, start: int, end: int) -> bool:
    before = text[:start].rsplit("\n", 1)
    after = text[end:].split("\n", 1)
    return len(before) == 2 and not before[1].strip() and not after[0].strip()


def ends(entries: Sequence[Entry]) -> list[Entry]:
    """The entries at both ends of a section, where new ones go (top or bottom), in file order."""
    half = _MAX_EXEMPLARS // 2
    if len(entries) <= _MAX_EXEMPLARS:
        return list(entries)
    return [*entries[:half], *entries[-half:]]


def _templates(entries: Sequence[Entry]) -> list[tuple[Template, Entry]]:
    found = [(abstract(e), e) for e in ends(entries)]
    kept = [(t, e) for t, e in found if t is not None]
    # A maintainer's typo (`**T2V-CompBench:***`, emphasis left open) is no model for a new
    # entry, where the section's other entries can be one.
    return [(t, e) for t, e in kept if not open_emphasis(e.raw)] or kept


_CODE_SPAN = re.compile(r"`[^`\n]*`")
_DESTINATION = re.compile(r"\]\([^()\s]*\)")
_STAR_BULLET = re.compile(r"^[ \t]*\*[ \t]", re.MULTILINE)


def open_emphasis(raw: str) -> bool:
    """Whether an entry's text leaves a `*` unpaired: an odd number of them outside code spans,
    link destinations and star bullets, escaped ones aside."""
    text = _STAR_BULLET.sub("", _DESTINATION.sub("](", _CODE_SPAN.sub("", raw.replace("\\*", ""))))
    return text.count("*") % 2 == 1


def _table_context(catalog: Catalog, entry: Entry) -> str:
    """The header and delimiter rows above a table row, so that the row renders as a row."""
    if entry.kind != "table":
        return ""
    number = entry.line - 1
    while number >= 2:
        line = catalog.lines[number - 1]
        if DELIMITER_ROW.match(line) and "|" in catalog.lines[number - 2]:
            return catalog.lines[number - 2] + line
        if not line.strip():
            break
        number -= 1
    return ""


def next_number(entries: Sequence[Entry], placed: int = 0,
                listed: Sequence[Entry] = ()) -> int | None:
    """The number of a new item after `entries` and `placed` new ones before it: the next one,
    or the list's only number where it writes every item `1.` (the renderer counts; a `2.` on
    top could not even start the list there); None if its items have no numbers. A list of
    one item cannot tell: the whole list's items (`listed`) do."""
    numbers = _numbers(entries)
    whole = _numbers(listed) if len(numbers) < 2 else []
    if len(numbers) >= 2 and (same := _one_number(numbers)) is not None:
        return same
    if len(numbers) >= _LAZY_RUN and len(set(numbers[-_LAZY_RUN:])) == 1:
        # Its last items all `1.`: the renderer counts for a list that numbers lazily, whatever
        # a run `3.`…`9.` a contributor typed in its middle (ChandlerBang's defense papers).
        return numbers[-1]
    if len(whole) >= 3 and (same := _one_number(whole)) is not None:
        return same
    return max(numbers) + 1 + placed if numbers else None


_LAZY_RUN = 3  # as many last items of one number: the list numbers lazily


def _one_number(numbers: Sequence[int]) -> int | None:
    """The number a list writes on every item, where nine in ten items (the last among them)
    have it: thunlp/GNNPapers writes `1.` on 457 items and `21.` on three, which count on from
    nothing. Fewer, and the list may be counting (`1.`, `2.`, `1.` under a new heading)."""
    common, count = Counter(numbers).most_common(1)[0]
    return common if 10 * count >= 9 * len(numbers) and numbers[-1] == common else None


def _numbers(entries: Sequence[Entry]) -> list[int]:
    return [int(m.group(1) or m.group(2)) for e in entries if (m := _NUMBER.match(e.raw))]


def fillable(template: Template, values: Values) -> int:
    """How many of the values the template shows the paper cannot give."""
    have = {
        "name": values.name is not None or bool(values.unknown_name),
        "code": code_host(values.code_url),
        "repo": values.code_url is not None and "github.com/" in values.code_url,
        "project": values.project_url is not None,
        "authors": bool(values.authors),
        "affiliation": values.affiliation is not None,
        "date": bool(values.yymm) or not any(
            s.form and any(c in s.form for c in "mbBd") for s in template.slots
            if s.kind == "date"),
        "other": False,
    }
    # A value shown twice (the code's stars badge and its link) is one value the paper lacks;
    # the values the bot cannot know (`other`: a demo, a dataset) are each one.
    lacking = [_VALUE_OF.get(s.kind, s.kind) for s in template.slots if not have.get(s.kind, True)]
    # A link to nothing (`| [code]()`: the exemplar's code not out yet) is a value it lacked too,
    # never the list's way of saying so for a new paper.
    nowhere = sum(len(_LINK_TO_NOTHING.findall(p)) for p in template.parts if isinstance(p, str))
    return lacking.count("other") + len(set(lacking) - {"other"}) + nowhere


_VALUE_OF = {"repo": "code"}  # the slot kinds that show another kind's value
_LINK_TO_NOTHING = re.compile(r"\]\(\s*\)")


def unshown(template: Template, values: Values) -> int:
    """How many of the paper's values the template has no slot for: its code link and its project
    page (a maintainer who types the entry of a paper with code writes the link, where the list
    writes links; ranked only among the section's own looks, so a list that never links project
    pages is not asked to), and its authors after the first where the exemplar listed one."""
    kinds = {s.kind for s in template.slots}
    return (int(bool(code_host(values.code_url)) and not kinds & {"code", "repo"})
            + int(values.project_url is not None and "project" not in kinds)
            + int(len(values.authors) > 1 and template.lists_one_author))


# What the share of the very skeleton (cell padding and cells of unknown values aside) adds to
# the share of a template's look: among the looks alike, the one most entries have (a code link
# with its stars badge, or without it; `] [` or `][` before it).
SAME_SKELETON = 0.1
# What the share of entries of the same skeleton spelt otherwise takes away: among them, the
# spelling most share (`Paper`, not one entry's `paper`) must outweigh the newest entry's edge
# of recency (0.05 of its weight), so that one entry's spelling is no model.
SAME_TEXT = 0.05
UNFILLED = 0.25  # a slot the paper cannot fill costs this much of a template's typicality
UNSHOWN = 0.5  # a value the paper has and the template cannot show costs this much
OTHER_VENUE = 0.1  # an exemplar of the other kind of venue (preprint / published) costs this
# An exemplar that is no arXiv paper (a model card, a blog post: its "venue" is `Blog`, `OpenAI`)
# is a poor model for one; the list's newest entries can be such.
NOT_ARXIV = 0.2


def _on_arxiv(template: Template) -> bool:
    """Whether the exemplar's paper link is arXiv's (or it has no paper link to judge by)."""
    papers = [s.original for s in template.slots if s.kind == "paper"]
    return not papers or any("arxiv.org/" in url.lower() for url in papers)


def ranked(section: SectionTemplates, values: Values) -> list[Template]:
    """The section's templates, best first for this paper: the look most of the section has,
    unless the paper lacks values it needs and a look the list also uses does without them."""
    preprints = any(t.venue_is_arxiv for t in section.templates)

    def score(item: tuple[int, Template]) -> float:
        index, template = item
        return (section.typicality(template) + 0.05 * section.weights[index]
                - UNFILLED * fillable(template, values) - UNSHOWN * unshown(template, values)
                - _venue_cost(template, values, section.shows_venue, preprints)
                - (0 if _on_arxiv(template) else NOT_ARXIV))
    order = sorted(enumerate(section.templates), key=score, reverse=True)
    return [t for _, t in order]


def _venue_cost(template: Template, values: Values, shown: bool, preprints: bool) -> float:
    """What an exemplar of the other kind of venue costs: a look with no place for the venue of
    a published paper, where the section shows venues, hides a value the paper has (UNSHOWN);
    so does a published paper's look for a preprint where the section never names a preprint's
    venue (`(Mar. 20, 2025, CVPR 2025)` beside `(Feb. 28, 2025)`: no `arXiv 2026` there);
    any other exemplar of the other kind is retagged the list's way (OTHER_VENUE)."""
    if template.venue_is_arxiv == values.venue_is_arxiv:
        return 0.0
    if template.venue_is_arxiv is None:
        return UNSHOWN if shown and not values.venue_is_arxiv else 0.0
    if values.venue_is_arxiv and not template.venue_is_arxiv and not preprints:
        return UNSHOWN
    return OTHER_VENUE
