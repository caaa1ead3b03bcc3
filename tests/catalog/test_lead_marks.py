"""Marks before an entry's title: a name in code, a credit in brackets, an HTML anchor."""

from __future__ import annotations

import pytest

from promptbot.catalog.lead_marks import Lead, lead_marks


@pytest.mark.parametrize(("text", "lead"), [
    # The kept-aside shape issue 13 quotes: `Name` [Surname et al., Proc. CVPR 2025] **title**
    ("`CoOp` [Zhou et al., Proc. CVPR 2025] **Learning to Prompt**",
     Lead(38, "CoOp", "CVPR", 2025)),
    # danieljf24/awesome-video-text-retrieval: the credit inside the code
    ("`[Pei et al. CVPR23]` CLIPPING: Distilling CLIP. CVPR, 2023.", Lead(22, None, "CVPR", 2023)),
    ("`[MSVD]`  David et al. Collecting Data. ACL, 2011.", Lead(10, "MSVD", None, None)),
    # fjchange/awesome-video-anomaly-detection: an anchor for the list's tables to link to
    ('<span id = "01601">[Conv-AE]</span> [Learning Temporal Regularity](u)',
     Lead(36, "Conv-AE", None, None)),
    # xialeiliu/Awesome-Incremental-Learning: an empty anchor opens each entry; it was read as
    # the title's, and new entries lost it or kept it
    ('<a name="todo"></a> David Learns (**ICML 2026**) [[paper](u)]', Lead(20)),
    # chaofengc/Awesome-Image-Quality-Assessment: a venue tag in code, read as the name before
    ("`[ECCV 2024]` [Learning Temporal Regularity](u), Chen et al.", Lead(14, None, "ECCV", 2024)),
])
def test_the_marks_before_the_title_are_read(text: str, lead: Lead) -> None:
    assert lead_marks(text) == lead
    assert text[lead.end:].startswith(("**", "CLIPPING", "David", "[Learning"))


def test_an_anchor_with_text_is_a_link_not_a_mark() -> None:
    assert lead_marks('<a href="u">Title</a> CVPR 2022') is None


@pytest.mark.parametrize("text", [
    "[**CVPR'26**] [Name] Title",  # the tagged kind, read elsewhere
    "**CoOp**: Learning to Prompt",
    "`CoOp`: Learning to Prompt",  # a name before its colon, read by the name reader
    "`a mark of far too many words here` Title",
])
def test_an_entry_without_such_marks_has_no_lead(text: str) -> None:
    assert lead_marks(text) is None
