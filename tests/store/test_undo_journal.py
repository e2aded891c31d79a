"""The undo journal: entries recorded with their action, undone and redone, trimmed, and migrated to."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from kyoto_desk.core.annotation import UnitRelation, new_annotation, new_id
from kyoto_desk.core.links import Pin
from kyoto_desk.store.annotations import add_annotation, list_annotations
from kyoto_desk.store.db import DB_NAME, Store, make_engine, open_store, read_revision, upgrade
from kyoto_desk.store.undo_journal import (
    annotation_from_json,
    annotation_json,
    list_entries,
    mark_entry,
    pin_from_json,
    pin_json,
    record_entry,
    relation_from_json,
    relation_json,
    workspace_key,
)

UNIT_TEXT = "SYNTHETIC TEST TEXT: we resolve to strengthen cooperation."
WS = workspace_key("old:S/1", "new:S/2")


def _positions(store: Store, workspace: str = WS) -> list[tuple[int, bool]]:
    with store.session() as session:
        return [(e.position, e.done) for e in list_entries(session, workspace)]


def test_entries_are_appended_undone_redone_and_a_new_action_drops_the_redo_side(store: Store) -> None:
    with store.session() as session:
        first = record_entry(session, WS, "pin", {"n": 1})
        second = record_entry(session, WS, "pin", {"n": 2})
        record_entry(session, workspace_key("other:S/9"), "pin", {"n": 0})
    assert _positions(store) == [(1, True), (2, True)]
    with store.session() as session:
        assert mark_entry(session, second, done=False)
    assert _positions(store) == [(1, True), (2, False)]
    with store.session() as session:
        assert mark_entry(session, second, done=True)
        assert mark_entry(session, second, done=False)
        assert mark_entry(session, first, done=False)
        third = record_entry(session, WS, "pin", {"n": 3})
        entries = list_entries(session, WS)
    assert [(e.id, e.payload, e.done) for e in entries] == [(third, {"n": 3}, True)]
    assert _positions(store, workspace_key("other:S/9")) == [(1, True)]


def test_the_journal_keeps_its_cap_per_workspace_oldest_trimmed(store: Store) -> None:
    with store.session() as session:
        ids = [record_entry(session, WS, "pin", {"n": n}, cap=5) for n in range(8)]
        assert [e.payload["n"] for e in list_entries(session, WS)] == [3, 4, 5, 6, 7]
        assert not mark_entry(session, ids[0], done=False)  # trimmed: nothing to mark
        assert mark_entry(session, ids[-1], done=False)


def test_an_entry_rolls_back_with_its_action(store: Store) -> None:
    annotation = new_annotation("old:S/1", "1", UNIT_TEXT, note="SYNTHETIC")
    with pytest.raises(RuntimeError), store.session() as session:
        add_annotation(session, annotation)
        record_entry(session, WS, "annotation.add", {"annotation": annotation_json(annotation)})
        raise RuntimeError("the action fails after its journal entry")
    assert _positions(store) == []
    with store.session() as session:
        assert list_annotations(session) == []


def test_payloads_round_trip_exactly() -> None:
    annotation = new_annotation(
        "old:S/1",
        "1",
        UNIT_TEXT,
        note="a **bold** note\n- one",
        stance="amend",
        themes=("peace",),
        author="A",
    )
    assert annotation_from_json(annotation_json(annotation)) == annotation
    relation = UnitRelation(new_id(), "old:S/1", "5", "new:S/2", "7", "weakens", "softer", "B")
    assert relation_from_json(relation_json(relation)) == relation
    pin = Pin(("3",), ("4", "5"), linked=False)
    assert pin_from_json(pin_json(pin)) == pin
    assert pin_from_json(pin_json(None)) is None


def test_migration_from_0002_with_data_adds_an_empty_journal(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    engine = make_engine(path)
    upgrade(engine, "0002")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO annotations VALUES ('a1', 'abc:S/1', '1', 0, 9, 'SYNTHETIC', '', ' TEST', "
                "'#fff176', 'kept note', 'support', '[]', '', 'ana', "
                "'2021-03-07 10:00:00', '2021-03-07 10:00:00', 0)"
            )
        )
    engine.dispose()
    store = open_store(tmp_path)
    try:
        assert read_revision(path) == "0003"
        with store.session() as session:
            assert [a.note for a in list_annotations(session)] == ["kept note"]
            assert list_entries(session, WS) == []
            record_entry(session, WS, "pin", {"n": 1})
        assert _positions(store) == [(1, True)]
    finally:
        store.close()
    assert len(list(tmp_path.glob(f"{DB_NAME}.backup-0002-*"))) == 1
