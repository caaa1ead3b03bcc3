"""GitHub: the forge adapters and pull-request plans.

The only importer of PyGithub (`forge`, `client`, `branch`, `decorations`); the local-file
forge; the bot's memory read from its pull requests (with papers recovered from a branch and
sections that went); pull-request plans, titles and bodies (pure). Library types stop here.
"""

from __future__ import annotations

from promptbot.github.forge import (
    GitHubForge,
    LocalFileForge,
    token_from_env,
)
from promptbot.github.local import (
    read_catalog_file,
)
from promptbot.github.lost_sections import (
    replace_lost_sections,
)
from promptbot.github.memory import (
    declined_updates,
    pending,
    rejected,
)
from promptbot.github.pull_request import (
    explain,
    overflow,
    plan_pull_requests,
)
from promptbot.github.recovery import (
    recover_branch_papers,
)

__all__ = [
    "GitHubForge",
    "LocalFileForge",
    "declined_updates",
    "explain",
    "overflow",
    "pending",
    "plan_pull_requests",
    "read_catalog_file",
    "recover_branch_papers",
    "rejected",
    "replace_lost_sections",
    "token_from_env",
]
