"""The configuration: TOML read with tomllib into frozen dataclasses, every key checked."""

from __future__ import annotations

import os
import tomllib
import types
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from promptbot.errors import ConfigError

CONFIG_ENV = "PROMPTBOT_CONFIG"
DEFAULT_CONFIG_NAME = "config.toml"


@dataclass(frozen=True)
class CatalogConfig:
    """Where the list lives on GitHub."""

    repo: str = "BWLONG/Awesome-Prompt-Learning-CV"
    path: str = "README.md"
    branch: str = "main"


@dataclass(frozen=True)
class ArxivConfig:
    """What to ask arXiv, where, and how politely."""

    sources: tuple[str, ...] = ("api", "rss")
    keywords: tuple[str, ...] = (
        "prompt learning",
        "prompt tuning",
        "visual prompt",
        "prompt-tuning",
        "vision-language model",
        "CLIP",
        "adapter",
    )
    categories: tuple[str, ...] = ("cs.CV", "cs.LG", "cs.CL", "cs.AI", "cs.MM")
    api_url: str = "https://export.arxiv.org/api/query"
    rss_url: str = "https://rss.arxiv.org/rss/cs.CV+cs.CL+cs.LG"
    announce_types: tuple[str, ...] = ("new", "cross")
    delay_seconds: float = 3.0
    page_size: int = 500
    num_retries: int = 3
    lookback_days: int = 3
    contact: str = ""


@dataclass(frozen=True)
class GithubConfig:
    """How to reach GitHub (or GitHub Enterprise) and how long to wait on rate limits."""

    api_url: str = "https://api.github.com"
    max_rate_limit_wait_seconds: int = 900
    retries: int = 3
    timeout_seconds: int = 30


@dataclass(frozen=True)
class PullRequestConfig:
    """How the bot's pull requests look and behave."""

    mode: str = "rolling"  # "rolling" | "per-paper"
    branch: str = "promptbot/new-papers"
    branch_prefix: str = "promptbot/"
    title: str = "Add {count} new paper(s) from arXiv"
    labels: tuple[str, ...] = ("promptbot",)
    label_color: str = "0e8a16"
    draft: bool = False
    reviewers: tuple[str, ...] = ()
    assignees: tuple[str, ...] = ()
    max_open: int = 5
    committer_name: str = "promptbot"
    committer_email: str = "promptbot@users.noreply.github.com"


@dataclass(frozen=True)
class ScheduleConfig:
    """When the long-running process runs (cron, in `timezone`)."""

    cron: str = "30 1 * * 1-5"
    timezone: str = "UTC"
    misfire_grace_seconds: int = 3600


@dataclass(frozen=True)
class SectionRule:
    """Papers matching any of `terms` (title or abstract) go to `section`."""

    section: str
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectionsConfig:
    """Where new papers go in the list."""

    default: str = "Prompt Learning/Tuning(arxiv4月-)"
    published: str = ""  # section for papers with a venue ("" = no rule)
    preprint: str = ""  # section for arXiv-only papers ("" = no rule)
    never: tuple[str, ...] = ()  # sections the bot never fills
    min_confidence: float = 0.35
    rules: tuple[SectionRule, ...] = ()


@dataclass(frozen=True)
class ScoringConfig:
    """What makes a paper relevant to this list."""

    threshold: float = 0.5
    positive_terms: tuple[str, ...] = ()
    negative_terms: tuple[str, ...] = ()
    vision_terms: tuple[str, ...] = ()
    fuzzy_title_threshold: float = 92.0


@dataclass(frozen=True)
class FormatConfig:
    """Overrides for the entry style inferred from the list."""

    template: str = ""  # e.g. '* **{name}**: "{title}", {venue}, {year}. [[Paper]({paper})]'
    unknown_name: str = ""  # "" = infer from the list ("?" in the seed)


@dataclass(frozen=True)
class Config:
    """The whole configuration."""

    catalog: CatalogConfig = field(default_factory=CatalogConfig)
    arxiv: ArxivConfig = field(default_factory=ArxivConfig)
    github: GithubConfig = field(default_factory=GithubConfig)
    pull_request: PullRequestConfig = field(default_factory=PullRequestConfig)
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)
    sections: SectionsConfig = field(default_factory=SectionsConfig)
    scoring: ScoringConfig = field(default_factory=ScoringConfig)
    format: FormatConfig = field(default_factory=FormatConfig)
    source: str = ""  # the file it was read from ("" = built-in defaults)


