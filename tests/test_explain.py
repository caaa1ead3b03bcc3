"""`promptbot explain ARXIV_ID`: one paper's whole story, from the same inputs as a dry run."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from promptbot import cli, runner
from promptbot.catalog import parse
from promptbot.config import Config, load
from promptbot.judging.placement import Placer
from promptbot.models import Harvest
from promptbot.sources.replay import SavedFeedSource

THRESHOLD = f"{Config().scoring.threshold:.2f}"  # the shipped config's is the built-in one

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ["--catalog", str(ROOT / "examples" / "awesome-prompt-learning-cv.md"),
          "--feed", str(ROOT / "examples" / "arxiv-2025-07-01.xml")]


@pytest.fixture(autouse=True)
def _from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROMPTBOT_CONFIG", raising=False)
    monkeypatch.chdir(ROOT)  # ./config.toml, as the README runs it


def dry_run(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert cli.main(["run", "--dry-run", "--json", *INPUTS]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


@pytest.mark.parametrize("given", ["2506.23856", "arXiv:2506.23856v1",
                                   "https://arxiv.org/abs/2506.23856"])
def test_a_proposed_paper_tells_its_reasons_vote_and_entry(
    capsys: pytest.CaptureFixture[str], given: str,
) -> None:
    data = dry_run(capsys)
    candidate = next(c for c in data["candidates"]  # type: ignore[attr-defined]
                     if c["arxiv_id"] == "2506.23856")
    insertion = next(i for i in data["insertions"]  # type: ignore[attr-defined]
                     if i["arxiv_id"] == "2506.23856")
    assert cli.main(["explain", given, *INPUTS]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == ("arXiv 2506.23856v1: A Closer Look at Conditional Prompt Tuning for"
                        " Vision-Language Models")
    assert f"Decision: proposed, relevance {candidate['score']:.2f} (threshold {THRESHOLD})" \
        in lines
    assert all(f"  - {reason}" in lines for reason in candidate["reasons"])
    assert f'Section: "{candidate["section"]}" (confidence 1.00)' in lines
    assert "  the 10 nearest catalog titles vote (similarity share):" in lines
    content = lines.index(
        "  the sections' content model (by title; share of the entries near its date):")
    shares = [line.split("%")[0].strip() for line in lines[content + 1:content + 4]]
    assert len(shares) == 3 and all(share.isdigit() for share in shares)
    assert [int(x) for x in shares] == sorted((int(x) for x in shares), reverse=True)
    assert all("(near its date " in line for line in lines[content + 1:content + 4])
    assert re.fullmatch(r"  weighed for this list: content sharpness \d+, recency weight "
                        r"[\d.]+ \(learned from \d+ dated entries\)", lines[content + 4])
    assert f"  {insertion['text']}" == lines[-1]
    assert f"Entry it writes (after line {insertion['after_line']} of" in out


def test_an_irrelevant_paper_shows_the_entry_it_would_write(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["explain", "2506.22876", *INPUTS]) == 0
    out = capsys.readouterr().out
    assert "Decision: irrelevant" in out
    assert "Entry it would write were it proposed (irrelevant now)" in out
    assert "https://arxiv.org/abs/2506.22876" in out.splitlines()[-1]


@pytest.mark.parametrize(("given", "message"), [
    ("2101.00001", "2101.00001 is not among the 469 candidate(s) of this run"),
    ("not-an-id", "'not-an-id' is not an arXiv id"),
])
def test_an_unknown_paper_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], given: str, message: str,
) -> None:
    assert cli.main(["explain", given, *INPUTS]) == 2
    assert f"promptbot: error: {message}" in capsys.readouterr().err


class _WholeFile:
    """The example feed as a live source would give it: every paper, whatever the window."""

    name = "rss"

    def fetch(self, window: object) -> Harvest:
        return SavedFeedSource(Path(INPUTS[3])).fetch(None)


def test_explain_tells_the_run_a_warm_abstract_cache_makes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A live run (no --feed) reads the list's abstracts from the cache; explain must judge and
    # place with them too, or the story it tells is not the run's.
    catalog = parse(Path(INPUTS[1]).read_text(encoding="utf-8"))
    cached = {i: f"{e.title}\nWe adapt CLIP to {s.heading} with learned prompts and adapters."
              for s in catalog.sections for e in s.entries for i in e.arxiv_ids}
    monkeypatch.setattr(runner, "build_sources", lambda *args, **kwargs: [_WholeFile()])
    monkeypatch.setattr(runner, "build_abstracts",
                        lambda *args, **kwargs: lambda catalog: cached)
    monkeypatch.setattr(runner, "refresh_listed", lambda papers, *args, **kwargs: papers)
    live = ["--catalog", INPUTS[1]]
    assert cli.main(["run", "--dry-run", "--json", *live]) == 0
    data = json.loads(capsys.readouterr().out)
    assert cli.main(["explain", "2506.23856", *live]) == 0
    lines = capsys.readouterr().out.splitlines()
    candidate = next(c for c in data["candidates"] if c["arxiv_id"] == "2506.23856")
    assert f"Decision: {candidate['decision']}, relevance {candidate['score']:.2f}" \
           f" (threshold {THRESHOLD})" in lines
    assert all(f"  - {reason}" in lines for reason in candidate["reasons"])
    assert "  the 10 nearest catalog entries (titles and cached abstracts) vote" \
           " (similarity share):" in lines
    paper = next(p for p in _WholeFile().fetch(None).papers if p.arxiv_id == "2506.23856")
    sections = load(ROOT / "config.toml").sections
    with_cache = Placer(catalog, sections, cached).section_view(paper)
    without = Placer(catalog, sections).section_view(paper)
    assert with_cache != without  # the cache changes the content model's view of this paper
    content = lines.index("  the sections' content model (by title and abstract; share of the"
                          " entries near its date):")
    shown = lines[content + 1:content + 4]
    assert [line.split("%  ")[1].split("  (near its date")[0] for line in shown
            ] == [name for name, _, _ in with_cache]


@pytest.mark.enrich  # the real enricher builder, which builds nothing with --no-enrich
def test_explain_reads_the_html_pages_as_run_does_unless_told_not_to(tmp_path: Path) -> None:
    from dataclasses import replace

    cfg = load(ROOT / "config.toml")
    cfg = replace(cfg, enrich=replace(cfg.enrich, cache_dir=str(tmp_path)))
    parser = cli.build_parser()
    assert runner.build_enricher(parser.parse_args(["explain", "2506.23856"]), cfg) is not None
    told = parser.parse_args(["explain", "2506.23856", "--no-enrich"])
    assert runner.build_enricher(told, cfg) is None


def test_on_a_list_the_terms_do_not_fit_explain_shows_the_list_taught_threshold(
    capsys: pytest.CaptureFixture[str],
) -> None:
    video = ROOT / "tests" / "data" / "history" / "showlab_Awesome-Video-Diffusion_73127fa.md"
    inputs = ["--catalog", str(video), "--feed", INPUTS[-1]]
    assert cli.main(["run", "--dry-run", *inputs]) == 0
    assert "the configured [scoring] terms do not fit this list" in capsys.readouterr().out
    assert cli.main(["explain", "2506.23513", *inputs]) == 0
    lines = capsys.readouterr().out.splitlines()
    decision = next(line for line in lines if line.startswith("Decision: "))
    assert decision.startswith("Decision: proposed, relevance ")
    assert decision.endswith(" (threshold 0.10)")  # the list-taught one, not the configured 0.48
    assert any("weighing 0.00: they do not fit this list): at or above the threshold 0.1" in line
               for line in lines)
