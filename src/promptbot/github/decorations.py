"""Labels, reviewers and assignees of a bot PR (with forge, client and branch, imports `github`).

Set when the PR is opened; later runs set what is missing by accident (a request that failed)
and leave alone what the people removed, as the PR's issue events tell.
"""

from __future__ import annotations

from github import GithubException
from github.PullRequest import PullRequest
from github.Repository import Repository

from promptbot.config import PullRequestConfig
from promptbot.models import PullRequestPlan


class Decorations:
    """Sets a PR's labels, reviewers and assignees; remembers which labels the repository has."""

    def __init__(self, repo: Repository, cfg: PullRequestConfig) -> None:
        self._repo = repo
        self._cfg = cfg
        self.labels_made: set[str] = set()  # labels known to exist in the repository

    def lacking(self, pull: PullRequest, plan: PullRequestPlan) -> bool:
        """Whether the PR lacks one of its labels, reviewers or assignees."""
        wanted_and_had = (
            (plan.labels, {label.name.lower() for label in pull.labels}),
            (self._cfg.reviewers, {user.login.lower() for user in pull.requested_reviewers}),
            (self._cfg.assignees, {user.login.lower() for user in pull.assignees}),
        )
        return any(n.lower() not in had for wanted, had in wanted_and_had for n in wanted)

    def repair(self, pull: PullRequest, plan: PullRequestPlan) -> int:
        """Set the labels, reviewers and assignees a PR lacks, unless someone removed them."""
        if not self.lacking(pull, plan):
            return 0
        labels = {label.name.lower() for label in pull.labels}
        reviewers = {user.login.lower() for user in pull.requested_reviewers}
        assignees = {user.login.lower() for user in pull.assignees}
        # Only what was never set is missing by accident: a label someone removed, or a reviewer
        # who has reviewed (GitHub drops them from the requests), stays as the people left it.
        for event in pull.get_issue_events():
            if event.event in ("labeled", "unlabeled") and event.label is not None:
                labels.add(event.label.name.lower())
            elif event.event in ("assigned", "unassigned") and event.assignee is not None:
                assignees.add(event.assignee.login.lower())
            elif event.event.startswith("review_request") and event.requested_reviewer:
                reviewers.add(event.requested_reviewer.login.lower())
        return self.add(pull, plan, labels, reviewers, assignees)

    def add(self, pull: PullRequest, plan: PullRequestPlan, labels: set[str],
            reviewers: set[str], assignees: set[str]) -> int:
        """Add the labels, reviewers and assignees not in the given sets; returns the writes."""
        writes = 0
        want_reviewers = [r for r in self._cfg.reviewers if r.lower() not in reviewers]
        if want_reviewers:
            pull.create_review_request(reviewers=want_reviewers)
            writes += 1
        want_assignees = [a for a in self._cfg.assignees if a.lower() not in assignees]
        if want_assignees:
            pull.add_to_assignees(*want_assignees)
            writes += 1
        return writes + self._label(pull, [n for n in plan.labels if n.lower() not in labels])

    def _label(self, pull: PullRequest, missing: list[str]) -> int:
        """Add labels to the PR, creating each with its colour if the repository lacks it."""
        writes = 0
        for name in missing:
            if name.lower() in self.labels_made:
                continue
            try:
                writes += 1
                self._repo.create_label(name, self._cfg.label_color)
            except GithubException as exc:
                if exc.status != 422:
                    raise
            self.labels_made.add(name.lower())
        if missing:
            pull.add_to_labels(*missing)
        return writes + 1 if missing else 0
