"""Who the application is: name, id, version, licence, and where its bundled texts come from.

One place for what the About dialog, the packaging (desktop entry, AppStream, installers) and
`--version` show, so they never disagree. Pure Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kyoto_desk import APP_NAME, __version__
from kyoto_desk.paths import resources_dir
from kyoto_desk.sources.bundled import bundled_texts

NAME = APP_NAME
VERSION = __version__
APP_ID = "io.github.kyotodesk.KyotoDesk"
"""Reverse-DNS id: the desktop entry, AppStream metainfo, icon name and macOS bundle id use it."""

EXECUTABLE = "kyoto-desk"
ORGANISATION = "Kyoto Desk developers"
SUMMARY = "Compare, annotate and brief on UN declarations side by side"
DESCRIPTION = (
    "Kyoto Desk puts two UN declarations, or two drafts of one, side by side: it aligns their "
    "paragraphs, shows what changed word by word, marks agreed and new language, lets you annotate "
    "spans offline, and writes Word briefings. It works without a network connection."
)
LICENCE_NAME = "MIT"
COPYRIGHT = f"Copyright (c) 2026 {ORGANISATION}"
# One line per paragraph, so the About dialog wraps the text to its own width.
LICENCE_TEXT = "\n\n".join(
    (
        "MIT License",
        COPYRIGHT,
        "Permission is hereby granted, free of charge, to any person obtaining a copy of this software "
        'and associated documentation files (the "Software"), to deal in the Software without '
        "restriction, including without limitation the rights to use, copy, modify, merge, publish, "
        "distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the "
        "Software is furnished to do so, subject to the following conditions:",
        "The above copyright notice and this permission notice shall be included in all copies or "
        "substantial portions of the Software.",
        'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING '
        "BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND "
        "NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, "
        "DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, "
        "OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.",
    )
)

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""The PNG sizes shipped in resources/icons (made by packaging/make_icons.py)."""


@dataclass(frozen=True, slots=True)
class TextSource:
    """Where one bundled text comes from, as its metadata record in texts/ says."""

    alias: str
    title: str
    symbols: tuple[str, ...]
    source: str
    file_name: str


def bundled_sources() -> tuple[TextSource, ...]:
    """The sources of every bundled text, ordered by alias."""
    return tuple(
        TextSource(
            alias=record.alias,
            title=record.info.title,
            symbols=record.info.symbols,
            source=record.info.source,
            file_name=record.path.name,
        )
        for _, record in sorted(bundled_texts().items())
    )


def icons_dir() -> Path:
    return resources_dir() / "icons"


def icon_png(size: int) -> Path:
    """The application icon as a PNG of `size` pixels (one of ICON_SIZES)."""
    if size not in ICON_SIZES:
        raise ValueError(f"No {size}px icon is shipped; sizes are {ICON_SIZES}.")
    return icons_dir() / f"kyoto-desk-{size}.png"


def icon_svg() -> Path:
    return icons_dir() / "kyoto-desk.svg"
