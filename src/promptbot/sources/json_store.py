"""A JSON file of per-paper records kept between runs: read leniently, written atomically.

The caches (abstracts of the list's papers, what the papers' HTML pages said) are
`{"format": 1, "papers": {key: value}}`. A missing, unreadable or foreign file reads as empty:
the worst case is that arXiv is asked again, never that a run stops.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

log = logging.getLogger("promptbot.cache")

FORMAT = 1


def read_papers(path: Path, what: str) -> dict[str, Any]:
    """The file's records; {} when it is absent, unreadable (logged, naming `what`) or foreign."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("%s %s unreadable (%s); starting afresh", what, path, exc)
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    papers = data.get("papers")
    return dict(papers) if isinstance(papers, dict) else {}


def write_papers(path: Path, papers: Mapping[str, Any]) -> None:
    """Write the records atomically (a temporary file renamed over the old one: a crash leaves
    the old file); OSError when the folder cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"format": FORMAT, "papers": dict(papers)}, ensure_ascii=False,
                      sort_keys=True, indent=1)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        raise
