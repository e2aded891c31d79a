"""Callbacks long-running source operations take: report progress, ask whether to stop."""

from __future__ import annotations

from collections.abc import Callable

from kyoto_desk.errors import KyotoDeskError

Progress = Callable[[float], None]
IsCancelled = Callable[[], bool]


class OperationCancelledError(KyotoDeskError):
    """The user cancelled an import or download; nothing was added to the library."""


def no_progress(fraction: float) -> None:
    """The default progress callback: reports nowhere."""


def never_cancelled() -> bool:
    """The default cancel check: the operation always runs to its end."""
    return False


def check_cancelled(is_cancelled: IsCancelled, what: str) -> None:
    """Raise OperationCancelledError if the user asked to stop `what`."""
    if is_cancelled():
        raise OperationCancelledError(f"{what} was cancelled.", "Nothing was added to the library.")
