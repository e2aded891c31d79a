"""Start the window: application object, palette following the system scheme, error hook."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from kyoto_desk import __version__

log = logging.getLogger(__name__)


def _install_excepthook(app: QApplication) -> None:
    """Log every uncaught exception and tell the user in one sentence; never show a traceback."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("uncaught exception", exc_info=(kind, error, tb))
        from kyoto_desk.ui.dialogs.messages import show_error

        window = app.activeWindow() or next(
            (w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()), None
        )
        if window is not None:
            show_error(window, error)

    sys.excepthook = hook


def _follow_scheme(app: QApplication) -> None:
    from kyoto_desk.ui.palette import apply_scheme, is_dark_scheme

    apply_scheme(app, dark=is_dark_scheme())
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.connect(lambda _scheme: apply_scheme(app, dark=is_dark_scheme()))


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused if one exists, as under pytest-qt)."""
    from kyoto_desk.ui.qt_guard import guard

    guard()  # before the first Qt call that could lose a reference (see qt_guard)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Qt 6 scales for high DPI by default; pass fractional factors through instead of rounding them.
    from PySide6.QtCore import Qt

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    from kyoto_desk.ui.settings import APPLICATION, ORGANISATION

    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("Kyoto Desk")
    from kyoto_desk.ui.about_dialog import application_icon

    app.setWindowIcon(application_icon())
    return app


def run_app(data_dir: Path) -> int:
    """Open the main window on `data_dir`; returns the exit code of the event loop.

    One window per data directory: a second start says which process owns it and exits with 2.
    """
    from kyoto_desk.single_instance import DataDirInUseError, claim_data_dir

    app = make_application()
    _follow_scheme(app)
    try:
        lock = claim_data_dir(data_dir)
    except DataDirInUseError as exc:
        log.info("data directory busy: %s", exc)
        QMessageBox.information(None, "Kyoto Desk", exc.user_text())
        return 2
    with lock:
        _install_excepthook(app)
        from kyoto_desk.ui.main_window import MainWindow

        window = MainWindow(data_dir)
        window.show()
        # Open documents once the window is on screen, so the first paint is never delayed by parsing.
        QTimer.singleShot(0, window.start)
        return int(app.exec())
