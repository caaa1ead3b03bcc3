"""Links of catalog entries: finding them, their roles, and venue labels like `CVPR 2022`."""

from __future__ import annotations

import re
import unicodedata

from promptbot.catalog.code_hosts import is_repository

# A markdown link; the URL may hold one level of parentheses and be wrapped in <>; the label
# may be bracketed itself: `[[paper]](url)`.
# An emoji's shortcode (`:fire:`, `:red_square:`): a mark, never a word of a title or a name.
SHORTCODE = r":[a-z0-9_+\-]+:"
# `et al.` as lists write it after a name, a comma before it or not.
ET_AL = r"[\s,]*\bet\s+al\.?"
BREAK = r"<[bB][rR]\s*/?>"  # a line break a list writes in HTML: `<br>`, `<br/>`, `<BR />`
QUOTES = "\"“”„«»"  # the quotes a title is written in: straight, curly, low, guillemets
# A link's label, `[label]` or `[[label]]`; it may hold code with brackets in it
# (`` [`[pdf]`](…) ``), read whole (atomic: a backtick opens code only where the code closes,
# and is never read both ways).
LABEL = r"\[\[?((?>`[^`\n]*`|[^\[\]])*)\]?\]"
LINK = re.compile(LABEL + r"\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?\s*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'])")
_JOINERS = "\ufe0f\u200d"  # an emoji's variation selector and zero-width joiner
_BRACKETED = re.compile(r"`*\[[^\[\]]*\]`*")
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]]+")
_VENUE_WORD = r"[A-Za-z][A-Za-z0-9&@/+.\-]*?"  # lazy: `ICCV2021` is ICCV in 2021, not ICCV20 in 21
_VENUE_LABEL = re.compile(
    rf"\s*(?:({_VENUE_WORD}(?: {_VENUE_WORD}){{0,3}})\s*'?\s*)?(\d{{4}}|\d{{2}})"
    r"(?:\.(?:0?[1-9]|1[0-2]))?\s*"  # `Arxiv 2025.03`: a month after the year
)
_WORD = re.compile(r"[a-z]+")
_CODE_WORDS = ("code", "pytorch", "tensorflow", "jax", "github", "gitlab", "keras", "mindspore",
               "paddle", "mxnet", "caffe", "torch", "implementation", "repo", "repository")
_PROJECT_WORDS = ("website", "project", "page", "homepage", "home", "homeoage", "webpage", "site")
_PAPER_WORDS = ("paper", "arxiv", "pdf", "openreview", "acl", "cvf", "abs", "abstract", "ieee",
                "springer", "acm", "proceedings", "doi", "journal", "preprint", "publication")
_PAPER_HOSTS = ("arxiv.org", "openaccess.thecvf.com", "openreview.net", "aclanthology.org",
                "proceedings.neurips.cc", "papers.nips.cc", "proceedings.mlr.press",
                "ieeexplore.ieee.org", "dl.acm.org", "link.springer.com", "ecva.net",
                "ojs.aaai.org", "ijcai.org", "doi.org", "sciencedirect.com", "aclweb.org")
_HOST = re.compile(r"^\s*https?://([^/\s?#]+)", re.IGNORECASE)
_ARXIV_PAPER = re.compile(r"^\s*https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/",
                          re.IGNORECASE)


_ENTITY_END = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6})$")


def clean(text: str) -> str:
    """Markdown escapes undone, emphasis markers and surrounding punctuation stripped."""
    text = " ".join(text.split()).lstrip("*_ ")
    stripped = text.rstrip(" *_,;:-–—")
    if stripped.endswith("\\") and len(stripped) < len(text):
        stripped += text[len(stripped)]  # an escaped `\*` ends the text: keep it
    elif _ENTITY_END.search(stripped) and text[len(stripped):].startswith(";"):
        stripped += ";"  # a character reference ends it (`ReMoDiffuse &dagger;`): keep it whole
    return _ESCAPE.sub(r"\1", stripped) if "\\" in stripped else stripped


