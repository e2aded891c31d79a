"""File ▸ Export briefing…: the dialog, its remembered choices, and the export run from the window.

Texts: the bundled Kyoto Declaration and its SYNTHETIC revision (tests/ui/synthetic.py), never a Doha text.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from kyoto_desk.core.annotation import TextPosition, key_of, new_annotation
from kyoto_desk.export.atomic import write_atomically
from kyoto_desk.export.briefing_options import ALL_SECTIONS, BriefingOptions, Scope, Section
from kyoto_desk.ui.briefing_export import (
    CANCELLED,
    NO_COMPARISON,
    BriefingSettings,
    ask_export_briefing,
    current_comparison,
    make_dialog,
    start_export,
)
from kyoto_desk.ui.export_briefing_dialog import ExportBriefingDialog
from kyoto_desk.ui.main_window import MainWindow
from tests.ui.synthetic import kyoto

TITLE = "SYNTHETIC briefing: Kyoto against its revision"


@pytest.fixture
def briefing_settings(tmp_path: Path) -> QSettings:
    """A settings file of the test's own: the user's remembered choices are never touched."""
    return QSettings(str(tmp_path / "briefing.ini"), QSettings.Format.IniFormat)


def _dialog(qtbot: QtBot, window: MainWindow, settings: QSettings) -> ExportBriefingDialog:
    comparison = current_comparison(window)
    assert comparison is not None
    dialog = make_dialog(window, comparison, BriefingSettings(settings))
    qtbot.addWidget(dialog)
    return dialog


def _fill(qtbot: QtBot, dialog: ExportBriefingDialog, file_name: str) -> None:
    """What a user does: type, click the scope, check two themes, drop a section, tick landscape."""
    dialog.title_edit.clear()
    QTest.keyClicks(dialog.title_edit, TITLE)
    QTest.keyClicks(dialog.author_edit, "Delegation of Synthetica")
    dialog.today_box.setChecked(False)
    dialog.date_edit.setDate(QDate(2026, 3, 14))
    dialog.marking_box.setCurrentText("RESTRICTED")
    dialog.scope_buttons[Scope.CHANGED].click()
    for row in (1, 3):
        dialog.themes.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.section_boxes[Section.AMENDMENTS].click()
    dialog.landscape_box.click()
    dialog.shading_box.click()
    QTest.keyClicks(dialog.file_edit, file_name)


def _expected(dialog: ExportBriefingDialog) -> BriefingOptions:
    themes = tuple(str(dialog.themes.item(r).data(Qt.ItemDataRole.UserRole)) for r in (1, 3))
    return BriefingOptions(
        title=TITLE,
        author="Delegation of Synthetica",
        date=dt.date(2026, 3, 14),
        confidentiality="RESTRICTED",
        scope=Scope.CHANGED,
        themes=themes,
        sections=ALL_SECTIONS - {Section.AMENDMENTS},
        landscape=True,
        shade_agreed=False,
    )


def test_the_dialog_returns_what_was_entered(
    qtbot: QtBot, compared: MainWindow, briefing_settings: QSettings, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, compared, briefing_settings)
    assert dialog.themes.count() > 3 and not dialog.ok_button.isEnabled()
    dialog.folder = tmp_path
    _fill(qtbot, dialog, "capital")
    assert dialog.ok_button.isEnabled()
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ExportBriefingDialog.DialogCode.Accepted
    assert dialog.options() == _expected(dialog)
    assert dialog.target() == tmp_path / "capital.docx"  # a name without .docx gets it
    assert dialog.file_edit.accessibleName() and dialog.themes.accessibleName()


def test_ok_needs_a_file_name_and_a_section(
    qtbot: QtBot, compared: MainWindow, briefing_settings: QSettings
) -> None:
    dialog = _dialog(qtbot, compared, briefing_settings)
    QTest.keyClicks(dialog.file_edit, "b.docx")
    assert dialog.ok_button.isEnabled()
    for box in dialog.section_boxes.values():
        box.setChecked(False)
    assert not dialog.ok_button.isEnabled()
    dialog.section_boxes[Section.SYNOPTIC].setChecked(True)
    dialog.file_edit.setText("   ")
    assert not dialog.ok_button.isEnabled()


def test_a_second_dialog_opens_with_the_remembered_choices(
    qtbot: QtBot, compared: MainWindow, briefing_settings: QSettings, tmp_path: Path
) -> None:
    first = _dialog(qtbot, compared, briefing_settings)
    first.folder = tmp_path
    _fill(qtbot, first, "capital.docx")
    target = first.target()
    assert target is not None
    BriefingSettings(briefing_settings).save(first.options(), target.parent)
    second = _dialog(qtbot, compared, QSettings(briefing_settings.fileName(), QSettings.Format.IniFormat))
    # Everything but a fixed date comes back: the next briefing is dated the day it is made.
    assert second.options() == replace(_expected(first), date=None)
    assert second.today_box.isChecked() and second.folder == tmp_path
    assert second.themes.item(1).checkState() == Qt.CheckState.Checked
    assert second.file_edit.text() == ""  # never overwrite last time's file without being asked


def test_damaged_remembered_choices_fall_back_to_the_defaults(briefing_settings: QSettings) -> None:
    briefing_settings.setValue("briefing/options", "{not json")
    briefing_settings.setValue("briefing/folder", "/no/such/folder")
    remembered = BriefingSettings(briefing_settings)
    assert remembered.options() == BriefingOptions()
    assert remembered.folder().is_dir()


def _run(qtbot: QtBot, task: Any) -> None:
    with qtbot.waitSignal(task.done, timeout=30000):
        pass


def _annotate(window: MainWindow) -> None:
    assert window.presentation is not None
    document = window.presentation.old.document
    text = document.unit("5").text
    window.annotations.add(
        new_annotation(
            key_of(document), "5", text, TextPosition(0, 12), note="SYNTHETIC position note", author="Ana"
        )
    )


def test_export_from_the_menu_writes_a_briefing_with_the_stored_annotations(
    qtbot: QtBot, compared: MainWindow, briefing_settings: QSettings, tmp_path: Path
) -> None:
    _annotate(compared)
    target = tmp_path / "out" / "capital.docx"
    target.parent.mkdir()

    def fill_and_accept() -> None:
        dialog = compared.findChild(ExportBriefingDialog)
        assert isinstance(dialog, ExportBriefingDialog)
        dialog.title_edit.setText(TITLE)
        dialog.scope_buttons[Scope.ANNOTATED].click()
        dialog.file_edit.setText(str(target.with_suffix("")))
        dialog.ok_button.click()

    QTimer.singleShot(0, fill_and_accept)
    task = ask_export_briefing(compared, briefing_settings)
    assert task is not None
    _run(qtbot, task)
    written = docx.Document(str(target))
    assert written.core_properties.title == TITLE
    text = "\n".join(p.text for p in written.paragraphs)
    assert TITLE in text
    cells = "\n".join(c.text for t in written.tables for r in t.rows for c in r.cells)
    assert "SYNTHETIC position note" in cells  # loaded from the store in the background
    assert compared.statusBar().currentMessage().startswith("Briefing saved as capital.docx")
    assert BriefingSettings(briefing_settings).folder() == target.parent
    assert BriefingSettings(briefing_settings).options().scope is Scope.ANNOTATED


def test_cancelling_mid_export_leaves_no_file(
    qtbot: QtBot, compared: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker waits just before writing, so the Cancel click lands mid-export on any machine.
    reached, resume = threading.Event(), threading.Event()

    def write_after_cancel(*args: Any, **kwargs: Any) -> None:
        reached.set()
        resume.wait(30)
        write_atomically(*args, **kwargs)

    monkeypatch.setattr("kyoto_desk.export.briefing.write_atomically", write_after_cancel)
    comparison = current_comparison(compared)
    assert comparison is not None
    target = tmp_path / "cancelled.docx"
    task = start_export(compared, comparison, BriefingOptions(title=TITLE), target)
    qtbot.waitUntil(reached.is_set, timeout=30000)
    progress = compared.findChild(QProgressDialog)
    assert isinstance(progress, QProgressDialog)
    cancel = progress.findChild(QPushButton)
    assert isinstance(cancel, QPushButton)
    with qtbot.waitSignal(task.done, timeout=30000):
        cancel.click()
        resume.set()
    assert not target.exists() and list(tmp_path.glob("*.part")) == [] and list(tmp_path.glob("*.docx")) == []
    assert compared.statusBar().currentMessage() == CANCELLED


def test_a_missing_folder_is_one_sentence_and_no_traceback(
    qtbot: QtBot, compared: MainWindow, tmp_path: Path
) -> None:
    comparison = current_comparison(compared)
    assert comparison is not None
    target = tmp_path / "no such folder" / "b.docx"
    _run(qtbot, start_export(compared, comparison, BriefingOptions(), target))
    message = compared.statusBar().currentMessage()
    assert "does not exist" in message and "Traceback" not in message and "\n" not in message
    boxes = [b for b in compared.findChildren(QMessageBox) if b.isVisible()]
    assert [b.text() for b in boxes] == [message]
    assert not target.parent.exists()


def test_without_a_comparison_the_user_is_told_to_choose_two_texts(
    qtbot: QtBot, make_window: Callable[[], MainWindow], briefing_settings: QSettings
) -> None:
    window = make_window()
    window.show_document(kyoto())
    assert ask_export_briefing(window, briefing_settings) is None
    assert window.statusBar().currentMessage() == NO_COMPARISON
    assert window.findChild(ExportBriefingDialog) is None
