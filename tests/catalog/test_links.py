"""Tests for entry links: roles from labels and URLs, venue labels, cleaning, resource links."""

from __future__ import annotations

import pytest

from promptbot.catalog.links import (
    clean,
    find_links,
    is_resource_link,
    is_title_label,
    link_role,
    venue_label,
)


@pytest.mark.parametrize(
    ("label", "expected"),
    [("CVPR 2022", ("CVPR", 2022)), ("arXiv 2306", ("arXiv", 2023)),
     ("arxiv 2111", ("arxiv", 2021)), ("2305", (None, 2023)),
     ("IEEE Access 2022", ("IEEE Access", 2022)), ("NIPS 2022", ("NIPS", 2022)),
     ("Paper", None), ("PyTorch", None), ("Code 2022", None), ("CVPR'23", ("CVPR", 2023)),
     ("ICCV2021", ("ICCV", 2021)), ("ECCV20", ("ECCV", 2020))],  # glued: not `ICCV20` in 21
)
def test_venue_labels(label: str, expected: tuple[str | None, int | None] | None) -> None:
    assert venue_label(label) == expected


@pytest.mark.parametrize(
    ("label", "url", "role"),
    [("Paper", "https://example.org/x.pdf", "paper"), ("CVPR 2022", "https://x.org", "paper"),
     ("PyTorch (in construction)", "https://x.org", "code"), ("TensorFlow", "https://x", "code"),
     ("JAX", "https://x", "code"), ("GitHub", "https://minigpt-4.github.io/", "code"),
     ("Website", "https://x.github.io", "project"), ("Project Page", "https://x", "project"),
     ("link", "https://github.com/owner/repo", "code"), ("link", "https://github.com/", "other"),
     ("link", "https://openreview.net/forum?id=x", "paper"),
     ("Video", "https://youtu.be/x", "other"), ("", "https://codeberg.org/o/r", "code"),
     ("link", "https://bitbucket.org/o/r", "code"), ("link", "https://gitee.com/o/r", "code"),
     ("link", "https://huggingface.co/o/model", "other"),
     # A link to an arXiv paper is the paper's, whatever its label (wangkai930418/awesome-
     # diffusion-categorized: `[[Website](https://arxiv.org/abs/…)]` for every preprint).
     ("Website", "https://arxiv.org/abs/2312.03817", "paper"),
     ("Code", "https://arxiv.org/pdf/2103.12236", "paper")],
)
def test_link_roles(label: str, url: str, role: str) -> None:
    assert link_role(label, url) == role


@pytest.mark.parametrize(
    ("text", "expected"),
    [(r" **A\*STAR** ,", "A*STAR"), ("V<sup>\\*</sup>", "V<sup>*</sup>"), ("A\\*", "A*"),
     ("  many\n  spaces\t here -", "many spaces here"), ("**Bold**:", "Bold"),
     # A character reference ends the text whole (Run542968/Awesome-3D-Human-Motion-Generation:
     # the name `ReMoDiffuse &dagger;` was read `ReMoDiffuse &dagger`, and a new entry without
     # a name of its own was written `**[;]**`).
     ("ReMoDiffuse &dagger;", "ReMoDiffuse &dagger;"), ("A &#8224;:", "A &#8224;"),
     ("Foo &amp;;", "Foo &amp;"), ("Things;", "Things")],
)
def test_clean(text: str, expected: str) -> None:
    assert clean(text) == expected


def test_find_links_with_nested_brackets_parentheses_and_bare_urls() -> None:
    text = ("[[Paper](https://x.org/a_(b))][PyTorch]( https://github.com/o/r ) see "
            "https://arxiv.org/abs/2101.00001. and [anchor](#top)")
    assert [(label, url) for _, _, label, url in find_links(text)] == [
        ("Paper", "https://x.org/a_(b)"), ("PyTorch", "https://github.com/o/r"),
        ("", "https://arxiv.org/abs/2101.00001"), ("anchor", "#top")]


def test_a_label_in_code_may_hold_brackets() -> None:
    # Qinying-Liu/Awesome-Open-Vocabulary-Semantic-Segmentation: `Title | [`[pdf]`](…)`; the
    # code's brackets hid the link, and its label and URL were read into the title.
    text = "Towards a Survey | [`[pdf]`](https://ArXiv.org/abs/2306.15880) and [a`b](https://c.org)"
    assert [(label, url) for _, _, label, url in find_links(text)] == [
        ("`[pdf]`", "https://ArXiv.org/abs/2306.15880"), ("a`b", "https://c.org")]


@pytest.mark.parametrize(
    ("label", "expected"),
    [("Learning to Prompt", True), ("Paper", False), ("CVPR 2022", False), ("PDF", False),
     ("Code", False), ("CLIP", True), ("abc", False),
     # A tag in brackets names the link's kind (Run542968/Awesome-3D-Human-Motion-Generation).
     ("`[o-pytorch]`", False), ("[project page]", False), ("`CoOp`", True)],
)
def test_is_title_label(label: str, expected: bool) -> None:
    assert is_title_label(label) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("[Transformer tutorial (Lucas Beyer)](http://lucasb.eyer.be/transformer)", True),
     ("[3D Vision with Transformers (GitHub)](https://github.com/lahoud/3d-vision-transformers)",
      True),
     ("[Learning to Prompt](https://arxiv.org/abs/2109.01134)", False),
     ("[A](https://a.org) and [B](https://b.org)", False),
     ("**Name**: [Tutorial](https://blog.org)", False)],
)
def test_is_resource_link(text: str, expected: bool) -> None:
    assert is_resource_link(text) is expected
