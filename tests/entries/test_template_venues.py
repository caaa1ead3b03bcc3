"""Venues in an entry's text as slots: known words with their publisher, the venue the parser
read, a venue glued to its year."""

from __future__ import annotations

import pytest

from promptbot import catalog
from promptbot.entries.template_dates import Span
from promptbot.entries.template_model import Slot
from promptbot.entries.template_venues import glued_spans, read_venue_span, venue_spans
from promptbot.entries.templates import abstract
from promptbot.models import Entry


def found(spans: list[Span], text: str) -> list[tuple[str, str, str]]:
    return [(slot.kind, slot.form, text[start:end]) for start, end, slot in spans]


def test_a_venue_takes_the_publisher_before_it() -> None:
    # donghao51/Awesome-Multimodal-Adaptation: `(ACM MM 2018)`; an acronym before the entry's
    # date is a venue, `ACM` before it is its publisher.
    text = "(ACM MM 2018) A Title"
    date: Span = (8, 12, Slot("date", "%Y", original="2018"))
    assert found(list(venue_spans(text, [date])), text) == [("venue", "", "ACM MM")]
    assert found(list(venue_spans("(IEEE TPAMI 2020)", [])), "(IEEE TPAMI 2020)") == [
        ("venue", "", "IEEE TPAMI")]


def test_another_venue_than_the_entrys_is_a_remark_of_its_own() -> None:
    # floodsung/Deep-Learning-Papers-Reading-Roadmap: `arXiv preprint … **(ResNet, CVPR best
    # paper)**`; the remark's `CVPR` took the new paper's venue, `**(, arXiv )**`.
    text = "arXiv preprint (2015). **(ResNet, CVPR best paper)**"
    assert found(list(venue_spans(text, [], "arXiv preprint")), text) == [
        ("venue", "", "arXiv"), ("other", "", "CVPR")]
    assert found(list(venue_spans(text, [])), text) == [("venue", "", "arXiv"),
                                                         ("venue", "", "CVPR")]


def test_a_venue_after_its_year_and_a_hyphen_is_a_venue() -> None:
    # subeeshvasu/Awesome-Learning-with-Label-Noise: `2023-WACV - Title.`; new entries lost
    # their `2026-Arxiv - `. A hyphen after a word still joins it (`Zebra-ICCV` is no venue).
    text = "* 2023-WACV - Some Title. Zebra-ICCV"
    date: Span = (2, 6, Slot("date", "%Y", original="2023"))
    assert found(list(venue_spans(text, [date])), text) == [("venue", "", "WACV")]


def test_preprint_right_before_a_date_is_where_a_published_papers_venue_goes() -> None:
    # atfortes/Awesome-LLM-Reasoning: `*A, B.* Preprint'25` beside `*C, D.* ICML'25`.
    text = "*Nuo Chen, Bryan Hooi.* Preprint'25"
    date: Span = (32, 35, Slot("date", "'%y", original="'25"))
    assert found(list(venue_spans(text, [date])), text) == [("venue", "", "Preprint")]
    assert found(list(venue_spans("A preprint of 2025", [])), "A preprint of 2025") == []


def test_a_venue_joined_to_its_year_by_a_hyphen_is_a_venue() -> None:
    # Event-AHU/Mamba_State_Space_Model_Paper_List: `[ECCV-2022]`; a paper accepted at CVPR 2026
    # was written `[-2026]`, its venue dropped as the exemplar's own word.
    text = "* [ECCV-2022] **Long Movie Clip Classification**"
    date: Span = (7, 11, Slot("date", "%Y", original="2022"))
    assert found(list(venue_spans(text, [date])), text) == [("venue", "", "ECCV")]
    assert found(list(venue_spans("[ACM-MM 2021]", [])), "[ACM-MM 2021]") == []


def test_a_venue_glued_to_its_year_is_two_slots_for_the_entrys_own_year_only() -> None:
    # `[Pei et al. CVPR23]` (danieljf24/awesome-video-text-retrieval), `[ECCV2020] https://…`
    # (liudaizong/Awesome-3D-Visual-Grounding)
    assert found(list(glued_spans("[Pei et al. CVPR23]", [], 2023)), "[Pei et al. CVPR23]") == [
        ("venue", "", "CVPR"), ("date", "%y", "23")]
    text = "  * [ECCV2020] https://arxiv.org/abs/1912.08830"
    assert found(list(glued_spans(text, [], 2020)), text) == [
        ("venue", "", "ECCV"), ("date", "%Y", "2020")]
    assert list(glued_spans(text, [], 2021)) == []  # another year is not this entry's date
    assert list(glued_spans("the MP3 and H264 codecs", [], 2003)) == []


def entry_of(raw: str) -> Entry:
    (entry,) = catalog.parse(raw + "\n").entries
    return entry


def test_a_venue_of_several_words_is_one_slot() -> None:
    # Before, `ACMMM` was the venue and `ACM Multimedia` text copied into every new entry.
    raw = ("- `[Dong et al. ACMMM22]` Partially Relevant Video Retrieval. ACM Multimedia, 2022. "
           "[[paper]](https://arxiv.org/abs/2208.12510)")
    entry = entry_of(raw)
    assert found(list(read_venue_span(entry.raw, entry, [])), entry.raw) == [
        ("venue", "", "ACM Multimedia")]
    one_word = entry_of("- Partially Relevant Video Retrieval. CVPR, 2022. [[paper]]"
                        "(https://arxiv.org/abs/2208.12510)")
    assert list(read_venue_span(one_word.raw, one_word, [])) == []  # the known-word reading's


@pytest.mark.parametrize(("raw", "venue"), [
    # chaofengc/Awesome-Image-Quality-Assessment: `Eurographics` no known-word reading slots was
    # sealed as the exemplar's own word, and a new entry said `` `[ 2026]` ``.
    ("- `[Eurographics 2024]` [Enhancing Image Quality](https://arxiv.org/abs/2305.19858), "
     "Chen et al.", "Eurographics"),
    # ... and a glued venue of two words was slotted by its last (`ACM {venue}2024`).
    ("- `[ACM MM2024]` [Q-Ground: Image Quality Grounding](https://arxiv.org/abs/2407.17035), "
     "Chen et al.", "ACM MM"),
])
def test_a_venue_tag_in_code_is_one_venue_slot(raw: str, venue: str) -> None:
    template = abstract(entry_of(raw))
    assert template is not None
    assert [s.original for s in template.slots if s.kind == "venue"] == [venue]


def test_a_single_word_outside_a_tag_is_the_known_word_readings() -> None:
    entry = entry_of("- Image Quality, Eurographics 2024. [[paper]](https://arxiv.org/abs/2305.19858)")
    assert list(read_venue_span(entry.raw, entry, [])) == []


def test_the_lists_word_for_a_preprint_is_the_venue_slot() -> None:
    # thunlp/PromptPapers: `**Title.** Preprint.`; copied as it was, a CVPR paper said so too.
    template = abstract(entry_of(
        "1. **Paradigm Shift in Natural Language Processing.** Preprint. "
        "[[pdf](https://arxiv.org/abs/2109.12575)]"))
    assert template is not None and template.venue_is_arxiv
    assert [s.original for s in template.slots if s.kind == "venue"] == ["Preprint"]
