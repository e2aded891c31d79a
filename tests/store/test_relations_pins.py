"""Unit relations and alignment pins round-trip through the store."""

from __future__ import annotations

from kyoto_desk.core.annotation import UnitRelation, new_id
from kyoto_desk.core.links import Pin
from kyoto_desk.store.db import Store
from kyoto_desk.store.pins import delete_pin, list_pins, save_pin
from kyoto_desk.store.relations import delete_relation, list_relations, save_relation


def test_relation_save_edit_list_delete(store: Store) -> None:
    relation = UnitRelation(new_id(), "old", "5", "new", "7", relation="Weakens", note="softer verb")
    with store.session() as session:
        saved = save_relation(session, relation)
    assert saved.relation == "weakens"
    with store.session() as session:
        save_relation(session, UnitRelation(new_id(), "x", "1", "y", "1"))
        save_relation(session, saved)  # saving again replaces, not duplicates
        assert [r.note for r in list_relations(session, "new")] == ["softer verb"]
        assert len(list_relations(session)) == 2
    with store.session() as session:
        assert delete_relation(session, relation.id) == saved
        assert delete_relation(session, relation.id) is None
        assert [r.old_document_key for r in list_relations(session)] == ["x"]


def test_pins_replace_and_delete(store: Store) -> None:
    with store.session() as session:
        save_pin(session, "old", "new", Pin(("3",), ("4", "5")))
        save_pin(session, "old", "new", Pin(("9",), ("9",), linked=False))
        save_pin(session, "old", "other", Pin(("1",), ("1",)))
    with store.session() as session:
        save_pin(session, "old", "new", Pin(("3",), ("4", "5"), linked=False))  # the user changed their mind
        assert list_pins(session, "old", "new") == [
            Pin(("9",), ("9",), False),
            Pin(("3",), ("4", "5"), False),
        ]
    with store.session() as session:
        assert delete_pin(session, "old", "new", Pin(("9",), ("9",)))
        assert not delete_pin(session, "old", "new", Pin(("9",), ("9",)))
        assert list_pins(session, "old", "new") == [Pin(("3",), ("4", "5"), False)]
        assert list_pins(session, "new", "old") == []
