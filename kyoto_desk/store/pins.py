"""Alignment pins: the user's "link by hand" and "unlink" between two documents, as core `Pin`s."""

from __future__ import annotations

from sqlalchemy import ColumnElement, delete, or_, select
from sqlalchemy.orm import Session

from kyoto_desk.core.links import Pin
from kyoto_desk.store.models import PinRecord


def _pin(record: PinRecord) -> Pin:
    return Pin(old=tuple(record.old_units), new=tuple(record.new_units), linked=record.linked)


def _matching(old_key: str, new_key: str, pin: Pin) -> list[ColumnElement[bool]]:
    return [
        PinRecord.old_document_key == old_key,
        PinRecord.new_document_key == new_key,
        PinRecord.old_units == list(pin.old),
        PinRecord.new_units == list(pin.new),
    ]


def list_pins(session: Session, old_key: str, new_key: str) -> list[Pin]:
    """The pins between two documents, oldest first (a later pin may override an earlier one)."""
    query = (
        select(PinRecord)
        .where(PinRecord.old_document_key == old_key, PinRecord.new_document_key == new_key)
        .order_by(PinRecord.created, PinRecord.id)
    )
    return [_pin(record) for record in session.scalars(query)]


def save_pin(session: Session, old_key: str, new_key: str, pin: Pin) -> Pin:
    """Record `pin`; pinning the same units again replaces the earlier link/unlink decision."""
    if not pin.old and not pin.new:
        raise ValueError("a pin needs units on at least one side")
    session.execute(delete(PinRecord).where(*_matching(old_key, new_key, pin)))
    session.add(
        PinRecord(
            old_document_key=old_key,
            new_document_key=new_key,
            old_units=list(pin.old),
            new_units=list(pin.new),
            linked=pin.linked,
        )
    )
    session.flush()
    return pin


def delete_pin(session: Session, old_key: str, new_key: str, pin: Pin) -> bool:
    """Forget the pin on these units (whatever its linked flag); True if there was one."""
    result = session.execute(delete(PinRecord).where(*_matching(old_key, new_key, pin)))
    return bool(getattr(result, "rowcount", 0))


def delete_pins_of(session: Session, key: str) -> None:
    """Forget every pin touching a document (when it leaves the library)."""
    session.execute(
        delete(PinRecord).where(or_(PinRecord.old_document_key == key, PinRecord.new_document_key == key))
    )
