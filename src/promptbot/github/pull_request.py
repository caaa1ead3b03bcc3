"""The bot's pull requests as plans: which to open or update, each rebuilt on the base text.

Their title, body and marker are written and read in promptbot.github.pull_request_text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import partial

from promptbot.config import Config, PullRequestConfig
from promptbot.entries.updating import apply_updates
from promptbot.github import memory as mem
from promptbot.github.pull_request_text import (
    GITHUB_BODY_LIMIT,
    fits,
    read_abstracts,
    render_body,
    render_title,
)
from promptbot.models import BotPullRequest, Memory, Proposal, PullRequestPlan, Update

Place = Callable[[str, Sequence[Proposal]], str]
UPDATES_PER_PR = 20  # updates of listed entries one pull request carries at most


def listed(arxiv_id: str, text: str) -> bool:
    """Whether `text` (a catalog) cites the arXiv id, not as part of a longer number."""
    return re.search(r"(?<![\w.])" + re.escape(arxiv_id) + r"(?!\d)", text) is not None


def _unlisted(proposals: Sequence[Proposal], base_text: str) -> tuple[Proposal, ...]:
    """Proposals not yet in the base text, first occurrence of each id only."""
    seen: set[str] = set()
    out = []
    for p in proposals:
        if p.arxiv_id not in seen and not listed(p.arxiv_id, base_text):
            seen.add(p.arxiv_id)
            out.append(p)
    return tuple(out)


def _plan(
    proposals: Sequence[Proposal],
    branch: str,
    base_text: str,
    cfg: Config,
    place: Place,
    pr: BotPullRequest | None,
    abstracts: Mapping[str, str],
    notes: Sequence[str] = (),
    paper_notes: Mapping[str, str] = {},
    updates: Sequence[Update] = (),
) -> PullRequestPlan:
    notes = [*notes, *(paper_notes[p.arxiv_id] for p in proposals if p.arxiv_id in paper_notes)]
    new_text = place(base_text, proposals)
    return PullRequestPlan(
        branch=branch,
        base_branch=cfg.catalog.branch,
        title=render_title(proposals, cfg.pull_request) if proposals else _updates_title(updates),
        body=_body(proposals, cfg, pr, abstracts, notes, updates),
        new_text=apply_updates(new_text, updates) if updates else new_text,
        proposals=tuple(proposals),
        number=pr.number if pr else None,
        labels=cfg.pull_request.labels,
        updates=tuple(updates),
    )


def _updates_title(updates: Sequence[Update]) -> str:
    n = len(updates)
    return f"Update {n} listed paper{'s' if n != 1 else ''} (accepted, or code released)"


def current_updates(
    carried: Sequence[Update], new: Sequence[Update], base_text: str
) -> tuple[Update, ...]:
    """One update per paper, the newest version's (this run's on a tie), whose entry the base
    still lists as it was; an update already applied or overtaken by the maintainers is gone."""
    best: dict[str, Update] = {}
    for update in (*carried, *new):
        old = best.get(update.arxiv_id)
        if update.before in base_text and (old is None or update.version >= old.version):
            best[update.arxiv_id] = update
    # A few at a time keeps the body (and its marker) small; the rest come with a later check.
    return tuple(best.values())[:UPDATES_PER_PR]


def _body(proposals: Sequence[Proposal], cfg: Config, pr: BotPullRequest | None,
          abstracts: Mapping[str, str], notes: Sequence[str],
          updates: Sequence[Update] = ()) -> str:
    known = {**(read_abstracts(pr.body) if pr else {}), **abstracts}
    return render_body(proposals, catalog_path=cfg.catalog.path, abstracts=known, notes=notes,
                       updates=updates)


def _room(fixed: Sequence[Proposal], more: Sequence[Proposal],
          fits_with: Callable[[Sequence[Proposal]], bool]) -> int:
    """How many of `more` (first ones first) can join `fixed` with the body still in budget."""
    lo, hi = 0, len(more)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits_with([*fixed, *more[:mid]]):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _fits_new(proposals: Sequence[Proposal], *, cfg: Config, abstracts: Mapping[str, str],
              notes: Sequence[str], updates: Sequence[Update]) -> bool:
    return fits(_body(proposals, cfg, None, abstracts, notes, updates))


def _hands_off_notes(memory: Memory, cfg: PullRequestConfig) -> list[str]:
    return [
        f"#{pr.number} was changed by someone else, so promptbot leaves it alone;"
        " new papers go to this pull request instead."
        for pr in mem.hands_off(memory, cfg)
    ]


def _continues(branch: str) -> str:
    return (f"The pull request of branch `{branch}` holds as many papers as a pull request"
            f" description can list (GitHub allows {GITHUB_BODY_LIMIT:,} characters), so later"
            " papers go to this pull request.")


def _fresh(new: Sequence[Proposal], memory: Memory, base_text: str) -> tuple[Proposal, ...]:
    known = mem.pending(memory)
    return _unlisted([p for p in new if p.arxiv_id not in known], base_text)


def _rolling(
    base_text: str, new: Sequence[Proposal], memory: Memory, cfg: Config,
    place: Place, abstracts: Mapping[str, str], paper_notes: Mapping[str, str] = {},
    new_updates: Sequence[Update] = (),
) -> tuple[PullRequestPlan, ...]:
    """Every open rolling PR rebuilt on the base; new papers fill the newest, then continuations;
    the updates of listed entries travel in the newest."""
    prc = cfg.pull_request
    mine = sorted((pr for pr in memory.pull_requests
                   if mem.is_rolling_branch(pr.branch, prc) and mem.touchable(pr)),
                  key=lambda p: p.number)
    fresh = list(_fresh(new, memory, base_text))
    notes = _hands_off_notes(memory, prc)
    updates = current_updates([u for pr in mine for u in pr.updates], new_updates,
                              base_text)
    plan = partial(_plan, base_text=base_text, cfg=cfg, place=place, abstracts=abstracts,
                   paper_notes=paper_notes)
    # A continuation says which PR it continues: the rolling PR before it, by branch (a new
    # PR has no number yet), so the note reads the same on every run.
    follows = [[_continues(before.branch)] for before in mine[:-1]]
    plans = [plan(kept, pr.branch, pr=pr, notes=note)
             for pr, note in zip(mine[:-1], [[], *follows], strict=False)
             if (kept := _unlisted(pr.proposals, base_text))]
    previous = None
    if mine:
        newest, more = mine[-1], [*notes, *(follows[-1] if follows else [])]
        current = list(_unlisted(newest.proposals, base_text))
        take = _room(current, fresh,
                     lambda ps: fits(_body(ps, cfg, newest, abstracts, more, updates)))
        if current or fresh or updates:
            plans.append(plan([*current, *fresh[:take]], newest.branch, pr=newest, notes=more,
                              updates=updates))
        fresh, previous, updates = fresh[take:], newest.branch, ()
    used = {pr.branch for pr in memory.pull_requests if pr.state == "open"}
    while fresh or updates:
        branch = mem.free_rolling_branch(memory, prc, taken=used)
        more = [*notes, _continues(previous)] if previous else notes
        take = max(1, _room([], fresh, partial(_fits_new, cfg=cfg, abstracts=abstracts,
                                                notes=more, updates=updates)))
        plans.append(plan(fresh[:take], branch, pr=None, notes=more, updates=updates))
        fresh, previous, updates = fresh[take:], branch, ()
        used.add(branch)
    return tuple(plans)


def _per_paper(
    base_text: str, new: Sequence[Proposal], memory: Memory, cfg: Config,
    place: Place, abstracts: Mapping[str, str], paper_notes: Mapping[str, str] = {},
    new_updates: Sequence[Update] = (),
) -> tuple[PullRequestPlan, ...]:
    prc = cfg.pull_request
    open_prs = sorted((p for p in memory.pull_requests if p.state == "open"),
                      key=lambda p: p.number)
    plans = []
    for pr in open_prs:
        kept = _unlisted(pr.proposals, base_text)
        if mem.is_paper_branch(pr.branch, prc) and mem.touchable(pr) and kept:
            plans.append(_plan(kept, pr.branch, base_text, cfg, place, pr, abstracts,
                               paper_notes=paper_notes))
    used = {pr.branch for pr in open_prs}
    fresh = sorted((p for p in _fresh(new, memory, base_text)  # the best papers take the slots
                    if mem.paper_branch(p.arxiv_id, prc) not in used), key=lambda p: -p.score)
    for p in fresh[: max(0, prc.max_open - len(open_prs))]:
        plans.append(_plan([p], mem.paper_branch(p.arxiv_id, prc), base_text, cfg, place, None,
                           abstracts, paper_notes=paper_notes))
    return (*plans, *_updates_pr(base_text, memory, cfg, place, new_updates))


def updates_branch(cfg: PullRequestConfig) -> str:
    """Per-paper mode's branch for updates of listed entries (no arXiv id is "updates")."""
    return f"{cfg.branch_prefix}updates"


