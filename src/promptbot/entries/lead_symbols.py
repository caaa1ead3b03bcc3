"""Symbols before an entry's title that only some of a section's entries carry.

Lists mark a few papers by hand: `| ✨ [Janus-Pro: …](…)` among rows without the sparkle,
`- 🌟 **MME-Survey**` among plain bullets. The mark is the maintainers' judgement of that one
paper (a highlight, a favourite), not the list's way of writing an entry, and a new paper
written after such an exemplar must not inherit it. A symbol most of the section's entries
carry before their titles (`- 📄 [Title](…)` on every line) is the list's own markup and stays.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from promptbot.catalog.links import is_pictograph
from promptbot.entries.template_model import Part, Slot, Template

_SHARE = 0.5  # a symbol on fewer of the section's entries (by weight) is a remark on a paper
_LINE_START = re.compile(r"[\n|]")


def without_rare_symbols(templates: Sequence[Template], weights: Sequence[float]
                         ) -> tuple[Template, ...]:
    """The templates with the symbols before their titles that less than half of them (by
    weight) carry there taken out, with a space each."""
    leads = [_lead(t) for t in templates]
    carried: defaultdict[str, float] = defaultdict(float)
    for (_, lead), weight in zip(leads, weights, strict=True):
        for symbol in set(_symbols(lead)):
            carried[symbol] += weight
    total = sum(weights) or 1.0
    rare = frozenset(s for s, w in carried.items() if w / total < _SHARE)
    return tuple(_without(t, lead, rare) if rare else t
                 for t, lead in zip(templates, leads, strict=True))


def _lead(template: Template) -> tuple[int, str]:
    """The index of the literal part just before the title slot, and its text from the start
    of the title's line (or table cell); (-1, "") where a slot or nothing comes before."""
    title = next((i for i, p in enumerate(template.parts)
                  if isinstance(p, Slot) and p.kind == "title"), 0)
    before = template.parts[title - 1] if title else None
    if not isinstance(before, str):
        return -1, ""
    return title - 1, _LINE_START.split(before)[-1]


def _symbols(text: str) -> list[str]:
    """The runs of pictographic symbols in `text` (`✨`, `🌟`, `❤️`)."""
    runs, run = [], ""
    for char in text:
        if is_pictograph(char, within=bool(run)):
            run += char
        elif run:
            runs.append(run)
            run = ""
    return [*runs, run] if run else runs


def _without(template: Template, lead_at: tuple[int, str], rare: frozenset[str]) -> Template:
    index, lead = lead_at
    found = [s for s in _symbols(lead) if s in rare]
    if not found:
        return template
    part = template.parts[index]
    if not isinstance(part, str):
        return template
    head, kept = part[:len(part) - len(lead)], lead
    for symbol in found:
        kept = re.sub(re.escape(symbol) + r"[ \t]?", "", kept, count=1)
    parts: list[Part] = [*template.parts[:index], head + kept, *template.parts[index + 1:]]
    return replace(template, parts=tuple(p for p in parts if p != ""))
