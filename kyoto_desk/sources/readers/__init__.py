"""One reader per input format; each turns raw bytes into the normalised text the core parser takes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReadText:
    """What a reader got out of a file: the normalised text and what the layout said about it."""

    text: str
    symbols: tuple[str, ...] = ()  # symbols printed in page headers (PDF) or the page title (HTML)
    title: str = ""  # a title the file declares (PDF metadata, HTML <title>, DOCX core properties)
