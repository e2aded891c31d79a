"""Speed of paragraph alignment (`align_units`) against the plain difflib aligner, in the same run.

Run from the repository root: `python bench/bench_align.py`. Prints a table and writes
`bench/results/align.json`. Pairs: the bundled Kyoto Declaration (101 units) against a generated
revision; for growth, texts of 1x, 4x and 16x that size (different light revisions of Kyoto one after
the other) against a mixed revision of them; and a 1,000 x 1,000 pair. Every run starts with an empty
text cache (the profile of each paragraph is computed again); the word-level caches of the lexicon stay
warm, as they do in a running app after its first comparison.

The baseline is the difflib aligner of tests/core/gold/scoring.py: SequenceMatcher ratio (autojunk
off) on the words of every pair of units, greedy one-to-one above 0.5. It is all-pairs, so it is timed
at 1x and 4x only and its 16x time is projected from its own growth.
"""

from __future__ import annotations

import math
import os
import platform
import re
import statistics
import sys
import time
import zlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the revision generator and the baseline live in tests/

from results_io import save_results  # noqa: E402 - bench/ is the script's folder

from kyoto_desk.core.align import align_units  # noqa: E402
from kyoto_desk.core.build import build_document, specs_of  # noqa: E402
from kyoto_desk.core.model import Document, DocumentInfo  # noqa: E402
from kyoto_desk.core.similarity import clear_text_cache  # noqa: E402
from kyoto_desk.sources.bundled import load_bundled  # noqa: E402
from tests.core.gold.scoring import difflib_align  # noqa: E402
from tests.core.revisions import make_revision  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "align.json"
GROWTH = ((1, 9), (4, 5), (16, 3))  # (copies of Kyoto, runs)
BASELINE_UP_TO = 4  # copies; all-pairs difflib beyond that takes minutes


def median_seconds(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds of `runs` cold runs (CPU time is what to compare on a
    machine shared with other work: it does not count the time other processes hold the cores)."""
    work()  # warm-up: imports and the lexicon's word caches
    wall, cpu = [], []
    for _ in range(runs):
        clear_text_cache()
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def scaled(base: Document, copies: int) -> Document:
    """A text `copies` times the size of `base`: light revisions of it one after the other, each copy
    after the first speaking its own dialect (half of its longer words swapped for copy-specific
    pseudo-words), so that the long text has the spread of vocabulary of a real long text instead of
    every paragraph recurring `copies` times."""
    specs = []
    for copy in range(copies):
        revision = base if copy == 0 else make_revision(base, "light", 1000 + copy).new
        for spec in specs_of(revision):
            text = dialect(spec.text, copy) if copy else spec.text
            specs.append(replace(spec, id=f"{spec.id}-c{copy}" if copy else spec.id, text=text, parent=None))
    return build_document(specs, DocumentInfo(title=f"Kyoto x{copies} (SYNTHETIC)"))


def dialect(text: str, copy: int) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        digest = zlib.crc32(f"{copy}:{word.lower()}".encode())
        return word if digest % 2 else f"{word[:3]}{digest % 99991:x}"

    return re.sub(r"[A-Za-z]{6,}", swap, text)


def measure(old: Document, new: Document, runs: int, baseline: bool) -> dict[str, float | int | None]:
    ours, ours_cpu = median_seconds(lambda: align_units(old, new), runs)
    base, base_cpu = (
        median_seconds(lambda: difflib_align(old, new), max(1, runs // 3)) if baseline else (None, None)
    )
    return {
        "old_units": len(old),
        "new_units": len(new),
        "runs": runs,
        "median_s": ours,
        "cpu_median_s": ours_cpu,
        "difflib_median_s": base,
        "difflib_cpu_median_s": base_cpu,
        "ratio_to_difflib": ours_cpu / base_cpu if base_cpu else None,
    }


def growth_exponent(sizes: list[float], seconds: list[float]) -> float:
    """Least-squares slope of log(time) against log(units)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def print_table(rows: dict[str, dict[str, float | int | None]]) -> None:
    print(f"{'pair':<20}{'units':>12}{'align wall':>13}{'align cpu':>12}{'difflib cpu':>13}{'ratio':>8}")
    for name, row in rows.items():
        base, ratio = row["difflib_cpu_median_s"], row["ratio_to_difflib"]
        wall, cpu = float(row["median_s"] or 0) * 1000, float(row["cpu_median_s"] or 0) * 1000
        units = f"{row['old_units']}x{row['new_units']}"
        baseline = f"{float(base) * 1000:>11.1f}ms{float(ratio or 0):>8.3f}" if base else f"{'-':>13}{'-':>8}"
        print(f"{name:<20}{units:>12}{wall:>11.1f}ms{cpu:>10.1f}ms{baseline}")


def main() -> int:
    kyoto = load_bundled("kyoto").declaration()
    small = make_revision(kyoto, "mixed", 1)
    rows = {"kyoto vs revision": measure(small.old, small.new, runs=21, baseline=True)}
    for copies, runs in GROWTH:
        old = scaled(kyoto, copies)
        rows[f"growth {copies}x"] = measure(
            old, make_revision(old, "mixed", 7).new, runs, copies <= BASELINE_UP_TO
        )
    big = scaled(kyoto, 10)
    rows["1000 x 1000"] = measure(big, make_revision(big, "mixed", 11).new, runs=3, baseline=False)
    growth = [rows[f"growth {c}x"] for c, _ in GROWTH]
    sizes = [float(r["old_units"] or 0) + float(r["new_units"] or 0) for r in growth]
    # CPU time: on a shared machine wall-clock time also counts the time other processes hold the cores.
    exponent = growth_exponent(sizes, [float(r["cpu_median_s"] or 0) for r in growth])
    measured = [
        (s, float(r["difflib_cpu_median_s"]))
        for s, r in zip(sizes, growth, strict=True)
        if r["difflib_cpu_median_s"]
    ]
    base_exponent = growth_exponent([s for s, _ in measured], [t for _, t in measured])
    projected = measured[-1][1] * (sizes[-1] / measured[-1][0]) ** base_exponent
    print_table(rows)
    print(f"align growth exponent (CPU time) over 1x, 4x, 16x: {exponent:.2f} (target <= 1.3)")
    print(f"difflib growth exponent over 1x, 4x: {base_exponent:.2f}; projected 16x: {projected:.0f} s")
    report = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average_1min": os.getloadavg()[0],
        "pairs": rows,
        "growth_exponent": exponent,
        "difflib_growth_exponent": base_exponent,
        "difflib_projected_16x_s": projected,
    }
    save_results(RESULTS, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
