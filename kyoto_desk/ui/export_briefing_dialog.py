"""File ▸ Export briefing…: the form where the user chooses what goes into the Word briefing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kyoto_desk.export.briefing_options import BriefingOptions, Scope, Section

SCOPES = (
    (Scope.ALL, "A&ll paragraphs"),
    (Scope.CHANGED, "&Changed paragraphs only"),
    (Scope.ANNOTATED, "A&nnotated paragraphs only"),
)
SECTIONS = (
    (Section.COVER, "Cover page"),
    (Section.SUMMARY, "Executive summary"),
    (Section.SYNOPTIC, "Synoptic table"),
    (Section.COMMENTS, "Annotations as Word comments"),
    (Section.POSITIONS, "Positions table"),
    (Section.AMENDMENTS, "Proposed amendments"),
)
MARKINGS = ("", "RESTRICTED", "CONFIDENTIAL", "FOR OFFICIAL USE ONLY")
DOCX_FILTER = "Word document (*.docx)"


def docx_path(text: str, folder: Path) -> Path | None:
    """The file a typed name stands for: relative names go in `folder`, and `.docx` is added if missing."""
    text = text.strip()
    if not text:
        return None
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = folder / path
    if path.suffix.lower() != ".docx":
        path = path.with_name(path.name + ".docx")
    return path


class ExportBriefingDialog(QDialog):
    """Title, author, date, marking, scope, themes, sections, layout and the file; `options()` reads them."""

    def __init__(
        self,
        parent: QWidget | None,
        themes: Sequence[tuple[str, str]],
        options: BriefingOptions,
        folder: Path,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export briefing")
        self.setAccessibleName("Export briefing")
        self.folder = folder
        form = QFormLayout()
        self._text_fields(form, options)
        self._scope_field(form, options.scope)
        self.themes = self._theme_list(themes, options.themes)
        form.addRow("T&hemes (none\nchecked: all):", self.themes)
        form.addRow("S&ections:", self._section_boxes(options.sections))
        self._layout_fields(form, options)
        file_row = self._file_row()
        form.addRow(_label(self, "&File:", self.file_edit), file_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Export")
        self.ok_button.setAccessibleName("Export the briefing")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()

    # --- construction ------------------------------------------------------------------------
    def _text_fields(self, form: QFormLayout, options: BriefingOptions) -> None:
        self.title_edit = _line(self, options.title, "Title of the briefing")
        self.author_edit = _line(self, options.author, "Author or delegation")
        self.author_edit.setPlaceholderText("e.g. Delegation of …")
        self.today_box = QCheckBox("The day of the export", self)
        self.today_box.setAccessibleName("Date the briefing the day of the export")
        self.date_edit = QDateEdit(self)
        self.date_edit.setAccessibleName("Date of the briefing")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        day = options.date or dt.date.today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.today_box.toggled.connect(lambda today: self.date_edit.setEnabled(not today))
        self.today_box.setChecked(options.date is None)
        self.date_edit.setEnabled(options.date is not None)
        self.marking_box = QComboBox(self)
        self.marking_box.setEditable(True)
        self.marking_box.addItems(MARKINGS)
        self.marking_box.setCurrentText(options.confidentiality)
        self.marking_box.setAccessibleName("Confidentiality marking (optional)")
        marking_line = self.marking_box.lineEdit()
        if marking_line is not None:  # always set on an editable combo box
            marking_line.setPlaceholderText("none")
        date_row = QHBoxLayout()
        date_row.addWidget(self.today_box)
        date_row.addWidget(self.date_edit, 1)
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Author or delegation:", self.author_edit)
        form.addRow(_label(self, "&Date:", self.today_box), date_row)
        form.addRow("&Marking:", self.marking_box)

    def _scope_field(self, form: QFormLayout, scope: Scope) -> None:
        self.scope_group = QButtonGroup(self)
        row = QHBoxLayout()
        self.scope_buttons: dict[Scope, QRadioButton] = {}
        for value, label in SCOPES:
            button = QRadioButton(label, self)
            button.setAccessibleName(f"Scope: {label.replace('&', '')}")
            button.setChecked(value is scope)
            self.scope_group.addButton(button)
            self.scope_buttons[value] = button
            row.addWidget(button)
        form.addRow("Scope:", row)

    def _theme_list(self, themes: Sequence[tuple[str, str]], chosen: Sequence[str]) -> QListWidget:
        widget = QListWidget(self)
        widget.setAccessibleName("Themes to keep (none checked: every paragraph)")
        widget.setToolTip("Check themes to keep only their paragraphs; with none checked, all are kept.")
        for theme_id, label in themes:
            item = QListWidgetItem(label, widget)
            item.setData(Qt.ItemDataRole.UserRole, theme_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = theme_id in chosen or label in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        widget.setMaximumHeight(130)
        return widget

    def _section_boxes(self, sections: frozenset[Section]) -> QWidget:
        holder = QWidget(self)
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        self.section_boxes: dict[Section, QCheckBox] = {}
        for index, (section, label) in enumerate(SECTIONS):
            box = QCheckBox(label, holder)
            box.setAccessibleName(f"Include: {label}")
            box.setChecked(section in sections)
            box.toggled.connect(lambda _on: self._update_ok())
            self.section_boxes[section] = box
            grid.addWidget(box, index // 2, index % 2)
        return holder

    def _layout_fields(self, form: QFormLayout, options: BriefingOptions) -> None:
        self.landscape_box = QCheckBox("Synoptic table on landsca&pe pages", self)
        self.landscape_box.setAccessibleName("Synoptic table on landscape pages")
        self.landscape_box.setChecked(options.landscape)
        self.shading_box = QCheckBox("Shade a&greed language", self)
        self.shading_box.setAccessibleName("Shade agreed language")
        self.shading_box.setChecked(options.shade_agreed)
        form.addRow("Layout:", self.landscape_box)
        form.addRow("", self.shading_box)

    def _file_row(self) -> QHBoxLayout:
        self.file_edit = _line(self, "", "Output file (.docx)")
        self.file_edit.setPlaceholderText(f"a name ending in .docx, saved in {self.folder}")
        self.file_edit.textChanged.connect(lambda _t: self._update_ok())
        self.browse_button = QPushButton("&Browse…", self)
        self.browse_button.setAccessibleName("Choose the output file")
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        return row

    # --- reading the form --------------------------------------------------------------------
    def target(self) -> Path | None:
        """The chosen .docx file, or None while no name is given."""
        return docx_path(self.file_edit.text(), self.folder)

    def options(self) -> BriefingOptions:
        """The choices as the export takes them."""
        scope = next((s for s, b in self.scope_buttons.items() if b.isChecked()), Scope.ALL)
        date = None
        if not self.today_box.isChecked():
            date = self.date_edit.date().toPython()
        return BriefingOptions(
            title=self.title_edit.text().strip() or BriefingOptions().title,
            author=self.author_edit.text().strip(),
            date=date if isinstance(date, dt.date) else None,
            confidentiality=self.marking_box.currentText().strip(),
            scope=scope,
            themes=tuple(self.chosen_themes()),
            sections=frozenset(s for s, box in self.section_boxes.items() if box.isChecked()),
            landscape=self.landscape_box.isChecked(),
            shade_agreed=self.shading_box.isChecked(),
        )

    def chosen_themes(self) -> list[str]:
        """The ids of the checked themes, in lexicon order."""
        items = (self.themes.item(row) for row in range(self.themes.count()))
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    # --- slots -------------------------------------------------------------------------------
    def _update_ok(self) -> None:
        has_section = any(box.isChecked() for box in self.section_boxes.values())
        self.ok_button.setEnabled(bool(self.file_edit.text().strip()) and has_section)

    def _on_browse_button_clicked(self) -> None:
        start = self.target() or self.folder / "briefing.docx"
        path, _ = QFileDialog.getSaveFileName(self, "Save the briefing as", str(start), DOCX_FILTER)
        if path:
            self.file_edit.setText(str(docx_path(path, self.folder)))


def _label(parent: QWidget, text: str, buddy: QWidget) -> QLabel:
    """A form label whose mnemonic focuses `buddy` (rows holding a layout get no buddy by themselves)."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def _line(parent: QWidget, text: str, accessible: str) -> QLineEdit:
    edit = QLineEdit(text, parent)
    edit.setAccessibleName(accessible)
    return edit
