"""Inline clean-up of UN texts: markdown residue, emphasis and superscript footnote markers.

Texts copied from the UN documents site or converted from Word often carry markdown left-overs
(`[70/174](#)`, `\\(VII\\)`, `*Expresses*`). They are removed here; emphasis is kept as spans so a view
can still set operative verbs in italics, and footnote markers are kept as (number, offset) pairs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_INT = {c: str(i) for i, c in enumerate(SUPERSCRIPT_DIGITS)}

_LINK = re.compile(r"\[([^\]\n]*)\]\((?:#|[^)\s]*)\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MARKER = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f]+")


@dataclass(frozen=True, slots=True)
class CleanText:
    """Text with markup removed, italic spans and footnote markers located in it."""

    text: str
    emphasis: tuple[tuple[int, int], ...] = ()
    markers: tuple[tuple[int, int], ...] = ()  # (footnote number, offset in text)


def superscript_number(marker: str) -> int:
    """The integer a run of superscript digits spells (`¹²` → 12)."""
    return int("".join(_SUPER_TO_INT[c] for c in marker))


def normalise_source(raw: str) -> str:
    """Unicode NFC, Unix line ends, no BOM, no control characters but newlines and tabs."""
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    # NFC composes accents but leaves superscript digits alone, which the parser needs (NFKC would not).
    return unicodedata.normalize("NFC", text)


def strip_links_and_escapes(text: str) -> str:
    """`[70/174](#)` → `70/174`, `\\(VII\\)` → `(VII)`."""
    return _ESCAPE.sub(r"\1", _LINK.sub(r"\1", text))


def _strip_emphasis(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    # Asterisks and underscores in these texts are only ever emphasis marks; a lone one is dropped too.
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    i = 0
    while i < len(text):
        char = text[i]
        if char == "*":
            while i < len(text) and text[i] == "*":
                i += 1
            position = sum(len(p) for p in out)
            if open_at is None:
                open_at = position
            else:
                if position > open_at:
                    spans.append((open_at, position))
                open_at = None
            continue
        out.append(char)
        i += 1
    return "".join(out), tuple(spans)


def _take_markers(text: str) -> tuple[str, tuple[tuple[int, int], ...], list[int]]:
    """Remove superscript markers; return text, markers and the removed positions (for span fixing)."""
    out: list[str] = []
    markers: list[tuple[int, int]] = []
    removed_at: list[int] = []
    cursor = 0
    length = 0
    for match in _MARKER.finditer(text):
        piece = text[cursor : match.start()]
        out.append(piece)
        length += len(piece)
        markers.append((superscript_number(match.group()), length))
        removed_at.extend([match.start()] * (match.end() - match.start()))
        cursor = match.end()
    out.append(text[cursor:])
    return "".join(out), tuple(markers), removed_at


def _shift(position: int, removed: list[int]) -> int:
    return position - sum(1 for r in removed if r < position)


def clean_inline(text: str) -> CleanText:
    """Clean one paragraph: markup gone, spaces folded, emphasis spans and markers located."""
    flat = _SPACES.sub(" ", strip_links_and_escapes(text).replace("\n", " ")).strip()
    plain, emphasis = _strip_emphasis(flat)
    # Emphasis removal can leave double spaces at the seams ("* Ibid.*").
    plain, emphasis = _fold_spaces(plain, emphasis)
    without, markers, removed = _take_markers(plain)
    shifted = tuple((_shift(s, removed), _shift(e, removed)) for s, e in emphasis)
    return CleanText(without, tuple((s, e) for s, e in shifted if e > s), markers)


def _fold_spaces(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, tuple[tuple[int, int], ...]]:
    stripped_left = len(text) - len(text.lstrip(" "))
    if "  " not in text and stripped_left == 0 and not text.endswith(" "):
        return text, spans
    keep = [
        i
        for i, c in enumerate(text)
        if not (c == " " and (i + 1 >= len(text) or text[i + 1] == " " or i < stripped_left))
    ]
    new_index = {old: new for new, old in enumerate(keep)}

    def remap(position: int) -> int:
        while position < len(text) and position not in new_index:
            position += 1
        return new_index.get(position, len(keep))

    return "".join(text[i] for i in keep), tuple((remap(s), remap(e)) for s, e in spans)
