"""Names to documents: bundled alias, file of any format (not added), library id, key or symbol."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kyoto_desk.errors import UnknownDocumentError
from kyoto_desk.sources import library
from kyoto_desk.sources.resolve import load_document
from tests.sources.fixture_texts import FixtureText

FixtureFile = Callable[[str, str], tuple[FixtureText, bytes]]


def test_alias() -> None:
    document = load_document("KYOTO", Path("/nonexistent"))
    assert "E/RES/2021/20" in document.symbols
    assert len(document.declaration().units) == 101


@pytest.mark.parametrize("kind", ["pdf", "docx", "html"])
def test_file_of_any_format_is_read_but_not_added(
    tmp_path: Path, fixture_file: FixtureFile, kind: str
) -> None:
    path = tmp_path / f"synthetic.{kind}"
    path.write_bytes(fixture_file("synthetic", kind)[1])
    document = load_document(str(path), tmp_path)
    assert [u.id for u in document.units][:4] == ["pp1", "pp2", "pp3", "1"]
    assert library.list_entries(tmp_path) == []


def test_text_file(tmp_path: Path, fixture_file: FixtureFile) -> None:
    path = tmp_path / "synthetic.md"
    path.write_text(fixture_file("synthetic", "pdf")[0].expected_text(), encoding="utf-8")
    assert len(load_document(str(path), tmp_path).units) == 12


def test_library_entry_by_symbol_and_id(tmp_path: Path, fixture_file: FixtureFile) -> None:
    path = tmp_path / "synthetic.pdf"
    path.write_bytes(fixture_file("synthetic", "pdf")[1])
    entry = library.add_file(tmp_path, path).entry
    path.unlink()
    assert load_document("A/RES/85/321", tmp_path).symbols == ("A/RES/85/321",)
    assert len(load_document(str(entry.id), tmp_path).units) == 12


def test_unknown_name(tmp_path: Path) -> None:
    with pytest.raises(UnknownDocumentError, match="No document is called") as info:
        load_document("doha", tmp_path)
    assert "library list" in info.value.hint
