"""Plain frozen dataclasses shared by the pure core and the adapters; no library types here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

# ---------------------------------------------------------------------------------------------
# The catalog (a human-kept markdown list), parsed losslessly.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """One markdown link of an entry, with the role its label and URL give it."""

    label: str
    url: str
    role: str  # "paper" | "code" | "project" | "other"


@dataclass(frozen=True)
class Entry:
    """One paper of the catalog: its raw lines and the fields read from them."""

    line: int  # 1-based number of the entry's first line
    end_line: int  # 1-based number of its last line (== line for one-line entries)
    raw: str  # the exact text of its lines, line endings included
    kind: str  # "bullet" | "table" | "block" | "html" (a row of an HTML table) | "paragraph"
    title: str
    name: str | None = None  # short name as written ("CoOp", "?" = unknown), None if absent
    venue: str | None = None
    year: int | None = None
    affiliation: str | None = None
    links: tuple[Link, ...] = ()
    arxiv_ids: tuple[str, ...] = ()  # normalized, no version: "2109.01134", "cs/0601001"
    code_urls: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()  # a full author list as the entry writes it, () where none is
    # The last line of the list item the entry opens, past end_line where the item goes on
    # after a blank line with indented blocks of its own (a maintainer's notes on the paper);
    # 0 where it ends with the entry. A new entry goes after it, never into it.
    item_end_line: int = 0

    @property
    def after_line(self) -> int:
        """The line after which the next entry may start: the item's last line."""
        return max(self.end_line, self.item_end_line)


@dataclass(frozen=True)
class Section:
    """A heading (real `#` or the `- ### X:` pseudo-heading) and the entries directly under it."""

    heading: str  # heading text without markers, e.g. "Prompt Learning/Tuning"
    level: int  # number of `#`
    line: int  # 1-based line of the heading
    end_line: int  # 1-based last line before the next heading of any level (or end of file)
    pseudo: bool  # True for `- ### X:` bullet headings, `**2024**` lines and bullet sub-groups
    entries: tuple[Entry, ...] = ()
    # The headings from the top down to this one: ("🌁 Vision", "2026"); () when not parsed.
    path: tuple[str, ...] = ()
    # How the heading is written: "atx" | "setext" | "bullet" (`- ### X`) | "quote" (`> ### X`)
    # | "html" (`<h3>X</h3>`) | "bold" (`**2024**` alone) | "group" (`* Label:` over a nested
    # list) | "none" (entries above the first heading).
    kind: str = "atx"


@dataclass(frozen=True)
class UnparsedLine:
    """A line that looks like an entry but could not be read; kept verbatim and reported."""

    line: int
    text: str


@dataclass(frozen=True)
class Catalog:
    """A parsed markdown catalog; `"".join(lines)` is the original text, byte for byte."""

    lines: tuple[str, ...]  # each line with its own line ending ("\n", "\r\n", or none at EOF)
    sections: tuple[Section, ...]
    unparsed: tuple[UnparsedLine, ...] = ()
    # Entries inside HTML comments (`<!-- ... -->`): papers the maintainers hid on purpose.
    hidden: tuple[Entry, ...] = ()
    # Bullet sub-groups (`* Video:` over a nested list of entries) inside the sections, in file
    # order; each is a Section of kind "group" whose path starts with its section's path.
    groups: tuple[Section, ...] = ()

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry of every section, in file order."""
        return tuple(e for s in self.sections for e in s.entries)

    def render(self) -> str:
        """The catalog's text, identical to what was parsed."""
        return "".join(self.lines)

    def section(self, heading: str) -> Section | None:
        """The first section whose heading is exactly `heading`, if any."""
        return next((s for s in self.sections if s.heading == heading), None)


# ---------------------------------------------------------------------------------------------
# Papers from arXiv.
# ---------------------------------------------------------------------------------------------


# Listing-feed announce types of a new version of a paper announced before.
REPLACEMENTS = ("replace", "replace-cross")


@dataclass(frozen=True)
class Paper:
    """One arXiv paper as every source hands it to the core."""

    arxiv_id: str  # without version: "2503.12096", "astro-ph/0601001"
    title: str  # whitespace-normalized
    version: int = 1
    authors: tuple[str, ...] = ()
    abstract: str = ""
    categories: tuple[str, ...] = ()
    primary_category: str | None = None
    published: datetime | None = None  # first version's submission time (UTC)
    updated: datetime | None = None
    comment: str | None = None
    journal_ref: str | None = None
    doi: str | None = None
    abs_url: str = ""
    pdf_url: str | None = None
    affiliations: tuple[str, ...] = ()
    announce_type: str | None = None  # listing feeds only: new / cross / replace / replace-cross
    source: str = ""  # "api" | "rss" | a replayed file's name


@dataclass(frozen=True)
class PaperFields:
    """What an entry needs from a paper, read once from its metadata (raw text, not escaped).

    Judging (the venue decides published or preprint), formatting and the PR text all read this
    one value instead of reading the metadata again. Judging reads only what it needs of every
    candidate (`complete` False: venue, year, month; entries.judging_fields); what writes an
    entry or an update completes it (entries.entry_fields) for the few papers it writes.
    """

    name: str | None  # the short name ("MaPLe"), None when the paper gives none
    venue: str  # "CVPR", or "arXiv" for a preprint
    year: int
    yymm: str  # the submission's YYMM ("2306"), "" when unknown
    code_url: str | None
    affiliation: str | None
    project_url: str | None = None  # the project's page the abstract or comment names
    complete: bool = True  # False: judging's reading, without what only an entry needs

    @property
    def published_venue(self) -> str | None:
        """The venue it was accepted at ("CVPR 2025"), as an entry names it; None: a preprint."""
        return None if self.venue == "arXiv" else f"{self.venue} {self.year}"


