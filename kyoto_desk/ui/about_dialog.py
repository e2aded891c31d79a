"""The About dialog: icon, name, version, licence and where the bundled texts come from."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kyoto_desk import appinfo

_ICON_PIXELS = 64


def application_icon() -> QIcon:
    """The application icon in every shipped size (PNG, so no SVG plugin is needed)."""
    icon = QIcon()
    for size in appinfo.ICON_SIZES:
        path = appinfo.icon_png(size)
        if path.is_file():
            icon.addFile(str(path))
    return icon


def _sources_html(sources: tuple[appinfo.TextSource, ...]) -> str:
    items = "".join(
        f"<li><b>{html.escape(s.title)}</b> ({html.escape(', '.join(s.symbols))})<br>"
        f"{html.escape(s.source)}<br><i>{html.escape(s.file_name)}</i></li>"
        for s in sources
    )
    return f"<p>Bundled texts:</p><ul>{items}</ul>" if items else "<p>No bundled texts are installed.</p>"


class AboutDialog(QDialog):
    """What this program is, its version and licence, and the provenance of the texts it ships."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {appinfo.NAME}")
        icon = application_icon()
        self.setWindowIcon(icon)
        layout = QVBoxLayout(self)
        layout.addLayout(self._header(icon))
        description = QLabel(appinfo.DESCRIPTION)
        description.setWordWrap(True)
        layout.addWidget(description)
        self.sources_label = QLabel(_sources_html(appinfo.bundled_sources()))
        self.sources_label.setObjectName("aboutSources")
        self.sources_label.setWordWrap(True)
        self.sources_label.setTextFormat(Qt.TextFormat.RichText)
        self.sources_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.sources_label)
        self.licence_label = QLabel(f"Licence: {appinfo.LICENCE_NAME}. {appinfo.COPYRIGHT}.")
        self.licence_label.setObjectName("aboutLicence")
        layout.addWidget(self.licence_label)
        self.licence_text = QPlainTextEdit(appinfo.LICENCE_TEXT)
        self.licence_text.setObjectName("aboutLicenceText")
        self.licence_text.setReadOnly(True)
        self.licence_text.setMaximumHeight(140)
        layout.addWidget(self.licence_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _header(self, icon: QIcon) -> QHBoxLayout:
        header = QHBoxLayout()
        self.icon_label = QLabel()
        self.icon_label.setObjectName("aboutIcon")
        self.icon_label.setPixmap(icon.pixmap(_ICON_PIXELS, _ICON_PIXELS))
        header.addWidget(self.icon_label)
        names = QVBoxLayout()
        title = QLabel(f"<h2>{html.escape(appinfo.NAME)}</h2>")
        title.setObjectName("aboutName")
        names.addWidget(title)
        self.version_label = QLabel(f"Version {appinfo.VERSION}")
        self.version_label.setObjectName("aboutVersion")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        names.addWidget(self.version_label)
        header.addLayout(names, stretch=1)
        return header
