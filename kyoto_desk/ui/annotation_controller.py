"""Annotating in the window: load the set, open the dialogs, push undoable commands, jump to a span."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMenu

from kyoto_desk.core.annotation import (
    DEFAULT_STANCES,
    Annotation,
    TextPosition,
    UnitRelation,
    key_of,
    keys_of,
    new_annotation,
)
from kyoto_desk.ui.annotation_book import AnnotationBook
from kyoto_desk.ui.annotation_dialog import AnnotationDialog, AnnotationFields
from kyoto_desk.ui.relation_actions import RelationActions
from kyoto_desk.ui.relation_dialog import RelationDialog
from kyoto_desk.ui.span_selection import Span

if TYPE_CHECKING:
    from kyoto_desk.core.model import Document
    from kyoto_desk.store.db import Store
    from kyoto_desk.ui.main_window import MainWindow
    from kyoto_desk.ui.presentation import Side
    from kyoto_desk.ui.store_command import StoreCommand

log = logging.getLogger(__name__)
HIGHLIGHT_ALPHA = 150  # annotation colours are pastel; some transparency keeps dark-scheme text legible


@dataclass(frozen=True, slots=True)
class Loaded:
    annotations: list[Annotation]
    names: dict[str, str]
    relations: list[UnitRelation]


def load_all(store: Store) -> Loaded:
    """Every stored annotation and relation, and their documents' names (runs off the GUI thread)."""
    from kyoto_desk.store.annotations import list_annotations
    from kyoto_desk.store.relations import list_relations
    from kyoto_desk.store.resolver import DocumentResolver

    with store.session() as session:
        annotations = list_annotations(session)
        resolver = DocumentResolver(session)
        names = {key: resolver.name_of(key) for key in {a.document_key for a in annotations}}
        relations = list_relations(session)
    return Loaded(annotations, names, relations)


