"""Annotation repository: add, edit, delete, look up, filter and count, as frozen `Annotation`s.

Callers pass the Session of one user action (`Store.session()`); nothing here commits. Stances and
themes are stored normalised (lower case, single spaces) so filters and counts see one spelling.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    String,
    Table,
    delete,
    exists,
    func,
    or_,
    select,
    type_coerce,
    update,
)
from sqlalchemy.orm import Session

from kyoto_desk.core.annotation import Annotation, TextPosition, TextQuote, normalise_label
from kyoto_desk.errors import StoreError
from kyoto_desk.store.models import AnnotationRecord

_TABLE: Table = AnnotationRecord.__table__  # type: ignore[assignment]  # mapped to a Table, not a join
_COLUMNS = _TABLE.c


@dataclass(frozen=True, slots=True)
class AnnotationFilter:
    """What the panel's filters select; None or "" means "any"."""

    document_key: str | None = None
    unit_id: str | None = None
    stance: str | None = None
    theme: str | None = None
    author: str | None = None
    text: str = ""  # searched in the quote, the note and the amendment
    orphaned: bool | None = None
    document_keys: tuple[str, ...] = ()  # any of these keys (all the keys of one document)


def normalised(annotation: Annotation) -> Annotation:
    """The annotation with its stance and themes in the stored spelling (themes deduplicated)."""
    themes = tuple(dict.fromkeys(t for t in (normalise_label(x) for x in annotation.themes) if t))
    return replace(annotation, stance=normalise_label(annotation.stance) or "note", themes=themes)


def _values(annotation: Annotation) -> dict[str, Any]:
    return {
        "id": annotation.id,
        "document_key": annotation.document_key,
        "unit_id": annotation.unit_id,
        "start": annotation.position.start,
        "end": annotation.position.end,
        "exact": annotation.quote.exact,
        "prefix": annotation.quote.prefix,
        "suffix": annotation.quote.suffix,
        "colour": annotation.colour,
        "note": annotation.note,
        "stance": annotation.stance,
        "themes": list(annotation.themes),
        "amendment": annotation.amendment,
        "author": annotation.author,
        "created": annotation.created,
        "modified": annotation.modified,
        "orphaned": annotation.orphaned,
    }


def to_annotation(row: Row[Any]) -> Annotation:
    """The frozen value of one row of the annotations table."""
    return Annotation(
        id=row.id,
        document_key=row.document_key,
        unit_id=row.unit_id,
        position=TextPosition(row.start, row.end),
        quote=TextQuote(row.exact, row.prefix, row.suffix),
        colour=row.colour,
        note=row.note,
        stance=row.stance,
        themes=tuple(row.themes),
        amendment=row.amendment,
        author=row.author,
        created=row.created,
        modified=row.modified,
        orphaned=bool(row.orphaned),
    )


def _exists(session: Session, annotation_id: str) -> bool:
    return session.scalar(select(exists().where(_COLUMNS.id == annotation_id))) is True


def add_annotation(session: Session, annotation: Annotation) -> Annotation:
    """Insert a new annotation (also how undo restores a deleted one, with its old id)."""
    stored = normalised(annotation)
    if _exists(session, stored.id):
        raise StoreError(
            f"An annotation with id {stored.id} already exists.", "Edit it instead of adding it."
        )
    session.execute(_TABLE.insert().values(_values(stored)))
    return stored


def update_annotation(session: Session, annotation: Annotation) -> Annotation:
    """Replace the stored annotation with the same id by `annotation` (timestamps as given)."""
    stored = normalised(annotation)
    result = session.execute(update(_TABLE).where(_COLUMNS.id == stored.id).values(_values(stored)))
    if not getattr(result, "rowcount", 0):
        raise StoreError(
            f"There is no annotation with id {stored.id}.", "It may have been deleted meanwhile."
        )
    return stored


def save_annotations(session: Session, annotations: Iterable[Annotation]) -> None:
    """Insert or replace each annotation by id (imports and carried-forward sets)."""
    for annotation in annotations:
        if _exists(session, annotation.id):
            update_annotation(session, annotation)
        else:
            add_annotation(session, annotation)


def delete_annotation(session: Session, annotation_id: str) -> Annotation | None:
    """Delete and return the annotation (for undo), or None if there was none."""
    deleted = get_annotation(session, annotation_id)
    if deleted is not None:
        session.execute(delete(_TABLE).where(_COLUMNS.id == annotation_id))
    return deleted


