"""File ▸ Export briefing… is wired to the dialog with the window's own settings store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtGui import QAction, QKeySequence

from kyoto_desk.ui import briefing_export
from kyoto_desk.ui.main_window import MainWindow


def _action(window: MainWindow, text: str) -> QAction:
    for action in window.findChildren(QAction):
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no action {text!r}")


def test_the_file_menu_opens_the_briefing_export_with_ctrl_e(
    make_window: Callable[[], MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    calls: list[tuple[Any, Any]] = []
    monkeypatch.setattr(briefing_export, "ask_export_briefing", lambda w, s=None: calls.append((w, s)))
    action = _action(window, "Export briefing…")
    assert action.shortcut() == QKeySequence("Ctrl+E")
    assert action.isEnabled()
    action.trigger()
    assert calls == [(window, window.settings.qsettings)]
