"""`check --preview`: each section's learned template and the sample entry written with it."""

from __future__ import annotations

import json
from pathlib import Path

from catalog_files import AMUSI, parse

from promptbot import catalog, check
from promptbot.check_preview import SAMPLE, previews
from promptbot.config import Config, FormatConfig

HISTORY = Path(__file__).parent / "data" / "history"
ZLKONG = (HISTORY / "ZLKong_Awesome-Collection-Token-Reduction_c813131.md").read_text("utf-8")


def test_each_section_shows_its_template_and_a_sample_entry() -> None:
    (item,) = previews(catalog.parse(ZLKONG), Config())
    assert item["heading"] == "2026"
    assert item["template"] == ("* [**{venue}'{date:%y}**] {title} [[Paper]({paper})] "
                                "[[Code]({code})]")
    assert item["sample"] == (f"* [**CVPR'25**] {SAMPLE.title} [[Paper](https://arxiv.org/pdf/"
                              "2501.01234)] [[Code](https://github.com/owner/samplenet)]")
    assert item["fallback"] == ""


def test_a_configured_template_is_what_the_preview_shows() -> None:
    cfg = Config(format=FormatConfig(template="* {title} [{paper}]"))
    (item,) = previews(catalog.parse(ZLKONG), cfg)
    assert item["template"] == "[format].template: * {title} [{paper}]"
    assert item["sample"] == f"* {SAMPLE.title} [https://arxiv.org/abs/2501.01234]"


def test_the_preview_is_in_the_text_and_json_reports_only_when_asked() -> None:
    assert "templates" not in json.loads(check.render(ZLKONG, Config(), as_json=True))
    report = json.loads(check.render(ZLKONG, Config(), as_json=True, preview=True))
    assert report["templates"][0]["heading"] == "2026"
    text = check.render(ZLKONG, Config(), as_json=False, preview=True)
    assert "Entry templates (a sample paper written into each section): 1" in text
    assert "    writes:   * [**CVPR'25**] SampleNet" in text


def test_the_template_shown_is_the_one_the_sample_is_written_with() -> None:
    # ZLKong's `Language > 2025` holds one preprint (`[arXiv]`); the published sample is tagged
    # the way the list tags published papers, and the template shown says so (before: the
    # preprint's `[{venue}]`, which the sample was not written with).
    slice_ = (HISTORY / "ZLKong_Awesome-Collection-Token-Reduction_5743707_slice.md").read_text(
        "utf-8")
    items = previews(catalog.parse(slice_), Config())
    item = next(i for i in items if i["line"] == 174)
    assert item["template"] == ("* [**{venue}'{date:%y}**] {title} [[Paper]({paper})] "
                                "[[Code]({code})]")
    assert item["sample"].startswith("* [**CVPR'25**] SampleNet")


def test_the_preview_shows_the_entry_the_writer_chose_not_a_second_choice_of_its_own() -> None:
    # Sun-Haoyuan23's Audio section: the sample has code and no model, so the writer takes an
    # entry that links code and leaves its model link out; the preview shows that entry, read
    # from what the writer returns rather than chosen again.
    slice_ = (HISTORY / "Sun-Haoyuan23_Awesome-RL-based-Reasoning-MLLMs_f06fe6a_audio_slice.md"
              ).read_text("utf-8")
    (item,) = previews(catalog.parse(slice_), Config())
    assert item["template"].endswith("[[Code 💻]({code})]")
    assert "[[Code 💻](https://github.com/owner/samplenet)]" in item["sample"]
    assert "a value of another kind" in item["fallback"]


def test_an_empty_section_a_title_can_name_is_previewed_too() -> None:
    """amusi opened "GAN" before its first paper: a GAN paper goes there, written the way the
    list writes its entries; an empty section no title can name ("Prompt") is not shown."""
    items = {i["heading"]: i for i in previews(parse(AMUSI), Config())}
    assert "GAN" in items and "Prompt" not in items
    assert items["GAN"]["sample"].strip("\n").startswith(f"**{SAMPLE.title}**")
    assert f"- Paper: https://arxiv.org/abs/{SAMPLE.arxiv_id}" in items["GAN"]["sample"]