def get_annotation(session: Session, annotation_id: str) -> Annotation | None:
    row = session.execute(select(_TABLE).where(_COLUMNS.id == annotation_id)).first()
    return None if row is None else to_annotation(row)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _has_theme(theme: str) -> ColumnElement[bool]:
    items = func.json_each(_COLUMNS.themes).table_valued("value")
    return exists(select(items.c.value).where(items.c.value == normalise_label(theme)))


def _conditions(flt: AnnotationFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.document_key:
        conditions.append(_COLUMNS.document_key == flt.document_key)
    if flt.document_keys:
        conditions.append(_COLUMNS.document_key.in_(flt.document_keys))
    if flt.unit_id:
        conditions.append(_COLUMNS.unit_id == flt.unit_id)
    if flt.stance:
        conditions.append(_COLUMNS.stance == normalise_label(flt.stance))
    if flt.theme:
        conditions.append(_has_theme(flt.theme))
    if flt.author:
        conditions.append(_COLUMNS.author == flt.author)
    if flt.orphaned is not None:
        conditions.append(_COLUMNS.orphaned == flt.orphaned)
    if flt.text.strip():
        pattern = _like(flt.text.strip())
        fields = (_COLUMNS.exact, _COLUMNS.note, _COLUMNS.amendment)
        conditions.append(or_(*(field.like(pattern, escape="\\") for field in fields)))
    return conditions


# The panel loads every annotation at once: these columns come back as the raw stored strings
# (no per-value type processing) and are converted in one tight loop below.
_RAW_ORDER = (
    "id", "document_key", "unit_id", "start", "end", "exact", "prefix", "suffix", "colour", "note",
    "stance", "themes", "amendment", "author", "created", "modified", "orphaned",
)  # fmt: skip
_RAW_COLUMNS = [
    type_coerce(_COLUMNS[name], String()) if name in ("created", "modified", "themes") else _COLUMNS[name]
    for name in _RAW_ORDER
]


def _aware(stored: str) -> datetime:
    return datetime.fromisoformat(stored + "+00:00")  # stored as naive UTC; see base.UTCDateTime


def _raw_annotation(row: Sequence[Any]) -> Annotation:
    # Unpacking (in _RAW_ORDER) is much cheaper than 17 attribute look-ups; this runs 10,000 times a load.
    (uid, key, unit, start, end, exact, prefix, suffix, colour, note, stance, themes, amendment, author,
     created, modified, orphaned) = row  # fmt: skip
    return Annotation(
        uid,
        key,
        unit,
        TextPosition(start, end),
        TextQuote(exact, prefix, suffix),
        colour,
        note,
        stance,
        tuple(json.loads(themes)) if themes != "[]" else (),
        amendment,
        author,
        _aware(created),
        _aware(modified),
        bool(orphaned),
    )


def list_annotations(session: Session, flt: AnnotationFilter | None = None) -> list[Annotation]:
    """The matching annotations, oldest first."""
    query = select(*_RAW_COLUMNS).where(*_conditions(flt or AnnotationFilter()))
    rows = session.execute(query.order_by(_COLUMNS.created, _COLUMNS.id)).all()
    return [_raw_annotation(row) for row in rows]


def count_by_stance(session: Session, flt: AnnotationFilter | None = None) -> dict[str, int]:
    """How many matching annotations take each stance."""
    query = (
        select(_COLUMNS.stance, func.count())
        .where(*_conditions(flt or AnnotationFilter()))
        .group_by(_COLUMNS.stance)
    )
    return {str(stance): int(count) for stance, count in session.execute(query)}


def count_by_theme(session: Session, flt: AnnotationFilter | None = None) -> dict[str, int]:
    """How many matching annotations carry each theme (one annotation counts once per theme)."""
    items = func.json_each(_COLUMNS.themes).table_valued("value")
    query = (
        select(items.c.value, func.count())
        .select_from(_TABLE)
        .join(items, items.c.value.is_not(None))
        .where(*_conditions(flt or AnnotationFilter()))
        .group_by(items.c.value)
    )
    return {str(theme): int(count) for theme, count in session.execute(query)}


def list_authors(session: Session) -> list[str]:
    query = select(_COLUMNS.author).distinct().where(_COLUMNS.author != "").order_by(_COLUMNS.author)
    return list(session.scalars(query))


def known_stances(session: Session, defaults: Sequence[str]) -> list[str]:
    """The default stances followed by any others users have added, for the stance chooser."""
    used = session.scalars(select(_COLUMNS.stance).distinct().order_by(_COLUMNS.stance))
    return list(dict.fromkeys([*defaults, *used]))
