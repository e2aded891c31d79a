"""Import a file or download a UN document in the background, then add it to the library.

The work (sources.library: read, parse, store) runs off the GUI thread; the window only hears
"added" or the error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from kyoto_desk.ui.tasks import TaskHandle

if TYPE_CHECKING:
    from kyoto_desk.sources.library import AddResult
    from kyoto_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Added:
    """What the window tells the user once a document is in the library."""

    key: str
    message: str


def _added(result: AddResult) -> Added:
    message = "Added to the library. Double-click it to compare."
    if not result.created:
        message = "That text is already in the library."
    elif result.carried:
        from kyoto_desk.core.carry_summary import carry_summary

        message = f"Added as a new version. {carry_summary(result.carried)}."
    return Added(result.entry.key, message)


def import_into_library(
    path: Path, data_dir: Path, progress: Callable[[float], None], is_cancelled: Callable[[], bool]
) -> Added:
    """Read, parse and add a file to the library (nothing is stored if it fails)."""
    from kyoto_desk.sources.library import add_file

    return _added(add_file(data_dir, path, progress=progress, is_cancelled=is_cancelled))


def _follow(window: MainWindow, task: TaskHandle, what: str) -> None:
    window.progress.setVisible(True)
    window.progress.setValue(0)
    window.cancel_button.setVisible(True)
    window.summary.setText(what)
    window.cancel_button.clicked.connect(task.cancel)

    def finished(added: object) -> None:
        window.refresh_library()
        if isinstance(added, Added):
            window.statusBar().showMessage(added.message, 15000)
            window.library.select_name(added.key)

    def done() -> None:
        window.cancel_button.clicked.disconnect(task.cancel)
        window.progress.setVisible(window.controller.busy)
        window.cancel_button.setVisible(window.controller.busy)
        if window.presentation is not None and not window.controller.busy:
            window.summary.setText(window.presentation.status)

    task.progress.connect(lambda f: window.progress.setValue(int(f * 100)))
    task.finished.connect(finished)
    task.failed.connect(window.show_error)
    task.cancelled.connect(
        lambda: window.statusBar().showMessage("Import cancelled; nothing was added.", 8000)
    )
    task.done.connect(done)


def start_import(window: MainWindow, path: Path) -> TaskHandle:
    """Import `path` in the background."""
    data = window.data_dir
    task = window.runner.start("import", lambda p, c: import_into_library(path, data, p, c))
    _follow(window, task, f"Importing {path.name}…")
    return task


def download_into_library(
    symbol: str, data_dir: Path, progress: Callable[[float], None], is_cancelled: Callable[[], bool]
) -> Added:
    """Fetch the official PDF of a UN symbol into the library."""
    from kyoto_desk.sources.library import fetch_and_add

    return _added(fetch_and_add(data_dir, symbol, progress=progress, is_cancelled=is_cancelled))


def ask_and_download(window: MainWindow, symbol: str) -> TaskHandle | None:
    """Ask for a symbol (prefilled) and download it in the background."""
    text, ok = QInputDialog.getText(
        window, "Get from the UN by symbol", "UN document symbol (e.g. A/RES/70/174):", text=symbol
    )
    if not ok or not text.strip():
        return None
    data = window.data_dir
    wanted = text.strip()
    task = window.runner.start("download", lambda p, c: download_into_library(wanted, data, p, c))
    _follow(window, task, f"Downloading {wanted} from the UN…")
    return task
