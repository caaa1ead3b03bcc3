"""Tests for the list's texts: titles when parsed as titles, plain entry text otherwise."""

from __future__ import annotations

from promptbot.catalog import parse
from promptbot.judging.list_texts import entry_text, list_examples, list_texts, listed_arxiv_ids

TAGGED = (
    "# Papers\n\n"
    "* [2509] [MMR1] [MMR1: Enhancing Multimodal Reasoning with Variance-Aware Sampling]"
    "(https://arxiv.org/abs/2509.21268) [[Code](https://github.com/x/y)]\n"
)
HTML_TABLE = (
    "# Papers\n\n<table>\n  <tr>\n"
    '    <td><a href="https://arxiv.org/abs/2506.00123">Visual Embodied Brain: Let Multimodal\n'
    "    Large Language Models See</a></td>\n"
    "    <td>ARXIV</td>\n  </tr>\n</table>\n"
)


def test_a_title_that_reads_like_one_is_the_text() -> None:
    catalog = parse("# P\n\n* **CoOp**: \"Learning to Prompt for Vision-Language Models\", "
                    "IJCV 2022. [[Paper](https://arxiv.org/abs/2109.01134)]\n")
    assert list_texts(catalog) == ("Learning to Prompt for Vision-Language Models",)


def test_an_entry_whose_title_is_a_tag_reads_as_its_plain_line() -> None:
    catalog = parse(TAGGED)
    text = entry_text(catalog.entries[0]) if catalog.entries else list_texts(catalog)[0]
    assert "Enhancing Multimodal Reasoning" in text
    assert "https" not in text and "[" not in text


def test_arxiv_links_no_entry_holds_still_give_their_surrounding_text() -> None:
    catalog = parse(HTML_TABLE)
    texts = list_texts(catalog)
    assert any("Visual Embodied Brain" in t and "Large Language Models" in t for t in texts)
    assert all("<" not in t and "href" not in t for t in texts)
    assert listed_arxiv_ids(catalog) == ("2506.00123",)


def test_cached_arxiv_text_joins_the_entry_it_belongs_to() -> None:
    catalog = parse(HTML_TABLE)
    pairs = list_examples(catalog, {"2506.00123": "Visual Embodied Brain\nWe unify control."})
    assert pairs[-1][1] == "2506.00123"
    assert pairs[-1][0].endswith("We unify control.")


def test_the_ids_are_the_ones_the_catalog_index_knows_whatever_the_link() -> None:
    # A table cell the parser reads as no entry, citing its papers by ar5iv link, by a Hugging
    # Face paper page and by an `arXiv:` reference: all three are listed, all three taught.
    catalog = parse(
        "# Papers\n\n<table>\n  <tr>\n"
        '    <td><a href="https://ar5iv.labs.arxiv.org/html/2401.01234">Sparse Prompt Banks'
        " for Video Grounding Models</a></td>\n  </tr>\n  <tr>\n"
        '    <td><a href="https://huggingface.co/papers/2402.05678">Token Merging Meets'
        " Open-Vocabulary Segmentation Heads</a></td>\n  </tr>\n  <tr>\n"
        "    <td>Frozen Encoders for Spatial Reasoning Benchmarks, arXiv:2403.09999</td>\n"
        "  </tr>\n</table>\n")
    assert listed_arxiv_ids(catalog) == ("2401.01234", "2402.05678", "2403.09999")
    ids = [i for _, i in list_examples(catalog)]
    assert ids == ["2401.01234", "2402.05678", "2403.09999"]
