"""PDF with a text layer, read with pdfplumber: characters with positions, sizes and fonts become page
lines in the form `sources.unlayout` cleans (superscript markers as ¹²³, italics as `*...*`, a blank
line at each paragraph gap, a line of underscores at the footnote rule).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import logging
import re
import statistics
from dataclasses import dataclass, field
from typing import Any

import pdfplumber

from kyoto_desk.errors import ImportFailedError
from kyoto_desk.sources.progress import IsCancelled, Progress, check_cancelled, never_cancelled, no_progress
from kyoto_desk.sources.readers import ReadText
from kyoto_desk.sources.unlayout import SUPERSCRIPT_DIGITS, clean_pages, document_symbols

log = logging.getLogger(__name__)

Char = dict[str, Any]
SEPARATOR_LINE = "__________"
_ITALIC_FONT = re.compile(r"italic|oblique|-it$|-bi$|it$", re.IGNORECASE)
_PARAGRAPH_PITCH = 1.55  # line pitch, in font sizes, above which a gap separates paragraphs
_COLUMN_GAP = 5.0  # a gap wider than this many font sizes separates two blocks printed side by side
_SUPERSCRIPT_SIZE = 0.8  # a superscript is at most this share of its line's font size
_NO_TEXT = "The PDF has no text layer: OCR is not supported."
_NO_TEXT_HINT = "Get the text version from the UN documents site (documents.un.org) or import a Word file."


@dataclass
class _Line:
    top: float
    bottom: float
    chars: list[Char] = field(default_factory=list)

    @property
    def size(self) -> float:
        return max(float(c["size"]) for c in self.chars)


def read_pdf(
    data: bytes, *, progress: Progress = no_progress, is_cancelled: IsCancelled = never_cancelled
) -> ReadText:
    """The normalised text of a PDF; ImportFailedError if it is encrypted, corrupt or has no text."""
    pages = extract_page_lines(data, progress=progress, is_cancelled=is_cancelled)
    if not any(line.strip() for page in pages for line in page):
        raise ImportFailedError(_NO_TEXT, _NO_TEXT_HINT)
    return ReadText(clean_pages(pages), document_symbols(pages))


def extract_page_lines(
    data: bytes, *, progress: Progress = no_progress, is_cancelled: IsCancelled = never_cancelled
) -> list[list[str]]:
    """Each page's lines, top to bottom, before any layout clean-up."""
    # pdfminer raises many types (syntax, type, key, recursion errors) on hostile input, at open,
    # page listing or page reading alike; every one of them means "unreadable".
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        page_objects = list(pdf.pages)
    except Exception as exc:
        raise _unreadable(exc) from exc
    pages: list[list[str]] = []
    try:
        for number, page in enumerate(page_objects, start=1):
            check_cancelled(is_cancelled, "The PDF import")
            try:
                pages.append(_page_lines(page))
            except Exception as exc:
                raise _unreadable(exc) from exc
            progress(number / len(page_objects))
    finally:
        with contextlib.suppress(Exception):  # closing a damaged file must not hide the real error
            pdf.close()
    return pages


def _unreadable(exc: Exception) -> ImportFailedError:
    log.info("pdf unreadable", exc_info=exc)
    # pdfplumber wraps pdfminer's PDFPasswordIncorrect in its own exception: look at the cause too.
    described = " ".join(f"{type(e).__name__} {e}" for e in (exc, *getattr(exc, "args", ())))
    if "password" in described.lower() or "encrypt" in described.lower():
        return ImportFailedError(
            "The PDF is encrypted (password-protected).",
            "Open it with its password, save an unprotected copy.",
        )
    return ImportFailedError(
        "The PDF is damaged or not a PDF.", "Download the file again and import it again."
    )


def _page_lines(page: Any) -> list[str]:
    chars = [c for c in page.chars if c.get("upright", True) and c["text"] != ""]
    lines = _group_lines(chars)
    separator = _separator_top(page)
    out: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if separator is not None and line.top > separator:
            out.append(SEPARATOR_LINE)
            separator = None
        elif previous is not None and line.top - previous.top > _PARAGRAPH_PITCH * previous.size:
            out.append("")
        segments = [_line_text(_Line(line.top, line.bottom, part)) for part in _columns(line)]
        out.extend(segment for pair in zip(segments, [""] * len(segments), strict=True) for segment in pair)
        out.pop()  # no gap after the last segment: the next line may go on with the same paragraph
        previous = line
    return out


