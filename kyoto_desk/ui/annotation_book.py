"""The window's annotations in memory: loaded once off the GUI thread, then kept up to date by commands.

The panel, the pane highlights and the details panel all read from here, so selecting a paragraph
or filtering the panel never waits on the database.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from kyoto_desk.core.annotation import Annotation


class AnnotationBook(QObject):
    """Every stored annotation by id, and the short names of their documents."""

    changed = Signal()  # the whole set was (re)loaded
    applied = Signal(object, object)  # one annotation: (before or None, after or None)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._by_id: dict[str, Annotation] = {}
        self.names: dict[str, str] = {}  # document key -> the name shown in the panel
        self.loaded = False
        # Edits made while a load runs: the load may have read the store before or after them, and
        # replaying them on its result is right either way (each change is idempotent).
        self._journal: list[tuple[Annotation | None, Annotation | None]] | None = None

    def begin_load(self) -> None:
        self._journal = []

    def reset(self, annotations: Iterable[Annotation], names: dict[str, str]) -> None:
        self._by_id = {a.id: a for a in annotations}
        for before, after in self._journal or ():
            self._change(before, after)
        self._journal = None
        self.names = dict(names)
        self.loaded = True
        self.changed.emit()

    def _change(self, before: Annotation | None, after: Annotation | None) -> None:
        if before is not None:
            self._by_id.pop(before.id, None)
        if after is not None:
            self._by_id[after.id] = after

    def apply(self, before: Annotation | None, after: Annotation | None) -> None:
        """One annotation added (before None), edited, or deleted (after None)."""
        if self._journal is not None:
            self._journal.append((before, after))
        self._change(before, after)
        self.applied.emit(before, after)

    def name(self, key: str, name: str) -> None:
        """Remember how a document on screen is called (annotations made there use its key)."""
        self.names.setdefault(key, name)

    def all(self) -> list[Annotation]:
        return list(self._by_id.values())

    def get(self, annotation_id: str) -> Annotation | None:
        return self._by_id.get(annotation_id)

    def of_unit(self, keys: frozenset[str], unit_id: str) -> list[Annotation]:
        """The annotations of one paragraph of a document (any of its keys), in text order."""
        found = [a for a in self._by_id.values() if a.unit_id == unit_id and a.document_key in keys]
        return sorted(found, key=lambda a: (a.position.start, a.created))

    def of_document(self, keys: frozenset[str]) -> list[Annotation]:
        return [a for a in self._by_id.values() if a.document_key in keys]

    def __len__(self) -> int:
        return len(self._by_id)
