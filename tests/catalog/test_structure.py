"""Tests for the block structure: every heading form, fences, comments, sub-groups."""

from __future__ import annotations

from promptbot.catalog import split_lines
from promptbot.catalog.structure import blocks, heading_text

TEXT = """\
# Title <!-- omit in toc -->
> ### Quoted
- ### Bullet:
<h3 id="x">Html <b>heading</b></h3>

**2024**

* [Paper](https://arxiv.org/abs/2401.00001) one
* Group:
  * [Paper](https://arxiv.org/abs/2401.00002) two
* Not a group: no nested list

Setext
------
```
# not a heading
```
<!-- one
two -->
**Bold prose that is not above a list**

text
"""


def _headings() -> dict[int, tuple[str, str, int]]:
    found = blocks(split_lines(TEXT))
    return {line: (h.kind, h.text, h.level) for line, h in found.headings.items()}


def test_every_heading_form_is_found_with_its_kind_and_level() -> None:
    assert _headings() == {
        0: ("atx", "Title", 1),
        1: ("quote", "Quoted", 3),
        2: ("bullet", "Bullet", 3),
        3: ("html", "Html heading", 3),
        5: ("bold", "2024", 4),
        8: ("group", "Group", 4),
        12: ("setext", "Setext", 2),
    }


def test_fences_and_comments_are_marked_by_line() -> None:
    found = blocks(split_lines(TEXT))
    assert found.fenced == {14, 15, 16}
    assert found.comments == [(17, 19)]


def test_front_matter_lines_are_left_out() -> None:
    lines = split_lines("---\ntitle: x\n---\n# Real\n")
    assert [h.text for h in blocks(lines, 3).headings.values()] == ["Real"]
    assert [h.text for h in blocks(lines).headings.values()] != ["Real"]


def test_heading_text_drops_tags_comments_and_colons() -> None:
    assert heading_text(' About SAM <div id="intro"></div> :') == "About SAM"
    assert heading_text("Table of Contents <!-- omit in toc -->") == "Table of Contents"


def test_line_numbers_follow_every_kind_of_line_ending() -> None:
    lines = split_lines("a\r\n\r# One\r\n\n## Two")
    assert sorted(blocks(lines).headings) == [2, 4]


def test_a_group_label_wrapped_in_a_tag_with_quoted_attributes_is_a_group() -> None:
    # Yutong-Zhou-cv/Awesome-Text-to-Image: `* <span id="head-t2f"> **Text to Face** </span>`
    # over each nested list; the attribute's quotes are no quoted title.
    text = ('## Papers\n* <span id="head-t2f"> **Text to Face👨🏻**  </span> \n'
            "    * (CVPR 2023) **A Paper**, A. Author et al. [[Paper](https://arxiv.org/abs/"
            '2305.03302)]\n* "A Quoted Title" by them:\n'
            "    * [Paper](https://arxiv.org/abs/2401.00002)\n")
    found = blocks(split_lines(text)).headings
    assert {line: (h.kind, h.text) for line, h in found.items()} == {
        0: ("atx", "Papers"), 1: ("group", "Text to Face👨🏻")}


def test_a_folds_summary_above_a_list_or_table_is_a_pseudo_heading() -> None:
    # awesome-NeRF/awesome-NeRF folds its `## Papers` into 19 topics, `<details open>⏎
    # <summary>Faster Inference</summary>⏎⏎- [Title](…)`; hukcc/Awesome-Video-Hallucination
    # folds HTML tables. The topics were no sections: every paper went to the end of `Papers`,
    # inside its last fold.
    text = ("## Papers\n- [A](u)\n\n<details open>\n<summary>Faster Inference</summary>\n\n"
            "- [B](u)\n</details>\n\n<details>\n<summary><b>Event Misordering</b> (7 papers)"
            "</summary>\n\n<table>\n<tr><td>C</td></tr>\n</table>\n</details>\n\n"
            "<details><summary>Click to expand</summary>\n\n- [D](u)\n</details>\n\n"
            "<details>\n<summary>Notes</summary>\n\nSome prose.\n</details>\n")
    found = blocks(split_lines(text)).headings
    assert [(h.line, h.level, h.text, h.kind) for h in found.values()] == [
        (0, 2, "Papers", "atx"), (4, 3, "Faster Inference", "bold"),
        (10, 3, "Event Misordering (7 papers)", "bold")]
