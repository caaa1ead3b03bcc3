"""An entry that opens with its venue as the link to its paper."""

from __future__ import annotations

import pytest

from promptbot import catalog
from promptbot.catalog.venue_links import venue_link


@pytest.mark.parametrize(("text", "venue", "year", "rest"), [
    ("[[ICLR](https://x.org/a)] AffineQuant: Affine Quantization", "ICLR", None,
     "AffineQuant: Affine Quantization"),
    ("[[CVPR 2023](https://x.org/a)] Some Title", "CVPR", 2023, "Some Title"),
    ("[[CoRR](https://x.org/a)] [1k:fire:] DoReFa-Net: Low Bitwidth", "CoRR", None,
     "DoReFa-Net: Low Bitwidth"),
    ("[[ICLR Practical ML Workshop](https://x.org/a)] Oh! We Freeze", "ICLR Practical ML Workshop",
     None, "Oh! We Freeze"),
    # yinyunie/3D-Shape-Analysis-Paper-List spells arXiv `Arxiv`: 859 entries were not read.
    ("[[Arxiv](https://arxiv.org/abs/2304.06906)] Swin3D: A Pretrained Transformer", "Arxiv",
     None, "Swin3D: A Pretrained Transformer"),
    ("[[ARXIV](https://x.org/a)] Some Title", "ARXIV", None, "Some Title"),
])
def test_the_opening_links_label_is_the_venue(text: str, venue: str, year: int | None,
                                               rest: str) -> None:
    found = venue_link(text)
    assert found is not None
    assert (found.venue, found.year, text[found.end:]) == (venue, year, rest)


@pytest.mark.parametrize("text", [
    "[[Paper](https://x.org/a)] Some Title",  # a link's kind, no venue
    "[[Learning to prompt for vision](https://x.org/a)] CVPR 2022",  # a title
    "[Title](https://x.org/a), CVPR 2022",  # no bracket around the link
])
def test_any_other_opening_is_no_venue_link(text: str) -> None:
    assert venue_link(text) is None


def test_an_entry_that_opens_with_its_venue_linked_reads_its_title_after_it() -> None:
    # htqin/awesome-model-quantization (and Yochengliu/awesome-point-cloud-analysis): 520
    # entries `- [[ICLR](…)] Title. [**`qnn`**] [[code](…)]` were read with the title `ICLR`,
    # and a new one was written `- [[Zebra-Net: …](…)] :`.
    text = ("# A\n\n## 2020\n\n- [[ECCV](http://arxiv.org/abs/2003.01711)] [71:fire:] BATS: "
            "Binary ArchitecTure Search. [**`bnn`**] [**`nlp`**] [[code](https://github.com/a/b)]"
            "\n- [[arXiv](https://arxiv.org/abs/2403.20137)] Accurate Block Quantization\n")
    first, second = catalog.parse(text).entries
    assert (first.title, first.venue, first.year) == ("BATS: Binary ArchitecTure Search", "ECCV",
                                                      None)
    assert [(link.role, link.url) for link in first.links] == [
        ("paper", "http://arxiv.org/abs/2003.01711"), ("code", "https://github.com/a/b")]
    assert (second.title, second.venue, second.arxiv_ids) == (
        "Accurate Block Quantization", "arXiv", ("2403.20137",))
