"""The About dialog shows the version, the licence and the sources of the bundled texts."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kyoto_desk import __version__, appinfo
from kyoto_desk.paths import texts_dir
from kyoto_desk.ui.about_dialog import AboutDialog, application_icon


def test_about_dialog_shows_version_and_licence(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "About Kyoto Desk"
    assert dialog.version_label.text() == f"Version {__version__}"
    assert dialog.licence_label.text().startswith("Licence: MIT.")
    assert dialog.licence_text.toPlainText().startswith("MIT License")
    assert dialog.licence_text.isReadOnly()


def test_about_dialog_lists_every_bundled_text_source(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    shown = dialog.sources_label.text()
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(texts_dir().glob("*.json"))]
    assert records, "the Kyoto text ships with the app"
    for record in records:
        for symbol in record["symbols"]:
            assert symbol in shown
        assert record["file"] in shown
        assert record["source"].split(",")[0] in shown


def test_about_dialog_has_the_application_icon(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    pixmap = dialog.icon_label.pixmap()
    assert not pixmap.isNull()
    assert pixmap.width() == 64
    sizes = {size.width() for size in application_icon().availableSizes()}
    assert sizes == set(appinfo.ICON_SIZES)


def test_close_button_closes_the_dialog(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
