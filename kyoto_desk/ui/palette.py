"""Colours of the views, in a light and a dark set chosen from the application's palette."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from kyoto_desk.core.links import LinkKind


@dataclass(frozen=True, slots=True)
class Colours:
    """Every colour the custom-painted views use; one instance per scheme."""

    dark: bool
    text: QColor
    muted: QColor
    heading: QColor
    background: QColor
    selection: QColor
    counterpart: QColor
    insert: QColor
    delete: QColor
    agreed: QColor
    find: QColor
    added: QColor
    removed: QColor
    identical: QColor
    modified: QColor
    moved: QColor
    split_merged: QColor

    def link(self, kind: LinkKind) -> QColor:
        """The connector colour of a relation."""
        return {
            LinkKind.IDENTICAL: self.identical,
            LinkKind.MODIFIED: self.modified,
            LinkKind.MOVED: self.moved,
            LinkKind.SPLIT: self.split_merged,
            LinkKind.MERGED: self.split_merged,
        }[kind]


def _c(spec: str) -> QColor:
    return QColor(spec)


LIGHT = Colours(
    dark=False,
    text=_c("#1d1d1f"),
    muted=_c("#6b6b70"),
    heading=_c("#1f3a68"),
    background=_c("#ffffff"),
    selection=_c("#cfe3ff"),
    counterpart=_c("#e5efff"),
    insert=_c("#0b6b1f"),
    delete=_c("#b3261e"),
    agreed=_c("#f4ecc4"),
    find=_c("#ffd54a"),
    added=_c("#2e9d4a"),
    removed=_c("#d0453b"),
    identical=_c("#9aa3ad"),
    modified=_c("#3b78d8"),
    moved=_c("#9b59b6"),
    split_merged=_c("#e08a1e"),
)

DARK = Colours(
    dark=True,
    text=_c("#e6e6e8"),
    muted=_c("#a0a0a8"),
    heading=_c("#9cc2ff"),
    background=_c("#1f2023"),
    selection=_c("#28466e"),
    counterpart=_c("#233449"),
    insert=_c("#7ee08f"),
    delete=_c("#ff8a80"),
    agreed=_c("#4a4430"),
    find=_c("#8a6d00"),
    added=_c("#4cc36b"),
    removed=_c("#ff6f61"),
    identical=_c("#6c7580"),
    modified=_c("#6fa3ff"),
    moved=_c("#c792ea"),
    split_merged=_c("#ffb54d"),
)


def is_dark_scheme() -> bool:
    """True when the system asks for dark colours (Qt 6.5+), else judged from the window colour."""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def current_colours() -> Colours:
    """The colour set matching the application's palette now."""
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < 128 else LIGHT


def dark_palette() -> QPalette:
    """A Fusion-friendly dark palette, for platforms whose style does not follow the scheme itself."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2c30",
        QPalette.ColorRole.WindowText: "#e6e6e8",
        QPalette.ColorRole.Base: "#1f2023",
        QPalette.ColorRole.AlternateBase: "#2b2c30",
        QPalette.ColorRole.ToolTipBase: "#2b2c30",
        QPalette.ColorRole.ToolTipText: "#e6e6e8",
        QPalette.ColorRole.Text: "#e6e6e8",
        QPalette.ColorRole.Button: "#35363b",
        QPalette.ColorRole.ButtonText: "#e6e6e8",
        QPalette.ColorRole.Highlight: "#3b78d8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#6fa3ff",
        QPalette.ColorRole.PlaceholderText: "#8a8a90",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#77777c"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#77777c"))
    return palette


def apply_scheme(app: QApplication, *, dark: bool) -> None:
    """Switch the application to the light or dark palette (Fusion style keeps both readable)."""
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
