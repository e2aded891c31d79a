"""One window per data directory: an OS file lock that a second start finds taken.

The database itself is safe with two processes (SQLite WAL, one transaction per change), but two
windows editing the same annotations would each show a stale view of the other's work. So the
first window takes an exclusive lock on `kyoto-desk.lock` in the data directory; a second window
finds it taken and can say so, then exit or open read-only. The operating system drops the lock
when the owner exits or crashes, so a stale lock never blocks the next start.

Headless commands do not take the lock: they only read, or write in short transactions.
Standard library only: `fcntl.flock` on Linux and macOS, `msvcrt.locking` on Windows.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from kyoto_desk.errors import KyotoDeskError

LOCK_NAME = "kyoto-desk.lock"
# Byte 0 is the locked byte; the owner's process id follows it. On Windows a locked byte cannot be
# read by others, so the id must sit outside the locked range to be readable by a second start.
_PID_OFFSET = 1


class DataDirInUseError(KyotoDeskError):
    """Another Kyoto Desk window owns the data directory."""


def _try_lock(handle: IO[bytes]) -> bool:
    handle.seek(0)
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    handle.seek(0)
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class InstanceLock:
    """The lock on one data directory. Use `acquire()`/`release()` or `with claim_data_dir(...)`."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOCK_NAME
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> bool:
        """Take the lock without waiting; False when another process holds it."""
        if self._handle is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # "a+b" creates the file without truncating it: truncating would wipe the owner's id.
        handle = open(self.path, "a+b")  # noqa: SIM115  (kept open for as long as the lock is held)
        if not _try_lock(handle):
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(b" " + str(os.getpid()).encode("ascii"))
        handle.flush()
        self._handle = handle
        return True

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            handle.seek(_PID_OFFSET)
            handle.truncate()
            _unlock(handle)
        handle.close()

    def owner_pid(self) -> int | None:
        """The process id the current owner wrote, or None if unknown."""
        try:
            with open(self.path, "rb") as handle:
                handle.seek(_PID_OFFSET)
                text = handle.read(32).decode("ascii", "replace").strip()
        except OSError:
            return None
        return int(text) if text.isdigit() else None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()


def claim_data_dir(data_dir: Path) -> InstanceLock:
    """The held lock on `data_dir`; raises DataDirInUseError when another window owns it."""
    lock = InstanceLock(data_dir)
    if not lock.acquire():
        pid = lock.owner_pid()
        owner = f" (process {pid})" if pid else ""
        raise DataDirInUseError(
            f"Kyoto Desk is already running with the data directory {data_dir}{owner}.",
            "Switch to the open window, or start with --data-dir pointing at another folder.",
        )
    return lock
