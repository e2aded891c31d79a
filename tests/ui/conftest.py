"""Fixtures for the window tests: a private data directory and settings file, and the synthetic pair."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from kyoto_desk.core.model import Document
from kyoto_desk.ui.main_window import MainWindow
from kyoto_desk.ui.settings import WindowSettings
from tests.ui.synthetic import kyoto, revised_kyoto

_PAIR: list[tuple[Document, Document]] = []


@pytest.fixture
def pair() -> tuple[Document, Document]:
    """Kyoto and its SYNTHETIC revision (built once per session: the parse takes a moment)."""
    if not _PAIR:
        old = kyoto()
        _PAIR.append((old, revised_kyoto(old)))
    return _PAIR[0]


@pytest.fixture
def make_window(qtbot: QtBot, private_data_dir: Path) -> Iterator[Callable[[], MainWindow]]:
    """Opens windows on the test's data directory, with settings in a file of their own."""
    windows: list[MainWindow] = []
    ini = str(private_data_dir / "settings.ini")

    def make() -> MainWindow:
        window = MainWindow(private_data_dir, WindowSettings(QSettings(ini, QSettings.Format.IniFormat)))
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def start(qtbot: QtBot, window: MainWindow) -> None:
    """Start the window as the app does and wait until its library has been listed."""
    window.start()
    qtbot.waitUntil(lambda: window.library_ready, timeout=20000)


def wait_ready(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the window's background comparison has been shown."""
    qtbot.waitUntil(lambda: not window.controller.busy and window.presentation is not None, timeout=20000)
    assert window.presentation is not None and window.presentation.new is not None


@pytest.fixture
def compared(
    qtbot: QtBot, make_window: Callable[[], MainWindow], pair: tuple[Document, Document]
) -> MainWindow:
    """A window showing Kyoto (left) against its synthetic revision (right)."""
    window = make_window()
    window.compare(*pair)
    wait_ready(qtbot, window)
    return window
