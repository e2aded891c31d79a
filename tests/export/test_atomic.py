"""Atomic writing: nothing partial is ever left, and each failure says what to do."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import IO

import pytest

from kyoto_desk.errors import ExportError
from kyoto_desk.export import atomic
from kyoto_desk.export.atomic import write_atomically


def _write(data: bytes):  # type: ignore[no-untyped-def]
    def write(handle: IO[bytes]) -> None:
        handle.write(data)

    return write


def _only(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_the_bytes_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    write_atomically(target, _write(b"new"))
    assert target.read_bytes() == b"new"
    assert _only(tmp_path) == ["out.docx"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_file_gets_ordinary_permissions_or_keeps_the_replaced_ones(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.docx"
    write_atomically(fresh, _write(b"x"))
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.docx"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    write_atomically(kept, _write(b"new"))
    assert kept.stat().st_mode & 0o777 == 0o640


def test_a_failing_writer_leaves_the_previous_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"previous")

    def broken(handle: IO[bytes]) -> None:
        handle.write(b"half")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_atomically(target, broken)
    assert target.read_bytes() == b"previous"
    assert _only(tmp_path) == ["out.docx"]


def test_full_disk_is_a_clear_error_with_nothing_left(tmp_path: Path) -> None:
    def full(handle: IO[bytes]) -> None:
        handle.write(b"part")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError, match="disk is full") as caught:
        write_atomically(tmp_path / "out.docx", full)
    assert "Free some space" in caught.value.hint
    assert _only(tmp_path) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="read-only"):
            write_atomically(folder / "out.docx", _write(b"x"))
    finally:
        folder.chmod(0o755)
    assert _only(folder) == []


def test_permission_denied_on_the_temp_file_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a read-only or network folder does even to root, simulated where the OS would fail.
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "NamedTemporaryFile", refuse)
    with pytest.raises(ExportError, match="cannot be written") as caught:
        write_atomically(tmp_path / "out.docx", _write(b"x"))
    assert "another name or folder" in caught.value.hint
    assert _only(tmp_path) == []


def test_read_only_file_system_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(ExportError, match="read-only"):
        write_atomically(tmp_path / "out.docx", _write(b"x"))
    assert _only(tmp_path) == []


@pytest.mark.parametrize("lock_name", ["~$t.docx", ".~lock.out.docx#"])
def test_a_file_open_in_word_or_libreoffice_is_refused(tmp_path: Path, lock_name: str) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"open elsewhere")
    (tmp_path / lock_name).write_bytes(b"owner")
    with pytest.raises(ExportError, match="open in another program"):
        write_atomically(target, _write(b"new"))
    assert target.read_bytes() == b"open elsewhere"


def test_missing_folder_and_folder_as_target_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_atomically(tmp_path / "nowhere" / "out.docx", _write(b"x"))
    with pytest.raises(ExportError, match="is a folder"):
        write_atomically(tmp_path, _write(b"x"))


def test_before_replace_can_still_stop_the_write(tmp_path: Path) -> None:
    def stop() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "out.docx", _write(b"x"), before_replace=stop)
    assert _only(tmp_path) == []
