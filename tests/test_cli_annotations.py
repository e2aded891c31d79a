"""`kyoto-desk annotations export|import|list` end to end through the CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kyoto_desk.cli import main
from kyoto_desk.store.db import open_store
from tests.store.exchange_fixtures import add_synthetic, seed


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    data = tmp_path / "mine"
    data.mkdir()
    store = open_store(data)
    seed(store)
    store.close()
    return data


def test_export_json_file_then_import_elsewhere(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "notes.json"
    assert main(["--data-dir", str(seeded), "annotations", "export", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["total"] == 4
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    store = open_store(theirs)
    add_synthetic(store)
    store.close()
    capsys.readouterr()
    assert main(["--data-dir", str(theirs), "annotations", "import", str(out)]) == 0
    assert "4 added, 0 unchanged, 0 conflict(s)" in capsys.readouterr().out
    assert (
        main(["--data-dir", str(theirs), "annotations", "list", "--document", "kyoto", "--stance", "support"])
        == 0
    )
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 1 and listed[0].startswith("kyoto\t5\tsupport\tcooperation")


def test_export_csv_to_stdout(seeded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["--data-dir", str(seeded), "annotations", "export", "--format", "csv", "--document", "A/SYN/1"])
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("document,unit,quote,note,stance,themes,author")
    assert len(lines) == 2 and lines[1].startswith("A/SYN/1,2,international cooperation,")


def test_bad_file_exits_2_with_one_line(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "document,unit,quote,note,stance,themes,author\nkyoto,5,no such words,,,,\n", encoding="utf-8"
    )
    assert main(["--data-dir", str(seeded), "annotations", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kyoto-desk: Row 2: the quote") and err.count("\n") == 1
