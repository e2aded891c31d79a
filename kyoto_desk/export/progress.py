"""Progress and cancellation for exports: the dialog passes callbacks, the command passes none."""

from __future__ import annotations

from collections.abc import Callable

from kyoto_desk.errors import ExportError

Progress = Callable[[float], None]
IsCancelled = Callable[[], bool]


class ExportCancelledError(ExportError):
    """The user stopped an export; no file was written."""


def no_progress(fraction: float) -> None:
    """The default progress callback: reports nowhere."""


def never_cancelled() -> bool:
    """The default cancel check: the export runs to its end."""
    return False


class ExportSteps:
    """Reports progress over a known number of steps and stops when the user cancels."""

    def __init__(self, total: int, progress: Progress, is_cancelled: IsCancelled) -> None:
        self._total = max(total, 1)
        self._done = 0
        self._progress = progress
        self._is_cancelled = is_cancelled

    def check(self) -> None:
        """Raise ExportCancelledError if the user asked to stop."""
        if self._is_cancelled():
            raise ExportCancelledError("The export was cancelled.", "No file was written.")

    def advance(self, steps: int = 1) -> None:
        """Count `steps` as done, report the fraction, then honour a pending cancel."""
        self._done = min(self._done + steps, self._total)
        self._progress(self._done / self._total)
        self.check()

    def finish(self) -> None:
        self._done = self._total
        self._progress(1.0)
