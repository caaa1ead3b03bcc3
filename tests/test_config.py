"""Tests for config loading: defaults, the shipped file, and errors naming file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from promptbot import config
from promptbot.errors import ConfigError

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
    cfg = config.load(write(tmp_path, '[arxiv]\nkeywords = ["a b"]\ndelay_seconds = 1\n'))
    assert cfg.arxiv.keywords == ("a b",)
    assert cfg.arxiv.delay_seconds == 1.0
    assert cfg.arxiv.page_size == config.ArxivConfig().page_size


def test_nested_rules_become_dataclasses(tmp_path: Path) -> None:
    text = '[sections]\n[[sections.rules]]\nsection = "Video"\nterms = ["video"]\n'
    cfg = config.load(write(tmp_path, text))
    assert cfg.sections.rules == (config.SectionRule(section="Video", terms=("video",)),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[arxiv]\nkeywords = "prompt"\n', "[arxiv].keywords must be a list of strings"),
        ("[arxiv]\nkeywords = [1]\n", "[arxiv].keywords[0] must be a string"),
        ("[arxiv]\npage_size = 2.5\n", "[arxiv].page_size must be an integer"),
        ("[arxiv]\nbogus = 1\n", "unknown key [arxiv].bogus"),
        ("[nope]\n", "unknown key nope"),
        ("arxiv = 3\n", "[arxiv] must be a table"),
        ('[sections]\n[[sections.rules]]\nterms = ["x"]\n',
         "missing required key [sections.rules[0]].section"),
        ('[pull_request]\nmode = "daily"\n',
         '[pull_request].mode must be "rolling" or "per-paper"'),
        ("[arxiv]\npage_size = 5000\n", "[arxiv].page_size must be between 1 and 2000"),
        ("[pull_request]\ndraft = 1\n", "[pull_request].draft must be a boolean"),
        ("[arxiv\n", "invalid TOML"),
        ("[updates]\nrecheck_weekday = 8\n", "[updates].recheck_weekday must be 0 (never) or 1-7"),
        ("[updates]\nsemantic_scholar_batch = 501\n",
         "[updates].semantic_scholar_batch must be between 1 and 500"),
        ("[updates]\nrecheck_batch = 0\n", "[updates].recheck_batch must be between 1 and 2000"),
        ('[updates]\nenabled = "yes"\n', "[updates].enabled must be a boolean"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        config.load(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


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
    with pytest.raises(ConfigError, match=r"\[arxiv\].html_url must be an http\(s\) URL"):
        config.load(write(tmp_path, '[arxiv]\nhtml_url = "file:///etc/"\n'))
    with pytest.raises(ConfigError, match=r"\[enrich\].enabled must be a boolean"):
        config.load(write(tmp_path, '[enrich]\nenabled = "yes"\n'))
    with pytest.raises(ConfigError, match=r"\[enrich\].max_pages must not be negative"):
        config.load(write(tmp_path, '[enrich]\nmax_pages = -1\n'))
