"""A code link labelled with its framework (`[[pytorch](…)]`, `[TensorFlow]`) says a fact of the
exemplar's paper the bot does not know; pure.

yinyunie's 3D-shape list labels most code links `github` and some by their framework; written
after one of the latter, a new paper's code was `[[pytorch](…)]` whatever it is written in. Such
a label is the list's own neutral one (`github`, `Code`), the label its other code links have
most, where most of its code links have a neutral label; where most are named by framework
(BWLONG's `[[PyTorch](…)]`), that is the list's habit, and the exemplar's label stays.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from promptbot.entries.template_model import Part, Slot, Template
from promptbot.entries.templates import label_before

FRAMEWORKS = frozenset({
    "pytorch", "torch", "tensorflow", "tf", "keras", "jax", "flax", "caffe", "caffe2", "mxnet",
    "theano", "chainer", "paddle", "paddlepaddle", "mindspore", "matconvnet", "matlab", "c++",
    "cuda", "lasagne", "tensorpack", "dynet",
})


def with_neutral_code_labels(templates: Sequence[Template],
                             listed: Sequence[Template]) -> list[Template]:
    """The templates with every framework label of a code link made the list's commonest
    neutral one, where neutral labels outnumber framework ones in `listed` (a sample of the
    list's entries); as they are otherwise."""
    # The list's sample of its entries votes, the section's own where there is no sample.
    every = [label for t in (listed or templates) for label in _code_labels(t)]
    # `PyTorch (in construction)` names its framework too, and is no neutral label to copy.
    named = sum(1 for label in every if _framework(label))
    labels = Counter(label for label in every if not _framework(label) and "(" not in label)
    if sum(labels.values()) <= named:
        # Most code links named by framework (BWLONG's `[[PyTorch](…)]`): the list's habit,
        # and its commonest framework the likeliest guess.
        return list(templates)
    neutral = labels.most_common(1)[0][0]
    return [_relabelled(t, neutral) for t in templates]


def _framework(label: str) -> bool:
    """Whether a code link's label names a framework (`pytorch`, `PyTorch (in construction)`)."""
    words = label.split()
    return bool(words) and words[0].casefold() in FRAMEWORKS


def _code_labels(template: Template) -> list[str]:
    """The labels of the template's code links (`pytorch`, `github`, `Code`)."""
    return [label_before(part, len(part)).strip() for _, part in _before_code(template)]


def _before_code(template: Template) -> list[tuple[int, str]]:
    """The literal parts that open a code link's destination (`… [[pytorch](`), with their
    places in the template's parts."""
    return [(i, p) for i, (p, slot) in enumerate(pairwise(template.parts))
            if isinstance(p, str) and p.endswith("](") and isinstance(slot, Slot)
            and slot.kind in ("code", "repo")]


def _relabelled(template: Template, neutral: str) -> Template:
    """The template with its code links' framework labels made `neutral`."""
    parts: list[Part] = list(template.parts)
    for at, part in _before_code(template):
        label = label_before(part, len(part)).strip()
        if _framework(label):
            parts[at] = re.sub(rf"{re.escape(label)}(\]*\]\()$",
                               lambda m: neutral + m.group(1), part)
    return replace(template, parts=tuple(parts))
