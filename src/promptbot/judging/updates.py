"""Listed entries that are out of date: a preprint accepted at a venue, or code released since.

A listed paper's new metadata counts as a change when its venue moves from a preprint to a named
venue while the entry still says arXiv (or the like), or when it names a code link and the entry
has none. The entry is then rewritten (promptbot.entries.updating) and, where the list keeps
preprints and published papers apart, moved to the published section: `[sections]` published /
preprint when both name headings of this catalog, else the sections whose entries' venues set
them apart (catalog.section_signals). Only entries the parser found are ever touched, and an
update the maintainers turned down is not asked again for the same version of the paper.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from promptbot.catalog import normalize_code_url, outline
from promptbot.catalog.section_signals import (
    PREPRINT,
    heading_topic,
    status_profile,
    venue_status,
    words,
)
from promptbot.config import Config, SectionsConfig
from promptbot.entries import entry_fields, section_style
from promptbot.entries.editing import item_prefix
from promptbot.entries.style_model import EntryStyle
from promptbot.entries.updating import rewrite_entry
from promptbot.entries.venue_marks import entry_text, preprint_marker, venue_shape
from promptbot.judging.placement import heading_matches
from promptbot.models import (
    REPLACEMENTS,
    Catalog,
    Decision,
    Entry,
    PaperFields,
    Section,
    Status,
    Update,
)

_STATUS_WORDS = frozenset({"arxiv", "preprint", "accepted", "published", "paper", "papers"})


@dataclass(frozen=True)
class Change:
    """What changed about a listed paper: a venue where the entry has a preprint, a code link."""

    venue: bool
    code: bool


def detect_change(entry: Entry, fields: PaperFields) -> Change | None:
    """The change the paper's metadata brings to its entry, None when it changes nothing."""
    venue = fields.published_venue is not None and is_preprint(entry)
    known = {normalize_code_url(link.url) for link in entry.links}
    code = bool(fields.code_url) and not entry.code_urls and not any(
        link.role == "code" for link in entry.links
    ) and normalize_code_url(fields.code_url or "") not in known
    return Change(venue, code) if venue or code else None


def is_preprint(entry: Entry) -> bool:
    """Whether an entry says its paper is a preprint: its venue, else a marker in its text."""
    return venue_status(entry.venue) == PREPRINT or preprint_marker(entry) is not None


def _resolve(sections: Sequence[Section], name: str, never: Collection[str]) -> Section | None:
    if not name.strip():
        return None
    return next((s for s in sections if heading_matches(name, s.heading)
                 and not any(heading_matches(n, s.heading) for n in never)), None)


def published_section(catalog: Catalog, cfg: SectionsConfig, listed_in: Section) -> Section | None:
    """Where an accepted preprint listed in `listed_in` moves; None: it stays where it is."""
    published = _resolve(catalog.sections, cfg.published, cfg.never)
    preprint = _resolve(catalog.sections, cfg.preprint, cfg.never)
    if published is not None and preprint is not None:
        return published if listed_in.heading == preprint.heading != published.heading else None
    return _learned_published(catalog, cfg, listed_in)


def year_section(catalog: Catalog, listed_in: Section, year: int,
                 venue: str | None = None) -> Section | None:
    """In a list sectioned by year ("#### 2025" under "## Vision"), the sibling section of the
    paper's venue year (and of its `venue`, where the list dates sections `CVPR 2022` and the
    like), when the entry sits under another, or under such a list's undated preprint heading
    (`## Preprints` beside `## CVPR 2023`); None otherwise, or when the list has none."""
    date = outline.heading_date(listed_in)
    if date is None:
        return _from_preprints(catalog, listed_in, year, venue)
    if date.year == year and (date.venue is None or outline.same_venue(date.venue, venue)):
        return None
    return outline.year_section(catalog, listed_in, year, venue)


def _from_preprints(catalog: Catalog, listed_in: Section, year: int,
                    venue: str | None) -> Section | None:
    """For an entry under the undated preprint heading of a list dated by venue, now published
    at `venue`: the section of that venue's year, where the list has one."""
    dated = [s for s in catalog.sections if s.path[:-1] == listed_in.path[:-1]
             and outline.heading_date(s) is not None]
    if not dated or outline.files_as_preprint(venue) \
            or outline.preprint_shelf(catalog, dated) is not listed_in:
        return None
    return outline.by_year(dated, year, venue)


def _topic(heading: str) -> set[str]:
    return {w for w in words(heading_topic(heading)) if w not in _STATUS_WORDS and not w.isdigit()}


def _learned_published(catalog: Catalog, cfg: SectionsConfig, listed_in: Section) -> Section | None:
    """A section that stands out by its preprints moves to the one standing out by the opposite
    that shares most of its heading's topic words (the only such section when there is one)."""
    sections = [s for s in catalog.sections if s.entries
                and not any(heading_matches(n, s.heading) for n in cfg.never)]
    if listed_in not in sections:
        return None
    profile = status_profile(sections)
    at = sections.index(listed_in)
    if not profile.distinct[at] or profile.preprint_share[at] <= profile.list_share:
        return None
    published = [s for n, s in enumerate(sections)
                 if profile.distinct[n] and profile.preprint_share[n] < profile.list_share]
    if len(published) == 1:
        return published[0]
    topic = _topic(listed_in.heading)
    scored = [(len(topic & _topic(s.heading)), s) for s in published]
    best = max(scored, key=lambda pair: pair[0], default=(0, None))
    return best[1] if best[0] > 0 else None


