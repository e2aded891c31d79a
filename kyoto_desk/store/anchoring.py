"""Keep stored annotations anchored: after a text changes, and when carrying them to a newer draft.

Both run in the caller's session, i.e. one transaction per user action; nothing is ever dropped:
an annotation that cannot be placed is saved as orphaned with its quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from kyoto_desk.core.anchor import ORPHAN, Anchor, CarriedAnnotation, apply_anchor, carry_forward, locate
from kyoto_desk.core.annotation import Annotation
from kyoto_desk.core.links import Alignment
from kyoto_desk.core.model import Document
from kyoto_desk.store.annotations import AnnotationFilter, list_annotations, save_annotations


@dataclass(frozen=True, slots=True)
class Reanchored:
    """An annotation as it was, as it is now, and how it was placed."""

    before: Annotation
    after: Annotation
    anchor: Anchor

    @property
    def changed(self) -> bool:
        return self.before != self.after


def reanchor_document(session: Session, document_key: str, document: Document) -> list[Reanchored]:
    """Place every annotation of `document_key` in `document`'s current unit texts and save the changes.

    For a re-parsed or corrected text under the same key; an annotation whose unit is gone, or whose
    words are, is kept as orphaned. Timestamps are left alone: the user's content did not change.
    """
    results: list[Reanchored] = []
    for annotation in list_annotations(session, AnnotationFilter(document_key=document_key)):
        if annotation.unit_id in document:
            text = document.unit(annotation.unit_id).text
            anchor = locate(annotation.quote, annotation.position, text)
            after = apply_anchor(annotation, anchor, text)
        else:
            anchor = ORPHAN
            after = apply_anchor(annotation, ORPHAN, "")
        results.append(Reanchored(annotation, after, anchor))
    save_annotations(session, [r.after for r in results if r.changed])
    return results


def carry_forward_stored(
    session: Session, old_key: str, new_key: str, new: Document, alignment: Alignment
) -> list[CarriedAnnotation]:
    """Copy the annotations of `old_key` onto `new` (the aligned newer draft) and save the copies.

    Carrying again updates the same copies (their ids derive from the source and the target), so a
    user can re-run it after the alignment was corrected by hand.
    """
    sources = list_annotations(session, AnnotationFilter(document_key=old_key))
    carried = carry_forward(sources, new, alignment, new_key)
    save_annotations(session, [c.result for c in carried])
    return carried
