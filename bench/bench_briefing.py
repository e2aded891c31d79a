"""Benchmark: the full Word briefing for two ~100-unit texts with 200 annotations (target: under 3 s).

Inputs: the bundled Kyoto Declaration (101 units) and a SYNTHETIC revision of it (kyoto_desk.export.sample),
with 200 generated annotations. Measured in the same run, as a baseline: a plain python-docx document
holding the same paragraphs (both texts, one paragraph per unit) saved the same way. Reports medians and
the ratio briefing / baseline; writes bench/results/briefing.json.
"""

from __future__ import annotations

import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx
from results_io import save_results

from kyoto_desk.core.compare import compare_documents
from kyoto_desk.core.model import Document
from kyoto_desk.export.briefing import export_briefing
from kyoto_desk.export.briefing_options import BriefingOptions
from kyoto_desk.export.sample import sample_annotations, synthetic_revision
from kyoto_desk.sources.bundled import load_bundled

RUNS = 7
ANNOTATIONS = 200
TARGET_SECONDS = 3.0
RESULTS = Path(__file__).resolve().parent / "results" / "briefing.json"


def timed(actions: list[Callable[[], object]], runs: int = RUNS) -> list[list[float]]:
    """Times per action; the actions take turns, so a busy moment of a shared machine hits them alike."""
    for action in actions:
        action()  # warm-up: imports, lexicon, template loading
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for action, spent in zip(actions, times, strict=True):
            started = time.perf_counter()
            action()
            spent.append(time.perf_counter() - started)
    return times


def plain_document(old: Document, new: Document, target: Path) -> None:
    document = docx.Document()
    for unit in (*old.units, *new.units):
        document.add_paragraph(f"{unit.label} {unit.text}")
    document.save(str(target))


def _report(
    export: list[float],
    full: list[float],
    baseline: list[float],
    units: tuple[int, int],
    rows: int,
    comments: int,
    size: int,
) -> dict[str, object]:
    export_median, full_median = statistics.median(export), statistics.median(full)
    baseline_median = statistics.median(baseline)
    return {
        "benchmark": "briefing",
        "inputs": {
            "old_units": units[0],
            "new_units": units[1],
            "annotations": ANNOTATIONS,
            "rows": rows,
            "comments": comments,
            "docx_bytes": size,
        },
        "runs": RUNS,
        "export_median_s": round(export_median, 4),
        "export_runs_s": [round(t, 4) for t in export],
        "compare_and_export_median_s": round(full_median, 4),
        "baseline_plain_docx_median_s": round(baseline_median, 4),
        "ratio_export_to_baseline": round(export_median / baseline_median, 2),
        "target_s": TARGET_SECONDS,
        "meets_target": full_median < TARGET_SECONDS,
        "python": platform.python_version(),
        "machine": platform.platform(),
    }


def main() -> int:
    old = load_bundled("kyoto").declaration()
    new = synthetic_revision(old)
    annotations = sample_annotations(new, ANNOTATIONS)
    comparison = compare_documents(old, new)
    options = BriefingOptions(title="Benchmark briefing", confidentiality="Restricted")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        export, full, baseline = timed(
            [
                lambda: export_briefing(comparison, out / "b.docx", options=options, annotations=annotations),
                lambda: export_briefing(
                    compare_documents(old, new), out / "c.docx", options=options, annotations=annotations
                ),
                lambda: plain_document(old, new, out / "plain.docx"),
            ]
        )
        result = export_briefing(comparison, out / "b.docx", options=options, annotations=annotations)
        size = (out / "b.docx").stat().st_size
    report = _report(export, full, baseline, (len(old), len(new)), result.rows, result.comments, size)
    save_results(RESULTS, report)
    medians = (report["export_median_s"], report["compare_and_export_median_s"])
    print(f"briefing export, {result.rows} rows and {result.comments} comments: median {medians[0]} s")
    print(f"compare + export: median {medians[1]} s (target < {TARGET_SECONDS} s)")
    print(
        f"baseline, {len(old) + len(new)} plain paragraphs: median {report['baseline_plain_docx_median_s']} s"
    )
    print(f"ratio export / baseline: {report['ratio_export_to_baseline']}x -> {RESULTS}")
    return 0 if report["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
