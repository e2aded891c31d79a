"""Import and merge of annotation files: round trip, idempotence, conflicts, and refusal of bad files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from kyoto_desk.core.annotation import Annotation, TextPosition, new_annotation
from kyoto_desk.errors import InputError
from kyoto_desk.export import annotations_csv, webannotation
from kyoto_desk.store import exchange_read
from kyoto_desk.store.annotations import add_annotation, get_annotation, list_annotations, update_annotation
from kyoto_desk.store.db import Store, open_store
from kyoto_desk.store.exchange import Prefer, import_annotations
from kyoto_desk.store.resolver import DocumentResolver
from tests.store.exchange_fixtures import WHEN, add_synthetic, seed


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Store]:
    """A colleague's store, with the synthetic document in their library too."""
    (tmp_path / "other").mkdir()
    opened = open_store(tmp_path / "other")
    add_synthetic(opened)
    yield opened
    opened.close()


def _export(store: Store, path: Path, fmt: str = "json") -> bytes:
    with store.session() as session:
        annotations = list_annotations(session)
        name_of = DocumentResolver(session).name_of
        names = {a.document_key: name_of(a.document_key) for a in annotations}
    if fmt == "json":
        webannotation.write_web_annotations(path, annotations, names.__getitem__)
    else:
        annotations_csv.write_annotations_csv(path, annotations, names.__getitem__)
    return path.read_bytes()


def _all(store: Store) -> list[Annotation]:
    with store.session() as session:
        return list_annotations(session)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_round_trip_into_empty_store_gives_same_set(
    store: Store, other: Store, tmp_path: Path, fmt: str
) -> None:
    seeded = seed(store)
    first = _export(store, tmp_path / f"a.{fmt}", fmt)
    with other.session() as session:
        report = import_annotations(session, tmp_path / f"a.{fmt}")
    assert (report.added, report.unchanged, report.conflicts, report.file_format) == (4, 0, (), fmt)
    assert _export(other, tmp_path / f"b.{fmt}", fmt) == first
    assert {a.id for a in _all(other)} == {a.id for a in seeded}
    assert _all(other) == _all(store)


def test_import_is_idempotent(store: Store, other: Store, tmp_path: Path) -> None:
    seed(store)
    _export(store, tmp_path / "a.json")
    for expected_added in (4, 0):
        with other.session() as session:
            report = import_annotations(session, tmp_path / "a.json")
        assert (report.added, report.unchanged + report.added, report.conflicts) == (expected_added, 4, ())
    assert len(_all(other)) == 4


def _edit(store: Store, annotation_id: str, minutes: int, **changes: object) -> Annotation:
    with store.session() as session:
        current = get_annotation(session, annotation_id)
        assert current is not None
        edited = replace(current, **changes, modified=WHEN + timedelta(minutes=minutes))  # type: ignore[arg-type]
        return update_annotation(session, edited)


@pytest.mark.parametrize(
    ("prefer", "kept_notes"),
    [
        (Prefer.NEWEST, {"mine, later", "theirs, later"}),
        (Prefer.OURS, {"mine, later", "mine, earlier"}),
        (Prefer.THEIRS, {"theirs, earlier", "theirs, later"}),
    ],
)
def test_merge_of_two_diverged_sets(
    store: Store, other: Store, tmp_path: Path, prefer: Prefer, kept_notes: set[str]
) -> None:
    one, two, three, _ = seed(store)
    _export(store, tmp_path / "shared.json")
    with other.session() as session:
        import_annotations(session, tmp_path / "shared.json")
    _edit(store, one.id, 10, note="mine, later")
    _edit(other, one.id, 5, note="theirs, earlier")
    _edit(store, two.id, 5, note="mine, earlier")
    _edit(other, two.id, 10, note="theirs, later")
    _edit(other, three.id, 0)  # touched, same content: no conflict
    _export(other, tmp_path / "theirs.json")
    with store.session() as session:
        report = import_annotations(session, tmp_path / "theirs.json", prefer)
    assert (report.added, report.unchanged) == (0, 2)
    assert {c.ours.id for c in report.conflicts} == {one.id, two.id}
    assert {c.kept.note for c in report.conflicts} == kept_notes
    with store.session() as session:
        assert {get_annotation(session, a.id).note for a in (one, two)} == kept_notes  # type: ignore[union-attr]


