"""Proposed entries completed from the papers' HTML pages: end to end through the CLI with a
local server serving real and LaTeXML-made pages, and the enrichment step on its own."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import cmarkgfm
import pytest
from arxiv_server import ArxivServer, FakeClock
from builders import paper

from promptbot import cli, runner
from promptbot.catalog import parse
from promptbot.enrichment import Enricher, enrich
from promptbot.models import Decision, PaperFields, Status
from promptbot.sources.enrichment_cache import EnrichmentCache
from promptbot.sources.politeness import Politeness

ROOT = Path(__file__).resolve().parent.parent
# The seed copy of the list: it writes every entry's affiliation (`(*Tsinghua University*)`).
CATALOG = ROOT / "tests" / "data" / "catalogs" / "seed_Awesome-Prompt-Learning-CV.md"
FEED = ROOT / "examples" / "arxiv-2025-07-01.xml"
PAGES = ROOT / "tests" / "data" / "arxiv_html"
NO_AUTHORS = b"<html><body><article><h1>A title</h1><p>No author block.</p></article></body></html>"

# The example day's 12 proposed papers, each served one of the pages (what it shows, as the seed
# list writes it); one has no page at all and one a page without an author block.
SERVED: dict[str, tuple[str | None, str | None]] = {
    "2506.22819": ("latexml/cvpr_department_first.html", "Tsinghua University"),
    "2506.22908": ("latexml/iccv_textsuperscript.html", "Tsinghua University"),
    "2506.22979": ("2501.11120v1.html", "Truthful AI"),
    "2506.23283": ("2503.20783v2.html", "Sea AI Lab"),
    "2506.23502": ("cai-nie-holme-author-block.html", "Northwest University"),
    "2506.23577": ("cognitive-type-fragment.html", "Abecedarian"),
    "2506.23783": ("latexml/neurips_and.html", "Cranberry-Lemon University"),
    "2506.23785": ("hostile-author-block.html", None),
    "2506.23810": (None, None),  # no HTML page: 404
    "2506.23856": ("", None),  # a page without an author block
    "2506.23972": ("latexml/cvpr_department_first.html", "Tsinghua University"),
    "2506.24000": ("1706.03762.html", "Google Brain"),
}


def served_pages() -> dict[str, bytes]:
    out = {}
    for arxiv_id, (name, _) in SERVED.items():
        if name is not None:
            out[f"/html/{arxiv_id}v1"] = (PAGES / name).read_bytes() if name else NO_AUTHORS
    return out


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """arXiv's spacing on a fake clock: the run waits without sleeping."""
    fake = FakeClock()
    monkeypatch.setattr(runner, "Politeness",
                        lambda delay: Politeness(delay, sleep=fake.sleep, clock=fake))
    return fake


def write_config(tmp_path: Path, server: ArxivServer) -> Path:
    config = tmp_path / "config.toml"
    config.write_text(f'[arxiv]\nhtml_url = "{server.url}/html/"\n'
                      f'[enrich]\ncache_dir = "{tmp_path / "cache"}"\n'
                      '[sections]\ndefault = "Prompt Learning/Tuning(arxiv4月-)"\n'
                      'published = "Prompt Learning/Tuning"\n'
                      'preprint = "Prompt Learning/Tuning(arxiv4月-)"\n'
                      'never = ["Prompt Learning/Tuning(已读)"]\n', encoding="utf-8")
    return config


def dry_run(config: Path, out: Path, *extra: str) -> int:
    return cli.main(["--config", str(config), "run", "--dry-run", "--catalog", str(CATALOG),
                     "--feed", str(FEED), "--output", str(out), *extra])


def entry_of(text: str, arxiv_id: str) -> str:
    (line,) = [x for x in text.splitlines() if f"arxiv.org/abs/{arxiv_id})" in x]
    return line


