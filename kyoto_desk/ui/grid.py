"""The vertical layout shared by both panes: row tops and heights, and what each side paints where.

Unit texts are laid out once per width; a filter change only re-stacks cached heights, which is
what keeps it far under the 100 ms budget.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kyoto_desk.ui.presentation import Presentation, Side
from kyoto_desk.ui.rows import Row
from kyoto_desk.ui.unit_text import HeadingText, LineStyle, Mark, MarkRole, RenderOptions, UnitText

ROW_GAP_EM = 0.75
PADDING = 14.0  # pixels left and right of the text inside a pane
CHIP_STRIP = 12.0  # pixels at the right of a pane for theme chips
MAX_MEASURE_EM = 50.0
HEAD_GAP = 4.0  # pixels under a heading line
UNIT_GAP = 6.0  # pixels between units stacked in one row (a split or merge)


@dataclass(frozen=True, slots=True)
class Item:
    """Something a pane paints at `y` (content coordinates): a heading/lead-in, or a unit."""

    y: float
    height: float
    row: int
    unit_id: str | None  # None for a heading
    text: UnitText | HeadingText


class SideTexts:
    """The laid-out texts of one side, rebuilt when the render options or find marks change."""

    def __init__(self, side: Side, options: RenderOptions, extra: dict[str, list[Mark]]) -> None:
        self.side = side
        self.units: dict[str, UnitText] = {}
        self._options = options
        for unit in side.document.units:
            self.rebuild(unit.id, extra.get(unit.id, ()))
        self._headings: dict[tuple[LineStyle, str], HeadingText] = {}

    def rebuild(self, unit_id: str, extra: Sequence[Mark]) -> None:
        """Render one unit again with `extra` marks (find matches) over its own."""
        side, options = self.side, self._options
        marks = list(side.marks.get(unit_id, ()))
        if options.show_agreed:
            marks.extend(Mark(r.start, r.end, MarkRole.AGREED) for r in side.agreed.get(unit_id, ()))
        marks.extend(extra)
        self.units[unit_id] = UnitText(side.document.unit(unit_id), marks, options)

    def heading(self, style: LineStyle, text: str) -> HeadingText:
        key = (style, text)
        if key not in self._headings:
            self._headings[key] = HeadingText(text, style, self._options)
        return self._headings[key]

    def title_lines(self) -> list[HeadingText]:
        info = self.side.document.info
        lines = [self.heading(LineStyle.TITLE, info.title)] if info.title else []
        if info.symbols:
            lines.append(self.heading(LineStyle.META, " · ".join(info.symbols)))
        return lines


class GridLayout:
    """Row tops for both sides, the items each side paints, and where each unit sits."""

    def __init__(self, presentation: Presentation, options: RenderOptions) -> None:
        self.presentation = presentation
        self.options = options
        self.visible: list[bool] = [True] * len(presentation.rows)
        self.widths = (400.0, 400.0)
        self.find_marks: dict[bool, dict[str, list[Mark]]] = {True: {}, False: {}}
        self._texts: dict[bool, SideTexts] = {}
        self.rebuild_texts()

    @property
    def rows(self) -> list[Row]:
        return self.presentation.rows

    def rebuild_texts(self) -> None:
        """Re-render every unit (options, palette or find marks changed)."""
        self._texts = {True: SideTexts(self.presentation.old, self.options, self.find_marks[True])}
        if self.presentation.new is not None:
            self._texts[False] = SideTexts(self.presentation.new, self.options, self.find_marks[False])
        self.relayout()

    def set_find_marks(self, marks: dict[bool, dict[str, list[Mark]]]) -> None:
        """Show find matches, re-rendering only the units whose matches changed."""
        for old, texts in self._texts.items():
            before, after = self.find_marks.get(old, {}), marks.get(old, {})
            for unit_id in set(before) | set(after):
                if before.get(unit_id) != after.get(unit_id):
                    texts.rebuild(unit_id, after.get(unit_id, ()))
        self.find_marks = {True: marks.get(True, {}), False: marks.get(False, {})}
        self.relayout()

    def set_options(self, options: RenderOptions) -> None:
        self.options = options
        self.rebuild_texts()

    def set_widths(self, old_width: float, new_width: float) -> None:
        if (old_width, new_width) != self.widths:
            self.widths = (old_width, new_width)
            self.relayout()

    def set_filter(self, keep: Callable[[Row], bool]) -> None:
        self.visible = [keep(row) for row in self.rows]
        self.relayout()

    def text_width(self, old: bool) -> float:
        # Lines longer than about a hundred characters are hard to read; a wide window gets margins.
        measure = self.options.font.pointSizeF() * 1.33 * MAX_MEASURE_EM
        return max(60.0, min(measure, self.widths[0 if old else 1] - 2 * PADDING - CHIP_STRIP))

    def relayout(self) -> None:
        gap = self.options.font.pointSizeF() * ROW_GAP_EM * 1.33
        self.row_top: list[float] = []
        self.row_height: list[float] = []
        self.items: dict[bool, list[Item]] = {side: [] for side in self._texts}
        self.unit_box: dict[bool, dict[str, tuple[float, float]]] = {side: {} for side in self._texts}
        last_path: dict[bool, tuple[str, ...]] = {side: () for side in self._texts}
        y = self._titles(gap)
        for index, row in enumerate(self.rows):
            self.row_top.append(y)
            if not self.visible[index]:
                self.row_height.append(0.0)
                continue
            sides = [(side, row.old if side else row.new) for side in self._texts]
            # Headings above the first unit of the row differ between the texts; padding the shorter
            # side makes both first paragraphs start on the same line.
            lead = {side: self._heads_height(side, ids[0], last_path[side]) for side, ids in sides if ids}
            top = max(lead.values(), default=0.0)
            height = 0.0
            for side, ids in sides:
                if ids:
                    used = self._stack(side, index, ids, y + top - lead[side], last_path)
                    height = max(height, used + top - lead[side])
            self.row_height.append(height)
            y += height + gap
        self.total_height = y
        self._bottoms = {side: [i.y + i.height for i in items] for side, items in self.items.items()}

    def _heads(self, side: bool, unit_id: str, last: tuple[str, ...]) -> list[HeadingText]:
        """The headings and lead-ins shown above a unit, given the heading path shown last."""
        texts = self._texts[side]
        path = texts.units[unit_id].unit.headings
        shared = 0
        while shared < min(len(path), len(last)) and path[shared] == last[shared]:
            shared += 1
        heads = [
            texts.heading(LineStyle.PILLAR if level == 1 else LineStyle.SUBHEADING, h)
            for level, h in enumerate(path[shared:], start=shared + 1)
        ]
        return heads + [
            texts.heading(LineStyle.LEAD_IN, line) for line in texts.side.lead_ins.get(unit_id, ())
        ]

    def _heads_height(self, side: bool, unit_id: str, last: tuple[str, ...]) -> float:
        width = self.text_width(side)
        return sum(head.set_width(width) + HEAD_GAP for head in self._heads(side, unit_id, last))

    def _stack(
        self, side: bool, row: int, ids: tuple[str, ...], y: float, last: dict[bool, tuple[str, ...]]
    ) -> float:
        texts = self._texts[side]
        width = self.text_width(side)
        top = y
        for unit_id in ids:
            unit_text = texts.units[unit_id]
            for head in self._heads(side, unit_id, last[side]):
                h = head.set_width(width)
                self.items[side].append(Item(y, h, row, None, head))
                y += h + HEAD_GAP
            last[side] = unit_text.unit.headings
            h = unit_text.set_width(width)
            self.items[side].append(Item(y, h, row, unit_id, unit_text))
            self.unit_box[side][unit_id] = (y, h)
            y += h + UNIT_GAP
        return max(0.0, y - top - UNIT_GAP)

    def _titles(self, top: float) -> float:
        """Lay out each side's title and symbols above the first row; returns where rows start."""
        tallest = top
        for side, texts in self._texts.items():
            y = top
            for line in texts.title_lines():
                h = line.set_width(self.text_width(side))
                self.items[side].append(Item(y, h, -1, None, line))
                y += h + 2.0
            tallest = max(tallest, y + (top if y > top else 0.0))
        return tallest

    def items_between(self, old: bool, top: float, bottom: float) -> list[Item]:
        """Items of one side overlapping [top, bottom] in content coordinates."""
        items = self.items.get(old, [])
        start = bisect.bisect_left(self._bottoms.get(old, []), top)
        out: list[Item] = []
        for item in items[start:]:
            if item.y > bottom:
                break
            out.append(item)
        return out

    def unit_at(self, old: bool, y: float) -> Item | None:
        for item in self.items_between(old, y, y):
            if item.unit_id is not None and item.y <= y <= item.y + item.height:
                return item
        return None

    def row_at(self, y: float) -> int | None:
        index = bisect.bisect_right(self.row_top, y) - 1
        while index >= 0 and not self.visible[index]:
            index -= 1
        return index if index >= 0 else None

    def unit_text(self, old: bool, unit_id: str) -> UnitText | None:
        texts = self._texts.get(old)
        return texts.units.get(unit_id) if texts else None