def _updates_pr(
    base_text: str, memory: Memory, cfg: Config, place: Place, new: Sequence[Update]
) -> tuple[PullRequestPlan, ...]:
    """Per-paper mode: the updates of listed entries in one pull request of their own."""
    branch = updates_branch(cfg.pull_request)
    pr = next((p for p in memory.pull_requests if p.state == "open" and p.branch == branch), None)
    if pr is not None and not mem.touchable(pr):
        return ()  # a person pushed to it: hands off until it is merged or closed
    updates = current_updates(pr.updates if pr else (), new, base_text)
    if not updates:
        return ()
    return (_plan((), branch, base_text, cfg, place, pr, {}, (), updates=updates),)


def plan_pull_requests(
    base_text: str,
    new: Sequence[Proposal],
    memory: Memory,
    cfg: Config,
    *,
    place: Place,
    abstracts: Mapping[str, str] = {},
    paper_notes: Mapping[str, str] = {},
    updates: Sequence[Update] = (),
) -> tuple[PullRequestPlan, ...]:
    """The pull requests to open or update, each rebuilt from the current base text; a paper's
    note (`paper_notes`, by arXiv id) goes into the body of the pull request that carries it;
    `updates` of listed entries travel in the rolling pull request (per-paper mode: in one of
    their own).
    """
    if cfg.pull_request.mode == "per-paper":
        return _per_paper(base_text, new, memory, cfg, place, abstracts, paper_notes, updates)
    return _rolling(base_text, new, memory, cfg, place, abstracts, paper_notes, updates)


