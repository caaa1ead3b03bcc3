"""Tests for config loading: defaults, the shipped file, and errors naming file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from promptbot import config, config_checks, config_schema, config_values
from promptbot.errors import ConfigError
from promptbot.judging.terms import parse_term

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_loads_and_names_its_file() -> None:
    cfg = config.load(ROOT / "config.toml")
    assert cfg.catalog.repo == "BWLONG/Awesome-Prompt-Learning-CV"
    assert cfg.source.endswith("config.toml")
    assert "api" in cfg.arxiv.sources


def test_missing_path_gives_defaults() -> None:
    assert config.load(None) == config.Config()


def test_values_override_defaults(tmp_path: Path) -> None:
    cfg = config.load(write(tmp_path, '[arxiv]\nkeywords = ["a b"]\ndelay_seconds = 5\n'))
    assert cfg.arxiv.keywords == ("a b",)
    assert cfg.arxiv.delay_seconds == 5.0
    assert cfg.arxiv.page_size == config.ArxivConfig().page_size


def test_nested_rules_become_dataclasses(tmp_path: Path) -> None:
    text = '[sections]\n[[sections.rules]]\nsection = "Video"\nterms = ["video"]\n'
    cfg = config.load(write(tmp_path, text))
    assert cfg.sections.rules == (config.SectionRule(section="Video", terms=("video",)),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[arxiv]\nkeywords = "prompt"\n', ":2: [arxiv].keywords: must be a list of strings"),
        ("[arxiv]\nkeywords = [1]\n", ":2: [arxiv].keywords[0]: must be a string"),
        ("[arxiv]\npage_size = 2.5\n", ":2: [arxiv].page_size: must be an integer"),
        ("[arxiv]\nbogus = 1\n", ":2: [arxiv].bogus: unknown key"),
        ("[nope]\n", ":1: [nope]: unknown key"),
        ("arxiv = 3\n", ":1: [arxiv]: must be a table"),
        ('[sections]\n[[sections.rules]]\nterms = ["x"]\n',
         ":2: [sections].rules[0].section: missing required key"),
        ('[pull_request]\nmode = "daily"\n',
         ':2: [pull_request].mode: "daily" is not one of rolling, per-paper'),
        ("[arxiv]\npage_size = 5000\n", ":2: [arxiv].page_size: must be between 1 and 2000"),
        ("[pull_request]\ndraft = 1\n", ":2: [pull_request].draft: must be a boolean"),
        ("[arxiv\n", ": invalid TOML"),
        ("[updates]\nrecheck_weekday = 8\n",
         ":2: [updates].recheck_weekday: must be between 0 and 7 (0 = never, 1 = Monday"),
        ("[updates]\nsemantic_scholar_batch = 501\n",
         ":2: [updates].semantic_scholar_batch: must be between 1 and 500 (the API's limit)"),
        ("[updates]\nrecheck_batch = 0\n",
         ":2: [updates].recheck_batch: must be between 1 and 2000"),
        ('[updates]\nenabled = "yes"\n', ":2: [updates].enabled: must be a boolean"),
    ],
)
def test_bad_config_names_file_line_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        config.load(path)
    assert str(info.value).startswith(f"{path}{message}")


# Every mistake the issue saw accepted silently or found one per run, in one file.
MISTAKES = """\
[catalog]
repo = "https://github.com/me/x"
branch = ""
pth = "README.md"
token = "ghp_secret"

[arxv]
keywords = ["x"]

[arxiv]
keywords = []
categories = ["cs.cv", "computer vision"]
delay_seconds = 1

[pull_request]
label_color = "#ff0000"
title = "Add {cuont} papers"