def is_pictograph(char: str, within: bool = False) -> bool:
    """Whether `char` is part of a pictographic symbol (`✨`, `🌟`, `❤️`): a symbol character,
    or, `within` one, an emoji's variation selector or zero-width joiner."""
    return unicodedata.category(char) == "So" or (within and char in _JOINERS)


def first_word(label: str) -> str:
    """The first word of a label, in lower case: `PyTorch (in construction)` -> `pytorch`."""
    word = _WORD.search(label.casefold())
    return word.group() if word else ""


def venue_label(label: str) -> tuple[str | None, int | None] | None:
    """`CVPR 2022` -> ("CVPR", 2022); `arXiv 2306` -> ("arXiv", 2023); None if not such a label."""
    match = _VENUE_LABEL.fullmatch(label)
    if not match:
        return None
    venue, digits = match.group(1), match.group(2)
    if venue and first_word(venue) in (*_CODE_WORDS, *_PROJECT_WORDS, "paper"):
        return None
    number = int(digits)
    if len(digits) == 2:
        return venue, 2000 + number
    is_arxiv = bool(venue) and venue.casefold() == "arxiv"
    if (is_arxiv or not 1950 <= number <= 2100) and 1 <= number % 100 <= 12:
        return venue, 2000 + number // 100  # arXiv's YYMM
    return venue, number if 1950 <= number <= 2100 else None


def link_role(label: str, url: str) -> str:
    """paper, code, project or other, from the link's label first, then its URL; a link to an
    arXiv paper is the paper's whatever its label (`[[Website](https://arxiv.org/abs/…)]`)."""
    if _ARXIV_PAPER.match(url):
        return "paper"
    word = first_word(label)
    if word in _CODE_WORDS:
        return "code"
    if word in _PROJECT_WORDS:
        return "project"
    if word in _PAPER_WORDS or venue_label(label) is not None:
        return "paper"
    host = _HOST.match(url)
    name = host.group(1).lower() if host else ""
    if any(name == h or name.endswith("." + h) for h in _PAPER_HOSTS):
        return "paper"
    return "code" if is_repository(url) else "other"


def find_links(text: str) -> list[tuple[int, int, str, str]]:
    """Markdown links and bare URLs as (start, end, label, url), in order."""
    found = [(m.start(), m.end(), m.group(1), m.group(2)) for m in LINK.finditer(text)]
    if text.count("http") <= sum(text.count("http", start, end) for start, end, _, _ in found):
        return found
    masked = LINK.sub(lambda m: " " * len(m.group()), text)
    found += [(m.start(), m.end(), "", m.group().rstrip(".,;:"))
              for m in _BARE_URL.finditer(masked)]
    return sorted(found)


def without_links(text: str, gap: str = "") -> str:
    """`text` with each of its links (find_links) replaced by `gap`."""
    for start, end, _, _ in reversed(find_links(text)):
        text = text[:start] + gap + text[end:]
    return text


def is_resource_link(text: str) -> bool:
    """A bullet that is one link to a page that is not a paper: `[Tutorial (Blog)](url)`."""
    if text.count("](") > 1 or text.lstrip().startswith(("**", "`")):
        return False
    found = find_links(text)
    if len(found) != 1:
        return False
    start, end, label, url = found[0]
    rest = (text[:start] + text[end:]).strip(" \t.,;:-–—[]")
    return not rest and bool(label) and link_role(label, url) != "paper"


def is_title_label(label: str) -> bool:
    """Whether a link label is a paper title rather than `Paper`, `Code`, `CVPR 2022` or a tag
    in brackets (`` `[pdf]` ``, `` `[o-pytorch]` ``: lists bracket their links' kinds, never a
    title)."""
    text = clean(label)
    if len(text) < 4 or venue_label(text) is not None or _BRACKETED.fullmatch(text):
        return False
    return not (" " not in text and first_word(text) in (*_CODE_WORDS, *_PROJECT_WORDS,
                                                          *_PAPER_WORDS))
