"""Annotation repository: one action per transaction, filters, counts and undo-friendly deletes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kyoto_desk.core.annotation import DEFAULT_STANCES, TextPosition, new_annotation
from kyoto_desk.errors import StoreError
from kyoto_desk.store.annotations import (
    AnnotationFilter,
    add_annotation,
    count_by_stance,
    count_by_theme,
    delete_annotation,
    get_annotation,
    known_stances,
    list_annotations,
    list_authors,
    save_annotations,
    update_annotation,
)
from kyoto_desk.store.db import Store

UNIT = "SYNTHETIC TEST TEXT: we commit to 100% transparency_in justice and the rule of law."


def _seed(store: Store) -> None:
    specs = [
        ("A", "5", (0, 9), "Support", ("Rule of Law", "rule of law"), "ana", "strong wording"),
        ("A", "6", (10, 20), "oppose", ("youth",), "ben", "too weak"),
        ("B", "5", (21, 40), "support", ("youth", "gender"), "ana", ""),
        ("B", "7", (0, 3), "question", (), "", "why 100%?"),
    ]
    with store.session() as session:
        for key, unit, (start, end), stance, themes, author, note in specs:
            add_annotation(
                session,
                new_annotation(
                    key,
                    unit,
                    UNIT,
                    TextPosition(start, end),
                    stance=stance,
                    themes=themes,
                    author=author,
                    note=note,
                ),
            )


def test_add_get_update_delete_round_trip(store: Store) -> None:
    annotation = new_annotation("k", "1", UNIT, TextPosition(3, 12), stance="Amend", amendment="new words")
    with store.session() as session:
        stored = add_annotation(session, annotation)
    assert stored.stance == "amend"
    with store.session() as session:
        assert get_annotation(session, annotation.id) == stored
    edited = stored.edited(note="edited", themes=("Gender",))
    with store.session() as session:
        update_annotation(session, edited)
    with store.session() as session:
        loaded = get_annotation(session, annotation.id)
        assert loaded == replace(edited, themes=("gender",))
        deleted = delete_annotation(session, annotation.id)
    assert deleted == loaded
    with store.session() as session:
        assert get_annotation(session, annotation.id) is None
        assert delete_annotation(session, annotation.id) is None
        add_annotation(session, deleted)  # undo of a delete restores the same id
    with store.session() as session:
        assert get_annotation(session, annotation.id) == deleted


def test_duplicate_add_and_missing_update_are_refused(store: Store) -> None:
    annotation = new_annotation("k", "1", UNIT)
    with store.session() as session:
        add_annotation(session, annotation)
    with pytest.raises(StoreError, match="already exists"), store.session() as session:
        add_annotation(session, annotation)
    with pytest.raises(StoreError, match="no annotation"), store.session() as session:
        update_annotation(session, new_annotation("k", "1", UNIT))


@pytest.mark.parametrize(
    ("flt", "notes"),
    [
        (AnnotationFilter(), ["strong wording", "too weak", "", "why 100%?"]),
        (AnnotationFilter(document_key="A"), ["strong wording", "too weak"]),
        (AnnotationFilter(stance="SUPPORT"), ["strong wording", ""]),
        (AnnotationFilter(theme="Youth"), ["too weak", ""]),
        (AnnotationFilter(author="ana", theme="gender"), [""]),
        (AnnotationFilter(text="weak"), ["too weak"]),
        (AnnotationFilter(text="100%?"), ["why 100%?"]),  # % is literal, not a wildcard
        (AnnotationFilter(text="0%_t"), []),  # _ too
        (AnnotationFilter(text="SYNTHETIC"), ["strong wording"]),  # the quote is searched too
        (AnnotationFilter(document_key="B", unit_id="7"), ["why 100%?"]),
        (AnnotationFilter(orphaned=True), []),
        (AnnotationFilter(document_keys=("B", "elsewhere")), ["", "why 100%?"]),
    ],
)
def test_filters(store: Store, flt: AnnotationFilter, notes: list[str]) -> None:
    _seed(store)
    with store.session() as session:
        assert [a.note for a in list_annotations(session, flt)] == notes


def test_counts_and_choices(store: Store) -> None:
    _seed(store)
    with store.session() as session:
        assert count_by_stance(session) == {"support": 2, "oppose": 1, "question": 1}
        assert count_by_theme(session) == {"rule of law": 1, "youth": 2, "gender": 1}
        assert count_by_theme(session, AnnotationFilter(document_key="A")) == {"rule of law": 1, "youth": 1}
        assert list_authors(session) == ["ana", "ben"]
        save_annotations(session, [new_annotation("A", "1", UNIT, stance="Reservation")])
        assert known_stances(session, DEFAULT_STANCES) == [*DEFAULT_STANCES, "reservation"]
