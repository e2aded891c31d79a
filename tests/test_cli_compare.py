"""`kyoto-desk compare`: formats, output files, names that resolve and names that do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kyoto_desk.cli import main
from kyoto_desk.sources.bundled import load_bundled
from tests.core.revisions import make_revision


@pytest.fixture(scope="module")
def revision_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated revision of the Kyoto Declaration, written as a plain text file."""
    pair = make_revision(load_bundled("kyoto").declaration(), "mixed", 5)
    path = tmp_path_factory.mktemp("texts") / "synthetic-revision.txt"
    path.write_text(pair.new.text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [("json", '"links"'), ("text", "PARAGRAPH BY PARAGRAPH"), ("html", "<!DOCTYPE html>")],
)
def test_formats_to_stdout(
    fmt: str, marker: str, revision_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", "kyoto", str(revision_file), "--format", fmt]) == 0
    assert marker in capsys.readouterr().out


def test_json_file_output(revision_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "comparison.json"
    assert main(["compare", "kyoto", str(revision_file), "--format", "json", "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["old"]["units"][0]["id"] == "pp1"
    assert data["counts"]["continued"] > 80 and data["added"] and data["removed"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["comparison.json"]  # no temp file left


def test_declarations_by_default_whole_sources_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "kyoto", "kyoto", "--format", "json"]) == 0
    declaration = json.loads(capsys.readouterr().out)
    assert main(["compare", "kyoto", "kyoto", "--format", "json", "--all-parts"]) == 0
    whole = json.loads(capsys.readouterr().out)
    assert len(whole["old"]["units"]) > len(declaration["old"]["units"]) == 101


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", "kyoto", "no-such-text"],
        ["compare", "kyoto", "kyoto", "-o", "/no/such/folder/out.json"],
    ],
)
def test_user_errors_exit_2_with_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("kyoto-desk: ") and err.count("\n") == 1


def test_bad_min_agreed_words_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["compare", "kyoto", "kyoto", "--min-agreed-words", "0"])
    assert caught.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_user_lexicon_from_data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "themes.toml").write_text(
        '[[theme]]\nid = "congress"\nlabel = "Congresses"\ncolour = "#123456"\nterms = ["congress"]\n',
        encoding="utf-8",
    )
    assert main(["--data-dir", str(tmp_path), "compare", "kyoto", "kyoto", "--format", "json"]) == 0
    themes = json.loads(capsys.readouterr().out)["themes"]
    assert themes["congress"]["old"]["units"] > 0 and "corruption" in themes
