"""The documents table: keys from text and symbol, versions, lookup and guarded removal."""

from __future__ import annotations

import hashlib

import pytest

from kyoto_desk.core.annotation import document_key, new_annotation
from kyoto_desk.errors import StoreError
from kyoto_desk.store.annotations import add_annotation
from kyoto_desk.store.db import Store
from kyoto_desk.store.documents import (
    add_document,
    find_document,
    get_document,
    list_documents,
    remove_document,
)

TEXT = "SYNTHETIC TEST TEXT\n\n1. We affirm the rule of law.\n"


def test_same_text_and_symbol_is_found_not_duplicated(store: Store) -> None:
    with store.session() as session:
        first, created = add_document(session, text=TEXT, symbol="A/SYN/1", title="Synthetic")
        again, created_again = add_document(session, text=TEXT, symbol="A/SYN/1", title="Other title")
    assert created and not created_again and again.id == first.id
    assert first.key == document_key(TEXT, "A/SYN/1")
    assert first.sha256 == hashlib.sha256(TEXT.encode()).hexdigest()


def test_new_text_under_same_symbol_is_a_new_version(store: Store) -> None:
    with store.session() as session:
        old, _ = add_document(session, text=TEXT, symbol="A/SYN/1", title="Draft 1", year=2020)
        new, created = add_document(session, text=TEXT + "2. More.\n", symbol="A/SYN/1", title="Draft 2")
        other, _ = add_document(session, text=TEXT, symbol="A/SYN/2", title="Elsewhere")
    assert created and new.version_of == old.id and other.version_of is None
    with store.session() as session:
        assert [d.title for d in list_documents(session)] == ["Draft 1", "Draft 2", "Elsewhere"]
        loaded = get_document(session, old.id)
        assert loaded is not None and loaded.year == 2020 and loaded.info().symbols == ("A/SYN/1",)


def test_find_by_key_alias_or_symbol(store: Store) -> None:
    with store.session() as session:
        old, _ = add_document(session, text=TEXT, symbol="A/SYN/1", title="Draft 1", alias="Syn")
        new, _ = add_document(session, text=TEXT + "x", symbol="A/SYN/1", title="Draft 2")
    with store.session() as session:
        assert find_document(session, old.key).id == old.id  # type: ignore[union-attr]
        assert find_document(session, "syn").id == old.id  # type: ignore[union-attr]
        assert find_document(session, "a/syn/1").id == new.id  # type: ignore[union-attr]
        assert find_document(session, "nothing") is None
        assert find_document(session, "  ") is None


def test_remove_relinks_versions_and_refuses_annotated(store: Store) -> None:
    with store.session() as session:
        v1, _ = add_document(session, text="1. One.\n", symbol="S", title="1")
        v2, _ = add_document(session, text="1. Two.\n", symbol="S", title="2")
        v3, _ = add_document(session, text="1. Three.\n", symbol="S", title="3")
        add_annotation(session, new_annotation(v3.key, "1", "Three"))
    with store.session() as session:
        remove_document(session, v2.id)
    with store.session() as session:
        assert get_document(session, v2.id) is None
        assert get_document(session, v3.id).version_of == v1.id  # type: ignore[union-attr]
    with pytest.raises(StoreError, match="1 annotation"), store.session() as session:
        remove_document(session, v3.id)
    with store.session() as session:
        assert get_document(session, v3.id) is not None
    with pytest.raises(StoreError), store.session() as session:
        remove_document(session, 999)


def test_remove_refuses_annotations_made_with_another_key_of_the_text(store: Store) -> None:
    from kyoto_desk.core.parser import parse_text
    from tests.store.exchange_fixtures import SYNTHETIC

    with store.session() as session:
        record, _ = add_document(session, text=SYNTHETIC, symbol="A/SYN/1", title="Synthetic")
        document = parse_text(SYNTHETIC, record.info())
        symbolless = document_key(document.text, "")  # one of keys_of(document), not the record key
        add_annotation(session, new_annotation(symbolless, "1", document.unit("1").text))
    with pytest.raises(StoreError, match="1 annotation"), store.session() as session:
        remove_document(session, record.id)
