"""The configuration: TOML read with tomllib into frozen dataclasses, every key checked."""

from __future__ import annotations

import difflib
import os
import re
import string
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from promptbot.config_schema import Problem, build, locate
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

    # The published list's headings ("### Prompt Learning(accepted): *Updating by …*").
    default: str = "Prompt Learning(arxiv)"
    published: str = "Prompt Learning(accepted)"  # section for papers with a venue ("" = no rule)
    preprint: str = "Prompt Learning(arxiv)"  # for arXiv-only papers ("" = no rule)
    never: tuple[str, ...] = ()  # sections never filled (an "already read" archive, say)
    min_confidence: float = 0.35
    rules: tuple[SectionRule, ...] = ()
    min_entries: int = 3  # the learned rule considers sections with at least this many entries
    neighbours: int = 10  # nearest catalog entries that vote for a section


@dataclass(frozen=True)
class ScoringConfig:
    """What makes a paper relevant to this list (terms are "text" or "text^weight")."""

    threshold: float = 0.5
    # Learned prompts and adapters: the list's topic.
    positive_terms: tuple[str, ...] = (
        "prompt tuning^3", "prompt learning^3", "learnable prompt*^3", "learned prompt*^3",
        "soft prompt*^3", "prompt token*^2.5", "prompt vector*^2.5", "context optimization^2",
        "visual prompt*^2", "text prompt*^1.5", "textual prompt*^1.5", "prompt*^1.5",
        "adapter^2", "parameter-efficient^2", "PEFT^2", "cache model^2",
    )
    # Adapting a pretrained model: counts only as far as such a model (model_terms) is named.
    adaptation_terms: tuple[str, ...] = (
        "test-time adaptation^1.5", "TTA^1", "test-time^1", "training-free^0.5", "tuning^1",
        "few-shot^1.5", "prototype^0.5", "linear probe^1", "linear probing^1", "cache^0.5",
        "adapting^2", "adaptation^0.5", "fine-tuning^0.5", "frozen^1", "calibration^0.5",
    )
    # Pretrained vision and vision-language models, and what only they do (zero-shot).
    model_terms: tuple[str, ...] = (
        "CLIP^3", "SigLIP^3", "vision-language model^3", "VLM^3", "vision-language^1.5",
        "ViT^0.5", "vision transformer^0.5", "foundation model^1.5", "SAM^1.5",
        "segment anything^1.5", "open-vocabulary^1.5", "zero-shot^1", "unseen class^1",
        "novel class^1",
    )
    # Weaker signs that the paper is about vision at all.
    vision_terms: tuple[str, ...] = (
        "pre-trained^0.5", "pretrained^0.5", "point cloud^1", "image^0.5", "visual^0.5",
        "video^0.5", "multimodal^0.5", "multi-modal^0.5", "promptable^0.5",
    )
    # Not this list's topic (see the labelling policy): generation, LLM prompting, attacks.
    negative_terms: tuple[str, ...] = (
        "jailbreak*^3", "text-to-image^2", "diffusion^1.5", "image generation^2",
        "video generation^2", "image editing^1.5", "in-context learning^2", "chain-of-thought^2",
        "instruction tuning^2", "prompt engineering^2", "hallucination*^2", "MLLM^2",
        "multimodal large language model^2", "LVLM^2", "large vision-language model^2", "LMM^2",
        "time series^3", "LoRA^1", "reinforcement learning^1", "restoration^1", "agent*^1",
        "robot*^1", "Gaussian splatting^1.5", "NeRF^1", "GPT-4o^1.5", "LLaVA^1.5",
        "visual question answering^1", "captioning^1", "attack*^1", "prompt injection^3",
        "text-to-video^2", "image synthesis^1.5",
    )
    # Prompting a text-only LLM is not the topic unless vision appears: negative only then.
    text_only_terms: tuple[str, ...] = ("large language model^2", "LLM^2", "language model^1")
    fuzzy_title_threshold: float = 92.0
    title_weight: float = 3.0  # a term in the title counts this many times its weight
    abstract_weight: float = 1.0  # ... and each occurrence in the abstract this many times
    abstract_max_count: int = 3
    title_only_abstract_count: float = 1.0  # no abstract: a title term also counts this often
    adaptation_cap: float = 6.0
    vision_half: float = 4.0  # vision evidence at which method terms count half
    model_half: float = 3.0  # model evidence at which adaptation terms count half
    vision_gate: float = 1.0  # below this vision evidence, text-only terms are negative
    similarity_weight: float = 4.0
    similarity_top: int = 3  # mean of the k most similar catalog titles
    score_half: float = 4.0  # evidence that scores 0.5
    vision_categories: tuple[str, ...] = ("cs.CV",)
    category_primary: float = 4.0  # vision evidence of a primary vision category
    category_cross_list: float = 2.0
    category_model_share: float = 0.25  # share of the category counted as model evidence
    catalog_name_weight: float = 2.0  # method evidence per catalog entry name cited ("CoOp")
    catalog_name_max: int = 3
    nearest_shown: int = 3


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


