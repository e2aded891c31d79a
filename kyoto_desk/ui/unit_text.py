"""One unit (or heading) as a laid-out rich text: label in a hanging indent, marks, footnotes.

Each unit gets its own QTextDocument so that a width change re-lays out only text, and a filter
change re-lays out nothing: the views just stack the cached heights differently.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QPainter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from kyoto_desk.core.model import Unit
from kyoto_desk.ui.palette import Colours


class MarkRole(StrEnum):
    """How a run of a unit's text is shown."""

    INSERT = "insert"  # new wording: bold and underlined (UN convention)
    DELETE = "delete"  # dropped wording: struck through
    MINOR_INSERT = "minor-insert"  # punctuation or case only; shown unless hidden
    MINOR_DELETE = "minor-delete"
    AGREED = "agreed"  # language found in the other text as well
    FIND = "find"  # a match of the find bar


@dataclass(frozen=True, slots=True)
class Mark:
    """A run of a unit's text (offsets into `Unit.text`) and how to show it."""

    start: int
    end: int
    role: MarkRole


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What the user chose to see; part of the cache key of a rendered unit."""

    font: QFont
    colours: Colours
    show_minor: bool = True
    show_agreed: bool = False


LABEL_WIDTH_EM = 3.2


def _format_for(roles: set[MarkRole], italic: bool, options: RenderOptions) -> QTextCharFormat:
    colours = options.colours
    fmt = QTextCharFormat()
    fmt.setForeground(colours.text)
    if italic:
        fmt.setFontItalic(True)
    minor_insert = options.show_minor and MarkRole.MINOR_INSERT in roles
    minor_delete = options.show_minor and MarkRole.MINOR_DELETE in roles
    if MarkRole.INSERT in roles or minor_insert:
        fmt.setForeground(colours.insert)
        fmt.setFontUnderline(True)
        if MarkRole.INSERT in roles:
            fmt.setFontWeight(QFont.Weight.Bold)
    if MarkRole.DELETE in roles or minor_delete:
        fmt.setForeground(colours.delete)
        fmt.setFontStrikeOut(True)
    if options.show_agreed and MarkRole.AGREED in roles:
        fmt.setBackground(colours.agreed)
    if MarkRole.FIND in roles:
        fmt.setBackground(colours.find)
    return fmt


def _segments(length: int, marks: Sequence[Mark], cuts: Iterable[int]) -> list[tuple[int, int]]:
    points = {0, length, *cuts}
    for mark in marks:
        points.update((max(0, min(length, mark.start)), max(0, min(length, mark.end))))
    ordered = sorted(points)
    return [(a, b) for a, b in pairwise(ordered) if b > a]


class UnitText:
    """A unit laid out for painting; knows its height at a width and maps points to text offsets."""

    def __init__(
        self, unit: Unit, marks: Sequence[Mark], options: RenderOptions, footnote_scale: float = 0.82
    ):
        self.unit = unit
        self.document = QTextDocument()
        self.document.setDocumentMargin(0)
        self.document.setDefaultFont(options.font)
        self.document.setUndoRedoEnabled(False)
        self._inserted: list[int] = []  # document positions where a footnote marker char was added
        self._prefix = 0
        self._width = -1.0
        self._build(marks, options, footnote_scale)

    def _build(self, marks: Sequence[Mark], options: RenderOptions, footnote_scale: float) -> None:
        unit, colours = self.unit, options.colours
        cursor = QTextCursor(self.document)
        indent = options.font.pointSizeF() * LABEL_WIDTH_EM * 1.33
        block = QTextBlockFormat()
        block.setLeftMargin(indent)
        block.setTextIndent(-indent)
        block.setTabPositions([QTextOption.Tab(indent, QTextOption.TabType.LeftTab)])
        cursor.setBlockFormat(block)
        label_format = QTextCharFormat()
        label_format.setForeground(colours.text if unit.label else colours.muted)
        label = unit.label or unit.number
        cursor.insertText(f"{label}\t", label_format)
        self._prefix = len(label) + 1
        markers = {f.offset: f.number for f in unit.footnotes if f.offset is not None}
        self._insert_body(cursor, marks, markers, options)
        self._insert_footnotes(cursor, indent, options, footnote_scale)

    def _insert_body(
        self, cursor: QTextCursor, marks: Sequence[Mark], markers: dict[int, int], options: RenderOptions
    ) -> None:
        text = self.unit.text
        italics = self.unit.emphasis
        for start, end in _segments(len(text), marks, [*markers, *(p for span in italics for p in span)]):
            if start in markers:
                self._insert_marker(cursor, markers.pop(start), options)
            roles = {m.role for m in marks if m.start <= start and end <= m.end}
            italic = any(a <= start and end <= b for a, b in italics)
            cursor.insertText(text[start:end], _format_for(roles, italic, options))
        for number in markers.values():  # a marker at the very end of the text
            self._insert_marker(cursor, number, options)

    def _insert_marker(self, cursor: QTextCursor, number: int, options: RenderOptions) -> None:
        fmt = QTextCharFormat()
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        fmt.setForeground(options.colours.heading)
        marker = str(number)
        self._inserted.append(cursor.position())
        cursor.insertText(marker, fmt)
        # Later markers are recorded one position per character, so offsets map back with bisect.
        self._inserted.extend(cursor.position() - len(marker) + i for i in range(1, len(marker)))

    def _insert_footnotes(
        self, cursor: QTextCursor, indent: float, options: RenderOptions, scale: float
    ) -> None:
        for note in self.unit.footnotes:
            block = QTextBlockFormat()
            block.setLeftMargin(indent)
            block.setTopMargin(options.font.pointSizeF() * 0.35)
            fmt = QTextCharFormat()
            fmt.setForeground(options.colours.muted)
            fmt.setFontPointSize(options.font.pointSizeF() * scale)
            cursor.insertBlock(block, fmt)
            cursor.insertText(f"{note.number}  {note.text}", fmt)

    def set_width(self, width: float) -> float:
        """Lay out for `width` pixels; returns the height."""
        if width != self._width:
            self._width = width
            self.document.setTextWidth(max(40.0, width))
        return float(self.document.size().height())

    @property
    def height(self) -> float:
        return float(self.document.size().height())

    def paint(self, painter: QPainter, top_left: QPointF, clip: QRectF) -> None:
        # Only the clipped part is drawn: a long paragraph scrolled half out of view costs half.
        painter.save()
        painter.translate(top_left)
        self.document.drawContents(painter, clip.translated(-top_left))
        painter.restore()

    def offset_at(self, point: QPointF) -> int | None:
        """The offset into `unit.text` under `point` (relative to the unit's top left), if any."""
        position = self.document.documentLayout().hitTest(point, Qt.HitTestAccuracy.ExactHit)
        if position < self._prefix:
            return None
        shifted = position - self._prefix - bisect.bisect_right(self._inserted, position)
        if shifted >= len(self.unit.text) or position in self._inserted:
            return None
        return shifted

    def offset_near(self, point: QPointF) -> int:
        """The offset into `unit.text` nearest `point` (for dragging a selection): clamped to the text."""
        position = self.document.documentLayout().hitTest(point, Qt.HitTestAccuracy.FuzzyHit)
        if position < self._prefix:
            return 0
        shifted = position - self._prefix - bisect.bisect_right(self._inserted, position - 1)
        return max(0, min(len(self.unit.text), shifted))

    def position_of(self, offset: int) -> int:
        """The document position of `unit.text[offset]` (inverse of `offset_at`, past footnote markers)."""
        position = offset + self._prefix
        for inserted in self._inserted:  # ascending; each marker before the offset shifts it by one
            if inserted > position:
                break
            position += 1
        return position


class LineStyle(StrEnum):
    """How a line that is not a unit is set."""

    TITLE = "title"  # the document's title
    META = "meta"  # its symbols, under the title
    PILLAR = "pillar"  # a level-1 heading
    SUBHEADING = "subheading"  # a level-2 heading
    LEAD_IN = "lead-in"  # "Declare the following:"


_LINE_SIZES = {
    LineStyle.TITLE: 1.3,
    LineStyle.META: 0.9,
    LineStyle.PILLAR: 1.15,
    LineStyle.SUBHEADING: 1.0,
    LineStyle.LEAD_IN: 1.0,
}


class HeadingText:
    """A title, heading or lead-in line above the first unit it introduces."""

    def __init__(self, text: str, style: LineStyle, options: RenderOptions) -> None:
        self.text = text
        self.style = style
        self.document = QTextDocument()
        self.document.setDocumentMargin(0)
        self.document.setUndoRedoEnabled(False)
        font = QFont(options.font)
        font.setBold(style in (LineStyle.TITLE, LineStyle.PILLAR, LineStyle.SUBHEADING))
        font.setItalic(style is LineStyle.LEAD_IN)
        font.setPointSizeF(options.font.pointSizeF() * _LINE_SIZES[style])
        self.document.setDefaultFont(font)
        fmt = QTextCharFormat()
        colour = {LineStyle.META: options.colours.muted, LineStyle.LEAD_IN: options.colours.text}
        fmt.setForeground(colour.get(style, options.colours.heading))
        block = QTextBlockFormat()
        block.setProperty(QTextFormat.Property.BlockTopMargin, options.font.pointSizeF() * 0.6)
        cursor = QTextCursor(self.document)
        cursor.setBlockFormat(block)
        cursor.insertText(text, fmt)
        self._width = -1.0

    def set_width(self, width: float) -> float:
        if width != self._width:
            self._width = width
            self.document.setTextWidth(max(40.0, width))
        return float(self.document.size().height())

    def paint(self, painter: QPainter, top_left: QPointF, clip: QRectF) -> None:
        # Only the clipped part is drawn: a long paragraph scrolled half out of view costs half.
        painter.save()
        painter.translate(top_left)
        self.document.drawContents(painter, clip.translated(-top_left))
        painter.restore()
