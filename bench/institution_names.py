"""How often the short institution name read from a raw affiliation string agrees with
OpenAlex's institution for it (offline, over saved OpenAlex responses).

Every authorship with one raw affiliation string and one institution is a pair; a pair agrees
when the name promptbot reads equals OpenAlex's display name or one contains the other.

    python bench/institution_names.py OPENALEX_JSON [OPENALEX_JSON ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from promptbot.entries.institutions import institution_name


def pairs(data: Any) -> Iterator[tuple[str, str]]:
    """(raw affiliation string, OpenAlex institution) of every one-to-one authorship."""
    if isinstance(data, dict):
        raws, institutions = data.get("raw_affiliation_strings"), data.get("institutions")
        if isinstance(raws, list) and isinstance(institutions, list) and len(raws) == 1 == len(
                institutions) and isinstance(institutions[0], dict):
            yield str(raws[0]), str(institutions[0].get("display_name") or "")
        for value in data.values():
            yield from pairs(value)
    elif isinstance(data, list):
        for value in data:
            yield from pairs(value)


def agrees(read: str | None, reference: str) -> bool:
    """Whether the name read names OpenAlex's institution."""
    if not read:
        return False
    a, b = read.lower(), reference.lower()
    return a == b or a in b or b in a


def main(argv: list[str] | None = None) -> int:
    """Print every disagreement and the agreement rate."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="saved OpenAlex JSON responses")
    args = parser.parse_args(argv)
    found: set[tuple[str, str]] = set()
    for path in args.files:
        try:
            found.update(pairs(json.loads(path.read_text(encoding="utf-8"))))
        except ValueError as exc:
            print(f"{path.name}: skipped ({exc})", file=sys.stderr)
    good = 0
    for raw, reference in sorted(found):
        read = institution_name(raw)
        if agrees(read, reference):
            good += 1
        else:
            print(f"{raw!r} -> {read!r} (OpenAlex: {reference!r})")
    print(f"agree: {good} of {len(found)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