def load(path: Path | None, *, checks: Sequence[ConfigCheck] = ()) -> Config:
    """Read and check a config file; None gives the built-in defaults.

    `checks` are further checks from the layers that own a key's grammar (terms, templates,
    cron); every mistake they and this module find is reported at once, each with its key.
    """
    if path is None:
        return Config()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    return parse(data, str(path), text=text, checks=checks)


def parse(
    data: dict[str, Any], source: str = "<config>", *, text: str = "",
    checks: Sequence[ConfigCheck] = (),
) -> Config:
    """Build a Config from already-decoded TOML; ConfigError listing every mistake, one a line,
    each naming the file, the line (found in `text` when given) and the key."""
    problems: list[Problem] = []
    config = replace(
        build(Config, data, source, internal=("source",), problems=problems), source=source)
    problems += value_problems(config)
    for check in checks:
        problems += check(config)
    if problems:
        raise ConfigError("\n".join(_line(source, text, p) for p in _unique(problems)))
    return config


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    seen: dict[tuple[str, str], Problem] = {}
    for problem in problems:
        seen.setdefault((problem.key, problem.message), problem)
    return list(seen.values())


def _line(source: str, text: str, problem: Problem) -> str:
    line = locate(text, problem.key) if text else None
    where = f"{source}:{line}" if line else source
    return f"{where}: {problem.shown_key}: {problem.message}"


# --- value checks, one per key (or per item of a list key) ----------------------------------
# Each check returns what is wrong with a value, or None. Keys added later get their check here.

ValueCheck = Callable[[Any], "str | None"]
ConfigCheck = Callable[[Config], list[Problem]]


def _one_of(*allowed: str) -> ValueCheck:
    def check(value: Any) -> str | None:
        if value in allowed:
            return None
        close = difflib.get_close_matches(str(value).lower(), allowed, n=1)
        hint = f'; did you mean "{close[0]}"?' if close else ""
        return f'"{value}" is not one of {", ".join(allowed)}{hint}'
    return check


def _between(low: float, high: float, why: str = "") -> ValueCheck:
    def check(value: Any) -> str | None:
        return None if low <= value <= high else f"must be between {low:g} and {high:g}{why}"
    return check


def _at_least(low: float, why: str = "") -> ValueCheck:
    def check(value: Any) -> str | None:
        return None if value >= low else f"must be at least {low:g}{why}"
    return check


def _not_empty(value: Any) -> str | None:
    if isinstance(value, tuple):
        return None if value else "must list at least one"
    return None if value.strip() else "must not be empty"


_REPO = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*)/[A-Za-z0-9._-]+$")


def _repo(value: Any) -> str | None:
    if _REPO.match(value):
        return None
    found = re.match(r"^(?:https?://[^/]+/|git@[^:]+:)([^/]+/[^/]+?)(?:\.git)?/?$", value)
    if found:
        return f'must be "owner/name", not a URL: write "{found.group(1)}"'
    return f'must be "owner/name" (e.g. "BWLONG/Awesome-Prompt-Learning-CV"), not "{value}"'


# What git refuses in a branch name (git check-ref-format), and what GitHub would mangle.
_BAD_REF = re.compile(r"(^[/.-])|([/.]$)|(\.\.)|(//)|(@\{)|([\x00-\x20~^:?*\[\\\x7f])|(\.lock$)")


def _branch(value: Any) -> str | None:
    if not value.strip():
        return 'must name a branch (e.g. "main"), not be empty'
    return f'"{value}" is not a valid git branch name' if _BAD_REF.search(value) else None


def _color(value: Any) -> str | None:
    if re.fullmatch(r"[0-9a-fA-F]{6}", value):
        return None
    if re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        return f'must be six hex digits without "#": write "{value[1:]}"'
    return f'must be six hex digits such as "0e8a16", not "{value}"'


def _url(value: Any) -> str | None:
    parts = urlsplit(value)
    ok = parts.scheme in ("http", "https") and parts.netloc
    return None if ok else f'must be an http(s) URL, not "{value}"'


# arXiv's category grammar: archive, then a subject class in capitals (cs.CV, math.AG, stat.ML),
# except the physics archives, whose classes are lower case (cond-mat.mes-hall, physics.optics).
_UPPER_ARCHIVES = {"cs", "math", "stat", "eess", "econ", "q-bio", "q-fin", "nlin", "astro-ph"}
_CATEGORY = re.compile(r"^([a-z]+(?:-[a-z]+)?)(?:\.([A-Za-z]+(?:-[a-z]+)?))?$")