@pytest.mark.enrich
def test_proposed_entries_carry_the_affiliations_their_pages_show(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: FakeClock
) -> None:
    out = tmp_path / "new.md"
    with ArxivServer(feeds=served_pages(), clock=clock) as server:
        assert dry_run(write_config(tmp_path, server), out) == 0
    captured = capsys.readouterr()
    text = out.read_text("utf-8")
    # Only the proposed papers were asked for (never the other 456 of the day), 3 s apart.
    assert sorted(r.path for r in server.requests) == sorted(f"/html/{i}v1" for i in SERVED)
    assert all(r.headers["User-Agent"].startswith("promptbot/") for r in server.requests)
    assert sorted(clock.sleeps) == [3.0] * (len(SERVED) - 1)
    for arxiv_id, (_, expected) in SERVED.items():
        if expected:
            assert f"(*{expected}*)" in entry_of(text, arxiv_id), arxiv_id
            assert not re.search(rf"{arxiv_id} in .*please fill in:.*affiliation", captured.out)
    for arxiv_id in ("2506.23810", "2506.23856"):  # written without it, named in the PR
        assert "(*" not in entry_of(text, arxiv_id)
        assert re.search(rf"{arxiv_id} in .*please fill in:.*affiliation", captured.out)
    assert "**Note:** 2506.23810 is written without an affiliation: arXiv has no HTML page" in (
        captured.out)
    assert "**Note:** 2506.23856 is written without an affiliation: its arXiv HTML page has no" in (
        captured.out)
    assert ("arXiv HTML pages: 12 request(s), 0 cached, 2 written without affiliation"
            in captured.err)


@pytest.mark.enrich
def test_hostile_author_block_text_is_escaped_in_the_entry(
    tmp_path: Path, clock: FakeClock
) -> None:
    out = tmp_path / "new.md"
    with ArxivServer(feeds=served_pages(), clock=clock) as server:
        assert dry_run(write_config(tmp_path, server), out) == 0
    line = entry_of(out.read_text("utf-8"), "2506.23785")
    html = cmarkgfm.github_flavored_markdown_to_html(line)
    assert "<img" not in html and "<em>bold</em>" not in html
    links = re.findall(r"<a href=\"([^\"]+)\"", html)
    assert links[0] == "https://arxiv.org/abs/2506.23785" and "evil.example" not in html
    assert links[1:] == ["https://github.com/WitGotFlg/VisTex-OVLM"]  # its own, from the abstract
    assert "@octocat" not in html  # a zero-width joiner breaks the mention
    assert "octocat" in html and "pipe" in html  # the text itself is kept


@pytest.mark.enrich
def test_a_second_run_reads_every_page_from_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: FakeClock
) -> None:
    first, second = tmp_path / "first.md", tmp_path / "second.md"
    with ArxivServer(feeds=served_pages(), clock=clock) as server:
        config = write_config(tmp_path, server)
        assert dry_run(config, first) == 0
        asked = len(server.requests)
        capsys.readouterr()
        assert dry_run(config, second) == 0
    assert len(server.requests) == asked  # no new request
    assert second.read_text("utf-8") == first.read_text("utf-8")
    assert "arXiv HTML pages: 0 request(s), 12 cached" in capsys.readouterr().err


@pytest.mark.enrich
def test_html_pages_down_the_run_still_proposes_everything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: FakeClock
) -> None:
    out = tmp_path / "new.md"
    with ArxivServer(feeds=served_pages(), clock=clock) as server:
        server.fail(503, path="/html/2506.22819v1", times=4)
        assert dry_run(write_config(tmp_path, server), out) == 0
    assert len(server.requests) == 4  # one paper's tries, then no more requests
    err = capsys.readouterr().err
    assert "arXiv HTML pages: 4 request(s), 0 cached, 12 written without affiliation" in err
    assert all(f"arxiv.org/abs/{i})" in out.read_text("utf-8") for i in SERVED)


@pytest.mark.enrich
def test_no_enrich_flag_asks_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: FakeClock
) -> None:
    out = tmp_path / "new.md"
    with ArxivServer(feeds=served_pages(), clock=clock) as server:
        assert dry_run(write_config(tmp_path, server), out, "--no-enrich") == 0
    assert server.requests == []
    assert "arXiv HTML" not in capsys.readouterr().err
    assert "(*Tsinghua University*)" not in entry_of(out.read_text("utf-8"), "2506.22819")


