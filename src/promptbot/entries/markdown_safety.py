"""Text and URLs made safe for GitHub markdown: the same plain text, never a link or a ping."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urlsplit

ZWJ = "\u200d"  # zero-width joiner: invisible, but breaks GitHub's @mention and #ref patterns
ELLIPSIS = "…"

# Bidi overrides and isolates can make a line read differently from its bytes ("Trojan source").
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Invisible characters hide text or split words a reader sees whole (zero-width space and
# joiners, word joiner, byte-order mark, soft hyphen, invisible operators, fillers, tag
# characters): a list shows nothing of them, so none is kept.
_INVISIBLE = frozenset(
    "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u2060\u2061\u2062"
    "\u2063\u2064\u3164\ufeff\uffa0"
)


def _dropped(ch: str) -> bool:
    """Controls (but whitespace), bidi marks, invisible characters and tag characters."""
    if ch in _BIDI or ch in _INVISIBLE or "\U000e0000" <= ch <= "\U000e007f":
        return True
    return unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\v\f\x85"
# Characters that open markdown or HTML constructs anywhere in a line.
_ALWAYS = frozenset("\\`*<>$~|")
_ENTITIES = {"[": "&#91;", "]": "&#93;"}
_ENTITY_RE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# @user, @org/team, #123, owner/repo#123 and GH-123 are what GitHub links or notifies.
_MENTION_RE = re.compile(r"(@(?=[A-Za-z0-9])|#(?=\d)|(?<![A-Za-z0-9])GH(?=-\d))")
# What GFM's autolink extension links: http(s)://, ftp://, mailto:, xmpp: and www. (e-mail
# addresses lose their link with the @ joiner).
# Script schemes are broken too: harmless as text, but no reader should see a live-looking one.
_AUTOLINK_RE = re.compile(
    r"(?i)(?<![a-z])(?:(?:https?|ftp)(?=://)|(?:mailto|xmpp|javascript|vbscript)(?=:\S)|www(?=\.\S))"
)


def plain(text: str, max_length: int | None = None) -> str:
    """One line of text: controls, bidi marks and invisible characters removed, whitespace
    collapsed, long text cut."""
    cleaned = "".join(
        " " if ch in "\t\n\r\v\f\u2028\u2029\x85" else ch
        for ch in text
        if not _dropped(ch)
    )
    cleaned = " ".join(cleaned.split())
    if max_length is not None and len(cleaned) > max_length:
        cleaned = truncate(cleaned, max_length)
    return cleaned


# What GitHub acts on in a PR title or a commit message: `#123`, `owner/repo#123`, `GH-123`,
# `@user`, and URLs (a closing keyword also takes an issue's full URL). Each is replaced by a
# look-alike GitHub does not read: a fullwidth sign, a Unicode hyphen, a fullwidth colon.
_REFERENCE_FREE = (
    (re.compile(r"#(?=\d)"), "\uff03"),  # ＃123
    (re.compile(r"(?i)(?<![a-z0-9])(GH)-(?=\d)"), "\\1\u2010"),  # GH‐123
    (re.compile(r"@(?=[A-Za-z0-9])"), "\uff20"),  # ＠user
    (re.compile(r"(?i)(?<![a-z])([a-z][a-z0-9+.-]*):(?=//)"), "\\1\uff1a"),  # https：//
)


def plain_reference_free(text: str, max_length: int | None = None) -> str:
    """`plain` text that GitHub cannot turn into a reference, a mention, a link or a close.

    For PR titles, commit messages and branch names built from paper text: no `#123`,
    `owner/repo#1` or `GH-1` reference, no `@mention`, no URL (so no closing keyword such as
    "fixes" or "closes" has anything to act on), no control or invisible (format) character.
    """
    line = "".join(ch for ch in plain(text) if unicodedata.category(ch) != "Cf")
    for pattern, replacement in _REFERENCE_FREE:
        line = pattern.sub(replacement, line)
    line = " ".join(line.split())
    return truncate(line, max_length) if max_length is not None else line


def truncate(text: str, max_length: int) -> str:
    """Cut `text` to at most `max_length` characters at a word boundary, ending with an ellipsis."""
    if len(text) <= max_length:
        return text
    room = max(1, max_length - len(ELLIPSIS))
    cut = text[:room]
    space = cut.rfind(" ")
    if space > room // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + ELLIPSIS


def escape(text: str, *, max_length: int | None = None) -> str:
    """Markdown for `text` that GitHub renders as exactly that text (see `rendered_text`)."""
    line = rendered_text(text, max_length)
    out: list[str] = []
    for i, ch in enumerate(line):
        prev = line[i - 1] if i else " "
        nxt = line[i + 1] if i + 1 < len(line) else " "
        if ch in _ENTITIES:
            # Brackets as character references: GitHub shows "[" and "]", and no parser of the
            # list (ours included) can mistake them for the start of a link.
            out.append(_ENTITIES[ch])
        elif ch in _ALWAYS or (ch == "_" and _flanking(prev, nxt)):
            out.append("\\" + ch)
        elif ch == "&" and _ENTITY_RE.match(line, i):
            out.append("\\&")
        else:
            out.append(ch)
    return _escape_block_start("".join(out))


def _flanking(prev: str, nxt: str) -> bool:
    """Whether an underscore could open or close emphasis (it cannot inside a word)."""
    return not (prev.isalnum() and nxt.isalnum())


def _break_autolink(match: re.Match[str]) -> str:
    return match.group(0) + ZWJ


_BLOCK_START = re.compile(r"^(?:(#{1,6})(?=\s|$)|([>+=\-])|(\d{1,9})([.)])(?=\s|$))")


def _escape_block_start(text: str) -> str:
    """Escape what would open a heading, quote, list or break if the text began a line."""
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    if match.group(3):
        return match.group(3) + "\\" + text[len(match.group(3)) :]
    return "\\" + text


def rendered_text(text: str, max_length: int | None = None) -> str:
    """The plain text a reader sees for `escape(text)`: `plain` plus the invisible joiners."""
    line = plain(text, max_length)
    line = _MENTION_RE.sub(lambda m: m.group(1) + ZWJ, line)
    return _AUTOLINK_RE.sub(_break_autolink, line)


# --- URLs ---------------------------------------------------------------------------------------

# Kept as they are; everything else is percent-encoded, among it what would end or confuse a
# markdown link destination or label: ( ) < > ' [ ] and spaces.
_URL_SAFE = "/:?#@!$&*+,;=%-._~"


def safe_url(url: str) -> str | None:
    """An http(s) URL fit for a markdown link destination, or None for anything else."""
    candidate = plain(url).strip()
    if not candidate or any(ch.isspace() for ch in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(candidate, safe=_URL_SAFE)


def link(label: str, url: str) -> str | None:
    """`[label](url)` with a safe label and destination, or None when the URL is not http(s)."""
    destination = safe_url(url)
    if destination is None:
        return None
    return f"[{escape(label)}]({destination})"
