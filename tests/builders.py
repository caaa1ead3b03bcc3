"""Model objects built for tests: papers, and the proposals and PR bodies that record them."""

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
