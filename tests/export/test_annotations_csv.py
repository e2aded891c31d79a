"""The CSV writer: columns, theme joining, formula defusing, BOM."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kyoto_desk.core.annotation import TextPosition, defuse_cell, new_annotation, restore_cell
from kyoto_desk.export.annotations_csv import COLUMNS, REQUIRED_COLUMNS, dumps, write_annotations_csv

UNIT = "SYNTHETIC TEST TEXT: we commit to strengthening the rule of law."


def test_columns_start_with_the_import_header() -> None:
    assert ",".join(COLUMNS[: len(REQUIRED_COLUMNS)]) == "document,unit,quote,note,stance,themes,author"
    assert {"id", "created", "modified"} <= set(COLUMNS)


def test_rows(tmp_path: Path) -> None:
    annotation = new_annotation(
        "abc:A/SYN/1",
        "5",
        UNIT,
        TextPosition(34, 47),
        note='a "quoted", multi\nline note',
        themes=("rule of law", "justice"),
        author="ana",
    ).edited(modified=datetime(2021, 3, 7, tzinfo=UTC))
    text = dumps([annotation], lambda key: "syn")
    header, row = list(csv.reader(io.StringIO(text, newline="")))
    assert header == list(COLUMNS)
    record = dict(zip(header, row, strict=True))
    assert record["document"] == "syn" and record["quote"] == "strengthening"
    assert record["themes"] == "rule of law;justice" and record["note"] == 'a "quoted", multi\nline note'
    assert record["modified"] == "2021-03-07T00:00:00.000000Z" and record["id"] == annotation.id
    path = tmp_path / "out.csv"
    write_annotations_csv(path, [annotation], lambda key: "syn")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("cell", ["=SUM(A1)", "+1", "-2", "@x", "\tx", "plain", "'=kept as typed", ""])
def test_defuse_round_trips(cell: str) -> None:
    written = defuse_cell(cell)
    assert not written.startswith(("=", "+", "-", "@", "\t"))
    assert restore_cell(written) == cell
