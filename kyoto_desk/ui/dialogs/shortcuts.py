"""Help: the keyboard shortcuts of every action, and the About box."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyoto_desk import __version__

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
    QMessageBox.about(
        parent,
        "About Kyoto Desk",
        f"<b>Kyoto Desk {__version__}</b><p>Compare, annotate and brief on UN declarations side by side. "
        "Texts come from their official sources; nothing is reconstructed.</p>",
    )
