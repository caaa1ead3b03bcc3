"""An institution's short name from a full affiliation line; pure.

"School of Physics, Northwest University, Xi'an 710127, China" -> "Northwest University":
lists name the institution, not the department, the postal address or the country.
"""

from __future__ import annotations

import re

# Whole institutions: preferred over any other part of an affiliation line.
_INSTITUTION = re.compile(
    r"\b(?:Universit\w*|Univ\.|Institute of Technology|Polytechnic\w*|Academy|Academia|"
    r"[EÉ]cole|ETH|EPFL|KAIST|Imperial College|\w+ College\b(?! of))",
    re.IGNORECASE,
)
# Research organisations and companies: next best.
_ORGANISATION = re.compile(
    r"\b(?:Institut\w*|Laborator\w*|Labs?|Research|Inc|Corporation|Company|Technologies|AI|"
    r"Cent(?:er|re)|Hospital|Foundation|Group|Brain|DeepMind)\b",
    re.IGNORECASE,
)
# Sub-units of an institution: named only when nothing else is.
_DEPARTMENT = re.compile(
    r"^(?:Dept\b|Department|School of|Faculty|College of|Division|Graduate School|"
    r"Key Lab|Cent(?:er|re) for|Program|Chair)",
    re.IGNORECASE,
)
_LEGAL_SUFFIX = re.compile(r"^(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|Co\.?|Co\., Ltd\.?|GmbH|Corp\.?|"
                           r"S\.?A\.?|AG|PLC|B\.V\.)$", re.IGNORECASE)
_COUNTRIES = frozenset({
    "china", "p.r. china", "pr china", "prc", "usa", "u.s.a", "us", "united states",
    "united states of america", "uk", "u.k", "united kingdom", "singapore", "japan", "korea",
    "south korea", "republic of korea", "germany", "france", "canada", "australia", "india",
    "italy", "spain", "switzerland", "netherlands", "the netherlands", "finland", "sweden",
    "israel", "hong kong", "hong kong sar", "taiwan", "austria", "belgium", "denmark", "norway",
    "brazil", "russia", "uae", "united arab emirates", "saudi arabia", "poland", "portugal",
    "ireland", "greece", "turkey", "iran", "new zealand", "czech republic", "macau", "vietnam",
})
# University systems whose campus is part of the name ("University of California, Berkeley").
_SYSTEMS = re.compile(
    r"^University of (?:California|Texas|Illinois|Wisconsin|Massachusetts|North Carolina|"
    r"Maryland|Colorado|Minnesota|Michigan|Hawaii|Missouri)$",
    re.IGNORECASE,
)
_MARKS = re.compile(r"[*†‡§¶#∗⋆✉]+")
_LABEL = re.compile(r"^\s*(?:affiliations?|address)\s*[:：]\s*", re.IGNORECASE)
_NOT_TEXT = re.compile(r"\S+@\S+|https?://\S+")


def institution_name(text: str) -> str | None:
    """The institution an affiliation line names, in its short form; None if it names none."""
    parts = _parts(text)
    if not parts:
        return None
    for pattern in (_INSTITUTION, _ORGANISATION):
        for i, part in enumerate(parts):
            if pattern.search(part) and not _DEPARTMENT.match(part):
                return _with_campus(parts, i)
    for i, part in enumerate(parts):
        if not _DEPARTMENT.match(part) and not _is_address(part):
            return _with_campus(parts, i)
    return parts[0]


def _parts(text: str) -> list[str]:
    text = _NOT_TEXT.sub(" ", _MARKS.sub(" ", text))
    text = _LABEL.sub("", " ".join(text.split()))
    parts = [p.strip(" .:-–—()[]") for p in re.split(r"[,;，；\n]", text)]
    parts = [re.sub(r"^the\s+", "", p, flags=re.IGNORECASE) for p in parts]
    return [p for p in parts if re.search(r"[^\W\d_]", p) and not _LEGAL_SUFFIX.match(p)]


def _is_address(part: str) -> bool:
    """A postal code, street, city with a number, country or a two-letter state code."""
    return (
        bool(re.search(r"\d", part))
        or part.lower().strip(".") in _COUNTRIES
        or bool(re.fullmatch(r"[A-Z]{2}", part))
    )


def _with_campus(parts: list[str], i: int) -> str:
    name = re.sub(r"\bUniv\.(?=\s)", "University", parts[i])
    following = parts[i + 1] if i + 1 < len(parts) else ""
    if _SYSTEMS.match(name) and following and not _is_address(following):
        return f"{name}, {following}"
    return name
