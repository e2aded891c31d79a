"""View options a delegate uses all day: zoom, agreed-language hover, hiding minor changes, Help."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kyoto_desk.ui.grid import PADDING
from kyoto_desk.ui.main_window import MainWindow
from kyoto_desk.ui.unit_text import UnitText


def test_zoom_changes_the_text_size_and_is_remembered(compared: MainWindow) -> None:
    before = compared.view.options.font.pointSizeF()
    compared.actions_.zoom(1.0)
    assert compared.view.options.font.pointSizeF() == before + 1
    assert compared.settings.point_size() == before + 1
    compared.actions_.zoom(0.0)
    assert compared.view.options.font.pointSizeF() == compared.settings.point_size()


def test_hovering_agreed_language_says_where_it_also_stands(compared: MainWindow) -> None:
    compared.actions_.agreed_action.trigger()
    assert compared.view.options.show_agreed
    pane = compared.view.old_pane
    compared.view.select(True, "2")
    grid = compared.view.grid
    assert grid is not None
    item = next(i for i in grid.items[True] if i.unit_id == "2")
    assert isinstance(item.text, UnitText)
    line = item.text.document.firstBlock().layout().lineAt(0)
    point = QPointF(PADDING + line.x() + line.naturalTextWidth() - 4, item.y + line.y() + 3 - pane.scroll_y())
    assert pane._tooltip_at(point).startswith("Agreed language — also in Synthetic revision, para. 2")


def _struck_text(unit: UnitText) -> str:
    """The text of a rendered paragraph that is struck through."""
    out = []
    it = unit.document.firstBlock().begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.charFormat().fontStrikeOut():
            out.append(fragment.text())
        it += 1
    return "".join(out)


def test_hiding_minor_changes_drops_their_marks(compared: MainWindow) -> None:
    grid = compared.view.grid
    assert grid is not None
    unit = grid.unit_text(True, "8")  # the SYNTHETIC revision changes only a comma here
    assert unit is not None and _struck_text(unit) == ","
    compared.actions_.minor_action.trigger()
    unit = grid.unit_text(True, "8")
    assert unit is not None and _struck_text(unit) == ""


def test_help_lists_the_shortcuts(compared: MainWindow) -> None:
    keys = dict(compared.actions_.shortcuts())
    assert keys["Next change"] == "F7"
    assert keys["Previous change"] == "Shift+F7"
    assert keys["Go to paragraph…"] == "Ctrl+G"
    assert keys["Find…"] == "Ctrl+F"


def test_swap_puts_the_newer_text_on_the_left(qtbot: QtBot, compared: MainWindow) -> None:
    from tests.ui.conftest import wait_ready

    compared.swap()
    wait_ready(qtbot, compared)
    assert compared.presentation is not None
    assert compared.presentation.old.document.info.alias == "synthetic-revision"


def test_ctrl_wheel_zooms(qtbot: QtBot, compared: MainWindow) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    before = compared.view.options.font.pointSizeF()
    viewport = compared.view.old_pane.viewport()
    event = QWheelEvent(
        QPointF(20, 20), QPointF(viewport.mapToGlobal(QPoint(20, 20))), QPoint(0, 0), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(viewport, event)
    assert compared.view.options.font.pointSizeF() == before + 1


def test_the_dark_scheme_recolours_views_and_details(qapp: QApplication, compared: MainWindow) -> None:
    from kyoto_desk.ui.palette import DARK, LIGHT, apply_scheme

    compared.view.select(True, "9")  # reworded: the details show an insertion
    try:
        apply_scheme(qapp, dark=True)
        qapp.processEvents()
        assert compared.view.options.colours is DARK
        assert DARK.insert.name() in compared.details.browser.toHtml()
    finally:
        apply_scheme(qapp, dark=False)
        qapp.processEvents()
    assert compared.view.options.colours is LIGHT
