"""The configuration: TOML read with tomllib into frozen dataclasses, every key checked."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from promptbot.config_schema import Problem, build, locate
from promptbot.config_values import value_problems
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
    html_url: str = "https://arxiv.org/html/"  # a paper's HTML page is <html_url><id>v<version>
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

    # The seed list's labelled days, with the learned model's background: relevant papers score
    # from 0.49 up, irrelevant ones up to 0.47 (the example copy of the list, 2025-07-01).
    threshold: float = 0.48
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
    # The relevance model: "learned" (fitted on the list at each run, the terms above one of
    # its features) or "terms" (the terms and similarity above, alone).
    model: str = "learned"
    learned_min_window: int = 30  # fewer candidates than this: too few negatives, terms decide
    learned_c: float = 1.0  # inverse regularization of the learned model
    recency_half_life_months: float = 12.0  # a listed paper's weight halves with this age
    background: bool = True  # the shipped arXiv sample joins the learned model's negatives
    expected_per_day: float = 15.0  # volume control: proposals a day at most (0 = no cap)
    abstract_cache: str = ".promptbot-cache/abstracts.json"  # "" = no abstracts fetched
    # Configured terms telling the list's entries from the window with a lower AUC do not fit
    # the list (0 = always trust them): then the list-taught threshold and volume apply.
    terms_fit_auc: float = 0.7
    taught_threshold: float = 0.1  # the threshold when the terms do not fit the list
    taught_per_day: float = 5.0  # ... and the volume cap then (at most expected_per_day)
    taught_c: float = 2.0  # ... and the learned model's inverse regularization then


@dataclass(frozen=True)
class FormatConfig:
    """Overrides for the entry style inferred from the list."""

    template: str = ""  # e.g. '* **{name}**: "{title}", {venue}, {year}. [[Paper]({paper})]'
    unknown_name: str = ""  # "" = infer from the list ("?" in the seed)


@dataclass(frozen=True)
class EnrichConfig:
    """Completing proposed entries (affiliation, short name, code) from arXiv's HTML pages."""

    enabled: bool = True
    cache_dir: str = ""  # "" = $XDG_CACHE_HOME/promptbot, else ~/.cache/promptbot
    max_pages: int = 100  # HTML pages read in one run at most (a long backfill stays polite)


@dataclass(frozen=True)
class UpdatesConfig:
    """Keeping listed entries current: a preprint accepted at a venue, code released later."""

    enabled: bool = True  # propose `update`s of listed entries whose paper changed
    recheck_weekday: int = 1  # ISO weekday (1 = Monday) to re-check preprint entries; 0 = never
    recheck_batch: int = 100  # arXiv ids per API request of the re-check
    semantic_scholar: bool = False  # also ask Semantic Scholar for venues during the re-check
    semantic_scholar_url: str = "https://api.semanticscholar.org/graph/v1"
    semantic_scholar_batch: int = 500  # ids per /paper/batch request (the API's limit)


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
    enrich: EnrichConfig = field(default_factory=EnrichConfig)
    updates: UpdatesConfig = field(default_factory=UpdatesConfig)
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


ConfigCheck = Callable[["Config"], list[Problem]]


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