def config_path(explicit: str | None, environ: dict[str, str] | None = None) -> Path | None:
    """The config file to read: --config, then $PROMPTBOT_CONFIG, then ./config.toml if present."""
    env = os.environ if environ is None else environ
    if explicit:
        return Path(explicit)
    if env.get(CONFIG_ENV):
        return Path(env[CONFIG_ENV])
    default = Path(DEFAULT_CONFIG_NAME)
    return default if default.is_file() else None


def load(path: Path | None) -> Config:
    """Read and check a config file; None gives the built-in defaults."""
    if path is None:
        return Config()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    return parse(data, str(path))


def parse(data: dict[str, Any], source: str = "<config>") -> Config:
    """Build a Config from already-decoded TOML, naming the file and key path on any error."""
    config = _build(Config, data, source, "")
    config = _replace_source(config, source)
    _check_values(config, source)
    return config


def _replace_source(config: Config, source: str) -> Config:
    from dataclasses import replace

    return replace(config, source=source)


def _build(cls: type[Any], data: Any, source: str, path: str) -> Any:
    where = f"[{path}]" if path else "the top level"
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: {where} must be a table")
    hints = get_type_hints(cls)
    known = {f.name for f in fields(cls) if f.name != "source"}
    for key in data:
        if key not in known:
            raise ConfigError(f"{source}: unknown key {_key(path, key)}")
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name == "source" or f.name not in data:
            if f.default is MISSING and f.default_factory is MISSING and f.name != "source":
                raise ConfigError(f"{source}: missing required key {_key(path, f.name)}")
            continue
        child = f"{path}.{f.name}" if path else f.name
        values[f.name] = _convert(hints[f.name], data[f.name], source, child)
    return cls(**values)


def _convert(hint: Any, value: Any, source: str, path: str) -> Any:
    if is_dataclass(hint) and isinstance(hint, type):
        return _build(hint, value, source, path)
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return _convert(options[0], value, source, path)
    if origin is tuple:
        item = get_args(hint)[0]
        if not isinstance(value, list):
            raise ConfigError(f"{source}: {_dotted(path)} must be a list of {_describe(item)}")
        return tuple(_convert(item, v, source, f"{path}[{i}]") for i, v in enumerate(value))
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint in (str, int, float, bool) and type(value) is hint:
        return value
    article = {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}
    raise ConfigError(f"{source}: {_dotted(path)} must be {article.get(hint, _describe(hint))}")


def _describe(hint: Any) -> str:
    if is_dataclass(hint):
        return "tables"
    names = {str: "strings", int: "integers", float: "numbers", bool: "booleans"}
    return names.get(hint, "values of the right type")


def _key(path: str, key: str) -> str:
    return f"[{path}].{key}" if path else key


def _dotted(path: str) -> str:
    head, _, rest = path.partition(".")
    if not rest:
        return head
    return f"[{head}].{rest}"


_CHOICES: dict[str, tuple[str, ...]] = {
    "arxiv.sources": ("api", "rss"),
    "pull_request.mode": ("rolling", "per-paper"),
}


def _check_values(config: Config, source: str) -> None:
    for src in config.arxiv.sources:
        if src not in _CHOICES["arxiv.sources"]:
            raise ConfigError(f'{source}: [arxiv].sources: unknown source "{src}" (api, rss)')
    if config.pull_request.mode not in _CHOICES["pull_request.mode"]:
        raise ConfigError(
            f'{source}: [pull_request].mode must be "rolling" or "per-paper",'
            f' not "{config.pull_request.mode}"'
        )
    if not 1 <= config.arxiv.page_size <= 2000:
        raise ConfigError(f"{source}: [arxiv].page_size must be between 1 and 2000")
    if config.arxiv.delay_seconds < 0:
        raise ConfigError(f"{source}: [arxiv].delay_seconds must not be negative")
    if config.arxiv.lookback_days < 1:
        raise ConfigError(f"{source}: [arxiv].lookback_days must be at least 1")
    if "/" not in config.catalog.repo:
        raise ConfigError(f'{source}: [catalog].repo must be "owner/name"')
    if config.pull_request.max_open < 1:
        raise ConfigError(f"{source}: [pull_request].max_open must be at least 1")
    if not 0.0 <= config.scoring.threshold <= 1.0:
        raise ConfigError(f"{source}: [scoring].threshold must be between 0 and 1")
