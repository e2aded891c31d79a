"""`kyoto-desk parse` and the global options, run as a user runs them: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kyoto_desk import __version__


def _run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kyoto_desk", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_version(tmp_path: Path) -> None:
    result = _run("--version", data=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"kyoto-desk {__version__}"


def test_parse_kyoto_as_json_follows_the_contract(tmp_path: Path) -> None:
    result = _run("parse", "kyoto", "--part", "declaration", data=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"].startswith("Kyoto Declaration")
    assert "E/RES/2021/20" in data["symbols"]
    units = data["units"]
    assert len(units) == 101
    first = units[4]
    assert {"id", "kind", "text", "headings", "footnotes"} <= set(first)
    assert (first["id"], first["kind"]) == ("1", "operative")
    by_id = {u["id"]: u for u in units}
    assert by_id["20"]["footnotes"][0] == {"number": 5, "text": by_id["20"]["footnotes"][0]["text"]}


def test_parse_text_format_is_a_readable_outline(tmp_path: Path) -> None:
    result = _run("parse", "kyoto", "--format", "text", "--part", "declaration", data=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "# Advancing crime prevention" in result.stdout
    assert "\n97. We express our profound gratitude" in result.stdout


def test_data_dir_option_creates_the_folder(tmp_path: Path) -> None:
    data = tmp_path / "nested" / "data"
    assert _run("parse", "kyoto", data=data).returncode == 0
    assert data.is_dir()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("binary.txt", bytes(range(256)) * 40),
        ("letter.txt", b"Dear colleague, thank you for your letter of last week."),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = _run("parse", str(path), data=tmp_path / "data")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_unknown_name_is_a_clear_error(tmp_path: Path) -> None:
    result = _run("parse", "no-such-document", data=tmp_path)
    assert result.returncode == 2
    assert "no-such-document" in result.stderr


def test_starting_without_a_command_loads_no_heavy_library(tmp_path: Path) -> None:
    # The window and --version must not pay for python-docx, SQLAlchemy or the PDF reader.
    probe = (
        "import sys\n"
        "from kyoto_desk import cli\n"
        "try:\n"
        "    cli.main(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('docx', 'sqlalchemy', 'pdfplumber', 'alembic') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


def test_help_lists_every_command(tmp_path: Path) -> None:
    result = _run("--help", data=tmp_path)
    assert result.returncode == 0
    for name in ("parse", "compare", "library", "annotations", "briefing"):
        assert name in result.stdout
