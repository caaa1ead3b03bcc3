"""Tests for decisions: already listed (id, title, code URL, this run), memory, threshold, notes."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import builders
import pytest
from catalog_files import BWLONG_HEAD, BWLONG_VERSIONS, MULTIMODAL, SEED, SEED_SECTIONS, parse

from promptbot import catalog
from promptbot.config import Config, ScoringConfig
from promptbot.judging.scoring import Scorer, decide_all
from promptbot.models import Catalog, Decision, Paper, Status

DATA = Path(__file__).parents[1] / "data"
CFG = Config(sections=SEED_SECTIONS)  # most tests read the seed copy of the list


def paper(arxiv_id: str, title: str, abstract: str = "", **extra: object) -> Paper:
    """A cs.CV paper (its primary category counts towards the score)."""
    return builders.paper(arxiv_id=arxiv_id, title=title, abstract=abstract,
                          categories=("cs.CV",), primary_category="cs.CV", **extra)


RELEVANT = paper("2501.00001", "Soft Prompt Tuning for Vision-Language Models",
                 "We learn prompts for CLIP; prompt tuning with learnable prompts.")
OFF_TOPIC = paper("2501.00002", "Gaussian Splatting for Autonomous Driving Scenes",
                  "We render driving scenes fast with 3D Gaussians.")


def perturbed(title: str) -> str:
    """The same title with its case and punctuation changed."""
    text = re.sub(r"[:,.?!]", " ", title).replace("-", " - ").upper()
    return f"{text}."


def papers_of(name: str) -> list[tuple[Paper, Paper]]:
    """(same id, bumped version; same title, changed, fresh id) for entries with an arXiv id."""
    pairs = []
    for i, entry in enumerate(e for e in parse(name).entries if e.arxiv_ids):
        by_id = paper(entry.arxiv_ids[0], f"Some other title {i}", version=3)
        by_title = paper(f"2912.{i:05d}", perturbed(entry.title))
        pairs.append((by_id, by_title))
    return pairs


@pytest.mark.parametrize("name", [SEED, *BWLONG_VERSIONS])
def test_every_listed_arxiv_paper_is_found_by_id_and_by_title(name: str) -> None:
    pairs = papers_of(name)
    assert len(pairs) > 50
    cat = parse(name)
    by_id, _ = decide_all([p for p, _ in pairs], cat, CFG)
    by_title, _ = decide_all([p for _, p in pairs], cat, CFG)
    assert [d.status for d in by_id] == [Status.LISTED] * len(pairs)
    assert [d.status for d in by_title] == [Status.LISTED] * len(pairs)
    assert all(d.duplicate_of and d.duplicate_line for d in by_id + by_title)


def load_no_papers() -> list[Paper]:
    labels: dict[str, str] = {}
    for path in (DATA / "eval").glob("labels-*.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            arxiv_id, label = line.split("\t")[:2]
            labels[arxiv_id] = label
    found: dict[str, Paper] = {}
    for path in sorted((DATA / "eval").glob("metadata-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if labels[row["id"]] == "no":
                found.setdefault(row["id"], paper(
                    row["id"], " ".join(row["title"].split()), " ".join(row["summary"].split()),
                    comment=row.get("comment")))
    return list(found.values())


@pytest.mark.parametrize("name", [SEED, *BWLONG_VERSIONS, MULTIMODAL])
def test_no_unrelated_real_paper_is_ever_listed(name: str) -> None:
    papers = load_no_papers()
    assert len(papers) > 700
    decisions, _ = decide_all(papers, parse(name), CFG)
    assert [d.paper.arxiv_id for d in decisions if d.status is Status.LISTED] == []


def test_listed_decisions_quote_the_catalog_line() -> None:
    cat = parse(SEED)
    decision = Scorer(cat, CFG).decide(paper("2109.01134", "Learning to Prompt for VLMs"))
    assert decision.status is Status.LISTED
    assert decision.duplicate_line == 18
    assert decision.duplicate_of == cat.lines[17].rstrip("\n")
    assert decision.duplicate_of.startswith("- **CoOp**")
    assert decision.reasons[0] == "listed: arXiv 2109.01134 at line 18"


def test_a_paper_listed_only_by_its_cvf_or_openreview_page_is_found_by_title() -> None:
    cat = parse(SEED)
    cvf = paper("2203.99999", "Conditional prompt learning for vision-language models")
    openreview = paper("2210.99999", "K-LITE: Learning Transferable Visual Models with "
                                     "External Knowledge")
    decisions, _ = decide_all([cvf, openreview], cat, CFG)
    assert [d.status for d in decisions] == [Status.LISTED, Status.LISTED]
    assert decisions[0].reasons[0].startswith("listed: the same title at line")


def test_a_near_title_is_listed_with_its_likeness() -> None:
    near = paper("2501.00003", "Prompt Distribution Learnings")
    assert Scorer(parse(SEED), CFG).decide(near).status is not Status.LISTED  # too short
    longer = paper("2501.00004", "Instance-aware Dynamic Prompt Tuning for Pretrained Point "
                                 "Cloud Model")
    decision = Scorer(parse(SEED), CFG).decide(longer)
    assert decision.status is Status.LISTED
    assert re.match(r"listed: a title \d\d% alike at line \d+", decision.reasons[0])


def test_a_code_url_finds_an_entry_the_list_cites_only_by_its_conference_page() -> None:
    scorer = Scorer(parse(SEED), CFG)
    reworded = paper("2204.99999", "Learning Transferable Visual Models with External "
                                   "Knowledge (K-LITE)", "Code: https://github.com/microsoft/klite.")
    in_comment = replace(reworded, arxiv_id="2204.99998", abstract="",
                         comment="code at github.com/microsoft/klite")
    first, second = scorer.decide_many([reworded, in_comment])
    assert first.status is Status.LISTED and first.duplicate_line == 83
    assert first.reasons[0] == "listed: code https://github.com/microsoft/klite at line 83"
    assert second.reasons[0] == "listed: code github.com/microsoft/klite at line 83"



def test_a_repository_named_without_its_scheme_on_any_code_host_finds_its_entry() -> None:
    listed = ("# List\n\n## Papers\n\n"
              "- Frozen Prompt Banks for Open-Vocabulary Detection, CVPR 2025. "
              "[[Paper](https://openaccess.thecvf.com/x.html)] "
              "[[Code](https://codeberg.org/lab/prompt-banks)]\n")
    same = paper("2505.99999", "Frozen Prompt Banks for Open-Vocabulary Detection (CVPR 2025)",
                 comment="code at codeberg.org/lab/prompt-banks")
    decision = Scorer(catalog.parse(listed), CFG).decide(same)
    assert decision.status is Status.LISTED
    assert decision.reasons[0] == "listed: code codeberg.org/lab/prompt-banks at line 5"

def test_a_shared_code_repository_alone_does_not_make_a_paper_listed() -> None:
    """CoOp and CoCoOp share a repository; so may a new paper by the same group."""
    cat = parse(SEED)
    follow_up = replace(RELEVANT, abstract="Code: https://github.com/KaiyangZhou/CoOp")
    unrelated = paper("2501.00008", "Another title entirely",
                      comment="code at github.com/microsoft/klite")
    decisions, _ = decide_all([follow_up, unrelated], cat, CFG)
    assert [d.status for d in decisions] == [Status.PROPOSED, Status.IRRELEVANT]


def test_the_same_paper_twice_in_a_run_is_listed_the_second_time() -> None:
    again = replace(RELEVANT, source="rss")
    retitled = replace(RELEVANT, arxiv_id="2501.00005", title=RELEVANT.title.upper())
    decisions, _ = decide_all([RELEVANT, again, retitled], parse(SEED), CFG)
    assert [d.status for d in decisions] == [Status.PROPOSED, Status.LISTED, Status.LISTED]
    assert decisions[1].reasons[0] == "duplicate in this run (arXiv 2501.00001)"
    assert decisions[1].duplicate_of is None


def test_memory_comes_after_the_catalog_and_rejected_before_pending() -> None:
    listed = paper("2109.01134", "Learning to Prompt for Vision-Language Models")
    memory = {"2109.01134": 3, RELEVANT.arxiv_id: 7, OFF_TOPIC.arxiv_id: 9}
    decisions, _ = decide_all([listed, RELEVANT, OFF_TOPIC], parse(SEED), CFG,
                              pending={**memory, OFF_TOPIC.arxiv_id: 12}, rejected=memory)
    assert [d.status for d in decisions] == [Status.LISTED, Status.REJECTED, Status.REJECTED]
    assert [d.pull_request for d in decisions] == [None, 7, 9]
    assert decisions[1].reasons[0] == "rejected in #7"
    pending, _ = decide_all([RELEVANT], parse(SEED), CFG, pending={RELEVANT.arxiv_id: 12})
    assert pending[0].status is Status.PENDING and pending[0].pull_request == 12
    assert pending[0].reasons[0] == "pending in #12 (already proposed)"


def test_relevance_threshold_and_every_decision_has_a_score_and_a_section() -> None:
    decisions, notes = decide_all([RELEVANT, OFF_TOPIC], parse(SEED), CFG)
    proposed, irrelevant = decisions
    threshold = CFG.scoring.threshold
    assert proposed.status is Status.PROPOSED and proposed.score >= threshold
    assert irrelevant.status is Status.IRRELEVANT and 0.0 <= irrelevant.score < threshold
    for d in decisions:
        assert d.section == "Prompt Learning/Tuning(arxiv4月-)"  # preprints, seed config
        assert d.section_confidence == 1.0 and not d.needs_triage
        assert d.reasons[-1] == 'section "Prompt Learning/Tuning(arxiv4月-)": no venue: a preprint'
        assert any(r.startswith("relevance ") for r in d.reasons)
    verdict = rf"relevance 0\.\d\d \(.*\): below the threshold {re.escape(f'{threshold:g}')}"
    assert re.fullmatch(verdict, irrelevant.reasons[0])
    assert notes == ()


def test_the_threshold_is_configured() -> None:
    strict = replace(CFG, scoring=replace(ScoringConfig(), threshold=0.99))
    decisions, _ = decide_all([RELEVANT], parse(SEED), strict)
    assert decisions[0].status is Status.IRRELEVANT


def test_another_catalog_places_by_similarity_and_says_so() -> None:
    decisions, notes = decide_all([RELEVANT], parse(BWLONG_HEAD), CFG)
    assert notes and "placing by similarity" in notes[0]
    assert decisions[0].section and decisions[0].section.startswith("Prompt Learning")


def test_decide_and_decide_many_agree() -> None:
    scorer_one, scorer_many = Scorer(parse(SEED), CFG), Scorer(parse(SEED), CFG)
    one = [scorer_one.decide(p) for p in (RELEVANT, OFF_TOPIC)]
    assert tuple(one) == scorer_many.decide_many([RELEVANT, OFF_TOPIC])


def test_an_empty_catalog_and_no_papers() -> None:
    empty = catalog.parse("# My list\n")
    decisions, _ = decide_all([RELEVANT], empty, CFG)
    assert decisions[0].status is Status.PROPOSED
    assert decide_all([], parse(SEED), CFG) == ((), ())


def decision_ids(decisions: tuple[Decision, ...]) -> list[str]:
    return [d.paper.arxiv_id for d in decisions]


def test_decisions_keep_the_input_order() -> None:
    papers = [replace(OFF_TOPIC, arxiv_id=f"2501.{i:05d}", title=f"Topic {i} of lattice QCD")
              for i in range(20)]
    decisions, _ = decide_all(papers, parse(SEED), CFG)
    assert decision_ids(decisions) == [p.arxiv_id for p in papers]


def test_a_paper_the_maintainers_commented_out_is_hidden_never_proposed() -> None:
    text = (parse(SEED).render()
            + '<!-- * **Old**: "Soft Prompt Tuning for Vision-Language Models", arXiv, 2025.'
              " [[Paper](https://arxiv.org/abs/2501.00001)] -->\n")
    cat = catalog.parse(text)
    decision = Scorer(cat, CFG).decide(RELEVANT)
    assert decision.status is Status.HIDDEN
    assert decision.reasons[0] == (f"hidden by the maintainers: commented out at line "
                                   f"{len(cat.lines)}")
    assert decision.duplicate_line == len(cat.lines)
    assert Scorer(parse(SEED), CFG).decide(RELEVANT).status is Status.PROPOSED


def _two_topics() -> Catalog:
    """Segmentation and detection, six entries each, their arXiv months interleaved (so neither
    section holds more of the newest entries)."""
    segmentation = ["Open-vocabulary semantic segmentation with pixel masks",
                    "Mask transformers for panoptic segmentation",
                    "Referring image segmentation with pixel masks",
                    "Semantic segmentation of street scenes",
                    "Pixel-level segmentation masks from text",
                    "Instance segmentation with mask queries"]
    detection = ["Open-vocabulary object detection with boxes",
                 "Region proposals for box detection",
                 "Detection transformers predict object boxes",
                 "Small object detection in aerial images",
                 "Box regression for object detection", "Anchor-free object detection"]
    lines = ["# List", "", "## Segmentation", ""]
    lines += [f"- {t} [[Paper](https://arxiv.org/abs/24{2 * n - 1:02d}.00001)]"
              for n, t in enumerate(segmentation, 1)]
    lines += ["", "## Detection", ""]
    lines += [f"- {t} [[Paper](https://arxiv.org/abs/24{2 * n:02d}.00001)]"
              for n, t in enumerate(detection, 1)]
    return catalog.parse("\n".join(lines) + "\n")


def test_a_few_cached_abstracts_do_not_pull_papers_to_the_section_holding_them() -> None:
    # Only two detection entries have a cached abstract, in the words every abstract uses; a
    # paper about segmentation, with such an abstract, is far more like those two long texts
    # than like the title-only segmentation entries, unless titles are compared with titles.
    generic = ("We introduce a new benchmark and a simple method, evaluate it on standard "
               "benchmarks, and show state-of-the-art results with extensive experiments.")
    cached = {"2402.00001": f"Open-vocabulary object detection with boxes\n{generic}",
              "2404.00001": f"Region proposals for box detection\n{generic}"}
    cfg = replace(Config(), sections=replace(Config().sections, default="", published="",
                                             preprint=""))
    segmenting = paper("2501.00009", "Segmentation masks for semantic segmentation", generic)
    for abstracts in (None, cached):
        decision = Scorer(_two_topics(), cfg, abstracts=abstracts).decide(segmenting)
        assert decision.section == "Segmentation", abstracts
