"""Helpers for the annotation tests: drag over words with the mouse, fill the form, read the store."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kyoto_desk.core.annotation import Annotation
from kyoto_desk.store.annotations import list_annotations
from kyoto_desk.ui.annotation_dialog import AnnotationDialog
from kyoto_desk.ui.grid import PADDING
from kyoto_desk.ui.main_window import MainWindow
from kyoto_desk.ui.span_selection import span_rects


def point_of(window: MainWindow, old: bool, unit_id: str, offset: int, *, after: bool = False) -> QPoint:
    """Where the character at `offset` of a unit is on screen (its left edge, or right with `after`)."""
    view = window.view
    pane = view.old_pane if old else view.new_pane
    assert view.grid is not None
    view.select(old, unit_id)  # scrolls the unit into view
    text = view.grid.unit_text(old, unit_id)
    assert text is not None
    rect = span_rects(text, offset, offset + 1)[0]
    top, _height = view.grid.unit_box[old][unit_id]
    x = rect.right() - 1 if after else rect.left() + 1
    return QPoint(int(x + PADDING), int(top + rect.center().y()) - pane.scroll_y())


def drag_select(qtbot: QtBot, window: MainWindow, old: bool, unit_id: str, start: int, end: int) -> None:
    """Press on the first character, drag to the last one, release (a real mouse selection)."""
    pane = window.view.old_pane if old else window.view.new_pane
    first = point_of(window, old, unit_id, start)
    last = point_of(window, old, unit_id, end - 1, after=True)
    viewport = pane.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(viewport, left, none, first)
    QTest.mouseMove(viewport, last)
    QTest.mouseRelease(viewport, left, none, last)


def fill(dialog: AnnotationDialog, *, note: str = "", stance: str = "note", themes: tuple[str, ...] = (),
         author: str = "", amendment: str = "", colour_index: int = 0) -> None:  # fmt: skip
    """Fill the annotation form as a user would and press OK."""
    dialog.note_edit.setPlainText(note)
    dialog.stance_box.setCurrentText(stance)
    dialog.set_themes(themes)
    dialog.author_edit.setText(author)
    dialog.amendment_edit.setPlainText(amendment)
    dialog.colour_box.setCurrentIndex(colour_index)
    dialog.accept()


def stored(window: MainWindow) -> list[Annotation]:
    with window.store().session() as session:
        return list_annotations(session)
