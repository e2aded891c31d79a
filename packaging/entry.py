"""Entry script of the frozen bundle: the same `kyoto-desk` command as the installed package.

KYOTO_DESK_SMOKE_SECONDS=N (used by packaging/smoke_test.py only) makes the running program answer
its open dialogs and close its windows after N seconds, the way a user would, so CI can check that
the bundled window starts and shuts down cleanly without a display or a person.
"""

import os
import sys
import threading
import time

from kyoto_desk.cli import main

SMOKE_ENV = "KYOTO_DESK_SMOKE_SECONDS"


def _close_everything() -> None:
    # Runs on the GUI thread. A modal dialog (such as "already running") has its own event loop,
    # which quitting the application does not end: dismiss dialogs first, then close and quit.
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.done(QDialog.DialogCode.Rejected)
    QApplication.closeAllWindows()
    QCoreApplication.quit()


_KEEP: list[object] = []  # keeps the signal's receiver alive until the program ends


def _close_later(seconds: float) -> None:
    # Runs on its own thread, and touches Qt only by a queued signal to an object living on the GUI
    # thread; that object starts a GUI-thread timer, so nothing runs here while Qt shuts down.
    from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

    class Closer(QObject):
        requested = Signal()

        @Slot()
        def start_closing(self) -> None:
            _close_everything()
            # Again every second: a dialog may open while the window closes.
            timer = QTimer(QCoreApplication.instance())
            timer.timeout.connect(_close_everything)
            timer.start(1000)

    time.sleep(seconds)
    app = QCoreApplication.instance()
    while app is None:  # the window is slow to start: keep waiting, the smoke test has a timeout
        time.sleep(0.2)
        app = QCoreApplication.instance()
    closer = Closer()
    closer.requested.connect(closer.start_closing)
    closer.moveToThread(app.thread())
    _KEEP.append(closer)
    closer.requested.emit()


if __name__ == "__main__":
    # Never write .pyc files into the install folder (Alembic loads the migrations from source).
    sys.dont_write_bytecode = True
    if os.environ.get(SMOKE_ENV):
        threading.Thread(target=_close_later, args=(float(os.environ[SMOKE_ENV]),), daemon=True).start()
    sys.exit(main())
