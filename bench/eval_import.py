"""Import fidelity and speed: generated files of known text through the importer, against plain extraction.

Run from the repository root: `python bench/eval_import.py`. Prints a table and writes
`bench/results/eval_import.json`. Data: the SYNTHETIC test text and the bundled Kyoto text, rendered
by the test fixture builders (tests/sources/) as UN-layout PDFs (clean, noisy, and set in the standard
Times faces with plain footnote numbers, as Word's PDF export does), DOCX with Word footnotes, and HTML
pages. Measures, per file: word error rate (WER) of the importer's text against
the known text, markup included; share of parsed units equal to the source units (id, text, italics);
and the WER of a plain baseline on the same file with italics marks removed from both sides
(pdfplumber `extract_text()` per page; python-docx paragraph texts; the HTML reader's text without
clean-up is not a separate path, so HTML has no baseline). Speed: median of 3 runs of the importer
and of the baseline, measured in the same run, and their ratio.
"""

from __future__ import annotations

import io
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the fixture builders live in tests/

import docx  # noqa: E402
import pdfplumber  # noqa: E402

from kyoto_desk.core.parser import parse_text  # noqa: E402
from kyoto_desk.sources.importer import parse_imported, read_bytes  # noqa: E402
from tests.sources.conftest import BUILDERS, TEXTS  # noqa: E402
from tests.sources.fidelity import word_error_rate  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "eval_import.json"
RUNS = 3


def pdf_baseline(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def docx_baseline(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


BASELINES: dict[str, Callable[[bytes], str]] = {
    "pdf": pdf_baseline,
    "pdf-noisy": pdf_baseline,
    "pdf-times": pdf_baseline,
    "docx": docx_baseline,
}


def median_seconds(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def evaluate(text_name: str, kind: str) -> dict[str, object]:
    doc = TEXTS[text_name]()
    data = BUILDERS[kind](doc)
    expected = doc.expected_text()
    imported = read_bytes(data)
    want = [(u.id, u.text, u.emphasis) for u in parse_text(expected).units]
    got = [(u.id, u.text, u.emphasis) for u in parse_imported(imported).units]
    equal = sum(1 for a, b in zip(want, got, strict=False) if a == b)
    row: dict[str, object] = {
        "text": text_name,
        "format": kind,
        "bytes": len(data),
        "words": len(expected.split()),
        "wer": word_error_rate(expected, imported.text),
        "units": len(want),
        "units_equal": equal / len(want) if len(want) == len(got) else equal / max(len(want), len(got)),
        "import_s": median_seconds(lambda: read_bytes(data)),
    }
    baseline = BASELINES.get(kind)
    if baseline is not None:
        plain = expected.replace("*", "")
        row["baseline_wer"] = word_error_rate(plain, baseline(data).replace("*", ""))
        row["baseline_s"] = median_seconds(lambda: baseline(data))
        row["time_ratio"] = float(row["import_s"]) / float(row["baseline_s"])  # type: ignore[arg-type]
    return row


def main() -> int:
    rows = [evaluate(t, k) for t in TEXTS for k in BUILDERS]
    columns = ("words", "WER", "units eq", "base WER", "import s", "ratio")
    print(f"{'text':<10} {'format':<10} " + " ".join(f"{c:>9}" for c in columns))
    for r in rows:
        base = f"{r['baseline_wer']:.2%}" if "baseline_wer" in r else "-"
        ratio = f"{r['time_ratio']:.2f}" if "time_ratio" in r else "-"
        print(
            f"{r['text']:<10} {r['format']:<10} {r['words']:>9} {r['wer']:>9.2%} {r['units_equal']:>9.1%} "
            f"{base:>9} {r['import_s']:>9.3f} {ratio:>9}"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"runs": RUNS, "rows": rows}, indent=2) + "\n", encoding="utf-8")
    worst = max(float(r["wer"]) for r in rows)  # type: ignore[arg-type]
    return 0 if worst < 0.005 else 1


if __name__ == "__main__":
    sys.exit(main())
