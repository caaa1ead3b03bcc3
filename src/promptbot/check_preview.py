"""`promptbot check --preview`: each section's entry template, learned from its own entries,
and the entry it would write for a sample paper, so a maintainer sees it before the first PR."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from promptbot.config import Config
from promptbot.entries import editing, formatting
from promptbot.entries.template_model import Slot, Template
from promptbot.judging.placement import named_sections
from promptbot.models import Catalog, Paper, PaperFields, Section

SAMPLE = Paper(
    arxiv_id="2501.01234",
    title="SampleNet: A Sample Paper for the Entry Preview",
    authors=("Ada Lovelace", "Alan Turing"),
    abstract="Code: https://github.com/owner/samplenet",
    comment="Accepted to CVPR 2025",
    published=datetime(2025, 1, 2, tzinfo=UTC),
)
SAMPLE_FIELDS = PaperFields(name="SampleNet", venue="CVPR", year=2025, yymm="2501",
                            code_url="https://github.com/owner/samplenet", affiliation=None)


def previews(catalog: Catalog, cfg: Config) -> list[dict[str, Any]]:
    """For every section with entries, and every empty one a title can name by its heading
    (heading_names): its template and the sample paper written with it."""
    named = {id(n.section) for n in named_sections(catalog, cfg.sections).listed()}
    return [preview(catalog, section, cfg) for section in catalog.sections
            if section.entries or id(section) in named]


def preview(catalog: Catalog, section: Section, cfg: Config) -> dict[str, Any]:
    """One section's template, and the entry the bot would write there for the sample paper."""
    style = editing.section_style(catalog, section)
    if cfg.format.template:
        entry = formatting.format_with_template(SAMPLE, cfg.format.template, fields=SAMPLE_FIELDS)
        shown = f"[format].template: {cfg.format.template}"
    else:
        entry = formatting.format_entry(SAMPLE, style, fields=SAMPLE_FIELDS,
                                        unknown_name=cfg.format.unknown_name)
        shown = _shown(entry.template, style.templates is not None)
    return {"heading": section.heading, "line": section.line, "template": shown,
            "sample": entry.text, "fallback": entry.fallback}


def _shown(template: Template | None, learned: bool) -> str:
    """The template the sample was written with (tagged the list's way for its kind, its links
    in the voted form), slots named: `* [**{venue}'{date:%y}**] {title} …`."""
    if template is None:
        return ("(none: no entry of the section could serve; see the note)" if learned
                else "(none: the section's style is voted from the whole list)")
    return "".join(p if isinstance(p, str) else _slot(p)
                   for p in template.parts).replace("\n", "⏎")


def _slot(slot: Slot) -> str:
    return "{" + slot.kind + (":" + slot.form if slot.form and slot.kind == "date" else "") + "}"
