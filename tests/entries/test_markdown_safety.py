"""Hostile text renders on GitHub (cmark-gfm) as itself: no HTML, link, ping or broken table."""

from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import given
from hypothesis import strategies as st

from promptbot.entries import markdown_safety as ms

CORPUS: list[dict[str, Any]] = json.loads(
    (Path(__file__).parents[1] / "data" / "hostile_metadata.json").read_text(encoding="utf-8")
)
# GitHub's own @mention and #reference patterns, applied to rendered text.
MENTION = re.compile(r"(?<![A-Za-z0-9`])@[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9_.-]+)?")
ISSUE_REF = re.compile(r"(?<![A-Za-z0-9&])#\d+")


def render(markdown: str) -> str:
    """GitHub-flavoured HTML, unsafe mode so any raw HTML that got through would show."""
    html: str = cmarkgfm.github_flavored_markdown_to_html(
        markdown, options=Options.CMARK_OPT_UNSAFE)
    return html


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(html: str) -> tuple[list[str], str]:
    collector = _Collect()
    collector.feed(html)
    return collector.tags, "".join(collector.text)


def contexts(escaped: str) -> dict[str, tuple[str, list[str]]]:
    """The same escaped text inside a list item, a table cell, and a bold block title."""
    return {
        "bullet": (f"* {escaped}\n", ["ul", "li"]),
        "table": (f"| Title | Year |\n| --- | --- |\n| {escaped} | 2024 |\n", None or []),
        "bold": (f"**{escaped}**\n", ["p", "strong"]),
    }


@pytest.mark.parametrize("case", CORPUS, ids=[c["id"] for c in CORPUS])
@pytest.mark.parametrize("where", ["bullet", "table", "bold"])
def test_hostile_titles_render_as_their_plain_text(case: dict[str, Any], where: str) -> None:
    escaped = ms.escape(case["title"], max_length=300)
    expected = ms.rendered_text(case["title"], max_length=300)
    markdown, allowed = contexts(escaped)[where]
    html = render(markdown)
    tags, text = parse_html(html)
    if where == "table":
        assert tags.count("td") == 2 and tags.count("th") == 2, html
        assert set(tags) <= {"table", "thead", "tbody", "tr", "th", "td"}, html
        cells = re.findall(r"<td>(.*?)</td>", html, re.S)
        assert parse_html(cells[0])[1] == expected
    else:
        assert set(tags) <= set(allowed), html
        assert text.strip() == expected
    assert "<a " not in html and "<img" not in html and "<script" not in html
    assert not MENTION.search(text) and not ISSUE_REF.search(text)


def test_the_corpus_really_is_hostile() -> None:
    # Unescaped, most of these titles do break: the tests above would catch a no-op escape.
    broken = 0
    titled = [c for c in CORPUS if not c["id"].startswith("venue-")]  # those attack the venue
    for case in titled:
        plain = ms.plain(case["title"], max_length=300)
        tags, text = parse_html(render(f"* {plain}\n"))
        changed = text.strip() != plain
        if changed or set(tags) - {"ul", "li"} or MENTION.search(text) or ISSUE_REF.search(text):
            broken += 1
    assert broken >= len(titled) // 2


@pytest.mark.parametrize(("text", "length", "cut"), [
    ("abcde", 5, "abcde"),  # exactly the length: kept whole
    ("abc", 1, "a…"),  # no room: one character and the ellipsis
    ("aa bb cc dd", 9, "aa bb…"),  # at the last space that leaves more than half
    ("one two, three four", 12, "one two…"),  # punctuation before the ellipsis dropped
    ("abcdefghij", 6, "abcde…"),  # no space: cut inside the word
    ("abcd efghij", 9, "abcd efg…"),  # a space at exactly half is too early
    ("abcd efghijk", 10, "abcd efgh…"),
    ("wordX more words", 7, "wordX…"),  # only punctuation is dropped before the ellipsis
])
def test_truncate_exactly(text: str, length: int, cut: str) -> None:
    assert ms.truncate(text, length) == cut


