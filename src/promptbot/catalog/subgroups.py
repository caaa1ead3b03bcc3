"""Bullet sub-groups inside a section (`* Video:` over a nested list) and which one a paper joins.

A group whose label the paper's title says wins; else the group whose entries' titles are most
alike (tf-idf); else the general one. Pure: reads a parsed Catalog only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from promptbot.models import Catalog, Section


def groups_of(catalog: Catalog, section: Section) -> list[Section]:
    """The bullet sub-groups inside `section` that hold entries, in file order."""
    return [g for g in catalog.groups if section.line <= g.line <= section.end_line and g.entries]


def choose_group(catalog: Catalog, section: Section, title: str) -> Section | None:
    """The sub-group of `section` a paper titled `title` belongs to; None if it has none.

    A group whose label the title says (`Video`, `3D`) wins; else the group whose entries' titles
    are most alike (tf-idf, mean of its three nearest); else the general one (`General`, `Others`)
    or the biggest.
    """
    groups = groups_of(catalog, section)
    if len(groups) < 2:
        return groups[0] if groups else None
    said = title.casefold()
    named = [g for g in groups if _label_words(g) and all(
        re.search(rf"(?<![a-z0-9]){re.escape(w)}", said) for w in _label_words(g))]
    if named:
        return max(named, key=lambda g: len(g.heading))
    scores = _alike(groups, title)
    if max(scores) > 0.0:
        return groups[scores.index(max(scores))]
    general = [g for g in groups if not _label_words(g)]
    return general[0] if general else max(groups, key=lambda g: len(g.entries))


_VAGUE = frozenset({"general", "others", "other", "misc", "miscellaneous", "more", "than"})


def _label_words(group: Section) -> list[str]:
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", group.heading.casefold())
    return [w for w in words if w not in _VAGUE and not w.isdigit()] if words else []


def _alike(groups: Sequence[Section], title: str) -> list[float]:
    # Imported here: only placing a paper among sub-groups needs it, and reading a catalog (check,
    # the benchmarks) should not pay scikit-learn's import (seconds, ~80 MB).
    from sklearn.feature_extraction.text import TfidfVectorizer

    titles = [e.title for g in groups for e in g.entries]
    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
            [*titles, title])
    except ValueError:  # nothing but stop words
        return [0.0] * len(groups)
    sims = (matrix[:-1] @ matrix[-1].T).toarray().ravel()
    scores, start = [], 0
    for group in groups:
        own = sorted(sims[start:start + len(group.entries)], reverse=True)[:3]
        scores.append(float(sum(own) / len(own)))
        start += len(group.entries)
    return scores
