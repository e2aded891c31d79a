"""Undo across restarts: the undo history of a pair is rebuilt from the store's journal.

Texts: the bundled Kyoto Declaration and its SYNTHETIC revision (tests/ui/synthetic.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kyoto_desk.core.annotation import Annotation
from kyoto_desk.core.model import Document
from kyoto_desk.store.annotations import delete_annotation, get_annotation
from kyoto_desk.store.undo_journal import list_entries
from kyoto_desk.ui.annotation_dialog import AnnotationDialog
from kyoto_desk.ui.main_window import MainWindow
from tests.ui.annotating import drag_select, fill, stored
from tests.ui.conftest import wait_ready

Pair = tuple[Document, Document]
MakeWindow = Callable[[], MainWindow]
CTRL, CTRL_SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
)


def _open(qtbot: QtBot, make_window: MakeWindow, pair: Pair, steps: int) -> MainWindow:
    window = make_window()
    window.compare(*pair)
    wait_ready(qtbot, window)
    qtbot.waitUntil(lambda: window.controller.undo_stack.count() == steps, timeout=20000)
    return window


def _annotate(qtbot: QtBot, window: MainWindow, unit_id: str, words: str, note: str) -> Annotation:
    assert window.presentation is not None
    text = window.presentation.old.document.unit(unit_id).text
    start = text.index(words)
    drag_select(qtbot, window, True, unit_id, start, start + len(words))
    dialog = window.annotations.annotate_selection()
    assert isinstance(dialog, AnnotationDialog)
    fill(dialog, note=note, stance="amend")
    [saved] = [a for a in stored(window) if a.note == note]
    return saved


def _stored(window: MainWindow, annotation_id: str) -> Annotation | None:
    with window.store().session() as session:
        return get_annotation(session, annotation_id)


def test_ctrl_z_after_a_restart_removes_the_annotation_and_ctrl_shift_z_restores_it(
    qtbot: QtBot, make_window: MakeWindow, pair: Pair
) -> None:
    first = _open(qtbot, make_window, pair, 0)
    added = _annotate(qtbot, first, "5", "intensify", "made before the restart")
    first.close()

    second = _open(qtbot, make_window, pair, 1)
    qtbot.waitUntil(lambda: len(second.annotations.book) == 1, timeout=20000)
    second.view.old_pane.setFocus()
    QTest.keyClick(second, Qt.Key.Key_Z, CTRL)
    assert _stored(second, added.id) is None and len(second.annotations.book) == 0
    assert second.annotation_panel.model.rowCount() == 0
    QTest.keyClick(second, Qt.Key.Key_Z, CTRL_SHIFT)
    assert _stored(second, added.id) == added and second.annotations.book.get(added.id) == added
    assert "5" in second.view.old_pane.highlights


def test_an_edit_undone_after_a_restart_restores_the_old_note_exactly(
    qtbot: QtBot, make_window: MakeWindow, pair: Pair
) -> None:
    first = _open(qtbot, make_window, pair, 0)
    added = _annotate(qtbot, first, "5", "intensify", "old note\n- with **bold** and a bullet")
    fill(first.annotations.edit(added), note="new note", stance="oppose", author="B")
    first.close()

    second = _open(qtbot, make_window, pair, 2)
    second.controller.undo_stack.undo()
    assert _stored(second, added.id) == added
    second.controller.undo_stack.undo()
    assert _stored(second, added.id) is None
    second.close()

    third = _open(qtbot, make_window, pair, 2)  # both steps undone: on the redo side after a restart
    assert third.controller.undo_stack.index() == 0
    third.controller.undo_stack.redo()
    assert _stored(third, added.id) == added
    third.controller.undo_stack.redo()
    redone = _stored(third, added.id)
    assert redone is not None and (redone.note, redone.stance, redone.author) == ("new note", "oppose", "B")


def test_a_pin_link_is_undone_after_a_restart(qtbot: QtBot, make_window: MakeWindow, pair: Pair) -> None:
    first = _open(qtbot, make_window, pair, 0)
    presentation = first.presentation
    assert presentation is not None and presentation.alignment is not None
    removed, added = presentation.alignment.removed[0], presentation.alignment.added[0]
    first.view.select(True, removed)
    first.view.toggle_target(False, added)
    first.actions_.link_selected()
    wait_ready(qtbot, first)
    assert first.view.counterparts_of(True, removed) == (added,)
    first.close()

    second = _open(qtbot, make_window, pair, 1)
    assert second.view.counterparts_of(True, removed) == (added,)
    second.controller.undo_stack.undo()
    wait_ready(qtbot, second)
    assert second.view.counterparts_of(True, removed) == ()
    second.controller.undo_stack.redo()
    wait_ready(qtbot, second)
    assert second.view.counterparts_of(True, removed) == (added,)


def test_an_undo_the_store_already_reflects_is_skipped_with_a_message(
    qtbot: QtBot, make_window: MakeWindow, pair: Pair
) -> None:
    first = _open(qtbot, make_window, pair, 0)
    added = _annotate(qtbot, first, "5", "intensify", "deleted by an import meanwhile")
    first.close()

    second = _open(qtbot, make_window, pair, 1)
    with second.store().session() as session:  # as an import replacing the set would
        delete_annotation(session, added.id)
    second.controller.undo_stack.undo()
    assert "deleted meanwhile" in second.statusBar().currentMessage()
    assert second.controller.undo_stack.index() == 0
    second.controller.undo_stack.redo()  # the journal moved with the stack: redo adds it back
    assert _stored(second, added.id) == added
    with second.store().session() as session:
        [entry] = list_entries(session, second.history.workspace() or "")
    assert entry.done and entry.kind == "annotation.add"


def test_another_pair_has_its_own_history(qtbot: QtBot, make_window: MakeWindow, pair: Pair) -> None:
    window = _open(qtbot, make_window, pair, 0)
    _annotate(qtbot, window, "5", "intensify", "on the pair")
    window.compare(pair[1], pair[0])
    wait_ready(qtbot, window)
    assert window.controller.undo_stack.count() == 0
    window.compare(*pair)
    wait_ready(qtbot, window)
    assert window.controller.undo_stack.count() == 1


def test_a_text_read_alone_keeps_its_own_history(qtbot: QtBot, make_window: MakeWindow, pair: Pair) -> None:
    first = make_window()
    first.show_document(pair[0])
    added = _annotate(qtbot, first, "12", "reaffirm", "on the text read alone")
    first.close()

    second = make_window()
    second.show_document(pair[0])  # the store opens in the background: the history is read there too
    qtbot.waitUntil(lambda: second.controller.undo_stack.count() == 1, timeout=20000)
    second.controller.undo_stack.undo()
    assert _stored(second, added.id) is None
    second.compare(*pair)
    wait_ready(qtbot, second)
    assert second.controller.undo_stack.count() == 0  # the pair is another workspace
