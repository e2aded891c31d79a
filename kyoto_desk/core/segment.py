"""Cut a UN text into raw blocks: blank-line paragraphs, further split where a new label starts a line.

Declarations are printed one paragraph per block, but plain-text copies often run numbered
paragraphs or lettered subparagraphs together line after line, or hard-wrap one paragraph over
several lines. A line that starts with a label ("12.", "(b)", "b)", "¹") always starts a block; any
other line continues the block above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kyoto_desk.core.markup import SUPERSCRIPT_DIGITS

# "12.", "12 bis.", "(a)", "(iv)", "a)", "¹ footnote"; emphasis marks may wrap the label.
OPERATIVE_LABEL = re.compile(r"^\*{0,2}(\d{1,3})(?:\s?(bis|ter|quater|quinquies))?\.\*{0,2}(?=\s)")
SUB_LABEL = re.compile(r"^\*{0,2}\(([a-z]{1,2}|[ivxlc]{1,6})\)\*{0,2}(?=\s)")
FRENCH_SUB_LABEL = re.compile(r"^\*{0,2}([a-z]{1,2}|[ivxlc]{1,6})\)\*{0,2}(?=\s)")
FOOTNOTE_LINE = re.compile(f"^([{SUPERSCRIPT_DIGITS}]+)\\s")


@dataclass(frozen=True, slots=True)
class RawBlock:
    """Lines of the source that belong together, still with their markup."""

    text: str
    line: int  # 1-based line number in the source, for error messages


def starts_block(line: str) -> bool:
    stripped = line.lstrip()
    return bool(
        OPERATIVE_LABEL.match(stripped)
        or SUB_LABEL.match(stripped)
        or FRENCH_SUB_LABEL.match(stripped)
        or FOOTNOTE_LINE.match(stripped)
    )


def _join(lines: list[str]) -> str:
    out = lines[0].strip()
    for line in lines[1:]:
        piece = line.strip()
        # A word broken at the line end by a hyphen keeps the hyphen ("money-/laundering").
        if out.endswith("-") and piece[:1].islower():
            out += piece
        else:
            out += "\n" + piece
    return out


def segment(text: str) -> list[RawBlock]:
    """Blocks in source order; blank and whitespace-only lines separate them."""
    blocks: list[RawBlock] = []
    current: list[str] = []
    first_line = 0

    def flush() -> None:
        if current:
            blocks.append(RawBlock(_join(current), first_line))
            current.clear()

    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            flush()
            continue
        if current and starts_block(line):
            flush()
        if not current:
            first_line = number
        current.append(line)
    flush()
    return blocks
