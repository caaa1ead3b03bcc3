"""A paper written with the section's own templates, checked by rendering before it is used."""

from __future__ import annotations

from dataclasses import dataclass, replace

from promptbot.entries import html_row_template, spacing
from promptbot.entries.markdown_safety import plain, rendered_text
from promptbot.entries.render_check import problems, structure
from promptbot.entries.table_rows import cells, says_nothing
from promptbot.entries.template_choice import SectionTemplates, ranked, unshown
from promptbot.entries.template_fill import (
    NAME_MAX,
    TITLE_MAX,
    Filled,
    Values,
    fill,
    v_name_apart,
)
from promptbot.entries.template_model import Template
from promptbot.models import Paper, PaperFields

TRIES = 6  # exemplars tried, best first, before giving up on the list's own templates
STRICT_TRIES = 24  # exemplars tried first for an entry with the structure of one of the section's
COMMON = 0.01  # share (by recency weight) of the section a look beyond the first TRIES must have
# Dropped values a maintainer may want to add by hand (a missing link is the list's habit).
_REPORTED = ("name", "affiliation", "authors", "date")
# Links a list's entries show or leave out as the paper has them: a look without them is still
# the list's look.
_LINKS = frozenset({"code", "repo", "project", "other"})
# How the PR's note names a dropped value.
_SAID = {"name": "a short name", "code": "a code link", "repo": "a stars badge",
         "project": "a project page",
         "other": "a value of another kind (a model, a demo, a figure)",
         "date": "a date", "authors": "authors", "affiliation": "an affiliation"}


@dataclass(frozen=True)
class Written:
    """An entry written from a template, and what it dropped."""

    text: str
    template: Template
    missing: tuple[str, ...]
    fallback: str = ""  # why it is not in a structure the section's entries have, if it is not


def values_of(paper: Paper, read: PaperFields, venue: str,
              number: int | None = None, unknown_name: str = "",
              title_keeps_name: bool = True) -> Values:
    """The paper's values for the slots; `venue` is the list's spelling of its venue."""
    return Values(
        title=paper.title, arxiv_id=paper.arxiv_id, venue=venue,
        venue_is_arxiv=read.venue == "arXiv", year=read.year, yymm=read.yymm,
        day=paper.published.date() if paper.published else None, name=read.name,
        code_url=read.code_url, project_url=read.project_url, authors=paper.authors,
        affiliation=read.affiliation,
        number=number, unknown_name=unknown_name, title_keeps_name=title_keeps_name,
    )


def _fitted(section: SectionTemplates, values: Values) -> SectionTemplates:
    """The section's templates for this paper: an exemplar of the other kind of paper tags this
    one the list's way (`[arXiv]`, not `[**arXiv'26**]`; `[**ACL'26**]`, not `[ACL]`), and then
    counts among this kind's looks."""
    return replace(section, templates=tuple(section.tags.fitted(t, values.venue_is_arxiv)
                                            for t in section.templates))


def write(section: SectionTemplates, values: Values,
          allowed: frozenset[tuple[str, ...]]) -> Written | None:
    """The paper written with the best template that passes the render check, if one does.

    First with the element structure of one of the section's entries; else (the paper lacks a
    value every entry shows, such as a short name) the list's own look without that value,
    still balanced and read back, and marked. Looks with a place for every value the paper has
    (its code link) come first (_passes). Last, the list's look without the authors, where no
    credit of them reads back (one author where every entry writes `Xu et al. Title`)."""
    written = _write(section, values, allowed)
    if written is None and values.authors:
        return _write(section, replace(values, authors=()), allowed)
    return written


def _write(section: SectionTemplates, values: Values,
           allowed: frozenset[tuple[str, ...]]) -> Written | None:
    shown = tuple(v for v in (rendered_text(values.title, TITLE_MAX),
                              plain(values.title, TITLE_MAX),  # as raw HTML shows it
                              rendered_text(values.name, NAME_MAX) if values.name else "",
                              rendered_text(values.affiliation) if values.affiliation else "",
                              *(rendered_text(a) for a in values.authors[:1])) if v)
    values = replace(values, months=section.months or values.months, initials=section.initials,
                     credits=section.credits, pairs=section.pairs)
    section = _fitted(section, values)
    for strict, order, links_only in _passes(ranked(section, values), values):
        for tried, template in enumerate(order):
            filled: Filled | None = _placeheld(fill(template, values), template, section,
                                               values)
            if filled is None or (tried >= TRIES and not _common_look(filled.text, section)):
                continue
            if links_only and not set(filled.dropped) <= _LINKS:
                continue
            found = problems(filled.text, context=section.context, shown=shown,
                             allowed=allowed if strict else frozenset(),
                             arxiv_id=values.arxiv_id, title=_title_shown(template, values),
                             exemplar=(template.raw, template.title))
            if found:
                continue
            missing = tuple(k for k in filled.dropped if k in _REPORTED)
            text = spacing.apart(filled.text, section.blank_between)
            note = "" if strict else (
                "written like the section's entries but without "
                + (", ".join(dict.fromkeys(_SAID.get(k, k) for k in filled.dropped))
                   or "the values the bot cannot know")
                + ", which this paper does not give")
            return Written(text, template, missing, note)
    return None