# ---------------------------------------------------------------------------------------------
# What the bot remembers (read back from its own pull requests on GitHub).
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Proposal:
    """A paper the bot put in a pull request: enough to re-insert it without asking arXiv."""

    arxiv_id: str
    section: str
    entry: str  # the entry text as inserted (no line ending)
    title: str = ""
    score: float = 0.0
    needs_triage: bool = False
    missing: tuple[str, ...] = ()  # fields for the maintainer to fill in ("affiliation")
    why: str = ""  # one line for the maintainer: why the paper fits the list


@dataclass(frozen=True)
class BotPullRequest:
    """One of the bot's pull requests, open or closed, as the forge reads it."""

    number: int
    state: str  # "open" | "closed" | "merged"
    branch: str
    title: str
    body: str
    proposals: tuple[Proposal, ...]
    foreign_commits: bool = False  # someone else pushed to the branch: hands off
    url: str = ""
    branch_text: str | None = None  # the catalog on its branch, when the forge read it
    updates: tuple[Update, ...] = ()  # the listed entries it rewrites, read once from its body


@dataclass(frozen=True)
class Memory:
    """Everything the bot proposed before, from its pull requests alone (no state file)."""

    pull_requests: tuple[BotPullRequest, ...] = ()


# ---------------------------------------------------------------------------------------------
# Decisions and the plan.
# ---------------------------------------------------------------------------------------------


class Status(StrEnum):
    """What the bot decided about one candidate paper."""

    PROPOSED = "proposed"
    UPDATE = "update"  # listed, and its entry is out of date (accepted somewhere, code released)
    LISTED = "listed"
    HIDDEN = "hidden"  # commented out in the list by the maintainers: never proposed
    PENDING = "pending"
    REJECTED = "rejected"
    IRRELEVANT = "irrelevant"


@dataclass(frozen=True)
class Update:
    """One listed entry rewritten for its paper's new state, moved to `section` when it differs.

    `before` is the entry as the catalog lists it and `after` the rewritten entry (both without
    the final line ending); applying it replaces exactly those lines, nothing else.
    """

    arxiv_id: str
    version: int  # the paper's version that brought the change
    before: str
    after: str
    section: str  # the section the entry ends up in, by name (outline.section_name)
    from_section: str = ""  # the section it is listed in, by name
    changes: tuple[str, ...] = ()  # what changed, said plainly: "venue: arXiv 2023 -> ICCV 2023"
    title: str = ""
    venue: str = ""  # the venue it was accepted at ("ICCV"), "" when only a code link came
    year: int = 0

    @property
    def moved(self) -> bool:
        """Whether the entry changes section (accepted, in a list keeping preprints apart)."""
        return bool(self.from_section) and self.section != self.from_section


@dataclass(frozen=True)
class Decision:
    """The verdict on one candidate, with the reasons a maintainer can read."""

    paper: Paper
    status: Status
    score: float  # relevance in [0, 1]
    section: str | None = None
    section_confidence: float = 0.0
    needs_triage: bool = False
    duplicate_of: str | None = None  # the catalog line that already lists it
    duplicate_line: int | None = None
    pull_request: int | None = None  # for pending / rejected: the PR number
    reasons: tuple[str, ...] = ()
    fields: PaperFields | None = None  # read once by judging; formatting writes from it
    update: Update | None = None  # for Status.UPDATE: the rewritten entry
    threshold: float | None = None  # the relevance threshold it was judged by (None: not judged)


@dataclass(frozen=True)
class Insertion:
    """One new entry placed in the catalog text."""

    arxiv_id: str
    section: str
    after_line: int  # 1-based line after which the entry goes (0 = top of file)
    text: str  # the entry's text, without line ending (the file's own ending is added)
    needs_triage: bool = False
    missing: tuple[str, ...] = ()
    fallback: str = ""  # why the entry is not written from the section's own template, if not


@dataclass(frozen=True)
class PullRequestPlan:
    """One pull request to open or update: branch, the new catalog text, title and body."""

    branch: str
    base_branch: str
    title: str
    body: str
    new_text: str
    proposals: tuple[Proposal, ...]
    number: int | None = None  # the open PR to update; None to open a new one
    labels: tuple[str, ...] = ()
    updates: tuple[Update, ...] = ()  # listed entries this PR rewrites (new_text includes them)


@dataclass(frozen=True)
class Enrichment:
    """What completing the proposed entries from arXiv's HTML pages cost and left undone."""

    requests: int = 0  # HTTP requests to arXiv's HTML pages in this run (retries included)
    cached: int = 0  # papers answered from the enrichment cache, without a request
    without_page: tuple[str, ...] = ()  # ids written without what their page would have given


@dataclass(frozen=True)
class Plan:
    """Everything a run would do; computed the same way in a dry run and a real run."""

    decisions: tuple[Decision, ...]
    base_text: str
    new_text: str  # the catalog after every insertion of the main (or only) pull request
    insertions: tuple[Insertion, ...]
    pull_requests: tuple[PullRequestPlan, ...] = ()
    notes: tuple[str, ...] = ()  # things the run should tell the user
    enrichment: Enrichment | None = None  # None: entries were not completed from HTML pages
    updates: tuple[Update, ...] = ()  # listed entries rewritten by this run's decisions

    @property
    def changed(self) -> bool:
        """Whether the catalog text would change at all."""
        return self.new_text != self.base_text


@dataclass(frozen=True)
class Window:
    """A submission-time window for arXiv queries (UTC, end exclusive)."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class Harvest:
    """What the sources found: papers merged by id, and notices for the user."""

    papers: tuple[Paper, ...] = ()
    notes: tuple[str, ...] = field(default=())
    requests: int = 0
