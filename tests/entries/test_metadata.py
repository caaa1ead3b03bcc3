"""Entry fields from arXiv metadata: real comments and titles, and the fallbacks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from functools import partial

import builders
import pytest

from promptbot.entries import metadata
from promptbot.models import Paper, PaperFields

# A June 2023 preprint unless a test says otherwise: the year of "arXiv, 2023" comes from these.
paper = partial(builders.paper, arxiv_id="2306.11400", published=datetime(2023, 6, 20, tzinfo=UTC))


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("Accepted to CVPR 2024", ("CVPR", 2024)),
        ("ICCV 2023 (oral)", ("ICCV", 2023)),
        ("NeurIPS 2023 camera-ready", ("NeurIPS", 2023)),
        ("Accepted by CVPR2025", ("CVPR", 2025)),
        ("CVPR25", ("CVPR", 2025)),
        ("Accepted by CVPR 2025; 24 pages, 14 figures, 18 tables", ("CVPR", 2025)),
        ("9 pages, 6 figures, AAAI 2025 Oral", ("AAAI", 2025)),
        ("Accepted by ACM MM 2022. The code is at https://github.com/a/b", ("ACM MM", 2022)),
        (
            "Accepted by the IEEE/CVF Conference on Computer Vision and Pattern\n"
            "  Recognition 2025 (CVPR 2025)",
            ("CVPR", 2025),
        ),
        ("Accepted to ICLR 2025 Generative Models for Robot Learning Workshop", ("ICLRW", 2025)),
        ("4 pages, 7 figures, submitted to CVPR (feedback pending)", ("arXiv", 2023)),
        ("Under review at NeurIPS 2024", ("arXiv", 2023)),
        ("10 pages, 5 figures, conference", ("arXiv", 2023)),
        ("A useful tip for Tip-Adapter users", ("arXiv", 2023)),
        ("Accepted at NIPS 2017", ("NeurIPS", 2017)),
        ("Accepted to IEEE 2022", ("IEEE", 2022)),
        ("Accepted by IEEE Transactions on Geoscience and Remote Sensing",
         ("IEEE Transactions on Geoscience and Remote Sensing", 2023)),
        (
            "Accepted In IEEE India Geoscience and Remote Sensing Symposium\n  (InGARSS) 2024",
            ("InGARSS", 2024),
        ),
        ("Accepted for publication in a journal", ("arXiv", 2023)),
    ],
)
def test_venue_year_from_comment(comment: str, expected: tuple[str, int]) -> None:
    assert metadata.venue_year(paper(comment=comment)) == expected


def test_venue_without_year_uses_the_version_date() -> None:
    p = paper(comment="to appear in TPAMI", updated=datetime(2024, 2, 1, tzinfo=UTC))
    assert metadata.venue_year(p) == ("TPAMI", 2024)


def test_journal_ref_comes_first() -> None:
    p = paper(journal_ref="International Journal of Computer Vision, 2022", comment="CVPR 2021")
    assert metadata.venue_year(p) == ("IJCV", 2022)


def test_submission_year_without_dates_comes_from_the_id() -> None:
    assert metadata.venue_year(Paper(arxiv_id="2109.01134", title="x")) == ("arXiv", 2021)
    assert metadata.venue_year(Paper(arxiv_id="cs/0601001", title="x")) == ("arXiv", 2006)
    assert metadata.submission_yymm(Paper(arxiv_id="2109.01134", title="x")) == "2109"


@pytest.mark.parametrize(
    ("abstract", "comment", "url"),
    [
        ("Code is at https://github.com/KaiyangZhou/CoOp.", None, "https://github.com/KaiyangZhou/CoOp"),
        ("See (https://github.com/a/b).", None, "https://github.com/a/b"),
        ("Project https://x.github.io/p/, code https://gitlab.com/g/r;", None, "https://gitlab.com/g/r"),
        ("Project page: https://x.github.io/proj/.", None, "https://x.github.io/proj/"),
        (r"Code: \url{https://github.com/o/r}.", None, "https://github.com/o/r"),
        ("Only https://arxiv.org/abs/2101.00001 here.", None, None),
        ("", "Project Page:\n  https://gary3410.github.io/momanipVLA/", "https://gary3410.github.io/momanipVLA/"),
        ("Code at https://github.com/o/Foo_(bar).", None, "https://github.com/o/Foo_(bar)"),
        # Issue 12: an arbitrary URL is not a code link; a download never is.
        ("A wiki link https://en.wikipedia.org/wiki/Foo_(bar).", None, None),
        ("Code: https://evil.example/download.exe.", None, None),
        ("Get it at https://evil.example/tool", None, None),
        ("Code: https://github.com/o/r/releases/download/v1/setup.exe", None, "https://github.com/o/r"),
        # A model, a dataset or a demo is no code link: lists label them so, never Code.
        ("Weights: https://huggingface.co/o/model and data https://huggingface.co/datasets/o/d",
         None, None),
        ("Demo https://huggingface.co/spaces/o/demo", None, None),
        ("Weights: https://huggingface.co/o/model, code: https://gitee.com/o/r", None,
         "https://gitee.com/o/r"),
        ("Only a user https://github.com/someone here.", None, None),
        ("See https://github.com@evil.example/o/r", None, None),
        ("Our implementation is released at https://lab.example.org/tool.", None,
         "https://lab.example.org/tool"),
        ("No link.", None, None),
        # A clone URL is the repository's page as lists write it (85 of 44,358 GitHub links in
        # the lists replayed end in `.git`).
        ("Code: https://github.com/xuboyue1999/mmtrack.git.", None,
         "https://github.com/xuboyue1999/mmtrack"),
        ("Code: https://github.com/o/r.github.io", None, "https://github.com/o/r.github.io"),
    ],
)
def test_code_url(abstract: str, comment: str | None, url: str | None) -> None:
    assert metadata.code_url(paper(abstract=abstract, comment=comment)) == url


def test_affiliation_is_never_invented() -> None:
    assert metadata.affiliation(paper()) is None
    p = paper(affiliations=("  ", " NTU,\n Singapore "))
    assert metadata.affiliation(p) == "NTU, Singapore"


@pytest.mark.parametrize(
    ("written", "canonical"),
    [("NIPS", "NeurIPS"), ("Nips", "NeurIPS"), ("ACMMM", "ACM MM"), ("arxiv", "arXiv"),
     ("IEEE Access", None), ("international journal of computer vision", "IJCV")],
)
def test_canonical_venue(written: str, canonical: str | None) -> None:
    assert metadata.canonical_venue(written) == canonical


@pytest.mark.parametrize(
    ("journal_ref", "expected"),
    [
        ("IEEE TPAMI 46(3), 2024", ("TPAMI", 2024)),  # 46 is the volume, not 2046
        ("Journal of Imaging 11 (2025) 3", ("Journal of Imaging", 2025)),
        ("Phys. Rev. D 108, 2023", ("Phys. Rev. D", 2023)),
    ],
)
def test_journal_ref_of_an_unknown_journal_names_it(
    journal_ref: str, expected: tuple[str, int]
) -> None:
    assert metadata.venue_year(paper(journal_ref=journal_ref)) == expected


def test_read_fields_reads_every_field_once_from_the_metadata() -> None:
    paper = builders.paper(
        arxiv_id="2306.11400",
        title="MaPLe: Multi-modal Prompt Learning",
        abstract="Code is at https://github.com/muzairkhattak/multimodal-prompt-learning.",
        comment="Accepted to CVPR 2023",
        affiliations=("  Mohamed bin Zayed University of AI ",),
    )
    fields = metadata.read_fields(paper)
    assert fields == PaperFields(
        name="MaPLe", venue="CVPR", year=2023, yymm="2306",
        code_url="https://github.com/muzairkhattak/multimodal-prompt-learning",
        affiliation="Mohamed bin Zayed University of AI",
    )
    assert fields.published_venue == "CVPR 2023"


def test_judging_reads_only_what_it_needs_and_an_entry_reads_the_rest() -> None:
    paper = builders.paper(
        arxiv_id="2306.11400", title="MaPLe: Multi-modal Prompt Learning",
        abstract="Code is at https://github.com/muzairkhattak/multimodal-prompt-learning.",
        comment="Accepted to CVPR 2023", affiliations=("Mohamed bin Zayed University of AI",))
    judged = metadata.judging_fields(paper)
    assert (judged.venue, judged.year, judged.yymm, judged.complete) == ("CVPR", 2023, "2306",
                                                                         False)
    assert (judged.name, judged.code_url, judged.affiliation) == (None, None, None)
    assert metadata.entry_fields(paper, judged) == metadata.read_fields(paper)
    assert metadata.entry_fields(paper, None) == metadata.read_fields(paper)
    # Complete fields are kept as they are: enrichment's name is not read over again.
    enriched = replace(metadata.read_fields(paper), name="MaPLe-2")
    assert metadata.entry_fields(paper, enriched) is enriched


def test_a_preprint_has_no_published_venue() -> None:
    fields = metadata.read_fields(builders.paper(arxiv_id="2503.12096", title="A preprint"))
    assert (fields.venue, fields.year, fields.published_venue) == ("arXiv", 2025, None)
