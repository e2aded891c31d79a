"""Write a file all at once: a temp file in the target folder, then a rename over the target.

A failure or a cancel at any point leaves the target as it was (absent or the previous version) and
no temp file behind; every failure a user can cause becomes an ExportError saying what to do.
"""

from __future__ import annotations

import errno
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from kyoto_desk.errors import ExportError

log = logging.getLogger(__name__)

_TEMP_PREFIX = ".kyoto-desk-"
_TEMP_SUFFIX = ".part"


def lock_files(target: Path) -> tuple[Path, ...]:
    """The owner files Word (`~$name`) and LibreOffice (`.~lock.name#`) keep beside a file they have open."""
    name = target.name
    # Word replaces the first two characters of longer names with "~$", and prefixes short ones.
    candidates = (f"~${name[2:]}", f"~${name}", f".~lock.{name}#")
    return tuple(p for p in (target.with_name(c) for c in candidates) if p.exists())


def _check_target(target: Path) -> None:
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist.", "Choose an existing folder.")
    if target.is_dir():
        raise ExportError(f"{target} is a folder.", "Give a file name, not a folder.")
    if lock_files(target):
        raise ExportError(
            f"{target.name} is open in another program (Word or LibreOffice).",
            "Close it there, or save the briefing under another name.",
        )
    if not os.access(folder, os.W_OK):
        raise ExportError(f"The folder {folder} is read-only.", "Choose a folder you can write to.")


def _as_export_error(exc: OSError, target: Path) -> ExportError:
    if exc.errno == errno.ENOSPC:
        return ExportError(
            f"The disk is full; {target.name} was not written.", "Free some space and export again."
        )
    if exc.errno in (errno.EROFS,):
        return ExportError(f"The folder {target.parent} is read-only.", "Choose a folder you can write to.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY):
        # On Windows a file open in Word cannot be replaced: the rename fails with a permission error.
        return ExportError(
            f"{target.name} cannot be written: it is open in another program or you lack permission.",
            "Close it in Word or LibreOffice, or choose another name or folder.",
        )
    return ExportError(f"{target.name} could not be written: {exc.strerror or exc}.", "Try another folder.")


def write_atomically(
    target: Path,
    write: Callable[[IO[bytes]], None],
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Call `write` on a temp file beside `target`, then move it over `target`.

    `before_replace` runs after the bytes are on disk and before the rename, where a cancel is still
    honoured; any exception it or `write` raises propagates after the temp file is removed.
    """
    target = Path(target)
    _check_target(target)
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, kept on success
            dir=target.parent, prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, delete=False
        )
    except OSError as exc:
        raise _as_export_error(exc, target) from exc
    temp = Path(handle.name)
    try:
        with handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _mode_for(target))
        if before_replace is not None:
            before_replace()
        os.replace(temp, target)
    except OSError as exc:
        _remove_quietly(temp)
        raise _as_export_error(exc, target) from exc
    except BaseException:
        _remove_quietly(temp)
        raise
    log.info("wrote %s", target)


def _mode_for(target: Path) -> int:
    """The permissions the written file gets: those of the file it replaces, else the umask's default.

    The temp file is created private (0600); left so, the briefing would be unreadable to others.
    """
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove the temp file %s", path, exc_info=True)
