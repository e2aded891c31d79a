"""Speed of the whole comparison (align, word diffs, agreed language, themes), against difflib.

Run from the repository root: `python bench/bench_compare.py`. Prints a table and writes
`bench/results/compare.json`. Texts: the bundled Kyoto Declaration (101 units) against a generated
revision, and larger pairs built from generated revisions of it (about 400, 1,000 and 1,600 units a
side). The baseline, timed in the same run on the same pairs, is what a plain tool does: one
`difflib.SequenceMatcher` (autojunk off) over the words of the whole texts.
"""

from __future__ import annotations

import difflib
import math
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
sys.path.insert(0, str(ROOT))  # the revision generator lives in tests/, beside the package

from results_io import save_results  # noqa: E402 - bench/ is the script's folder

from kyoto_desk.core.build import build_document, specs_of  # noqa: E402
from kyoto_desk.core.compare import clear_caches, compare_documents  # noqa: E402
from kyoto_desk.core.model import Document, DocumentInfo  # noqa: E402
from kyoto_desk.core.themes import load_lexicon  # noqa: E402
from kyoto_desk.sources.bundled import load_bundled  # noqa: E402
from tests.core.revisions import make_revision  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "compare.json"
WORD = re.compile(r"\w+|[^\w\s]")
TARGET_SMALL_MS = 50.0
TARGET_LARGE_S = 2.0
TARGET_EXPONENT = 1.3
SYLLABLES = ("ka", "lo", "mi", "nu", "re", "sa", "ti", "vo", "wu", "ze", "bi", "do", "fe", "gu", "ha", "jo")


def median_seconds(work: Callable[[], object], runs: int, *, warm_up: bool = True) -> tuple[float, float]:
    """Median CPU time of this process and median wall time of `runs` calls, after one warm-up.

    CPU time is the headline: on a machine shared with other jobs, wall time measures the neighbours.
    """
    if warm_up:
        work()  # imports, caches of word forms
    cpu, wall = [], []
    for _ in range(runs):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        work()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return statistics.median(cpu), statistics.median(wall)


def _dialect(text: str, copy: int) -> str:
    """The text with about 80% of its longer words respelt for this copy, deterministically.

    Copies of one declaration would otherwise repeat every paragraph word for word, which no real
    text does; respelling keeps the length, the structure and the short function words.
    """

    def respell(match: re.Match[str]) -> str:
        word = match.group()
        if len(word) < 4 or zlib.crc32(f"{word}/{copy}".encode()) % 5 == 0:
            return word
        return f"{word}{SYLLABLES[copy % len(SYLLABLES)]}"

    return re.sub(r"[A-Za-z]+", respell, text)


def scaled(base: Document, copies: int) -> Document:
    """`copies` different revisions of `base` in a row, respelt per copy, ids unique per copy."""
    specs = []
    for copy in range(copies):
        revision = base if copy == 0 else make_revision(base, "light", 1000 + copy).new
        for spec in specs_of(revision):
            renamed = f"{spec.id}-c{copy}"
            specs.append(
                replace(spec, id=renamed, parent=None, text=_dialect(spec.text, copy)) if copy else spec
            )
    return build_document(specs, DocumentInfo(title=f"Kyoto x{copies} (SYNTHETIC)"))


def repeated(base: Document, copies: int) -> Document:
    """The worst case for agreed language: `copies` word-for-word copies of `base`."""
    specs = [replace(s, id=f"{s.id}-c{c}", parent=None) for c in range(copies) for s in specs_of(base)]
    return build_document(specs, DocumentInfo(title=f"Kyoto repeated x{copies} (SYNTHETIC)"))


def difflib_baseline(old: Document, new: Document) -> None:
    a = [w for u in old.units for w in WORD.findall(u.text)]
    b = [w for u in new.units for w in WORD.findall(u.text)]
    difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def measure(old: Document, new: Document, runs: int, difflib_runs: int) -> dict[str, float | None]:
    """Our median and difflib's; difflib_runs=0 skips the baseline where it would take many minutes."""
    lexicon = load_lexicon()

    def cold() -> None:
        clear_caches()  # every timed run starts without remembered words of earlier runs
        compare_documents(old, new, lexicon=lexicon)

    ours, ours_wall = median_seconds(cold, runs)
    base = base_wall = None
    if difflib_runs:
        base, base_wall = median_seconds(lambda: difflib_baseline(old, new), difflib_runs, warm_up=False)
    return {
        "old_units": len(old),
        "new_units": len(new),
        "runs": runs,
        "median_s": ours,
        "wall_median_s": ours_wall,
        "difflib_runs": difflib_runs,
        "difflib_median_s": base,
        "difflib_wall_median_s": base_wall,
        "ratio_to_difflib": ours / base if base else None,
    }


