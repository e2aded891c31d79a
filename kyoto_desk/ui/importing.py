"""Import a file or download a UN document in the background, then add it to the library.

The work runs off the GUI thread (read, parse, store); the window only hears "added" or the error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from kyoto_desk.sources.importer import ImportedText, parse_imported, read_bytes, read_file
from kyoto_desk.store.db import Store
from kyoto_desk.store.documents import add_document
from kyoto_desk.ui.tasks import TaskHandle

if TYPE_CHECKING:
    from kyoto_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def _store_imported(imported: ImportedText, store: Store, source: str, fallback_title: str) -> str:
    parse_imported(imported)  # refuse what cannot be compared before it enters the library
    with store.session() as session:
        record, _created = add_document(
            session,
            text=imported.text,
            symbol=imported.symbol,
            title=imported.title or fallback_title,
            year=imported.year,
            source=source,
            original_name=imported.original_name or None,
            original_sha256=imported.original_sha256 or None,
        )
        return record.key


def import_into_library(
    path: Path, store: Store, progress: Callable[[float], None], is_cancelled: Callable[[], bool]
) -> str:
    """Read, check (it must parse as a UN text) and store a file; returns its library key."""
    imported = read_file(path, progress=progress, is_cancelled=is_cancelled)
    return _store_imported(imported, store, str(path), path.stem)


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
    store = window.store()
    task = window.runner.start("import", lambda p, c: import_into_library(path, store, p, c))
    _follow(window, task, f"Importing {path.name}…")
    return task


def download_into_library(
    symbol: str, store: Store, progress: Callable[[float], None], is_cancelled: Callable[[], bool]
) -> str:
    """Fetch the official PDF of a UN symbol into the library; returns its library key."""
    from kyoto_desk.sources.undocs import fetch_symbol

    downloaded = fetch_symbol(symbol, progress=progress, is_cancelled=is_cancelled)
    imported = read_bytes(downloaded.data, name=f"{downloaded.symbol.replace('/', '_')}.pdf")
    return _store_imported(imported, store, downloaded.url, downloaded.symbol)


def ask_and_download(window: MainWindow, symbol: str) -> TaskHandle | None:
    """Ask for a symbol (prefilled) and download it in the background."""
    text, ok = QInputDialog.getText(
        window, "Get from the UN by symbol", "UN document symbol (e.g. A/RES/70/174):", text=symbol
    )
    if not ok or not text.strip():
        return None
    store = window.store()
    wanted = text.strip()
    task = window.runner.start("download", lambda p, c: download_into_library(wanted, store, p, c))
    _follow(window, task, f"Downloading {wanted} from the UN…")
    return task
