"""The document library: originals under `<data>/library/<sha256>.<ext>`, texts and metadata in the store.

Every function opens the store for its own call and returns frozen values, so a UI can run them on
a worker thread and keep the results. Nothing is written until the file has been read and parsed:
a file that fails to import leaves the library as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from kyoto_desk.core.align import align_units
from kyoto_desk.core.anchor import CarriedAnnotation
from kyoto_desk.core.annotation import key_of
from kyoto_desk.core.model import Document, DocumentInfo
from kyoto_desk.core.parser import parse_text
from kyoto_desk.errors import StoreError
from kyoto_desk.sources.importer import (
    DEFAULT_MAX_BYTES,
    ImportedText,
    parse_imported,
    read_bytes,
    read_limited,
)
from kyoto_desk.sources.progress import IsCancelled, Progress, never_cancelled, no_progress
from kyoto_desk.sources.undocs import fetch_symbol
from kyoto_desk.store.anchoring import carry_forward_stored
from kyoto_desk.store.db import DB_NAME, Store, open_store
from kyoto_desk.store.documents import (
    DocumentRecord,
    add_document,
    find_document,
    get_document,
    list_documents,
    remove_document,
)

LIBRARY_DIR = "library"
_EXTENSIONS = {"pdf": "pdf", "docx": "docx", "html": "html", "text": "txt"}


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One document of the library, detached from the database."""

    id: int
    key: str
    symbol: str
    title: str
    year: int | None
    language: str
    congress: str
    source: str
    sha256: str
    original_name: str | None
    original_sha256: str | None
    original_path: str | None
    imported_at: datetime
    version_of: int | None


@dataclass(frozen=True, slots=True)
class AddResult:
    """What adding a file did: the entry, whether it is new, and the parsed document."""

    entry: LibraryEntry
    created: bool
    document: Document
    carried: tuple[CarriedAnnotation, ...] = ()  # annotations of the previous version, carried over


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the user said about a file; empty fields are filled from the file itself."""

    symbol: str = ""
    title: str = ""
    year: int | None = None
    language: str = "en"
    congress: str = ""
    source: str = ""


def _entry(record: DocumentRecord) -> LibraryEntry:
    return LibraryEntry(
        record.id,
        record.key,
        record.symbol,
        record.title,
        record.year,
        record.language,
        record.congress,
        record.source,
        record.sha256,
        record.original_name,
        record.original_sha256,
        record.original_path,
        record.imported_at,
        record.version_of,
    )


@contextlib.contextmanager
def _store(data_dir: Path) -> Iterator[Store]:
    store = open_store(data_dir)
    try:
        yield store
    finally:
        store.close()


def write_original(data_dir: Path, data: bytes, sha256: str, kind: str) -> tuple[str, bool]:
    """The original's path relative to `data_dir`, written atomically unless already there."""
    relative = f"{LIBRARY_DIR}/{sha256}.{_EXTENSIONS[kind]}"
    target = data_dir / relative
    if target.exists():
        return relative, False
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return relative, True


def _info(imported: ImportedText, meta: Metadata) -> DocumentInfo:
    return DocumentInfo(
        title=meta.title or imported.title,
        symbols=tuple(s for s in (meta.symbol or imported.symbol,) if s),
        year=meta.year or imported.year,
        language=meta.language,
        congress=meta.congress,
        source=meta.source or imported.original_name,
    )


def add_imported(data_dir: Path, data: bytes, imported: ImportedText, meta: Metadata) -> AddResult:
    """Store an imported file: parsed first (so a failure stores nothing), then original, then record."""
    document = parse_imported(imported, _info(imported, meta))
    info = document.info
    relative, wrote = write_original(data_dir, data, imported.original_sha256, imported.format)
    try:
        with _store(data_dir) as store, store.session() as session:
            record, created = add_document(
                session,
                text=imported.text,
                symbol=info.symbols[0] if info.symbols else "",
                title=info.title or imported.original_name,
                year=info.year,
                language=info.language,
                congress=info.congress,
                source=info.source,
                original_name=imported.original_name or None,
                original_sha256=imported.original_sha256,
                original_path=relative,
            )
            entry = _entry(record)
            carried = _carry_from_previous(session, record, document) if created else ()
    except BaseException:
        if wrote:  # the record never came to be: do not leave its original behind
            (data_dir / relative).unlink(missing_ok=True)
        raise
    return AddResult(entry, created, document, carried)


