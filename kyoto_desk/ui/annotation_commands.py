"""Undoable annotation and relation edits: each command writes the store in one small transaction.

They share the window's QUndoStack with the alignment pins (Ctrl+Z / Ctrl+Shift+Z), are pushed with
`store_command.push_command`, and record themselves in the workspace's undo journal. After a write,
`changed(before, after)` tells the window's AnnotationBook what happened, so the panel and the
highlights follow without reading the store again. An undo or redo the store already reflects (the
annotation deleted or re-added by an import meanwhile) is skipped with a sentence saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kyoto_desk.core.annotation import Annotation, UnitRelation
from kyoto_desk.store.annotations import add_annotation, delete_annotation, get_annotation, update_annotation
from kyoto_desk.store.db import Store, StoreSession
from kyoto_desk.store.relations import delete_relation, save_relation
from kyoto_desk.store.undo_journal import annotation_json, relation_json
from kyoto_desk.ui.store_command import StoreCommand

Changed = Callable[[Annotation | None, Annotation | None], None]


def _gone(annotation: Annotation) -> str:
    return f"The annotation on paragraph {annotation.unit_id} was deleted meanwhile; skipped."


def _there(annotation: Annotation) -> str:
    return f"The annotation on paragraph {annotation.unit_id} is already there; skipped."


class AddAnnotationCommand(StoreCommand):
    """Add an annotation; undo deletes it, redo adds it again with the same id."""

    kind = "annotation.add"

    def __init__(
        self, store: Store, annotation: Annotation, changed: Changed, workspace: str | None = None
    ) -> None:
        super().__init__(f"Annotate paragraph {annotation.unit_id}", store, workspace)
        self._annotation = annotation
        self._changed = changed

    def write(self, session: StoreSession, forward: bool) -> str | None:
        if not forward:
            return None if delete_annotation(session, self._annotation.id) else _gone(self._annotation)
        if self.done_once and get_annotation(session, self._annotation.id) is not None:
            return _there(self._annotation)  # the first add, though, is refused by the store
        self._annotation = add_annotation(session, self._annotation)
        return None

    def notify(self, forward: bool) -> None:
        self._changed(None, self._annotation) if forward else self._changed(self._annotation, None)

    def payload(self) -> dict[str, Any]:
        return {"annotation": annotation_json(self._annotation)}


class EditAnnotationCommand(StoreCommand):
    """Replace an annotation by its edited version; undo puts the old one back, timestamps included."""

    kind = "annotation.edit"

    def __init__(
        self,
        store: Store,
        before: Annotation,
        after: Annotation,
        changed: Changed,
        workspace: str | None = None,
    ) -> None:
        super().__init__(f"Edit annotation on paragraph {before.unit_id}", store, workspace)
        self._before = before
        self._after = after
        self._changed = changed

    def write(self, session: StoreSession, forward: bool) -> str | None:
        if self.done_once and get_annotation(session, self._before.id) is None:
            return _gone(self._before)
        if forward:
            self._after = update_annotation(session, self._after)
        else:
            self._before = update_annotation(session, self._before)
        return None

    def notify(self, forward: bool) -> None:
        self._changed(self._before, self._after) if forward else self._changed(self._after, self._before)

    def payload(self) -> dict[str, Any]:
        return {"before": annotation_json(self._before), "after": annotation_json(self._after)}


class DeleteAnnotationCommand(StoreCommand):
    """Delete an annotation; undo restores exactly what was deleted, under its old id."""

    kind = "annotation.delete"

    def __init__(
        self, store: Store, annotation: Annotation, changed: Changed, workspace: str | None = None
    ) -> None:
        super().__init__(f"Delete annotation on paragraph {annotation.unit_id}", store, workspace)
        self._annotation = annotation
        self._changed = changed

    def write(self, session: StoreSession, forward: bool) -> str | None:
        if forward:
            deleted = delete_annotation(session, self._annotation.id)
            if deleted is None:
                return _gone(self._annotation)
            self._annotation = deleted
            return None
        if get_annotation(session, self._annotation.id) is not None:
            return _there(self._annotation)
        self._annotation = add_annotation(session, self._annotation)
        return None

    def notify(self, forward: bool) -> None:
        self._changed(self._annotation, None) if forward else self._changed(None, self._annotation)

    def payload(self) -> dict[str, Any]:
        return {"annotation": annotation_json(self._annotation)}


class RelationCommand(StoreCommand):
    """Save (or, with `remove`, delete) a typed relation between two units; undo does the opposite."""

    kind = "relation"

    def __init__(
        self,
        store: Store,
        relation: UnitRelation,
        after: Callable[[], None],
        *,
        remove: bool = False,
        workspace: str | None = None,
    ) -> None:
        verb = "Remove relation" if remove else f"Relate ({relation.relation})"
        super().__init__(f"{verb} {relation.old_unit} ↔ {relation.new_unit}", store, workspace)
        self._relation = relation
        self._after = after
        self._remove = remove

    def write(self, session: StoreSession, forward: bool) -> str | None:
        if forward != self._remove:  # saving is an upsert: a relation already there is simply rewritten
            self._relation = save_relation(session, self._relation)
            return None
        deleted = delete_relation(session, self._relation.id)
        if deleted is None:
            r = self._relation
            return f"The relation {r.old_unit} ↔ {r.new_unit} was removed meanwhile; skipped."
        self._relation = deleted
        return None

    def notify(self, forward: bool) -> None:
        self._after()

    def payload(self) -> dict[str, Any]:
        return {"relation": relation_json(self._relation), "remove": self._remove}