def test_tag_characters_at_both_ends_of_their_block_are_removed() -> None:
    assert ms.plain("a\U000e0000b\U000e007fc\U000e0080") == "abc\U000e0080"


def test_rendered_text_honours_the_length() -> None:
    assert ms.rendered_text("word " * 50, max_length=12) == "word word…"
    assert ms.escape("word " * 50, max_length=12) == "word word…"


@pytest.mark.parametrize(("text", "escaped"), [
    ("_ab", "\\_ab"), ("x _b", "x \\_b"), ("a_b", "a_b"), ("ab_", "ab\\_"), ("a _", "a \\_"),
])
def test_underscores_are_escaped_only_where_they_could_open_emphasis(
    text: str, escaped: str
) -> None:
    assert ms.escape(text) == escaped


def test_long_text_is_cut_at_a_word_boundary() -> None:
    out = ms.plain("word " * 100, max_length=40)
    assert len(out) <= 40 and out.endswith(ms.ELLIPSIS) and out[:-1].split()[-1] == "word"
    assert ms.truncate("A" * 50, 10) == "A" * 9 + ms.ELLIPSIS
    assert ms.truncate("short", 10) == "short"


def test_plain_collapses_lines_and_removes_controls() -> None:
    assert ms.plain("a\r\nb\n\tc\u202e d\x00") == "a b c d"


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
                                       "\u061c", "\u00ad", "\U000e0041", "\u180e"])
def test_invisible_characters_are_removed_like_bidi_marks(invisible: str) -> None:
    assert ms.plain(f"Pro{invisible}mpt{invisible} tuning") == "Prompt tuning"
    # A hidden character cannot shield a mention from the joiner escape adds.
    assert ms.rendered_text(f"cc @{invisible}octocat") == f"cc @{ms.ZWJ}octocat"


@pytest.mark.parametrize(("text", "seen"), [
    ("cc @octocat and @org/team", f"cc @{ms.ZWJ}octocat and @{ms.ZWJ}org/team"),
    ("fixes #12, GH-3 and o/r#4", f"fixes #{ms.ZWJ}12, GH{ms.ZWJ}-3 and o/r#{ms.ZWJ}4"),
    ("see www.x.org, https://x.org, ftp://x.org",
     f"see www{ms.ZWJ}.x.org, https{ms.ZWJ}://x.org, ftp{ms.ZWJ}://x.org"),
    ("mailto:a javascript:x", f"mailto{ms.ZWJ}:a javascript{ms.ZWJ}:x"),
    ("write to a@b.org", f"write to a@{ms.ZWJ}b.org"),
    ("issue 12 and C# 7", "issue 12 and C# 7"),
    ("  two\n lines\t", "two lines"),
])
def test_rendered_text_is_the_text_with_joiners_where_github_would_link(
    text: str, seen: str
) -> None:
    assert ms.rendered_text(text) == seen


def test_escape_writes_exactly_these_characters() -> None:
    assert ms.escape("[x](y) *a* _b_ <c> #1 @d | `e` $f$ ~g~ \\") == (
        f"&#91;x&#93;(y) \\*a\\* \\_b\\_ \\<c\\> #{ms.ZWJ}1 @{ms.ZWJ}d \\| \\`e\\`"
        " \\$f\\$ \\~g\\~ \\\\")
    assert ms.escape("# not a heading") == "\\# not a heading"
    assert ms.escape("1. not a list") == "1\\. not a list"
    assert ms.escape("- not a list") == "\\- not a list"
    assert ms.escape("AT&T &amp; co") == "AT&T \\&amp; co"


