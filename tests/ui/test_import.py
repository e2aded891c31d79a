"""Dropping a file on the window imports it into the library in the background (SYNTHETIC text)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from kyoto_desk.ui.main_window import MainWindow
from tests.ui.conftest import start

SYNTHETIC = """SYNTHETIC TEST TEXT

Synthetic Declaration on Testing

We, the participants,

1. Welcome the synthetic testing of desktop software;

2. Encourage careful review of every paragraph before adoption;

3. Decide to remain seized of the matter.
"""


def _drop(window: MainWindow, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_dropping_a_file_adds_it_to_the_library(
    qtbot: QtBot, make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    window = make_window()
    start(qtbot, window)
    assert window.banner.isVisible()
    source = tmp_path / "synthetic-declaration.txt"
    source.write_text(SYNTHETIC, encoding="utf-8")
    _drop(window, source)
    qtbot.waitUntil(lambda: len(window.library.names()) == 2, timeout=20000)
    assert not window.banner.isVisible()


def test_a_file_that_is_not_a_un_text_is_refused_with_a_message(
    qtbot: QtBot, make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    window = make_window()
    start(qtbot, window)
    source = tmp_path / "picture.png"
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    _drop(window, source)
    qtbot.waitUntil(lambda: "image" in window.statusBar().currentMessage(), timeout=20000)
    assert window.library.names() == ["kyoto"]


def test_a_failed_download_is_reported_and_adds_nothing(
    qtbot: QtBot, make_window: Callable[[], MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kyoto_desk.errors import DownloadError
    from kyoto_desk.sources import library
    from kyoto_desk.ui import importing

    asked: list[str] = []

    def fake_ask(_parent: object, _title: str, _label: str, text: str = "") -> tuple[str, bool]:
        asked.append(text)
        return text, True

    def offline(_data: Path, symbol: str, **_kw: object) -> object:
        raise DownloadError(
            f"{symbol} could not be fetched (SYNTHETIC: no network).", "Import the file instead."
        )

    monkeypatch.setattr(importing.QInputDialog, "getText", fake_ask)
    monkeypatch.setattr(library, "fetch_and_add", offline)
    window = make_window()
    start(qtbot, window)
    window.banner.download_button.click()
    qtbot.waitUntil(lambda: "could not be fetched" in window.statusBar().currentMessage(), timeout=20000)
    assert asked == ["A/RES/70/174"]
    assert window.library.names() == ["kyoto"]
