"""bench/replay_history.py on a small history folder made from tests/data/history."""

from __future__ import annotations

import gzip
import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
from builders import paper

from promptbot import catalog
from promptbot.config import Config
from promptbot.models import Decision, PaperFields, Status

BENCH = Path(__file__).parent.parent / "bench"
HISTORY = Path(__file__).parent / "data" / "history"


def load(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def history_folder(tmp: Path, repos: tuple[str, ...]) -> Path:
    """rows.jsonl, catalogs/ and days/ as the bench reads them, from the copied slice."""
    rows = [json.loads(line) for line in (HISTORY / "rows.jsonl").read_text("utf-8").splitlines()]
    rows = [r for r in rows if r["repo"] in repos]
    (tmp / "catalogs").mkdir()
    (tmp / "days").mkdir()
    out: list[dict[str, object]] = []
    days: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        sha = row["catalog"].rsplit("_", 1)[1].removesuffix(".md")
        owner, name = row["repo"].split("/")
        shutil.copy(HISTORY / row["catalog"], tmp / "catalogs" / f"{owner}_{name}_{sha}.md")
        out.append(row | {"announce_state_sha": sha})
        days.setdefault(row["announce_day"], []).append(
            {"id": row["arxiv_id"], "title": row["title"], "authors": row["authors"],
             "categories": row["categories"], "comment": row["comment"], "summary": ""})
    (tmp / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in out), "utf-8")
    for day, papers in days.items():
        with gzip.open(tmp / "days" / f"{day}.jsonl.gz", "wt", encoding="utf-8") as handle:
            handle.writelines(json.dumps(p) + "\n" for p in papers)
    return tmp


