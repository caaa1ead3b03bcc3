"""The leave-out replay bench runs on any list: held-out entries, candidates, rates."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from catalog_files import AMUSI, BWLONG_HEAD, CATALOGS, SEED, SEED_SECTIONS, parse

from promptbot.config import Config

BENCH = Path(__file__).parent.parent / "bench" / "replay_leave_out.py"


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("replay_leave_out", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def seven_entries(named: bool) -> str:
    """Bullet entries for arXiv 2305.00001-7: named N1-N7 with an affiliation, or all unnamed."""
    return "".join(
        f'* **{f"N{i}" if named else "?"}**: "Prompt learning method number {i}", arXiv, 2023'
        f'{" (*U*)." if named else "."} [[Paper](https://arxiv.org/abs/2305.{i:05d})]\n'
        for i in range(1, 8)
    )


def replay_text(tmp_path: Path, text: str) -> dict[str, Any]:
    """The bench's report on a list file holding `text`."""
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    result: dict[str, Any] = load().replay(path, Config(), 6, 3)
    return result


def test_candidates_carry_only_what_the_list_shows() -> None:
    replay = load()
    cat = parse(SEED)
    text, held, skipped = replay.hold_out(cat, 6, 3)
    assert len(held) + len(skipped) == 9  # three sections of the seed have six entries or more
    first = held[0]
    assert first.paper.abstract == "" and first.paper.arxiv_id in first.entry.raw
    assert first.entry.raw not in text and len(text) < len(cat.render())
    tpt = next(h for h in held if h.paper.arxiv_id == "2209.07511")
    assert tpt.paper.comment == "Accepted to NIPS 2022"


def test_a_venue_is_compared_however_the_entry_spells_it() -> None:
    # The seed's TPT entry says `NIPS 2022`; the bot writes the list's usual `NeurIPS`.
    replay = load()
    tpt = next(e for e in parse(SEED).entries if "2209.07511" in e.arxiv_ids)
    assert tpt.venue == "NIPS"
    assert replay.fields_of(tpt)["venue"] == "neurips"


def test_replay_reports_rates_and_disagreements(tmp_path: Path) -> None:
    rows = seven_entries(named=True)
    result = replay_text(tmp_path, f"# List\n\n## Prompting\n{rows}\n## Other\ntext\n")
    assert result["held_out"] == 3
    assert result["same_fields"].startswith("0/3")  # the names N5..N7 cannot come from titles
    # The list has no "?" marker, so the unknown name is left out: a line that looks different.
    assert result["same_look"].startswith("0/3")
    assert {d["fields"]["name"]["list"] for d in result["disagreements"]} == {"N5", "N6", "N7"}
    assert all(set(d["fields"]) == {"name"} for d in result["disagreements"])


def test_a_paper_still_listed_elsewhere_is_reported_apart_and_not_counted(tmp_path: Path) -> None:
    rows = seven_entries(named=True)
    again = '* **N7**: "Prompt learning method number 7", arXiv, 2023. [[Paper](https://arxiv.org/abs/2305.00007)]\n'
    result = replay_text(tmp_path, f"# List\n\n## Prompting\n{rows}\n## Other\n{again}")
    assert result["held_out"] == 2  # N5 and N6; N7 is still in "Other", line 10 of the cut list
    assert result["still_listed_elsewhere"] == [
        {"arxiv_id": "2305.00007", "line": 10, "decision": "listed", "correct": True}]
    assert {d["arxiv_id"] for d in result["disagreements"]} == {"2305.00005", "2305.00006"}
    assert result["same_fields"].startswith("0/2")


def test_bwlong_duplicates_inside_the_list_are_not_counted_as_failures() -> None:
    replay = load()
    result = replay.replay(CATALOGS / BWLONG_HEAD, Config(), 6, 3)
    elsewhere = {e["arxiv_id"]: e["correct"] for e in result["still_listed_elsewhere"]}
    assert elsewhere == {"2208.08340": True, "2111.12853": True, "2308.08428": True}
    assert result["held_out"] == 7


def test_a_line_laid_out_unlike_the_maintainers_is_reported(tmp_path: Path) -> None:
    rows = seven_entries(named=False)
    odd = "* **?**: Prompt learning method number 8 [[arXiv 2305](https://arxiv.org/abs/2305.00008)]\n"
    result = replay_text(tmp_path, f"# List\n\n## Prompting\n{rows}{odd}")
    assert result["same_look"].startswith("2/3")
    (odd_one,) = [d for d in result["disagreements"] if d["same_look"] is False]
    assert odd_one["arxiv_id"] == "2305.00008"


def test_papers_the_maintainers_put_in_a_never_filled_section_are_marked() -> None:
    replay = load()
    result = replay.replay(CATALOGS / SEED, Config(sections=SEED_SECTIONS), 6, 3)
    never = [d for d in result["disagreements"] if d["never_filled"]]
    assert len(never) == 3
    assert {d["maintainers_section"] for d in never} == {"Prompt Learning/Tuning(已读)"}
    assert all(d["bot_section"] != d["maintainers_section"] for d in never)


def test_the_small_hold_out_takes_the_last_entry_of_each_section_too_small_to_learn() -> None:
    replay = load()
    cat = parse(AMUSI)
    text, held, skipped = replay.hold_out_small(cat, 3)
    small = [s for s in cat.sections if 0 < len(s.entries) < 3]
    assert len(held) + len(skipped) == len(small) == 25
    stereo = next(h for h in held if "Stereo Matching" in h.section)
    assert stereo.entry.raw not in text and "Stereo Matching" in text  # the heading stays
    result = replay.replay(CATALOGS / AMUSI, Config(), 6, 3, small=True)
    assert result["held_out"] + len(result["still_listed_elsewhere"]) == 25
