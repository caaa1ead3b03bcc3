"""What an entry takes from a paper's HTML page: its author block and its code link; pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bs4 import BeautifulSoup, Tag

from promptbot.entries.affiliation_habit import AffiliationHabit, spell, write_affiliation
from promptbot.entries.affiliations import AuthorBlock, parse_author_block
from promptbot.entries.code_links import code_url_in
from promptbot.entries.institutions import institution_name
from promptbot.entries.short_names import repository_name
from promptbot.models import Paper, PaperFields

# Sentences that say where the code is ("Code is available at", "Our code: …").
_CODE_SENTENCE = re.compile(
    r"[^.]*\b(?:code|codes|implementation|source)\b[^.]*?(?:available|released|public|at|:)"
    r"[^\n]*?https?://\S+",
    re.IGNORECASE,
)
_FRONT_CLASSES = ("ltx_title_document", "ltx_authors", "ltx_abstract", "ltx_keywords")


@dataclass(frozen=True)
class FrontPage:
    """The author block (None when the page has none) and the code link the page gives."""

    authors: AuthorBlock | None
    code_url: str | None = None


def read_front_page(html: str) -> FrontPage:
    """The author block and code link of a LaTeXML page (arXiv's HTML full text)."""
    soup = BeautifulSoup(html, "html.parser")
    return FrontPage(authors=parse_author_block(soup), code_url=_code_url(soup))


def _code_url(soup: BeautifulSoup) -> str | None:
    """The code link of the front matter (title, authors and their notes, abstract), else of the
    first sentence of the page that says where the code is."""
    for anchor in soup.find_all("a", href=True):
        href = str(anchor.get("href") or "")
        if isinstance(anchor, Tag) and href.startswith(("http://", "https://")) and (
            href not in anchor.get_text()
        ):
            anchor.append(f" {href} ")  # \href{url}{here}: the reader's link, not its label
    front = " ".join(
        tag.get_text(" ") for name in _FRONT_CLASSES for tag in soup.find_all(class_=name)
        if isinstance(tag, Tag)
    )
    found = code_url_in(" ".join(front.split()))
    if found:
        return found
    for paragraph in soup.find_all(["p", "span"], class_=["ltx_p", "ltx_note_content"]):
        text = " ".join(paragraph.get_text(" ").split())
        sentence = _CODE_SENTENCE.search(text)
        if sentence:
            found = code_url_in(sentence.group(0))
            if found:
                return found
    return None


def complete_fields(
    paper: Paper, fields: PaperFields, page: FrontPage, habit: AffiliationHabit
) -> PaperFields:
    """The paper's fields with what its page adds: the affiliation in the list's form, the code
    link the page gives, and the repository's name when neither title nor abstract named it.
    What the metadata already gave is kept (an affiliation cut to its institution, in the list's
    spelling); nothing is guessed."""
    affiliation = fields.affiliation
    if affiliation is not None:
        affiliation = spell(institution_name(affiliation) or affiliation, habit)
    elif page.authors is not None:
        affiliation = write_affiliation(page.authors, habit)
    code = fields.code_url or page.code_url
    name = fields.name or (repository_name(code, paper.title) if code else None)
    return replace(fields, affiliation=affiliation, code_url=code, name=name)
