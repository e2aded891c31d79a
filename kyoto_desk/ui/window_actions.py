"""The window's actions: menus, toolbar and shortcuts, each bound to a small method here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QComboBox, QDockWidget, QFileDialog, QInputDialog, QLabel, QMenu, QToolBar

from kyoto_desk.ui.comparison_view import RowFilter
from kyoto_desk.ui.library_access import Entry
from kyoto_desk.ui.unit_text import RenderOptions

if TYPE_CHECKING:
    from kyoto_desk.ui.main_window import MainWindow

FILTERS = (("all", "All paragraphs"), ("changed", "Changed only"), ("added", "Added"), ("removed", "Removed"))
MIN_POINT, MAX_POINT = 7.0, 28.0


class WindowActions:
    """Creates every QAction of a window and what it does; `shortcuts()` lists them for Help."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.all: list[QAction] = []
        self._file_menu()
        self._edit_menu()
        self._view_menu()
        self._go_menu()
        self._help_menu()
        self._toolbar()

    def _act(  # noqa: PLR0917 - reads like a menu table at the call sites
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        keys: str | QKeySequence.StandardKey = "",
        checkable: bool = False,
        checked: bool = False,
    ) -> QAction:
        action = QAction(text, self.w)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setCheckable(checkable)
        action.setChecked(checked)
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        self.all.append(action)
        return action

    def _file_menu(self) -> None:
        menu = self.w.menuBar().addMenu("&File")
        self._act(menu, "&Import a file…", self.import_file, "Ctrl+O")
        self._act(menu, "&Get from the UN by symbol…", lambda: self.download_symbol(""), "Ctrl+Shift+O")
        menu.addSeparator()
        self._act(menu, "&Export annotations…", self.export_annotations)
        self._act(menu, "I&mport annotations…", self.import_annotations)
        # Always enabled: with one text open it says to choose two texts first.
        self._act(menu, "Export &briefing…", self.export_briefing, "Ctrl+E")
        menu.addSeparator()
        self.swap_action = self._act(menu, "&Swap older and newer", self.w.swap, "Ctrl+Shift+X")
        menu.addSeparator()
        self._act(menu, "&Quit", self.w.close, "Ctrl+Q")

    def _edit_menu(self) -> None:
        menu = self.w.menuBar().addMenu("&Edit")
        undo = self.w.controller.undo_stack.createUndoAction(self.w, "&Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.w.controller.undo_stack.createRedoAction(self.w, "&Redo")
        redo.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        menu.addActions([undo, redo])
        self.all.extend([undo, redo])
        menu.addSeparator()
        self.link_action = self._act(menu, "&Link selected paragraphs", self.link_selected, "Ctrl+L")
        self.unlink_action = self._act(menu, "U&nlink selected pair", self.unlink_selected, "Ctrl+U")
        menu.addSeparator()
        a = self.w.annotations
        self.annotate_action = self._act(menu, "&Annotate selection…", a.annotate_selection, "Ctrl+M")
        self._act(menu, "Annotate &paragraph…", a.annotate_paragraph, "Ctrl+Shift+M")
        self.relate_action = self._act(menu, "&Relate paragraphs…", a.relate_selected, "Ctrl+R")
        self.carry_action = self._act(menu, "&Carry annotations to the newer text", self.carry_annotations)
        menu.addSeparator()
        self._act(menu, "&Find…", self.w.find_bar.open_bar, "Ctrl+F")

    def _view_menu(self) -> None:
        menu = self.w.menuBar().addMenu("&View")
        self._act(menu, "Zoom &in", lambda: self.zoom(1.0), "Ctrl++")
        self._act(menu, "Zoom &out", lambda: self.zoom(-1.0), "Ctrl+-")
        self._act(menu, "&Reset zoom", lambda: self.zoom(0.0), "Ctrl+0")
        menu.addSeparator()
        opts = self.w.view.options
        self.agreed_action = self._act(
            menu, "Shade &agreed language", self.toggle_agreed, "Ctrl+Shift+A", True, opts.show_agreed
        )
        self.chips_action = self._act(menu, "Theme &chips", self.toggle_chips, "Ctrl+Shift+T", True, True)
        self.minor_action = self._act(
            menu,
            "&Hide punctuation and case changes",
            self.toggle_minor,
            "Ctrl+Shift+P",
            True,
            not opts.show_minor,
        )
        menu.addSeparator()
        filters = menu.addMenu("&Filter")
        for index, (kind, label) in enumerate(FILTERS, start=1):
            self._act(filters, label, self._filter_setter(kind), f"Alt+{index}")
        menu.addSeparator()
        panels = menu.addMenu("&Panels")
        for dock in self.w.findChildren(QDockWidget):
            panels.addAction(dock.toggleViewAction())

    def _go_menu(self) -> None:
        menu = self.w.menuBar().addMenu("&Go")
        self.next_action = self._act(menu, "&Next change", lambda: self.go_to_change(1), "F7")
        self.previous_action = self._act(menu, "&Previous change", lambda: self.go_to_change(-1), "Shift+F7")
        self._act(menu, "&Go to paragraph…", self.go_to_paragraph, "Ctrl+G")

    def _help_menu(self) -> None:
        menu = self.w.menuBar().addMenu("&Help")
        self._act(menu, "&Keyboard shortcuts", self.show_shortcuts, "F1")
        self._act(menu, "&About Kyoto Desk", self.show_about)

    def _documents_toolbar(self) -> None:
        bar = QToolBar("Documents", self.w)
        bar.setObjectName("documentsToolbar")
        self.w.addToolBar(bar)
        self.old_box, self.new_box = QComboBox(self.w), QComboBox(self.w)
        for box, label in ((self.old_box, "Older text"), (self.new_box, "Newer text")):
            box.setAccessibleName(label)
            box.setMinimumContentsLength(22)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.activated.connect(lambda _i: self._on_document_boxes_activated())
        bar.addWidget(QLabel(" Older: ", self.w))
        bar.addWidget(self.old_box)
        bar.addAction(self.swap_action)
        bar.addWidget(QLabel(" Newer: ", self.w))
        bar.addWidget(self.new_box)

    def set_entries(self, entries: Sequence[Entry], current: tuple[str, str | None]) -> None:
        """Fill the document choosers and show the documents on screen."""
        for box in (self.old_box, self.new_box):
            box.clear()
        self.new_box.addItem("— none: read the older text alone —", "")
        for entry in entries:
            self.old_box.addItem(entry.label, entry.name)
            self.new_box.addItem(entry.label, entry.name)
        self.show_current(current)

    def show_current(self, current: tuple[str, str | None]) -> None:
        self.old_box.setCurrentIndex(max(0, self.old_box.findData(current[0])))
        self.new_box.setCurrentIndex(max(0, self.new_box.findData(current[1] or "")))

    def _on_document_boxes_activated(self) -> None:
        old, new = str(self.old_box.currentData() or ""), str(self.new_box.currentData() or "")
        if old:
            self.w.open_names(old, new or None)

    def _toolbar(self) -> None:
        self._documents_toolbar()
        bar = QToolBar("Main", self.w)
        bar.setObjectName("mainToolbar")
        self.w.addToolBar(bar)
        self.filter_box = QComboBox(self.w)
        self.filter_box.setAccessibleName("Filter")
        for kind, label in FILTERS:
            self.filter_box.addItem(label, kind)
        self.filter_box.currentIndexChanged.connect(
            lambda _i: self.set_filter_kind(str(self.filter_box.currentData()))
        )
        for action, tip in (
            (self.previous_action, "Previous change (Shift+F7)"),
            (self.next_action, "Next change (F7)"),
        ):
            action.setToolTip(tip)
            bar.addAction(action)
        bar.addSeparator()
        bar.addWidget(self.filter_box)
        bar.addSeparator()
        bar.addActions([self.agreed_action, self.chips_action, self.minor_action])
        bar.addSeparator()
        bar.addActions([self.link_action, self.unlink_action])
        short = {
            self.agreed_action: "Agreed language",
            self.chips_action: "Theme chips",
            self.minor_action: "Hide punctuation/case",
            self.swap_action: "⇄ Swap",
            self.link_action: "Link",
            self.unlink_action: "Unlink",
            self.previous_action: "◀ Previous change",
            self.next_action: "Next change ▶",
        }
        for action, text in short.items():
            action.setIconText(text)

    def update_enabled(self) -> None:
        """Enable what makes sense now: comparison actions need a pair, linking a selection."""
        view = self.w.view
        paired = view.presentation is not None and view.presentation.new is not None
        for action in (
            self.next_action,
            self.previous_action,
            self.swap_action,
            self.agreed_action,
            self.minor_action,
        ):
            action.setEnabled(paired)
        self.filter_box.setEnabled(paired)
        linked = False
        if paired and view.selection is not None and view.presentation is not None:
            linked = view.presentation.link_of(view.selection[1], old=view.selection[0]) is not None
        self.unlink_action.setEnabled(linked)
        self.link_action.setEnabled(paired and view.selection is not None and bool(view.link_targets))
        self.relate_action.setEnabled(paired and view.selection is not None)
        self.carry_action.setEnabled(paired)

    # --- what the actions do -----------------------------------------------------------------
    def _filter_setter(self, kind: str) -> Callable[[], None]:
        return lambda: self.set_filter_kind(kind)

    def go_to_change(self, step: int) -> None:
        if not self.w.view.go_to_change(step):
            where = "after" if step > 0 else "before"
            self.w.statusBar().showMessage(f"No change {where} this point among the paragraphs shown.", 5000)

    def set_filter_kind(self, kind: str) -> None:
        index = self.filter_box.findData(kind)
        if index != self.filter_box.currentIndex():
            self.filter_box.setCurrentIndex(index)  # comes back here through the signal
            return
        self.w.view.set_filter(RowFilter(kind, self.w.view.row_filter.themes))

    def _set_options(self, **changes: object) -> None:
        o = self.w.view.options
        values = {
            "font": o.font,
            "colours": o.colours,
            "show_minor": o.show_minor,
            "show_agreed": o.show_agreed,
        }
        values.update(changes)
        self.w.view.set_options(RenderOptions(**values))  # type: ignore[arg-type]

    def zoom(self, step: float) -> None:
        from kyoto_desk.ui.settings import DEFAULT_POINT_SIZE

        font = QFont(self.w.view.options.font)
        size = DEFAULT_POINT_SIZE if step == 0 else font.pointSizeF() + step
        font.setPointSizeF(max(MIN_POINT, min(MAX_POINT, size)))
        self.w.settings.save_point_size(font.pointSizeF())
        self._set_options(font=font)

    def toggle_agreed(self) -> None:
        self.w.settings.save_flag("agreed", self.agreed_action.isChecked())
        self._set_options(show_agreed=self.agreed_action.isChecked())

    def toggle_minor(self) -> None:
        self.w.settings.save_flag("hide_minor", self.minor_action.isChecked())
        self._set_options(show_minor=not self.minor_action.isChecked())

    def toggle_chips(self) -> None:
        self.w.view.set_show_themes(self.chips_action.isChecked())

    def link_selected(self) -> None:
        view = self.w.view
        if view.selection is None or not view.link_targets:
            self.w.statusBar().showMessage(
                "Select a paragraph, then Ctrl+click its counterpart(s) in the other text, then Link.", 8000
            )
            return
        old, unit_id = view.selection
        targets = tuple(sorted(view.link_targets, key=view.order_key(not old)))
        pair = ((unit_id,), targets) if old else (targets, (unit_id,))
        self.w.controller.pin(*pair, linked=True)

    def unlink_selected(self) -> None:
        view = self.w.view
        if view.selection is None or view.presentation is None:
            return
        old, unit_id = view.selection
        index = view.presentation.link_of(unit_id, old=old)
        link = view.presentation.link(index) if index is not None else None
        if link is None:
            self.w.statusBar().showMessage("This paragraph is not linked to anything.", 6000)
            return
        self.w.controller.pin(link.old, link.new, linked=False)

    def go_to_paragraph(self) -> None:
        number, ok = QInputDialog.getText(self.w, "Go to paragraph", "Paragraph number (e.g. 12, pp3, 5(a)):")
        if ok and number.strip() and not self.w.view.go_to_unit(number.strip().rstrip(".")):
            self.w.statusBar().showMessage(f"No paragraph {number.strip()} in either text.", 6000)

    def shortcuts(self) -> list[tuple[str, str]]:
        return [
            (a.text().replace("&", ""), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            for a in self.all
            if not a.shortcut().isEmpty()
        ]

    def show_shortcuts(self) -> None:
        from kyoto_desk.ui.dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog(self.shortcuts(), self.w).open()

    def show_about(self) -> None:
        from kyoto_desk.ui.dialogs.shortcuts import show_about

        show_about(self.w)

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.w, "Import a file", "", "UN documents (*.pdf *.docx *.html *.htm *.txt);;All files (*)"
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        from kyoto_desk.ui.importing import start_import

        start_import(self.w, path)

    def export_annotations(self) -> None:
        from kyoto_desk.ui.annotation_exchange import ask_export

        ask_export(self.w)

    def import_annotations(self) -> None:
        from kyoto_desk.ui.annotation_exchange import ask_import

        ask_import(self.w)

    def carry_annotations(self) -> None:
        from kyoto_desk.ui.carry_annotations import carry_annotations

        carry_annotations(self.w)

    def export_briefing(self) -> None:
        from kyoto_desk.ui.briefing_export import ask_export_briefing

        ask_export_briefing(self.w, self.w.settings.qsettings)

    def download_symbol(self, symbol: str) -> None:
        from kyoto_desk.ui.importing import ask_and_download

        ask_and_download(self.w, symbol)
