"""The annotations dock: filters, a sortable list, counts per stance and theme, edit and delete."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kyoto_desk.core.annotation import Annotation
from kyoto_desk.ui.annotation_model import AnnotationTableModel, PanelFilter, SortOrder


def _chooser(parent: QWidget, name: str) -> QComboBox:
    box = QComboBox(parent)
    box.setAccessibleName(name)
    box.setToolTip(name)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    return box


def _refill(box: QComboBox, items: Sequence[tuple[str, str]]) -> None:
    """Replace a chooser's items (label, value), keeping the current value if it is still there."""
    current = str(box.currentData() or "")
    box.blockSignals(True)
    box.clear()
    box.addItem(f"Any {box.accessibleName().lower()}", "")
    for label, value in items:
        box.addItem(label, value)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.blockSignals(False)


class AnnotationPanel(QWidget):
    """Lists the window's annotations; a click asks the window to show the span in context."""

    jump_requested = Signal(object)  # Annotation
    edit_requested = Signal(object)
    delete_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationTableModel(self)
        self.document_box = _chooser(self, "Document")
        self.stance_box = _chooser(self, "Stance")
        self.theme_box = _chooser(self, "Theme")
        self.author_box = _chooser(self, "Author")
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText("Search quote, note, amendment")
        self.search_edit.setAccessibleName("Search annotations")
        self.search_edit.setClearButtonEnabled(True)
        self.sort_box = _chooser(self, "Sort")
        for order in SortOrder:
            self.sort_box.addItem(order.value.capitalize(), order.value)
        self.table = self._table()
        for box in (self.document_box, self.stance_box, self.theme_box, self.author_box):
            _refill(box, [])
        self.counts_label = QLabel(self)
        self.counts_label.setWordWrap(True)
        self.counts_label.setAccessibleName("Annotation counts")
        self.edit_button = QPushButton("&Edit…", self)
        self.delete_button = QPushButton("&Delete", self)
        self._lay_out()
        self._connect()
        self._update_counts()

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setAccessibleName("Annotations")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(22)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)  # the note
        for column, width in enumerate((110, 44, 260, 80, 130, 200, 110, 120)):
            table.setColumnWidth(column, width)
        table.setWordWrap(False)
        return table

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for widget in (self.document_box, self.stance_box, self.theme_box, self.author_box):
            filters.addWidget(widget)
        search = QHBoxLayout()
        search.addWidget(self.search_edit, 1)
        search.addWidget(QLabel("Sort:", self))
        search.addWidget(self.sort_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.counts_label, 1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addLayout(search)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        for box in (self.document_box, self.stance_box, self.theme_box, self.author_box):
            box.currentIndexChanged.connect(lambda _i: self._on_filters_changed())
        self.search_edit.textChanged.connect(lambda _t: self._on_filters_changed())
        self.sort_box.currentIndexChanged.connect(
            lambda _i: self.model.set_order(SortOrder(str(self.sort_box.currentData())))
        )
        self.table.clicked.connect(self._on_table_clicked)
        self.table.activated.connect(self._on_table_clicked)
        self.edit_button.clicked.connect(lambda: self._emit_current(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._emit_current(self.delete_requested))

    # --- content -----------------------------------------------------------------------------
    def set_annotations(
        self,
        annotations: Sequence[Annotation],
        names: dict[str, str],
        stances: Sequence[str],
        theme_labels: dict[str, str],
    ) -> None:
        """Show a new set (after a load or an edit), keeping the filters that still apply."""
        self.model.theme_labels = theme_labels
        keys = sorted({a.document_key for a in annotations}, key=lambda k: names.get(k, k))
        _refill(self.document_box, [(names.get(k, k[:12]), k) for k in keys])
        used_stances = {a.stance for a in annotations}
        _refill(self.stance_box, [(s, s) for s in dict.fromkeys([*stances, *sorted(used_stances)])])
        used_themes = sorted({t for a in annotations for t in a.themes})
        _refill(self.theme_box, [(theme_labels.get(t, t), t) for t in used_themes])
        _refill(self.author_box, [(a, a) for a in sorted({a.author for a in annotations if a.author})])
        self.model.flt = self._filter()
        self.model.set_annotations(annotations, names)
        self._update_counts()

    def apply(self, before: Annotation | None, after: Annotation | None) -> None:
        """One annotation added, edited or deleted; new stances, themes or authors join the choosers."""
        self.model.apply(before, after)
        if after is not None:
            labels = self.model.theme_labels
            wanted = (
                (
                    self.document_box,
                    [(self.model.names.get(after.document_key, after.document_key[:12]), after.document_key)],
                ),
                (self.stance_box, [(after.stance, after.stance)]),
                (self.theme_box, [(labels.get(t, t), t) for t in after.themes]),
                (self.author_box, [(after.author, after.author)] if after.author else []),
            )
            for box, items in wanted:
                for label, value in items:
                    if box.findData(value) < 0:
                        box.addItem(label, value)
        self._update_counts()

    def set_filter(self, flt: PanelFilter) -> None:
        """Choose filters from code (tests, and a click on a count)."""
        for box, value in (
            (self.document_box, flt.document),
            (self.stance_box, flt.stance),
            (self.theme_box, flt.theme),
            (self.author_box, flt.author),
        ):
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(value)))
            box.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.setText(flt.text)
        self.search_edit.blockSignals(False)
        self._on_filters_changed()

    def _filter(self) -> PanelFilter:
        return PanelFilter(
            document=str(self.document_box.currentData() or ""),
            stance=str(self.stance_box.currentData() or ""),
            theme=str(self.theme_box.currentData() or ""),
            author=str(self.author_box.currentData() or ""),
            text=self.search_edit.text(),
        )

    def _on_filters_changed(self) -> None:
        self.model.set_filter(self._filter())
        self._update_counts()

    def _update_counts(self) -> None:
        stances, themes = self.model.counts()
        shown, total = self.model.rowCount(), len(self.model.everything())
        parts = [f"<b>{shown}</b> of {total} shown"]
        if stances:
            parts.append(" · ".join(f"{html.escape(s)} {n}" for s, n in stances.most_common()))
        if themes:
            labels = self.model.theme_labels
            parts.append(" · ".join(f"{html.escape(labels.get(t, t))} {n}" for t, n in themes.most_common(8)))
        self.counts_label.setText("<br>".join(parts))

    # --- choosing ----------------------------------------------------------------------------
    def current(self) -> Annotation | None:
        index = self.table.currentIndex()
        return self.model.annotation(index.row()) if index.isValid() else None

    def select_id(self, annotation_id: str) -> bool:
        row = self.model.row_of(annotation_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _emit_current(self, signal: SignalInstance) -> None:
        annotation = self.current()
        if annotation is not None:
            signal.emit(annotation)

    def _on_table_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.jump_requested.emit(self.model.annotation(index.row()))
