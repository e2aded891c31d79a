"""Find in either text: a line edit, the match count, and next/previous."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from kyoto_desk.ui.comparison_view import ComparisonView, FindMatch


class FindBar(QWidget):
    """Searches both panes as the user types; Enter / Shift+Enter step through the matches."""

    closed = Signal()

    def __init__(self, view: ComparisonView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.matches: list[FindMatch] = []
        self.current = -1
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Find in both texts")
        self.edit.setAccessibleName("Find text")
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel("", self)
        self.count.setAccessibleName("Number of matches")
        previous = QToolButton(self)
        previous.setText("▲")
        previous.setToolTip("Previous match (Shift+Enter)")
        previous.setAccessibleName("Previous match")
        following = QToolButton(self)
        following.setText("▼")
        following.setToolTip("Next match (Enter)")
        following.setAccessibleName("Next match")
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.setAccessibleName("Close find bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (QLabel("Find:", self), self.edit, self.count, previous, following, close):
            layout.addWidget(widget)
        # Search once typing pauses: a one-letter needle matches thousands of places.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.search_now)
        self.edit.textChanged.connect(self._debounce.start)
        self.edit.installEventFilter(self)
        previous.clicked.connect(self.previous_match)
        following.clicked.connect(self.next_match)
        close.clicked.connect(self.close_bar)

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.view.find_text("")
        self.matches = []
        self.hide()
        self.closed.emit()

    def search_now(self) -> None:
        """Search for the text in the edit at once (typing waits for a pause)."""
        self._debounce.stop()
        self.matches = self.view.find_text(self.edit.text())
        self.current = -1
        self._update_count()

    def _update_count(self) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText("No matches")
        elif self.current < 0:
            self.count.setText(f"{len(self.matches)} matches")
        else:
            self.count.setText(f"{self.current + 1} of {len(self.matches)}")

    def next_match(self) -> None:
        self._step(1)

    def previous_match(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if self._debounce.isActive():
            self.search_now()
        if not self.matches:
            return
        self.current = (self.current + step) % len(self.matches)
        self.view.show_match(self.matches[self.current])
        self._update_count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter / Shift+Enter are taken before the line edit sees them: it would report both as
        # returnPressed and pass the key on, so Shift+Enter would step twice.
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.previous_match()
                else:
                    self.next_match()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)
