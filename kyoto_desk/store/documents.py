"""The library's documents: each text once, keyed by the sha256 of its normalised text and its symbol.

Re-importing the same text under the same symbol finds the existing record; the same symbol with
another text is a new version linked to the latest older one by `version_of`. A document that
annotations or unit relations still point to is not removed: the user exports or deletes them first.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, func, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from kyoto_desk.core.annotation import keys_of, utc_now
from kyoto_desk.core.model import DocumentInfo
from kyoto_desk.core.parser import parse_text
from kyoto_desk.errors import KyotoDeskError, StoreError
from kyoto_desk.store.base import Base, UTCDateTime
from kyoto_desk.store.models import AnnotationRecord, UnitRelationRecord
from kyoto_desk.store.pins import delete_pins_of


class DocumentRecord(Base):
    """One imported text and where it came from."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    symbol: Mapped[str] = mapped_column(String(120), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    language: Mapped[str] = mapped_column(String(16), default="en")
    congress: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    original_name: Mapped[str | None] = mapped_column(Text, nullable=True)
    original_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    original_path: Mapped[str | None] = mapped_column(Text, nullable=True)  # relative to the data directory
    text: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    version_of: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), nullable=True, index=True
    )
    alias: Mapped[str] = mapped_column(String(60), default="", server_default="", index=True)

    def info(self) -> DocumentInfo:
        """The metadata the parser and the views take."""
        return DocumentInfo(
            title=self.title,
            symbols=(self.symbol,) if self.symbol else (),
            year=self.year,
            language=self.language,
            congress=self.congress,
            source=self.source,
            alias=self.alias,
        )


def _latest_with_symbol(session: Session, symbol: str) -> DocumentRecord | None:
    query = (
        select(DocumentRecord)
        .where(func.upper(DocumentRecord.symbol) == symbol.upper())
        .order_by(DocumentRecord.imported_at.desc(), DocumentRecord.id.desc())
        .limit(1)
    )
    return session.scalar(query)


def add_document(
    session: Session,
    *,
    text: str,
    symbol: str,
    title: str,
    year: int | None = None,
    language: str = "en",
    congress: str = "",
    source: str = "",
    original_name: str | None = None,
    original_sha256: str | None = None,
    original_path: str | None = None,
    alias: str = "",
) -> tuple[DocumentRecord, bool]:
    """The record for this text and symbol, and whether it was created now."""
    symbol = symbol.strip()
    # The key hashes the parser's normalised text, so a record, its annotations and its pins share
    # one key (`core.annotation.key_of`) whatever line endings or markup the imported file had.
    sha256 = hashlib.sha256(parse_text(text).text.encode("utf-8")).hexdigest()
    key = f"{sha256}:{symbol}"
    existing = session.scalar(select(DocumentRecord).where(DocumentRecord.key == key))
    if existing is not None:
        return existing, False
    previous = _latest_with_symbol(session, symbol) if symbol else None
    record = DocumentRecord(
        key=key,
        sha256=sha256,
        symbol=symbol,
        title=title,
        year=year,
        language=language,
        congress=congress,
        source=source,
        original_name=original_name,
        original_sha256=original_sha256,
        original_path=original_path,
        text=text,
        version_of=previous.id if previous is not None else None,
        alias=alias.strip().lower(),
    )
    session.add(record)
    session.flush()
    return record, True


def list_documents(session: Session) -> list[DocumentRecord]:
    """Every document, by symbol, oldest version first."""
    query = select(DocumentRecord).order_by(
        DocumentRecord.symbol, DocumentRecord.imported_at, DocumentRecord.id
    )
    return list(session.scalars(query))


def get_document(session: Session, doc_id: int) -> DocumentRecord | None:
    return session.get(DocumentRecord, doc_id)


def find_document(session: Session, key_or_symbol_or_alias: str) -> DocumentRecord | None:
    """The document with this key; else with this alias; else the latest version of this symbol."""
    name = key_or_symbol_or_alias.strip()
    if not name:
        return None
    by_key = session.scalar(select(DocumentRecord).where(DocumentRecord.key == name))
    if by_key is not None:
        return by_key
    by_alias = session.scalar(
        select(DocumentRecord)
        .where(DocumentRecord.alias == name.lower())
        .order_by(DocumentRecord.imported_at.desc(), DocumentRecord.id.desc())
        .limit(1)
    )
    return by_alias if by_alias is not None else _latest_with_symbol(session, name)


def annotation_keys(record: DocumentRecord) -> set[str]:
    """Every key annotations, relations and pins may name this document by (see store.resolver)."""
    keys = {record.key}
    try:
        document = parse_text(record.text, record.info())
    except KyotoDeskError:  # a text today's parser refuses can only carry its record key
        return keys
    return keys | keys_of(document)


def remove_document(session: Session, doc_id: int) -> None:
    """Remove a document; refused while annotations or unit relations point to it.

    Newer versions of it are relinked to its own predecessor so the version chain stays whole; its
    alignment pins go with it.
    """
    record = session.get(DocumentRecord, doc_id)
    if record is None:
        raise StoreError(f"There is no document with id {doc_id}.", "List the library to see its documents.")
    keys = annotation_keys(record)
    annotations = session.scalar(
        select(func.count()).select_from(AnnotationRecord).where(AnnotationRecord.document_key.in_(keys))
    )
    relations = session.scalar(
        select(func.count())
        .select_from(UnitRelationRecord)
        .where(
            or_(
                UnitRelationRecord.old_document_key.in_(keys),
                UnitRelationRecord.new_document_key.in_(keys),
            )
        )
    )
    if annotations or relations:
        raise StoreError(
            f"{record.symbol or record.title} still has {annotations} annotation(s) and {relations} "
            "unit relation(s); it was not removed.",
            "Export them, delete them, then remove the document.",
        )
    for newer in session.scalars(select(DocumentRecord).where(DocumentRecord.version_of == record.id)):
        newer.version_of = record.version_of
    for key in keys:
        delete_pins_of(session, key)
    session.delete(record)
    session.flush()
