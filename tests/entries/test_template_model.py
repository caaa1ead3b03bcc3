"""The template model: slots, kinds, and the skeleton two entries share when they look alike."""

from __future__ import annotations

from promptbot.entries.template_model import Slot, Template, skeleton


def test_two_entries_of_one_look_share_a_skeleton() -> None:
    a = "* [**CVPR'26**] VideoSeek: Long-Horizon Video Agent [[Paper](x)]"
    b = "* [**ICLR'25**] MMTok: Multimodal Coverage [[Paper](y)]"
    assert skeleton(a) == skeleton(b)
    assert skeleton(a) != skeleton("* [**CVPR'26**] VideoSeek [[Paper](x)] [[Code](y)]")
    assert skeleton("* [**CVPR'26**] T [[Paper](U)]") == skeleton("* [**ICLR'25**] T [[Code](U)]")


def test_a_trailing_line_break_is_part_of_the_look_a_trailing_space_is_not() -> None:
    assert skeleton("+ T (May, 2025)  \n  x") == "+ a (a, 0)⏎\n a"
    assert skeleton("+ T (May, 2025) \n  x") == "+ a (a, 0)\n a"


def test_a_template_knows_its_slots_title_and_key() -> None:
    template = Template(("* [", Slot("date", "%y%m"), "] [", Slot("title", original="A B"), "](",
                         Slot("paper"), ")"), "bullet", 3, raw="* [2508] [A B](u)")
    assert template.kinds == frozenset({"date", "title", "paper"})
    assert template.title == "A B"
    assert template.key == "* [{date}] [{title}]({paper})"
