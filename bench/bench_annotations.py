"""Time the annotation store: load 10,000 annotations as frozen values, add one, filter and count.

Each figure is the median of repeated runs in a fresh store in a temp directory, next to a baseline
measured in the same run on the same file: the raw sqlite3 module selecting the same rows as
tuples, and inserting one row in its own transaction. Targets (issue 5): load < 0.5 s (the panel's
share is measured by the UI's own benchmark), add one < 20 ms.

Run: python bench/bench_annotations.py   (results in bench/results/annotations.json)
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from results_io import save_results

from kyoto_desk.core.annotation import DEFAULT_STANCES, Annotation, TextPosition, new_annotation
from kyoto_desk.store.annotations import (
    AnnotationFilter,
    add_annotation,
    count_by_stance,
    count_by_theme,
    list_annotations,
)
from kyoto_desk.store.db import Store, open_store

RESULTS = Path(__file__).resolve().parent / "results" / "annotations.json"
COUNT = 10_000
THEMES = ("rule of law", "youth", "gender", "cooperation", "corruption", "cybercrime", "victims")
UNIT = (
    "SYNTHETIC TEST TEXT. We undertake to intensify concerted global efforts to prevent and combat crime. "
    * 3
)


def _median(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _annotation(rng: random.Random) -> Annotation:
    start = rng.randrange(0, len(UNIT) - 40)
    return new_annotation(
        f"{'ab' * 32}:A/SYN/{rng.randint(1, 3)}",
        str(rng.randint(1, 97)),
        UNIT,
        TextPosition(start, start + rng.randint(5, 40)),
        note="SYNTHETIC note " * rng.randint(0, 20),
        stance=rng.choice(DEFAULT_STANCES),
        themes=tuple(rng.sample(THEMES, rng.randint(0, 3))),
        author=rng.choice(("ana", "ben", "chen", "dara")),
    )


def _fill(store: Store, rng: random.Random) -> None:
    with store.session() as session:
        for _ in range(COUNT):
            add_annotation(session, _annotation(rng))


def _add_one(store: Store, rng: random.Random) -> Callable[[], object]:
    def add() -> None:
        with store.session() as session:  # one user action: its own transaction, committed
            add_annotation(session, _annotation(rng))

    return add


def _raw_insert(path: Path) -> Callable[[], object]:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("CREATE TABLE IF NOT EXISTS bench_raw (id TEXT PRIMARY KEY, note TEXT)")
    counter = iter(range(10**9))

    def insert() -> None:
        connection.execute("BEGIN")
        connection.execute("INSERT INTO bench_raw VALUES (?, ?)", (f"raw{next(counter)}", "SYNTHETIC note"))
        connection.execute("COMMIT")

    return insert


def _raw_select(path: Path) -> Callable[[], object]:
    def select() -> list[tuple[object, ...]]:
        with closing(sqlite3.connect(path)) as connection:
            return connection.execute("SELECT * FROM annotations ORDER BY created, id").fetchall()

    return select


def measure() -> dict[str, float]:
    rng = random.Random(76181)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder))
        try:
            _fill(store, rng)

            def load() -> None:
                with store.session() as session:
                    assert len(list_annotations(session)) >= COUNT

            def counts() -> None:
                with store.session() as session:
                    count_by_stance(session)
                    count_by_theme(session)
                    list_annotations(session, AnnotationFilter(theme="youth", text="note"))

            result = {
                "annotations": COUNT,
                "load_all_s": _median(load, 7),
                "baseline_raw_select_s": _median(_raw_select(store.path), 7),
                "add_one_ms": _median(_add_one(store, rng), 101) * 1000,
                "baseline_raw_insert_ms": _median(_raw_insert(store.path), 101) * 1000,
                "counts_and_filter_s": _median(counts, 7),
            }
        finally:
            store.close()
    result["load_ratio_to_baseline"] = result["load_all_s"] / result["baseline_raw_select_s"]
    result["add_ratio_to_baseline"] = result["add_one_ms"] / result["baseline_raw_insert_ms"]
    return {key: round(value, 4) for key, value in result.items()}


def main() -> int:
    result = measure()
    save_results(RESULTS, result)
    for key, value in result.items():
        print(f"{key:>24}: {value}")
    within = result["load_all_s"] < 0.5 and result["add_one_ms"] < 20
    print("targets (load < 0.5 s, add < 20 ms):", "met" if within else "MISSED")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
