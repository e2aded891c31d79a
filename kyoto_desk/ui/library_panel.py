"""The library dock: every document that can be opened; open one as the older or the newer text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMenu, QVBoxLayout, QWidget

from kyoto_desk.ui.library_access import Entry

NAME_ROLE = Qt.ItemDataRole.UserRole


class LibraryPanel(QWidget):
    """Double-click compares with what is on screen (as the newer text); the context menu chooses."""

    open_requested = Signal(str, bool)  # (entry name, as the older text?)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Library documents")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_list_context_menu)
        self.list.itemActivated.connect(self._on_list_item_activated)
        hint = QLabel("Double-click to compare with the text on screen. Drop a file here to import it.", self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(("★ " if entry.bundled else "") + entry.label)
            item.setData(NAME_ROLE, entry.name)
            item.setToolTip("Bundled with Kyoto Desk" if entry.bundled else entry.name)
            self.list.addItem(item)

    def names(self) -> list[str]:
        return [str(self.list.item(i).data(NAME_ROLE)) for i in range(self.list.count())]

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(str(item.data(NAME_ROLE)), False)

    def _on_list_context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        name = str(item.data(NAME_ROLE))
        menu = QMenu(self)
        menu.addAction("Open as the newer text (right)", lambda: self.open_requested.emit(name, False))
        menu.addAction("Open as the older text (left)", lambda: self.open_requested.emit(name, True))
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def select_name(self, name: str) -> None:
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item.data(NAME_ROLE) == name:
                self.list.setCurrentItem(item)
                return
