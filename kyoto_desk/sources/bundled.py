"""The texts that ship with the app, found by alias (`kyoto`) through their metadata records."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kyoto_desk.core.model import Document, DocumentInfo
from kyoto_desk.core.parser import parse_text
from kyoto_desk.errors import InputError, UnknownDocumentError
from kyoto_desk.paths import texts_dir


@dataclass(frozen=True, slots=True)
class BundledText:
    """A metadata record of `texts/` and the file it describes."""

    alias: str
    path: Path
    sha256: str
    info: DocumentInfo


def _record(meta_path: Path) -> BundledText:
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    info = DocumentInfo(
        title=meta["title"],
        symbols=tuple(meta["symbols"]),
        year=meta.get("year"),
        language=meta.get("language", "en"),
        congress=meta.get("congress", ""),
        source=meta.get("source", ""),
        alias=meta["alias"],
    )
    return BundledText(meta["alias"], meta_path.with_name(meta["file"]), meta["sha256"], info)


@cache
def bundled_texts() -> dict[str, BundledText]:
    """Every bundled text by alias."""
    records = (_record(p) for p in sorted(texts_dir().glob("*.json")))
    return {r.alias: r for r in records}


def read_bundled(alias: str) -> str:
    """The bundled text's content, checked against its recorded sha256."""
    try:
        record = bundled_texts()[alias.lower()]
    except KeyError:
        known = ", ".join(sorted(bundled_texts()))
        raise UnknownDocumentError(
            f"No bundled text is called {alias!r}.", f"Known aliases: {known}."
        ) from None
    raw = record.path.read_bytes()
    if hashlib.sha256(raw).hexdigest() != record.sha256:
        raise InputError(
            f"The bundled text {record.path.name} does not match its recorded checksum.",
            "Reinstall Kyoto Desk; the installation has been altered.",
        )
    return raw.decode("utf-8")


@cache
def load_bundled(alias: str) -> Document:
    """The parsed bundled document (the whole source; `.declaration()` gives the annexed text)."""
    record = bundled_texts().get(alias.lower())
    text = read_bundled(alias)
    assert record is not None  # read_bundled raised otherwise
    return parse_text(text, record.info)
