"""Entry fields read from arXiv metadata: venue and year, code link, affiliation (and short name).

The short name is found in promptbot.entries.short_names, the code link in
promptbot.entries.code_links; both are re-exported here with the other fields.
"""

from __future__ import annotations

import re
from dataclasses import replace

from promptbot.entries.code_links import code_url_in, project_url_in
from promptbot.entries.short_names import short_name
from promptbot.models import Paper, PaperFields

__all__ = ["PUBLISHERS", "affiliation", "canonical_venue", "code_url", "code_url_in",
           "entry_fields", "judging_fields", "read_fields", "short_name", "submission_yymm",
           "venue_year"]


def read_fields(paper: Paper) -> PaperFields:
    """Everything an entry takes from the paper's metadata, read once."""
    code = code_url(paper)
    return replace(judging_fields(paper), name=short_name(paper, code), code_url=code,
                   affiliation=affiliation(paper), project_url=project_url_in(_said(paper)),
                   complete=True)


def judging_fields(paper: Paper) -> PaperFields:
    """What judging needs of every candidate: the venue (published or a preprint), the year and
    the submission's month; not what an entry alone needs (short name, code link, project page,
    affiliation), which entry_fields reads for the few papers a run writes (reading them for all
    of bench_scoring's 5,000 candidates cost 0.3 s of 3.5)."""
    venue, year = venue_year(paper)
    return PaperFields(name=None, venue=venue, year=year, yymm=submission_yymm(paper),
                       code_url=None, affiliation=None, complete=False)


def entry_fields(paper: Paper, fields: PaperFields | None) -> PaperFields:
    """The fields an entry or an update is written from: `fields` when complete (as judging or
    enrichment left them), else all of them read from the paper."""
    return fields if fields is not None and fields.complete else read_fields(paper)

