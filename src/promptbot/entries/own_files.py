"""What an exemplar keeps in the list's repository or for its maintainers alone.

awesome-NeRF links each paper's BibTeX file, `[bibtex](./citations/r2l.txt)`, and notes its key
in a comment, `<!---wang2022r2l-->`; hitcslj/Awesome-Point-Cloud-Completion names the file after
the paper (`./citations/pcn.txt`, which the template read as the short name's slot). A new paper
has no such file and no such note: a link to a path of the repository is a value the paper
cannot give (dropped with its label, as any such value is), and a comment goes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from promptbot.entries.template_model import Part, Slot, Template

# A note for the maintainers: an HTML comment, or the link reference markdown hides
# (`[//]: #12/30`, horseee/Awesome-Efficient-LLM's date a row was added).
_COMMENT = re.compile(r"[ \t]*(?:<!--.*?-->|\[//\]: ?#[^\s|]*(?: \([^()\n]*\))?)", re.DOTALL)
# A link's destination: opened at the end of a text (its rest after a slot), or whole.
OPEN_DESTINATION = re.compile(r"\]\(<?([^()\s<>]*)$")
# A link's destination, or an image's or link's in HTML (`<img src="figures/x.png">`).
_DESTINATION = re.compile(r"\]\(<?([^()\s<>]+)>?\)|\b(?:src|href)=\"([^\"\s<>]+)\"")
_CLOSES = re.compile(r"^[^()\s<>]*(?=>?\))")
# What a path is not: a URL with a scheme (`https:`), an `#anchor` of the page.
_NOT_PATH = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:|#")


def without_own_files(template: Template) -> Template:
    """The template with its links to the repository's files as `other` slots and without
    its comments."""
    parts: list[Part] = []
    pending: list[Part] = []  # a path opened in a literal part, running over slots
    for part in template.parts:
        if pending:
            if not isinstance(part, str) or (closing := _CLOSES.match(part)) is None:
                pending.append(part)
                continue
            pending.append(closing.group())
            parts.append(Slot("other", original="".join(_text(p) for p in pending)))
            part, pending = part[closing.end():], []
        if isinstance(part, Slot):
            parts.append(part)
            continue
        part = _COMMENT.sub("", part)
        parts.extend(_paths_as_slots(part))
        opened = OPEN_DESTINATION.search(part)
        if opened is not None and _is_path(opened.group(1)) and parts and isinstance(
                parts[-1], str):
            parts[-1] = parts[-1][:len(parts[-1]) - len(opened.group(1))]
            pending = [opened.group(1)]
    if pending:  # never closed: the parts stay as they were
        parts.extend(pending)
    kept = tuple(p for p in parts if p != "")
    return template if kept == template.parts else replace(template, parts=kept)


def _paths_as_slots(text: str) -> list[Part]:
    out: list[Part] = []
    at = 0
    for found in _DESTINATION.finditer(text):
        group = 1 if found.group(1) is not None else 2
        if _is_path(found.group(group)):
            out += [text[at:found.start(group)], Slot("other", original=found.group(group),
                                                      html=group == 2, attribute=group == 2)]
            at = found.end(group)
    return [*out, text[at:]]


def _is_path(destination: str) -> bool:
    """A destination in the list's repository (`./citations/r2l.txt`, `images/x.png`)."""
    return bool(destination) and not _NOT_PATH.match(destination)


def _text(part: Part) -> str:
    return part if isinstance(part, str) else part.original
