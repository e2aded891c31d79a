"""Where things live: the bundled texts and resources, and the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from kyoto_desk import APP_NAME

DATA_ENV = "KYOTO_DESK_DATA"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped_dir(name: str) -> Path:
    # In a source checkout the folders sit beside the package; in a bundle they are copied into it.
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"The shipped folder {name!r} is missing from this installation.")


def texts_dir() -> Path:
    """The folder of bundled texts and their metadata records."""
    return _shipped_dir("texts")


def resources_dir() -> Path:
    """The folder of shipped resources (theme lexicon, icons)."""
    return _shipped_dir("resources")


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data directory: `override`, else $KYOTO_DESK_DATA, else the platform's default.

    Created on first use. Never next to the executable, so a read-only install works.
    """
    chosen = override or os.environ.get(DATA_ENV) or platformdirs.user_data_dir(APP_NAME, appauthor=False)
    path = Path(chosen).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file(data: Path) -> Path:
    """The log file inside a data directory: details of every error shown to the user go here."""
    return data / "kyoto-desk.log"
