"""After an import: the annotations edited both here and in the file, and which version to keep.

The import already kept the newest edit of each; the user may pick the other version of any of
them. What changes is applied as undoable edits (one undo step for the whole choice).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyoto_desk.core.annotation import Annotation
from kyoto_desk.store.exchange import Conflict

MAX_SHOWN = 500


def describe(conflict: Conflict) -> str:
    ours, theirs = conflict.ours, conflict.theirs
    return (
        f"Para. {ours.unit_id} “{ours.quote.exact[:40]}” — yours ({ours.modified:%Y-%m-%d %H:%M}): "
        f"{ours.stance}, “{ours.note[:40]}”; file's ({theirs.modified:%Y-%m-%d %H:%M} UTC): "
        f"{theirs.stance}, “{theirs.note[:40]}”"
    )


class ConflictsDialog(QDialog):
    """A checked row takes the file's version; unchecked keeps yours. Rows start as the import decided."""

    def __init__(self, parent: QWidget | None, conflicts: Sequence[Conflict]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import: conflicts")
        self.setAccessibleName(self.windowTitle())
        self.conflicts = list(conflicts)[:MAX_SHOWN]
        layout = QVBoxLayout(self)
        more = f" (the first {MAX_SHOWN} are shown)" if len(conflicts) > MAX_SHOWN else ""
        text = QLabel(
            f"{len(conflicts)} annotation(s) had been edited both here and in the file{more}. The newest "
            "edit of each was kept. Check a row to take the file's version, uncheck it to keep yours.",
            self,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Conflicting annotations")
        for conflict in self.conflicts:
            item = QListWidgetItem(describe(conflict), self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            taken = conflict.kept is conflict.theirs
            item.setCheckState(Qt.CheckState.Checked if taken else Qt.CheckState.Unchecked)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def set_taken(self, row: int, take_file: bool) -> None:
        self.list.item(row).setCheckState(Qt.CheckState.Checked if take_file else Qt.CheckState.Unchecked)

    def changes(self) -> list[tuple[Annotation, Annotation]]:
        """(stored now, to store instead) for each row the user turned the other way."""
        out = []
        for row, conflict in enumerate(self.conflicts):
            take_file = self.list.item(row).checkState() == Qt.CheckState.Checked
            wanted = conflict.theirs if take_file else conflict.ours
            if wanted is not conflict.kept:
                out.append((conflict.kept, wanted))
        return out
