"""Word (.docx) files: the ZIP checked against bombs first, then paragraphs, italics, superscripts and
real footnotes (word/footnotes.xml) read from the WordprocessingML with python-docx's XML parser.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from typing import Any

from docx.oxml.parser import parse_xml

from kyoto_desk.errors import ImportFailedError
from kyoto_desk.sources.progress import IsCancelled, Progress, check_cancelled, never_cancelled, no_progress
from kyoto_desk.sources.readers import ReadText
from kyoto_desk.sources.readers.docx_numbering import Numbering
from kyoto_desk.sources.unlayout import SUPERSCRIPT_DIGITS, SYMBOL, relocate_footnotes

log = logging.getLogger(__name__)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # a UN document's .docx unpacks to a few megabytes
MAX_RATIO = 200  # real Office XML compresses about 10:1; bombs compress 1000:1 and more
MAX_ENTRIES = 5000
_BAD_DOCX = "The Word file is damaged or not a .docx document."
_BAD_HINT = "Open it in Word or LibreOffice, save it again as .docx and import it again."


def check_zip(data: bytes, *, max_uncompressed: int = MAX_UNCOMPRESSED) -> zipfile.ZipFile:
    """The archive, opened only after its declared sizes and ratios look like a document, not a bomb.

    zipfile never inflates an entry past its declared size, so checking the declared sizes bounds
    what reading can cost.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    # NotImplementedError: a ZIP feature (version, compression) the standard library cannot read.
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise ImportFailedError(_BAD_DOCX, _BAD_HINT) from exc
    total = sum(e.file_size for e in entries)
    packed = sum(e.compress_size for e in entries)
    if len(entries) > MAX_ENTRIES or total > max_uncompressed or total > MAX_RATIO * max(packed, 1024):
        raise ImportFailedError(
            "The Word file unpacks to far more data than a document holds (a ZIP bomb?); it was not opened.",
            "Import the document from its original source.",
        )
    if "word/document.xml" not in archive.namelist():
        raise ImportFailedError("The ZIP archive is not a Word document (no word/document.xml).", _BAD_HINT)
    return archive


def _xml(archive: zipfile.ZipFile, name: str) -> Any:
    try:
        return parse_xml(archive.read(name))
    except Exception as exc:  # zlib, CRC and lxml errors all mean a damaged part
        log.info("docx part %s unreadable", name, exc_info=exc)
        raise ImportFailedError(_BAD_DOCX, _BAD_HINT) from exc


def _optional_xml(archive: zipfile.ZipFile, name: str) -> Any | None:
    return _xml(archive, name) if name in archive.namelist() else None


def _on(props: Any, tag: str) -> bool:
    element = props.find(f"{W}{tag}") if props is not None else None
    return element is not None and element.get(f"{W}val", "true") not in ("false", "0", "off")


class _ParagraphWriter:
    """Text of one w:p with italics as `*...*`, superscript digits as ¹²³ and footnote references."""

    def __init__(self, numbers: dict[str, int]) -> None:
        self.numbers = numbers
        self.pieces: list[str] = []
        self.italic = False

    def add(self, text: str, italic: bool) -> None:
        if italic != self.italic and text.strip():
            self.pieces.append("*")
            self.italic = italic
        self.pieces.append(text)

    def run(self, run: Any) -> None:
        props = run.find(f"{W}rPr")
        vert = props.find(f"{W}vertAlign") if props is not None else None
        superscript = vert is not None and vert.get(f"{W}val") == "superscript"
        for child in run:
            if child.tag == f"{W}t":
                text = child.text or ""
                if superscript and text.strip().isdigit():
                    text = text.strip().translate(SUPERSCRIPT_DIGITS)
                self.add(text, _on(props, "i"))
            elif child.tag in (f"{W}tab", f"{W}br", f"{W}cr"):
                self.add(" ", self.italic)
            elif child.tag == f"{W}footnoteReference":
                ident = child.get(f"{W}id", "")
                number = self.numbers.setdefault(ident, len(self.numbers) + 1)
                self.add(str(number).translate(SUPERSCRIPT_DIGITS), self.italic)
            elif child.tag == f"{W}footnoteRef":  # the number at the start of the footnote itself
                self.add("\0", False)

    def text(self) -> str:
        if self.italic:
            self.pieces.append("*")
        return "".join(self.pieces).replace("*\0", "\0")


