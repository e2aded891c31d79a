"""The strip between the panes: connectors from each unit to its counterparts, coloured by relation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from kyoto_desk.core.links import LinkKind
from kyoto_desk.ui.document_pane import DocumentPane
from kyoto_desk.ui.palette import Colours, current_colours
from kyoto_desk.ui.presentation import KIND_WORDS

GUTTER_WIDTH = 56


class GutterView(QWidget):
    """Draws, for every link in view, a band from its old units (left) to its new units (right).

    Hovering a band tells what the link is; clicking it selects the linked paragraphs.
    """

    link_clicked = Signal(int)  # index of the link in the alignment

    def __init__(self, old_pane: DocumentPane, new_pane: DocumentPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.old_pane = old_pane
        self.new_pane = new_pane
        self.colours: Colours = current_colours()
        self.selected_link: int | None = None
        self.setFixedWidth(GUTTER_WIDTH)
        self.setAccessibleName("Links between the texts")

    def sizeHint(self) -> QSize:
        return QSize(GUTTER_WIDTH, 200)

    def _span(self, pane: DocumentPane, ids: tuple[str, ...]) -> tuple[float, float] | None:
        grid = pane.grid
        if grid is None:
            return None
        boxes = [grid.unit_box[pane.old][u] for u in ids if u in grid.unit_box.get(pane.old, {})]
        if not boxes:
            return None
        # Map from the pane's viewport to this widget, which may sit a few pixels lower.
        shift = (
            pane.viewport().mapTo(self.window(), QPointF(0, 0)).y()
            - self.mapTo(self.window(), QPointF(0, 0)).y()
        )
        top = min(b[0] for b in boxes) - pane.scroll_y() + shift
        bottom = max(b[0] + b[1] for b in boxes) - pane.scroll_y() + shift
        return top, bottom

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colours.background)
        grid = self.old_pane.grid
        if grid is None or grid.presentation.alignment is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = float(self.height())
        for index, link in enumerate(grid.presentation.alignment.links):
            left = self._span(self.old_pane, link.old)
            right = self._span(self.new_pane, link.new)
            if left is None or right is None:
                continue
            if max(left[1], right[1]) < 0 or min(left[0], right[0]) > height:
                continue
            quiet = link.kind is LinkKind.IDENTICAL
            self._band(
                painter,
                left,
                right,
                self.colours.link(link.kind),
                bold=index == self.selected_link,
                quiet=quiet,
            )
        self._one_sided(painter, grid.presentation.alignment.removed, True, height)
        self._one_sided(painter, grid.presentation.alignment.added, False, height)
        painter.end()

    def _band(
        self,
        painter: QPainter,
        left: tuple[float, float],
        right: tuple[float, float],
        colour: QColor,
        *,
        bold: bool,
        quiet: bool,
    ) -> None:
        w = float(self.width())
        path = QPainterPath(QPointF(0, left[0]))
        path.cubicTo(QPointF(w / 2, left[0]), QPointF(w / 2, right[0]), QPointF(w, right[0]))
        path.lineTo(QPointF(w, right[1]))
        path.cubicTo(QPointF(w / 2, right[1]), QPointF(w / 2, left[1]), QPointF(0, left[1]))
        path.closeSubpath()
        # Identical pairs stay faint so that the eye goes to what changed.
        fill = QColor(colour)
        fill.setAlpha(130 if bold else (22 if quiet else 70))
        edge = QColor(colour)
        edge.setAlpha(255 if bold or not quiet else 90)
        painter.setBrush(fill)
        painter.setPen(QPen(edge, 2.0 if bold else 1.0))
        painter.drawPath(path)

    def link_at(self, pos: QPointF) -> int | None:
        """The link whose band passes under `pos` (bands are straightened between their ends)."""
        grid = self.old_pane.grid
        if grid is None or grid.presentation.alignment is None or self.width() <= 0:
            return None
        t = min(1.0, max(0.0, pos.x() / self.width()))
        for index, link in enumerate(grid.presentation.alignment.links):
            left, right = self._span(self.old_pane, link.old), self._span(self.new_pane, link.new)
            if left is None or right is None:
                continue
            top = left[0] + (right[0] - left[0]) * t
            bottom = left[1] + (right[1] - left[1]) * t
            if top - 2.0 <= pos.y() <= bottom + 2.0:
                return index
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._describe(self.link_at(QPointF(event.pos())))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _describe(self, index: int | None) -> str:
        grid = self.old_pane.grid
        presentation = grid.presentation if grid is not None else None
        if index is None or presentation is None or presentation.new is None:
            return ""
        link = presentation.link(index)
        if link is None:
            return ""
        return (
            f"{KIND_WORDS.get(link.kind.value, link.kind.value)} · similarity {link.similarity:.0%}: "
            f"{presentation.old.name} {', '.join(link.old)} → {presentation.new.name} {', '.join(link.new)}"
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.link_at(event.position())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.link_clicked.emit(index)

    def _one_sided(self, painter: QPainter, ids: tuple[str, ...], old: bool, height: float) -> None:
        pane = self.old_pane if old else self.new_pane
        colour = self.colours.removed if old else self.colours.added
        for unit_id in ids:
            span = self._span(pane, (unit_id,))
            if span is None or span[1] < 0 or span[0] > height:
                continue
            x = 0.0 if old else float(self.width()) - 8.0
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(QRectF(x, span[0], 8.0, span[1] - span[0]))
