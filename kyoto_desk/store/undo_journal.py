"""The undo journal: each workspace's undoable actions, kept so that Ctrl+Z works after a restart.

Every function takes the Session of the user action it belongs to, so an action and its journal entry
commit or roll back together. A workspace is one pair of documents (or one document read alone). Its
entries are numbered by `position`; the `done` ones come first and the undone ones (the redo side)
after them, like a QUndoStack's index. Payloads are JSON objects holding the before/after states.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from kyoto_desk.core.annotation import Annotation, TextPosition, TextQuote, UnitRelation
from kyoto_desk.core.links import Pin
from kyoto_desk.store.models import UndoJournalRecord

JOURNAL_CAP = 500  # entries kept per workspace; the oldest are trimmed (a week's heavy annotating)

_J = UndoJournalRecord


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One recorded action: its kind (which command), its JSON payload, and whether it is done."""

    id: int
    position: int
    kind: str
    payload: dict[str, Any]
    done: bool


def workspace_key(old_key: str, new_key: str | None = None) -> str:
    """The journal's name for a pair of documents, or for one document read alone."""
    return old_key if new_key is None else f"{old_key}|{new_key}"


def record_entry(
    session: Session, workspace: str, kind: str, payload: dict[str, Any], cap: int = JOURNAL_CAP
) -> int:
    """Append a done action (dropping the undone ones, as a new action does on a QUndoStack); its id."""
    session.execute(delete(_J).where(_J.workspace == workspace, _J.done.is_(False)))
    last = session.scalar(select(func.max(_J.position)).where(_J.workspace == workspace))
    record = _J(
        workspace=workspace,
        position=(last or 0) + 1,
        kind=kind,
        payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
        done=True,
    )
    session.add(record)
    session.flush()
    _trim(session, workspace, cap)
    return record.id


def _trim(session: Session, workspace: str, cap: int) -> None:
    oldest_kept = session.scalar(
        select(_J.position)
        .where(_J.workspace == workspace)
        .order_by(_J.position.desc())
        .offset(cap - 1)
        .limit(1)
    )
    if oldest_kept is not None:
        session.execute(delete(_J).where(_J.workspace == workspace, _J.position < oldest_kept))


def mark_entry(session: Session, entry_id: int, *, done: bool) -> bool:
    """Mark an action undone (or redone); False if it is no longer kept (trimmed)."""
    result = session.execute(update(_J).where(_J.id == entry_id).values(done=done))
    return bool(getattr(result, "rowcount", 0))


def list_entries(session: Session, workspace: str) -> list[JournalEntry]:
    """A workspace's actions, oldest first."""
    query = select(_J).where(_J.workspace == workspace).order_by(_J.position)
    return [
        JournalEntry(r.id, r.position, r.kind, json.loads(r.payload), r.done) for r in session.scalars(query)
    ]


# --- payloads: the states a command needs to undo and redo itself, as JSON --------------------------
def annotation_json(annotation: Annotation) -> dict[str, Any]:
    a = annotation
    return {
        "id": a.id,
        "document_key": a.document_key,
        "unit_id": a.unit_id,
        "position": [a.position.start, a.position.end],
        "quote": [a.quote.exact, a.quote.prefix, a.quote.suffix],
        "colour": a.colour,
        "note": a.note,
        "stance": a.stance,
        "themes": list(a.themes),
        "amendment": a.amendment,
        "author": a.author,
        "created": a.created.isoformat(),
        "modified": a.modified.isoformat(),
        "orphaned": a.orphaned,
    }


def annotation_from_json(data: dict[str, Any]) -> Annotation:
    start, end = data["position"]
    exact, prefix, suffix = data["quote"]
    return Annotation(
        id=str(data["id"]),
        document_key=str(data["document_key"]),
        unit_id=str(data["unit_id"]),
        position=TextPosition(int(start), int(end)),
        quote=TextQuote(str(exact), str(prefix), str(suffix)),
        colour=str(data["colour"]),
        note=str(data["note"]),
        stance=str(data["stance"]),
        themes=tuple(str(t) for t in data["themes"]),
        amendment=str(data["amendment"]),
        author=str(data["author"]),
        created=datetime.fromisoformat(data["created"]),
        modified=datetime.fromisoformat(data["modified"]),
        orphaned=bool(data["orphaned"]),
    )


def relation_json(relation: UnitRelation) -> dict[str, Any]:
    r = relation
    return {
        "id": r.id,
        "old": [r.old_document_key, r.old_unit],
        "new": [r.new_document_key, r.new_unit],
        "relation": r.relation,
        "note": r.note,
        "author": r.author,
        "created": r.created.isoformat(),
        "modified": r.modified.isoformat(),
    }


def relation_from_json(data: dict[str, Any]) -> UnitRelation:
    (old_key, old_unit), (new_key, new_unit) = data["old"], data["new"]
    return UnitRelation(
        id=str(data["id"]),
        old_document_key=str(old_key),
        old_unit=str(old_unit),
        new_document_key=str(new_key),
        new_unit=str(new_unit),
        relation=str(data["relation"]),
        note=str(data["note"]),
        author=str(data["author"]),
        created=datetime.fromisoformat(data["created"]),
        modified=datetime.fromisoformat(data["modified"]),
    )


def pin_json(pin: Pin | None) -> dict[str, Any] | None:
    return None if pin is None else {"old": list(pin.old), "new": list(pin.new), "linked": pin.linked}


def pin_from_json(data: dict[str, Any] | None) -> Pin | None:
    if data is None:
        return None
    return Pin(tuple(str(u) for u in data["old"]), tuple(str(u) for u in data["new"]), bool(data["linked"]))
