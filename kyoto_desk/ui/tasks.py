"""Run a pure function off the GUI thread; its result, error or progress come back as signals.

Like Picard's `run_task`: the function gets a progress callback and a cancel check and touches no
widget; the handle's signals are delivered on the GUI thread (queued), where widgets may be updated.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kyoto_desk.core.compare import ComparisonCancelled
from kyoto_desk.sources.progress import OperationCancelledError

log = logging.getLogger(__name__)

Work = Callable[[Callable[[float], None], Callable[[], bool]], Any]


class TaskHandle(QObject):
    """One background job: cancel it, and listen to `progress`, `finished`, `failed`, `cancelled`."""

    progress = Signal(float)
    finished = Signal(object)
    failed = Signal(object)  # the exception; the receiver decides how to tell the user
    cancelled = Signal()
    done = Signal()  # after any of finished/failed/cancelled

    # Emitted by the worker thread; the handle lives on the GUI thread, so these connections are
    # queued and the public signals above always fire on the GUI thread, whatever is connected.
    _raw_progress = Signal(float)
    _raw_outcome = Signal(str, object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._stop = threading.Event()
        self._last_reported = -1.0
        self._raw_progress.connect(self._on_raw_progress)
        self._raw_outcome.connect(self._on_raw_outcome)

    def _on_raw_progress(self, fraction: float) -> None:
        if not self._stop.is_set():
            self.progress.emit(fraction)

    def _on_raw_outcome(self, outcome: str, payload: object) -> None:
        if outcome == "finished":
            self.finished.emit(payload)
        elif outcome == "failed":
            self.failed.emit(payload)
        else:
            self.cancelled.emit()
        self.done.emit()

    def cancel(self) -> None:
        """Ask the function to stop at its next cancel check."""
        self._stop.set()

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def report(self, fraction: float) -> None:
        # Whole percents only: a tight loop must not flood the GUI thread's event queue.
        fraction = min(1.0, max(0.0, fraction))
        if fraction >= 1.0 or fraction - self._last_reported >= 0.01:
            self._last_reported = fraction
            self._raw_progress.emit(fraction)


class _Runnable(QRunnable):
    def __init__(self, work: Work, handle: TaskHandle) -> None:
        super().__init__()
        self._work = work
        self._handle = handle

    def run(self) -> None:
        handle = self._handle
        try:
            result = self._work(handle.report, handle.is_cancelled)
        except (OperationCancelledError, ComparisonCancelled):
            handle._raw_outcome.emit("cancelled", None)
        except Exception as exc:  # every failure goes back to the GUI thread, none is lost
            log.info("background task %s failed", handle.name, exc_info=True)
            handle._raw_outcome.emit("failed", exc)
        else:
            handle._raw_outcome.emit("cancelled" if handle.is_cancelled() else "finished", result)


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps them alive until they are done."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._running: dict[TaskHandle, _Runnable] = {}

    def start(self, name: str, work: Work) -> TaskHandle:
        """Queue `work(progress, is_cancelled)`; connect to the handle's signals before control returns."""
        handle = TaskHandle(name, self)
        runnable = _Runnable(work, handle)
        runnable.setAutoDelete(False)
        self._running[handle] = runnable
        handle.done.connect(self._on_handle_done)
        self._pool.start(runnable)
        return handle

    def _on_handle_done(self) -> None:
        handle = self.sender()
        if isinstance(handle, TaskHandle):
            self._running.pop(handle, None)
            handle.deleteLater()

    def cancel_all(self) -> None:
        for handle in list(self._running):
            handle.cancel()

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the pool is idle (on exit, so no thread outlives the window)."""
        return bool(self._pool.waitForDone(msecs))

    @property
    def busy(self) -> bool:
        return bool(self._running)
