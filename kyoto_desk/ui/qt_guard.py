"""A guard against a reference-count fault of PySide6 6.12.0 on Python 3.11.

That release drops one reference to `None` on every Qt call that returns nothing; on Python 3.11,
where `None` is not immortal, the interpreter aborts ("none_dealloc") after a few thousand calls.
The fix is to install another PySide6 (pyproject excludes 6.12.0); for an installation that has it
anyway, `None` is given a reserve of references large enough for any session, which is what
Python 3.12 does for every immortal object. Nothing else changes: `None` is never freed either way.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

AFFECTED_PYSIDE = ("6.12.0",)
RESERVE = 1 << 40  # a trillion dropped references: years of painting


def needs_guard(pyside_version: str, python: tuple[int, int] = sys.version_info[:2]) -> bool:
    """Whether this PySide6 on this Python drops references to None."""
    return pyside_version in AFFECTED_PYSIDE and python < (3, 12)


def reserve_none_references() -> None:
    """Add RESERVE references to None's count (CPython object header: the count comes first)."""
    ctypes.c_ssize_t.from_address(id(None)).value += RESERVE


_applied: list[bool] = []


def guard() -> bool:
    """Apply the reserve (once) when the installed PySide6 needs it; True if it is in place."""
    import PySide6

    if _applied:
        return True
    if not needs_guard(PySide6.__version__):
        return False
    _applied.append(True)
    log.warning(
        "PySide6 %s on Python %s.%s: reserving references to None", PySide6.__version__, *sys.version_info[:2]
    )
    reserve_none_references()
    return True
