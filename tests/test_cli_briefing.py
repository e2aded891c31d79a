"""`kyoto-desk briefing`: the same export as the dialog, headless, with the store's annotations."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from kyoto_desk.cli import main
from kyoto_desk.core.annotation import TextPosition, new_annotation
from kyoto_desk.core.parser import parse_text
from kyoto_desk.export.sample import key_of, synthetic_revision
from kyoto_desk.sources.bundled import load_bundled
from kyoto_desk.store.annotations import add_annotation
from kyoto_desk.store.db import open_store


@pytest.fixture
def revision_file(tmp_path: Path) -> Path:
    """A SYNTHETIC revision of the Kyoto Declaration as a text file the parser reads back unit for unit."""
    revision = synthetic_revision(load_bundled("kyoto").declaration())
    path = tmp_path / "synthetic-revision.txt"
    path.write_text(revision.text, encoding="utf-8")
    return path


def test_writes_a_briefing_with_the_stored_annotations(
    tmp_path: Path, revision_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    new = parse_text(revision_file.read_text(encoding="utf-8"))
    unit = new.unit("pp2")  # reworded in the revision, so kept by --scope changed
    annotation = new_annotation(
        key_of(new), "pp2", unit.text, TextPosition(0, 8), note="Check.", author="CLI"
    )
    store = open_store(data)
    with store.session() as session:
        add_annotation(session, annotation)
    store.close()
    out = tmp_path / "brief.docx"
    code = main(
        [
            "--data-dir",
            str(data),
            "briefing",
            "kyoto",
            str(revision_file),
            "-o",
            str(out),
            "--scope",
            "changed",
            "--title",
            "CLI brief",
            "--confidential",
            "restricted",
            "--landscape",
        ]
    )
    assert code == 0
    assert f"Wrote {out}" in capsys.readouterr().out
    document = docx.Document(str(out))
    assert [c.text for c in document.comments] == ["[note] Check."]
    assert "CLI brief" in document.paragraphs[1].text
    assert any(s.page_width > s.page_height for s in document.sections)


def test_themes_and_omitted_sections(tmp_path: Path, revision_file: Path) -> None:
    out = tmp_path / "brief.docx"
    code = main(
        [
            "--data-dir",
            str(tmp_path / "data"),
            "briefing",
            "kyoto",
            str(revision_file),
            "-o",
            str(out),
            "--themes",
            "cybercrime",
            "--omit",
            "cover",
            "summary",
            "positions",
            "amendments",
        ]
    )
    assert code == 0
    document = docx.Document(str(out))
    assert len(document.tables) == 1
    rows = [row for row in document.tables[0].rows[1:] if len(row._tr.tc_lst) == 3]  # not heading rows
    assert rows and all("Cybercrime" in row.cells[2].text for row in rows)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["kyoto", "kyoto", "-o", "brief.pdf"], "not a .docx file name"),
        (["kyoto", "no-such-text", "-o", "brief.docx"], "No document is called"),
        (["kyoto", "kyoto", "-o", "missing-folder/brief.docx"], "does not exist"),
    ],
)
def test_user_errors_exit_2_with_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--data-dir", str(tmp_path / "data"), "briefing", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not list(tmp_path.glob("*.docx"))
