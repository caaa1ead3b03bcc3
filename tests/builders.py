"""Model objects built for tests: papers, the proposals and PR bodies that record them, and
small lists of sectioned paper bullets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from promptbot.github.pull_request_text import render_body
from promptbot.models import Paper, Proposal

SECTION = "Prompt Learning(arxiv)"


def paper(**fields: object) -> Paper:
    """A paper with `fields`: id 2501.00001, title "A Title" and Paper's defaults unless given."""
    values: dict[str, object] = {"arxiv_id": "2501.00001", "title": "A Title", **fields}
    return Paper(**values)  # type: ignore[arg-type]


def proposal(arxiv_id: str, **kw: object) -> Proposal:
    """A proposal as planning makes one: a bullet entry linking the paper, in SECTION."""
    values: dict[str, object] = {"title": f"Paper {arxiv_id}", "score": 0.75, "why": "prompt",
                                 "section": SECTION}
    values.update(kw)
    entry = f"* **?**: {values['title']} [[Paper](https://arxiv.org/abs/{arxiv_id})]"
    return Proposal(arxiv_id, entry=entry, **values)  # type: ignore[arg-type]


def body_of(proposals: Sequence[Proposal], *, abstracts: Mapping[str, str] | None = None,
            notes: Sequence[str] = ()) -> str:
    """The PR body recording `proposals`, for a catalog at README.md."""
    return render_body(proposals, catalog_path="README.md", abstracts=abstracts or {},
                       notes=notes)


def paper_bullet(arxiv_id: str, title: str) -> str:
    """A seed-style bullet entry for `title` under `arxiv_id` ("2401.00001": arXiv, 2024)."""
    year = 2000 + int(arxiv_id[:2])
    return f'- **N{arxiv_id}**: "{title}", arXiv, {year}. [[Paper](https://arxiv.org/abs/{arxiv_id})]'


def sectioned_list(sections: Mapping[str, Sequence[tuple[str, str]]],
                   head: Sequence[str] = ("# Papers", ""), tail: Sequence[str] = ()) -> str:
    """A list's text: `## heading` sections of (arXiv id, title) bullets between the `head` and
    `tail` lines; a heading "A / 2026" is `### 2026` under `## A`."""
    lines, parents = list(head), set()
    for heading, entries in sections.items():
        parent, _, child = heading.partition(" / ")
        if child and parent not in parents:
            parents.add(parent)
            lines += [f"## {parent}", ""]
        lines += [f"### {child}" if child else f"## {heading}", ""]
        lines += [paper_bullet(i, t) for i, t in entries] + [""]
    return "\n".join([*lines, *tail])


def venue_dated_list(entries: Sequence[tuple[str, str, str]], *, parent: str = "",
                     numbered: bool = False) -> str:
    """A list dated by venue: per (heading, arXiv id, title) an entry `- **Title**. CVPR 2023.
    [[Paper]](…)` under its heading (`## CVPR 2023`, or `#### CVPR 2023` under `## parent`),
    one after another under a heading repeated; under an undated heading (`Preprints`) the
    entry is a preprint's (`arXiv 2023`); `numbered`: items `1.`, `2.` instead of bullets."""
    lines = ["# L", *([f"## {parent}"] if parent else [])]
    last, count = None, 0
    for heading, arxiv_id, title in entries:
        if heading != last:
            lines.append(f"{'####' if parent else '##'} {heading}")
            last, count = heading, 0
        count += 1
        venue = heading if any(c.isdigit() for c in heading) else f"arXiv 20{arxiv_id[:2]}"
        mark = f"{count}." if numbered else "-"
        lines.append(f"{mark} **{title}**. {venue}. [[Paper]](https://arxiv.org/abs/{arxiv_id})")
    return "\n".join(lines) + "\n"
