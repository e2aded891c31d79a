"""The library: originals stored atomically beside their records, re-imports recognised, versions kept."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from kyoto_desk.errors import ImportFailedError, KyotoDeskError, StoreError
from kyoto_desk.sources import library
from kyoto_desk.sources.library import Metadata
from kyoto_desk.sources.progress import OperationCancelledError
from kyoto_desk.store.db import DB_NAME
from tests.sources.conftest import FakeUN, Route
from tests.sources.fixture_texts import SYNTHETIC, FixtureText

FixtureFile = Callable[[str, str], tuple[FixtureText, bytes]]


@pytest.fixture
def synthetic_pdf(tmp_path: Path, fixture_file: FixtureFile) -> Path:
    path = tmp_path / "A_RES_85_321.pdf"
    path.write_bytes(fixture_file("synthetic", "pdf")[1])
    return path


def _library_files(data: Path) -> list[str]:
    folder = data / library.LIBRARY_DIR
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_add_stores_original_and_metadata(tmp_path: Path, synthetic_pdf: Path) -> None:
    data = tmp_path / "data"
    result = library.add_file(data, synthetic_pdf)
    entry = result.entry
    original_sha = hashlib.sha256(synthetic_pdf.read_bytes()).hexdigest()
    assert result.created
    assert (entry.symbol, entry.year, entry.language) == ("A/RES/85/321", 2031, "en")
    assert entry.title.startswith("85/321. Synthetic Declaration")
    assert entry.original_sha256 == original_sha
    assert entry.original_path == f"library/{original_sha}.pdf"
    assert (data / entry.original_path).read_bytes() == synthetic_pdf.read_bytes()
    assert entry.original_name == "A_RES_85_321.pdf"
    assert len(result.document.units) == 12
    assert [e.id for e in library.list_entries(data)] == [entry.id]


def test_reimporting_the_same_text_is_recognised(tmp_path: Path, synthetic_pdf: Path) -> None:
    first = library.add_file(tmp_path, synthetic_pdf)
    again = library.add_file(tmp_path, synthetic_pdf)
    assert not again.created and again.entry.id == first.entry.id
    assert len(library.list_entries(tmp_path)) == 1


def test_a_new_version_is_kept_beside_the_old(tmp_path: Path, synthetic_pdf: Path) -> None:
    first = library.add_file(tmp_path, synthetic_pdf)
    revised = tmp_path / "revised.txt"
    revised.write_text(SYNTHETIC.expected_text().replace("*Stresses*", "*Underlines*"), encoding="utf-8")
    second = library.add_file(tmp_path, revised, Metadata(symbol="A/RES/85/321"))
    assert second.created and second.entry.version_of == first.entry.id
    assert [e.id for e in library.list_entries(tmp_path)] == [first.entry.id, second.entry.id]
    latest = library.load_entry(tmp_path, "A/RES/85/321")
    assert latest is not None and latest.unit("6").text.startswith("Underlines")


def test_user_metadata_wins_over_detected(tmp_path: Path, synthetic_pdf: Path) -> None:
    meta = Metadata(
        symbol="A/RES/85/999", title="My title", year=2030, language="fr", congress="X", source="S"
    )
    entry = library.add_file(tmp_path, synthetic_pdf, meta).entry
    assert (entry.symbol, entry.title, entry.year, entry.language, entry.congress, entry.source) == (
        "A/RES/85/999",
        "My title",
        2030,
        "fr",
        "X",
        "S",
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.txt", b"Shopping list\n\nmilk\n"),
        ("junk.bin", bytes(range(256)) * 10),
        ("empty.pdf", b"%PDF-1.4\n%%EOF"),
        ("page.html", b"<!DOCTYPE html><html><body><p>Search results</p></body></html>"),
    ],
)
def test_failed_import_adds_nothing(tmp_path: Path, name: str, content: bytes) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(KyotoDeskError):
        library.add_file(data, path)
    assert _library_files(data) == []
    assert not (data / DB_NAME).exists() or library.list_entries(data) == []


def test_cancelled_import_adds_nothing(tmp_path: Path, synthetic_pdf: Path) -> None:
    with pytest.raises(OperationCancelledError):
        library.add_file(tmp_path, synthetic_pdf, is_cancelled=lambda: True)
    assert _library_files(tmp_path) == []
    assert not (tmp_path / DB_NAME).exists()


def test_original_is_removed_when_the_record_cannot_be_written(
    tmp_path: Path, synthetic_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise StoreError("disk full", "free some space")

    monkeypatch.setattr(library, "add_document", refuse)
    with pytest.raises(StoreError):
        library.add_file(tmp_path, synthetic_pdf)
    assert _library_files(tmp_path) == []


def test_remove_deletes_record_and_unshared_original(tmp_path: Path, synthetic_pdf: Path) -> None:
    entry = library.add_file(tmp_path, synthetic_pdf).entry
    removed = library.remove_entry(tmp_path, entry.id)
    assert removed.id == entry.id
    assert library.list_entries(tmp_path) == []
    assert _library_files(tmp_path) == []
    with pytest.raises(StoreError, match="no document with id"):
        library.remove_entry(tmp_path, entry.id)


def test_find_by_id_key_and_symbol(tmp_path: Path, synthetic_pdf: Path) -> None:
    entry = library.add_file(tmp_path, synthetic_pdf).entry
    for name in (str(entry.id), entry.key, "A/RES/85/321", "a/res/85/321"):
        found = library.find_entry(tmp_path, name)
        assert found is not None and found[0].id == entry.id
    assert library.find_entry(tmp_path, "A/RES/1/1") is None


def test_looking_up_an_empty_data_dir_creates_no_database(tmp_path: Path) -> None:
    assert library.load_entry(tmp_path, "A/RES/70/174") is None
    assert not (tmp_path / DB_NAME).exists()


def test_fetch_and_add(tmp_path: Path, fake_un: FakeUN, fixture_file: FixtureFile) -> None:
    pdf = fixture_file("synthetic", "pdf")[1]
    fake_un.routes["/api/symbol/access?s=A/RES/85/321&l=en&t=pdf"] = Route(body=pdf)
    seen: list[float] = []
    result = library.fetch_and_add(tmp_path, "A/RES/85/321", progress=seen.append)
    assert result.created and result.entry.symbol == "A/RES/85/321"
    assert result.entry.source.startswith(fake_un.base)
    assert result.entry.original_name == "A_RES_85_321.en.pdf"
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)


def test_fetch_of_an_unknown_symbol_adds_nothing(tmp_path: Path, fake_un: FakeUN) -> None:
    fake_un.routes["/api/symbol/access?s=A/RES/85/321&l=en&t=pdf"] = Route(body=b"")
    with pytest.raises(KyotoDeskError, match="empty answer"):
        library.fetch_and_add(tmp_path, "A/RES/85/321")
    assert _library_files(tmp_path) == []


def test_fetch_of_a_pdf_without_text_adds_nothing(tmp_path: Path, fake_un: FakeUN) -> None:
    fake_un.routes["/api/symbol/access?s=A/RES/85/321&l=en&t=pdf"] = Route(body=b"%PDF-1.4\n%%EOF")
    with pytest.raises(ImportFailedError):
        library.fetch_and_add(tmp_path, "A/RES/85/321")
    assert _library_files(tmp_path) == []
