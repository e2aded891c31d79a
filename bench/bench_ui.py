"""UI benchmark: process start to a painted comparison, and re-render after a filter change.

Run as `python bench/bench_ui.py` (offscreen). The texts are the bundled Kyoto Declaration and its
SYNTHETIC revision from tests/ui/synthetic.py (~100 units each). Each start-up figure is the median of
several fresh subprocesses, on a fresh data directory and on one whose database exists (the pins are
then read, which loads SQLAlchemy and Alembic); the baseline, measured in the same run, is process
start to an empty QMainWindow painted. Results go to bench/results/ui.json.

The annotations figures (issue 5): 10,000 SYNTHETIC annotations on Kyoto's paragraphs, loaded from
the store and shown in the panel (the window's own load function, the model, the table painted, the
highlights of both panes), against the store-only load of the same rows in the same run; and one
annotation added through the undoable UI command (store write, panel and highlights updated),
against the store-only add of one annotation in its own transaction.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from results_io import save_results

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "ui.json"
RUNS = 7
FILTER_ROUNDS = 40
LARGE = 5
ANNOTATIONS = 10_000
ANNOTATION_RUNS = 7
ADD_RUNS = 25


def child_empty() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 900)
    window.show()
    window.grab()  # forces a full paint of the window
    app.processEvents()
    print(time.time())


def _window() -> tuple[object, object]:
    from PySide6.QtCore import QSettings

    from kyoto_desk.app import make_application
    from kyoto_desk.ui.main_window import MainWindow
    from kyoto_desk.ui.settings import WindowSettings

    app = make_application()
    data = Path(os.environ.get("KYOTO_DESK_DATA") or tempfile.mkdtemp(prefix="kyoto-desk-bench-"))
    settings = WindowSettings(QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(data, settings)
    window.resize(1400, 900)
    window.show()
    return app, window


def _repeated(times: int, revised: bool) -> object:
    """SYNTHETIC: Kyoto's operative paragraphs `times` over (each copy under a part heading), renumbered."""
    from kyoto_desk.core.build import UnitSpec, build_document, specs_of
    from kyoto_desk.core.model import DocumentInfo, UnitKind
    from tests.ui.synthetic import kyoto, revised_kyoto

    base = revised_kyoto(kyoto()) if revised else kyoto()
    specs, number = [], 0
    for part in range(times):
        for spec in specs_of(base):
            if spec.kind is UnitKind.OPERATIVE:
                number += 1
                specs.append(
                    UnitSpec(
                        str(number), spec.text, spec.kind, f"{number}.", (f"Part {part + 1}", *spec.headings)
                    )
                )
    name = f"synthetic-{'new' if revised else 'old'}-x{times}"
    return build_document(specs, DocumentInfo(title=f"SYNTHETIC TEST TEXT {name}", alias=name))


def _compare(app: object, window: object, times: int = 1) -> None:
    from tests.ui.synthetic import kyoto, revised_kyoto

    if times == 1:
        old = kyoto()
        window.compare(old, revised_kyoto(old))  # type: ignore[attr-defined]
    else:
        window.compare(_repeated(times, False), _repeated(times, True))  # type: ignore[attr-defined]
    from PySide6.QtCore import QEventLoop

    # Wait as the real event loop does (sleeping until an event comes): a busy loop here would
    # fight the comparison thread for the GIL and measure itself.
    while window.controller.busy or window.presentation is None:  # type: ignore[attr-defined]
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # type: ignore[attr-defined]


def child_compare() -> None:
    app, window = _window()
    _compare(app, window)
    window.grab()  # type: ignore[attr-defined]
    print(time.time())


def filter_rerender(times: int = 1) -> dict[str, float]:
    """Median time to apply a filter and repaint both panes, against a repaint alone."""
    from kyoto_desk.ui.comparison_view import RowFilter

    app, window = _window()
    _compare(app, window, times)
    view = window.view  # type: ignore[attr-defined]
    kinds = ["changed", "all", "added", "all", "removed", "all"]
    filtered, plain = [], []
    for round_ in range(FILTER_ROUNDS):
        started = time.perf_counter()
        view.set_filter(RowFilter(kinds[round_ % len(kinds)]))
        view.old_pane.viewport().repaint()
        view.new_pane.viewport().repaint()
        view.gutter.repaint()
        filtered.append(time.perf_counter() - started)
        started = time.perf_counter()
        view.old_pane.viewport().repaint()
        view.new_pane.viewport().repaint()
        view.gutter.repaint()
        plain.append(time.perf_counter() - started)
    window.close()  # type: ignore[attr-defined]
    return {"filter_ms": statistics.median(filtered) * 1000, "repaint_ms": statistics.median(plain) * 1000}


def _fill_store(window: object, count: int) -> None:
    """SYNTHETIC annotations spread over the older text's paragraphs, written in one transaction."""
    import random

    from kyoto_desk.core.annotation import DEFAULT_STANCES, TextPosition, key_of, new_annotation
    from kyoto_desk.store.annotations import add_annotation

    rng = random.Random(5)
    document = window.presentation.old.document  # type: ignore[attr-defined]
    key, units = key_of(document), [u for u in document.units if len(u.text) > 60]
    themes = ("corruption", "terrorism", "cybercrime", "youth", "victims")
    with window.store().session() as session:  # type: ignore[attr-defined]
        for n in range(count):
            unit = rng.choice(units)
            start = rng.randrange(0, len(unit.text) - 50)
            annotation = new_annotation(
                key, unit.id, unit.text, TextPosition(start, start + rng.randint(5, 50)),
                note=f"SYNTHETIC note {n}", stance=rng.choice(DEFAULT_STANCES),
                themes=tuple(rng.sample(themes, rng.randint(0, 2))), author=f"Delegate {n % 7}",
            )  # fmt: skip
            add_annotation(session, annotation)


