"""Annotating in the window: select words, annotate, see the highlight, edit and delete with undo.

Texts: the bundled Kyoto Declaration and its SYNTHETIC revision (tests/ui/synthetic.py).
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from kyoto_desk.core.annotation import key_of
from kyoto_desk.store.annotations import get_annotation
from kyoto_desk.ui.annotation_dialog import AnnotationDialog
from kyoto_desk.ui.grid import PADDING
from kyoto_desk.ui.main_window import MainWindow
from kyoto_desk.ui.span_selection import span_rects
from tests.ui.annotating import drag_select, fill, stored


def _words(window: MainWindow, unit_id: str, words: str) -> tuple[int, int]:
    assert window.presentation is not None
    text = window.presentation.old.document.unit(unit_id).text
    start = text.index(words)
    return start, start + len(words)


def _annotate_words(qtbot: QtBot, window: MainWindow, unit_id: str, words: str, **fields: object) -> None:
    start, end = _words(window, unit_id, words)
    drag_select(qtbot, window, True, unit_id, start, end)
    dialog = window.annotations.annotate_selection()
    assert isinstance(dialog, AnnotationDialog)
    fill(dialog, **fields)  # type: ignore[arg-type]


def _yellowish_pixels(window: MainWindow, unit_id: str, start: int, end: int) -> int:
    view = window.view
    assert view.grid is not None
    text = view.grid.unit_text(True, unit_id)
    assert text is not None
    top, _h = view.grid.unit_box[True][unit_id]
    image = view.old_pane.viewport().grab().toImage()
    count = 0
    for rect in span_rects(text, start, end):
        y = int(top + rect.top() + 2) - view.old_pane.scroll_y()
        for x in range(int(rect.left() + PADDING), int(rect.right() + PADDING)):
            colour = QColor(image.pixel(x, y))
            count += colour.red() > 200 and colour.green() > 200 and colour.blue() < 190
    return count


def test_a_dragged_span_is_annotated_stored_and_painted(qtbot: QtBot, compared: MainWindow) -> None:
    start, end = _words(compared, "5", "intensify")
    compared.view.select(True, "5")
    assert _yellowish_pixels(compared, "5", start, end) == 0
    drag_select(qtbot, compared, True, "5", start, end)
    span = compared.view.old_pane.span
    assert span is not None and (span.unit_id, span.start, span.end) == ("5", start, end)
    dialog = compared.annotations.annotate_selection()
    assert isinstance(dialog, AnnotationDialog)
    fill(dialog, note="Keep this verb.", stance="support", themes=("corruption",), author="Delegate A")
    [saved] = stored(compared)
    assert saved.quote.exact == "intensify" and (saved.position.start, saved.position.end) == (start, end)
    assert (saved.stance, saved.themes, saved.author, saved.note) == (
        "support", ("corruption",), "Delegate A", "Keep this verb.",
    )  # fmt: skip
    assert saved.document_key == key_of(compared.presentation.old.document)  # type: ignore[union-attr]
    compared.view.old_pane.span = None
    assert compared.view.old_pane.highlights["5"][0][:2] == (start, end)
    assert _yellowish_pixels(compared, "5", start, end) > 5
    assert compared.settings.author() == "Delegate A"  # remembered for the next annotation
    assert "Keep this verb." in compared.details.browser.toPlainText()


def test_a_whole_paragraph_can_be_annotated(qtbot: QtBot, compared: MainWindow) -> None:
    compared.view.select(True, "pp2")
    dialog = compared.annotations.annotate_paragraph()
    assert dialog is not None
    fill(dialog, stance="question")
    [saved] = stored(compared)
    text = compared.presentation.old.document.unit("pp2").text  # type: ignore[union-attr]
    assert (saved.unit_id, saved.quote.exact, saved.stance) == ("pp2", text, "question")


def test_a_new_stance_typed_in_is_kept(qtbot: QtBot, compared: MainWindow) -> None:
    _annotate_words(qtbot, compared, "9", "primary role", stance="Red line")
    assert stored(compared)[0].stance == "red line"
    assert "red line" in compared.annotations.stances()


def test_add_edit_delete_undo_redo_restore_exactly(qtbot: QtBot, compared: MainWindow) -> None:
    stack = compared.controller.undo_stack
    _annotate_words(qtbot, compared, "5", "intensify", note="first", stance="amend", amendment="step up")
    [added] = stored(compared)
    dialog = compared.annotations.edit(added)
    fill(dialog, note="second", stance="oppose", author="B")
    [edited] = stored(compared)
    assert (edited.id, edited.note, edited.stance, edited.amendment) == (added.id, "second", "oppose", "")
    compared.annotations.delete(edited)
    assert stored(compared) == [] and compared.view.old_pane.highlights == {}
    stack.undo()
    assert stored(compared) == [edited] and compared.annotations.book.get(added.id) == edited
    stack.undo()
    assert stored(compared) == [added] and compared.annotations.book.get(added.id) == added
    stack.undo()
    assert stored(compared) == [] and len(compared.annotations.book) == 0
    stack.redo()
    stack.redo()
    assert stored(compared) == [edited]
    stack.redo()
    with compared.store().session() as session:
        assert get_annotation(session, added.id) is None


def test_annotations_survive_a_restart(qtbot: QtBot, make_window, pair) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import wait_ready

    first = make_window()
    first.compare(*pair)
    wait_ready(qtbot, first)
    _annotate_words(qtbot, first, "5", "intensify", note="kept across restarts")
    first.close()
    second = make_window()
    second.compare(*pair)
    wait_ready(qtbot, second)
    qtbot.waitUntil(lambda: len(second.annotations.book) == 1, timeout=20000)
    assert second.annotation_panel.model.rowCount() == 1
    start, end = _words(second, "5", "intensify")
    assert second.view.old_pane.highlights["5"][0][:2] == (start, end)


def test_ctrl_m_and_the_context_menu_offer_annotating(qtbot: QtBot, compared: MainWindow) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    start, end = _words(compared, "9", "primary role")
    drag_select(qtbot, compared, True, "9", start, end)
    menu = compared.annotations.show_menu(True, QPoint(10, 10))
    labels = [a.text() for a in menu.actions()]
    assert labels[:3] == ["Annotate &selection…", "Annotate &paragraph…", "&Relate to the other text…"]
    menu.close()
    compared.activateWindow()
    compared.view.old_pane.setFocus()
    QTest.keyClick(compared.view.old_pane, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = compared.findChild(AnnotationDialog)
    assert isinstance(dialog, AnnotationDialog) and dialog.isVisible()
    fill(dialog, note="via Ctrl+M")
    [saved] = stored(compared)
    assert saved.quote.exact == "primary role"
    menu = compared.annotations.show_menu(True, QPoint(10, 10))
    assert any(a.text().startswith("Delete “primary role") for a in menu.actions())
    menu.close()


def test_an_orphaned_annotation_is_listed_and_not_painted(compared: MainWindow) -> None:
    from dataclasses import replace

    from kyoto_desk.core.annotation import TextPosition, new_annotation

    assert compared.presentation is not None
    document = compared.presentation.old.document
    text = document.unit("7").text
    orphan = replace(
        new_annotation(key_of(document), "7", text, TextPosition(0, 5)),
        orphaned=True,
        note="SYNTHETIC orphan",
    )
    compared.annotations.add(orphan)
    assert "7" not in compared.view.old_pane.highlights
    model = compared.annotation_panel.model
    assert model.rowCount() == 1 and str(model.data(model.index(0, 2))).startswith("(orphaned)")
    compared.view.select(True, "7")
    assert "orphaned" in compared.details.browser.toPlainText()


def test_a_refused_write_shows_its_sentence_and_is_not_on_the_undo_stack(
    qtbot: QtBot, compared: MainWindow
) -> None:
    _annotate_words(qtbot, compared, "5", "intensify", note="once")
    [saved] = stored(compared)
    stack = compared.controller.undo_stack
    steps = stack.count()
    compared.annotations.add(saved)  # the same id again: the store refuses it
    assert stack.count() == steps and stored(compared) == [saved]
    assert "already exists" in compared.statusBar().currentMessage()
    assert len(compared.annotations.book) == 1


def test_words_can_be_selected_from_the_keyboard(qtbot: QtBot, compared: MainWindow) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    assert compared.presentation is not None
    text = compared.presentation.old.document.unit("9").text
    pane = compared.view.old_pane
    compared.view.select(True, "9")
    pane.setFocus()
    shift, ctrl_shift = (
        Qt.KeyboardModifier.ShiftModifier,
        (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier),
    )
    for _ in range(3):
        QTest.keyClick(pane, Qt.Key.Key_Right, shift)
    assert pane.span is not None and text[pane.span.start : pane.span.end] == " ".join(text.split()[:3])
    QTest.keyClick(pane, Qt.Key.Key_Left, shift)
    QTest.keyClick(pane, Qt.Key.Key_Right, ctrl_shift)
    assert text[pane.span.start : pane.span.end] == text.split()[1]
    dialog = compared.annotations.annotate_selection()
    assert isinstance(dialog, AnnotationDialog)
    fill(dialog)
    assert stored(compared)[0].quote.exact == text.split()[1]


def test_a_text_read_alone_can_be_annotated(qtbot: QtBot, make_window, pair) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.show_document(pair[0])
    _annotate_words(qtbot, window, "12", text_of(pair[0], "12").split()[0], stance="note")
    [saved] = stored(window)
    assert saved.unit_id == "12" and saved.document_key == key_of(pair[0])
    assert window.view.old_pane.highlights["12"][0][0] == saved.position.start
    assert window.annotations.relate_selected() is None  # relating needs two texts


def text_of(document: object, unit_id: str) -> str:
    return str(document.unit(unit_id).text)  # type: ignore[attr-defined]