@pytest.mark.enrich
def test_config_switch_turns_it_off(tmp_path: Path, clock: FakeClock) -> None:
    with ArxivServer(feeds=served_pages(), clock=clock) as server:
        config = write_config(tmp_path, server)
        config.write_text(config.read_text("utf-8").replace(
            "[enrich]\n", "[enrich]\nenabled = false\n"), encoding="utf-8")
        assert dry_run(config, tmp_path / "new.md") == 0
    assert server.requests == []


@pytest.mark.enrich
def test_real_runs_open_a_pr_that_keeps_naming_the_paper_without_a_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    from github_server import FakeGitHub

    from promptbot.github.forge import GitHubForge

    repo = "BWLONG/Awesome-Prompt-Learning-CV"
    monkeypatch.setattr(runner, "build_forge", lambda args, cfg: GitHubForge(
        cfg, "t0ken", sleep=lambda s: None, paced=False))
    monkeypatch.setenv("PROMPTBOT_TOKEN", "t0ken")
    with FakeGitHub(repo, {"README.md": CATALOG.read_text("utf-8")}) as gh, ArxivServer(
            feeds=served_pages(), clock=clock) as server:
        config = write_config(tmp_path, server)
        config.write_text(config.read_text("utf-8") + f'[catalog]\nrepo = "{repo}"\n'
                          f'[github]\napi_url = "{gh.api_url}"\nretries = 1\n', "utf-8")
        argv = ["--config", str(config), "run", "--feed", str(FEED)]
        assert cli.main(argv) == 0
        (pull,) = gh.open_pulls()
        assert "2506.23810 is written without an affiliation" in (pull.body or "")
        assert "(*Tsinghua University*)" in (gh.file("README.md", pull.head) or "")
        asked = len(server.requests)
        assert cli.main(argv) == 0  # the papers are pending now: nothing is read again
        (pull,) = gh.open_pulls()
        assert "2506.23810 is written without an affiliation" in (pull.body or "")
        assert len(server.requests) == asked


# --- the step on its own -------------------------------------------------------------------


class FakePages:
    """Pages by id; raises like the adapter for ids in `broken`."""

    def __init__(self, pages: dict[str, str | None], broken: tuple[str, ...] = ()) -> None:
        self.pages = pages
        self.broken = broken
        self.requests = 0
        self.asked: list[str] = []

    def page(self, arxiv_id: str, version: int) -> str | None:
        from promptbot.errors import SourceError

        self.requests += 1
        self.asked.append(f"{arxiv_id}v{version}")
        if arxiv_id in self.broken:
            raise SourceError(f"arXiv HTML page of {arxiv_id} failed after 4 tries: HTTP 503")
        return self.pages.get(arxiv_id)


SEED = parse(CATALOG.read_text("utf-8"))
BLANK = PaperFields(name=None, venue="arXiv", year=2025, yymm="2506", code_url=None,
                    affiliation=None)
CVPR = (PAGES / "latexml" / "cvpr_department_first.html").read_text("utf-8")


def decision(arxiv_id: str, status: Status = Status.PROPOSED, **fields: object) -> Decision:
    return Decision(paper(arxiv_id=arxiv_id, title="Conditional Prompt Tuning"), status, 0.9,
                    fields=replace(BLANK, **fields))  # type: ignore[arg-type]


def test_only_proposed_papers_are_read_and_each_field_completed() -> None:
    pages = FakePages({"2506.00001": CVPR, "2506.00002": CVPR})
    decisions = (decision("2506.00001"), decision("2506.00002", Status.IRRELEVANT))
    done, report, notes = enrich(decisions, SEED, Enricher(pages))
    assert pages.asked == ["2506.00001v1"]
    fields = done[0].fields
    assert fields is not None
    assert (fields.affiliation, fields.code_url, fields.name) == (
        "Tsinghua University", "https://github.com/example/CoPT", "CoPT")
    assert done[1] is decisions[1]
    assert (report.requests, report.cached, report.without_page, notes) == (1, 0, (), {})


