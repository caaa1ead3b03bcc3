"""Code links from page text: repositories, pages presented as code, never downloads."""

from __future__ import annotations

import pytest

from promptbot.entries.code_links import code_url_in, project_url_in


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("Code is available at https://github.com/o/r.", "https://github.com/o/r"),
        ("Our code: https://lab.example.org/proj/ (soon).", "https://lab.example.org/proj/"),
        ("[[Code](https://evil.example/download.exe)]", None),
        ("Code is available at https://evil.example/download.exe", None),
        ("Code: https://gitlab.com/g/r/-/archive/main/r-main.zip", "https://gitlab.com/g/r"),
        ("Code: https://www.github.com/o/r/tree/main/sub", "https://www.github.com/o/r/tree/main/sub"),
        ("We thank https://example.org for hosting.", None),
        ("Code at https://doi.org/10.1/x", None),
        # Lists label Hugging Face links Model, Dataset or Demo, never Code.
        ("Models on https://huggingface.co/org/model-7b.", None),
        ("Weights https://huggingface.co/o/m, code https://github.com/o/r", "https://github.com/o/r"),
        ("Code: https://bitbucket.org/o/r.", "https://bitbucket.org/o/r"),
        ("See https://gitee.com/o/r/tree/master", "https://gitee.com/o/r/tree/master"),
        ("Code: https://codeberg.org/o/r/archive/main.zip", "https://codeberg.org/o/r"),
        ("", None),
    ],
)
def test_code_url_in(text: str, url: str | None) -> None:
    assert code_url_in(text) == url


@pytest.mark.parametrize(
    ("text", "page"),
    [
        # real arXiv comments (history-dev feeds); the lists linked these pages as `Project 🌐`
        # and `Website`
        ("The first two authors contributed equally. Project page:\n"
         "  https://sites.google.com/cs.unc.edu/videorts2025/",
         "https://sites.google.com/cs.unc.edu/videorts2025/"),
        ("project page: see https://the-world-explorer.github.io/, video: see\n"
         "  https://youtu.be/c1lBnwJWNmE", "https://the-world-explorer.github.io/"),
        ("Code at https://github.com/o/r; demos at https://o.github.io/r.", "https://o.github.io/r"),
    ],
)
def test_the_project_page_a_text_names(text: str, page: str) -> None:
    assert project_url_in(text) == page


@pytest.mark.parametrize(
    "text",
    [
        "Code: https://github.com/o/r and weights at https://huggingface.co/o/r.",
        "A video: https://youtu.be/c1lBnwJWNmE. Data: https://example.org/data.zip",
        "Published at https://doi.org/10.1/x, see https://arxiv.org/abs/2501.00001.",
        "No links at all.",
    ],
)
def test_code_models_videos_and_downloads_are_no_project_page(text: str) -> None:
    assert project_url_in(text) is None