def _collection(store: Store, tmp_path: Path) -> dict[str, object]:
    seed(store)
    return json.loads(_export(store, tmp_path / "good.json"))  # type: ignore[no-any-return]


def _items(collection: dict[str, object]) -> list[dict[str, object]]:
    return collection["first"]["items"]  # type: ignore[index, no-any-return]


HOSTILE_JSON = [
    ("not json", lambda c: b"{ not json", "not valid JSON"),
    ("deep nesting", lambda c: b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
    ("no list", lambda c: json.dumps({"first": 3}).encode(), "no list"),
    ("wrong type", lambda c: _mutate(c, 2, lambda i: i.update(type="Note")), "Annotation 2: it is not"),
    ("bad start", lambda c: _mutate(c, 1, lambda i: _position(i).update(start="3")), "Annotation 1: start"),
    ("bool end", lambda c: _mutate(c, 1, lambda i: _position(i).update(end=True)), "Annotation 1: end"),
    (
        "bad id",
        lambda c: _mutate(c, 3, lambda i: i.update(id="robert'); drop table")),
        "Annotation 3: the id",
    ),
    ("dup id", lambda c: _mutate(c, 2, lambda i: i.update(id=_items(c)[0]["id"])), "Annotation 2 repeats"),
    ("bad date", lambda c: _mutate(c, 4, lambda i: i.update(modified="yesterday")), "Annotation 4: modified"),
    (
        "bad colour",
        lambda c: _mutate(c, 1, lambda i: i.update({"kd:colour": "red;x"})),
        "Annotation 1: the colour",
    ),
    (
        "quote gone",
        lambda c: _mutate(c, 4, lambda i: _quote(i).update(exact="not in there")),
        "Annotation 4: the quote",
    ),
    (
        "unknown doc",
        lambda c: _mutate(c, 4, lambda i: i["target"].update(source="urn:kyoto-desk:document:x")),
        "library",
    ),
    (
        "no unit",
        lambda c: _mutate(c, 1, lambda i: i["target"]["selector"].update(value="999")),
        "no paragraph '999'",
    ),
    ("huge note", lambda c: _mutate(c, 2, lambda i: i["body"][0].update(value="x" * 200_000)), "longer than"),
]


def _position(item: dict[str, object]) -> dict[str, object]:
    return item["target"]["selector"]["refinedBy"][1]  # type: ignore[index, no-any-return]


def _quote(item: dict[str, object]) -> dict[str, object]:
    return item["target"]["selector"]["refinedBy"][0]  # type: ignore[index, no-any-return]


def _mutate(collection: dict[str, object], number: int, change: object) -> bytes:
    change(_items(collection)[number - 1])  # type: ignore[operator]
    return json.dumps(collection).encode()


@pytest.mark.parametrize(("case", "make", "message"), HOSTILE_JSON, ids=[c[0] for c in HOSTILE_JSON])
def test_hostile_json_is_refused_and_changes_nothing(
    store: Store, other: Store, tmp_path: Path, case: str, make: object, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(make(_collection(store, tmp_path)))  # type: ignore[operator]
    with pytest.raises(InputError, match=message) as caught, other.session() as session:
        import_annotations(session, bad)
    assert caught.value.hint
    assert _all(other) == []


def test_oversized_file_is_refused_unread(
    other: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exchange_read, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 1001)
    with pytest.raises(InputError, match="limited"), other.session() as session:
        import_annotations(session, big)


def test_missing_file(other: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"), other.session() as session:
        import_annotations(session, tmp_path / "absent.json")


def test_record_key_is_read_as_the_annotation_key(store: Store, other: Store, tmp_path: Path) -> None:
    record_key = add_synthetic(store)
    text = "Commit to strengthening international cooperation in criminal matters;"
    with store.session() as session:
        annotation = new_annotation(record_key, "2", text, TextPosition(10, 23))
        add_annotation(session, annotation)
        canonical = DocumentResolver(session).by_name("A/SYN/1").key
    assert canonical == record_key  # the library record and its annotations share one key
    exported = json.loads(_export(store, tmp_path / "a.json"))
    assert _items(exported)[0]["kd:document"] == "A/SYN/1"
    with other.session() as session:
        assert import_annotations(session, tmp_path / "a.json").added == 1
    (imported,) = _all(other)
    assert imported.document_key == canonical and imported.quote == annotation.quote
