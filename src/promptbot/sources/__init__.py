"""Pure helpers shared by the arXiv sources: windows, ids, merging, the User-Agent."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from promptbot import __version__
from promptbot.errors import UsageError
from promptbot.models import Harvest, Paper, Window

_VERSIONED_ID = re.compile(
    r"(?P<id>(?:\d{4}\.\d{4,5})|(?:[a-z][a-z.-]*(?:\.[A-Z]{2})?/\d{7}))(?:v(?P<version>\d+))?"
)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def user_agent(contact: str) -> str:
    """The User-Agent for arXiv: promptbot, its version, and the contact when configured."""
    if not contact:
        return f"promptbot/{__version__}"
    address = contact if "@" not in contact or ":" in contact else f"mailto:{contact}"
    return f"promptbot/{__version__} ({address})"


def split_arxiv_id(text: str) -> tuple[str, int] | None:
    """The id (without version) and version found in an arXiv URL, guid or id; None if none."""
    match = _VERSIONED_ID.search(text)
    if match is None:
        return None
    return match["id"], int(match["version"] or 1)


def normalize_space(text: str | None) -> str:
    """`text` with every run of whitespace made one space, stripped ("" for None)."""
    return " ".join((text or "").split())


def abs_url(arxiv_id: str) -> str:
    """The canonical abstract page of a paper (https, no version)."""
    return f"https://arxiv.org/abs/{arxiv_id}"


def pdf_url(arxiv_id: str) -> str:
    """The canonical PDF of a paper's latest version."""
    return f"https://arxiv.org/pdf/{arxiv_id}"


def window_for(now: datetime, lookback_days: int, since: date | None, until: date | None) -> Window:
    """The submission window of a run: the look-back ending now, or --since/--until (whole days)."""
    if now.tzinfo is None:
        raise ValueError("window_for needs a timezone-aware `now`")
    now = now.astimezone(UTC)
    end = _midnight(until + timedelta(days=1)) if until else now
    start = _midnight(since) if since else end - timedelta(days=lookback_days)
    if start >= end:
        if since and until:
            raise UsageError(f"--since {since.isoformat()} is after --until {until.isoformat()}")
        raise UsageError(f"--since {since} is in the future (now is {now:%Y-%m-%d %H:%M} UTC)")
    return Window(start=start, end=end)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def paper_time(paper: Paper) -> datetime | None:
    """When a paper entered arXiv as far as its source says: submission, else announcement."""
    return paper.published or paper.updated


def in_window(paper: Paper, window: Window) -> bool:
    """Whether the paper was submitted (or, lacking that, announced) inside the window."""
    when = paper_time(paper)
    return when is None or window.start <= when < window.end


def filter_window(harvest: Harvest, window: Window | None) -> Harvest:
    """The harvest with only the papers inside `window` (all of them when it is None)."""
    if window is None:
        return harvest
    kept = tuple(p for p in harvest.papers if in_window(p, window))
    return replace(harvest, papers=kept)


def _richness(paper: Paper) -> int:
    fields = (paper.published, paper.primary_category, paper.comment, paper.journal_ref,
              paper.doi, paper.affiliations, paper.abstract)
    return sum(1 for value in fields if value)


def _better(new: Paper, old: Paper) -> Paper:
    """The newer version; on a tie the record carrying more metadata (first seen on a draw)."""
    if (new.version, _richness(new)) > (old.version, _richness(old)):
        winner, loser = new, old
    else:
        winner, loser = old, new
    if winner.announce_type is None and loser.announce_type is not None:
        winner = replace(winner, announce_type=loser.announce_type)
    return winner


def dedupe(papers: Iterable[Paper]) -> tuple[Paper, ...]:
    """Papers merged by id (newest version wins), ordered by time then id."""
    best: dict[str, Paper] = {}
    for paper in papers:
        old = best.get(paper.arxiv_id)
        best[paper.arxiv_id] = paper if old is None else _better(paper, old)
    return tuple(sorted(best.values(), key=lambda p: (paper_time(p) or _EPOCH, p.arxiv_id)))


def merge(harvests: Sequence[Harvest]) -> Harvest:
    """One harvest from many: papers deduplicated by id, notes kept in order, requests summed."""
    notes: list[str] = []
    for harvest in harvests:
        notes.extend(n for n in harvest.notes if n not in notes)
    return Harvest(
        papers=dedupe(p for h in harvests for p in h.papers),
        notes=tuple(notes),
        requests=sum(h.requests for h in harvests),
    )
