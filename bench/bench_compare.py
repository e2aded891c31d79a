"""Speed of the whole comparison (align, word diffs, agreed language, themes), against difflib.

Run from the repository root: `python bench/bench_compare.py`. Prints a table and writes
`bench/results/compare.json`. Texts: the bundled Kyoto Declaration (101 units) against a generated
revision, and larger pairs built from generated revisions of it (about 400, 1,000 and 1,600 units a
side). The baseline, timed in the same run on the same pairs, is what a plain tool does: one
`difflib.SequenceMatcher` (autojunk off) over the words of the whole texts.
"""

from __future__ import annotations

import difflib
import json
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

from kyoto_desk.core.build import build_document, specs_of  # noqa: E402
from kyoto_desk.core.compare import compare_documents  # noqa: E402
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


def median_seconds(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median CPU time of this process and median wall time of `runs` calls, after one warm-up.

    CPU time is the headline: on a machine shared with other jobs, wall time measures the neighbours.
    """
    work()  # warm-up: imports, caches of word forms
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


def measure(old: Document, new: Document, runs: int) -> dict[str, float]:
    lexicon = load_lexicon()
    ours, ours_wall = median_seconds(lambda: compare_documents(old, new, lexicon=lexicon), runs)
    base, base_wall = median_seconds(lambda: difflib_baseline(old, new), runs)
    return {
        "old_units": len(old),
        "new_units": len(new),
        "runs": runs,
        "median_s": ours,
        "difflib_median_s": base,
        "ratio_to_difflib": ours / base,
        "wall_median_s": ours_wall,
        "difflib_wall_median_s": base_wall,
    }


def growth_exponent(points: list[dict[str, float]]) -> float:
    """Least-squares slope of log(time) against log(units)."""
    xs = [math.log(p["old_units"] + p["new_units"]) for p in points]
    ys = [math.log(p["median_s"]) for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> int:
    kyoto = load_bundled("kyoto").declaration()
    small = make_revision(kyoto, "mixed", 1)
    rows = {"kyoto_vs_revision": measure(small.old, small.new, runs=21)}
    growth = []
    for copies, runs in ((1, 11), (4, 5), (16, 3)):
        old = scaled(kyoto, copies)
        new = make_revision(old, "mixed", 7).new
        growth.append(measure(old, new, runs))
    big_old = scaled(kyoto, 10)
    rows["1000x1000"] = measure(big_old, make_revision(big_old, "mixed", 11).new, runs=5)
    worst = repeated(kyoto, 4)
    rows["repeated x4 (worst case)"] = measure(worst, make_revision(worst, "mixed", 13).new, runs=3)
    exponent = growth_exponent(growth)
    print("median CPU time of the whole comparison (align, diffs, agreed language, themes)")
    print(f"{'pair':<26}{'units':>11}{'median':>12}{'difflib':>12}{'ratio':>8}{'wall':>12}")
    for name, row in [*rows.items(), *((f"growth {i}x", g) for i, g in zip((1, 4, 16), growth, strict=True))]:
        units = f"{row['old_units']}x{row['new_units']}"
        print(
            f"{name:<26}{units:>11}{row['median_s'] * 1000:>10.1f}ms"
            f"{row['difflib_median_s'] * 1000:>10.1f}ms{row['ratio_to_difflib']:>8.2f}"
            f"{row['wall_median_s'] * 1000:>10.1f}ms"
        )
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
            "kyoto": rows["kyoto_vs_revision"]["median_s"] * 1000 < TARGET_SMALL_MS,
            "large": rows["1000x1000"]["median_s"] < TARGET_LARGE_S,
            "growth": exponent <= TARGET_EXPONENT,
        },
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    temp = RESULTS.with_suffix(".json.part")
    temp.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    temp.replace(RESULTS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
