"""Listed entries out of date: detected, rewritten, moved, proposed once, and not asked again."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import cmarkgfm
from builders import venue_dated_list
from catalog_files import SEED, SEED_SECTIONS, parse, read
from fakes import FakeForge, FakeSource

from promptbot import catalog, pipeline
from promptbot.config import Config, SectionsConfig
from promptbot.entries import unified_diff
from promptbot.judging.updates import (
    detect_change,
    find_updates,
    published_section,
    recheck_ids,
)
from promptbot.models import Decision, Harvest, Memory, Paper, PaperFields, Status

SEED_TEXT = read(SEED)
SEED_CFG = replace(Config(), sections=SEED_SECTIONS)  # the seed copy's own [sections]
PUBLISHED = "Prompt Learning/Tuning"
IDPT_TITLE = "Instance-aware Dynamic Prompt Tuning for Pre-trained Point Cloud Models"
IDPT_LINE = ('* **IDPT**: "Instance-aware Dynamic Prompt Tuning for Pre-trained Point Cloud Models"'
             ",{venue}(*Tsinghua University*).[[Paper](https://arxiv.org/abs/2304.07221)]"
             "[[Code](https://github.com/zyh16143998882/IDPT)]")


def idpt(version: int = 2, comment: str | None = "Accepted to ICCV 2023") -> Paper:
    return Paper(arxiv_id="2304.07221", version=version, title=IDPT_TITLE, comment=comment,
                 announce_type="replace", published=datetime(2023, 4, 14, tzinfo=UTC),
                 categories=("cs.CV",))


def changed_lines(old: str, new: str) -> list[str]:
    return [line for line in unified_diff(old, new, "README.md").splitlines()
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_idpt_accepted_at_iccv_is_one_entry_moved_to_the_published_section() -> None:
    plan = pipeline.decide_and_plan(Harvest(papers=(idpt(),)), SEED_TEXT, Memory(), SEED_CFG)
    (decision,) = plan.decisions
    assert decision.status is Status.UPDATE and decision.section == PUBLISHED
    assert changed_lines(plan.base_text, plan.new_text) == [
        "+" + IDPT_LINE.format(venue="ICCV, 2023"),
        "-" + IDPT_LINE.format(venue="arXiv,2023"),
    ]
    moved = next(s for s in catalog.parse(plan.new_text).sections if s.heading == PUBLISHED)
    assert moved.entries[-1].venue == "ICCV" and moved.entries[-1].year == 2023
    (pr,) = plan.pull_requests
    assert "**Updates: 1 entry**" in pr.body and "ICCV, 2023" in pr.body
    assert pr.updates == plan.updates and len(plan.updates) == 1


def test_a_new_version_that_changes_nothing_stays_listed_with_no_diff() -> None:
    current = SEED_TEXT.replace(IDPT_LINE.format(venue="arXiv,2023"),
                                IDPT_LINE.format(venue="ICCV, 2023"))
    assert current != SEED_TEXT
    for paper, base in ((idpt(comment="v2: typos fixed"), SEED_TEXT), (idpt(version=3), current)):
        plan = pipeline.decide_and_plan(Harvest(papers=(paper,)), base, Memory(), SEED_CFG)
        assert [d.status for d in plan.decisions] == [Status.LISTED]
        assert plan.new_text == base and not plan.pull_requests


def test_an_update_turned_down_is_not_asked_again_for_that_version() -> None:
    forge = FakeForge(SEED_TEXT)
    pipeline.apply(pipeline.run(SEED_CFG, [FakeSource((idpt(),))], forge, None), forge)
    assert len(forge.pulls) == 1
    forge.close(forge.pulls[0].number)  # the maintainer closes the PR
    again = pipeline.run(SEED_CFG, [FakeSource((idpt(),))], forge, None)
    assert [d.status for d in again.decisions] == [Status.LISTED]
    assert "turned down before" in again.decisions[0].reasons[-1]
    assert not again.pull_requests
    newer = pipeline.run(SEED_CFG, [FakeSource((idpt(version=3),))], forge, None)
    assert [d.status for d in newer.decisions] == [Status.UPDATE]


def test_an_update_stays_in_the_rolling_pr_when_the_next_run_does_not_see_the_paper() -> None:
    forge = FakeForge(SEED_TEXT)
    first = pipeline.run(SEED_CFG, [FakeSource((idpt(),))], forge, None)
    pipeline.apply(first, forge)
    later = pipeline.run(SEED_CFG, [FakeSource(())], forge, None)
    (pr,) = later.pull_requests
    assert pr.number == forge.pulls[0].number and pr.new_text == first.new_text
    assert [u.arxiv_id for u in pr.updates] == ["2304.07221"]
    forge.close(pr.number, merged=True)  # merged: the entry is current, nothing more to do
    done = pipeline.run(SEED_CFG, [FakeSource((idpt(),))], forge, None)
    assert [d.status for d in done.decisions] == [Status.LISTED] and not done.pull_requests


def test_code_released_later_is_added_in_place() -> None:
    d2cse = Paper(arxiv_id="2304.08991", version=2,
                  title="Difference-aware Deep continuous prompts for Contrastive Sentence "
                  "Embeddings", comment="Code: https://github.com/o/d2cse")
    plan = pipeline.decide_and_plan(Harvest(papers=(d2cse,)), SEED_TEXT, Memory(), SEED_CFG)
    assert [d.status for d in plan.decisions] == [Status.UPDATE]
    minus, plus = sorted(changed_lines(plan.base_text, plan.new_text))[::-1]
    assert plus == minus.replace("-", "+", 1) + "[[Code](https://github.com/o/d2cse)]"


def test_detect_change_needs_a_preprint_entry_or_a_missing_code_link() -> None:
    entry = next(e for e in parse(SEED).entries if "2304.07221" in e.arxiv_ids)
    accepted = PaperFields(None, "ICCV", 2023, "2304", None, None)
    assert detect_change(entry, accepted) is not None
    published = replace(entry, venue="CVPR")
    assert detect_change(published, accepted) is None
    same_code = PaperFields(None, "arXiv", 2023, "2304",
                            "https://github.com/zyh16143998882/IDPT/", None)
    assert detect_change(entry, same_code) is None


def test_sections_apart_by_their_venues_are_learned_without_config() -> None:
    lines = ["# Prompt Learning (accepted)"]
    lines += [f'* "Paper {n}", CVPR, 2022. [[Paper](https://arxiv.org/abs/2201.0000{n})]'
              for n in range(4)]
    lines += ["# Prompt Learning (arxiv)"]
    lines += [f'* "Preprint {n}", arXiv, 2023. [[Paper](https://arxiv.org/abs/2301.0000{n})]'
              for n in range(4)]
    cat = catalog.parse("\n".join(lines) + "\n")
    none = SectionsConfig(default="", published="", preprint="", never=())
    assert published_section(cat, none, cat.sections[1]) is cat.sections[0]
    assert published_section(cat, none, cat.sections[0]) is None
    assert recheck_ids(cat) == tuple(f"2301.0000{n}" for n in range(4))


def test_replacements_of_unlisted_papers_are_not_proposed() -> None:
    cat = parse(SEED)
    stranger = Paper(arxiv_id="2501.00001", version=2, title="Prompt tuning for CLIP",
                     announce_type="replace")
    decisions = (Decision(stranger, Status.PROPOSED, 0.9),
                 Decision(replace(stranger, announce_type="new"), Status.PROPOSED, 0.9))
    kept = find_updates(cat, decisions, SEED_CFG)
    assert [d.paper.announce_type for d in kept] == ["new"]


def test_a_list_sectioned_by_year_moves_an_accepted_paper_to_its_venue_years_section() -> None:
    from promptbot.judging.updates import year_section

    text = ("# L\n## Vision\n#### 2026\n* [**CVPR'26**] A [[Paper](https://arxiv.org/pdf/2601."
            "00001)]\n#### 2025\n* [arXiv] B [[Paper](https://arxiv.org/pdf/2501.00002)]\n"
            "## Language\n#### 2026\n* [**ACL'26**] C [[Paper](https://arxiv.org/pdf/2601.00003)]\n")
    cat = catalog.parse(text)
    vision_2025 = cat.sections[3]
    assert year_section(cat, vision_2025, 2026) is cat.sections[2]  # not Language's 2026
    assert year_section(cat, vision_2025, 2025) is None
    b = Paper("2501.00002", "B", version=2, comment="Accepted to CVPR 2026")
    plan = pipeline.decide_and_plan(Harvest(papers=(b,)), text, Memory(), SEED_CFG)
    assert [d.status for d in plan.decisions] == [Status.UPDATE]
    assert plan.new_text.splitlines()[3:5] == [
        "* [**CVPR'26**] A [[Paper](https://arxiv.org/pdf/2601.00001)]",
        "* [**CVPR'26**] B [[Paper](https://arxiv.org/pdf/2501.00002)]"]


def test_a_list_sectioned_by_venue_and_year_moves_an_accepted_preprint_to_its_venues_year() -> None:
    from promptbot.judging.updates import year_section

    cat = catalog.parse(venue_dated_list([("arXiv 2023", "2301.00001", "A"),
                                          ("CVPR 2023", "2301.00002", "B")],
                                         parent="Grounding", numbered=True))
    preprints, cvpr = cat.sections[2], cat.sections[3]
    assert year_section(cat, preprints, 2023, "CVPR") is cvpr  # the same year, its venue's
    assert year_section(cat, preprints, 2023, "arXiv") is None  # where it is
    assert year_section(cat, cvpr, 2023, "CVPR") is None
    assert year_section(cat, preprints, 2023, "ICCV") is None  # no ICCV 2023 to move to


def test_an_accepted_preprint_leaves_the_preprint_heading_of_a_list_dated_by_venue() -> None:
    from promptbot.judging.updates import year_section

    cat = catalog.parse(venue_dated_list([("CVPR 2023", "2301.00001", "A"),
                                          ("ICCV 2023", "2303.00002", "B"),
                                          ("Preprints", "2305.00003", "C")]))
    cvpr, preprints = cat.sections[1], cat.sections[3]
    assert year_section(cat, preprints, 2023, "CVPR") is cvpr
    assert year_section(cat, preprints, 2024, "CVPR") is None  # no CVPR 2024 heading yet
    assert year_section(cat, preprints, 2023, "arXiv") is None
    assert year_section(cat, cat.sections[0], 2023, "CVPR") is None  # not a preprint heading
    text = venue_dated_list(
        [("CVPR 2023", "2301.00001", "Alpha grounding of every object in scenes"),
         ("Preprints", "2305.00003", "Gamma grounding of every object in images")])
    gamma = Paper("2305.00003", "Gamma grounding of every object in images", version=2,
                  comment="Accepted to CVPR 2023")
    plan = pipeline.decide_and_plan(Harvest(papers=(gamma,)), text, Memory(), SEED_CFG)
    assert [(d.status, d.section) for d in plan.decisions] == [(Status.UPDATE, "CVPR 2023")]
    assert plan.new_text.splitlines()[3] == ("- **Gamma grounding of every object in images**. "
                                             "CVPR 2023. [[Paper]](https://arxiv.org/abs/2305."
                                             "00003)")


def test_an_accepted_preprint_leaves_a_numbered_list_for_its_venues_year_counted_on_there() -> None:
    text = venue_dated_list(
        [("arXiv 2023", "2301.00001", "Alpha Grounding of Every Object in Scenes"),
         ("arXiv 2023", "2301.00003", "Gamma Grounding of Every Object in Rooms"),
         ("CVPR 2023", "2301.00002", "Beta Grounding of Every Object in Images")],
        parent="Grounding", numbered=True)
    alpha = Paper("2301.00001", "Alpha Grounding of Every Object in Scenes", version=2,
                  comment="Accepted to CVPR 2023")
    plan = pipeline.decide_and_plan(Harvest(papers=(alpha,)), text, Memory(), SEED_CFG)
    assert [(d.status, d.section) for d in plan.decisions] == [(Status.UPDATE, "CVPR 2023")]
    lines = plan.new_text.splitlines()
    # The list it left still starts at 1; the one it joins counts on; the venue is written as
    # that list writes its own (`CVPR 2023`).
    assert lines[3].startswith("1. **Gamma")
    assert lines[6] == ("2. **Alpha Grounding of Every Object in Scenes**. CVPR 2023. [[Paper]]"
                        "(https://arxiv.org/abs/2301.00001)")
    assert "start=" not in cmarkgfm.github_flavored_markdown_to_html(plan.new_text)
    # Two moving in at once count on from each other.
    gamma = Paper("2301.00003", "Gamma Grounding of Every Object in Rooms", version=2,
                  comment="Accepted to CVPR 2023")
    both = pipeline.decide_and_plan(Harvest(papers=(alpha, gamma)), text, Memory(), SEED_CFG)
    moved = [line for line in both.new_text.splitlines() if "CVPR 2023. [[Paper]]" in line]
    assert [line[:9] for line in moved] == ["1. **Beta", "2. **Alph", "3. **Gamm"]


def test_a_list_that_writes_no_code_links_gets_none_added() -> None:
    text = "# L\n" + "".join(f"* **N{n}**: \"Title {n}\", arXiv, 2023. [[Paper](https://arxiv.org"
                             f"/abs/2301.0000{n})]\n" for n in range(5))
    paper = Paper("2301.00001", "Title 1", version=2, comment="Code: https://github.com/o/r")
    plan = pipeline.decide_and_plan(Harvest(papers=(paper,)), text, Memory(), SEED_CFG)
    assert [d.status for d in plan.decisions] == [Status.LISTED]
    with_code = text.replace("2301.00003)]", "2301.00003)][[Code](https://github.com/x/y)]")
    plan = pipeline.decide_and_plan(Harvest(papers=(paper,)), with_code, Memory(), SEED_CFG)
    assert [d.status for d in plan.decisions] == [Status.UPDATE]


def test_a_move_finds_the_right_one_of_several_sections_with_the_same_heading() -> None:
    text = ("# L\n## Vision\n#### 2026\n* [**CVPR'26**] A [[Paper](https://arxiv.org/pdf/2601."
            "00001)]\n## Language\n#### 2026\n* [**ACL'26**] C [[Paper](https://arxiv.org/pdf/"
            "2601.00003)]\n#### 2025\n* [arXiv] B [[Paper](https://arxiv.org/pdf/2501.00002)]\n")
    b = Paper("2501.00002", "B", version=2, comment="Accepted to ACL 2026")
    plan = pipeline.decide_and_plan(Harvest(papers=(b,)), text, Memory(), SEED_CFG)
    (update,) = plan.updates
    assert (update.section, update.from_section) == ("Language > 2026", "2025")
    assert plan.new_text.splitlines()[6:8] == [
        "* [**ACL'26**] C [[Paper](https://arxiv.org/pdf/2601.00003)]",
        "* [**ACL'26**] B [[Paper](https://arxiv.org/pdf/2501.00002)]"]


def test_a_move_into_a_repeated_heading_survives_the_pull_requests_memory() -> None:
    # The update is carried from run to run in the PR body: its section must still say which
    # "2026" once read back, or the next run moves the entry under Vision.
    from promptbot.entries.updating import apply_updates
    from promptbot.github.pull_request_text import read_updates, render_body

    text = ("# L\n## Vision\n#### 2026\n* [**CVPR'26**] A [[Paper](https://arxiv.org/pdf/2601."
            "00001)]\n## Language\n#### 2026\n* [**ACL'26**] C [[Paper](https://arxiv.org/pdf/"
            "2601.00003)]\n#### 2025\n* [arXiv] B [[Paper](https://arxiv.org/pdf/2501.00002)]\n")
    b = Paper("2501.00002", "B", version=2, comment="Accepted to ACL 2026")
    (update,) = pipeline.decide_and_plan(Harvest(papers=(b,)), text, Memory(), SEED_CFG).updates
    carried = read_updates(render_body((), catalog_path="README.md", updates=(update,)))
    assert carried == (update,)
    moved = catalog.parse(apply_updates(text, carried))
    language_2026 = moved.sections[4]
    assert [e.arxiv_ids for e in language_2026.entries] == [("2601.00003",), ("2501.00002",)]


# Two "2026" sections, each writing its code links its own way.
_TWO_STYLES = (
    "# L\n## Vision\n#### 2026\n"
    + "".join(f'* **V{n}**: "Vision Tokens {n}", CVPR, 2026. [[Paper](https://arxiv.org/abs/'
              f"2601.0000{n})] [[Code](https://github.com/v/{n})]\n" for n in range(1, 5))
    + '* **V9**: "Vision Tokens Nine", CVPR, 2026. [[Paper](https://arxiv.org/abs/2601.00009)]\n'
    + "## Language\n#### 2026\n"
    + "".join(f"* [**ACL'26**] Language Tokens {n} [[paper]](https://arxiv.org/abs/2601.0001{n})"
              f" [[github]](https://github.com/l/{n})\n" for n in range(1, 5))
    + "* [**ACL'26**] Language Tokens Nine [[paper]](https://arxiv.org/abs/2601.00019)\n")


def test_two_sections_with_one_heading_each_keep_their_own_style() -> None:
    vision = Paper("2601.00009", "Vision Tokens Nine", version=2,
                   comment="Code: https://github.com/x/v9")
    language = Paper("2601.00019", "Language Tokens Nine", version=2,
                     comment="Code: https://github.com/x/l9")

    def after(*papers: Paper) -> dict[str, str]:
        plan = pipeline.decide_and_plan(Harvest(papers=papers), _TWO_STYLES, Memory(), Config())
        return {u.arxiv_id: u.after for u in plan.updates}

    alone = {**after(vision), **after(language)}
    assert "[[Code](https://github.com/x/v9)]" in alone["2601.00009"]
    assert "[[Code]" not in alone["2601.00019"]  # Language writes its own label
    assert after(vision, language) == alone == after(language, vision)

def test_an_entry_found_by_its_title_is_updated_too() -> None:
    text = ("# L\n## Published\n* **A**: \"Alpha Prompts\", CVPR, 2022. [[Paper](https://openaccess."
            "thecvf.com/a.pdf)]\n* **B**: \"Beta Prompts\", ICCV, 2021. [[Paper](https://x.org/b)]\n"
            "## Preprints\n* **C**: \"Gamma Prompt Tuning for Vision Models\", arXiv, 2023."
            " [[Paper](https://example.org/gamma.pdf)]\n")
    cfg = replace(Config(), sections=SectionsConfig(default="", published="Published",
                                                    preprint="Preprints", never=()))
    gamma = Paper("2301.09999", "Gamma Prompt Tuning for Vision Models", version=2,
                  comment="Accepted to ECCV 2024")
    plan = pipeline.decide_and_plan(Harvest(papers=(gamma,)), text, Memory(), cfg)
    assert [d.status for d in plan.decisions] == [Status.UPDATE]
    lines = plan.new_text.splitlines()
    published = lines[lines.index("## Published") + 1 : lines.index("## Preprints")]
    # The section's years run newest first (2022, 2021), so the ECCV 2024 entry goes on top.
    assert published[0] == ('* **C**: "Gamma Prompt Tuning for Vision Models",'
                            " ECCV, 2024. [[Paper](https://example.org/gamma.pdf)]")
    assert len(published) == 3 and "Gamma" not in "".join(lines[lines.index("## Preprints"):])


def test_per_paper_mode_carries_updates_in_one_pull_request_of_their_own() -> None:
    from promptbot.config import PullRequestConfig

    cfg = replace(Config(), pull_request=PullRequestConfig(mode="per-paper"))
    forge = FakeForge(SEED_TEXT)
    first = pipeline.run(cfg, [FakeSource((idpt(),))], forge, None)
    (pr,) = first.pull_requests
    assert pr.branch == "promptbot/updates" and pr.number is None and pr.proposals == ()
    assert pr.title.startswith("Update 1 listed paper")
    pipeline.apply(first, forge)
    again = pipeline.run(cfg, [FakeSource(())], forge, None)
    (same,) = again.pull_requests
    assert same.number == forge.pulls[0].number and same.new_text == pr.new_text
    forge.close(same.number)
    after = pipeline.run(cfg, [FakeSource((idpt(),))], forge, None)
    assert not after.pull_requests and [d.status for d in after.decisions] == [Status.LISTED]
