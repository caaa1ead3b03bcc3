"""How a list writes a first author's given names as initials in a credit (`Z. Yan et al.`),
learned from its own credits; pure.

One given name is one initial everywhere (`Z. Yan`); two or more are where lists differ: `T. C.
Ndir`, `T.C. Ndir`, or `TC. Ndir` (a medical-imaging list writes `DMH. Nguyen`, `HE. Wong`).
The list's credits with several initials vote for the form; a list that never writes several
keeps the spaced form, the common one in bibliographies.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from promptbot.catalog.authors import PARTICLES

SPACED = "spaced"  # T. C. Ndir
TIGHT = "tight"  # T.C. Ndir
JOINED = "joined"  # TC. Ndir

# A first author's credit as lists write it: its initials (`Z.`, `T. C.`, `TC.`, `M.-H.`, none),
# then one to three capitalised words (a surname, `Van Gool`, or a whole name, `Seongmin Lee`,
# `Aloke Kumar Saha`), or the surname and its initials after it, undotted, as Vancouver style
# cites (`Xu K et al,`, `Lu Y, et al`), perhaps the author's place in parentheses (`Felix Hill
# (University of Cambridge) et al.`), and `et al`.
CREDIT = re.compile(
    r"(?<![\w.])((?:(?:[A-Z]{2,3}|[A-Z][a-z]?)\.[ \-]?){0,3})"
    r"([A-Z][\w'’\-]+(?: (?![A-Z]{1,3},? et al)[A-Z][\w'’\-]+){0,2})( [A-Z]{1,3},?)?"
    r"( \([^()\n]{2,80}\))? et al\.?"
)


EITHER = "either"  # a credit that may be a whole name or a surname: the list's habit decides
VANCOUVER = "vancouver"  # the surname, then the given names' initials: `Xu K et al`


def credit_form(credit: re.Match[str]) -> str:
    """How a CREDIT match names the first author: `initials` (`Z. Yan et al.`), `full` (the
    whole name, `Seongmin Lee et al.`), "" (the surname, `Yan et al.`), VANCOUVER (`Xu K et
    al`), or EITHER where the first word may be a given name or a surname's particle (`Bin Xia`,
    `Di Wu`, `Van Gool`)."""
    if credit.group(1):
        return "initials"
    if credit.group(3):
        return VANCOUVER
    words = credit.group(2).split()
    if len(words) < 2:
        return ""
    return EITHER if words[0].casefold() in PARTICLES else "full"


def credit_vote(texts: Iterable[str]) -> str:
    """How the list names a first author in a credit where that is plain (`full`, `initials`
    or "" for the surname), by vote over its credits; the surname where it has none."""
    votes = Counter(form for text in texts for match in CREDIT.finditer(text)
                    if (form := credit_form(match)) != EITHER)
    return votes.most_common(1)[0][0] if votes else ""


# Several initials in each form (a credit's initials, their space before the surname left out).
_FORMS = (
    (JOINED, re.compile(r"[A-Z]{2,3}\.")),
    (TIGHT, re.compile(r"(?:[A-Z]\.){2,3}")),
    (SPACED, re.compile(r"(?:[A-Z]\. ){1,2}[A-Z]\.")),
)


def initials_form(texts: Iterable[str]) -> str:
    """The form the list writes several initials in (SPACED, TIGHT or JOINED), by vote over its
    credits; SPACED where it never writes several."""
    votes: Counter[str] = Counter()
    for text in texts:
        for match in CREDIT.finditer(text):
            given = match.group(1).rstrip()
            votes.update(name for name, form in _FORMS if form.fullmatch(given))
    return votes.most_common(1)[0][0] if votes else SPACED


# Two authors credited by name, each with initials (`M. Zeiler and R. Fergus`,
# `S. Mohamed and D. J. Rezende`): the initials tell names from a title's `Vision and Language`.
_NAMED = r"(?:[A-Z]{1,2}\.[ \-]?){1,3}[A-Z][\w'’\-]+"
PAIR = re.compile(rf"(?<![\w.]){_NAMED}( and | & ){_NAMED}(?![\w'’\-])")
# A list that credits two authors by name does so for its papers of two authors, about one in
# ten; where pairs are fewer than one in thirty of its credits (a few papers credited in full),
# it writes `et al.` for two authors too.
_PAIRS_LEAST = 3
_PAIR_SHARE = 1 / 30


def pair_vote(texts: Iterable[str]) -> str:
    """How the list joins the two names where it credits a paper of two authors by name
    (` and `, ` & `), or "" where it writes `et al.` for two authors too."""
    pairs: Counter[str] = Counter()
    credits = 0
    for text in texts:
        pairs.update(match.group(1) for match in PAIR.finditer(text))
        credits += sum(1 for _ in CREDIT.finditer(text))
    total = sum(pairs.values())
    if total < _PAIRS_LEAST or total < _PAIR_SHARE * credits:
        return ""
    return pairs.most_common(1)[0][0]


def vancouver(names: Sequence[str]) -> str:
    """A name as Vancouver style cites it: the surname, then an initial per given name (or per
    part of a hyphenated one), undotted (`Ada Q. Lovelace`: `Lovelace AQ`; `Jun-Yan Zhu`:
    `Zhu JY`)."""
    initials = "".join(part[0] for word in names[:-1] for part in word.split("-")
                       if part[:1].isalpha())
    return f"{names[-1]} {initials.upper()}".rstrip()


def written_initials(given: Sequence[str], form: str) -> str:
    """The given names' initials in `form`, followed by the space before the surname (`T. C. `,
    `T.C. `, `TC. `); a hyphenated name gives an initial per part (`Jun-Yan`: `J.-Y.`, or `JY.`
    joined); "" when no given name starts with a letter."""
    names = [[part[0] for part in word.split("-") if part[:1].isalpha()] for word in given]
    names = [letters for letters in names if letters]
    if not names:
        return ""
    if form == JOINED:
        return "".join(letter for letters in names for letter in letters) + ". "
    dotted = ["-".join(f"{letter}." for letter in letters) for letters in names]
    return ("".join(dotted) if form == TIGHT else " ".join(dotted)) + " "
