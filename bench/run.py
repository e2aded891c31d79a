"""Run every benchmark and evaluation in bench/ with one command: `python bench/run.py [NAME ...]`.

Each script prints its own table and writes `bench/results/<name>.json`; this runner calls them one
after another (never in parallel: they measure time on a shared machine) and reports which failed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def scripts(names: list[str]) -> list[Path]:
    found = sorted([*BENCH.glob("bench_*.py"), *BENCH.glob("eval_*.py")])
    if names:
        found = [p for p in found if any(n in p.stem for n in names)]
    return found


def main(argv: list[str]) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    failed: list[str] = []
    for script in scripts(argv):
        sys.stdout.write(f"\n=== {script.name} ===\n")
        sys.stdout.flush()
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(script)], cwd=BENCH.parent, env=env)
        sys.stdout.write(f"--- {script.name}: exit {code} in {time.perf_counter() - started:.1f} s\n")
        if code:
            failed.append(script.name)
    if failed:
        sys.stdout.write("Failed: " + ", ".join(failed) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
