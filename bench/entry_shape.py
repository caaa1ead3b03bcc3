"""The shape of an entry, for comparing the bot's entries with the maintainers' (bench only).

`shape`: the entry with its title replaced by `T` (the paper's title as arXiv gives it, else the
title as the catalog parser reads it from that entry: a title the maintainers typed differently,
`Mask²DiT` for arXiv's `Mask$^2$DiT`, is still the title), every URL by `U`, word runs by
`a`, digit runs by `0`, space runs by one space, and trailing two-space line breaks kept as `⏎`.
An HTML table row that a diff shows shifted by a line (`<td>`… `</tr>`, then the next `<tr>`:
the lines git saw added when rows start alike) is read as the row it is, `<tr>` first.
`known_shape`: the same once the links arXiv metadata cannot give (code, project, demo, data,
a repository's badge) are left out and table cells that only say "none" are empty.
"""

from __future__ import annotations

import html
import re

from promptbot.entries import escape
from promptbot.entries.template_model import skeleton

_URL = re.compile(r"https?://[^\s)\]\"'<>]+")


_ROW_OPEN = re.compile(r"^\s*<tr\b[^>]*>\s*$", re.IGNORECASE)


def _row_first(text: str) -> str:
    """A shifted HTML row (its `<tr>` line last, or not among the added lines) with the `<tr>`
    line first."""
    lines = text.split("\n")
    if len(lines) > 1 and _ROW_OPEN.match(lines[-1]) and not _ROW_OPEN.match(lines[0]):
        return "\n".join([lines[-1], *lines[:-1]])
    if lines[0].lstrip().lower().startswith("<td") and lines[-1].strip().lower() == "</tr>":
        indent = lines[-1][:len(lines[-1]) - len(lines[-1].lstrip())]  # as its `</tr>`
        return "\n".join([indent + "<tr>", *lines])
    return text


def shape(text: str, title: str, *read: str) -> str:
    """An entry's skeleton (see the module docstring); `read` are other spellings of the title
    (as the catalog parser reads it from the entry), tried after `title`."""
    text = _row_first(text.replace("\r\n", "\n").replace("\r", "\n").strip("\n"))
    forms = [form for t in (title, *read) for form in (t, escape(t), html.escape(t))]
    for form in forms:
        words = [re.escape(w) for w in form.split()]
        pattern = r"\s+".join(words).replace(r"\\", r"\\?")
        if words and re.search(pattern, text, flags=re.IGNORECASE):
            text = re.sub(pattern, "\x01", text, count=1, flags=re.IGNORECASE)
            break
    text = _URL.sub("\x02", text)
    return skeleton(text).replace("\x01", "T").replace("\x02", "U")


_ARXIV = re.compile(r"https?://(?:www\.)?arxiv\.org/\S*?(?=[)\s\"'<>\]]|$)", re.IGNORECASE)
_OTHER_LINK = re.compile(
    r"\[!\[[^\[\]]*\]\([^()\s]*\)\]\((?!\x03)[^()\s]*\)"  # a badge linking elsewhere
    r"|\[\[[^\[\]]*\]\((?!\x03)[^()\s]*\)\]"  # [[Code](…)]
    r"|(?<![\[!])\[[^\[\]]*\]\((?!\x03)[^()\s]*\)"  # [Code](…)
    r"|(?<!\[)!\[[^\[\]]*\]\((?!\x03)[^()\s]*\)"  # a repository's stars badge alone
    r"|<a [^>]*href=\"(?!\x03)[^\"]*\"[^>]*>.*?</a>")
_PLACEHOLDER_CELL = re.compile(r"\|\s*(?:-+|None|N/A|n/a)?\s*(?=\|)")
# In an HTML row: any image (a stars badge, an illustration) and a cell that only says "none".
_HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HTML_PLACEHOLDER_CELL = re.compile(r"(<td\b[^>]*>)\s*(?:-+|None|N/A|n/a)?\s*(</td>)",
                                    re.IGNORECASE)


def known_shape(text: str, title: str, *read: str) -> str:
    """The skeleton once every link the feed cannot give (code, project, demo, data, badges of
    a repository) is left out of the entry and table cells that only say "none" are empty: the
    shape the bot can reach from arXiv metadata alone."""
    text = _row_first(text.replace("\r\n", "\n").replace("\r", "\n").strip("\n"))
    text = _ARXIV.sub("\x03", text)
    text = _OTHER_LINK.sub("", text)
    text = _HTML_PLACEHOLDER_CELL.sub(r"\1\2", _HTML_IMAGE.sub("", text))
    text = _PLACEHOLDER_CELL.sub("|", text.replace("\x03", "https://arxiv.org/abs/0"))
    lines = [line for line in text.replace("\r", "").split("\n") if line.strip()]
    joined = " ".join(" ".join(lines).split())
    if not joined.startswith("|"):
        joined = joined.rstrip(" |")  # `… | [pdf](…) |` once the code field is gone
    return shape(joined, title, *read)
