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

# Each module registers one subcommand; a newcomer adds a command by adding a module here. Only the
# module of the command being run is imported, so the window and `--version` start without loading
# python-docx, SQLAlchemy or the PDF reader.
COMMAND_MODULES = {
    "parse": "kyoto_desk.commands.parse",
    "compare": "kyoto_desk.commands.compare",
    "library": "kyoto_desk.commands.library",
    "annotations": "kyoto_desk.commands.annotations",
    "briefing": "kyoto_desk.commands.briefing",
}
_OPTIONS_WITH_VALUE = ("--data-dir",)

EXIT_OK = 0
EXIT_USER_ERROR = 2


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand named in `argv`, "" for none at all, None when something else stands there."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in _OPTIONS_WITH_VALUE:
            skip = True
        elif token in ("-h", "--help"):
            return None
        elif not token.startswith("-"):
            return token if token in COMMAND_MODULES else None
    return ""


def build_parser(commands: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser with `commands` registered (all of them when None)."""
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
    for name in COMMAND_MODULES if commands is None else commands:
        import_module(COMMAND_MODULES[name]).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = _command_in(arguments)
    parser = build_parser(None if command is None else [command] if command else [])
    args = parser.parse_args(arguments)
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
