"""Tests for what sections say about themselves: published or preprint share, heading words."""

from __future__ import annotations

import numpy as np
import pytest
from catalog_files import BWLONG_HEAD, MULTIMODAL, parse

from promptbot import catalog
from promptbot.catalog.section_signals import (
    PREPRINT,
    PUBLISHED,
    HeadingWords,
    holds_papers,
    says_preprint,
    status_profile,
    venue_status,
    words,
)
from promptbot.models import Section


@pytest.mark.parametrize(
    ("venue", "status"),
    [("arXiv", PREPRINT), ("arxiv", PREPRINT), ("Preprint", PREPRINT), ("CoRR", PREPRINT),
     ("CVPR", PUBLISHED), ("IEEE", PUBLISHED), ("NeurIPS (Datasets and Benchmarks)", PUBLISHED),
     ("arXiviously", PUBLISHED), (None, None), ("  ", None)],
)
def test_venue_status(venue: str | None, status: str | None) -> None:
    assert venue_status(venue) == status


def test_words_split_on_hyphens_and_digits_and_drop_a_plural_s() -> None:
    assert words("Vision-Language Models (arxiv4月-) 3DGS class") == [
        "vision", "language", "model", "arxiv", "4", "3dgs", "class"]


def test_bwlong_accepted_and_arxiv_sections_stand_out_by_status() -> None:
    sections = [s for s in parse(BWLONG_HEAD).sections if len(s.entries) >= 3]
    profile = status_profile(sections)
    by_heading = {s.heading.split(":")[0]: i for i, s in enumerate(sections)}
    accepted, arxiv = by_heading["Prompt Learning(accepted)"], by_heading["Prompt Learning(arxiv)"]
    assert profile.distinct[accepted] and profile.distinct[arxiv]
    assert profile.preprint_share[accepted] < 0.1 < 0.9 < profile.preprint_share[arxiv]
    assert not profile.distinct[by_heading["CLIP Variants"]]  # 9 of 15 preprints: like the list
    published, preprint = profile.factors(PUBLISHED), profile.factors(PREPRINT)
    assert published[accepted] > published[arxiv] and preprint[arxiv] > preprint[accepted]
    assert profile.describe(accepted, PUBLISHED) == "95% of its entries are published"
    assert profile.describe(accepted, PREPRINT) is None  # it does not favour preprints


def test_sections_alike_in_status_say_nothing() -> None:
    sections = [s for s in parse(MULTIMODAL).sections if s.entries]
    profile = status_profile(sections)
    assert not any(profile.distinct)
    assert np.allclose(profile.factors(PREPRINT), profile.list_share)


def test_heading_words_count_as_a_few_entries_of_their_status() -> None:
    cat = catalog.parse(
        "# L\n## Papers (arXiv)\n* T1\n* T2\n## Accepted papers\n* T3\n* T4\n"
        "## Misc\n" + "".join(f"* Title {i}, CVPR, 2023\n" for i in range(6)))
    profile = status_profile(cat.sections[1:])
    assert profile.preprint_share[0] > 0.5 > profile.preprint_share[1]
    assert profile.distinct[0]


def test_a_list_without_preprints_still_gives_every_section_a_vote() -> None:
    cat = catalog.parse("# L\n## A\n* X, CVPR, 2023\n## B\n* Y, ICCV, 2023\n")
    assert (status_profile(cat.sections[1:]).factors(PREPRINT) > 0).all()


def test_heading_words_weigh_rare_words_more_and_skip_status_words_and_credits() -> None:
    headings = ["Prompt Learning(accepted): *Updating by Linbin Wang*",
                "Prompt Learning(arxiv): *Updating by Jiajia Zhang*",
                "Domain Adaptation + Prompt Learning: *Updating by Yongguang Li*",
                "CLIP Variants: *Updating by Siyu He*"]
    found = HeadingWords(headings)
    title = "Open-Set Domain Adaptation with Visual-Language Foundation Models"
    used = found.used(title)
    assert used == {"domain", "adaptation"}
    scores = found.scores([used, found.used("Linbin Wang accepted arxiv"),
                           found.used("Prompt learning for CLIPs")])
    assert scores[0].argmax() == 2 and scores[0, 2] > 0.6
    assert not scores[1].any()  # status words and credits are not topics
    assert scores[2, 3] > scores[2, 2] > 0  # "clip" is rare; "prompt" and "learning" are not
    assert found.matched(used, 2) == ["adaptation", "domain"]
    assert found.matched(used, 0) == []


def test_headings_without_words_score_nothing() -> None:
    found = HeadingWords(["其他", "Others"])
    assert found.used("Others and more") == frozenset()
    assert found.scores([frozenset()]).shape == (1, 2)


def _papers_and(other: str, entries: list[str]) -> list[Section]:
    """A list of arXiv papers, and a section `other` holding `entries`."""
    papers = "".join(f"* Paper {i} [[arXiv](https://arxiv.org/abs/2501.0000{i})]\n"
                     for i in range(8))
    text = f"# L\n## Papers\n{papers}## {other}\n" + "".join(f"* {e}\n" for e in entries)
    return [s for s in catalog.parse(text).sections if s.entries]


def test_a_section_of_many_entries_none_a_paper_is_not_for_papers() -> None:
    projects = [f"[Project {i} 💻](https://github.com/o/p{i})  ![P{i}](https://img.shields.io/"
                f"github/stars/o/p{i}) (An efficient RL training framework)" for i in range(6)]
    found = holds_papers(_papers_and("Projects (without Paper)", projects))
    assert found[0] == 1.0
    assert 0.0 < found[1] < 0.3
    fewer = holds_papers(_papers_and("Projects (without Paper)", projects[:3]))
    assert found[1] < fewer[1] < 1.0  # each paperless entry is one more sign


def test_a_paper_among_the_entries_or_too_few_entries_or_a_list_of_non_papers_keep_a_section(
) -> None:
    tools = [f"[Tool {i}](https://github.com/o/t{i}) ([Google](https://example.com/t{i}))"
             for i in range(9)]
    one_paper = [*tools, "A journal paper, TPAMI, 2024 [[Paper](https://ieeexplore.ieee.org/1)]"]
    assert list(holds_papers(_papers_and("Toolboxes", one_paper))) == [1.0, 1.0]
    assert list(holds_papers(_papers_and("Products", tools[:2]))) == [1.0, 1.0]
    mostly_tools = catalog.parse("# L\n## Papers\n* Paper [[arXiv](https://arxiv.org/abs/"
                                 "2501.00001)]\n## Tools\n" + "".join(f"* {t}\n" for t in tools))
    assert list(holds_papers([s for s in mostly_tools.sections if s.entries])) == [1.0, 1.0]



@pytest.mark.parametrize(("heading", "says"), [
    ("Preprints", True), ("arXiv", True), ("Unpublished works", True), ("arXiv 2023", True),
    ("CVPR 2023", False), ("Accepted papers", False), ("Prompt Learning", False)])
def test_a_heading_says_its_papers_are_preprints(heading: str, says: bool) -> None:
    assert says_preprint(heading) is says
