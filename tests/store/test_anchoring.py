"""Stored annotations re-anchored after a text change, and carried forward to a newer draft."""

from __future__ import annotations

from kyoto_desk.core.anchor import CarryStatus
from kyoto_desk.core.annotation import TextPosition, new_annotation
from kyoto_desk.core.build import UnitSpec, build_document
from kyoto_desk.core.links import Alignment, Link, LinkKind
from kyoto_desk.store.anchoring import carry_forward_stored, reanchor_document
from kyoto_desk.store.annotations import AnnotationFilter, add_annotation, get_annotation, list_annotations
from kyoto_desk.store.db import Store

OLD = "SYNTHETIC TEST TEXT. We affirm the rule of law at all levels."


def _seed(store: Store) -> tuple[str, str, str]:
    ids = []
    with store.session() as session:
        for unit, words in (("1", "rule of law"), ("1", "at all levels"), ("2", "anything")):
            text = OLD if unit == "1" else "anything goes"
            start = text.index(words)
            annotation = new_annotation(
                "old", unit, text, TextPosition(start, start + len(words)), note=words
            )
            ids.append(add_annotation(session, annotation).id)
    return ids[0], ids[1], ids[2]


def test_reanchor_document_moves_or_orphans_and_saves(store: Store) -> None:
    moved, gone, no_unit = _seed(store)
    revised = build_document([UnitSpec("1", "SYNTHETIC TEST TEXT. Today we affirm the rule of law.")])
    with store.session() as session:
        results = reanchor_document(session, "old", revised)
    assert sum(r.changed for r in results) == 3
    with store.session() as session:
        first = get_annotation(session, moved)
        assert first is not None and not first.orphaned and first.position.start == OLD.index("rule") + 6
        for orphan_id in (gone, no_unit):
            orphan = get_annotation(session, orphan_id)
            assert orphan is not None and orphan.orphaned and orphan.note  # kept, with its quote and note
    with store.session() as session:
        assert not any(r.changed for r in reanchor_document(session, "old", revised))  # settled


def test_carry_forward_stored_is_repeatable(store: Store) -> None:
    _seed(store)
    new = build_document([UnitSpec("1", OLD), UnitSpec("2", "something else")])
    alignment = Alignment(
        links=(Link(("1",), ("1",), LinkKind.IDENTICAL, 1.0, "same"),), added=("2",), removed=("2",)
    )
    for _ in range(2):
        with store.session() as session:
            carried = carry_forward_stored(session, "old", "new", new, alignment)
    assert [c.status for c in carried] == [CarryStatus.KEPT, CarryStatus.KEPT, CarryStatus.DELETED]
    with store.session() as session:
        assert len(list_annotations(session, AnnotationFilter(document_key="new"))) == 3
        assert len(list_annotations(session, AnnotationFilter(document_key="old"))) == 3