def _timed(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def annotations_bench() -> dict[str, float]:
    """Median load-and-show of 10,000 annotations and one UI add, each with its store-only baseline."""
    from kyoto_desk.core.annotation import TextPosition, key_of, new_annotation
    from kyoto_desk.ui.annotation_controller import load_all

    app, window = _window()
    _compare(app, window)
    w: Any = window
    _fill_store(w, ANNOTATIONS)
    store = w.store()
    panel = w.annotation_panel

    def load_and_show() -> None:
        loaded = load_all(store)
        w.annotations.show_loaded(loaded)  # what the background task's result does on the GUI thread
        panel.table.viewport().repaint()
        w.view.old_pane.viewport().repaint()

    store_only = _timed(lambda: load_all(store), ANNOTATION_RUNS)
    shown = _timed(load_and_show, ANNOTATION_RUNS)
    assert panel.model.rowCount() == ANNOTATIONS
    document = w.presentation.old.document
    unit = document.unit("12")
    key = key_of(document)

    def fresh() -> Any:
        return new_annotation(key, "12", unit.text, TextPosition(0, 20), note="SYNTHETIC added")

    adds = _adds(w, store, fresh)
    window.close()  # type: ignore[attr-defined]
    return {"store_load_s": store_only, "load_and_show_s": shown, **adds}


def _adds(w: Any, store: Any, fresh: Callable[[], Any]) -> dict[str, float]:
    """Median add of one annotation: store only, then through the window's undoable command."""
    from kyoto_desk.store.annotations import add_annotation, delete_annotation

    baseline_add = []
    for _ in range(ADD_RUNS):
        annotation = fresh()
        started = time.perf_counter()
        with store.session() as session:
            add_annotation(session, annotation)
        baseline_add.append(time.perf_counter() - started)
        with store.session() as session:
            delete_annotation(session, annotation.id)
    ui_times = []
    for _ in range(ADD_RUNS):
        started = time.perf_counter()
        w.annotations.add(fresh())
        ui_times.append(time.perf_counter() - started)
        w.controller.undo_stack.undo()  # back to 10,000 for the next run
    return {
        "store_add_ms": statistics.median(baseline_add) * 1000,
        "ui_add_ms": statistics.median(ui_times) * 1000,
    }


def _data_dir(with_database: bool) -> str:
    data = tempfile.mkdtemp(prefix="kyoto-desk-bench-")
    if with_database:
        from kyoto_desk.store.db import open_store

        open_store(Path(data)).close()
    return data


def _startup(mode: str, *, with_database: bool = False) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["PYTHONPATH"] = str(ROOT)
    env["KYOTO_DESK_DATA"] = _data_dir(with_database)
    started = time.time()
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), mode],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    return float(out.strip().splitlines()[-1]) - started


def main() -> int:
    if len(sys.argv) > 1:
        if sys.argv[1] == "--annotations":  # only the annotations figures, printed
            print(json.dumps(annotations_bench(), indent=2))
            return 0
        {"--empty": child_empty, "--compare": child_compare}[sys.argv[1]]()
        return 0
    _startup("--compare")  # warm the disk cache once; not counted
    empty = [_startup("--empty") for _ in range(RUNS)]
    painted = [_startup("--compare") for _ in range(RUNS)]
    painted_db = [_startup("--compare", with_database=True) for _ in range(RUNS)]
    rerender = filter_rerender()
    large = filter_rerender(LARGE)
    notes = annotations_bench()
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    result = {
        "machine": f"{platform.machine()} {os.cpu_count()} CPUs, Python {platform.python_version()}",
        # Other work on the machine slows every figure alike; the ratios to the baselines do not move.
        "load_average_1min_at_end": round(load[0], 2),
        "texts": "Kyoto Declaration (101 units) vs SYNTHETIC revision (102 units)",
        "runs": RUNS,
        "start_to_empty_window_s": round(statistics.median(empty), 3),
        "start_to_painted_comparison_s": round(statistics.median(painted), 3),
        "ratio_to_empty_window": round(statistics.median(painted) / statistics.median(empty), 2),
        "start_to_painted_comparison_with_database_s": round(statistics.median(painted_db), 3),
        "target_start_to_painted_s": 2.0,
        "filter_rounds": FILTER_ROUNDS,
        "filter_change_rerender_ms": round(rerender["filter_ms"], 2),
        "repaint_only_ms": round(rerender["repaint_ms"], 2),
        "ratio_filter_to_repaint": round(rerender["filter_ms"] / max(rerender["repaint_ms"], 1e-6), 2),
        "target_filter_rerender_ms": 100.0,
        "large_texts": f"SYNTHETIC: Kyoto's operative paragraphs x{LARGE} (about 485 against 490 units)",
        "large_filter_change_rerender_ms": round(large["filter_ms"], 2),
        "large_repaint_only_ms": round(large["repaint_ms"], 2),
        "annotations": ANNOTATIONS,
        "annotations_store_load_s": round(notes["store_load_s"], 3),
        "annotations_load_and_show_in_panel_s": round(notes["load_and_show_s"], 3),
        "ratio_show_to_store_load": round(notes["load_and_show_s"] / notes["store_load_s"], 2),
        "target_annotations_load_and_show_s": 0.5,
        "annotation_store_add_ms": round(notes["store_add_ms"], 2),
        "annotation_add_through_ui_command_ms": round(notes["ui_add_ms"], 2),
        "target_annotation_add_ms": 20.0,
    }
    save_results(RESULTS, result)
    for key, value in result.items():
        print(f"{key:32} {value}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
