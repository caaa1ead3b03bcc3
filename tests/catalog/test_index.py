"""Tests for normalized identifiers (arXiv ids, titles, code URLs) and the catalog index."""

from __future__ import annotations

import time

import pytest
from catalog_files import BWLONG_HEAD, MULTIMODAL, SEED, parse
from hypothesis import given
from hypothesis import strategies as st

from promptbot import catalog
from promptbot.catalog import index as catalog_index
from promptbot.catalog.index import CatalogIndex, normalize_code_url

parsed = parse  # no cache: a test must not see another's parse


def index(name: str) -> CatalogIndex:
    return catalog.build_index(parsed(name))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2109.01134", "2109.01134"), ("2109.01134v2", "2109.01134"),
        ("arxiv.org/pdf/2109.01134v2.pdf", "2109.01134"),
        ("https://arxiv.org/abs/2109.01134", "2109.01134"),
        ("http://export.arxiv.org/abs/2109.01134v3", "2109.01134"),
        ("https://arxiv.org/html/2403.12345v1", "2403.12345"), ("arXiv:2307.12980", "2307.12980"),
        ("abs/cs/0601001", "cs/0601001"), ("astro-ph/0601001v1", "astro-ph/0601001"),
        ("https://arxiv.org/abs/math.GT/0309136", "math/0309136"), ("2501.01234", "2501.01234"),
        ("2113.01134", None), ("1234", None), ("not an id", None), ("", None),
        ("https://openreview.net/forum?id=gERv_uy69IA", None),
    ],
)
def test_normalize_arxiv_id(text: str, expected: str | None) -> None:
    assert catalog.normalize_arxiv_id(text) == expected


def test_find_arxiv_ids_in_order_once_without_versions() -> None:
    text = ("[[Paper](https://arxiv.org/abs/2304.01295v1)] [pdf](https://arxiv.org/pdf/2109.01134.pdf)"
            " again https://arxiv.org/abs/2304.01295 old https://arxiv.org/abs/hep-th/9901001v2 "
            "and arXiv: 2307.12980; not [[arXiv 2306](https://openreview.net/x)] nor 2310.00001")
    assert catalog.find_arxiv_ids(text) == ("2304.01295", "2109.01134", "hep-th/9901001",
                                            "2307.12980")


@given(st.text())
def test_find_arxiv_ids_never_fails_and_returns_normalized_ids(text: str) -> None:
    for arxiv_id in catalog.find_arxiv_ids(text):
        assert catalog.normalize_arxiv_id(arxiv_id) == arxiv_id


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("“MaPLe”: Multi-modal Prompt Learning", '"maple" multi modal prompt learning'),
        ("Prompt-aligned Gradient — for Prompt   Tuning",
         "prompt aligned gradient for prompt tuning"),
        ("**CoOp**: Learning to Prompt", "coop: learning to prompt"),
        ("Métiers of Vision–Language", "Metiers of Vision-Language"),
        ("A Model’s Prompt", "A Model's prompt"),
        ("V<sup>*</sup>: Guided Visual Search", "V*: Guided Visual Search"),
        # arXiv's TeX and the list's characters (showlab's list writes `Mask²DiT`)
        ("Mask$^2$DiT: Dual Mask-based Diffusion", "Mask²DiT: Dual Mask-based Diffusion"),
    ],
)
def test_normalize_title_ignores_case_quotes_dashes_markup(a: str, b: str) -> None:
    assert catalog.normalize_title(a) == catalog.normalize_title(b)
    assert "  " not in catalog.normalize_title(a)


def test_normalize_title_keeps_words_apart() -> None:
    assert catalog.normalize_title("Vision-Language Models") == "vision language models"
    assert catalog.normalize_title("Prompt Tuning") != catalog.normalize_title("Prompt Learning")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://github.com/KaiyangZhou/CoOp", "github.com/kaiyangzhou/coop"),
        ("http://www.github.com/KaiyangZhou/CoOp/", "github.com/kaiyangzhou/coop"),
        ("github.com/KaiyangZhou/CoOp.git", "github.com/kaiyangzhou/coop"),
        ("https://GitHub.com/salesforce/LAVIS/tree/main/projects/blip2",
         "github.com/salesforce/lavis/tree/main/projects/blip2"),
        (" https://azshue.github.io/TPT/", "azshue.github.io/TPT"),
        ("not a url", None),
    ],
)
def test_normalize_code_url(url: str, expected: str | None) -> None:
    assert normalize_code_url(url) == expected


