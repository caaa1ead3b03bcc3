"""The anchors entries carry for other parts of the list to link to (`<span id="01601">`).

Where every entry of a section carries the same anchor (`<span id = "1003">` on each row of
Qinying-Liu's sections) it is the list's markup, copied as it is. Where each entry has its own,
counted in turn (`12101`, `12102`, … in fjchange/awesome-video-anomaly-detection; `1001`, `1002`
in Run542968/Awesome-3D-Human-Motion-Generation), an exemplar's number is that paper's: a new
entry repeating it would be a second element with the same id, and a link to it would land on
the old paper. The new entry takes the section's next number, as wide as the section writes
them; where the numbers follow no count, it carries no anchor number at all.
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
_SHARED = 0.5  # an anchor this share of the section's entries carry is the list's markup
_COUNTED = 0.8  # this share of neighbours one apart: the section counts its anchors


def numbered_anchors(templates: Sequence[Template], entries: Sequence[Entry]
                     ) -> tuple[Template, ...]:
    """The templates with each numeric anchor as the section writes a new entry's: the shared
    one, the section's next number, or none."""
    values = [m.group(2) for e in entries if (m := _NUMERIC_ID.search(e.raw))]
    if not values:
        return tuple(templates)
    shared, count = Counter(values).most_common(1)[0]
    if count >= _SHARED * len(values):
        return tuple(_with_anchor(t, lambda _: shared) for t in templates)
    numbers = [int(v) for v in values]
    steps = [abs(b - a) == 1 for a, b in pairwise(numbers)]
    if steps and sum(steps) >= _COUNTED * len(steps):
        following = max(numbers) + 1
        return tuple(_with_anchor(t, lambda old: str(following).zfill(len(old)))
                     for t in templates)
    return tuple(_with_anchor(t, None) for t in templates)


def _with_anchor(template: Template, value: Callable[[str], str] | None) -> Template:
    """The template with each numeric anchor's number as `value(old)` gives it, or without the
    attribute (None)."""
    def put(found: re.Match[str]) -> str:
        if value is None:
            return ""
        whole, at = found.group(0), found.start()
        start, end = found.start(2) - at, found.end(2) - at
        return whole[:start] + value(found.group(2)) + whole[end:]

    parts = tuple(_NUMERIC_ID.sub(put, p) if isinstance(p, str) else p for p in template.parts)
    return template if parts == template.parts else replace(template, parts=parts)
