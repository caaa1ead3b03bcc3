"""The project's own errors; adapters translate library exceptions into these once."""


class PromptbotError(Exception):
    """Base of every error promptbot reports to a user as one line."""

    exit_code = 1


class UsageError(PromptbotError):
    """A mistake in how promptbot was called (bad flag value, missing file)."""

    exit_code = 2


class ConfigError(UsageError):
    """A configuration file that is missing, malformed, or has a bad key."""


class CatalogError(UsageError):
    """A catalog file that cannot be read."""


class SourceError(PromptbotError):
    """arXiv (API or listing feed) failed after the retries allowed."""


class ForgeError(PromptbotError):
    """GitHub failed, refused, or is not configured for the run asked for."""


class BaseMoved(ForgeError):
    """The catalog changed on the base branch during the run; re-read and plan again."""


class PullRequestChanged(ForgeError):
    """Another run (or a person) changed or closed the bot's pull request during this run."""


class PullRequestClosed(PullRequestChanged):
    """The pull request was closed during the run; it was left as it was and nothing is lost."""
