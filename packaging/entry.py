"""Entry script of the frozen bundle: the same `kyoto-desk` command as the installed package.

KYOTO_DESK_SMOKE_SECONDS=N (used by packaging/smoke_test.py only) asks the running window to quit
after N seconds, the way a user closing it would, so CI can check that the bundled window starts
and shuts down cleanly without a display or a person.
"""

import os
import sys
import threading
import time

from kyoto_desk.cli import main

SMOKE_ENV = "KYOTO_DESK_SMOKE_SECONDS"


def _quit_later(seconds: float) -> None:
    # Runs on its own thread: Qt objects are touched only through a queued call to the GUI thread.
    from PySide6.QtCore import QCoreApplication, QMetaObject, Qt

    time.sleep(seconds)
    app = QCoreApplication.instance()
    while app is None:  # the window is slow to start: keep waiting, the smoke test has a timeout
        time.sleep(0.2)
        app = QCoreApplication.instance()
    QMetaObject.invokeMethod(app, "quit", Qt.ConnectionType.QueuedConnection)


if __name__ == "__main__":
    # Never write .pyc files into the install folder (Alembic loads the migrations from source).
    sys.dont_write_bytecode = True
    if os.environ.get(SMOKE_ENV):
        threading.Thread(target=_quit_later, args=(float(os.environ[SMOKE_ENV]),), daemon=True).start()
    sys.exit(main())
