"""Import a file or download a UN document in the background, then add it to the library.

The work (sources.library: read, parse, store) runs off the GUI thread; the window only hears
"added" or the error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from kyoto_desk.ui.tasks import TaskHandle

if TYPE_CHECKING:
    from kyoto_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def import_into_library(
    path: Path, data_dir: Path, progress: Callable[[float], None], is_cancelled: Callable[[], bool]
) -> str:
    """Read, parse and add a file to the library (nothing is stored if it fails); returns its key."""
    from kyoto_desk.sources.library import add_file

    return add_file(data_dir, path, progress=progress, is_cancelled=is_cancelled).entry.key


def _follow(window: MainWindow, task: TaskHandle, what: str) -> None:
    window.progress.setVisible(True)
    window.progress.setValue(0)
    window.cancel_button.setVisible(True)
    window.summary.setText(what)
    window.cancel_button.clicked.connect(task.cancel)

    def finished(key: object) -> None:
        window.refresh_library()
        window.statusBar().showMessage("Added to the library. Double-click it to compare.", 10000)
        if isinstance(key, str):
            window.library.select_name(key)

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
) -> str:
    """Fetch the official PDF of a UN symbol into the library; returns its key."""
    from kyoto_desk.sources.library import fetch_and_add

    return fetch_and_add(data_dir, symbol, progress=progress, is_cancelled=is_cancelled).entry.key


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