# Canonical spelling of venues the lists use, keyed by lower-case spellings found in comments.
_VENUES: dict[str, str] = {
    "cvpr": "CVPR", "iccv": "ICCV", "eccv": "ECCV", "neurips": "NeurIPS", "nips": "NeurIPS",
    "iclr": "ICLR", "icml": "ICML", "aaai": "AAAI", "ijcai": "IJCAI", "acl": "ACL",
    "emnlp": "EMNLP", "naacl": "NAACL", "coling": "COLING", "eacl": "EACL", "wacv": "WACV",
    "bmvc": "BMVC", "accv": "ACCV",
    # "ACM MM" as most lists write it (245 to 60 "ACMMM" in the lists we replay).
    "acm mm": "ACM MM", "acmmm": "ACM MM", "acm multimedia": "ACM MM",
    "miccai": "MICCAI", "icra": "ICRA", "iros": "IROS", "corl": "CoRL", "kdd": "KDD",
    "sigir": "SIGIR", "icassp": "ICASSP", "interspeech": "INTERSPEECH",
    "3dv": "3DV", "siggraph": "SIGGRAPH", "siggraph asia": "SIGGRAPH Asia", "aistats": "AISTATS",
    "uai": "UAI", "icip": "ICIP", "icme": "ICME", "icdar": "ICDAR",
    "tpami": "TPAMI", "t-pami": "TPAMI", "pami": "TPAMI", "ijcv": "IJCV", "tip": "TIP",
    "tmm": "TMM", "tnnls": "TNNLS", "tcsvt": "TCSVT", "tmlr": "TMLR", "tog": "TOG",
    "jmlr": "JMLR", "tacl": "TACL",
}
# Spellings that are acronyms only when written in capitals ("TIP", not "a useful tip").
_ANY_CASE = frozenset(
    {"neurips", "nips", "acm mm", "acmmm", "acm multimedia", "siggraph asia", "3dv"}
)
# Full names that journal_ref and comments spell out.
_LONG_NAMES: tuple[tuple[str, str], ...] = (
    (r"computer vision and pattern recognition", "CVPR"),
    (r"international conference on computer vision", "ICCV"),
    (r"european conference on computer vision", "ECCV"),
    (r"neural information processing systems", "NeurIPS"),
    (r"international conference on learning representations", "ICLR"),
    (r"international conference on machine learning", "ICML"),
    (r"transactions on pattern analysis and machine intelligence", "TPAMI"),
    (r"international journal of computer vision", "IJCV"),
    (r"transactions on image processing", "TIP"),
    (r"transactions on multimedia", "TMM"),
    (r"transactions on neural networks and learning systems", "TNNLS"),
    (r"transactions on circuits and systems for video technology", "TCSVT"),
    (r"transactions on machine learning research", "TMLR"),
    (r"aaai conference on artificial intelligence", "AAAI"),
    (r"winter conference on applications of computer vision", "WACV"),
)
_VENUE_RE = re.compile(
    r"(?<![A-Za-z0-9])("
    + "|".join(sorted((re.escape(k).replace(r"\ ", r"\s*") for k in _VENUES), key=len)[::-1])
    # Two-digit years only glued on or after an apostrophe (CVPR24, NeurIPS'24): "TPAMI 46(3)"
    # is a volume, not 2046.
    + r")(?:\s*(\d{4})(?!\d)|['’]?(\d{2})(?!\d))?(?![A-Za-z\-])",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(
    r"submitted|under review|under submission|in submission|feedback pending|rejected|"
    r"preprint|extension of|extended version of|version of our",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")
_WORKSHOP_RE = re.compile(r"workshop", re.IGNORECASE)


def venue_year(paper: Paper) -> tuple[str, int]:
    """Venue and year from journal_ref or comment, else ("arXiv", submission year)."""
    for text in (paper.journal_ref, paper.comment):
        found = _venue_in(text or "")
        if found is not None:
            venue, year = found
            return venue, year or _fallback_year(paper)
    journal = _journal_name(paper.journal_ref or "")
    if journal:
        years = _YEAR_RE.findall(paper.journal_ref or "")
        return journal, int(years[0]) if years else _fallback_year(paper)
    return "arXiv", _submission_year(paper)


def _journal_name(journal_ref: str) -> str | None:
    """A journal the venue table does not know, from journal_ref: its name before the volume."""
    name = re.split(r"[\d(,;:]", " ".join(journal_ref.split()), maxsplit=1)[0].strip(" .-")
    return name if len(name) >= 3 and any(c.isalpha() for c in name) else None


def _venue_in(text: str) -> tuple[str, int | None] | None:
    """The first acceptance-like venue mention in one clause of `text`, with its year if given."""
    for clause in re.split(r"[;.\n]\s+|\n", " ".join(text.split("\n"))):
        if not clause.strip() or _NEGATIVE.search(clause):
            continue
        venue = next((v for p, v in _LONG_NAMES if re.search(p, clause, re.IGNORECASE)), None)
        match = _short_venue(clause)
        digits = match and (match.group(2) or match.group(3))
        year = _year(digits) if digits else None
        if venue is None and match is not None:
            venue = _VENUES[" ".join(match.group(1).lower().split())]
        if venue is None:
            venue = _accepted_acronym(clause)
        if venue is None:
            continue
        if year is None:
            years = _YEAR_RE.findall(clause)
            year = int(years[0]) if years else None
        if _WORKSHOP_RE.search(clause) and not venue.endswith("W") and venue.isupper():
            venue += "W"
        return venue, year
    return None


_ACCEPTED = re.compile(
    r"accepted|to appear|appears? in|published (?:in|at|by)|camera[- ]ready", re.IGNORECASE
)
_PAREN_ACRONYM = re.compile(r"\(([A-Za-z][A-Za-z0-9\-]*[A-Z][A-Za-z0-9\-]*)(?:['’]?\s*\d{2,4})?\)")
_WRITTEN_OUT = re.compile(r"\s*(?:by|to|in|at|for)?\s*(?:the\s+)?([A-Z][^,;()\[\]]{2,78})")
# Publishers prefix many venue names (`IEEE TPAMI`, `ACM MM`); alone they name no venue.
PUBLISHERS = frozenset({"IEEE", "ACM", "CVF", "IAPR", "SPIE", "IET", "ISCA"})
_CAPS_TOKEN = re.compile(r"(?<![\w-])([A-Z][A-Z0-9\-]*[A-Z][A-Z0-9\-]*)(?![\w-])")


def canonical_venue(text: str) -> str | None:
    """The canonical spelling of a venue as a list writes it ("NIPS", "Nips" -> "NeurIPS")."""
    key = " ".join(text.lower().split())
    if key == "arxiv":
        return "arXiv"
    if key in _VENUES:
        return _VENUES[key]
    return next((v for p, v in _LONG_NAMES if re.fullmatch(p, key)), None)


def _accepted_acronym(clause: str) -> str | None:
    """A venue the table does not know, named by acronym after "accepted to" and the like."""
    cue = _ACCEPTED.search(clause)
    if cue is None:
        return None
    rest = clause[cue.end() :]
    found = _PAREN_ACRONYM.search(rest)
    tokens = [m.group(1) for m in _CAPS_TOKEN.finditer(rest)]
    # Publishers prefix many venue names ("IEEE RO-MAN"); alone, they name no venue, and the
    # venue is the name written out ("IEEE Transactions on Geoscience and Remote Sensing").
    named = [t for t in tokens if t not in PUBLISHERS]
    acronym = found.group(1) if found else (named[0] if named else None)
    if acronym:
        return re.sub(r"-?\d{2,4}$", "", acronym) or None
    written = _WRITTEN_OUT.match(rest)
    if not (written and tokens):
        return None
    return re.sub(r"[\s'’-]*\d{2,4}$", "", written.group(1).strip()) or None


def _short_venue(clause: str) -> re.Match[str] | None:
    for match in _VENUE_RE.finditer(clause):
        key = " ".join(match.group(1).lower().split())
        if key in _ANY_CASE or sum(c.isupper() for c in match.group(1)) >= 2:
            return match
    return None


def _year(digits: str) -> int | None:
    value = int(digits)
    if len(digits) == 2:
        value += 2000
    return value if 1980 <= value <= 2100 else None


def _submission_year(paper: Paper) -> int:
    if paper.published is not None:
        return paper.published.year
    # New-style ids carry the submission month: "2306.11400" -> 2023.
    match = re.match(r"(\d{2})(\d{2})\.\d{4,5}$", paper.arxiv_id)
    if match:
        return 2000 + int(match.group(1))
    match = re.search(r"/(\d{2})\d{2}\d{3}$", paper.arxiv_id)
    if match:
        yy = int(match.group(1))
        return 1900 + yy if yy >= 91 else 2000 + yy
    return 1970


def _fallback_year(paper: Paper) -> int:
    """A venue without a year (`to appear in TPAMI`): the year of the version saying so."""
    if paper.updated is not None:
        return paper.updated.year
    return _submission_year(paper)


def submission_yymm(paper: Paper) -> str:
    """The YYMM of the submission ("2306"), as arXiv-style link labels show it."""
    match = re.match(r"(\d{4})\.\d{4,5}$", paper.arxiv_id)
    if match:
        return match.group(1)
    if paper.published is not None:
        return paper.published.strftime("%y%m")
    match = re.search(r"/(\d{4})\d{3}$", paper.arxiv_id)
    return match.group(1) if match else ""


# --- code link and affiliation ------------------------------------------------------------------

def code_url(paper: Paper) -> str | None:
    """A code repository (GitHub, GitLab, Hugging Face …) the abstract or comment names, else a
    page the text presents as code or project page; never a bare download."""
    return code_url_in(_said(paper))


def _said(paper: Paper) -> str:
    """What the paper's own text says: its abstract and its comment."""
    return " ".join(filter(None, (paper.abstract, paper.comment or "")))


def affiliation(paper: Paper) -> str | None:
    """The first affiliation arXiv gives for the paper, if any; never guessed."""
    for item in paper.affiliations:
        cleaned = " ".join(item.split())
        if cleaned:
            return cleaned
    return None
