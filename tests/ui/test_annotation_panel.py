"""The annotations dock: filters, counts, sort, and a click that shows the span in context.

Texts: the bundled Kyoto Declaration and its SYNTHETIC revision (tests/ui/synthetic.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kyoto_desk.core.annotation import TextPosition, UnitRelation, key_of, new_annotation
from kyoto_desk.store.relations import list_relations
from kyoto_desk.ui.annotation_model import PanelFilter, SortOrder
from kyoto_desk.ui.main_window import MainWindow
from kyoto_desk.ui.relation_dialog import RelationDialog

SPECS = (  # unit, words, stance, themes, author, note
    ("12", None, "support", ("corruption",), "Ana", "SYNTHETIC note: good"),
    ("5", "intensify", "oppose", ("corruption", "terrorism"), "Ben", "SYNTHETIC note: too strong"),
    ("pp2", None, "question", (), "Ana", "SYNTHETIC note: which year?"),
    ("30", None, "support", ("terrorism",), "Cleo", "SYNTHETIC note: agreed"),
)


def _populate(window: MainWindow) -> None:
    assert window.presentation is not None
    document = window.presentation.old.document
    for unit_id, words, stance, themes, author, note in SPECS:
        text = document.unit(unit_id).text
        position = None
        if words:
            start = text.index(words)
            position = TextPosition(start, start + len(words))
        window.annotations.add(
            new_annotation(
                key_of(document),
                unit_id,
                text,
                position,
                stance=stance,
                themes=themes,
                author=author,
                note=note,
            )
        )


def _units(window: MainWindow) -> list[str]:
    return [a.unit_id for a in window.annotation_panel.model.shown()]


def test_panel_filters_by_stance_theme_author_and_text(compared: MainWindow) -> None:
    _populate(compared)
    panel = compared.annotation_panel
    assert sorted(_units(compared)) == ["12", "30", "5", "pp2"]
    panel.stance_box.setCurrentIndex(panel.stance_box.findData("support"))  # as a user picks it
    assert sorted(_units(compared)) == ["12", "30"]
    panel.set_filter(PanelFilter(theme="terrorism"))
    assert sorted(_units(compared)) == ["30", "5"]
    panel.set_filter(PanelFilter(author="Ana"))
    assert sorted(_units(compared)) == ["12", "pp2"]
    panel.set_filter(PanelFilter(text="which YEAR"))
    assert _units(compared) == ["pp2"]
    panel.set_filter(PanelFilter(text="intensify"))  # the quote is searched too
    assert _units(compared) == ["5"]
    panel.set_filter(PanelFilter(theme="corruption", author="Ben"))
    assert _units(compared) == ["5"]


def test_panel_counts_per_stance_and_theme(compared: MainWindow) -> None:
    _populate(compared)
    panel = compared.annotation_panel
    stances, themes = panel.model.counts()
    assert stances == {"support": 2, "oppose": 1, "question": 1}
    assert themes == {"corruption": 2, "terrorism": 2}
    assert "4</b> of 4" in panel.counts_label.text() and "support 2" in panel.counts_label.text()
    panel.set_filter(PanelFilter(author="Ana"))
    assert panel.model.counts()[0] == {"support": 1, "question": 1}
    assert "2</b> of 4" in panel.counts_label.text()


def test_panel_sorts_in_reading_order_newest_and_by_stance(compared: MainWindow) -> None:
    _populate(compared)
    model = compared.annotation_panel.model
    assert _units(compared) == ["pp2", "5", "12", "30"]
    model.set_order(SortOrder.NEWEST)
    assert _units(compared) == ["30", "pp2", "5", "12"]
    model.set_order(SortOrder.STANCE)
    assert [a.stance for a in model.shown()] == ["oppose", "question", "support", "support"]


def test_clicking_a_row_selects_the_paragraph_and_flashes_the_span(
    qtbot: QtBot, compared: MainWindow
) -> None:
    _populate(compared)
    compared.view.select(True, "90")  # far away from paragraph 5
    panel = compared.annotation_panel
    panel.set_filter(PanelFilter(author="Ben"))
    table = panel.table
    rect = table.visualRect(panel.model.index(0, 2))
    QTest.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    assert compared.view.selection == (True, "5")
    flash = compared.view.old_pane.flash
    assert flash is not None and flash.unit_id == "5"
    assert compared.presentation is not None
    text = compared.presentation.old.document.unit("5").text
    assert text[flash.start : flash.end] == "intensify"
    view = compared.view
    assert view.grid is not None
    assert view.old_pane.is_visible_y(*view.grid.unit_box[True]["5"])


def test_panel_edit_and_delete_buttons_act_on_the_current_row(compared: MainWindow) -> None:
    _populate(compared)
    panel = compared.annotation_panel
    panel.set_filter(PanelFilter(author="Cleo"))
    panel.table.selectRow(0)
    panel.delete_button.click()
    assert "30" not in _units(compared)
    assert len(compared.annotations.book) == 3
    compared.controller.undo_stack.undo()
    assert len(compared.annotations.book) == 4


def test_relation_is_saved_shown_and_undone(qtbot: QtBot, compared: MainWindow) -> None:
    view = compared.view
    view.select(True, "12")
    counterpart = view.counterparts_of(True, "12")[0]
    dialog = compared.annotations.relate_selected()
    assert isinstance(dialog, RelationDialog)
    dialog.relation_box.setCurrentText("Weakens")
    dialog.note_edit.setPlainText("SYNTHETIC note: softer wording")
    dialog.accept()
    with compared.store().session() as session:
        [relation] = list_relations(session)
    assert isinstance(relation, UnitRelation)
    assert (relation.old_unit, relation.new_unit, relation.relation) == ("12", counterpart, "weakens")
    assert "softer wording" in compared.details.browser.toPlainText()
    compared.controller.undo_stack.undo()
    with compared.store().session() as session:
        assert list_relations(session) == []
    assert "softer wording" not in compared.details.browser.toPlainText()
    compared.controller.undo_stack.redo()
    with compared.store().session() as session:
        assert [r.id for r in list_relations(session)] == [relation.id]
    from PySide6.QtCore import QPoint

    menu = compared.annotations.show_menu(True, QPoint(10, 10))
    [remove] = [a for a in menu.actions() if a.text().startswith("Remove relation “weakens”")]
    menu.close()
    remove.trigger()
    with compared.store().session() as session:
        assert list_relations(session) == []
    compared.controller.undo_stack.undo()
    with compared.store().session() as session:
        assert list_relations(session) == [relation]


def test_one_change_under_a_filter_gives_the_same_rows_as_a_full_refill(compared: MainWindow) -> None:
    panel = compared.annotation_panel
    _populate(compared)
    panel.set_filter(PanelFilter(stance="support"))
    assert compared.presentation is not None
    document = compared.presentation.old.document
    for unit_id, stance in (("7", "support"), ("8", "oppose"), ("1", "support")):
        compared.annotations.add(
            new_annotation(
                key_of(document), unit_id, document.unit(unit_id).text, stance=stance, author="Dan"
            )
        )
    incremental, counted = _units(compared), panel.model.counts()
    assert incremental == ["1", "7", "12", "30"]
    panel.model.set_filter(panel.model.flt)  # a full refill
    assert _units(compared) == incremental and panel.model.counts() == counted
    assert panel.author_box.findData("Dan") >= 0  # a new author joins the chooser at once
    compared.controller.undo_stack.undo()
    assert _units(compared) == ["7", "12", "30"]
    assert panel.model.counts()[0] == {"support": 3}
