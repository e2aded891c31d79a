"""Application start-up pieces: the error hook logs and shows one sentence, never a traceback."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from kyoto_desk.app import _install_excepthook, make_application
from kyoto_desk.ui.main_window import MainWindow


def test_make_application_reuses_the_running_one(qapp: QApplication) -> None:
    assert make_application() is qapp


def test_uncaught_errors_are_logged_and_shown_in_one_sentence(
    qapp: QApplication, make_window: Callable[[], MainWindow], caplog: pytest.LogCaptureFixture
) -> None:
    window = make_window()
    window.activateWindow()
    saved = sys.excepthook
    try:
        _install_excepthook(qapp)
        with caplog.at_level(logging.ERROR):
            try:
                raise RuntimeError("SYNTHETIC internal failure")
            except RuntimeError as exc:
                sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = saved
    assert any("uncaught exception" in r.message and r.exc_info for r in caplog.records)
    boxes = [w for w in qapp.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    shown = [b.text() for b in boxes] + [window.statusBar().currentMessage()]
    assert any("Something went wrong" in text for text in shown)
    assert not any("Traceback" in text or "RuntimeError" in text for text in shown)
    for box in boxes:
        box.close()


def test_a_second_window_on_the_same_data_directory_is_refused(
    qapp: QApplication, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kyoto_desk import app as app_module
    from kyoto_desk.single_instance import claim_data_dir

    told: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "information", lambda _p, _t, text: told.append(text))
    with claim_data_dir(private_data_dir):
        assert app_module.run_app(private_data_dir) == 2
    assert told and "already running" in told[0]
