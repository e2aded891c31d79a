"""`kyoto-desk library list|add|fetch|remove`, run through the CLI entry point."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kyoto_desk.cli import main
from tests.sources.conftest import FakeUN, Route, serve_fake_un
from tests.sources.fixture_texts import SYNTHETIC
from tests.sources.un_pdf import build_un_pdf


@pytest.fixture
def fake_un(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeUN]:
    with serve_fake_un(monkeypatch) as state:
        yield state


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return build_un_pdf(SYNTHETIC)


def _cli(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), "library", *args])


def test_add_list_remove(tmp_path: Path, pdf_bytes: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf_bytes)
    data = tmp_path / "data"
    assert _cli(data, "list") == 0
    assert "The library is empty" in capsys.readouterr().out
    assert _cli(data, "add", str(path), "--congress", "Synthetic Congress") == 0
    assert capsys.readouterr().out.startswith("Added 1 A/RES/85/321")
    assert _cli(data, "add", str(path)) == 0
    assert capsys.readouterr().out.startswith("Already in the library: 1 ")
    assert _cli(data, "list") == 0
    listing = capsys.readouterr().out.splitlines()
    assert len(listing) == 1 and listing[0].split("\t")[:4] == ["1", "A/RES/85/321", "2031", "en"]
    assert _cli(data, "remove", "1") == 0
    assert capsys.readouterr().out.startswith("Removed 1 A/RES/85/321")


def test_add_with_overrides(tmp_path: Path, pdf_bytes: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf_bytes)
    assert (
        _cli(tmp_path, "add", str(path), "--symbol", "A/RES/85/400", "--title", "Draft", "--year", "2030")
        == 0
    )
    assert "Added 1 A/RES/85/400 Draft" in capsys.readouterr().out


def test_bad_file_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 50)
    assert _cli(tmp_path, "add", str(path)) == 2
    err = capsys.readouterr().err
    assert err.startswith("kyoto-desk: The file is an image") and err.count("\n") == 1


def test_max_size(tmp_path: Path, pdf_bytes: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf_bytes)
    assert _cli(tmp_path, "add", str(path), "--max-size", "0.001") == 2
    assert "over the import limit" in capsys.readouterr().err


def test_remove_unknown_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(tmp_path, "remove", "42") == 2
    assert "no document with id 42" in capsys.readouterr().err


def test_fetch(
    tmp_path: Path,
    fake_un: FakeUN,
    pdf_bytes: bytes,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake_un.routes["/api/symbol/access?s=A/RES/85/321&l=en&t=pdf"] = Route(body=pdf_bytes)
    assert _cli(tmp_path, "fetch", "A/RES/85/321", "--lang", "en") == 0
    assert capsys.readouterr().out.startswith("Added 1 A/RES/85/321")


def test_fetch_unknown_symbol(tmp_path: Path, fake_un: FakeUN, capsys: pytest.CaptureFixture[str]) -> None:
    fake_un.routes["/api/symbol/access?s=A/RES/85/321&l=en&t=pdf"] = Route(body=b"")
    assert _cli(tmp_path, "fetch", "A/RES/85/321") == 2
    assert "empty answer" in capsys.readouterr().err
