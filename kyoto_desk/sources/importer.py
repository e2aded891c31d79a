"""Read any supported file: choose the reader by the file's first bytes, then detect its metadata."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path, PurePath

from kyoto_desk.core.model import Document, DocumentInfo
from kyoto_desk.errors import ImportFailedError, InputError, ParseError
from kyoto_desk.sources.progress import IsCancelled, Progress, never_cancelled, no_progress
from kyoto_desk.sources.readers import ReadText
from kyoto_desk.sources.unlayout import SYMBOL

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # the largest UN PDFs (reports with annexes) are a few MB
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_DATE = re.compile(
    r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December)"
    r" (\d{4})\b"
)
_MONTHS = "January February March April May June July August September October November December".split()
_REFUSED = (
    (b"\xd0\xcf\x11\xe0", "an old Word 97-2003 (.doc) file", "Save it as .docx in Word or LibreOffice."),
    (b"{\\rtf", "an RTF file", "Save it as .docx or PDF."),
    (b"\x89PNG", "an image", "OCR is not supported: import the PDF or Word file."),
    (b"\xff\xd8\xff", "an image", "OCR is not supported: import the PDF or Word file."),
    (b"GIF8", "an image", "OCR is not supported: import the PDF or Word file."),
)


@dataclass(frozen=True, slots=True)
class ImportedText:
    """A file's normalised text and what was detected about it."""

    text: str
    format: str  # "pdf", "docx", "html" or "text"
    symbol: str = ""
    title: str = ""
    date: str = ""  # ISO date of the first date printed in the header, if any
    year: int | None = None
    original_name: str = ""
    original_sha256: str = ""

    def info(self, language: str = "en", source: str = "") -> DocumentInfo:
        return DocumentInfo(
            title=self.title,
            symbols=(self.symbol,) if self.symbol else (),
            year=self.year,
            language=language,
            source=source or self.original_name,
        )


def detect_format(data: bytes) -> str:
    """ "pdf", "docx", "html" or "text" by magic bytes; InputError for formats Kyoto Desk cannot read."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    for magic, what, hint in _REFUSED:
        if data.startswith(magic):
            raise InputError(f"The file is {what}, which Kyoto Desk cannot import.", hint)
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return "html"
    return "text"


def read_bytes(
    data: bytes,
    *,
    name: str = "",
    progress: Progress = no_progress,
    is_cancelled: IsCancelled = never_cancelled,
) -> ImportedText:
    """The ImportedText of a file's bytes; ImportFailedError or InputError with a hint if unreadable."""
    kind = detect_format(data)
    _check_name_matches(name, kind)
    read = _read(kind, data, progress, is_cancelled)
    progress(1.0)  # HTML and text readers report nothing along the way
    text = read.text
    date = _first_date(text)
    return ImportedText(
        text=text,
        format=kind,
        symbol=read.symbols[0] if read.symbols else _header_symbol(text),
        title=read.title,
        date=date,
        year=int(date[:4]) if date else None,
        original_name=name,
        original_sha256=hashlib.sha256(data).hexdigest(),
    )


_BINARY_SUFFIXES = {".pdf": ("pdf", "a PDF"), ".docx": ("docx", "a Word document")}


def _check_name_matches(name: str, kind: str) -> None:
    """A file named .pdf or .docx whose bytes are neither is damaged: say so, not "wrong encoding"."""
    expected = _BINARY_SUFFIXES.get(PurePath(name).suffix.lower())
    if expected is not None and kind != expected[0] and kind in ("text", "html"):
        raise ImportFailedError(
            f"{name} is named like {expected[1]} but its contents are not: "
            "the file is damaged or mislabelled.",
            "Download the file again from its source and import it again.",
        )


def _read(kind: str, data: bytes, progress: Progress, is_cancelled: IsCancelled) -> ReadText:
    # Readers are imported when needed: pdfplumber takes a while to load and most runs need one reader.
    if kind == "pdf":
        from kyoto_desk.sources.readers.pdf import read_pdf

        return read_pdf(data, progress=progress, is_cancelled=is_cancelled)
    if kind == "docx":
        from kyoto_desk.sources.readers.docx import read_docx

        return read_docx(data, progress=progress, is_cancelled=is_cancelled)
    if kind == "html":
        from kyoto_desk.sources.readers.html import read_html

        return read_html(data)
    from kyoto_desk.sources.readers.text import read_text

    return read_text(data)


def read_limited(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of the file at `path`, refusing files over `max_bytes` before reading them."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path.name} is {size / 1e6:.1f} MB, over the import limit of {max_bytes / 1e6:.1f} MB.",
                "Raise the limit (--max-size) if the file really is a UN document.",
            )
        return path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputError(f"Cannot read {path}: {reason}.", "Check the path and permissions.") from exc


def read_file(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress = no_progress,
    is_cancelled: IsCancelled = never_cancelled,
) -> ImportedText:
    """The ImportedText of the file at `path` (see `read_limited` and `read_bytes`)."""
    data = read_limited(path, max_bytes)
    return read_bytes(data, name=path.name, progress=progress, is_cancelled=is_cancelled)


def parse_imported(imported: ImportedText, info: DocumentInfo | None = None) -> Document:
    """The Document of an imported text; a text with no UN paragraphs is an ImportFailedError."""
    from kyoto_desk.core.parser import parse_text

    try:
        return parse_text(imported.text, info or imported.info())
    except ParseError as exc:
        raise ImportFailedError(f"{imported.original_name or 'The file'}: {exc.message}", exc.hint) from exc


def _first_date(text: str) -> str:
    match = _DATE.search(text[:3000])
    if not match:
        return ""
    day, month, year = match.groups()
    return f"{year}-{_MONTHS.index(month) + 1:02d}-{int(day):02d}"


def _header_symbol(text: str) -> str:
    """A symbol printed alone on one of the first lines (text and DOCX files keep their header)."""
    for line in text.splitlines()[:40]:
        if SYMBOL.fullmatch(line.strip()):
            return line.strip()
    return ""
