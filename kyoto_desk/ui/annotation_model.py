"""A table model over frozen Annotation values, filtered and sorted in plain Python.

Filtering and sorting happen on the list before the view sees it (no proxy model calling back into
Python once per row), which keeps 10,000 annotations well under the panel's time budget.
"""

from __future__ import annotations

import bisect
import html
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from kyoto_desk.core.annotation import Annotation, normalise_label
from kyoto_desk.ui.note_markup import note_html

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Document", "Para.", "Text", "Stance", "Themes", "Note", "Author", "Modified")


class SortOrder(StrEnum):
    READING = "reading order"
    NEWEST = "newest first"
    STANCE = "stance"


@dataclass(frozen=True, slots=True)
class PanelFilter:
    """What the panel shows; "" means any."""

    document: str = ""  # a document key
    stance: str = ""
    theme: str = ""
    author: str = ""
    text: str = ""  # words in the quote, note or amendment

    def keeps(self, a: Annotation) -> bool:
        if self.document and a.document_key != self.document:
            return False
        if self.stance and a.stance != normalise_label(self.stance):
            return False
        if self.theme and normalise_label(self.theme) not in a.themes:
            return False
        if self.author and a.author != self.author:
            return False
        if self.text.strip():
            needle = self.text.strip().casefold()
            return any(needle in f.casefold() for f in (a.quote.exact, a.note, a.amendment))
        return True


def _natural(unit_id: str) -> tuple[object, ...]:
    # "pp2" < "10" < "10(a)" reads like the text when the document itself is not at hand
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", unit_id))


class AnnotationTableModel(QAbstractTableModel):
    """Rows are the annotations that pass the filter, in the chosen order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Annotation] = []
        self._rows: list[Annotation] = []
        self.names: dict[str, str] = {}
        self.theme_labels: dict[str, str] = {}
        self.position: Callable[[Annotation], int | None] = lambda _a: None
        self.flt = PanelFilter()
        self.order = SortOrder.READING
        # Counts of the shown rows, kept up to date row by row: recounting 10,000 rows per edit
        # would be most of an edit's cost.
        self._stances: Counter[str] = Counter()
        self._themes: Counter[str] = Counter()

    # --- content -----------------------------------------------------------------------------
    def set_annotations(self, annotations: Sequence[Annotation], names: dict[str, str]) -> None:
        self._all = list(annotations)
        self.names = names
        self._refill()

    def set_filter(self, flt: PanelFilter) -> None:
        self.flt = flt
        self._refill()

    def set_order(self, order: SortOrder) -> None:
        self.order = order
        self._refill()

    def _sort_key(self) -> Callable[[Annotation], tuple[object, ...]]:
        if self.order is SortOrder.NEWEST:
            return lambda a: (-a.modified.timestamp(), a.id)
        if self.order is SortOrder.STANCE:
            return lambda a: (a.stance, a.document_key, -a.modified.timestamp())
        position, names = self.position, self.names

        def reading(a: Annotation) -> tuple[object, ...]:
            where = position(a)
            unit = (0, where, ()) if where is not None else (1, 0, _natural(a.unit_id))
            return (names.get(a.document_key, a.document_key), unit, a.position.start)

        return reading

    def _refill(self) -> None:
        self.beginResetModel()
        keeps = self.flt.keeps
        self._rows = sorted((a for a in self._all if keeps(a)), key=self._sort_key())
        self._stances = Counter(a.stance for a in self._rows)
        self._themes = Counter(t for a in self._rows for t in a.themes)
        self.endResetModel()

    def _count(self, annotation: Annotation, step: int) -> None:
        self._stances[annotation.stance] += step
        for theme in annotation.themes:
            self._themes[theme] += step

    def apply(self, before: Annotation | None, after: Annotation | None) -> None:
        """One annotation changed: move just its row (a full refill costs far more with 10,000)."""
        if before is not None:
            self._all = [a for a in self._all if a.id != before.id]
            row = self.row_of(before.id)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._count(self._rows.pop(row), -1)
                self.endRemoveRows()
        if after is not None:
            self._all.append(after)
            if self.flt.keeps(after):
                key = self._sort_key()
                row = bisect.bisect_right(self._rows, key(after), key=key)
                self.beginInsertRows(QModelIndex(), row, row)
                self._rows.insert(row, after)
                self._count(after, 1)
                self.endInsertRows()

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: str) -> int | None:
        return next((i for i, a in enumerate(self._rows) if a.id == annotation_id), None)

    def shown(self) -> list[Annotation]:
        return list(self._rows)

    def counts(self) -> tuple[Counter[str], Counter[str]]:
        """How many shown annotations take each stance, and carry each theme."""
        return +self._stances, +self._themes  # unary plus drops the counts that fell to zero

    def everything(self) -> list[Annotation]:
        return list(self._all)

    # --- Qt ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(a, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            # <qt> makes Qt take the tooltip as rich text whatever it holds; the note is escaped first.
            return f"<qt>{note_html(a.note) if a.note else html.escape(a.quote.exact)}</qt>"
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 2:
            return QColor(a.colour)
        return None

    def _text(self, a: Annotation, column: int) -> str:
        if column == 0:
            return self.names.get(a.document_key, a.document_key[:8])
        if column == 1:
            return a.unit_id
        if column == 2:
            quote = a.quote.exact if len(a.quote.exact) <= 80 else a.quote.exact[:80] + "…"
            return f"(orphaned) “{quote}”" if a.orphaned else f"“{quote}”"
        if column == 3:
            return a.stance
        if column == 4:
            return ", ".join(self.theme_labels.get(t, t) for t in a.themes)
        if column == 5:
            return a.note.replace("\n", " ")
        if column == 6:
            return a.author
        return a.modified.astimezone().strftime("%Y-%m-%d %H:%M")