def show(name: str, row: dict[str, float | None]) -> None:
    def ms(value: float | None) -> str:
        return f"{value * 1000:>10.1f}ms" if value is not None else f"{'skipped':>12}"

    ratio = f"{row['ratio_to_difflib']:>8.3f}" if row["ratio_to_difflib"] is not None else f"{'-':>8}"
    units = f"{row['old_units']}x{row['new_units']}"
    print(
        f"{name:<26}{units:>11}{ms(row['median_s'])}{ms(row['difflib_median_s'])}{ratio}{ms(row['wall_median_s'])}"
    )
    sys.stdout.flush()


def growth_exponent(points: list[dict[str, float | None]]) -> float:
    """Least-squares slope of log(time) against log(units)."""
    xs = [math.log(float(p["old_units"] or 0) + float(p["new_units"] or 0)) for p in points]
    ys = [math.log(float(p["median_s"] or 0)) for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> int:
    kyoto = load_bundled("kyoto").declaration()
    print("median CPU time of the whole comparison (align, diffs, agreed language, themes)")
    print(f"{'pair':<26}{'units':>11}{'median':>12}{'difflib':>12}{'ratio':>8}{'wall':>12}")
    small = make_revision(kyoto, "mixed", 1)
    rows = {"kyoto_vs_revision": measure(small.old, small.new, runs=21, difflib_runs=5)}
    show("kyoto vs revision", rows["kyoto_vs_revision"])
    lexicon = load_lexicon()
    warm, warm_wall = median_seconds(lambda: compare_documents(small.old, small.new, lexicon=lexicon), 21)
    rows["kyoto_vs_revision"]["warm_median_s"] = warm
    print(f"{'  again (warm caches)':<26}{'':>11}{warm * 1000:>10.1f}ms{'':>20}{warm_wall * 1000:>10.1f}ms")
    growth = []
    # difflib over whole texts is quadratic here (common words, autojunk off): ~5 s at 4x, ~1 min at
    # 10x, so it is timed once at 4x and 10x and skipped at 16x.
    for copies, runs, difflib_runs in ((1, 11, 3), (4, 5, 1), (16, 3, 0)):
        old = scaled(kyoto, copies)
        growth.append(measure(old, make_revision(old, "mixed", 7).new, runs, difflib_runs))
        show(f"growth {copies}x", growth[-1])
    big_old = scaled(kyoto, 10)
    rows["1000x1000"] = measure(big_old, make_revision(big_old, "mixed", 11).new, runs=5, difflib_runs=1)
    show("1000x1000", rows["1000x1000"])
    worst = repeated(kyoto, 4)
    rows["repeated_x4_worst_case"] = measure(worst, make_revision(worst, "mixed", 13).new, 3, 0)
    show("repeated x4 (worst case)", rows["repeated_x4_worst_case"])
    exponent = growth_exponent(growth)
    print(f"growth exponent over 1x, 4x, 16x: {exponent:.2f} (target <= {TARGET_EXPONENT})")
    report = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "pairs": rows,
        "growth": growth,
        "growth_exponent": exponent,
        "targets": {
            "kyoto_median_ms": TARGET_SMALL_MS,
            "large_median_s": TARGET_LARGE_S,
            "growth_exponent": TARGET_EXPONENT,
        },
        "met": {
            "kyoto": float(rows["kyoto_vs_revision"]["median_s"] or 0) * 1000 < TARGET_SMALL_MS,
            "large": float(rows["1000x1000"]["median_s"] or 0) < TARGET_LARGE_S,
            "growth": exponent <= TARGET_EXPONENT,
        },
    }
    save_results(RESULTS, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