class Updater:
    """Turns listed decisions whose entries are out of date into `update` decisions."""

    def __init__(self, catalog: Catalog, cfg: Config,
                 declined: Collection[tuple[str, int]] = ()) -> None:
        """`declined`: (arXiv id, version) pairs whose update the maintainers turned down."""
        self.catalog = catalog
        self.cfg = cfg
        self.declined = frozenset(declined)
        self._by_line = {e.line: (s, e) for s in catalog.sections for e in s.entries}
        self._styles: dict[int, EntryStyle] = {}  # by the section's heading line: headings repeat
        self._shape = venue_shape(catalog.entries)
        self._joined: Counter[int] = Counter()  # entries moved in so far, by the section's line

    def _style(self, section: Section) -> EntryStyle:
        if section.line not in self._styles:
            self._styles[section.line] = section_style(self.catalog, section)
        return self._styles[section.line]

    def _writes_code(self, section: Section) -> bool:
        """Whether the list writes code links: in a tenth of the section's entries at least
        (of the whole list's when the section is small); a list that never does gets none."""
        entries = section.entries if len(section.entries) >= 10 else self.catalog.entries
        with_code = sum(1 for e in entries
                        if e.code_urls or any(link.role == "code" for link in e.links))
        return with_code * 10 >= len(entries) > 0

    def review(self, decision: Decision) -> Decision:
        """The decision as an update when its listed entry is out of date, else unchanged."""
        if decision.status is not Status.LISTED or decision.duplicate_line is None:
            return decision
        found = self._by_line.get(decision.duplicate_line)
        if found is None:
            return decision
        section, entry = found
        fields = entry_fields(decision.paper, decision.fields)
        change = detect_change(entry, fields)
        if change is not None and change.code and not self._writes_code(section):
            change = Change(change.venue, False) if change.venue else None
        paper = decision.paper
        if change is not None and (paper.arxiv_id, paper.version) in self.declined:
            return replace(decision, reasons=(*decision.reasons, "an update of this entry for"
                                              f" v{paper.version} was turned down before"))
        update = self._update(decision, section, entry, fields, change) if change else None
        if update is None:
            return decision
        return replace(decision, status=Status.UPDATE, section=update.section,
                       section_confidence=1.0, needs_triage=False, update=update,
                       reasons=(f"update of the entry at line {entry.line}: "
                                + "; ".join(update.changes), *decision.reasons))

    def _update(self, decision: Decision, section: Section, entry: Entry, fields: PaperFields,
                change: Change) -> Update | None:
        """The entry rewritten, and where it goes; None when nothing it writes can change."""
        target = (published_section(self.catalog, self.cfg.sections, section)
                  or year_section(self.catalog, section, fields.year, fields.venue)
                  if change.venue else None) or section
        # A table row keeps its own table's columns; a bullet takes its new section's style.
        style = self._style(section if entry.kind == "table" else target)
        leaves = target is not section
        rewrite = rewrite_entry(entry, fields, style, venue=change.venue, code=change.code,
                                bullet=item_prefix(self.catalog, target,
                                                   self._joined[target.line]) if leaves else None,
                                shape=self._shape, neighbours=target.entries)
        if rewrite is None and not leaves:
            return None
        changes = rewrite.changes if rewrite else (f"venue: → {fields.published_venue}",)
        # Names, not headings: "Language > 2026" where every topic has a "2026".
        name = outline.section_name(self.catalog, target)
        moved = (f'moved to "{name}"',) if leaves else ()
        self._joined[target.line] += leaves
        return Update(
            arxiv_id=decision.paper.arxiv_id, version=decision.paper.version,
            before=entry_text(entry), after=rewrite.text if rewrite else entry_text(entry),
            section=name, from_section=outline.section_name(self.catalog, section),
            changes=(*changes, *moved), title=decision.paper.title,
            venue=fields.venue if change.venue else "", year=fields.year if change.venue else 0,
        )


def find_updates(
    catalog: Catalog, decisions: Sequence[Decision], cfg: Config,
    declined: Collection[tuple[str, int]] = (),
) -> tuple[Decision, ...]:
    """Decisions with out-of-date listed entries turned into updates; papers announced only as
    a new version (`replace`) that are not listed are dropped unless those types are wanted."""
    updater = Updater(catalog, cfg, declined)
    out: list[Decision] = []
    for decision in decisions:
        reviewed = updater.review(decision)
        kind = decision.paper.announce_type
        if (kind in REPLACEMENTS and kind not in cfg.arxiv.announce_types
                and reviewed.status not in (Status.LISTED, Status.UPDATE)):
            continue
        out.append(reviewed)
    return tuple(out)


def updates_of(decisions: Sequence[Decision]) -> tuple[Update, ...]:
    """The updates among decisions, one per entry (the first decision's)."""
    seen: set[str] = set()
    out = []
    for decision in decisions:
        update = decision.update
        if update is not None and update.before not in seen:
            seen.add(update.before)
            out.append(update)
    return tuple(out)


def recheck_ids(catalog: Catalog) -> tuple[str, ...]:
    """The arXiv ids of the catalog's entries whose venue says preprint: what a re-check asks."""
    out: dict[str, None] = {}
    for entry in catalog.entries:
        if is_preprint(entry):
            out.update((i, None) for i in entry.arxiv_ids)
    return tuple(out)
