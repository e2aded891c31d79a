"""Runs comparisons in the background and applies the user's alignment corrections (pins, undo)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from kyoto_desk.core.annotation import document_key
from kyoto_desk.core.compare import compare_documents
from kyoto_desk.core.links import Pin
from kyoto_desk.core.model import Document
from kyoto_desk.ui.presentation import Presentation, ThemeInfo, from_comparison, single
from kyoto_desk.ui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from kyoto_desk.store.db import Store

log = logging.getLogger(__name__)


def key_of(document: Document) -> str:
    """The document key annotations and pins use: text hash and first symbol."""
    return document_key(document.text, document.symbols[0] if document.symbols else "")


@dataclass(frozen=True, slots=True)
class Pair:
    """The two documents on screen, with the names the user knows them by."""

    old: Document
    new: Document
    old_name: str
    new_name: str


class ComparisonController(QObject):
    """Owns the current pair, the background comparison and the undo stack of corrections."""

    started = Signal()
    progress = Signal(float)
    ready = Signal(object)  # Presentation
    failed = Signal(object)  # exception
    cancelled = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        store: Callable[[], Store],
        has_store: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._store = store
        self._has_store = has_store
        self.undo_stack = QUndoStack(self)
        self.pair: Pair | None = None
        self.task: TaskHandle | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def show_single(self, document: Document, name: str) -> Presentation:
        from kyoto_desk.core.themes import load_lexicon

        self._stop_task()
        self.pair = None
        self.undo_stack.clear()
        lexicon = load_lexicon()
        presentation = single(document, name, lexicon.unit_themes(document.units))
        presentation.themes = tuple(ThemeInfo(t.id, t.label, t.colour) for t in lexicon.themes)
        return presentation

    def compare(self, pair: Pair) -> None:
        """Compare `pair` in the background; `ready` carries the presentation."""
        if self.pair is None or (key_of(pair.old), key_of(pair.new)) != self.keys():
            self.undo_stack.clear()  # corrections belong to one pair of documents
        self.pair = pair
        self.refresh()

    def keys(self) -> tuple[str, str]:
        assert self.pair is not None
        return key_of(self.pair.old), key_of(self.pair.new)

    def refresh(self) -> None:
        """Compare the current pair again (after a correction), with the saved pins."""
        if self.pair is None:
            return
        self._stop_task()
        pair, keys, store, has_store = self.pair, self.keys(), self._store, self._has_store

        def work(progress: Callable[[float], None], is_cancelled: Callable[[], bool]) -> Presentation:
            # The store (SQLAlchemy, Alembic) loads here, off the GUI thread, and only if a database
            # exists: a first comparison on a fresh data directory has no pins to read.
            pins: list[Pin] = []
            if has_store():
                from kyoto_desk.ui.undo import load_pins

                pins = load_pins(store(), *keys)
            comparison = compare_documents(
                pair.old, pair.new, pins=pins, progress=progress, is_cancelled=is_cancelled
            )
            return from_comparison(comparison, pair.old_name, pair.new_name)

        task = self._runner.start("compare", work)
        task.progress.connect(self.progress)
        task.finished.connect(self._on_task_finished)
        task.failed.connect(self._on_task_failed)
        task.cancelled.connect(self._on_task_cancelled)
        self.task = task
        self.started.emit()

    def cancel(self) -> None:
        """Stop the running comparison (the user pressed Cancel)."""
        if self._stop_task():
            self.cancelled.emit()

    def _stop_task(self) -> bool:
        # A superseded run is dropped quietly: its late result is ignored by `_finish`.
        if self.task is None:
            return False
        self.task.cancel()
        self.task = None
        return True

    def _finish(self) -> bool:
        sender = self.sender()
        if sender is not self.task:  # a superseded or cancelled run
            return False
        self.task = None
        return True

    def _on_task_finished(self, result: object) -> None:
        if self._finish():
            self.ready.emit(result)

    def _on_task_failed(self, error: object) -> None:
        if self._finish():
            self.failed.emit(error)

    def _on_task_cancelled(self) -> None:
        if self._finish():
            self.cancelled.emit()

    def pin(self, old: tuple[str, ...], new: tuple[str, ...], *, linked: bool) -> None:
        """Link (or unlink) units by hand; saved in the store and undoable."""
        if self.pair is None:
            return
        from kyoto_desk.ui.store_command import push_command
        from kyoto_desk.ui.undo import PinCommand

        old_key, new_key = self.keys()
        command = PinCommand(self._store(), old_key, new_key, Pin(old, new, linked), self.refresh)
        push_command(self.undo_stack, command, self.failed.emit)
