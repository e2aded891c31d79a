"""Two synchronised panes (older left, newer right), the gutter between them and the overview bar.

Also shows a single document (the right pane, gutter and its overview hidden). Selection, filters,
change navigation and find live here; what to do with a selection (details, linking) is the window's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kyoto_desk.ui.document_pane import DocumentPane
from kyoto_desk.ui.grid import GridLayout
from kyoto_desk.ui.gutter import GutterView
from kyoto_desk.ui.overview_bar import OverviewBar
from kyoto_desk.ui.palette import Colours
from kyoto_desk.ui.presentation import Presentation
from kyoto_desk.ui.rows import Row, RowKind
from kyoto_desk.ui.unit_text import Mark, MarkRole, RenderOptions


class RowFilter:
    """Which rows to show: a kind ("all", "changed", "added", "removed") and optional themes."""

    KINDS = ("all", "changed", "added", "removed")

    def __init__(self, kind: str = "all", themes: Iterable[str] = ()) -> None:
        self.kind = kind
        self.themes = frozenset(themes)

    def keeps(self, row: Row, presentation: Presentation) -> bool:
        if self.kind == "changed" and not row.changed:
            return False
        if self.kind == "added" and row.kind is not RowKind.ADDED:
            return False
        if self.kind == "removed" and row.kind is not RowKind.REMOVED:
            return False
        if not self.themes:
            return True
        tagged: set[str] = set()
        for old, ids in ((True, row.old), (False, row.new)):
            side = presentation.side(old)
            if side is not None:
                tagged.update(t for u in ids for t in side.themes.get(u, ()))
        return bool(tagged & self.themes)


@dataclass(frozen=True, slots=True)
class FindMatch:
    old: bool
    unit_id: str
    start: int
    end: int


class ComparisonView(QWidget):
    """The side-by-side (or single) reading surface."""

    selection_changed = Signal(bool, str)  # (old side?, unit id); "" when nothing is selected
    targets_changed = Signal()  # units Ctrl+clicked to link with the selection

    def __init__(self, options: RenderOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options = options
        self.presentation: Presentation | None = None
        self.grid: GridLayout | None = None
        self.row_filter = RowFilter()
        self.selection: tuple[bool, str] | None = None
        self.link_targets: set[str] = set()  # units of the other side the user Ctrl+clicked
        self.old_pane = DocumentPane(True, self)
        self.new_pane = DocumentPane(False, self)
        self.gutter = GutterView(self.old_pane, self.new_pane, self)
        self.overview = OverviewBar(self.new_pane, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget, stretch in ((self.old_pane, 1), (self.gutter, 0), (self.new_pane, 1), (self.overview, 0)):
            layout.addWidget(widget, stretch)
        self._scroll = {True: 0, False: 0}
        self._syncing = False
        for pane in (self.old_pane, self.new_pane):
            pane.unit_chosen.connect(self.select)
            pane.unit_extended.connect(self.toggle_target)
            pane.clear_requested.connect(self.clear_selection)
            pane.resized.connect(self._on_pane_resized)
            pane.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.overview.jump_requested.connect(self._on_overview_jump)
        self.gutter.link_clicked.connect(self._on_gutter_link_clicked)
        self.setAccessibleName("Comparison")

    # --- content -----------------------------------------------------------------------------
    def set_presentation(self, presentation: Presentation) -> None:
        self.presentation = presentation
        self.grid = GridLayout(presentation, self.options)
        paired = presentation.new is not None
        for widget in (self.new_pane, self.gutter, self.overview):
            widget.setVisible(paired)
        self.overview.pane = self.new_pane if paired else self.old_pane
        self.selection = None
        self.link_targets = set()
        self.set_theme_colours({t.id: QColor(t.colour) for t in presentation.themes})
        self._apply_filter()
        self._on_pane_resized()
        for pane in (self.old_pane, self.new_pane):
            pane.set_grid(self.grid)
            pane.selected.clear()
            pane.counterparts.clear()
            pane.targets.clear()
            pane.span, pane.flash, pane.highlights = None, None, {}
            pane.verticalScrollBar().setValue(0)

    def set_options(self, options: RenderOptions) -> None:
        self.options = options
        for pane in (self.old_pane, self.new_pane):
            pane.colours = options.colours
        self.gutter.colours = options.colours
        self.overview.colours = options.colours
        if self.grid is not None:
            self.grid.set_options(options)
            self._refresh()

    def set_theme_colours(self, colours: dict[str, QColor]) -> None:
        for pane in (self.old_pane, self.new_pane):
            pane.theme_colours = colours

    def set_show_themes(self, show: bool) -> None:
        for pane in (self.old_pane, self.new_pane):
            pane.show_themes = show
        self._refresh()

    def set_colours(self, colours: Colours) -> None:
        self.set_options(
            RenderOptions(self.options.font, colours, self.options.show_minor, self.options.show_agreed)
        )

    # --- filtering ---------------------------------------------------------------------------
    def set_filter(self, row_filter: RowFilter) -> None:
        self.row_filter = row_filter
        self._apply_filter()
        self._refresh()

    def _apply_filter(self) -> None:
        if self.grid is not None and self.presentation is not None:
            presentation = self.presentation
            self.grid.set_filter(lambda row: self.row_filter.keeps(row, presentation))

    def is_unit_visible(self, old: bool, unit_id: str) -> bool:
        return self.grid is not None and unit_id in self.grid.unit_box.get(old, {})

    # --- selection ---------------------------------------------------------------------------
    def counterparts_of(self, old: bool, unit_id: str) -> tuple[str, ...]:
        if self.presentation is None:
            return ()
        index = self.presentation.link_of(unit_id, old=old)
        link = self.presentation.link(index) if index is not None else None
        if link is None:
            return ()
        return link.new if old else link.old

    def toggle_target(self, old: bool, unit_id: str) -> None:
        """Ctrl+click in the other pane: mark (or unmark) a unit to link with the selection."""
        if self.selection is None or self.selection[0] == old:
            self.select(old, unit_id)
            return
        self.link_targets ^= {unit_id}
        (self.old_pane if old else self.new_pane).targets = set(self.link_targets)
        self._refresh()
        self.targets_changed.emit()

    def order_key(self, old: bool) -> Callable[[str], int]:
        """Sort key of unit ids of one side by reading order."""
        side = self.presentation.side(old) if self.presentation else None
        return side.document.position if side else (lambda _u: 0)

    def select(self, old: bool, unit_id: str) -> None:
        """Select a unit, mark its counterparts and bring them level with it in the other pane."""
        if self.grid is None or self.presentation is None:
            return
        self.selection = (old, unit_id)
        self.link_targets = set()
        self.old_pane.targets, self.new_pane.targets = set(), set()
        here, there = (self.old_pane, self.new_pane) if old else (self.new_pane, self.old_pane)
        others = self.counterparts_of(old, unit_id)
        if here.span is not None and here.span.unit_id != unit_id:
            here.span = None  # a text selection belongs to the selected paragraph only
        there.span = None
        here.selected, here.counterparts = {unit_id}, set()
        there.selected, there.counterparts = set(), set(others)
        side = self.presentation.side(old)
        if side is not None:  # screen readers read the selected paragraph
            here.setAccessibleDescription(f"Paragraph {unit_id}: {side.document.unit(unit_id).text}")
        box = self.grid.unit_box[old].get(unit_id)
        if box is not None:
            here.ensure_visible(*box)
            self._bring_level(here, there, box, others)
        index = self.presentation.link_of(unit_id, old=old)
        self.gutter.selected_link = index
        self._refresh()
        self.selection_changed.emit(old, unit_id)

    def _bring_level(
        self, here: DocumentPane, there: DocumentPane, box: tuple[float, float], others: tuple[str, ...]
    ) -> None:
        assert self.grid is not None
        boxes = [self.grid.unit_box[there.old][u] for u in others if u in self.grid.unit_box[there.old]]
        if not boxes or not there.isVisible():
            return
        # The counterpart's top goes where the selected unit's top is on screen.
        target = min(b[0] for b in boxes) - (box[0] - here.scroll_y())
        self._syncing = True
        there.verticalScrollBar().setValue(int(target))
        self._syncing = False
        self._scroll[there.old] = there.scroll_y()

    def clear_selection(self) -> None:
        self.selection = None
        self.link_targets = set()
        for pane in (self.old_pane, self.new_pane):
            pane.selected.clear()
            pane.counterparts.clear()
        self.gutter.selected_link = None
        self._refresh()
        self.selection_changed.emit(True, "")

    # --- navigation --------------------------------------------------------------------------
    def _visible_rows(self) -> list[int]:
        assert self.grid is not None
        return [i for i, shown in enumerate(self.grid.visible) if shown]

    def _current_row(self) -> int:
        assert self.grid is not None
        if self.selection is not None:
            old, unit_id = self.selection
            for index, row in enumerate(self.grid.rows):
                if unit_id in (row.old if old else row.new):
                    return index
        return -1

    def go_to_change(self, step: int) -> bool:
        """Select the first unit of the next (step=1) or previous (step=-1) changed row in view."""
        if self.grid is None:
            return False
        current = self._current_row()
        rows = self._visible_rows()
        ordered = (
            [i for i in rows if i > current]
            if step > 0
            else [i for i in reversed(rows) if i < current or current < 0]
        )
        for index in ordered:
            row = self.grid.rows[index]
            if row.changed:
                self.select(bool(row.old), (row.old or row.new)[0])
                return True
        return False

    def go_to_unit(self, unit_id: str) -> bool:
        """Select a unit by its number, in the newer text first; clears a filter hiding it."""
        if self.presentation is None:
            return False
        for old in (False, True):
            side = self.presentation.side(old)
            if side is not None and unit_id in side.document:
                if not self.is_unit_visible(old, unit_id):
                    self.set_filter(RowFilter())
                self.select(old, unit_id)
                return True
        return False

    # --- find --------------------------------------------------------------------------------
    def find_text(self, needle: str) -> list[FindMatch]:
        """All case-insensitive matches in both texts (reading order, older first); highlights them."""
        matches: list[FindMatch] = []
        if self.grid is None or self.presentation is None:
            return matches
        marks: dict[bool, dict[str, list[Mark]]] = {True: {}, False: {}}
        if needle.strip():
            pattern = re.compile(re.escape(needle), re.IGNORECASE)
            for old in (True, False):
                side = self.presentation.side(old)
                for unit in side.document.units if side else ():
                    for m in pattern.finditer(unit.text):
                        matches.append(FindMatch(old, unit.id, m.start(), m.end()))
                        marks[old].setdefault(unit.id, []).append(Mark(m.start(), m.end(), MarkRole.FIND))
        self.grid.set_find_marks(marks)
        self._refresh()
        return matches

    def show_match(self, match: FindMatch) -> None:
        if not self.is_unit_visible(match.old, match.unit_id):
            self.set_filter(RowFilter())
        self.select(match.old, match.unit_id)

    # --- plumbing ----------------------------------------------------------------------------
    def _on_pane_resized(self) -> None:
        grid = self.grid
        if grid is None:
            return
        widths = (float(self.old_pane.viewport().width()), float(self.new_pane.viewport().width()))
        if widths == grid.widths:
            return
        # Text re-wraps at a new width: keep the row at the top of each pane where it was.
        anchors = {}
        for pane in (self.old_pane, self.new_pane):
            row = grid.row_at(pane.scroll_y())
            if row is not None:
                anchors[pane.old] = (row, pane.scroll_y() - grid.row_top[row])
        grid.set_widths(*widths)
        self._refresh()
        self._syncing = True
        for pane in (self.old_pane, self.new_pane):
            if pane.old in anchors:
                row, offset = anchors[pane.old]
                pane.verticalScrollBar().setValue(int(grid.row_top[row] + min(offset, grid.row_height[row])))
            self._scroll[pane.old] = pane.scroll_y()
        self._syncing = False

    def _on_scrolled(self, value: int) -> None:
        source = self.sender()
        old = source is self.old_pane.verticalScrollBar()
        delta = value - self._scroll[old]
        self._scroll[old] = value
        if not self._syncing and delta:
            # The other pane follows by the same amount, keeping whatever offset a selection gave it.
            other = self.new_pane if old else self.old_pane
            self._syncing = True
            other.verticalScrollBar().setValue(other.scroll_y() + delta)
            self._scroll[not old] = other.scroll_y()
            self._syncing = False
        self.gutter.update()
        self.overview.update()

    def _on_gutter_link_clicked(self, index: int) -> None:
        link = self.presentation.link(index) if self.presentation else None
        if link is not None:
            self.select(True, link.old[0])

    def _on_overview_jump(self, y: float) -> None:
        for pane in (self.old_pane, self.new_pane):
            self._syncing = True
            pane.verticalScrollBar().setValue(int(y - pane.viewport().height() / 2))
            self._scroll[pane.old] = pane.scroll_y()
            self._syncing = False

    def _refresh(self) -> None:
        for pane in (self.old_pane, self.new_pane):
            pane.update_scroll_range()
            pane.viewport().update()
        self.gutter.update()
        self.overview.update()