def _paragraph_text(paragraph: Any, numbers: dict[str, int]) -> str:
    writer = _ParagraphWriter(numbers)
    for run in paragraph.iter(f"{W}r"):
        if any(a.tag == f"{W}del" for a in run.iterancestors()):  # tracked deletions are not text
            continue
        writer.run(run)
    return writer.text()


def _footnotes(archive: zipfile.ZipFile, numbers: dict[str, int]) -> list[str]:
    if "word/footnotes.xml" not in archive.namelist():
        return []
    root = _xml(archive, "word/footnotes.xml")
    notes: list[str] = []
    for note in root.iter(f"{W}footnote"):
        number = numbers.get(note.get(f"{W}id", ""))
        if number is None:  # separators and notes nobody refers to
            continue
        text = " ".join(_paragraph_text(p, numbers) for p in note.iter(f"{W}p"))
        text = text.replace("\0", "").strip()
        notes.append(f"{str(number).translate(SUPERSCRIPT_DIGITS)} {text}")
    return notes


def read_docx(
    data: bytes,
    *,
    progress: Progress = no_progress,
    is_cancelled: IsCancelled = never_cancelled,
    max_uncompressed: int = MAX_UNCOMPRESSED,
) -> ReadText:
    """The normalised text of a .docx: body paragraphs in order, footnotes after their paragraphs."""
    archive = check_zip(data, max_uncompressed=max_uncompressed)
    root = _xml(archive, "word/document.xml")
    body = root.find(f"{W}body")
    if body is None:
        raise ImportFailedError(_BAD_DOCX, _BAD_HINT)
    numbers: dict[str, int] = {}
    numbering = Numbering(
        _optional_xml(archive, "word/numbering.xml"), _optional_xml(archive, "word/styles.xml")
    )
    paragraphs = list(body.iter(f"{W}p"))
    texts: list[str] = []
    for index, paragraph in enumerate(paragraphs, start=1):
        if index % 200 == 0:
            check_cancelled(is_cancelled, "The Word import")
            progress(index / len(paragraphs))
        label = numbering.label(paragraph)
        text = _paragraph_text(paragraph, numbers)
        texts.append(f"{label} {text}" if label and text.strip() else text)
    texts += _footnotes(archive, numbers)
    progress(1.0)
    text = relocate_footnotes(texts)
    if not text.strip():
        raise ImportFailedError("The Word file holds no text.", "Check that it is the document you meant.")
    return ReadText(text, symbols=_header_symbols(archive), title=_core_title(archive))


def _header_symbols(archive: zipfile.ZipFile) -> tuple[str, ...]:
    """Symbols in the page headers, where UN Word files print them."""
    found: list[str] = []
    for name in sorted(n for n in archive.namelist() if re.fullmatch(r"word/header\d*\.xml", n)):
        texts = "".join(t.text or "" for t in _xml(archive, name).iter(f"{W}t"))
        found += [m.group(0) for m in SYMBOL.finditer(texts) if m.group(0) not in found]
    return tuple(found)


def _core_title(archive: zipfile.ZipFile) -> str:
    if "docProps/core.xml" not in archive.namelist():
        return ""
    try:
        root = parse_xml(archive.read("docProps/core.xml"))
    except Exception:  # the title is a nicety; a damaged core part does not stop the import
        return ""
    title = root.find("{http://purl.org/dc/elements/1.1/}title")
    return (title.text or "").strip() if title is not None else ""
