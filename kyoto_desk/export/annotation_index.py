"""The user's annotations sorted by the text and paragraph they are on (pure Python, no docx)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kyoto_desk.core.annotation import Annotation, document_key
from kyoto_desk.core.model import Document
from kyoto_desk.export.redline_segments import Side


def document_keys(document: Document) -> set[str]:
    """The keys annotations may name `document` by: its text with each of its symbols, or with none."""
    symbols = [*document.symbols, ""]
    return {document_key(document.text, symbol) for symbol in symbols}


def _quote_fits(annotation: Annotation, document: Document) -> bool:
    if annotation.unit_id not in document:
        return False
    text = document.unit(annotation.unit_id).text
    position = annotation.position
    return position.end <= len(text) and text[position.start : position.end] == annotation.quote.exact


@dataclass(frozen=True, slots=True)
class PlacedAnnotation:
    """An annotation and the side of the comparison it is on (None: its paragraph is in neither text)."""

    side: Side | None
    annotation: Annotation


class AnnotationIndex:
    """Annotations by side and unit, each list in text order; unplaceable ones kept apart."""

    def __init__(self, annotations: Iterable[Annotation], old: Document, new: Document) -> None:
        self._old, self._new = old, new
        self._by_unit: dict[tuple[Side, str], list[Annotation]] = defaultdict(list)
        self.unplaced: list[Annotation] = []
        old_keys, new_keys = document_keys(old), document_keys(new)
        for annotation in annotations:
            side = self._side(annotation, old_keys, new_keys)
            if side is None:
                self.unplaced.append(annotation)
            else:
                self._by_unit[(side, annotation.unit_id)].append(annotation)
        for items in self._by_unit.values():
            items.sort(key=lambda a: (a.position.start, a.position.end, a.created))

    def _side(self, annotation: Annotation, old_keys: set[str], new_keys: set[str]) -> Side | None:
        # The key names the document; when it names neither (a text re-imported with another symbol),
        # the annotation goes where its unit and quote still fit, the newer text first.
        if annotation.document_key in new_keys and annotation.unit_id in self._new:
            return Side.NEW
        if annotation.document_key in old_keys and annotation.unit_id in self._old:
            return Side.OLD
        for side, document in ((Side.NEW, self._new), (Side.OLD, self._old)):
            if _quote_fits(annotation, document):
                return side
        return None

    def on(self, side: Side, unit_id: str) -> list[Annotation]:
        return self._by_unit.get((side, unit_id), [])

    def has_any(self, side: Side, unit_ids: Iterable[str]) -> bool:
        return any((side, u) in self._by_unit for u in unit_ids)

    def in_order(
        self, keep: Callable[[Side, str], bool] = lambda side, unit_id: True
    ) -> list[PlacedAnnotation]:
        """The annotations on units `keep` accepts, the newer text's first, each side in reading order.

        Annotations placed on neither text come last: the briefing lists them rather than lose them.
        """
        out: list[PlacedAnnotation] = []
        for side, document in ((Side.NEW, self._new), (Side.OLD, self._old)):
            for unit in document.units:
                if keep(side, unit.id):
                    out.extend(PlacedAnnotation(side, a) for a in self.on(side, unit.id))
        out.extend(PlacedAnnotation(None, a) for a in self.unplaced)
        return out

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_unit.values()) + len(self.unplaced)
