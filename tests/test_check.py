"""Tests for `promptbot check`, through the command line as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from catalog_files import AMUSI, BWLONG_HEAD, CATALOGS, CREDITS_AND_NOTES, HISTORY, SEED, parse

from promptbot import check
from promptbot.cli import main
from promptbot.config import Config, SectionRule, SectionsConfig
from promptbot.judging.placement import Placer

SEED_PATH = CATALOGS / SEED
AMUSI_PATH = CATALOGS / AMUSI
GOOD_CONFIG = ('[sections]\ndefault = "Prompt Learning/Tuning(arxiv4月-)"\n'
               'published = "Prompt Learning/Tuning"\n'
               'preprint = "Prompt Learning/Tuning(arxiv4月-)"\n'
               'never = ["Nowhere"]\n')


@pytest.fixture(autouse=True)
def _no_ambient_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROMPTBOT_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "config.toml").write_text("", encoding="utf-8")  # the built-in defaults, quietly


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def seed_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> dict[str, object]:
    config = tmp_path / "c.toml"
    config.write_text(GOOD_CONFIG, encoding="utf-8")
    code, out, err = run(capsys, "--config", str(config), "check", "--catalog", str(SEED_PATH),
                         "--json")
    assert code == 0, err
    report: dict[str, object] = json.loads(out)
    return report


def test_json_sections_and_counts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = seed_json(capsys, tmp_path)
    assert report["entries"] == 91
    sections = {s["heading"]: s for s in report["sections"]}  # type: ignore[attr-defined]
    assert sections["Prompt Learning/Tuning(arxiv4月-)"] == {
        "heading": "Prompt Learning/Tuning(arxiv4月-)", "level": 3, "line": 97, "pseudo": True,
        "entries": 15}
    assert sections["Papers"]["entries"] == 2
    assert report["unparsed"] == []


def test_json_duplicates_of_the_seed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = seed_json(capsys, tmp_path)
    groups = {tuple(d["lines"]): d for d in report["duplicates"]}  # type: ignore[attr-defined]
    # CoOp, CLIP-Adapter and MaPLe share an arXiv id; CoCoOp's first entry links CVF, not arXiv.
    assert set(groups) == {(18, 31), (19, 24), (21, 25), (23, 57)}
    assert (groups[(18, 31)]["by"], groups[(18, 31)]["key"]) == ("arxiv_id", "2109.01134")
    assert (groups[(19, 24)]["by"], groups[(19, 24)]["key"]) == ("arxiv_id", "2110.04544")
    assert (groups[(23, 57)]["by"], groups[(23, 57)]["key"]) == ("arxiv_id", "2210.03117")
    assert groups[(21, 25)]["by"] == "title"
    assert {e["name"] for d in groups.values() for e in d["entries"]} == {
        "CoOp", "CLIP-Adapter", "CoCoOp", None, "MaPLe"}


def test_json_conflict_and_missing_sections(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    report = seed_json(capsys, tmp_path)
    assert report["conflicts"] == [{"arxiv_id": "2304.01295", "entries": [
        {"line": 80, "name": "Tip-Adapter",
         "title": "Tip-Adapter: Training-free CLIP-Adapter for Better Vision-Language Modeling"},
        {"line": 98, "name": "XSGD", "title": "Efficiently Aligned Cross-Lingual Transfer Learning"
         " for Conversational Tasks using Prompt-Tuning"}]}]
    assert report["missing_sections"] == [{"key": "sections.never[0]", "section": "Nowhere"}]
    assert [d["line"] for d in report["no_arxiv_id"]] == [21, 30, 83, 90]  # type: ignore[attr-defined]


def test_text_report_is_plain_and_complete(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "c.toml"
    config.write_text(GOOD_CONFIG.replace('never = ["Nowhere"]', "never = []"), encoding="utf-8")
    code, out, err = run(capsys, "--config", str(config), "check", "--catalog", str(SEED_PATH))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "91 entries in 9 sections (142 lines)"
    assert "     97       15  - ### Prompt Learning/Tuning(arxiv4月-)" in lines
    assert "  lines 18, 31  (arXiv 2109.01134)  Learning to Prompt for Vision-Language Models" \
        in lines
    assert "  lines 21, 25  (same title)  Conditional Prompt Learning for Vision-Language Models" \
        in lines
    assert any(line.startswith("  arXiv 2304.01295: line 80 Tip-Adapter") for line in lines)
    assert "Lines that look like entries but were not understood: none" in lines
    assert "Configured sections not in the catalog: none" in lines
    assert ("Sections too small to learn from, given the papers whose title says their heading:"
            " none") in lines
    assert "\x1b" not in out


def test_unparsed_lines_are_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text("# Papers\n- [[Paper](https://arxiv.org/abs/2201.00001)]\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--catalog", str(path), "--json")
    assert code == 0
    assert json.loads(out)["unparsed"] == [
        {"line": 2, "text": "- [[Paper](https://arxiv.org/abs/2201.00001)]"}]


def test_empty_section_of_a_block_style_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--catalog", str(AMUSI_PATH), "--json")
    report = json.loads(out)
    assert code == 0 and report["entries"] == 109
    assert {"heading": "Prompt", "level": 1, "line": 267, "pseudo": False, "entries": 0} \
        in report["sections"]


def test_sections_too_small_to_learn_from_are_listed_with_the_phrase_that_names_them(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--catalog", str(AMUSI_PATH), "--json")
    named = {n["heading"]: n for n in json.loads(out)["named_sections"]}
    assert code == 0
    assert named["立体匹配(Stereo Matching)"] == {
        "heading": "立体匹配(Stereo Matching)", "line": 735, "entries": 1,
        "phrase": "stereo matching"}
    assert named["GAN"]["entries"] == 0  # opened before its first paper
    # The list files its prompt papers and its LLM papers in other sections.
    assert "Prompt" not in named and "大语言模型(LLM)" not in named
    assert "其他(Others)" not in named and "数据集(Datasets)" not in named
    code, out, _ = run(capsys, "check", "--catalog", str(AMUSI_PATH))
    assert "  line   735  立体匹配(Stereo Matching)  (\"stereo matching\"; 1 entry)" \
        in out.splitlines()


def test_every_configured_section_is_checked() -> None:
    sections = SectionsConfig(default="Papers", published="Published", preprint="",
                              never=("Contents", "Gone"),
                              rules=(SectionRule(section="Video", terms=("video",)),))
    text = SEED_PATH.read_bytes().decode("utf-8")
    report = json.loads(check.render(text, Config(sections=sections), as_json=True))
    assert report["missing_sections"] == [
        {"key": "sections.published", "section": "Published"},
        {"key": "sections.never[1]", "section": "Gone"},
        {"key": "sections.rules[0].section", "section": "Video"},
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "cannot read catalog"), (b"# caf\xe9\n", "not UTF-8 text (byte 5)")],
    ids=["missing", "latin-1"],
)
def test_unreadable_catalog_is_one_line_exit_2(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path, content: bytes | None,
                                               message: str) -> None:
    path = tmp_path / "list.md"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "check", "--catalog", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("promptbot: error: ")
    assert str(path) in err and message in err


def test_a_directory_is_not_a_catalog(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", "--catalog", str(tmp_path))
    assert code == 2 and "cannot read catalog" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("toml", "message"),
    [("[sections\n", "invalid TOML"), ("[sections]\nnever = \"x\"\n", "[sections].never")],
)
def test_bad_config_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                       toml: str, message: str) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(toml, encoding="utf-8")
    code, out, err = run(capsys, "--config", str(config), "check", "--catalog", str(SEED_PATH))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(config) in err and message in err


def test_crlf_catalog_reports_the_same(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(SEED_PATH.read_bytes().replace(b"\n", b"\r\n"))
    _, out, _ = run(capsys, "check", "--catalog", str(path), "--json")
    _, plain, _ = run(capsys, "check", "--catalog", str(SEED_PATH), "--json")
    assert json.loads(out) == json.loads(plain)


def test_commented_out_entries_are_reported(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text('# Papers\n<!-- * **Old**: "A Retired Paper Title", CVPR, 2021.'
                    " [[Paper](https://arxiv.org/abs/2101.00003)] -->\n"
                    '* **Kept**: "A Listed Paper", CVPR, 2022. [[Paper](https://arxiv.org/abs/'
                    '2201.00001)]\n', encoding="utf-8")
    code, out, err = run(capsys, "check", "--catalog", str(path), "--json")
    assert code == 0, err
    assert json.loads(out)["hidden"] == [{"line": 2, "end_line": 2, "name": "Old",
                                          "title": "A Retired Paper Title",
                                          "arxiv_ids": ["2101.00003"]}]
    code, out, err = run(capsys, "check", "--catalog", str(path))
    assert "Entries the maintainers commented out (never proposed): 1" in out
    assert "line     2  Old: A Retired Paper Title" in out


def test_check_and_run_agree_on_section_names_of_the_published_list(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # "### Prompt Learning(accepted): *Updating by …*" is named by the part before the colon.
    code, out, err = run(capsys, "check", "--catalog", str(CATALOGS / BWLONG_HEAD), "--json")
    assert code == 0, err
    assert json.loads(out)["missing_sections"] == []
    assert Placer(parse(BWLONG_HEAD), SectionsConfig()).notes == ()
    seed_sections = SectionsConfig(published="Prompt Learning/Tuning")
    report = check.findings(parse(BWLONG_HEAD), Config(sections=seed_sections))
    assert report["missing_sections"] == [
        {"key": "sections.published", "section": "Prompt Learning/Tuning"}]
    assert "Prompt Learning/Tuning" in Placer(parse(BWLONG_HEAD), seed_sections).notes[0]


def test_headings_split_by_date_are_listed_with_how_they_are_dated_and_their_order(
        capsys: pytest.CaptureFixture[str]) -> None:
    path = HISTORY / CREDITS_AND_NOTES  # `#### ECCV 2020` … `#### CVPR 2022` under a roadmap
    code, out, _ = run(capsys, "check", "--catalog", str(path), "--json")
    dated = json.loads(out)["dated_topics"]
    assert code == 0 and [d["heading"] for d in dated] == [
        "3D VG Paper Roadmap (Chronological Order)", "3D QA Paper Roadmap (Chronological Order)"]
    assert dated[0] == {"heading": "3D VG Paper Roadmap (Chronological Order)", "line": 23,
                        "by": "venue and year", "order": "oldest first",
                        "dates": ["ECCV 2020", "AAAI 2021", "CVPR 2021", "ICCV 2021",
                                  "ACM-MM 2021", "CVPR 2022"]}
    code, out, _ = run(capsys, "check", "--catalog", str(path))
    assert ("  line    23  3D VG Paper Roadmap (Chronological Order)  (by venue and year: "
            "ECCV 2020 … CVPR 2022, 6 headings, oldest first)") in out.splitlines()
    code, out, _ = run(capsys, "check", "--catalog", str(AMUSI_PATH), "--json")
    assert json.loads(out)["dated_topics"] == []
