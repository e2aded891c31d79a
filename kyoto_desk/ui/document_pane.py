"""One side of the view: a custom-painted, scrollable column of numbered units under their headings."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from kyoto_desk.ui.grid import CHIP_STRIP, PADDING, GridLayout, Item
from kyoto_desk.ui.palette import Colours, current_colours
from kyoto_desk.ui.rows import RowKind
from kyoto_desk.ui.span_selection import Span, span_rects, step_span
from kyoto_desk.ui.unit_text import UnitText

Highlight = tuple[int, int, QColor]  # a span of a unit painted in an annotation's colour
FLASH_MS = 1600


class DocumentPane(QAbstractScrollArea):
    """Paints the items of one side of a GridLayout; reports clicks and arrow keys as unit choices."""

    unit_chosen = Signal(bool, str)  # (old side?, unit id)
    unit_extended = Signal(bool, str)  # Ctrl+click: add or remove a unit as a link target
    resized = Signal()
    zoom_requested = Signal(int)  # +1 / -1 from Ctrl+wheel
    clear_requested = Signal()  # Escape
    span_selected = Signal(bool, str, int, int)  # a range of a unit's text dragged over with the mouse
    menu_requested = Signal(bool, QPoint)  # right click: (old side?, global position)

    def __init__(self, old: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.old = old
        self.grid: GridLayout | None = None
        self.selected: set[str] = set()
        self.counterparts: set[str] = set()
        self.targets: set[str] = set()
        self.colours: Colours = current_colours()
        self.theme_colours: dict[str, QColor] = {}
        self.show_themes = True
        self.span: Span | None = None  # the text selected with the mouse
        self.flash: Span | None = None  # a span shown briefly after a jump from the annotations panel
        self.highlights: dict[str, list[Highlight]] = {}  # unit id -> annotated spans
        self._drag_from: tuple[str, int] | None = None
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._on_flash_timer_timeout)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setMouseTracking(True)
        self.setAccessibleName("Older text" if old else "Newer text")

    def set_grid(self, grid: GridLayout | None) -> None:
        self.grid = grid
        self.update_scroll_range()
        self.viewport().update()

    def update_scroll_range(self) -> None:
        bar = self.verticalScrollBar()
        total = self.grid.total_height if self.grid else 0.0
        bar.setRange(0, max(0, int(total - self.viewport().height())))
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(24)

    def scroll_y(self) -> int:
        return int(self.verticalScrollBar().value())

    def ensure_visible(self, top: float, height: float, margin: float = 24.0) -> None:
        """Scroll so that [top, top+height] is in view: not at all if it is, else to a third from the top."""
        view = self.viewport().height()
        current = self.scroll_y()
        if top - margin >= current and top + min(height, view - 2 * margin) + margin <= current + view:
            return
        self.verticalScrollBar().setValue(int(top - max(margin, min(view / 3, view - height - margin))))

    def is_visible_y(self, top: float, height: float) -> bool:
        current = self.scroll_y()
        return top + min(height, 40.0) > current and top < current + self.viewport().height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()
        self.update_scroll_range()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), self.colours.background)
        if self.grid is None:
            return
        offset = self.scroll_y()
        clip = QRectF(event.rect()).translated(0, offset)
        painter.translate(0, -offset)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = float(self.viewport().width())
        for item in self.grid.items_between(self.old, clip.top(), clip.bottom()):
            if item.unit_id is not None:
                self._paint_decorations(painter, item, width)
                if isinstance(item.text, UnitText):
                    self._paint_spans(painter, item.unit_id, item.text, item.y)
            item.text.paint(painter, QPointF(PADDING, item.y), clip)
        painter.end()

    def _paint_decorations(self, painter: QPainter, item: Item, width: float) -> None:
        assert self.grid is not None and item.unit_id is not None
        box = QRectF(3.0, item.y - 3.0, width - 6.0, item.height + 6.0)
        if item.unit_id in self.selected:
            painter.fillRect(box, self.colours.selection)
        elif item.unit_id in self.counterparts:
            painter.fillRect(box, self.colours.counterpart)
        if item.unit_id in self.targets:
            painter.setPen(QPen(self.colours.modified, 2.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box)
        kind = self.grid.rows[item.row].kind
        bar = self._bar_colour(kind)
        if bar is not None:
            painter.fillRect(QRectF(0.0, item.y, 4.0, item.height), bar)
        if self.show_themes:
            self._paint_chips(painter, item, width)

    def _paint_spans(self, painter: QPainter, unit_id: str, text: UnitText, y: float) -> None:
        """Annotation highlights, then the mouse selection and a flash over them, under the text."""
        painter.setPen(Qt.PenStyle.NoPen)
        for start, end, colour in self.highlights.get(unit_id, ()):
            for rect in span_rects(text, start, end):
                painter.fillRect(rect.translated(PADDING, y), colour)
        for span, colour in ((self.span, self.colours.find), (self.flash, self.colours.modified)):
            if span is not None and span.unit_id == unit_id:
                for rect in span_rects(text, span.start, span.end):
                    painter.setPen(QPen(colour, 2.0))
                    painter.setBrush(Qt.BrushStyle.NoBrush if span is self.flash else colour)
                    painter.drawRect(rect.translated(PADDING, y))

    def show_flash(self, span: Span) -> None:
        """Outline a span for a moment (where a jump landed)."""
        self.flash = span
        self._flash_timer.start(FLASH_MS)
        self.viewport().update()

    def _on_flash_timer_timeout(self) -> None:
        self.flash = None
        self.viewport().update()

    def set_highlights(self, highlights: dict[str, list[Highlight]]) -> None:
        self.highlights = highlights
        self.viewport().update()

    def _bar_colour(self, kind: RowKind) -> QColor | None:
        colours = self.colours
        return {
            RowKind.ADDED: colours.added,
            RowKind.REMOVED: colours.removed,
            RowKind.MODIFIED: colours.modified,
            RowKind.MOVED: colours.moved,
            RowKind.SPLIT: colours.split_merged,
            RowKind.MERGED: colours.split_merged,
        }.get(kind)

    def _paint_chips(self, painter: QPainter, item: Item, width: float) -> None:
        assert self.grid is not None and item.unit_id is not None
        side = self.grid.presentation.side(self.old)
        themes = side.themes.get(item.unit_id, ()) if side else ()
        x = min(width - CHIP_STRIP, PADDING + self.grid.text_width(self.old) + 6.0)
        for k, theme_id in enumerate(themes[:8]):
            colour = self.theme_colours.get(theme_id)
            if colour is not None:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(QRectF(x, item.y + 2.0 + k * 11.0, 8.0, 8.0), 2.0, 2.0)

    def item_at(self, pos: QPointF) -> Item | None:
        return self.grid.unit_at(self.old, pos.y() + self.scroll_y()) if self.grid else None

    def _offset_in(self, unit_id: str, pos: QPointF) -> int | None:
        """The offset of `unit_id`'s text nearest a viewport point (also above or below the unit)."""
        if self.grid is None or unit_id not in self.grid.unit_box.get(self.old, {}):
            return None
        text = self.grid.unit_text(self.old, unit_id)
        top, _height = self.grid.unit_box[self.old][unit_id]
        if text is None:
            return None
        return text.offset_near(QPointF(pos.x() - PADDING, pos.y() + self.scroll_y() - top))

    def _step_span(self, step: int, move_start: bool) -> None:
        """Select words of the selected paragraph from the keyboard (see span_selection.step_span)."""
        unit_id = next(iter(self.selected), None)
        text = self.grid.unit_text(self.old, unit_id) if self.grid and unit_id else None
        if unit_id is None or text is None:
            return
        span = step_span(text.unit.text, self.span, unit_id, step, move_start=move_start)
        if span is not None:
            self.span = span
            self.viewport().update()
            self.span_selected.emit(self.old, span.unit_id, span.start, span.end)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        item = self.item_at(event.position())
        if item is not None and item.unit_id is not None and event.button() == Qt.MouseButton.LeftButton:
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.unit_extended.emit(self.old, item.unit_id)
            else:
                self.span = None
                offset = self._offset_in(item.unit_id, event.position())
                self._drag_from = None if offset is None else (item.unit_id, offset)
                self.unit_chosen.emit(self.old, item.unit_id)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        # A selection stays inside the paragraph it started in, like the spans annotations anchor to.
        if self._drag_from is not None and event.buttons() & Qt.MouseButton.LeftButton:
            unit_id, anchor = self._drag_from
            offset = self._offset_in(unit_id, event.position())
            if offset is not None:
                start, end = sorted((anchor, offset))
                self.span = Span(unit_id, start, end) if end > start else None
                self.viewport().update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = None
            if self.span is not None:
                self.span_selected.emit(self.old, self.span.unit_id, self.span.start, self.span.end)
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.item_at(QPointF(event.pos()))
        if item is not None and item.unit_id is not None:
            if self.span is None or self.span.unit_id != item.unit_id:
                self.span = None
                self.unit_chosen.emit(self.old, item.unit_id)
            self.menu_requested.emit(self.old, event.globalPos())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _tooltip_at(self, pos: QPointF) -> str:
        item = self.item_at(pos)
        if item is None or self.grid is None or not isinstance(item.text, UnitText):
            return ""
        offset = item.text.offset_at(QPointF(pos.x() - PADDING, pos.y() + self.scroll_y() - item.y))
        side = self.grid.presentation.side(self.old)
        if offset is None or side is None or not self.grid.options.show_agreed:
            return ""
        for run in side.agreed.get(item.text.unit.id, ()):
            if run.start <= offset < run.end:
                return f"Agreed language — also in {run.where}"
        return ""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = event.angleDelta().y()
            if step:
                self.zoom_requested.emit(1 if step > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear_requested.emit()
            return
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if shift and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            move_start = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self._step_span(1 if event.key() == Qt.Key.Key_Right else -1, move_start)
            return
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
        if step is None or self.grid is None:
            super().keyPressEvent(event)
            return
        side = self.grid.presentation.side(self.old)
        if side is None:
            return
        visible = [u for u in side.ids() if u in self.grid.unit_box[self.old]]
        if not visible:
            return
        current = next((u for u in visible if u in self.selected), None)
        index = 0 if current is None else max(0, min(len(visible) - 1, visible.index(current) + step))
        self.unit_chosen.emit(self.old, visible[index])
