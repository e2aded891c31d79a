"""Typed relations between paragraphs of the two texts: relate, list for the details, remove (undoable)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kyoto_desk.core.annotation import DEFAULT_RELATIONS, UnitRelation, key_of, new_id
from kyoto_desk.ui.relation_dialog import RelationDialog

if TYPE_CHECKING:
    from kyoto_desk.ui.annotation_controller import AnnotationController


class RelationActions:
    """The window's unit relations (loaded with the annotations) and the commands that change them."""

    def __init__(self, annotations: AnnotationController) -> None:
        self.a = annotations
        self.w = annotations.w
        self.relations: list[UnitRelation] = []

    def reload(self) -> None:
        """Read the relations again after one was saved or removed (a small query)."""
        from kyoto_desk.store.relations import list_relations

        with self.w.store().session() as session:
            self.relations = list_relations(session)
        self.w.refresh_details()

    def relations_of(self, old: bool, unit_id: str) -> list[tuple[UnitRelation, str]]:
        """The relations of a paragraph, each with the other paragraph's description."""
        side = self.a.side(old)
        if side is None:
            return []
        keys = self.a.side_keys(old)
        found = []
        for r in self.relations:
            if old and r.old_document_key in keys and r.old_unit == unit_id:
                found.append(
                    (r, f"{self.a.book.names.get(r.new_document_key, 'other text')}, para. {r.new_unit}")
                )
            elif not old and r.new_document_key in keys and r.new_unit == unit_id:
                found.append(
                    (r, f"{self.a.book.names.get(r.old_document_key, 'other text')}, para. {r.old_unit}")
                )
        return found

    def relate_selected(self) -> RelationDialog | None:
        """Relate the selected paragraph to its Ctrl+clicked target (else its counterpart)."""
        view = self.w.view
        if view.selection is None or self.a.side(False) is None:
            self.w.statusBar().showMessage("Compare two texts and select a paragraph first.", 6000)
            return None
        old, unit_id = view.selection
        targets = sorted(view.link_targets) or list(view.counterparts_of(old, unit_id))
        if not targets:
            self.w.statusBar().showMessage(
                "Ctrl+click the paragraph of the other text to relate this one to.", 8000
            )
            return None
        units = (unit_id, targets[0]) if old else (targets[0], unit_id)
        return self._dialog(*units)

    def _dialog(self, old_unit: str, new_unit: str) -> RelationDialog:
        old_side, new_side = self.a.side(True), self.a.side(False)
        assert old_side is not None and new_side is not None
        what = f"{old_side.name}, para. {old_unit}  →  {new_side.name}, para. {new_unit}"
        self.a.prepare_store()
        dialog = RelationDialog(self.w, what, DEFAULT_RELATIONS, self.w.settings.author())

        def accepted() -> None:
            from kyoto_desk.ui.annotation_commands import RelationCommand

            relation = UnitRelation(
                new_id(),
                key_of(old_side.document),
                old_unit,
                key_of(new_side.document),
                new_unit,
                dialog.relation() or DEFAULT_RELATIONS[0],
                dialog.note(),
                dialog.author(),
            )
            self.w.settings.save_author(relation.author)
            self.a.push(
                RelationCommand(self.w.store(), relation, self.reload, workspace=self.w.history.workspace())
            )

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def remove(self, relation: UnitRelation) -> None:
        from kyoto_desk.ui.annotation_commands import RelationCommand

        self.a.push(
            RelationCommand(
                self.w.store(), relation, self.reload, remove=True, workspace=self.w.history.workspace()
            )
        )