def _carry_from_previous(
    session: Session, record: DocumentRecord, document: Document
) -> tuple[CarriedAnnotation, ...]:
    """A new version of a symbol takes the annotations of the version before it, re-anchored.

    Same transaction as the new record: either both are stored or neither. Each copy is marked
    kept / modified / moved / deleted; the older version keeps its own annotations untouched.
    """
    if record.version_of is None:
        return ()
    previous = get_document(session, record.version_of)
    if previous is None:
        return ()
    older = parse_text(previous.text, previous.info())
    alignment = align_units(older.declaration(), document.declaration())
    return tuple(carry_forward_stored(session, key_of(older), key_of(document), document, alignment))


def add_file(
    data_dir: Path,
    path: Path,
    meta: Metadata | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress = no_progress,
    is_cancelled: IsCancelled = never_cancelled,
) -> AddResult:
    """Import the file at `path` into the library."""
    data = read_limited(path, max_bytes)  # read once: the stored original is exactly what was parsed
    imported = read_bytes(data, name=path.name, progress=progress, is_cancelled=is_cancelled)
    return add_imported(data_dir, data, imported, meta or Metadata())


def fetch_and_add(
    data_dir: Path,
    symbol: str,
    *,
    language: str = "en",
    progress: Progress = no_progress,
    is_cancelled: IsCancelled = never_cancelled,
) -> AddResult:
    """Download `symbol` from the UN (progress 0–0.8) and import it (0.8–1)."""
    downloaded = fetch_symbol(
        symbol, language=language, progress=lambda f: progress(0.8 * f), is_cancelled=is_cancelled
    )
    name = f"{downloaded.symbol.replace('/', '_')}.{language}.pdf"
    imported = read_bytes(
        downloaded.data,
        name=name,
        progress=lambda f: progress(0.8 + 0.2 * f),
        is_cancelled=is_cancelled,
    )
    meta = Metadata(symbol=downloaded.symbol, language=language, source=downloaded.url)
    return add_imported(data_dir, downloaded.data, imported, meta)


def list_entries(data_dir: Path) -> list[LibraryEntry]:
    """Every document in the library, by symbol, oldest version first."""
    with _store(data_dir) as store, store.session() as session:
        return [_entry(r) for r in list_documents(session)]


def _find(session: Session, name: str) -> DocumentRecord | None:
    if name.isdigit():
        record = get_document(session, int(name))
        if record is not None:
            return record
    return find_document(session, name)


def find_entry(data_dir: Path, name: str) -> tuple[LibraryEntry, str] | None:
    """The entry called `name` (id, key, alias or symbol) and its stored text, or None."""
    if not (data_dir / DB_NAME).exists():
        return None  # nothing imported yet: do not create a database just to look
    with _store(data_dir) as store, store.session() as session:
        record = _find(session, name)
        return (_entry(record), record.text) if record is not None else None


def load_entry(data_dir: Path, name: str) -> Document | None:
    """The parsed document of the entry called `name`, or None if the library has none."""
    found = find_entry(data_dir, name)
    if found is None:
        return None
    entry, text = found
    info = DocumentInfo(
        title=entry.title,
        symbols=(entry.symbol,) if entry.symbol else (),
        year=entry.year,
        language=entry.language,
        congress=entry.congress,
        source=entry.source,
    )
    return parse_text(text, info)


def remove_entry(data_dir: Path, doc_id: int) -> LibraryEntry:
    """Remove a document, and its original file when no other entry shares it."""
    with _store(data_dir) as store, store.session() as session:
        record = get_document(session, doc_id)
        if record is None:
            raise StoreError(
                f"There is no document with id {doc_id}.", "List the library to see its documents."
            )
        entry = _entry(record)
        remove_document(session, doc_id)
        shared = any(r.original_path == entry.original_path for r in list_documents(session))
    if entry.original_path and not shared:
        (data_dir / entry.original_path).unlink(missing_ok=True)
    return entry
