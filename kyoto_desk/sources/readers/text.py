"""Plain text and Markdown: detect the encoding by a fixed rule, refuse binary junk."""

from __future__ import annotations

import codecs
import unicodedata

from kyoto_desk.errors import InputError
from kyoto_desk.sources.readers import ReadText

# Control characters other than tab, newline, carriage return and form feed never occur in a
# real text file; more than this share of them means the bytes are binary.
_MAX_CONTROL_SHARE = 0.001
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f")


def detect_encoding(data: bytes) -> str:
    """The encoding of `data`, by one rule a user can predict.

    A byte order mark decides first (UTF-8, UTF-16, UTF-32). Without one, bytes that decode as
    UTF-8 are UTF-8. Otherwise cp1252 (Windows Western), which is what Word's "Plain text" export
    and older UN text files use, but only when the bytes use none of the five code points cp1252
    leaves undefined; anything else is refused rather than guessed.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(
            "The file is in an encoding Kyoto Desk does not recognise (not UTF-8, UTF-16 or Windows-1252).",
            "Save it again as UTF-8 text and import it again.",
        ) from None
    return "cp1252"


def _refuse_binary(text: str) -> None:
    if "\x00" in text:
        raise InputError("The file holds binary data, not text.", "Import a PDF, Word, HTML or text file.")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise InputError("The file holds binary data, not text.", "Import a PDF, Word, HTML or text file.")


def decode_text(data: bytes) -> str:
    """`data` decoded by `detect_encoding`, with newlines normalised to "\\n"; binary data refused."""
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(
            f"The file claims to be {encoding} but is not valid {encoding}.",
            "Save it again as UTF-8 text and import it again.",
        ) from None
    _refuse_binary(text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")


def read_text(data: bytes) -> ReadText:
    """A TXT or MD file as normalised text: already in the parser's shape, so only decoded and trimmed."""
    text = decode_text(data).strip()
    if not text:
        raise InputError("The file is empty.", "Choose a file that holds the text of a document.")
    return ReadText(text + "\n")