def test_by_arxiv_id_any_form() -> None:
    idx = index(SEED)
    coop = idx.by_arxiv_id("https://arxiv.org/pdf/2109.01134v3.pdf")
    assert coop is not None and coop.name == "CoOp" and coop.line == 18
    assert idx.by_arxiv_id("2304.01295v2").name == "Tip-Adapter"  # type: ignore[union-attr]
    assert idx.by_arxiv_id("2401.99999") is None
    assert idx.by_arxiv_id("garbage") is None


def test_by_title_exact_after_normalization_scores_100() -> None:
    found = index(SEED).by_title("CONDITIONAL prompt learning for vision–language models.")
    assert found is not None
    assert found[0].name == "CoCoOp" and found[1] == 100.0


def test_by_title_finds_a_title_listed_without_its_short_name() -> None:
    # BWLONG lists "**MaPLe**: Multi-modal Prompt Learning"; arXiv calls it "MaPLe: Multi-...".
    found = index(BWLONG_HEAD).by_title("MaPLe: Multi-modal Prompt Learning")
    assert found is not None and found[0].name == "MaPLe" and found[1] == 100.0


def test_by_title_fuzzy_matches_a_near_identical_title() -> None:
    # The real renamed POMP paper: "... with Over Twenty-Thousand Classes ..." in a later list.
    found = index(SEED).by_title(
        "Prompt Pre-Training with Over Twenty-Thousand Classes for Open-Vocabulary Visual "
        "Recognition")
    assert found is not None and found[0].name == "POMP" and 92.0 <= found[1] < 100.0


@pytest.mark.parametrize(
    "title",
    [
        "Visual Prompt Tuning v2",  # short titles never match fuzzily
        "Consistency-guided Prompt Learning for Vision-Language Models",  # ratio 85 to CoCoOp
        "Unsupervised Prompt Tuning for Vision-Language Models",  # ratio 94 to UPL: one word
        "Unsupervised Visual Prompt Learning for Vision-Language Models",  # one word more
        "Learning to Prompt for Vision-Language Models 2",  # a number that is not in the title
        "",
    ],
)
def test_by_title_never_matches_a_different_paper(title: str) -> None:
    assert index(SEED).by_title(title) is None


def test_typos_match_but_other_words_do_not() -> None:
    found = index(SEED).by_title("Lernng to Prmpt for Vsion-Lnguage Mdels")  # ratio 92.9
    assert found is not None and found[0].name == "CoOp"
    loose = catalog.build_index(parsed(SEED), fuzzy_threshold=80.0)
    assert index(SEED).by_title("Lernng t Prmpt fr Vsion-Language Mdels") is None  # ratio 91.6
    assert loose.by_title("Lernng t Prmpt fr Vsion-Language Mdels") is not None
    # Candidates share at least one exact word with the query: all words misspelt find nothing.
    assert loose.by_title("Lernng t Prmpt fr Vsion-Lnguage Mdels") is None
    # Even a loose threshold never trades a word: 85 by ratio, but "Consistency-guided".
    assert loose.by_title("Consistency-guided Prompt Learning for Vision-Language Models") is None


def test_by_code_url_normalizes_and_refuses_ambiguous_repositories() -> None:
    idx = index(SEED)
    assert idx.by_code_url("http://www.github.com/htyao89/KgCoOp.git").name == "KgCoOp"  # type: ignore[union-attr]
    assert idx.by_code_url("https://github.com/HTYAO89/kgcoop/tree/main").name == "KgCoOp"  # type: ignore[union-attr]
    # KaiyangZhou/CoOp is linked by CoOp and CoCoOp: the bare repository names the first ...
    assert idx.by_code_url("https://github.com/KaiyangZhou/CoOp").line == 18  # type: ignore[union-attr]
    # ... but a path inside it does not say which of the two papers is meant.
    assert idx.by_code_url("https://github.com/KaiyangZhou/CoOp/blob/main/README.md") is None
    assert idx.by_code_url("https://github.com/nobody/nothing") is None
    assert idx.by_code_url("") is None


def test_title_lookups_of_5000_candidates_are_fast() -> None:
    idx = index(MULTIMODAL)
    titles = [e.title for e in idx.catalog.entries]
    queries = [f"{t} revisited for new tasks" for t in titles] * 3
    start = time.perf_counter()
    found = [idx.by_title(q) for q in queries[:5000]]
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0, elapsed  # generous for slow CI machines; about 0.2 s here
    assert all(f is None or f[1] >= 92.0 for f in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2503.12096", True),
        ("0704.0001", True),
        ("astro-ph/0601001", True),
        ("math.AG/0601001", True),
        ("2503.12096v2", False),  # a version is not a bare id
        ("arXiv:2503.12096", False),
        ("https://arxiv.org/abs/2503.12096", False),
        ("2503.12096)", False),
        ("new-papers", False),
        ("", False),
    ],
)
def test_is_arxiv_id_accepts_only_a_bare_id(text: str, expected: bool) -> None:
    assert catalog_index.is_arxiv_id(text) is expected


