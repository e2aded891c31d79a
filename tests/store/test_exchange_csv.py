"""CSV written by hand in a spreadsheet: quotes located in their paragraph, all rows or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoto_desk.errors import InputError
from kyoto_desk.sources.bundled import load_bundled
from kyoto_desk.store.annotations import list_annotations
from kyoto_desk.store.db import Store
from kyoto_desk.store.exchange import import_annotations
from tests.store.exchange_fixtures import SYMBOL, add_synthetic

HEADER = "document,unit,quote,note,stance,themes,author\n"


def _import(store: Store, tmp_path: Path, body: str, encoding: str = "utf-8") -> tuple[int, int]:
    path = tmp_path / "sheet.csv"
    path.write_bytes((HEADER + body).encode(encoding))
    with store.session() as session:
        report = import_annotations(session, path)
    return report.added, report.unchanged


def test_spreadsheet_rows_are_located_and_reimport_is_idempotent(store: Store, tmp_path: Path) -> None:
    add_synthetic(store)
    body = (
        'kyoto,5,prevent and combat crime,"Key verb, keep",Support,cooperation; crime prevention ,ana\n'
        f"{SYMBOL},2,,whole paragraph,,,ben\n"
        "KYOTO,5,intensify,'=1+1,question,,\n"
    )
    assert _import(store, tmp_path, body, "utf-8-sig") == (3, 0)
    assert _import(store, tmp_path, body) == (0, 3)
    with store.session() as session:
        first, whole, formula = list_annotations(session)
    unit5 = load_bundled("kyoto").unit("5").text
    assert unit5[first.position.start : first.position.end] == "prevent and combat crime"
    assert (first.note, first.stance, first.themes) == (
        "Key verb, keep",
        "support",
        ("cooperation", "crime prevention"),
    )
    assert whole.quote.exact.startswith("Commit to") and whole.quote.exact.endswith("matters;")
    assert whole.stance == "note"
    assert formula.note == "=1+1"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "kyoto,5,prevent and combat crime,,,,\nkyoto,5,words not in paragraph five,,,,\n",
            "Row 3: the quote",
        ),
        ("kyoto,5,crime,,,,\nnowhere,1,x,,,,\n", "Row 3: No document is called 'nowhere'"),
        ("kyoto,999,crime,,,,\n", "Row 2: .* no paragraph '999'"),
        ('kyoto,5,"unclosed,,,,\n', "malformed"),
    ],
)
def test_bad_row_is_named_and_nothing_is_imported(
    store: Store, tmp_path: Path, body: str, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        _import(store, tmp_path, body)
    with store.session() as session:
        assert list_annotations(session) == []


def test_missing_columns_and_bad_encoding(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("document,unit,quote\nkyoto,5,crime\n", encoding="utf-8")
    with pytest.raises(InputError, match="note, stance, themes, author"), store.session() as session:
        import_annotations(session, path)
    path.write_bytes(HEADER.encode() + "kyoto,5,crime,é,,,\n".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"), store.session() as session:
        import_annotations(session, path)