def test_a_complete_entry_needs_no_page() -> None:
    pages = FakePages({})
    full = decision("2506.00001", name="X", code_url="https://github.com/o/X", affiliation="MIT")
    done, report, _ = enrich((full,), SEED, Enricher(pages))
    assert pages.asked == [] and done == (full,) and report.requests == 0


def test_an_unreachable_page_is_not_cached_is_named_and_stops_further_requests() -> None:
    pages = FakePages({"2506.00002": CVPR}, broken=("2506.00001",))
    enricher = Enricher(pages)
    _, report, notes = enrich((decision("2506.00001"), decision("2506.00002")), SEED, enricher)
    assert pages.asked == ["2506.00001v1"]  # a down service is not asked again in this run
    assert report.without_page == ("2506.00001", "2506.00002")
    assert "arXiv's HTML pages could not be reached" in notes["2506.00002"]
    assert "HTTP 503" in notes["2506.00001"]
    assert enricher.cache.get("2506.00001v1") is None  # the next run asks again
    assert enricher.cache.get("2506.00002v1") is None


def test_a_pending_papers_note_comes_back_from_the_cache_without_a_request(
    tmp_path: Path,
) -> None:
    cache = EnrichmentCache(tmp_path / "e.json")
    enrich((decision("2506.00001"),), SEED, Enricher(FakePages({}), cache))
    pages = FakePages({})
    _, report, notes = enrich((decision("2506.00001", Status.PENDING),), SEED,
                              Enricher(pages, EnrichmentCache(tmp_path / "e.json")))
    assert pages.asked == [] and report.requests == 0
    assert "arXiv has no HTML page" in notes["2506.00001"]
    assert report.without_page == ()  # not written in this run


def test_a_list_without_affiliations_gets_no_notes() -> None:
    bare = parse("# Papers\n\n- A Title [[Paper](https://arxiv.org/abs/2101.00001)]\n")
    _, report, notes = enrich((decision("2506.00001"),), bare, Enricher(FakePages({})))
    assert notes == {} and report.without_page == () and report.requests == 1


def test_the_cache_keeps_unassigned_institutes(tmp_path: Path) -> None:
    eccv = (PAGES / "latexml" / "eccv_llncs.html").read_text("utf-8")
    enrich((decision("2506.00001"),), SEED,
           Enricher(FakePages({"2506.00001": eccv}), EnrichmentCache(tmp_path / "e.json")))
    pages = FakePages({})
    done, report, _ = enrich((decision("2506.00001"),), SEED,
                             Enricher(pages, EnrichmentCache(tmp_path / "e.json")))
    assert pages.asked == [] and report.cached == 1
    assert done[0].fields is not None and done[0].fields.affiliation == "Zhejiang University"


def test_at_most_max_pages_are_read_in_one_run() -> None:
    pages = FakePages({"2506.00001": CVPR, "2506.00002": CVPR})
    done, report, notes = enrich((decision("2506.00001"), decision("2506.00002")), SEED,
                                 Enricher(pages, max_pages=1))
    assert pages.asked == ["2506.00001v1"] and report.requests == 1
    assert done[0].fields is not None and done[0].fields.affiliation == "Tsinghua University"
    assert "already read 1 HTML pages ([enrich] max_pages)" in notes["2506.00002"]


def test_an_unreachable_service_is_explained_once_and_named_in_the_other_notes() -> None:
    pages = FakePages({}, broken=("2506.00001",))
    papers = tuple(decision(f"2506.0000{n}") for n in range(1, 4))
    _, _, notes = enrich(papers, SEED, Enricher(pages))
    assert sum("HTTP 503" in note for note in notes.values()) == 1
    assert all("see 2506.00001" in notes[f"2506.0000{n}"] for n in (2, 3))