def explain(
    base_text: str, new: Sequence[Proposal], memory: Memory, cfg: Config
) -> tuple[str, ...]:
    """What the run should tell its user about the pull requests (hands-off PRs, papers waiting)."""
    prc = cfg.pull_request
    if prc.mode == "rolling":
        branch = mem.free_rolling_branch(memory, prc)
        return tuple(
            f"PR #{pr.number} ({pr.branch}) was changed by someone else; promptbot leaves it alone"
            + ("" if mem.open_rolling_pr(memory, prc) else f" and uses branch {branch}")
            for pr in mem.hands_off(memory, prc)
        )
    open_count = sum(1 for p in memory.pull_requests if p.state == "open")
    waiting = len(_fresh(new, memory, base_text)) - max(0, prc.max_open - open_count)
    if waiting <= 0:
        return ()
    return (f"{waiting} paper(s) wait for a free slot: {open_count} of max_open = {prc.max_open}"
            " bot pull requests are open",)


def overflow(plans: Sequence[PullRequestPlan], memory: Memory, cfg: Config) -> tuple[str, ...]:
    """The run's note when new papers went to a continuation PR because a body was full."""
    prc = cfg.pull_request
    new = [p for p in plans if p.number is None]
    if prc.mode != "rolling" or not new:
        return ()
    full = mem.open_rolling_pr(memory, prc)
    if full is None and len(new) == 1:
        return ()
    count = sum(len(p.proposals) for p in (new if full else new[1:]))
    where = ", ".join(p.branch for p in (new if full else new[1:]))
    first = f"PR #{full.number}" if full else f"the pull request of branch {new[0].branch}"
    return (f"{first} is full (GitHub allows {GITHUB_BODY_LIMIT:,} characters in a pull request"
            f" description): {count} paper(s) go to a continuation pull request ({where})",)
