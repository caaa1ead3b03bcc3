"""bench/audit_entries.py on lists of tests/data."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from promptbot import catalog

BENCH = Path(__file__).parent.parent / "bench"
DATA = Path(__file__).parent / "data"


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_entries", BENCH / "audit_entries.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_audit_reports_every_list_without_broken_entries_or_strangers(
    capsys: pytest.CaptureFixture[str]
) -> None:
    bench = load()
    lists = [DATA / "history" / "showlab_Awesome-Video-Diffusion_f77bb4a_products_slice.md",
             DATA / "catalogs" / "BWLONG_Awesome-Prompt-Learning-CV_README_2023-05-22_64ace8e.md"]
    assert bench.main([*map(str, lists), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {p.name for p in lists}
    for figures in result.values():
        assert figures["sections"] >= 1 and figures["written"] >= 32
        assert figures["broken"] == 0 and figures["strangers"] == 0
        assert figures["misread"] == 0


def test_an_exemplars_link_or_words_are_strangers() -> None:
    bench = load()
    cat = catalog.parse("# L\n## S\n* **A**: \"Alpha Beta\", arXiv, 2024. [[Paper](https://arxiv"
                        ".org/abs/2401.00001)]\n* **B**: \"Gamma Delta\", arXiv, 2024. [[Paper]"
                        "(https://arxiv.org/abs/2401.00002)]\n")
    paper = bench.PLAIN[1]
    clean = f'* "{paper.title}", CVPR, 2026. [[Paper](https://arxiv.org/abs/{paper.arxiv_id})]'
    assert bench.strangers(clean, paper, cat) == []
    copied = clean + " [[Code](https://github.com/other/repo)] Gamma"
    assert bench.strangers(copied, paper, cat) == ["https://github.com/other/repo", "Code",
                                                   "Gamma"]


def test_a_badge_the_list_builds_from_each_papers_date_is_no_stranger() -> None:
    # zzli2022/Awesome-System2-Reasoning-LLM: `![](https://img.shields.io/badge/arXiv-2025.01-red)`
    # on every entry, its date the paper's; another paper's arXiv link stays a stranger.
    bench = load()
    rows = "".join(f"* Paper {n} of Things [[Paper]](https://arxiv.org/abs/2501.0000{n}) "
                   f"![](https://img.shields.io/badge/arXiv-2025.0{n}-red)\n" for n in range(1, 4))
    cat = catalog.parse("# L\n## S\n" + rows)
    paper = bench.PLAIN[0]
    written = (f"* {paper.title} [[Paper]](https://arxiv.org/abs/{paper.arxiv_id}) "
               f"![](https://img.shields.io/badge/arXiv-2026.11-red)")
    assert bench.strangers(written, paper, cat) == []
    other = written + " [x](https://arxiv.org/abs/2501.00009)"
    assert bench.strangers(other, paper, cat) == ["https://arxiv.org/abs/2501.00009"]


def _lists() -> list[Path]:
    """Every list and slice in tests/data (the How-to-PR file is no list of papers)."""
    found = [*(DATA / "catalogs").glob("*.md"), *(DATA / "history").glob("*.md")]
    return sorted(p for p in found if "How-to-PR" not in p.name)


@pytest.mark.parametrize("path", _lists(), ids=lambda p: p.name)
def test_no_entry_carries_another_papers_link_or_words(path: Path) -> None:
    # Real slices where it did before: a section of projects (Sun-Haoyuan23), of products
    # (showlab).
    bench = load()
    cat = catalog.parse(path.read_bytes().decode("utf-8"))
    for section in (s for s in cat.sections if s.entries):
        for paper in bench.PLAIN:
            text, _ = bench.inserted(cat, section, paper)
            assert not bench.strangers(text, paper, cat), (section.heading, text)


def test_an_entry_whose_title_reads_back_as_other_text_is_misread() -> None:
    bench = load()
    paper = bench.PLAIN[0]  # `Zebra-Net: Quokka Alignment for Wombat Segmentation`
    link = f"[[paper](https://arxiv.org/abs/{paper.arxiv_id})]"
    right = catalog.parse(f'# L\n- Ada Lovelace.<br />\n  "{paper.title}." ArXiv (2026).\n'
                          f"  {link}\n")
    assert not bench.misread(right, paper)
    apart = catalog.parse(f"# L\n- [**Zebra-Net**] Quokka Alignment for Wombat Segmentation "
                          f"{link}\n")
    assert not bench.misread(apart, paper)  # the name shown apart, the way the list does
    wrong = catalog.parse(f"# L\n- Ada Lovelace, Bob Zed. {paper.title}. ArXiv {link}\n")
    assert bench.misread(wrong, paper)


def test_a_line_an_old_entry_loses_to_the_new_one_is_seen() -> None:
    bench = load()
    old = "- A\n  [[pdf]](https://x.org/a)\n  - Ann Lee. *CVPR 2016*\n"
    between = ("- A\n  [[pdf]](https://x.org/a)\n\n- B\n  [[pdf]](https://x.org/b)\n"
               "  - Ann Lee. *CVPR 2016*\n")
    after = old + "\n- B\n  [[pdf]](https://x.org/b)\n"
    assert bench.taken_from(old, between) == ["A [pdf] Ann Lee. CVPR 2016"]
    assert bench.taken_from(old, after) == []


def test_a_sub_group_the_new_entry_joined_is_no_line_taken() -> None:
    bench = load()
    old = "* Others:\n    * **A**: \"Alpha Beta\". [[Paper](https://x.org/a)]\n"
    entry = "    * **B**: \"Gamma Delta\". [[Paper](https://x.org/b)]"
    new = old + entry + "\n"
    assert bench.taken_from(old, new, entry) == []
    assert bench.taken_from(old, new) == ['Others: A: "Alpha Beta". [Paper]']