def _category(value: Any) -> str | None:
    found = _CATEGORY.match(value)
    if found and found.group(1) in _UPPER_ARCHIVES and found.group(2) is not None:
        if re.fullmatch(r"[A-Z]{2}", found.group(2)):
            return None
        if re.fullmatch(r"[A-Za-z]{2}", found.group(2)):
            return f'"{value}" is not an arXiv category; did you mean "{found.group(1)}.' \
                   f'{found.group(2).upper()}"?'
    elif found:
        return None
    return f'"{value}" is not an arXiv category such as "cs.CV" or "stat.ML"'


# "text" or "text^weight" (a positive number); judging.terms reads them the same way.
def _term(value: Any) -> str | None:
    text, caret, weight = value.rpartition("^")
    if not caret:
        text = value
    if not re.search(r"[A-Za-z0-9]", text):
        return f'empty term in "{value}"'
    if caret:
        try:
            number = float(weight)
        except ValueError:
            return f'bad weight "{weight}" in "{value}" (write "text" or "text^2.5")'
        if not number > 0:
            return f'the weight in "{value}" must be positive'
    return None


_PR_TITLE_FIELDS = ("count", "title", "arxiv_id")


def _pr_title(value: Any) -> str | None:
    try:
        names = [n for _, n, _, _ in string.Formatter().parse(value) if n is not None]
    except ValueError as exc:
        return f"{exc}"
    unknown = [n for n in names if n not in _PR_TITLE_FIELDS]
    if unknown:
        close = difflib.get_close_matches(unknown[0], _PR_TITLE_FIELDS, n=1)
        hint = f"; did you mean {{{close[0]}}}?" if close else ""
        return (f"unknown placeholder {{{unknown[0]}}} (known: "
                f"{', '.join('{' + f + '}' for f in _PR_TITLE_FIELDS)}){hint}")
    return None


VALUE_CHECKS: dict[str, ValueCheck] = {
    "catalog.repo": _repo,
    "catalog.path": _not_empty,
    "catalog.branch": _branch,
    "arxiv.keywords": _not_empty,
    "arxiv.categories": _not_empty,
    "arxiv.sources": _not_empty,
    "arxiv.api_url": _url,
    "arxiv.rss_url": _url,
    "arxiv.delay_seconds": _at_least(3, " (arXiv asks for 3 seconds between requests)"),
    "arxiv.page_size": _between(1, 2000),
    "arxiv.num_retries": _between(0, 10),
    "arxiv.lookback_days": _at_least(1),
    "github.api_url": _url,
    "github.max_rate_limit_wait_seconds": _at_least(0),
    "pull_request.mode": _one_of("rolling", "per-paper"),
    "pull_request.branch": _branch,
    "pull_request.branch_prefix": _not_empty,
    "pull_request.title": _pr_title,
    "pull_request.label_color": _color,
    "pull_request.max_open": _at_least(1),
    "schedule.misfire_grace_seconds": _at_least(1),
    "sections.min_confidence": _between(0, 1),
    "scoring.threshold": _between(0, 1),
    "scoring.fuzzy_title_threshold": _between(0, 100),
}
ITEM_CHECKS: dict[str, ValueCheck] = {
    "arxiv.sources": _one_of("api", "rss"),
    "arxiv.categories": _category,
    "arxiv.announce_types": _one_of("new", "cross", "replace", "replace-cross"),
    "arxiv.keywords": _not_empty,
    "scoring.vision_categories": _category,
}


def value_problems(config: Config) -> list[Problem]:
    """What is wrong with the values of `config` (types are right already)."""
    found: list[Problem] = []
    items = dict(ITEM_CHECKS)
    for f in fields(ScoringConfig):  # every term list, including ones added later
        if f.name.endswith("_terms"):
            items[f"scoring.{f.name}"] = _term
    for key, check in [*VALUE_CHECKS.items(), *(("*" + k, c) for k, c in items.items())]:
        path = key.lstrip("*")
        value = _get(config, path)
        if value is _ABSENT:
            continue
        if key.startswith("*"):
            found += [Problem(f"{path}[{i}]", m) for i, v in enumerate(value)
                      if (m := check(v)) is not None]
        elif (message := check(value)) is not None:
            found.append(Problem(path, message))
    return found


_ABSENT = object()


def _get(config: Config, path: str) -> Any:
    value: Any = config
    for part in path.split("."):
        value = getattr(value, part, _ABSENT)
        if value is _ABSENT:
            return _ABSENT
    return value
