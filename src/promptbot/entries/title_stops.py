"""Whether a list ends its titles with a full stop, learned by vote over its entries; pure.

arXiv's titles have none; lists differ (`[**A Survey of Long Contexts.**](…)` on 299 of 322
entries of one list, on 1 of 52 of another). The exemplar an entry is written from may be one of
the few: its title slot is made to say what most of the list's titles say, so a new title ends
with the list's full stop, or without a typo's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from promptbot.entries.template_model import Part, Slot, Template
from promptbot.models import Entry

MIN_VOTES = 5  # fewer titles than this say nothing about a habit
_MARKS = "*_`\"'”’"  # emphasis and quotes that may close around a title before its full stop
_ASKED = "?!"  # a title's own end that stands where the list's full stop would


def with_title_stops(templates: Sequence[Template], entries: Sequence[Entry]) -> list[Template]:
    """The templates with each title slot ending as most of `entries`' titles do; unchanged
    where fewer than MIN_VOTES titles vote."""
    titles = [e.title.rstrip() for e in entries if e.title.strip()]
    if len(titles) < MIN_VOTES:
        return list(templates)
    stopped = 2 * sum(t.endswith(".") for t in titles) > len(titles)
    return [replace(t, parts=tuple(_stop(p, stopped, t.parts[i + 1:i + 2])
                                   for i, p in enumerate(t.parts))) for t in templates]


def _stop(part: Part, stopped: bool, following: tuple[Part, ...]) -> Part:
    if not isinstance(part, Slot) or part.kind != "title":
        return part
    original = part.original
    # `"{title}." ArXiv (2025)`, `**{title}**.`: the exemplar writes the full stop already.
    after = following[0] if following and isinstance(following[0], str) else ""
    if stopped and (original[-1:].isalnum() or original[-1:] in _ASKED) \
            and not after.lstrip(_MARKS).startswith("."):
        # An exemplar's question (`**Are Defenses Robust?**`) has no stop to show: the list's.
        original = original.rstrip(_ASKED) + "."
    elif not stopped and original.endswith(".") and not original.endswith(".."):
        original = original[:-1]
    return replace(part, original=original)
