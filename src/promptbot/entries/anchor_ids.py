"""The anchors entries carry for other parts of the list to link to (`<span id="01601">`).

Where entries share anchors (`<span id = "1003">` on the rows of a Qinying-Liu section) they are
the list's markup: an exemplar's anchor that other entries carry too is copied as it is, and one
only the exemplar carries gives way to the anchor the section's latest entries share (the
maintainers copy the entry above the new one). Where each entry has its own, counted in turn
(`12101`, `12102`, … in fjchange/awesome-video-anomaly-detection; `1001`, `1002` in
Run542968/Awesome-3D-Human-Motion-Generation), an exemplar's number is that paper's: a new entry
repeating it would be a second element with the same id, and a link to it would land on the old
paper. The new entry takes the section's next number, as wide as the section writes them; where
the numbers are each entry's own and follow no count, it carries no anchor number at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

from promptbot.entries.template_model import Template
from promptbot.models import Entry

# A numeric id or name attribute, with the spaces before it.
_NUMERIC_ID = re.compile(r"""\s+(?:id|name)\s*=\s*(["'])(\d{1,9})\1""", re.IGNORECASE)
_COUNTED = 0.8  # this share of neighbours one apart: the section counts its anchors


def numbered_anchors(templates: Sequence[Template], entries: Sequence[Entry],
                     every: Sequence[Entry]) -> tuple[Template, ...]:
    """The templates with each numeric anchor as the section (`entries`; the whole list,
    `every`, where the section has one) writes a new entry's: a shared one as the exemplar
    writes it, the section's next number, or none."""
    values = _anchors(entries)
    if not values:
        return tuple(templates)
    numbers = [int(v) for v in values]
    steps = [abs(b - a) == 1 for a, b in pairwise(numbers)]
    # A section of one entry cannot tell whether it counts: the whole list's anchors tell.
    shared = Counter(values if steps else _anchors(every))
    counted = sum(steps) >= _COUNTED * len(steps) if steps else _each_its_own(shared)
    if counted:
        following = max(numbers) + 1
        return tuple(_with_anchor(t, lambda old: str(following).zfill(len(old)))
                     for t in templates)
    # The anchor the latest entries share: maintainers copy the entry above the new one.
    latest = next((v for v in reversed(values) if shared[v] > 1), None)
    return tuple(_with_anchor(t, lambda old: old if shared[old] > 1 else latest)
                 for t in templates)


def _anchors(entries: Sequence[Entry]) -> list[str]:
    return [m.group(2) for e in entries if (m := _NUMERIC_ID.search(e.raw))]


def _each_its_own(shared: Counter[str]) -> bool:
    """Whether most anchors (counted by how many entries carry each) are one entry's alone."""
    return sum(1 for n in shared.values() if n == 1) > sum(n for n in shared.values() if n > 1)


def _with_anchor(template: Template, value: Callable[[str], str | None]) -> Template:
    """The template with each numeric anchor's number as `value(old)` gives it, or without the
    attribute where it gives None."""
    def put(found: re.Match[str]) -> str:
        number = value(found.group(2))
        if number is None:
            return ""
        whole, at = found.group(0), found.start()
        start, end = found.start(2) - at, found.end(2) - at
        return whole[:start] + number + whole[end:]

    parts = tuple(_NUMERIC_ID.sub(put, p) if isinstance(p, str) else p for p in template.parts)
    return template if parts == template.parts else replace(template, parts=parts)