def test_shape_only_writes_every_paper_into_the_maintainers_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = load("replay_history")
    folder = history_folder(tmp_path, ("ZLKong/Awesome-Collection-Token-Reduction",
                                       "YichiZhang98/SAM4MIS"))
    assert bench.main([str(folder), "--shape-only", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    total = result["lists"]["TOTAL"]
    assert total["rows"] == 6 and total["broken"] == 0
    rows = {r["arxiv_id"]: r for r in result["rows"]}
    # A paper whose comment names its venue is written in their shape; the others' venues and
    # code the day's feed did not give: their shape once the bot is given what they knew.
    assert rows["2603.21957"]["in_shape"] and rows["2603.21957"]["in_known_shape"]
    assert all(r["in_shape_given_facts"] for r in rows.values() if "ZLKong" in r["repo"])


def test_judged_mode_reports_proposals_sections_and_merge_ready(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = load("replay_history")
    folder = history_folder(tmp_path, ("YichiZhang98/SAM4MIS",))
    assert bench.main([str(folder)]) == 0
    text = capsys.readouterr().out
    assert "YichiZhang98/SAM4MIS: rows 3;" in text and "merge_ready" in text


def test_the_shape_measure() -> None:
    shape = load("entry_shape")
    a = "* [**CVPR'26**] A B C [[Paper](https://arxiv.org/pdf/1)] [[Code](https://github.com/o/r)]"
    b = "* [**ICLR'25**] D E F [[Paper](https://arxiv.org/pdf/2)]"
    assert shape.shape(a, "A B C") == "* [**a'0**] T [[a](U)] [[a](U)]"
    assert shape.shape(a, "A B C") != shape.shape(b, "D E F")
    assert shape.known_shape(a, "A B C") == shape.known_shape(b, "D E F")


def test_the_shape_takes_the_title_as_the_entry_spells_it() -> None:
    shape = load("entry_shape")
    theirs = "+ [Mask²DiT: Dual Masks](https://arxiv.org/abs/1) (Mar., 2025)"
    # arXiv's spelling is not in the entry: without the entry's own title, its words count.
    assert shape.shape(theirs, "Mask$^2$DiT: Dual Masks") == "+ [a: a](U) (a., 0)"
    assert shape.shape(theirs, "Mask$^2$DiT: Dual Masks", "Mask²DiT: Dual Masks") == (
        "+ [T](U) (a., 0)")
    # The paper's title comes first: an entry that shows it is read by it.
    assert shape.shape("+ [A B](https://x.org/1) B", "A B", "B") == "+ [T](U) a"


def test_a_title_is_read_in_place_as_the_catalog_parser_reads_it() -> None:
    bench = load("replay_history")
    cat = catalog.parse("# L\n\n## S\n\n+ [Old One](https://arxiv.org/abs/2401.00001) (Jan.)\n")
    found = paper(arxiv_id="2503.19881", title="Mask$^2$DiT: Dual Masks")
    entry = "+ [Mask²DiT: Dual Masks](https://arxiv.org/abs/2503.19881) (Mar., 2025)"
    assert bench.read_title(cat, cat.sections[-1], found, entry) == "Mask²DiT: Dual Masks"
    assert bench.read_title(cat, None, found, entry) == ""


def test_the_shape_of_an_html_row_shifted_by_the_diff() -> None:
    shape = load("entry_shape")
    ours = ('  <tr>\n    <td><a href="https://arxiv.org/pdf/1">A B C</a></td>\n'
            "    <td>ARXIV</td>\n    <td>--</td>\n    <td></td>\n  </tr>")
    shifted = ('    <td><a href="https://arxiv.org/pdf/2">D E F</a></td>\n    <td>ARXIV</td>\n'
               '    <td><a href="https://github.com/o/r">link</a></td>\n'
               '    <td><img src="x.jpg" alt="img" /></td>\n  </tr>\n    <tr>')
    without_tr = shifted.rsplit("\n", 1)[0]
    assert shape.shape(shifted, "D E F") == shape.shape("    <tr>\n" + without_tr, "D E F")
    assert shape.shape(without_tr, "D E F") == shape.shape(shifted, "D E F")
    assert shape.shape(ours, "A B C") != shape.shape(shifted, "D E F")
    # Code links and images arXiv cannot give, and cells that say "none", are left out.
    assert shape.known_shape(ours, "A B C") == shape.known_shape(shifted, "D E F")
    assert shape.known_shape(ours.replace("<td>--</td>", "<td>Bench</td>"), "A B C") != (
        shape.known_shape(shifted, "D E F"))


def test_the_link_form_is_compared_where_the_shape_leaves_urls_out() -> None:
    bench = load("replay_history")
    forms = bench._link_forms
    assert forms("[[Paper](https://arxiv.org/pdf/2603.20185)] [[x](https://arxiv.org/abs/"
                 "2603.20185v2)]") == ["pdf", "abs"]
    assert forms("(https://arxiv.org/pdf/2304.13785.pdf)") == ["pdf.pdf"]
    assert forms("https://github.com/o/r") == []


def test_a_section_is_its_whole_heading_path_and_a_year_yet_to_open_counts() -> None:
    bench = load("replay_history")
    cat = catalog.parse("# L\n## Vision\n#### 2026\n* a\n#### 2025\n* b\n## Language\n"
                        "#### 2025\n* c\n")
    section, exact = bench.find_section(cat, "Language > 2026")
    assert not exact and section.heading == "Language"  # `Vision > 2026` is another section
    assert bench.find_section(cat, "Vision > 2026")[1]
    opens = bench.openable(cat, "Language > 2026")
    assert opens is not None and opens.path == ("L", "Language", "2025")  # written like 2025's
    assert bench.openable(cat, "Language > Misc") is None
    assert bench.same_path("Language > 2026", "L > Language > 2026")
    assert not bench.same_path("Language > 2026", "L > Vision > 2026")


def test_the_planned_section_is_where_planning_inserts_whatever_the_decision() -> None:
    bench = load("replay_history")
    cat = catalog.parse("# L\n## Vision\n#### 2026\n* [**CVPR'26**] Token Paper One [[Paper]("
                        "https://arxiv.org/pdf/2601.00001)]\n#### 2025\n* [**CVPR'25**] Token "
                        "Paper Two [[Paper](https://arxiv.org/pdf/2501.00002)]\n")

    def planned(year: int) -> str:
        decision = Decision(paper(arxiv_id=f"{year % 100}03.01234", title="Token Paper Three"),
                            Status.IRRELEVANT, 0.1, section="Vision > 2026",
                            fields=PaperFields(name=None, venue="CVPR", year=year,
                                               yymm="", code_url=None, affiliation=None))
        return str(bench.planned_section(cat, decision, Config()))

    assert planned(2025) == "L > Vision > 2025"  # its year's section, though judged irrelevant
    assert planned(2027).endswith("Vision > 2027")  # a year the insertion opens


def test_a_section_renamed_since_by_an_aside_is_the_section_of_the_day() -> None:
    bench = load("replay_history")
    cat = catalog.parse("# L\n## Vision-Language Model\n#### 2025\n* a\n## Prompt Tuning\n* b\n"
                        "## Prompt Tuning(read)\n* c\n")
    # ZLKong (history-dev) added `(Action)` to the heading after the papers' day.
    section, exact = bench.find_section(cat, "Vision-Language (Action) Model > 2025")
    assert exact and section.path == ("L", "Vision-Language Model", "2025")
    opens = bench.openable(cat, "Vision-Language (Action) Model > 2026")
    assert opens is not None and opens.path == ("L", "Vision-Language Model", "2025")
    # Two sections named alike but for an aside stay two.
    assert bench.find_section(cat, "Prompt Tuning(read)")[0].heading == "Prompt Tuning(read)"
    assert not bench.find_section(cat, "Prompt Tuning(unread)")[1]
