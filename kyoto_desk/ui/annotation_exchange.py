"""File ▸ Export / Import annotations: JSON-LD or CSV, run off the GUI thread, errors as one sentence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from kyoto_desk.ui.tasks import TaskHandle

if TYPE_CHECKING:
    from kyoto_desk.store.db import Store
    from kyoto_desk.store.exchange import ImportReport
    from kyoto_desk.ui.conflicts_dialog import ConflictsDialog
    from kyoto_desk.ui.main_window import MainWindow

FILTERS = "Web Annotation JSON-LD (*.jsonld *.json);;CSV for spreadsheets (*.csv)"


def write_file(store: Store, path: Path, file_format: str) -> int:
    """Write every stored annotation to `path` (atomically); returns how many."""
    from kyoto_desk.export import annotations_csv, webannotation
    from kyoto_desk.store.annotations import list_annotations
    from kyoto_desk.store.resolver import DocumentResolver

    with store.session() as session:
        annotations = list_annotations(session)
        resolver = DocumentResolver(session)
        names = {key: resolver.name_of(key) for key in {a.document_key for a in annotations}}
    if file_format == "csv":
        annotations_csv.write_annotations_csv(path, annotations, names.__getitem__)
    else:
        webannotation.write_web_annotations(path, annotations, names.__getitem__)
    return len(annotations)


def read_file(store: Store, path: Path) -> ImportReport:
    """Merge a JSON or CSV file into the store in one transaction (all entries or none)."""
    from kyoto_desk.store.exchange import import_annotations

    with store.session() as session:
        return import_annotations(session, path)


def export_annotations(window: MainWindow, path: Path, file_format: str) -> TaskHandle:
    """Write in the background; the status bar says how many, a failure shows its one sentence."""
    task = window.runner.start(
        "export annotations", lambda _p, _c: write_file(window.store(), path, file_format)
    )

    def finished(count: object) -> None:
        window.statusBar().showMessage(f"{count} annotation(s) exported to {path}.", 10000)

    task.finished.connect(finished)
    task.failed.connect(_error_shower(window))
    return task


def import_annotations(window: MainWindow, path: Path) -> TaskHandle:
    """Merge in the background, then reload the panel and list any conflicts."""
    task = window.runner.start("import annotations", lambda _p, _c: read_file(window.store(), path))

    def finished(report: object) -> None:
        window.annotations.load()
        summary = getattr(report, "summary", lambda: "")()
        window.statusBar().showMessage(f"{path.name}: {summary}.", 15000)
        conflicts = getattr(report, "conflicts", ())
        if conflicts:
            show_conflicts(window, report)  # type: ignore[arg-type]

    task.finished.connect(finished)
    task.failed.connect(_error_shower(window))
    return task


def show_conflicts(window: MainWindow, report: ImportReport) -> ConflictsDialog:
    """The annotations edited on both sides; the user may keep the other version of any of them."""
    from kyoto_desk.ui.conflicts_dialog import ConflictsDialog

    dialog = ConflictsDialog(window, report.conflicts)

    def accepted() -> None:
        changes = dialog.changes()
        if changes:
            stack = window.controller.undo_stack
            stack.beginMacro(f"Resolve {len(changes)} import conflict(s)")
            for stored, wanted in changes:
                window.annotations.replace(stored, wanted)
            stack.endMacro()

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def _error_shower(window: MainWindow) -> Callable[[object], None]:
    def failed(error: object) -> None:
        if isinstance(error, BaseException):
            window.show_error(error)

    return failed


def ask_export(window: MainWindow) -> TaskHandle | None:
    path, chosen = QFileDialog.getSaveFileName(window, "Export annotations", "annotations.jsonld", FILTERS)
    if not path:
        return None
    file_format = "csv" if path.lower().endswith(".csv") or "CSV" in chosen else "json"
    return export_annotations(window, Path(path), file_format)


def ask_import(window: MainWindow) -> TaskHandle | None:
    path, _ = QFileDialog.getOpenFileName(
        window, "Import annotations", "", "Annotations (*.jsonld *.json *.csv);;All files (*)"
    )
    return import_annotations(window, Path(path)) if path else None
