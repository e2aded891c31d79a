"""How errors reach the user: one plain sentence and the next step; the traceback goes to the log."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from kyoto_desk.errors import KyotoDeskError

log = logging.getLogger(__name__)


def user_text(error: BaseException) -> str:
    """The sentence to show: a KyotoDeskError's message and hint, else a generic line."""
    if isinstance(error, KyotoDeskError):
        return error.user_text()
    return "Something went wrong inside Kyoto Desk. The details are in the log file; your data is safe."


def show_error(parent: QWidget, error: BaseException) -> None:
    """Status-bar line plus a short dialog; never a traceback on screen."""
    log.info("shown to the user: %s", error, exc_info=error)
    text = user_text(error)
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(text, 15000)
    box = QMessageBox(QMessageBox.Icon.Warning, "Kyoto Desk", text, QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName("Error message")
    box.open()  # window-modal, returns at once: tests and the event loop are never blocked