class AnnotationController(QObject):
    """The window's annotation features; the book is the one in-memory copy of the stored set."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.book = AnnotationBook(self)
        self.theme_labels: dict[str, str] = {}
        self.links = RelationActions(self)
        self._keys: dict[bool, tuple[Document, frozenset[str]]] = {}

    # --- loading -----------------------------------------------------------------------------
    def load(self) -> None:
        """Read the stored set in the background (only if a database exists)."""
        if not self.w.has_store():
            self.book.reset([], {})
            return
        window = self.w
        self.book.begin_load()
        task = self.w.runner.start("load annotations", lambda _p, _c: load_all(window.store()))
        task.finished.connect(self._on_load_finished)
        task.failed.connect(self._on_load_failed)

    def _on_load_finished(self, result: object) -> None:
        if isinstance(result, Loaded):
            self.show_loaded(result)

    def show_loaded(self, loaded: Loaded) -> None:
        """Take the stored set read in the background as the window's own."""
        self.links.relations = loaded.relations
        self.book.reset(loaded.annotations, {**loaded.names, **self.screen_names()})

    def _on_load_failed(self, error: object) -> None:
        self.book.reset([], self.screen_names())
        if isinstance(error, BaseException):
            self.w.show_error(error)

    def screen_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for old in (True, False):
            side = self.side(old)
            if side is not None:
                names.update(dict.fromkeys(self.side_keys(old), side.name))
        return names

    # --- what the panes show -----------------------------------------------------------------
    def side(self, old: bool) -> Side | None:
        return self.w.presentation.side(old) if self.w.presentation else None

    def side_keys(self, old: bool) -> frozenset[str]:
        """The keys that name the document of one pane (hashed once per document, not per annotation)."""
        side = self.side(old)
        if side is None:
            return frozenset()
        cached = self._keys.get(old)
        if cached is None or cached[0] is not side.document:
            cached = (side.document, frozenset(keys_of(side.document)))
            self._keys[old] = cached
        return cached[1]

    def side_of(self, annotation: Annotation) -> bool | None:
        """Which pane shows the annotation's document (True = older), or None if neither does."""
        for old in (True, False):
            side = self.side(old)
            if side is not None and annotation.document_key in self.side_keys(old):
                return old
        return None

    def position(self, annotation: Annotation) -> int | None:
        old = self.side_of(annotation)
        side = self.side(old) if old is not None else None
        if side is None or annotation.unit_id not in side.document:
            return None
        return (0 if old else 100000) + side.document.position(annotation.unit_id)

    def refresh_unit_highlights(self, old: bool, unit_id: str) -> None:
        """Repaint one paragraph's highlights (after one annotation changed)."""
        pane = self.w.view.old_pane if old else self.w.view.new_pane
        highlights = dict(pane.highlights)
        highlights[unit_id] = _highlights(self.of_unit(old, unit_id))
        pane.set_highlights({u: h for u, h in highlights.items() if h})

    def refresh_highlights(self) -> None:
        view = self.w.view
        for pane in (view.old_pane, view.new_pane):
            side = self.side(pane.old)
            by_unit: dict[str, list[Annotation]] = {}
            for a in self.book.of_document(self.side_keys(pane.old)) if side else ():
                by_unit.setdefault(a.unit_id, []).append(a)
            highlights = {unit_id: _highlights(found) for unit_id, found in by_unit.items()}
            pane.set_highlights({u: h for u, h in highlights.items() if h})

    def of_unit(self, old: bool, unit_id: str) -> list[Annotation]:
        side = self.side(old)
        return self.book.of_unit(self.side_keys(old), unit_id) if side else []

    # --- commands ----------------------------------------------------------------------------
    def push(self, command: StoreCommand) -> bool:
        """Write and push an undoable command; a failed write shows its sentence and changes nothing."""
        from kyoto_desk.ui.store_command import push_command

        return push_command(self.w.controller.undo_stack, command, self.w.show_error, self._status)

    def _status(self, message: str) -> None:
        self.w.statusBar().showMessage(message, 8000)

    def add(self, annotation: Annotation) -> None:
        from kyoto_desk.ui.annotation_commands import AddAnnotationCommand

        self.push(
            AddAnnotationCommand(self.w.store(), annotation, self.book.apply, self.w.history.workspace())
        )

    def replace(self, before: Annotation, after: Annotation) -> None:
        from kyoto_desk.ui.annotation_commands import EditAnnotationCommand

        self.push(
            EditAnnotationCommand(self.w.store(), before, after, self.book.apply, self.w.history.workspace())
        )

    def delete(self, annotation: Annotation) -> None:
        from kyoto_desk.ui.annotation_commands import DeleteAnnotationCommand

        self.push(
            DeleteAnnotationCommand(self.w.store(), annotation, self.book.apply, self.w.history.workspace())
        )

    # --- dialogs -----------------------------------------------------------------------------
    def prepare_store(self) -> None:
        """Open the store in the background while a form is filled in.

        A first annotation creates the database, which loads SQLAlchemy and Alembic: about a second
        the OK button should not wait for.
        """
        if not self.w.store_is_open():
            window = self.w
            self.w.runner.start("open the store", lambda _p, _c: window.store())

    def stances(self) -> list[str]:
        used = sorted({a.stance for a in self.book.all()})
        return list(dict.fromkeys([*DEFAULT_STANCES, *used]))

    def _themes(self) -> list[tuple[str, str]]:
        return list(self.theme_labels.items())

    def annotate(self, old: bool, unit_id: str, span: Span | None) -> AnnotationDialog | None:
        """Open the form for a span (or the whole paragraph); an accepted form adds the annotation."""
        side = self.side(old)
        if side is None or unit_id not in side.document:
            return None
        text = side.document.unit(unit_id).text
        position = TextPosition(span.start, span.end) if span is not None else TextPosition(0, len(text))
        initial = AnnotationFields(
            self.w.settings.annotation_colour(), "", "note", (), "", self.w.settings.author()
        )
        dialog = AnnotationDialog(
            self.w, text[position.start : position.end], self.stances(), self._themes(), initial
        )
        key = key_of(side.document)

        def accepted() -> None:
            f = dialog.fields()
            self._remember(f)
            self.add(new_annotation(key, unit_id, text, position, **_values(f)))

        dialog.accepted.connect(accepted)
        dialog.open()
        self.prepare_store()
        return dialog

    def edit(self, annotation: Annotation) -> AnnotationDialog:
        initial = AnnotationFields(
            annotation.colour,
            annotation.note,
            annotation.stance,
            annotation.themes,
            annotation.amendment,
            annotation.author,
        )
        dialog = AnnotationDialog(
            self.w, annotation.quote.exact, self.stances(), self._themes(), initial, editing=True
        )

        def accepted() -> None:
            f = dialog.fields()
            current = self.book.get(annotation.id) or annotation
            self._remember(f)
            self.replace(current, current.edited(**_values(f)))

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def _remember(self, fields: AnnotationFields) -> None:
        self.w.settings.save_author(fields.author)
        self.w.settings.save_annotation_colour(fields.colour)

    def annotate_selection(self) -> AnnotationDialog | None:
        view = self.w.view
        for pane in (view.old_pane, view.new_pane):
            if pane.span is not None:
                return self.annotate(pane.old, pane.span.unit_id, pane.span)
        return self.annotate_paragraph()

    def relate_selected(self) -> RelationDialog | None:
        return self.links.relate_selected()

    def annotate_paragraph(self) -> AnnotationDialog | None:
        selection = self.w.view.selection
        if selection is None:
            self.w.statusBar().showMessage("Select a paragraph or some of its words first.", 6000)
            return None
        return self.annotate(*selection, None)

    # --- going to an annotation --------------------------------------------------------------
    def jump_to(self, annotation: Annotation) -> bool:
        """Select the annotation's paragraph, scroll to it and flash its span."""
        old = self.side_of(annotation)
        view = self.w.view
        side = self.side(old) if old is not None else None
        if side is None or annotation.unit_id not in side.document:
            name = self.book.names.get(annotation.document_key, "another document")
            self.w.statusBar().showMessage(
                f"This annotation is on {name}; open it to see it in context.", 8000
            )
            return False
        assert old is not None
        if not view.is_unit_visible(old, annotation.unit_id):
            from kyoto_desk.ui.comparison_view import RowFilter

            view.set_filter(RowFilter())
        view.select(old, annotation.unit_id)
        if not annotation.orphaned:
            pane = view.old_pane if old else view.new_pane
            pane.show_flash(Span(annotation.unit_id, annotation.position.start, annotation.position.end))
        return True

    def show_menu(self, old: bool, where: QPoint) -> QMenu:
        menu = QMenu(self.w)
        pane = self.w.view.old_pane if old else self.w.view.new_pane
        if pane.span is not None:
            menu.addAction("Annotate &selection…", self.annotate_selection)
        menu.addAction("Annotate &paragraph…", self.annotate_paragraph)
        if self.side(False) is not None:
            menu.addAction("&Relate to the other text…", self.relate_selected)
        selection = self.w.view.selection
        for annotation in self.of_unit(*selection) if selection else []:
            quote = annotation.quote.exact[:30]
            menu.addAction(f"Edit “{quote}”…", partial(self.edit, annotation))
            menu.addAction(f"Delete “{quote}”", partial(self.delete, annotation))
        for relation, other in self.links.relations_of(*selection) if selection else []:
            menu.addAction(
                f"Remove relation “{relation.relation}” with {other}", partial(self.links.remove, relation)
            )
        menu.popup(where)
        return menu


def _highlights(annotations: list[Annotation]) -> list[tuple[int, int, QColor]]:
    """How a paragraph's annotations are painted: their spans in their colours (orphans are not)."""
    out = []
    for a in annotations:
        if not a.orphaned:
            colour = QColor(a.colour)
            colour.setAlpha(HIGHLIGHT_ALPHA)
            out.append((a.position.start, a.position.end, colour))
    return out


def _values(fields: AnnotationFields) -> dict[str, object]:
    return {
        "colour": fields.colour,
        "note": fields.note,
        "stance": fields.stance,
        "themes": fields.themes,
        "amendment": fields.amendment,
        "author": fields.author,
    }
