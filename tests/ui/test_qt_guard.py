"""The guard against PySide6 6.12.0's lost references to None on Python 3.11."""

from __future__ import annotations

import sys

import pytest

from kyoto_desk.ui.qt_guard import RESERVE, needs_guard, reserve_none_references


@pytest.mark.parametrize(
    ("pyside", "python", "expected"),
    [
        ("6.12.0", (3, 11), True),
        ("6.12.0", (3, 12), False),  # None is immortal from 3.12 on
        ("6.11.3", (3, 11), False),
        ("6.7.2", (3, 11), False),
    ],
)
def test_only_the_faulty_release_on_old_python_is_guarded(
    pyside: str, python: tuple[int, int], expected: bool
) -> None:
    assert needs_guard(pyside, python) is expected


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal; its count is fixed")
def test_the_reserve_raises_none_s_reference_count() -> None:
    before = sys.getrefcount(None)
    reserve_none_references()
    assert sys.getrefcount(None) >= before + RESERVE - 1000
