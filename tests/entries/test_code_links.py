"""Code links from page text: repositories, pages presented as code, never downloads."""

from __future__ import annotations

import pytest

from promptbot.entries.code_links import code_url_in


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
