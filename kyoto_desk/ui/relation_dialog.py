"""The dialog that relates a paragraph of one text to one of the other: a type and a note."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


class RelationDialog(QDialog):
    """Window-modal form; read `relation()`, `note()` and `author()` once accepted."""

    def __init__(self, parent: QWidget | None, what: str, relations: Sequence[str], author: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Relate paragraphs")
        self.setAccessibleName(self.windowTitle())
        form = QFormLayout(self)
        label = QLabel(what, self)
        label.setWordWrap(True)
        form.addRow(label)
        self.relation_box = QComboBox(self)
        self.relation_box.setEditable(True)  # user-extensible, like stances
        self.relation_box.addItems(list(relations))
        form.addRow("&Relation:", self.relation_box)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        form.addRow("&Note:", self.note_edit)
        self.author_edit = QLineEdit(author, self)
        form.addRow("A&uthor:", self.author_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def relation(self) -> str:
        return self.relation_box.currentText().strip()

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def author(self) -> str:
        return self.author_edit.text().strip()
