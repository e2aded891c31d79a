"""Help: the keyboard shortcuts of every action, and the About box."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

MOUSE_HINTS = (
    ("Select a paragraph and its counterpart", "Click"),
    ("Mark a counterpart to link by hand", "Ctrl+Click in the other text"),
    ("Previous / next paragraph in a text", "Up / Down"),
    ("Next / previous find match", "Enter / Shift+Enter in the find bar"),
    ("Import a file", "Drop it on the window"),
)


class ShortcutsDialog(QDialog):
    """A two-column table: what, and which keys."""

    def __init__(self, shortcuts: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = [*shortcuts, *MOUSE_HINTS]
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels(["Action", "Keys"])
        table.setAccessibleName("Keyboard shortcuts")
        for row, (what, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(what))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.verticalHeader().hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(520, 560)


def show_about(parent: QWidget) -> None:
    """The About dialog: version, licence and the sources of the bundled texts."""
    from kyoto_desk.ui.about_dialog import AboutDialog

    AboutDialog(parent).open()
