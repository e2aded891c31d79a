"""Spans of a unit's text on screen: what the mouse selected, and the rectangles that paint a span.

A pane lays each unit out in its own QTextDocument (see unit_text); a span is a range of offsets
into `Unit.text`, so it maps to the store's TextPosition without any conversion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextLine

from kyoto_desk.ui.unit_text import UnitText


@dataclass(frozen=True, slots=True)
class Span:
    """A range of offsets in one unit's text (`start < end`)."""

    unit_id: str
    start: int
    end: int


def _x(line: QTextLine, position: int) -> float:
    # PySide6 returns either the x alone or (x, adjusted position) depending on the overload taken.
    value: Any = line.cursorToX(position)
    return float(value[0] if isinstance(value, tuple) else value)


def span_rects(text: UnitText, start: int, end: int) -> list[QRectF]:
    """One rectangle per laid-out line the span covers, relative to the unit's top left."""
    if end <= start:
        return []
    first, last = text.position_of(start), text.position_of(end)
    block = text.document.begin()  # the label and the body; footnotes follow in later blocks
    layout = block.layout()
    origin = layout.position()
    rects: list[QRectF] = []
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        line_start = line.textStart()
        line_end = line_start + line.textLength()
        low, high = max(first, line_start), min(last, line_end)
        if low >= high:
            continue
        left, right = _x(line, low), _x(line, high)
        top = origin.y() + line.y()
        rects.append(QRectF(origin.x() + left, top, max(2.0, right - left), line.height()))
    return rects


_WORD = re.compile(r"\S+")


def step_span(text: str, span: Span | None, unit_id: str, step: int, *, move_start: bool) -> Span | None:
    """A word more or less at the end of `span` (or, with `move_start`, at its start) – the keyboard's
    way of selecting words: Shift+→ / Shift+← and Ctrl+Shift+→ / Ctrl+Shift+←. Never empty."""
    words = [m.span() for m in _WORD.finditer(text)]
    if not words:
        return None
    if span is None or span.unit_id != unit_id:
        first = words[0]
        return Span(unit_id, *first) if step > 0 and not move_start else None
    starts, ends = [a for a, _b in words], [b for _a, b in words]
    start, end = span.start, span.end
    if move_start:
        later = [a for a in starts if a > start and a < end] if step > 0 else [a for a in starts if a < start]
        start = (min(later) if step > 0 else max(later)) if later else start
    else:
        later = [b for b in ends if b > end] if step > 0 else [b for b in ends if start < b < end]
        end = (min(later) if step > 0 else max(later)) if later else end
    return Span(unit_id, start, end)
