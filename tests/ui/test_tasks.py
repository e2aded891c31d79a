"""Background work: progress, result, failure and cancellation arrive on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from kyoto_desk.core.model import Document
from kyoto_desk.errors import InputError
from kyoto_desk.ui.main_window import MainWindow
from kyoto_desk.ui.tasks import TaskRunner


def test_result_and_progress_come_back_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[float, bool]] = []
    gui = QThread.currentThread()

    def work(progress: Callable[[float], None], _cancelled: Callable[[], bool]) -> int:
        for step in range(5):
            progress(step / 4)
        return 42

    handle = runner.start("count", work)
    handle.progress.connect(lambda f: seen.append((f, QThread.currentThread() is gui)))
    with qtbot.waitSignal(handle.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [42]
    assert seen and all(on_gui for _f, on_gui in seen)
    assert runner.wait(2000)


def test_failure_is_reported_not_raised(qtbot: QtBot) -> None:
    runner = TaskRunner()

    def work(_p: Callable[[float], None], _c: Callable[[], bool]) -> None:
        raise InputError("SYNTHETIC failure.", "Try again.")

    handle = runner.start("fail", work)
    with qtbot.waitSignal(handle.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], InputError)


def test_cancel_stops_a_running_task(qtbot: QtBot) -> None:
    runner = TaskRunner()
    started = threading.Event()

    def work(_p: Callable[[float], None], cancelled: Callable[[], bool]) -> str:
        started.set()
        while not cancelled():
            threading.Event().wait(0.005)
        return "stopped"

    handle = runner.start("loop", work)
    assert started.wait(5)
    with qtbot.waitSignal(handle.cancelled, timeout=5000):
        handle.cancel()
    assert runner.wait(2000)


@pytest.mark.parametrize("cancel", [False, True])
def test_background_comparison_reports_progress_and_can_be_cancelled(
    qtbot: QtBot, make_window: Callable[[], MainWindow], pair: tuple[Document, Document], cancel: bool
) -> None:
    window = make_window()
    fractions: list[float] = []
    window.controller.progress.connect(fractions.append)
    shown: list[object] = []
    window.controller.ready.connect(shown.append)
    if cancel:
        with qtbot.waitSignal(window.controller.cancelled, timeout=5000):
            window.compare(*pair)
            window.controller.cancel()
        assert window.runner.wait(10000)
        qtbot.wait(50)
        assert not shown and window.presentation is None
        assert "cancelled" in window.summary.text()
    else:
        with qtbot.waitSignal(window.controller.ready, timeout=20000):
            window.compare(*pair)
        assert fractions and fractions[-1] == pytest.approx(1.0)
        assert fractions == sorted(fractions)