HIDDEN_LIST = """\
# Papers
* **Kept**: "A Listed Paper About Prompts", CVPR, 2022. [[Paper](https://arxiv.org/abs/2201.00001)]
<!--
* **Gone**: "Retired Paper on Visual Prompt Tuning for Segmentation", CVPR, 2021. [[Paper](https://openreview.net/forum?id=x)]
* **Old**: "Another Retired Paper", ICCV, 2021. [[Paper](https://arxiv.org/abs/2101.00003)]
-->
"""


def test_hidden_entries_are_found_by_id_and_title_but_are_not_listed() -> None:
    index = catalog.build_index(catalog.parse(HIDDEN_LIST))
    old = index.hidden("arXiv:2101.00003v2")
    assert old is not None and old.name == "Old" and old.line == 5
    assert index.by_arxiv_id("2101.00003") is None
    gone = index.hidden("2109.99999", "Retired paper on visual prompt-tuning for segmentation")
    assert gone is not None and gone.name == "Gone"
    assert index.hidden("2109.99999", "Retired Paper on Visual Prompt Tuning for Detection") is None
    assert index.hidden("2201.00001", "A Listed Paper About Prompts") is None
    assert catalog.build_index(catalog.parse("# P\n")).hidden("2101.00003", "x") is None


NUMBERED_HIDDEN = """\
# Papers
<!--
* **Foo-2**: "Foo-2: Scaling Prompt Learning to Larger Vision-Language Models", CVPR, 2024.
* "Semantic Prompt Generators", ICCV, 2023. [[Paper](https://openreview.net/forum?id=y)]
-->
"""


def test_a_hidden_title_hides_no_paper_with_other_numbers() -> None:
    index = catalog.build_index(catalog.parse(NUMBERED_HIDDEN))
    assert index.hidden("2601.00001",
                        "Foo-3: Scaling Prompt Learning to Larger Vision-Language Models") is None


def test_a_hidden_title_still_hides_the_same_or_a_near_title() -> None:
    index = catalog.build_index(catalog.parse(NUMBERED_HIDDEN))
    for title in ("Foo-2: Scaling Prompt Learning to Larger Vision-Language Models",
                  "Foo-2: scaling prompt-learning to larger vision language model",
                  "Semantic Prompt Generators"):
        found = index.hidden("2601.00001", title)
        assert found is not None and found.line in (3, 4), title


def test_a_short_hidden_title_is_matched_only_exactly() -> None:
    # Three words: "Generators" and "Generation" are 92% alike, but not the same paper.
    index = catalog.build_index(catalog.parse(NUMBERED_HIDDEN))
    assert index.hidden("2601.00001", "Semantic Prompt Generation") is None


def test_hidden_and_listed_titles_obey_the_same_guards() -> None:
    listed = NUMBERED_HIDDEN.replace("<!--\n", "").replace("-->\n", "")
    titles = ("Foo-3: Scaling Prompt Learning to Larger Vision-Language Models",
              "Foo-2: scaling prompt-learning to larger vision language model",
              "Semantic Prompt Generation", "Semantic Prompt Generators")
    hidden_index = catalog.build_index(catalog.parse(NUMBERED_HIDDEN))
    listed_index = catalog.build_index(catalog.parse(listed))
    for title in titles:
        assert (hidden_index.hidden("2601.00001", title) is None) == (
            listed_index.by_title(title) is None), title


@pytest.mark.parametrize("url", ["https://bitbucket.org/Owner/Repo", "https://gitee.com/Owner/Repo",
                                 "https://codeberg.org/Owner/Repo"])
def test_a_listed_paper_is_found_by_its_code_on_any_code_host(url: str) -> None:
    # A link labelled "Code" is code by its label; one labelled "link" only by its host.
    for shown in (f"[[Code]({url})]", f"[[link]({url})]"):
        listed = catalog.parse(f"# Papers\n* Retrieval-Augmented Prompt Learning. [[Paper]"
                               f"(https://openreview.net/forum?id=x)] {shown}\n")
        idx = catalog.build_index(listed)
        found = idx.by_code_url(url.lower() + "/tree/main")
        assert found is not None and found.line == 2, shown
        assert idx.by_code_url(url.replace("Repo", "other")) is None
