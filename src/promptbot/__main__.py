"""Entry point for `python -m promptbot`."""

from promptbot.cli import main

raise SystemExit(main())
