"""promptbot: keeps a curated awesome list of papers up to date through reviewable pull requests."""

__version__ = "0.1.0"
