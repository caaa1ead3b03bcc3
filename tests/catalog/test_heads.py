"""The text before an entry's links, read the way citations write it."""

from __future__ import annotations

from promptbot.catalog.heads import parse_head, read_meta


def test_parse_head_pieces() -> None:
    assert parse_head('"T", CVPR (demo), 2022 (*Intel*). ') == ("T", "CVPR (demo)", 2022, "Intel")
    assert parse_head("Title only") == ("Title only", None, None, None)


def test_a_venue_marked_in_parentheses_is_the_venue_not_an_affiliation() -> None:
    # xialeiliu/Awesome-Incremental-Learning: `Title (**ICML 2026**) [[paper](…)]` on a
    # thousand entries; the venue was read as their affiliation, and new entries were written
    # `(**Wombat University**)` for a CVPR paper, `(**arXiv 2026**)` nowhere.
    assert parse_head("Self-Distillation Enables Learning (**ICML 2026**) ") == (
        "Self-Distillation Enables Learning", "ICML", 2026, None)
    assert parse_head("Learning (**WACV2024**)") == ("Learning", "WACV", 2024, None)
    assert parse_head("Learning (*Wombat University*)") == (
        "Learning", None, None, "Wombat University")


def test_a_citations_quoted_title_stop_and_venue_year_in_parentheses() -> None:
    # 983632847/Awesome-Multimodal-Object-Tracking: `"Title." ArXiv (2024).`
    assert parse_head('"Awesome Multi-modal Object Tracking." ArXiv (2024).') == (
        "Awesome Multi-modal Object Tracking", "ArXiv", 2024, None)


def test_a_venue_after_the_titles_full_stop() -> None:
    assert parse_head("Partially Relevant Video Retrieval. ACM Multimedia, 2022.") == (
        "Partially Relevant Video Retrieval", "ACM Multimedia", 2022, None)
    assert parse_head("LaT: Latent Translation. arXiv:2207.04858, 2022.") == (
        "LaT: Latent Translation", "arXiv", 2022, None)
    assert parse_head("USIP: Unsupervised Stable Interest Point Detection. ICCV'2019") == (
        "USIP: Unsupervised Stable Interest Point Detection", "ICCV", 2019, None)


def test_a_citations_journal_volume_pages_and_proceedings_year() -> None:
    # floodsung/Deep-Learning-Papers-Reading-Roadmap: `Nature 521.7553 (2015): 436-444` was
    # all venue and no year; a new entry said `.7553 (2026):`.
    assert parse_head('"Deep learning." Nature 521.7553 (2015): 436-444.') == (
        "Deep learning", "Nature", 2015, None)
    assert parse_head('"Memory networks." Advances in neural information processing systems. '
                      "2015.") == (
        "Memory networks", "Advances in neural information processing systems", 2015, None)
    assert parse_head('"Title of It." Mathematics (2026).') == (
        "Title of It", "Mathematics", 2026, None)


def test_a_venue_tag_then_a_line_break_is_still_the_venue() -> None:
    # zchoi/Awesome-Embodied-Agent-with-LLMs: `[**arXiv 2023.09**]<br>⏎Fudan NLP Group` (54
    # entries) had no venue, and new entries wrote the month its newest few show.
    assert read_meta(" [**arXiv 2023.09**]<br>\nFudan NLP Group, miHoYo Inc") == (
        "arXiv", 2023, "Fudan NLP Group, miHoYo Inc")
    assert read_meta(" [**ICLR 2021**] <br>") == ("ICLR", 2021, None)
    assert read_meta(" [**ICLR 2021**]\nWombat University<br>") == ("ICLR", 2021,
                                                                    "Wombat University")
