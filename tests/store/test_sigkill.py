"""Killing a writer at random moments loses at most the action in flight and never corrupts the file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from contextlib import closing
from pathlib import Path

from kyoto_desk.store.annotations import list_annotations
from kyoto_desk.store.db import DB_NAME, open_store

ROWS_PER_ACTION = 3
ITERATIONS = 12

# Each action adds three annotations noted with the same action number, in one transaction.
WRITER = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from kyoto_desk.core.annotation import new_annotation
    from kyoto_desk.store.annotations import add_annotation
    from kyoto_desk.store.db import open_store

    store = open_store(Path(sys.argv[1]))
    sys.stdout.write("ready\\n")
    sys.stdout.flush()
    action = 0
    while True:
        action += 1
        tag = sys.argv[2] + "-" + str(action)
        with store.session() as session:
            for _ in range({ROWS_PER_ACTION}):
                add_annotation(session, new_annotation("k", "1", "SYNTHETIC TEST TEXT " * 20, note=tag))
    """
)


def _kill_writer_at_random(data: Path, run: int, rng: random.Random) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data), str(run)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.25))
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        if writer.stdout is not None:
            writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL


def test_sigkill_loop_keeps_database_whole(tmp_path: Path) -> None:
    rng = random.Random(20210307)
    for run in range(ITERATIONS):
        _kill_writer_at_random(tmp_path, run, rng)
        with closing(sqlite3.connect(tmp_path / DB_NAME)) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    store = open_store(tmp_path)
    try:
        with store.session() as session:
            annotations = list_annotations(session)
    finally:
        store.close()
    per_action: dict[str, int] = {}
    for annotation in annotations:
        per_action[annotation.note] = per_action.get(annotation.note, 0) + 1
    assert len(per_action) > ITERATIONS  # the writers did commit work before being killed
    assert set(per_action.values()) == {ROWS_PER_ACTION}  # no half-written action
