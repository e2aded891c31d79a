"""The `kyoto-desk` command: no subcommand opens the window; subcommands run headless."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from importlib import import_module

from kyoto_desk import __version__
from kyoto_desk.errors import KyotoDeskError
from kyoto_desk.logsetup import configure_logging
from kyoto_desk.paths import data_dir

log = logging.getLogger(__name__)

# Each module registers one subcommand; a newcomer adds a command by adding a module here.
COMMAND_MODULES = (
    "kyoto_desk.commands.parse",
    "kyoto_desk.commands.compare",
    "kyoto_desk.commands.library",
    "kyoto_desk.commands.annotations",
    "kyoto_desk.commands.briefing",
)

EXIT_OK = 0
EXIT_USER_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kyoto-desk",
        description="Compare, annotate and brief on UN declarations. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"kyoto-desk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the library and the database live (default: $KYOTO_DESK_DATA or the platform's "
        "user data directory)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real missing dependency, not a command still to come
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        data = data_dir(args.data_dir)
    except OSError as exc:
        sys.stderr.write(f"kyoto-desk: cannot use the data directory: {exc}\n")
        return EXIT_USER_ERROR
    args.data_dir = data
    configure_logging(data, verbose=args.verbose)
    if args.command is None:
        from kyoto_desk.app import run_app

        return run_app(data)
    try:
        result: int = args.func(args)
    except KyotoDeskError as exc:
        log.info("command %s failed: %s", args.command, exc, exc_info=True)
        sys.stderr.write(f"kyoto-desk: {exc.user_text()}\n")
        return EXIT_USER_ERROR
    except BrokenPipeError:  # `kyoto-desk parse kyoto | head` is fine
        return EXIT_OK
    return result


if __name__ == "__main__":
    sys.exit(main())
