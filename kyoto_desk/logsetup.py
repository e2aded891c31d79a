"""Logging: details go to a rotating log file in the data directory, never into a dialog."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
from pathlib import Path

from kyoto_desk.paths import log_file

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(data: Path, *, verbose: bool = False) -> Path:
    """Send log records to the data directory's log file (and to stderr when verbose)."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG)
    for handler in list(root.handlers):
        if getattr(handler, "_kyoto_desk", False):
            root.removeHandler(handler)
            handler.close()
    path = log_file(data)
    handlers: list[logging.Handler] = []
    # A read-only data directory must not stop the program; stderr still works.
    with contextlib.suppress(OSError):
        handlers.append(
            logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        )
    if verbose:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.setLevel(logging.DEBUG if verbose else logging.INFO)
        handler._kyoto_desk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    return path
