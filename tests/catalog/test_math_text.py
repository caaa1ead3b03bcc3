"""TeX math in arXiv titles read as the plain text a list writes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from promptbot.catalog.math_text import plain_math


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        # real arXiv titles (history-dev feeds) and how the maintainers listed them
        ("Mask$^2$DiT: Dual Mask-based Diffusion", "Mask²DiT: Dual Mask-based Diffusion"),
        ("A$^2$RD: Agentic Autoregressive Diffusion", "A²RD: Agentic Autoregressive Diffusion"),
        ("$\\alpha$-CLIP: A CLIP Model Focusing", "α-CLIP: A CLIP Model Focusing"),
        ("$\\mathcal{X}$-Net and $\\mathbf{\\Omega}$", "X-Net and Ω"),
        ("$\\text{SAM}^{2}$ is fast", "SAM² is fast"),
        ("An $L_{2}$ loss $\\times$ 3", "An L₂ loss × 3"),
        ("A$^{\\star}$ search and V$^*$", "A* search and V*"),
        ("$O(n^{1/2})$ tokens", "O(n^1/2) tokens"),
    ],
)
def test_math_spans_become_the_characters_they_show(title: str, shown: str) -> None:
    assert plain_math(title) == shown


@pytest.mark.parametrize(
    "title",
    [
        "PUSA V1.0: Surpassing Wan-I2V with $500 Training Cost by Vectorized Timestep Adaptation",
        "From $5 to $10: the Cost of Tokens",
        "Prices in $ and € $ compared",
        "A \\$x\\$ escaped pair",
    ],
)
def test_dollars_that_are_not_math_are_left_alone(title: str) -> None:
    assert plain_math(title) == title


@given(st.text(alphabet="ab $^_{}\\\n2", max_size=40))
def test_never_fails_and_never_adds_a_line(title: str) -> None:
    assert plain_math(title).count("\n") <= title.count("\n")
