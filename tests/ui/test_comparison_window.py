"""The comparison window driven through its real widgets (SYNTHETIC revision of Kyoto, offscreen)."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from kyoto_desk.core.links import LinkKind
from kyoto_desk.core.model import Document
from kyoto_desk.ui.main_window import MainWindow
from kyoto_desk.ui.rows import RowKind
from tests.ui.conftest import wait_ready


def _moved(window: MainWindow) -> tuple[str, str]:
    assert window.presentation is not None and window.presentation.alignment is not None
    link = next(link for link in window.presentation.alignment.links if link.kind is LinkKind.MOVED)
    return link.old[0], link.new[0]


def test_selecting_a_unit_selects_and_shows_its_counterpart(qtbot: QtBot, compared: MainWindow) -> None:
    old_id, new_id = _moved(compared)  # a moved paragraph sits far from its counterpart
    view = compared.view
    view.select(True, old_id)
    assert view.old_pane.selected == {old_id}
    assert view.new_pane.counterparts == {new_id}
    top, height = view.grid.unit_box[False][new_id] if view.grid else (0.0, 0.0)
    assert view.new_pane.is_visible_y(top, height)
    assert f"para. {old_id}" in compared.details.browser.toPlainText()


def test_clicking_a_unit_selects_it(qtbot: QtBot, compared: MainWindow) -> None:
    view = compared.view
    assert view.grid is not None
    first = next(item for item in view.grid.items[True] if item.unit_id is not None)
    point = view.old_pane.viewport().rect().topLeft()
    point.setX(60)
    point.setY(int(first.y + first.height / 2) - view.old_pane.scroll_y())
    qtbot.mouseClick(view.old_pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.selection == (True, first.unit_id)


def test_f7_moves_to_the_next_change(qtbot: QtBot, compared: MainWindow) -> None:
    view = compared.view
    assert view.grid is not None
    changed = [row for row in view.grid.rows if row.changed]
    compared.activateWindow()
    view.old_pane.setFocus()
    qtbot.keyClick(view.old_pane, Qt.Key.Key_F7)
    first = changed[0]
    assert view.selection == (bool(first.old), (first.old or first.new)[0])
    qtbot.keyClick(view.old_pane, Qt.Key.Key_F7)
    second = changed[1]
    assert view.selection == (bool(second.old), (second.old or second.new)[0])
    qtbot.keyClick(view.old_pane, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection == (bool(first.old), (first.old or first.new)[0])


def test_filters_hide_the_right_units(compared: MainWindow) -> None:
    view = compared.view
    presentation = compared.presentation
    assert presentation is not None and presentation.alignment is not None and view.grid is not None
    compared.actions_.set_filter_kind("added")
    assert set(view.grid.unit_box[False]) == set(presentation.alignment.added)
    assert not view.grid.unit_box[True]
    compared.actions_.set_filter_kind("removed")
    assert set(view.grid.unit_box[True]) == set(presentation.alignment.removed)
    compared.actions_.set_filter_kind("changed")
    identical = {
        u for link in presentation.alignment.links if link.kind is LinkKind.IDENTICAL for u in link.new
    }
    assert identical and not identical & set(view.grid.unit_box[False])
    compared.actions_.set_filter_kind("all")
    assert len(view.grid.unit_box[False]) == len(presentation.new.document.units)  # type: ignore[union-attr]


def test_theme_filter_keeps_only_units_of_the_theme(compared: MainWindow) -> None:
    view = compared.view
    presentation = compared.presentation
    assert presentation is not None and presentation.new is not None and view.grid is not None
    compared.themes.choose(frozenset({"cybercrime"}))
    shown = set(view.grid.unit_box[False])
    tagged = {u for u, themes in presentation.new.themes.items() if "cybercrime" in themes}
    assert shown and tagged <= shown
    assert len(shown) < len(presentation.new.document.units)


def test_a_manual_link_survives_a_restart_and_undoes(
    qtbot: QtBot, compared: MainWindow, make_window: Callable[[], MainWindow], pair: tuple[Document, Document]
) -> None:
    presentation = compared.presentation
    assert presentation is not None and presentation.alignment is not None
    removed, added = presentation.alignment.removed[0], presentation.alignment.added[0]
    compared.view.select(True, removed)
    compared.view.toggle_target(False, added)
    compared.actions_.link_selected()
    wait_ready(qtbot, compared)
    assert compared.view.counterparts_of(True, removed) == (added,)
    compared.controller.undo_stack.undo()
    wait_ready(qtbot, compared)
    assert compared.view.counterparts_of(True, removed) == ()
    compared.controller.undo_stack.redo()
    wait_ready(qtbot, compared)
    assert compared.view.counterparts_of(True, removed) == (added,)
    compared.close()

    again = make_window()
    again.compare(*pair)
    wait_ready(qtbot, again)
    assert again.view.counterparts_of(True, removed) == (added,)
    assert again.presentation is not None
    index = again.presentation.link_of(removed, old=True)
    assert index is not None and again.presentation.alignment.links[index].pinned  # type: ignore[union-attr]

    compared_undo = again.controller.undo_stack
    assert compared_undo.count() == 1  # the link made before the restart, rebuilt from the undo journal
    again.view.select(True, removed)
    again.actions_.unlink_selected()
    wait_ready(qtbot, again)
    assert again.view.counterparts_of(True, removed) == ()
    again.controller.undo_stack.undo()
    wait_ready(qtbot, again)
    assert again.view.counterparts_of(True, removed) == (added,)


def test_find_counts_matches_and_steps_through_them(qtbot: QtBot, compared: MainWindow) -> None:
    old, new = compared.controller.pair.old, compared.controller.pair.new  # type: ignore[union-attr]
    expected = sum(len(re.findall("cybercrime", u.text, re.I)) for doc in (old, new) for u in doc.units)
    compared.find_bar.open_bar()
    qtbot.keyClicks(compared.find_bar.edit, "cybercrime")
    qtbot.waitUntil(lambda: compared.find_bar.count.text() == f"{expected} matches", timeout=5000)
    qtbot.keyClick(compared.find_bar.edit, Qt.Key.Key_Return)
    assert compared.find_bar.count.text() == f"1 of {expected}"
    first = compared.find_bar.matches[0]
    assert compared.view.selection == (first.old, first.unit_id)
    qtbot.keyClick(compared.find_bar.edit, Qt.Key.Key_Return)
    assert compared.find_bar.count.text() == f"2 of {expected}"
    qtbot.keyClick(compared.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert compared.find_bar.count.text() == f"1 of {expected}"
    qtbot.keyClick(compared.find_bar.edit, Qt.Key.Key_Escape)
    assert not compared.find_bar.isVisible()


def test_go_to_paragraph_selects_it(compared: MainWindow) -> None:
    assert compared.view.go_to_unit("12")
    assert compared.view.selection == (False, "12")
    assert not compared.view.go_to_unit("999")


def test_status_bar_summarises_both_texts(compared: MainWindow) -> None:
    text = compared.summary.text()
    assert "continued" in text and "reworded" in text and "new" in text and "not carried over" in text


def test_rows_keep_moved_units_on_their_own_rows(compared: MainWindow) -> None:
    old_id, new_id = _moved(compared)
    assert compared.view.grid is not None
    rows = [r for r in compared.view.grid.rows if old_id in r.old or new_id in r.new]
    assert [r.kind for r in rows] == [RowKind.MOVED, RowKind.MOVED]
    assert all(not (r.old and r.new) for r in rows)


def test_details_show_annotations_from_the_store(qtbot: QtBot, compared: MainWindow) -> None:
    from kyoto_desk.core.annotation import new_annotation
    from kyoto_desk.store.annotations import add_annotation
    from kyoto_desk.ui.comparison_controller import key_of

    assert compared.presentation is not None
    old_doc = compared.presentation.old.document
    note = new_annotation(key_of(old_doc), "12", old_doc.unit("12").text, note="SYNTHETIC note on 12")
    with compared.store().session() as session:
        add_annotation(session, note)
    compared.annotations.load()  # written behind the window's back: read the store again
    qtbot.waitUntil(lambda: len(compared.annotations.book) == 1, timeout=20000)
    compared.view.select(True, "12")
    assert "SYNTHETIC note on 12" in compared.details.browser.toPlainText()


def test_window_height_and_docks_are_remembered(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    from PySide6.QtWidgets import QDockWidget

    first = make_window()
    first.resize(first.width(), 500)  # the offscreen screen is narrow; restoreGeometry clamps the width
    themes = first.findChild(QDockWidget, "themesDock")
    assert themes is not None
    themes.hide()
    first.close()
    second = MainWindow(first.data_dir, first.settings)
    qtbot.addWidget(second)
    second.show()
    assert second.height() == 500
    restored = second.findChild(QDockWidget, "themesDock")
    assert restored is not None and not restored.isVisible()
    second.close()


def test_arrow_keys_walk_a_text_and_escape_clears(qtbot: QtBot, compared: MainWindow) -> None:
    view = compared.view
    view.select(True, "pp2")
    qtbot.keyClick(view.old_pane, Qt.Key.Key_Down)
    assert view.selection == (True, "pp3")
    qtbot.keyClick(view.old_pane, Qt.Key.Key_Up)
    assert view.selection == (True, "pp2")
    qtbot.keyClick(view.old_pane, Qt.Key.Key_Escape)
    assert view.selection is None and not view.old_pane.selected
    assert "Select a paragraph" in compared.details.browser.toPlainText()


def test_clicking_the_overview_bar_scrolls_both_panes_there(qtbot: QtBot, compared: MainWindow) -> None:
    view = compared.view
    assert view.grid is not None
    bar = view.overview
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.rect().center())
    middle = view.grid.total_height / 2
    for pane in (view.old_pane, view.new_pane):
        top = pane.scroll_y()
        assert top <= middle <= top + pane.viewport().height()


def test_the_gutter_names_and_selects_the_link_under_the_pointer(qtbot: QtBot, compared: MainWindow) -> None:
    view = compared.view
    view.select(True, "40")  # the SYNTHETIC split: 40 became two paragraphs
    gutter = view.gutter
    span = gutter._span(view.old_pane, ("40",))
    assert span is not None
    point = QPointF(2.0, (span[0] + span[1]) / 2)
    index = gutter.link_at(point)
    assert index is not None
    assert gutter._describe(index).startswith("Split")
    view.clear_selection()
    qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert view.selection == (True, "40")


def test_actions_are_enabled_only_when_they_apply(compared: MainWindow) -> None:
    actions = compared.actions_
    assert actions.next_action.isEnabled() and not actions.unlink_action.isEnabled()
    assert compared.presentation is not None and compared.presentation.alignment is not None
    compared.view.select(True, "12")  # linked
    assert actions.unlink_action.isEnabled() and not actions.link_action.isEnabled()
    removed, added = compared.presentation.alignment.removed[0], compared.presentation.alignment.added[0]
    compared.view.select(True, removed)
    assert not actions.unlink_action.isEnabled()
    compared.view.toggle_target(False, added)
    assert actions.link_action.isEnabled()
    compared.show_document(compared.presentation.old.document)
    assert not actions.next_action.isEnabled() and not actions.filter_box.isEnabled()
