"""A code link labelled with its framework takes the list's neutral label."""

from __future__ import annotations

from promptbot import catalog
from promptbot.entries.framework_labels import with_neutral_code_labels
from promptbot.entries.template_model import Template
from promptbot.entries.templates import abstract


def templates_of(rows: list[str]) -> list[Template]:
    cat = catalog.parse("# L\n## Papers\n" + "".join(row + "\n" for row in rows))
    return [t for e in cat.entries if (t := abstract(e)) is not None]


def row(n: int, label: str) -> str:
    """An entry in yinyunie/3D-Shape-Analysis-Paper-List's form, its code labelled `label`."""
    return (f"- [[CVPR2021](https://arxiv.org/abs/2103.0000{n})] Shape Paper Number {n} of "
            f"Things [[{label}](https://github.com/o/r{n})]")


def code_label(template: Template) -> str:
    return next(p for p in template.parts if isinstance(p, str) and p.endswith("](")
                and "[[" in p).rsplit("[[", 1)[1]


def test_a_framework_label_takes_the_label_the_lists_other_code_links_have_most() -> None:
    rows = [row(1, "github"), row(2, "github"), row(3, "Code"), row(4, "pytorch"),
            row(5, "TensorFlow")]
    found = with_neutral_code_labels(templates_of(rows), [])
    assert [code_label(t) for t in found] == ["github](", "github](", "Code](", "github](",
                                             "github]("]


def test_a_list_that_labels_every_code_link_by_framework_keeps_its_labels() -> None:
    rows = [row(1, "pytorch"), row(2, "caffe")]
    found = with_neutral_code_labels(templates_of(rows), [])
    assert [code_label(t) for t in found] == ["pytorch](", "caffe]("]


def test_a_list_that_labels_most_code_links_by_framework_keeps_its_labels() -> None:
    # BWLONG/Awesome-Prompt-Learning-CV: 64 `[[PyTorch](…)]` to 13 `[[Code](…)]`.
    rows = [row(1, "PyTorch"), row(2, "PyTorch"), row(3, "Code")]
    found = with_neutral_code_labels(templates_of(rows), [])
    assert [code_label(t) for t in found] == ["PyTorch](", "PyTorch](", "Code]("]
