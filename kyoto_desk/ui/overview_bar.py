"""A thin bar beside the panes showing where the changes are (as in Meld); a click jumps there."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kyoto_desk.ui.document_pane import DocumentPane
from kyoto_desk.ui.palette import Colours, current_colours
from kyoto_desk.ui.rows import RowKind

BAR_WIDTH = 16


class OverviewBar(QWidget):
    """Marks every visible changed row at its place in the whole height; `jump_requested(y)` on click."""

    jump_requested = Signal(float)  # content y to centre on

    def __init__(self, pane: DocumentPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pane = pane
        self.colours: Colours = current_colours()
        self.setFixedWidth(BAR_WIDTH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName("Overview of changes")
        self.setToolTip("Where the changes are; click to go there")

    def sizeHint(self) -> QSize:
        return QSize(BAR_WIDTH, 200)

    def _colour(self, kind: RowKind) -> QColor | None:
        c = self.colours
        return {
            RowKind.ADDED: c.added,
            RowKind.REMOVED: c.removed,
            RowKind.MODIFIED: c.modified,
            RowKind.MOVED: c.moved,
            RowKind.SPLIT: c.split_merged,
            RowKind.MERGED: c.split_merged,
        }.get(kind)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        grid = self.pane.grid
        if grid is None or grid.total_height <= 0:
            return
        scale = self.height() / grid.total_height
        for index, row in enumerate(grid.rows):
            colour = self._colour(row.kind)
            if colour is None or not grid.visible[index]:
                continue
            top = grid.row_top[index] * scale
            height = max(2.0, grid.row_height[index] * scale)
            x = 2.0 if row.old and not row.new else (BAR_WIDTH / 2 if row.new and not row.old else 2.0)
            w = BAR_WIDTH - 4.0 if row.old and row.new else BAR_WIDTH / 2 - 2.0
            painter.fillRect(QRectF(x, top, w, height), colour)
        view_top = self.pane.scroll_y() * scale
        view_height = self.pane.viewport().height() * scale
        frame = QColor(self.colours.text)
        frame.setAlpha(70)
        painter.setPen(frame)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0.5, view_top, BAR_WIDTH - 1.0, view_height))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        grid = self.pane.grid
        if grid is not None and self.height() > 0:
            self.jump_requested.emit(event.position().y() / self.height() * grid.total_height)
