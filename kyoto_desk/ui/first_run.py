"""The banner shown while the library holds only the bundled Kyoto text: how to get a second text."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

DOHA_SYMBOL = "A/RES/70/174"

EXPLANATION = (
    "<b>Only the Kyoto Declaration (2021) is in your library.</b> To compare it with the Doha "
    "Declaration (2015), get the official text: download General Assembly resolution "
    f"{DOHA_SYMBOL} from the UN documents service, or import a PDF, Word, HTML or text file you "
    "already have. Kyoto Desk never reconstructs a declaration from memory: every text comes from "
    "its official source, so what you compare is what was adopted."
)


class FirstRunBanner(QFrame):
    """Explains the next step and offers the two ways to take it."""

    download_requested = Signal(str)
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#firstRunBanner { background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        self.setAccessibleName("Getting started")
        text = QLabel(EXPLANATION, self)
        text.setWordWrap(True)
        self.download_button = QPushButton(f"Download {DOHA_SYMBOL} from the UN", self)
        self.download_button.setAccessibleName(f"Download {DOHA_SYMBOL} from the UN")
        self.import_button = QPushButton("Import a file…", self)
        self.import_button.setAccessibleName("Import a file")
        self.download_button.clicked.connect(lambda: self.download_requested.emit(DOHA_SYMBOL))
        self.import_button.clicked.connect(self.import_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.download_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(text)
        layout.addLayout(buttons)
