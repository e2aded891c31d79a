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

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._by_id: dict[str, Annotation] = {}
        self.names: dict[str, str] = {}  # document key -> the name shown in the panel
        self.loaded = False

    def reset(self, annotations: Iterable[Annotation], names: dict[str, str]) -> None:
        self._by_id = {a.id: a for a in annotations}
        self.names = dict(names)
        self.loaded = True
        self.changed.emit()

    def apply(self, before: Annotation | None, after: Annotation | None) -> None:
        """One annotation added (before None), edited, or deleted (after None)."""
        if before is not None:
            self._by_id.pop(before.id, None)
        if after is not None:
            self._by_id[after.id] = after
        self.changed.emit()

    def name(self, key: str, name: str) -> None:
        """Remember how a document on screen is called (annotations made there use its key)."""
        self.names.setdefault(key, name)

    def all(self) -> list[Annotation]:
        return list(self._by_id.values())

    def get(self, annotation_id: str) -> Annotation | None:
        return self._by_id.get(annotation_id)

    def of_unit(self, keys: set[str], unit_id: str) -> list[Annotation]:
        """The annotations of one paragraph of a document (any of its keys), in text order."""
        found = [a for a in self._by_id.values() if a.unit_id == unit_id and a.document_key in keys]
        return sorted(found, key=lambda a: (a.position.start, a.created))

    def of_document(self, keys: set[str]) -> list[Annotation]:
        return [a for a in self._by_id.values() if a.document_key in keys]

    def __len__(self) -> int:
        return len(self._by_id)