def _columns(line: _Line) -> list[list[Char]]:
    """The line cut where text sits far apart, as on a first page: "General Assembly" on the left,
    "Distr.: General" on the right. Such pieces are separate paragraphs, not one line."""
    chars = sorted(line.chars, key=lambda c: float(c["x0"]))
    parts: list[list[Char]] = [[chars[0]]]
    for before, char in itertools.pairwise(chars):
        if float(char["x0"]) - float(before["x1"]) > _COLUMN_GAP * line.size:
            parts.append([])
        parts[-1].append(char)
    return parts


def _group_lines(chars: list[Char]) -> list[_Line]:
    """Characters grouped into lines by vertical overlap, so raised superscripts stay on their line."""
    lines: list[_Line] = []
    for char in sorted(chars, key=lambda c: (float(c["top"]), float(c["x0"]))):
        top, bottom = float(char["top"]), float(char["bottom"])
        height = max(bottom - top, 0.1)
        for line in reversed(lines[-3:]):
            if min(bottom, line.bottom) - max(top, line.top) >= 0.5 * min(height, line.bottom - line.top):
                line.chars.append(char)
                line.top, line.bottom = min(line.top, top), max(line.bottom, bottom)
                break
        else:
            lines.append(_Line(top, bottom, [char]))
    return sorted(lines, key=lambda ln: ln.top)


def _separator_top(page: Any) -> float | None:
    """The top of the short rule that opens a footnote area, if the page draws one."""
    half = float(page.height) / 2
    rules = [
        float(obj["top"])
        for obj in [*page.lines, *page.rects, *page.curves]
        if float(obj["top"]) > half
        and abs(float(obj["bottom"]) - float(obj["top"])) < 2
        and 20 < float(obj["x1"]) - float(obj["x0"]) < float(page.width) / 2
    ]
    return min(rules) if rules else None


def _line_text(line: _Line) -> str:
    chars = sorted(line.chars, key=lambda c: float(c["x0"]))
    size = line.size
    baseline = max(float(c["bottom"]) for c in chars if float(c["size"]) > _SUPERSCRIPT_SIZE * size)
    threshold = _word_gap(chars, size)
    pieces: list[str] = []
    italic = False
    previous: Char | None = None
    for char in chars:
        text = _char_text(char, size, baseline)
        if text == " ":
            previous = None if pieces and pieces[-1] == " " else char
            pieces.append(" ")
            continue
        if (
            previous is not None
            and float(char["x0"]) - float(previous["x1"]) > threshold
            and pieces[-1:] != [" "]
        ):
            pieces.append(" ")
        is_italic = bool(_ITALIC_FONT.search(str(char["fontname"]))) and text.isprintable()
        if is_italic != italic and text[0] not in "⁰¹²³⁴⁵⁶⁷⁸⁹":
            # A run closes against its last letter ("*Recalling* its"), not after the space.
            closing_after_space = not is_italic and pieces[-1:] == [" "]
            pieces.insert(len(pieces) - 1 if closing_after_space else len(pieces), "*")
            italic = is_italic
        pieces.append(text)
        previous = char
    if italic:
        pieces.append("*")
    return "".join(pieces).strip()


def _char_text(char: Char, size: float, baseline: float) -> str:
    text = str(char["text"])
    if text.isspace():
        return " "
    if not text.isprintable():  # an unmapped glyph, most often a lost ligature
        return "\ufffd"
    small = float(char["size"]) <= _SUPERSCRIPT_SIZE * size
    raised = float(char["bottom"]) < baseline - 0.15 * size
    if text.isdigit() and small and raised:
        return text.translate(SUPERSCRIPT_DIGITS)
    return text


def _word_gap(chars: list[Char], size: float) -> float:
    """The gap above which two characters belong to different words, adapted to letter spacing."""
    gaps = [float(b["x0"]) - float(a["x1"]) for a, b in itertools.pairwise(chars)]
    typical = statistics.median(gaps) if gaps else 0.0
    return max(typical, 0.0) + 0.18 * size
