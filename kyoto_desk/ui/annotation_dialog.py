"""The dialog that adds or edits an annotation: colour, note, stance, themes, amendment, author."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from kyoto_desk.core.annotation import DEFAULT_COLOUR

COLOURS = (
    ("Yellow", DEFAULT_COLOUR),
    ("Green", "#a5d6a7"),
    ("Blue", "#90caf9"),
    ("Pink", "#f48fb1"),
    ("Orange", "#ffcc80"),
    ("Lilac", "#ce93d8"),
)


@dataclass(frozen=True, slots=True)
class AnnotationFields:
    """What the user typed and chose, ready to become (part of) an Annotation."""

    colour: str
    note: str
    stance: str
    themes: tuple[str, ...]
    amendment: str
    author: str


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class AnnotationDialog(QDialog):
    """Window-modal form; `fields()` reads it once accepted."""

    def __init__(
        self,
        parent: QWidget | None,
        quote: str,
        stances: Sequence[str],
        themes: Sequence[tuple[str, str]],
        initial: AnnotationFields,
        *,
        editing: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit annotation" if editing else "Annotate")
        self.setAccessibleName(self.windowTitle())
        form = QFormLayout(self)
        shown = quote if len(quote) <= 300 else quote[:300] + "…"
        quote_label = QLabel(f"“{shown}”", self)
        quote_label.setWordWrap(True)
        quote_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("Text:", quote_label)
        self.colour_box = self._colour_box(initial.colour)
        form.addRow("&Highlight:", self.colour_box)
        self.stance_box = QComboBox(self)
        self.stance_box.setEditable(True)  # a delegation may need its own stances
        self.stance_box.addItems(list(dict.fromkeys([*stances, initial.stance])))
        self.stance_box.setCurrentText(initial.stance)
        form.addRow("&Stance:", self.stance_box)
        self.note_edit = QPlainTextEdit(initial.note, self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText("**bold**, *italic*; lines starting with - are bullets")
        form.addRow("&Note:", self.note_edit)
        self.theme_list = self._theme_list(themes, initial.themes)
        form.addRow("T&hemes:", self.theme_list)
        self.amendment_edit = QPlainTextEdit(initial.amendment, self)
        self.amendment_edit.setTabChangesFocus(True)
        self.amendment_edit.setPlaceholderText("Replacement text proposed for the span (optional)")
        self.amendment_edit.setMaximumHeight(80)
        form.addRow("&Amendment:", self.amendment_edit)
        self.author_edit = QLineEdit(initial.author, self)
        form.addRow("A&uthor:", self.author_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 560)

    def _colour_box(self, initial: str) -> QComboBox:
        box = QComboBox(self)
        for name, colour in COLOURS:
            box.addItem(_swatch(colour), name, colour)
        if box.findData(initial) < 0:  # a colour from an imported set stays as it is
            box.addItem(_swatch(initial), initial, initial)
        box.setCurrentIndex(box.findData(initial))
        return box

    def _theme_list(self, themes: Sequence[tuple[str, str]], chosen: Sequence[str]) -> QListWidget:
        widget = QListWidget(self)
        widget.setAccessibleName("Themes")
        known = {theme_id for theme_id, _label in themes}
        extra = [(t, t) for t in chosen if t not in known]  # themes from an imported set stay choosable
        for theme_id, label in [*themes, *extra]:
            item = QListWidgetItem(label, widget)
            item.setData(Qt.ItemDataRole.UserRole, theme_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if theme_id in chosen else Qt.CheckState.Unchecked)
        return widget

    def set_themes(self, theme_ids: Sequence[str]) -> None:
        for row in range(self.theme_list.count()):
            item = self.theme_list.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) in theme_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def fields(self) -> AnnotationFields:
        themes = tuple(
            str(self.theme_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.theme_list.count())
            if self.theme_list.item(row).checkState() == Qt.CheckState.Checked
        )
        return AnnotationFields(
            colour=str(self.colour_box.currentData() or DEFAULT_COLOUR),
            note=self.note_edit.toPlainText().strip(),
            stance=self.stance_box.currentText().strip() or "note",
            themes=themes,
            amendment=self.amendment_edit.toPlainText().strip(),
            author=self.author_edit.text().strip(),
        )
