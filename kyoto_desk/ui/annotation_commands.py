"""Undoable annotation and relation edits: each command writes the store in one small transaction.

They share the window's QUndoStack with the alignment pins (Ctrl+Z / Ctrl+Shift+Z) and are pushed
with `store_command.push_command`. After a write, `changed(before, after)` tells the window's
AnnotationBook what happened, so the panel and the highlights follow without reading the store again.
"""

from __future__ import annotations

from collections.abc import Callable

from kyoto_desk.core.annotation import Annotation, UnitRelation
from kyoto_desk.store.annotations import add_annotation, delete_annotation, update_annotation
from kyoto_desk.store.db import Store
from kyoto_desk.store.relations import delete_relation, save_relation
from kyoto_desk.ui.store_command import StoreCommand

Changed = Callable[[Annotation | None, Annotation | None], None]


class AddAnnotationCommand(StoreCommand):
    """Add an annotation; undo deletes it, redo adds it again with the same id."""

    def __init__(self, store: Store, annotation: Annotation, changed: Changed) -> None:
        super().__init__(f"Annotate paragraph {annotation.unit_id}", store)
        self._annotation = annotation
        self._changed = changed

    def forward(self) -> None:
        with self._store.session() as session:
            self._annotation = add_annotation(session, self._annotation)
        self._changed(None, self._annotation)

    def backward(self) -> None:
        with self._store.session() as session:
            delete_annotation(session, self._annotation.id)
        self._changed(self._annotation, None)


class EditAnnotationCommand(StoreCommand):
    """Replace an annotation by its edited version; undo puts the old one back, timestamps included."""

    def __init__(self, store: Store, before: Annotation, after: Annotation, changed: Changed) -> None:
        super().__init__(f"Edit annotation on paragraph {before.unit_id}", store)
        self._before = before
        self._after = after
        self._changed = changed

    def _write(self, old: Annotation, new: Annotation) -> Annotation:
        with self._store.session() as session:
            stored = update_annotation(session, new)
        self._changed(old, stored)
        return stored

    def forward(self) -> None:
        self._after = self._write(self._before, self._after)

    def backward(self) -> None:
        self._before = self._write(self._after, self._before)


class DeleteAnnotationCommand(StoreCommand):
    """Delete an annotation; undo restores exactly what was deleted, under its old id."""

    def __init__(self, store: Store, annotation: Annotation, changed: Changed) -> None:
        super().__init__(f"Delete annotation on paragraph {annotation.unit_id}", store)
        self._annotation = annotation
        self._changed = changed

    def forward(self) -> None:
        with self._store.session() as session:
            deleted = delete_annotation(session, self._annotation.id)
        if deleted is not None:
            self._annotation = deleted
        self._changed(self._annotation, None)

    def backward(self) -> None:
        with self._store.session() as session:
            self._annotation = add_annotation(session, self._annotation)
        self._changed(None, self._annotation)


class RelationCommand(StoreCommand):
    """Save (or, with `remove`, delete) a typed relation between two units; undo does the opposite."""

    def __init__(
        self, store: Store, relation: UnitRelation, after: Callable[[], None], *, remove: bool = False
    ) -> None:
        verb = "Remove relation" if remove else f"Relate ({relation.relation})"
        super().__init__(f"{verb} {relation.old_unit} ↔ {relation.new_unit}", store)
        self._relation = relation
        self._after = after
        self._remove = remove

    def _save(self) -> None:
        with self._store.session() as session:
            self._relation = save_relation(session, self._relation)
        self._after()

    def _delete(self) -> None:
        with self._store.session() as session:
            deleted = delete_relation(session, self._relation.id)
        if deleted is not None:
            self._relation = deleted
        self._after()

    def forward(self) -> None:
        self._delete() if self._remove else self._save()

    def backward(self) -> None:
        self._save() if self._remove else self._delete()
