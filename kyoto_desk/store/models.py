"""Mapped tables: annotations, unit relations, alignment pins, the undo journal (documents: `documents`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kyoto_desk.core.annotation import DEFAULT_COLOUR, utc_now
from kyoto_desk.store.base import Base, StringList, UTCDateTime


class AnnotationRecord(Base):
    """An annotation with its position and quote selectors, flattened into columns.

    `document_key` is not a foreign key: bundled texts are annotated without being in the library,
    and an annotation outlives a document being re-imported under the same key.
    """

    __tablename__ = "annotations"
    __table_args__ = (Index("ix_annotations_document_unit", "document_key", "unit_id"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    document_key: Mapped[str] = mapped_column(String(200))
    unit_id: Mapped[str] = mapped_column(String(40))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str] = mapped_column(String(32), default=DEFAULT_COLOUR)
    note: Mapped[str] = mapped_column(Text, default="")
    stance: Mapped[str] = mapped_column(String(60), default="note", index=True)
    themes: Mapped[list[str]] = mapped_column(StringList, default=list)
    amendment: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200), default="", index=True)
    created: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    modified: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, onupdate=utc_now)
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False)


class UnitRelationRecord(Base):
    """A user's typed link between a unit of one document and a unit of another."""

    __tablename__ = "unit_relations"
    __table_args__ = (Index("ix_unit_relations_keys", "old_document_key", "new_document_key"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    old_document_key: Mapped[str] = mapped_column(String(200))
    old_unit: Mapped[str] = mapped_column(String(40))
    new_document_key: Mapped[str] = mapped_column(String(200))
    new_unit: Mapped[str] = mapped_column(String(40))
    relation: Mapped[str] = mapped_column(String(60))
    note: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    created: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    modified: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, onupdate=utc_now)


class PinRecord(Base):
    """A manual link (or unlink) of units between two documents, kept whatever the aligner scores."""

    __tablename__ = "alignment_pins"
    __table_args__ = (
        UniqueConstraint("old_document_key", "new_document_key", "old_units", "new_units", name="uq_pin"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    old_document_key: Mapped[str] = mapped_column(String(200))
    new_document_key: Mapped[str] = mapped_column(String(200))
    old_units: Mapped[list[str]] = mapped_column(StringList)
    new_units: Mapped[list[str]] = mapped_column(StringList)
    linked: Mapped[bool] = mapped_column(Boolean, default=True)
    created: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class UndoJournalRecord(Base):
    """One undoable action of a workspace (a pair of documents, or one): its kind and JSON before/after.

    `done` is False for an undone action (the redo side); the done ones always precede the undone ones.
    """

    __tablename__ = "undo_journal"
    __table_args__ = (UniqueConstraint("workspace", "position", name="uq_undo_journal_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace: Mapped[str] = mapped_column(String(420))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Boolean, default=True)
    created: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
