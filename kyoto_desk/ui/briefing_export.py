"""File ▸ Export briefing…: ask, remember the choices, write the .docx off the GUI thread with Cancel."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog

from kyoto_desk.core.annotation import Annotation
from kyoto_desk.export.briefing_options import BriefingOptions
from kyoto_desk.export.progress import ExportCancelledError
from kyoto_desk.ui.export_briefing_dialog import ExportBriefingDialog
from kyoto_desk.ui.settings import APPLICATION, ORGANISATION
from kyoto_desk.ui.tasks import TaskHandle

if TYPE_CHECKING:
    from kyoto_desk.core.compare import Comparison
    from kyoto_desk.export.briefing import BriefingResult
    from kyoto_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

NO_COMPARISON = (
    "Choose two texts to compare first (Older and Newer in the toolbar): a briefing compares them."
)
CANCELLED = "Briefing export cancelled; no file was written."


class BriefingSettings:
    """The dialog's last choices and folder, kept in QSettings under `briefing/`."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings(ORGANISATION, APPLICATION)

    def options(self) -> BriefingOptions:
        try:
            data = json.loads(str(self._s.value("briefing/options", "") or "{}"))
        except ValueError:  # a damaged entry: start from the defaults rather than fail
            data = {}
        return BriefingOptions.from_dict(data if isinstance(data, dict) else {})

    def folder(self) -> Path:
        saved = str(self._s.value("briefing/folder", "") or "")
        if saved and Path(saved).is_dir():
            return Path(saved)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def save(self, options: BriefingOptions, folder: Path) -> None:
        data = options.to_dict()
        data["date"] = None  # a fixed date is for one briefing: the next one is dated the day it is made
        self._s.setValue("briefing/options", json.dumps(data))
        self._s.setValue("briefing/folder", str(folder))
        self._s.sync()


def current_comparison(window: MainWindow) -> Comparison | None:
    """The comparison on screen, or None while only one text is open (or the first one still runs)."""
    presentation = window.presentation
    if presentation is None or presentation.new is None:
        return None
    return presentation.comparison


def load_annotations(window: MainWindow, comparison: Comparison) -> list[Annotation]:
    """The stored annotations on either text of `comparison` (run off the GUI thread)."""
    if not window.has_store():
        return []  # nothing was ever saved: do not create a database just to read it
    from kyoto_desk.export.annotation_index import document_keys
    from kyoto_desk.store.annotations import AnnotationFilter, list_annotations

    keys = tuple(sorted(document_keys(comparison.old) | document_keys(comparison.new)))
    with window.store().session() as session:
        return list_annotations(session, AnnotationFilter(document_keys=keys))


def ask_export_briefing(window: MainWindow, settings: QSettings | None = None) -> TaskHandle | None:
    """Open the dialog for the window's comparison and start the export; None if nothing was started."""
    comparison = current_comparison(window)
    if comparison is None:
        _tell(window, NO_COMPARISON)
        return None
    remembered = BriefingSettings(settings)
    dialog = make_dialog(window, comparison, remembered)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    target, options = dialog.target(), dialog.options()
    dialog.deleteLater()  # parented to the window: without this each export would leave one behind
    if not accepted or target is None:
        return None
    remembered.save(options, target.parent)
    return start_export(window, comparison, options, target)


def make_dialog(
    window: MainWindow, comparison: Comparison, remembered: BriefingSettings
) -> ExportBriefingDialog:
    themes = [(t.id, t.label) for t in comparison.lexicon.themes]
    return ExportBriefingDialog(window, themes, remembered.options(), remembered.folder())


def start_export(
    window: MainWindow, comparison: Comparison, options: BriefingOptions, target: Path
) -> TaskHandle:
    """Load the annotations and write the briefing in the background, behind a progress dialog."""
    written: list[BriefingResult] = []

    def work(progress: Callable[[float], None], is_cancelled: Callable[[], bool]) -> BriefingResult:
        from kyoto_desk.export.briefing import export_briefing

        annotations = load_annotations(window, comparison)
        result = export_briefing(
            comparison,
            target,
            options=options,
            annotations=annotations,
            progress=progress,
            is_cancelled=is_cancelled,
        )
        written.append(result)  # a cancel pressed after the rename comes too late: the file is there
        return result

    task = window.runner.start("export briefing", work)
    progress = _progress_dialog(window, task)

    def finished(result: object) -> None:
        _close(progress)
        _report_written(window, target, result)

    def cancelled() -> None:
        _close(progress)
        if written:
            _report_written(window, target, written[0])
        else:
            window.statusBar().showMessage(CANCELLED, 10000)

    def failed(error: object) -> None:
        _close(progress)
        if isinstance(error, ExportCancelledError):  # the runner knows only its own cancel errors
            window.statusBar().showMessage(CANCELLED, 10000)
        elif isinstance(error, BaseException):
            window.show_error(error)

    task.finished.connect(finished)
    task.cancelled.connect(cancelled)
    task.failed.connect(failed)
    return task


def _progress_dialog(window: MainWindow, task: TaskHandle) -> QProgressDialog:
    dialog = QProgressDialog("Writing the briefing…", "Cancel", 0, 100, window)
    dialog.setWindowTitle("Export briefing")
    dialog.setAccessibleName("Briefing export progress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # a quick export does not flash a dialog
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    dialog.canceled.connect(task.cancel)
    task.progress.connect(lambda fraction: dialog.setValue(int(fraction * 100)))
    return dialog


def _close(dialog: QProgressDialog) -> None:
    # Closing a QProgressDialog emits `canceled`; the task is over, so nothing must listen any more.
    dialog.canceled.disconnect()
    dialog.hide()
    dialog.deleteLater()


def _report_written(window: MainWindow, target: Path, result: object) -> None:
    from kyoto_desk.export.briefing import BriefingResult  # loaded already by the export itself

    counts = ""
    if isinstance(result, BriefingResult):
        counts = f" ({result.rows} rows, {result.comments} comments, {result.positions} positions)"
    window.statusBar().showMessage(f"Briefing saved as {target.name}{counts}.", 15000)


def _tell(window: MainWindow, text: str) -> None:
    window.statusBar().showMessage(text, 10000)
    box = QMessageBox(
        QMessageBox.Icon.Information, "Export briefing", text, QMessageBox.StandardButton.Ok, window
    )
    box.setAccessibleName("Export briefing message")
    box.open()  # window-modal and returns at once, like the error messages
