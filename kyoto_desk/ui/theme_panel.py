"""Themes with their counts in each text and a small bar chart; checking themes filters both panes."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QCheckBox, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from kyoto_desk.core.themes import ThemeSummary
from kyoto_desk.ui.presentation import Presentation


class ThemeBar(QWidget):
    """Two bars: units carrying the theme in the older and in the newer text (unmatched part darker)."""

    def __init__(self, summary: ThemeSummary, scale: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.scale = max(1, scale)
        self.setMinimumHeight(16)

    def sizeHint(self) -> QSize:
        return QSize(90, 18)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colour = QColor(self.summary.colour)
        faint = QColor(colour)
        faint.setAlpha(110)
        left = float(self.contentsMargins().left())
        width = float(self.width()) - left - 4.0
        painter.translate(left, 0.0)
        for row, tally in enumerate((self.summary.old, self.summary.new)):
            y = 1.0 + row * 8.0
            total = width * tally.units / self.scale
            unmatched = width * tally.unmatched / self.scale
            painter.fillRect(QRectF(0, y, total - unmatched, 6.0), faint)
            painter.fillRect(QRectF(total - unmatched, y, unmatched, 6.0), colour)
        painter.end()


class ThemePanel(QWidget):
    """One row per theme: a checkbox (filters), counts "older · newer", and the bars."""

    themes_chosen = Signal(frozenset)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._boxes: dict[str, QCheckBox] = {}
        # Legend and rows scroll together, so a short dock never squeezes them.
        self._inner = QWidget()
        outer = QVBoxLayout(self._inner)
        outer.setContentsMargins(6, 6, 6, 6)
        self._legend = QLabel(self._inner)
        self._legend.setWordWrap(True)
        self._rows = QVBoxLayout()
        outer.addWidget(self._legend)
        outer.addLayout(self._rows)
        outer.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setAccessibleName("Themes")
        self.setMinimumWidth(370)

    def set_presentation(self, presentation: Presentation) -> None:
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._boxes.clear()
        summaries = [s for s in self._summaries(presentation) if s.old.units or s.new.units]
        old_name = presentation.old.name
        new_name = presentation.new.name if presentation.new else ""
        self._legend.setText(
            f"Paragraphs per theme — upper bar {old_name}, lower bar {new_name}; the darker part has no "
            "counterpart (removed or added). Check themes to show only their paragraphs in both texts."
            if presentation.new
            else "Paragraphs per theme. Check themes to show only their paragraphs."
        )
        scale = max((max(s.old.units, s.new.units) for s in summaries), default=1)
        for summary in summaries:
            self._rows.addWidget(self._row(summary, scale, (old_name, new_name)))

    def _summaries(self, presentation: Presentation) -> list[ThemeSummary]:
        if presentation.comparison is not None:
            return list(presentation.comparison.theme_summary)
        from kyoto_desk.core.themes import ThemeTally

        out = []
        for theme in presentation.themes:
            units = [u for u, ids in presentation.old.themes.items() if theme.id in ids]
            out.append(
                ThemeSummary(theme.id, theme.label, theme.colour, ThemeTally(units=len(units)), ThemeTally())
            )
        return out

    def _row(self, summary: ThemeSummary, scale: int, names: tuple[str, str]) -> QWidget:
        row = QWidget(self._inner)
        row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 2, 0, 6)
        layout.setSpacing(1)
        box = QCheckBox(summary.label, row)
        swatch = QPixmap(12, 12)
        swatch.fill(QColor(summary.colour))
        box.setIcon(QIcon(swatch))
        box.setAccessibleName(f"Filter by theme {summary.label}")
        box.toggled.connect(self._on_box_toggled)
        self._boxes[summary.theme_id] = box
        old, new = summary.old, summary.new
        if names[1]:
            text = (
                f"{names[0]}: {old.units} — {old.linked} linked, {old.unmatched} removed\n"
                f"{names[1]}: {new.units} — {new.linked} linked, {new.unmatched} added"
            )
        else:
            text = f"{old.units} paragraphs"
        counts = QLabel(text, row)
        counts.setIndent(22)
        font = counts.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        counts.setFont(font)
        box.setToolTip(text)
        layout.addWidget(box)
        layout.addWidget(counts)
        if names[1]:
            bar = ThemeBar(summary, scale, row)
            bar.setContentsMargins(22, 0, 0, 0)
            layout.addWidget(bar)
        return row

    def chosen(self) -> frozenset[str]:
        return frozenset(theme for theme, box in self._boxes.items() if box.isChecked())

    def choose(self, theme_ids: frozenset[str]) -> None:
        for theme, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(theme in theme_ids)
            box.blockSignals(False)
        self.themes_chosen.emit(self.chosen())

    def _on_box_toggled(self, _checked: bool) -> None:
        self.themes_chosen.emit(self.chosen())
