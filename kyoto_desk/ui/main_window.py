"""The main window: the comparison surface with its docks, toolbar, menus and status bar."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyoto_desk.core.annotation import Annotation
from kyoto_desk.core.model import Document
from kyoto_desk.errors import KyotoDeskError
from kyoto_desk.ui.annotation_controller import AnnotationController
from kyoto_desk.ui.annotation_panel import AnnotationPanel
from kyoto_desk.ui.comparison_controller import ComparisonController, Pair
from kyoto_desk.ui.comparison_view import ComparisonView, RowFilter
from kyoto_desk.ui.details_panel import DetailsPanel
from kyoto_desk.ui.find_bar import FindBar
from kyoto_desk.ui.first_run import FirstRunBanner
from kyoto_desk.ui.library_access import Entry, bundled_entries, list_entries, load_entry, short_name
from kyoto_desk.ui.library_panel import LibraryPanel
from kyoto_desk.ui.palette import current_colours
from kyoto_desk.ui.presentation import Presentation
from kyoto_desk.ui.settings import WindowSettings
from kyoto_desk.ui.tasks import TaskRunner
from kyoto_desk.ui.theme_panel import ThemePanel
from kyoto_desk.ui.undo_history import UndoHistory
from kyoto_desk.ui.unit_text import RenderOptions
from kyoto_desk.ui.window_actions import WindowActions

if TYPE_CHECKING:
    from kyoto_desk.store.db import Store

log = logging.getLogger(__name__)

# The store's file name (store.db.DB_NAME, checked by a test): importing store.db would load
# SQLAlchemy and Alembic just to learn that nothing is stored yet.
DB_FILE_NAME = "kyoto-desk.sqlite3"


class MainWindow(QMainWindow):
    """One workspace: a pair of documents (or one), its undo stack, and the panels around it."""

    library_refreshed = Signal()

    def __init__(self, data_dir: Path, settings: WindowSettings | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.settings = settings or WindowSettings()
        self._store: Store | None = None
        self._store_lock = threading.Lock()
        self.runner = TaskRunner(self)
        self.controller = ComparisonController(self.runner, self.store, self.has_store, self)
        self.presentation: Presentation | None = None
        self.names: tuple[str, str] = ("", "")
        self.current_names: tuple[str, str | None] = ("", None)
        self.library_ready = False
        self.setWindowTitle("Kyoto Desk")
        self.setAcceptDrops(True)
        self.view = ComparisonView(self._render_options(), self)
        self.find_bar = FindBar(self.view, self)
        self.find_bar.hide()
        self.banner = FirstRunBanner(self)
        self.banner.hide()  # shown once the library is known to hold nothing but the bundled texts
        self._build_central()
        self.details = DetailsPanel(self)
        self.themes = ThemePanel(self)
        self._dock("Details", self.details, Qt.DockWidgetArea.RightDockWidgetArea, "detailsDock")
        self._dock("Themes", self.themes, Qt.DockWidgetArea.RightDockWidgetArea, "themesDock")
        self.library = LibraryPanel(self)
        self._dock("Library", self.library, Qt.DockWidgetArea.LeftDockWidgetArea, "libraryDock")
        self.annotations = AnnotationController(self)
        self.history = UndoHistory(self)
        self.annotation_panel = AnnotationPanel(self)
        self._dock(
            "Annotations", self.annotation_panel, Qt.DockWidgetArea.BottomDockWidgetArea, "annotationsDock"
        )
        self._build_status()
        self.actions_ = WindowActions(self)
        self._connect()
        self._restore()
        self.annotations.load()
        if self.has_store():
            # Load the store's modules while the window builds and the first texts parse.
            self.runner.start("open the store", lambda _p, _c: self.store())

    # --- construction ------------------------------------------------------------------------
    def _render_options(self) -> RenderOptions:
        font = QFont(self.font())
        font.setFamilies(["Noto Serif", "DejaVu Serif", "Georgia", "Times New Roman", "serif"])
        font.setPointSizeF(self.settings.point_size())
        return RenderOptions(
            font,
            current_colours(),
            show_minor=not self.settings.flag("hide_minor", False),
            show_agreed=self.settings.flag("agreed", False),
        )

    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_status(self) -> None:
        self.summary = QLabel("", self)
        self.summary.setAccessibleName("Summary")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.progress.setAccessibleName("Comparison progress")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel the comparison")
        self.cancel_button.clicked.connect(self.controller.cancel)
        bar = self.statusBar()
        bar.addWidget(self.summary, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self._set_busy(False)

    def _connect(self) -> None:
        c = self.controller
        c.started.connect(lambda: self._set_busy(True))
        c.progress.connect(lambda f: self.progress.setValue(int(f * 100)))
        c.ready.connect(self._on_controller_ready)
        c.failed.connect(self._on_controller_failed)
        c.cancelled.connect(self._on_controller_cancelled)
        self.view.selection_changed.connect(self._on_view_selection_changed)
        self.view.targets_changed.connect(self.actions_.update_enabled)
        for pane in (self.view.old_pane, self.view.new_pane):
            pane.zoom_requested.connect(lambda step: self.actions_.zoom(float(step)))
        self.themes.themes_chosen.connect(self._on_themes_chosen)
        self.banner.import_requested.connect(self.actions_.import_file)
        self.banner.download_requested.connect(self.actions_.download_symbol)
        self.library.open_requested.connect(self._on_library_open_requested)
        a, panel = self.annotations, self.annotation_panel
        a.book.changed.connect(self._on_annotations_changed)
        a.book.applied.connect(self._on_annotation_applied)
        panel.jump_requested.connect(a.jump_to)
        panel.edit_requested.connect(a.edit)
        panel.delete_requested.connect(a.delete)
        for pane in (self.view.old_pane, self.view.new_pane):
            pane.menu_requested.connect(a.show_menu)
            pane.span_selected.connect(lambda *_span: self.actions_.update_enabled())

    def _restore(self) -> None:
        geometry, state = self.settings.geometry(), self.settings.state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        if state is not None:
            self.restoreState(state)

    # --- store and library -------------------------------------------------------------------
    def store(self) -> Store:
        """The window's store, opened on first use (from the GUI thread or a comparison task)."""
        with self._store_lock:
            if self._store is None:
                from kyoto_desk.store.db import open_store

                self._store = open_store(self.data_dir)
            return self._store

    def store_is_open(self) -> bool:
        return self._store is not None

    def has_store(self) -> bool:
        """Whether a database exists already (checked without loading the store's modules)."""
        return self._store is not None or (self.data_dir / DB_FILE_NAME).exists()

    def refresh_library(self) -> None:
        """List the library in the background: the store's modules load off the GUI thread."""
        self.library_ready = False
        if not self.library.names():
            self._set_entries(bundled_entries())  # usable at once; the library's entries follow
        data = self.data_dir
        task = self.runner.start("list the library", lambda _p, _c: list_entries(data))
        task.finished.connect(self._on_library_listed)
        task.failed.connect(self._on_library_failed)

    def _set_entries(self, entries: list[Entry]) -> None:
        self.library.set_entries(entries)
        self.actions_.set_entries(entries, self.current_names)

    def _on_library_listed(self, entries: object) -> None:
        if isinstance(entries, list):
            self._set_entries(entries)
            self.banner.setVisible(not any(not e.bundled for e in entries))
        self.library_ready = True
        self.library_refreshed.emit()

    def _on_library_failed(self, error: object) -> None:
        self.library_ready = True
        if isinstance(error, BaseException):
            self.show_error(error)
        self.library_refreshed.emit()

    def open_names(self, old: str, new: str | None, *, quiet: bool = False) -> bool:
        """Open library entries by name: a pair to compare, or one document to read.

        `quiet` (reopening last session's documents) reports a failure in the status bar only.
        """
        try:
            first = load_entry(old, self.data_dir)
            second = load_entry(new, self.data_dir) if new else None
        except KyotoDeskError as exc:
            if quiet:
                log.info("last documents not reopened: %s", exc)
                self.statusBar().showMessage(
                    f"Last session's documents could not be opened: {exc.message}", 10000
                )
            else:
                self.show_error(exc)
            return False
        self.settings.save_documents(old, new or "")
        self.current_names = (old, new)
        self.actions_.show_current(self.current_names)
        if second is None:
            self.show_document(first)
        else:
            self.compare(first, second)
        return True

    def start(self) -> None:
        """First view: the last pair if it still opens, else the Kyoto Declaration on its own."""
        old, new = self.settings.last_documents()
        if not (old and self.open_names(old, new or None, quiet=True)):
            self.open_names("kyoto", None)
        self.refresh_library()

    # --- showing -----------------------------------------------------------------------------
    def show_document(self, document: Document) -> None:
        self.names = (short_name(document), "")
        self._show(self.controller.show_single(document, self.names[0]))

    def compare(self, old: Document, new: Document) -> None:
        self.names = (short_name(old), short_name(new))
        if self.names[0] == self.names[1]:
            self.names = (f"{self.names[0]} (older)", f"{self.names[1]} (newer)")
        self.controller.compare(Pair(old, new, *self.names))

    def swap(self) -> None:
        pair = self.controller.pair
        if pair is not None:
            self.compare(pair.new, pair.old)

    def _show(self, presentation: Presentation) -> None:
        previous = self.view.selection
        self.presentation = presentation
        self.view.set_presentation(presentation)
        self.themes.set_presentation(presentation)
        self.annotations.theme_labels = {t.id: t.label for t in presentation.themes}
        self._on_annotations_changed()
        if self.view.row_filter.themes:
            self.themes.choose(self.view.row_filter.themes)  # keep the theme filter across a refresh
        self.summary.setText(presentation.status)
        self.details.show_nothing()
        self.history.restore()
        self._set_busy(False)
        self.actions_.update_enabled()
        title = " ↔ ".join(n for n in self.names if n)
        self.setWindowTitle(f"{title} — Kyoto Desk")
        if previous is not None and self.view.presentation is not None:
            side = presentation.side(previous[0])
            if side is not None and previous[1] in side.document:
                self.view.select(*previous)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setValue(0)
            self.summary.setText("Comparing…")

    def show_error(self, error: BaseException) -> None:
        """A one-line message in the status bar and a short dialog; details go to the log."""
        from kyoto_desk.ui.dialogs.messages import show_error

        show_error(self, error)

    # --- slots -------------------------------------------------------------------------------
    def _on_controller_ready(self, presentation: object) -> None:
        if isinstance(presentation, Presentation):
            self._show(presentation)

    def _on_controller_failed(self, error: object) -> None:
        self._set_busy(False)
        if isinstance(error, BaseException):
            self.show_error(error)

    def _on_controller_cancelled(self) -> None:
        self._set_busy(False)
        self.summary.setText("Comparison cancelled. Choose the documents again to restart it.")

    def _on_view_selection_changed(self, old: bool, unit_id: str) -> None:
        self.actions_.update_enabled()
        if not unit_id or self.presentation is None:
            self.details.show_nothing()
            return
        self.details.show_unit(
            self.presentation,
            old,
            unit_id,
            self.view.options.colours,
            show_minor=self.view.options.show_minor,
            annotations=self.annotations.of_unit(old, unit_id),
            relations=self.annotations.links.relations_of(old, unit_id),
        )

    def refresh_details(self) -> None:
        """Show the selected paragraph's details again (its annotations or relations changed)."""
        selection = self.view.selection
        self._on_view_selection_changed(*(selection or (True, "")))

    def _on_annotations_changed(self) -> None:
        a = self.annotations
        a.book.names.update(a.screen_names())
        self.annotation_panel.model.position = a.position
        self.annotation_panel.set_annotations(a.book.all(), a.book.names, a.stances(), a.theme_labels)
        a.refresh_highlights()
        self.refresh_details()

    def _on_annotation_applied(self, before: Annotation | None, after: Annotation | None) -> None:
        """One annotation changed: update its row, its paragraph's highlights and the details only."""
        self.annotation_panel.apply(before, after)
        for annotation in (before, after):
            old = self.annotations.side_of(annotation) if annotation is not None else None
            if annotation is not None and old is not None:
                self.annotations.refresh_unit_highlights(old, annotation.unit_id)
        self.refresh_details()

    def _on_themes_chosen(self, themes: frozenset[str]) -> None:
        self.view.set_filter(RowFilter(self.view.row_filter.kind, themes))

    def _on_library_open_requested(self, name: str, as_old: bool) -> None:
        """Put a library entry on one side; the document already shown keeps (or takes) the other."""
        old, new = self.current_names
        if as_old:
            other = new if new and new != name else (old if old and old != name else None)
            self.open_names(name, other)
        elif old and old != name:
            self.open_names(old, name)
        else:
            self.open_names(name, None)

    # --- events ------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.actions_.import_path(Path(url.toLocalFile()))
        event.acceptProposedAction()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.view.set_colours(current_colours())
            if self.view.selection is not None:  # the details' diff colours follow the scheme too
                self._on_view_selection_changed(*self.view.selection)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.controller.cancel()
        self.runner.cancel_all()
        self.runner.wait(5000)
        if self._store is not None:
            self._store.close()
            self._store = None
        super().closeEvent(event)
