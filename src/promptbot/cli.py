"""The command line: commands, flags and exit codes; every PromptbotError becomes one line."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from promptbot import __version__
from promptbot import config as config_module
from promptbot.config import Config
from promptbot.errors import PromptbotError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

log = logging.getLogger("promptbot")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog="promptbot",
        description="Keeps a curated awesome list of papers up to date through pull requests.",
        epilog="Exit codes: 0 success (nothing new included), 1 the run failed (arXiv or GitHub),"
        " 2 usage or configuration error.",
    )
    parser.add_argument("--version", action="version", version=f"promptbot {__version__}")
    parser.add_argument("--config", metavar="PATH", help="config file (default: $PROMPTBOT_CONFIG"
                        " or ./config.toml)")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more detail")
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors and results")
    # The same flags after the command name (`promptbot run -q`); SUPPRESS keeps the global ones.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                        help="more detail")
    common.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                        help="only errors and results")
    common.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS,
                        help="config file (default: $PROMPTBOT_CONFIG or ./config.toml)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", parents=[common],
                                help="report what promptbot understands of a catalog")
    check.add_argument("--catalog", metavar="FILE", help="a local catalog file instead of GitHub")
    check.add_argument("--json", action="store_true", help="one JSON object on stdout")
    check.add_argument("--preview", action="store_true",
                       help="each section's entry template and a sample entry written with it")
    check.set_defaults(handler=_cmd_check)

    run = commands.add_parser("run", parents=[common],
                              help="find new papers and open or update the pull request")
    _add_run_arguments(run)
    run.set_defaults(handler=_cmd_run)

    _add_explain(commands, common)
    init = commands.add_parser("init", parents=[common],
                               help="write a starter config for a list, drawn from its entries")
    init.add_argument("--catalog", metavar="FILE", help="a local catalog file instead of GitHub")
    init.add_argument("--repo", metavar="OWNER/NAME", help="the list's repository (default:"
                      " [catalog].repo)")
    init.add_argument("--output", metavar="FILE", help="write the config to FILE (not"
                      " overwritten) instead of stdout")
    init.set_defaults(handler=_cmd_init)

    schedule = commands.add_parser("schedule", parents=[common],
                                   help="run on the configured cron, until stopped")
    _add_run_arguments(schedule)
    schedule.add_argument("--once", action="store_true", help="run once now and exit")
    schedule.set_defaults(handler=_cmd_schedule)
    return parser


def _add_explain(commands: Any, common: argparse.ArgumentParser) -> None:
    explain = commands.add_parser("explain", parents=[common],
                                  help="the whole story of one paper in the run a dry run makes")
    explain.add_argument("arxiv_id", metavar="ARXIV_ID", help="e.g. 2506.23856 (or an arXiv URL)")
    explain.add_argument("--catalog", metavar="FILE", help="a local catalog file instead of GitHub")
    explain.add_argument("--feed", metavar="FILE", action="append", default=[],
                         help="read a saved arXiv API response or listing feed (repeatable)")
    explain.add_argument("--since", metavar="DATE", help="from this date (YYYY-MM-DD)")
    explain.add_argument("--until", metavar="DATE", help="up to this date (YYYY-MM-DD)")
    explain.add_argument("--no-enrich", action="store_true",
                         help="as run: do not read the proposed papers' arXiv HTML pages")
    explain.set_defaults(handler=_cmd_explain)


def _add_run_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true",
                        help="show the plan (candidates, diff, PR text) and change nothing")
    parser.add_argument("--catalog", metavar="FILE", help="a local catalog file instead of GitHub")
    parser.add_argument("--feed", metavar="FILE", action="append", default=[],
                        help="read a saved arXiv API response or listing feed (repeatable)")
    parser.add_argument("--since", metavar="DATE", help="backfill from this date (YYYY-MM-DD)")
    parser.add_argument("--until", metavar="DATE", help="backfill up to this date (YYYY-MM-DD)")
    parser.add_argument("--json", action="store_true", help="the plan as one JSON object")
    parser.add_argument("--output", metavar="FILE", help="write the new catalog to FILE")
    parser.add_argument("--summary", metavar="FILE",
                        help="append a markdown summary to FILE (e.g. $GITHUB_STEP_SUMMARY)")
    parser.add_argument("--no-enrich", action="store_true",
                        help="do not read the proposed papers' arXiv HTML pages (affiliations)")


def _cmd_check(args: argparse.Namespace, cfg: Config) -> int:
    from promptbot import check

    text = _read_catalog_arg(args, cfg)
    print(check.render(text, cfg, as_json=args.json, source=args.catalog or "",
                       preview=args.preview))
    return EXIT_OK


def _cmd_init(args: argparse.Namespace, cfg: Config) -> int:
    from promptbot import catalog, starter
    from promptbot.errors import UsageError

    if args.output and Path(args.output).exists():
        raise UsageError(f"{args.output}: already exists; promptbot init does not overwrite it")
    text = starter.starter_config(catalog.parse(_read_catalog_arg(args, cfg)),
                                  args.repo or cfg.catalog.repo, cfg.catalog.path,
                                  cfg.catalog.branch)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        log.info("wrote %s", args.output)
    else:
        print(text, end="")
    return EXIT_OK


def _cmd_run(args: argparse.Namespace, cfg: Config) -> int:
    from promptbot import runner

    return runner.run_command(args, cfg)


def _cmd_explain(args: argparse.Namespace, cfg: Config) -> int:
    from promptbot import explain

    return explain.explain_command(args, cfg)


def _cmd_schedule(args: argparse.Namespace, cfg: Config) -> int:
    from promptbot import schedule

    return schedule.schedule_command(args, cfg)


def _read_catalog_arg(args: argparse.Namespace, cfg: Config) -> str:
    if args.catalog:
        from promptbot.github import read_catalog_file

        return read_catalog_file(Path(args.catalog))
    from promptbot import runner

    return runner.fetch_catalog_text(cfg)


def configure_logging(verbose: int, quiet: bool, *, timestamps: bool = False) -> None:
    """Progress lines on stderr: INFO by default, DEBUG with -v, WARNING with -q; with
    `timestamps` (the long-running `schedule`), each line starts with its UTC time."""
    level = logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO
    handler = logging.StreamHandler(sys.stderr)
    if timestamps:
        stamped = logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%d %H:%M:%S UTC")
        stamped.converter = time.gmtime
        handler.setFormatter(stamped)
    else:
        handler.setFormatter(logging.Formatter("%(message)s"))
    root = logging.getLogger("promptbot")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def load_config(explicit: str | None) -> Config:
    """The configuration every command uses, all of it checked before any request; says so
    on stderr when no file is found and the built-in defaults are used."""
    from promptbot import config_checks

    path = config_module.config_path(explicit)
    if path is None:
        log.warning("promptbot: no config file (--config, $%s or ./%s): using the built-in"
                    " defaults", config_module.CONFIG_ENV, config_module.DEFAULT_CONFIG_NAME)
    return config_checks.load(path)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    configure_logging(args.verbose, args.quiet, timestamps=args.command == "schedule")
    try:
        cfg = load_config(args.config)
        code: int = args.handler(args, cfg)
        return code
    except PromptbotError as exc:
        for line in str(exc).splitlines() or [type(exc).__name__]:
            print(f"promptbot: error: {line}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("promptbot: interrupted", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader stopped reading (`promptbot check | head`): stop quietly, as shell tools
        # do. Standard output leads nowhere from here, so the interpreter's last flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
