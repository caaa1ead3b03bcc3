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


def _row(code: str) -> Template:
    parts: list[str | Slot] = ["| ", Slot("date", "%Y.%m", original="2025.10"), " | **",
                               Slot("title", original="T"), "** | arXiv | [link](",
                               Slot("paper", original="https://arxiv.org/abs/2510.02422"), ") | "]
    parts += ["[link](", Slot("code", original="https://github.com/a/b"), ")"] if code else ["-"]
    return Template(parts=(*parts, " |"), kind="table", line=1)


def test_an_entry_that_links_code_looks_like_one_with_none_to_link() -> None:
    # yueliu1999/Awesome-Jailbreak-on-LLMs: `| [link](…) | - |` for the newest papers, which
    # had no code; a paper with code was written with `-` too.
    assert _row(code="yes").key != _row(code="").key
    assert _row(code="yes").look == _row(code="").look
    bullet = Template(parts=("- [", Slot("title", original="T"), "](", Slot("paper", original="u"),
                             ") [[code](", Slot("code", original="c"), ")]"), kind="bullet",
                      line=1)
    badge = Template(parts=("- [", Slot("title", original="T"), "](", Slot("paper", original="u"),
                            ") [![Star](", Slot("repo", original="b"), ")](",
                            Slot("code", original="c"), ")"), kind="bullet", line=1)
    plain = Template(parts=("- [", Slot("title", original="T"), "](", Slot("paper", original="u"),
                            ")"), kind="bullet", line=1)
    assert bullet.look == badge.look == plain.look