[scoring]
treshold = 0.4
positive_terms = ["prompt^x", "^2", "adapter^-1"]
"""

EXPECTED = [
    ':2: [catalog].repo: must be "owner/name", not a URL: write "me/x"',
    ':3: [catalog].branch: must name a branch (e.g. "main"), not be empty',
    ":4: [catalog].pth: unknown key; did you mean path?",
    ":5: [catalog].token: unknown key; tokens are never read from a config file",
    ":7: [arxv]: unknown key; did you mean [arxiv]?",
    ":11: [arxiv].keywords: must list at least one",
    ':12: [arxiv].categories[0]: "cs.cv" is not an arXiv category; did you mean "cs.CV"?',
    ':12: [arxiv].categories[1]: "computer vision" is not an arXiv category',
    ":13: [arxiv].delay_seconds: must be at least 3 (arXiv asks for 3 seconds between requests)",
    ':16: [pull_request].label_color: must be six hex digits without "#": write "ff0000"',
    ":17: [pull_request].title: unknown placeholder {cuont}",
    ":20: [scoring].treshold: unknown key; did you mean threshold?",
    ':21: [scoring].positive_terms[0]: bad weight "x" in "prompt^x"',
    ':21: [scoring].positive_terms[1]: empty term in "^2"',
    ':21: [scoring].positive_terms[2]: the weight in "adapter^-1" must be positive',
]


def test_every_mistake_of_a_file_is_reported_at_once_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, MISTAKES)
    with pytest.raises(ConfigError) as info:
        config.load(path)
    lines = str(info.value).splitlines()
    assert len(lines) == len(EXPECTED), lines
    for line, expected in zip(sorted(lines, key=_line_number), EXPECTED, strict=True):
        assert line.startswith(f"{path}{expected}"), (line, expected)


def _line_number(line: str) -> int:
    return int(line.split(":")[1])


def test_a_key_in_the_wrong_table_is_pointed_to_its_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[arxiv\]\.threshold: unknown key here; it belongs in"
                                          r" \[scoring\]"):
        config.load(write(tmp_path, "[arxiv]\nthreshold = 0.4\n"))


@pytest.mark.parametrize("key", ["repo", "branch", "path"])
def test_locate_finds_the_line_of_a_key_in_its_table(key: str) -> None:
    text = '[arxiv]\nrepo = 1\n[catalog]\n# a comment\nrepo = "a/b"\nbranch="x"\npath = "R"\n'
    assert config_schema.locate(text, f"catalog.{key}") == {"repo": 5, "branch": 6, "path": 7}[key]
    assert config_schema.locate(text, "catalog.missing") == 3
    assert config_schema.locate(text, "nowhere.key") is None


def test_unreadable_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config file"):
        config.load(tmp_path / "absent.toml")


def test_config_path_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert config.config_path(None, {}) is None
    (tmp_path / "config.toml").write_text("", encoding="utf-8")
    assert config.config_path(None, {}) == Path("config.toml")
    assert config.config_path(None, {"PROMPTBOT_CONFIG": "x.toml"}) == Path("x.toml")
    assert config.config_path("y.toml", {"PROMPTBOT_CONFIG": "x.toml"}) == Path("y.toml")


def test_enrichment_keys(tmp_path: Path) -> None:
    cfg = config.load(write(tmp_path, '[arxiv]\nhtml_url = "http://127.0.0.1:8/html/"\n'
                                      '[enrich]\nenabled = false\ncache_dir = "c"\n'))
    assert (cfg.arxiv.html_url, cfg.enrich.enabled, cfg.enrich.cache_dir) == (
        "http://127.0.0.1:8/html/", False, "c")
    assert config.Config().arxiv.html_url == "https://arxiv.org/html/"
    assert config.Config().enrich.enabled is True
    with pytest.raises(ConfigError, match=r"\[arxiv\].html_url: must be an http\(s\) URL"):
        config.load(write(tmp_path, '[arxiv]\nhtml_url = "file:///etc/"\n'))
    with pytest.raises(ConfigError, match=r"\[enrich\].enabled: must be a boolean"):
        config.load(write(tmp_path, '[enrich]\nenabled = "yes"\n'))
    with pytest.raises(ConfigError, match=r"\[enrich\].max_pages: must be at least 0"):
        config.load(write(tmp_path, '[enrich]\nmax_pages = -1\n'))


@pytest.mark.parametrize("spec", ["prompt", "prompt^2", "prompt tuning^0.5", "a^b^2", "x^", "^2",
                                  "prompt^x", "prompt^-1", "prompt^0", " ^1", "CLIP^1e1", "*^2",
                                  "x^nan"])
def test_term_checks_agree_with_the_term_reader(spec: str) -> None:
    problem = config_values.value_problems(config.Config(scoring=config.ScoringConfig(
        positive_terms=(spec,))))
    try:
        parse_term(spec, "positive", "[scoring].positive_terms[0]")
        readable = True
    except ConfigError:
        readable = False
    assert (problem == []) == readable


def test_the_layers_checks_run_with_the_rest(tmp_path: Path) -> None:
    text = ('[arxiv]\nkeywords = ["!!!"]\n[format]\ntemplate = "{nmae}"\n'
            '[schedule]\ncron = "61 * * * *"\ntimezone = "Mars/Olympus"\n')
    with pytest.raises(ConfigError) as info:
        config_checks.load(write(tmp_path, text))
    lines = [line.split(": ", 1)[1] for line in str(info.value).splitlines()]
    assert [line.split(":")[0] for line in lines] == [
        "[format].template", "[schedule].timezone", "[arxiv].keywords"]
    assert "{nmae}" in lines[0] and "Mars/Olympus" in lines[1] and "!!!" in lines[2]
