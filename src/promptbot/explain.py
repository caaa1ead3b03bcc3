"""`promptbot explain ARXIV_ID`: the whole story of one paper in the run a dry run would make.

The same inputs as `run` (config, --catalog, --feed, --since/--until) and the same plan; the
story is read from it: the paper as the source gave it, the decision and every reason, the
section chosen, how its nearest catalog entries vote and what the sections' content model and
the recency prior say, and the entry it would write.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from promptbot.catalog import normalize_arxiv_id, parse
from promptbot.config import Config
from promptbot.entries import plan_insertions
from promptbot.errors import UsageError
from promptbot.judging.placement import Placer, like_with_like
from promptbot.judging.relevance import TitleSimilarity
from promptbot.judging.section_model import cached_entries, entry_text
from promptbot.models import Catalog, Decision, Insertion, Paper, Plan, Status
from promptbot.report import terminal_text as _safe

_VOTERS_SHOWN = 3


def requested_id(text: str) -> str:
    """The versionless id in `text` ("2506.23856v2", "arXiv:2506.23856", an abs URL)."""
    found = normalize_arxiv_id(text.strip())
    if found is None:
        raise UsageError(f"{text!r} is not an arXiv id (e.g. 2506.23856)")
    return found


def explain_command(args: argparse.Namespace, cfg: Config) -> int:
    """Plan as a dry run would, then tell the story of `args.arxiv_id`."""
    from promptbot import runner

    wanted = requested_id(args.arxiv_id)
    args.dry_run, args.output, args.summary = True, None, None
    planned = runner.plan_run(args, cfg, runner.build_forge(args, cfg))
    print(story(wanted, planned.plan, parse(planned.base), cfg,
                path=args.catalog or cfg.catalog.path, abstracts=planned.listed_texts), end="")
    return 0


def story(arxiv_id: str, plan: Plan, catalog: Catalog, cfg: Config, *, path: str,
          abstracts: Mapping[str, str] | None = None) -> str:
    """The text `explain` prints for one paper of `plan` (a UsageError if it is not there);
    `abstracts`: the cached texts of listed papers the plan was judged with, which the
    nearest entries and the sections' content model read as the run's placement does."""
    decision = next((d for d in plan.decisions if d.paper.arxiv_id == arxiv_id), None)
    if decision is None:
        raise UsageError(f"{arxiv_id} is not among the {len(plan.decisions)} candidate(s) of this"
                         " run; give --feed FILE or --since/--until dates that include it")
    out = _paper(decision.paper)
    # The threshold the paper was judged by: the list-taught one when the terms do not fit.
    threshold = cfg.scoring.threshold if decision.threshold is None else decision.threshold
    out += ["", f"Decision: {decision.status.value}, relevance {decision.score:.2f}"
                f" (threshold {threshold:.2f})"]
    if decision.pull_request is not None:
        out.append(f"  see pull request #{decision.pull_request}")
    if decision.duplicate_of:
        out.append(f"  already listed at line {decision.duplicate_line}: "
                   f"{_safe(decision.duplicate_of)}")
    out += ["", "Reasons:", *(f"  - {_safe(r)}" for r in decision.reasons)]
    out += ["", *_section(decision), *_vote(decision.paper, catalog, cfg, abstracts),
            *_content(decision.paper, catalog, cfg, abstracts)]
    out += ["", *_entry(decision, plan, catalog, cfg, path)]
    return "\n".join(out) + "\n"


def _paper(paper: Paper) -> list[str]:
    when = paper.published.strftime("%Y-%m-%d") if paper.published else "unknown"
    categories = ", ".join(paper.categories) or "none given"
    out = [f"arXiv {paper.arxiv_id}v{paper.version}: {_safe(paper.title)}",
           f"  from {paper.source or 'a source'}; submitted {when}; categories {categories}"
           + (f" (primary {paper.primary_category})" if paper.primary_category else "")]
    for label, value in (("comment", paper.comment), ("journal ref", paper.journal_ref)):
        if value:
            out.append(f"  {label}: {_safe(value)}")
    return out


def _section(d: Decision) -> list[str]:
    if d.section is None:
        return ["Section: none"]
    triage = "; needs triage" if d.needs_triage else ""
    return [f'Section: "{_safe(d.section)}" (confidence {d.section_confidence:.2f}{triage})']


def _vote(paper: Paper, catalog: Catalog, cfg: Config,
          abstracts: Mapping[str, str] | None) -> list[str]:
    """How the nearest catalog entries (tf-idf) split between sections: by title, or with
    cached abstracts by content where an entry has one, as the run's scorer compares them."""
    entries = [(s.heading, e) for s in catalog.sections for e in s.entries]
    if not entries:
        return []
    similarity = TitleSimilarity([entry_text(e, abstracts) for _, e in entries])
    sims = similarity.matrix([paper.title])
    if abstracts:  # like with like: title and abstract against the entries with a cached one
        cached = cached_entries([e for _, e in entries], abstracts)
        sims = like_with_like(similarity.matrix([f"{paper.title}\n{paper.abstract}"]), sims,
                              cached)
    sims = sims[0]
    nearest = [i for i in np.argsort(-sims, kind="stable")[:cfg.sections.neighbours]
               if sims[i] > 0]
    what = "entries (titles and cached abstracts)" if abstracts else "titles"
    if not nearest:
        return [f"  no catalog {'entry' if abstracts else 'title'} resembles this one"]
    mass: dict[str, float] = defaultdict(float)
    voters: dict[str, list[str]] = defaultdict(list)
    for i in nearest:
        heading, entry = entries[i]
        mass[heading] += float(sims[i])
        voters[heading].append(f"line {entry.line} {sims[i]:.2f}")
    total = sum(mass.values())
    out = [f"  the {len(nearest)} nearest catalog {what} vote (similarity share):"]
    for heading, weight in sorted(mass.items(), key=lambda kv: -kv[1]):
        shown = ", ".join(voters[heading][:_VOTERS_SHOWN])
        out.append(f"  {weight / total:>5.0%}  {_safe(heading)}  ({shown})")
    return out


def _content(paper: Paper, catalog: Catalog, cfg: Config,
             abstracts: Mapping[str, str] | None) -> list[str]:
    """What the sections' content model says of the paper (its title, and its abstract when
    the model learned cached abstracts), and where the list adds now."""
    placer = Placer(catalog, cfg.sections, abstracts)
    view = placer.section_view(paper)
    if not view:
        return []
    by = "title and abstract" if abstracts else "title"
    out = [f"  the sections' content model (by {by}; share of the entries near its date):"]
    out += [f"  {p:>5.0%}  {_safe(name)}  (near its date {recent:.0%})" for name, p, recent in view]
    out.append(f"  weighed for this list: {placer.fit.describe()}")
    return out


def _entry(d: Decision, plan: Plan, catalog: Catalog, cfg: Config, path: str) -> list[str]:
    found: Sequence[Insertion] = [i for i in plan.insertions if i.arxiv_id == d.paper.arxiv_id]
    heading = "Entry it writes"
    if not found and d.section is not None and d.status is not Status.LISTED:
        found = plan_insertions(catalog, [replace(d, status=Status.PROPOSED)], cfg)
        heading = f"Entry it would write were it proposed ({d.status.value} now)"
    if not found:
        return ["Entry: none"]
    ins = found[0]
    missing = f"; please fill in: {', '.join(ins.missing)}" if ins.missing else ""
    return [f"{heading} (after line {ins.after_line} of {path}{missing}):", f"  {_safe(ins.text)}"]
