"""Unit relations repository: a user's typed links between units of two documents."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kyoto_desk.core.annotation import UnitRelation, normalise_label
from kyoto_desk.errors import StoreError
from kyoto_desk.store.models import UnitRelationRecord


def _relation(record: UnitRelationRecord) -> UnitRelation:
    return UnitRelation(
        id=record.id,
        old_document_key=record.old_document_key,
        old_unit=record.old_unit,
        new_document_key=record.new_document_key,
        new_unit=record.new_unit,
        relation=record.relation,
        note=record.note,
        author=record.author,
        created=record.created,
        modified=record.modified,
    )


def _apply(record: UnitRelationRecord, relation: UnitRelation) -> None:
    record.old_document_key = relation.old_document_key
    record.old_unit = relation.old_unit
    record.new_document_key = relation.new_document_key
    record.new_unit = relation.new_unit
    record.relation = relation.relation
    record.note = relation.note
    record.author = relation.author
    record.created = relation.created
    record.modified = relation.modified


def save_relation(session: Session, relation: UnitRelation) -> UnitRelation:
    """Insert the relation, or replace the stored one with the same id."""
    stored = replace(relation, relation=normalise_label(relation.relation))
    if not stored.relation:
        raise StoreError("A unit relation needs a type.", "Choose one, e.g. 'carries over'.")
    record = session.get(UnitRelationRecord, stored.id)
    if record is None:
        record = UnitRelationRecord(id=stored.id)
        session.add(record)
    _apply(record, stored)
    session.flush()
    return stored


def delete_relation(session: Session, relation_id: str) -> UnitRelation | None:
    """Delete and return the relation (for undo), or None if there was none."""
    record = session.get(UnitRelationRecord, relation_id)
    if record is None:
        return None
    deleted = _relation(record)
    session.delete(record)
    session.flush()
    return deleted


def list_relations(session: Session, document_key: str | None = None) -> list[UnitRelation]:
    """Relations touching `document_key` (on either side), or all of them, oldest first."""
    query = select(UnitRelationRecord).order_by(UnitRelationRecord.created, UnitRelationRecord.id)
    if document_key is not None:
        query = query.where(
            or_(
                UnitRelationRecord.old_document_key == document_key,
                UnitRelationRecord.new_document_key == document_key,
            )
        )
    return [_relation(record) for record in session.scalars(query)]