def _passes(candidates: list[Template], values: Values
            ) -> list[tuple[bool, list[Template], bool]]:
    """The exemplars to try, in passes of (strict, exemplars, dropping links only).

    A look with no place for a value the paper has (its code link) comes after the looks that
    have one, even written without a link the paper lacks: Sun-Haoyuan23's entries with a code
    link all link a Hugging Face model too, and a paper with code but no model is written like
    them without the model, as a maintainer types it, not like the entries that link nothing.
    A look that would lose more than links (Qinying-Liu's name box) is no such alternative. A
    look of the list's own is worth looking further for than a look without a value: a table
    whose rows without a stars badge drop its `<br>` too is written that way (_strict_order)."""
    lacks = [unshown(t, values) for t in candidates]
    least = min(lacks[:TRIES], default=0)
    showing = [t for t, n in zip(candidates, lacks, strict=True) if n <= least]
    hiding = [t for t, n in zip(candidates, lacks, strict=True) if n > least]
    if not hiding:
        return [(True, _strict_order(candidates), False), (False, candidates[:TRIES], False)]
    return [(True, _strict_order(showing), False), (False, showing[:TRIES], True),
            (True, _strict_order(hiding), False), (False, candidates[:TRIES], False)]


def _common_look(text: str, section: SectionTemplates) -> bool:
    """Whether COMMON of the section's entries (weighted, the newest most) have the structure
    of `text`: a look found far down the exemplars must be a habit of the list (BradyFU's rows
    without a repository), not an oddity (a handful of the seed list's entries without a name)."""
    shape = structure(text, section.context)
    share = sum(w for t, w in zip(section.templates, section.weights, strict=True)
                if structure(t.raw, section.context) == shape)
    return share >= COMMON * (sum(section.weights) or 1.0)


def _strict_order(candidates: list[Template]) -> list[Template]:
    """The best TRIES exemplars, then more of other skeletons (one of each: an exemplar with
    the skeleton of one tried has its structure too), up to STRICT_TRIES in all; not for the
    rows of an HTML table, whose cells are settled apart (html_row_template)."""
    tried = candidates[:TRIES]
    seen = {t.key for t in tried}
    for template in candidates[TRIES:]:
        if len(tried) >= STRICT_TRIES:
            break
        if template.kind != "html" and template.key not in seen:
            seen.add(template.key)
            tried.append(template)
    return tried


def _placeheld(filled: Filled, template: Template, section: SectionTemplates,
               values: Values) -> Filled | None:
    """A table cell emptied by a dropped value says what the column says without one; an HTML
    row's cell never repeats the exemplar's own value, and its star-badge column shows the
    paper's repository (None: its cells cannot be lined up)."""
    if template.kind == "html":
        text = html_row_template.settle(filled.text, template, section.column_values,
                                        section.placeholders, section.badges, values)
        return None if text is None else replace(filled, text=text)
    if template.kind != "table" or not section.placeholders:
        return filled
    new, old = cells(filled.text), cells(template.raw)
    if len(new) != len(old):
        return filled
    changed = False
    for i, cell in enumerate(new):
        marker = section.placeholders[i] if i < len(section.placeholders) else ""
        if marker and old[i].strip() and _says_nothing_its_own_way(cell, old[i], marker):
            pad = " " if old[i].startswith(" ") else ""
            new[i], changed = pad + marker + (" " if old[i].endswith(" ") else ""), True
    if not changed:
        return filled
    text = filled.text.strip()
    # The row's own outer pipes, as the exemplar writes them (`| a | b` has no closing one).
    opening = "|" if text.startswith("|") else ""
    closing = "|" if text.endswith("|") and not text.endswith("\\|") else ""
    lead = filled.text[: len(filled.text) - len(filled.text.lstrip())]
    trail = filled.text[len(filled.text.rstrip()):]
    return replace(filled, text=lead + opening + "|".join(new) + closing + trail)


def _says_nothing_its_own_way(cell: str, exemplar: str, marker: str) -> bool:
    """Whether a new row's cell should say the column's "nothing" (`marker`): it was emptied
    by a dropped value, or it repeats the exemplar's own rare way of saying nothing (one row's
    `coming soon` where the column writes `-`: that row's remark, not the list's habit)."""
    text = cell.strip()
    return not text or (text == exemplar.strip() and text != marker and says_nothing(text))


def _title_shown(template: Template, values: Values) -> str:
    if v_name_apart(template, values):
        return rendered_text(values.title.partition(":")[2].strip(), TITLE_MAX)
    return rendered_text(values.title, TITLE_MAX)