def test_ordinary_titles_are_left_alone() -> None:
    title = "K-LITE: Learning Transferable Visual Models with External Knowledge (v2), 100% & more"
    assert ms.escape(title) == title
    assert ms.escape("snake_case stays") == "snake_case stays"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/abs/2109.01134", "https://arxiv.org/abs/2109.01134"),
        ("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_%28bar%29"),
        ("https://openreview.net/forum?id=j2Vtg_jhKZ", "https://openreview.net/forum?id=j2Vtg_jhKZ"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<b>x</b>", None),
        ("http://exa mple.com", None),
        ("http://example.org/a", "http://example.org/a"),  # plain http stays a link
        ("ftp://example.org/f.zip", None),
        ("mailto:a@b.org", None),
        ("//example.org/a", None),  # no scheme
        ("https://x.org/a[1]/b", "https://x.org/a%5B1%5D/b"),  # brackets end a link label
        ("https://x.org/p?q=[x]", "https://x.org/p?q=%5Bx%5D"),
        ("https://x.org/'q'", "https://x.org/%27q%27"),
        ("https://x.org/a<b>", "https://x.org/a%3Cb%3E"),
        ("", None),
    ],
)
def test_safe_url(url: str, expected: str | None) -> None:
    assert ms.safe_url(url) == expected


def test_links_with_parentheses_stay_one_link() -> None:
    markdown = ms.link("Paper", "https://en.wikipedia.org/wiki/Foo_(bar)")
    assert markdown is not None
    html = render(f"* {markdown}\n")
    assert html.count("<a ") == 1 and 'href="https://en.wikipedia.org/wiki/Foo_%28bar%29"' in html
    assert ms.link("x", "javascript:alert(1)") is None


@given(st.text(max_size=200))
def test_any_text_renders_as_itself(text: str) -> None:
    escaped = ms.escape(text, max_length=150)
    tags, rendered = parse_html(render(f"* x {escaped}\n"))
    assert set(tags) <= {"ul", "li"}
    assert rendered.strip() == ("x " + ms.rendered_text(text, max_length=150)).strip()


# -- plain_reference_free: PR titles, commit messages, branch names --------------------------------
GITHUB_ACTS_ON = re.compile(
    r"(?<![\w/])#\d|[\w.-]+/[\w.-]+#\d|(?<![a-z0-9])GH-\d|@[A-Za-z0-9]|[a-z]+://", re.I)
CLOSES = re.compile(r"(?i)\b(close[sd]?|fix(e[sd])?|resolve[sd]?)\b:?\s+\S*(#\d|://)")


@pytest.mark.parametrize("hostile", [
    "fixes #1 closes owner/awesome#2 cc @octocat",
    "Resolves: https://github.com/owner/repo/issues/3 and GH-4, gh-5",
    "Closes\u200b #6 @\u200dteam/org \u202eevil\u2066 x\x07y \ufeff",
    "see www.example.org and mailto:a@b.c; owner/repo@a5c3785",
])
def test_plain_reference_free_leaves_github_nothing_to_act_on(hostile: str) -> None:
    out = ms.plain_reference_free(hostile)
    assert not GITHUB_ACTS_ON.search(out), out
    assert not CLOSES.search(out), out
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in out), out
    assert out == ms.plain_reference_free(out)  # idempotent: a rerun writes the same title


def test_plain_reference_free_keeps_the_text_readable() -> None:
    assert ms.plain_reference_free("fixes #1 closes owner/awesome#2 cc @octocat") == \
        "fixes \uff031 closes owner/awesome\uff032 cc \uff20octocat"
    assert ms.plain_reference_free("CLIP-GH-2 GH-12: https://x.org", max_length=20) == \
        "CLIP-GH\u20102 GH\u201012…"
    assert ms.plain_reference_free("A plain title (2025)") == "A plain title (2025)"


@given(st.text(alphabet=st.sampled_from(list("#@/:-GHhtps0123 aoF\u200b\u202e\x07\ufeff.w")),
               max_size=40))
def test_plain_reference_free_holds_for_any_mix(text: str) -> None:
    out = ms.plain_reference_free(text)
    assert not GITHUB_ACTS_ON.search(out), out
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in out), out
    assert ms.plain_reference_free(out) == out
