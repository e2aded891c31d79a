"""The data-directory lock: a second process finds it taken; a crash of the owner frees it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kyoto_desk.single_instance import DataDirInUseError, InstanceLock, claim_data_dir

# A child that takes the lock, says so, and holds it until killed or told to go.
HOLDER = """
import sys
from pathlib import Path
from kyoto_desk.single_instance import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
print("held" if lock.acquire() else "busy", flush=True)
sys.stdin.readline()
lock.release()
"""

# A child that tries once and reports what it found.
PROBE = """
import sys
from pathlib import Path
from kyoto_desk.single_instance import DataDirInUseError, claim_data_dir
try:
    lock = claim_data_dir(Path(sys.argv[1]))
except DataDirInUseError as exc:
    print("in use:", exc.user_text(), flush=True)
else:
    print("claimed", flush=True)
    lock.release()
"""


def _start_holder(data: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"
    return holder


def _probe(data: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(data)], capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.strip()


def test_second_process_is_told_who_owns_the_data_dir(tmp_path: Path) -> None:
    holder = _start_holder(tmp_path)
    try:
        answer = _probe(tmp_path)
        assert answer.startswith("in use: Kyoto Desk is already running")
        assert f"(process {holder.pid})" in answer
        assert "--data-dir" in answer
    finally:
        holder.communicate("\n", timeout=60)
    assert holder.returncode == 0
    assert _probe(tmp_path) == "claimed"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_lock_of_a_killed_owner_is_free_again(tmp_path: Path) -> None:
    holder = _start_holder(tmp_path)
    os.kill(holder.pid, signal.SIGKILL)
    holder.communicate(timeout=60)
    assert holder.returncode == -signal.SIGKILL
    assert (tmp_path / "kyoto-desk.lock").exists()  # the stale file is there, yet does not block
    assert _probe(tmp_path) == "claimed"


def test_release_lets_the_next_one_in_and_is_idempotent(tmp_path: Path) -> None:
    first = InstanceLock(tmp_path)
    assert first.acquire()
    assert first.acquire()  # asking again while holding it is fine
    assert first.owner_pid() == os.getpid()
    second = InstanceLock(tmp_path)
    assert not second.acquire()
    first.release()
    first.release()
    assert not first.held
    with pytest.raises(DataDirInUseError), claim_data_dir(tmp_path), claim_data_dir(tmp_path):
        pass
    with claim_data_dir(tmp_path) as lock:
        assert lock.held
    assert not lock.held
    assert lock.owner_pid() is None


def test_lock_creates_a_missing_data_dir(tmp_path: Path) -> None:
    data = tmp_path / "new" / "data"
    with claim_data_dir(data) as lock:
        assert lock.path == data / "kyoto-desk.lock"
        assert lock.held
