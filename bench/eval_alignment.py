"""Quality of paragraph alignment, for `align_units` and for a plain difflib aligner on the same data.

Run from the repository root: `python bench/eval_alignment.py`. Prints a table and writes
`bench/results/eval_alignment.json`. Data: revisions generated from the bundled Kyoto Declaration
(tests/core/revisions.py: four profiles, eight seeds each), the hand-written gold paraphrases
(tests/core/gold/paraphrases.toml, and the held-out set never used for tuning) under the protocols
of tests/core/gold/scoring.py, and the cross-granularity texts of tests/core/test_align_granularity.py.
The difflib aligner is the one in tests/core/gold/scoring.py (ratio on words, autojunk off, best
one-to-one above 0.5).
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the generator, the gold set and the baseline live in tests/

from results_io import save_results  # noqa: E402 - bench/ is the script's folder

from kyoto_desk.core.align import align_units  # noqa: E402
from kyoto_desk.core.build import build_document  # noqa: E402
from kyoto_desk.core.links import LinkKind  # noqa: E402
from kyoto_desk.sources.bundled import load_bundled  # noqa: E402
from tests.core.gold.scoring import (  # noqa: E402
    BLIND_FILE,
    GOLD_FILE,
    HOLDOUT_FILE,
    Aligner,
    PrecisionRecall,
    difflib_align,
    document,
    isolated,
    load_gold,
    paired,
)
from tests.core.revisions import PROFILES, make_revision, scores  # noqa: E402
from tests.core.test_align_granularity import EXPECTED, NEWER, OLDER  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "eval_alignment.json"
SEEDS = range(8)
ALIGNERS: dict[str, Aligner] = {"align_units": align_units, "difflib": difflib_align}


def revisions(aligner: Aligner) -> dict[str, dict[str, float]]:
    kyoto = load_bundled("kyoto").declaration()
    out: dict[str, dict[str, float]] = {}
    for profile in sorted(PROFILES):
        link_f1: list[float] = []
        unmatched_f1: list[float] = []
        moved_recall: list[float] = []
        for seed in SEEDS:
            pair = make_revision(kyoto, profile, seed)
            alignment = aligner(pair.old, pair.new)
            found = scores(alignment, pair.truth)
            link_f1.append(found[0])
            unmatched_f1.append(found[1])
            moved = {
                o
                for link in alignment.links
                if link.kind is LinkKind.MOVED or "moved" in link.reason
                for o in link.old
            }
            if pair.truth.moved:
                moved_recall.append(len(moved & pair.truth.moved) / len(pair.truth.moved))
        out[profile] = {
            "link_f1_mean": statistics.fmean(link_f1),
            "link_f1_min": min(link_f1),
            "unmatched_f1_mean": statistics.fmean(unmatched_f1),
            "unmatched_f1_min": min(unmatched_f1),
            "moved_recall_mean": statistics.fmean(moved_recall) if moved_recall else 0.0,
        }
    return out


def gold(aligner: Aligner) -> dict[str, dict[str, float]]:
    def row(result: PrecisionRecall) -> dict[str, float]:
        return {"precision": result.precision, "recall": result.recall}

    dev, holdout, blind = load_gold(GOLD_FILE), load_gold(HOLDOUT_FILE), load_gold(BLIND_FILE)
    return {
        "dev paired": row(paired(aligner, dev)),
        "dev document": row(document(aligner, dev)),
        "dev isolated": row(isolated(aligner, dev)),
        "held-out paired": row(paired(aligner, holdout)),
        "held-out document": row(document(aligner, holdout)),
        "held-out isolated": row(isolated(aligner, holdout)),
        "blind paired": row(paired(aligner, blind)),
        "blind document": row(document(aligner, blind)),
        "blind isolated": row(isolated(aligner, blind)),
    }


def granularity(aligner: Aligner) -> dict[str, float]:
    alignment = aligner(build_document(OLDER), build_document(NEWER))
    found = {(link.old, link.new) for link in alignment.links}
    return {
        "exact_links": len(found & EXPECTED),
        "expected_links": len(EXPECTED),
        "wrong_links": len(found - EXPECTED),
    }


def main() -> int:
    revs = {name: revisions(a) for name, a in ALIGNERS.items()}
    golds = {name: gold(a) for name, a in ALIGNERS.items()}
    grans = {name: granularity(a) for name, a in ALIGNERS.items()}
    report = {n: {"revisions": revs[n], "gold": golds[n], "granularity": grans[n]} for n in ALIGNERS}
    names = list(ALIGNERS)
    print(
        f"{'revisions (8 seeds)':<26}"
        + "".join(f"{n + ' link F1 min/mean':>30}{'+/- F1 min':>12}" for n in names)
    )
    for profile in sorted(PROFILES):
        rows = [revs[n][profile] for n in names]
        print(
            f"{profile:<26}"
            + "".join(
                f"{c['link_f1_min']:>23.3f}/{c['link_f1_mean']:.3f}{c['unmatched_f1_min']:>12.3f}"
                for c in rows
            )
        )
    print(f"\n{'gold protocol':<26}" + "".join(f"{n + ' precision/recall':>30}" for n in names))
    for key in golds[names[0]]:
        rows = [golds[n][key] for n in names]
        print(f"{key:<26}" + "".join(f"{c['precision']:>24.3f}/{c['recall']:.3f}" for c in rows))
    print(f"\n{'cross-granularity':<26}" + "".join(f"{n + ' right/expected (wrong)':>30}" for n in names))
    found = [grans[n] for n in names]
    print(
        f"{'':<26}"
        + "".join(f"{c['exact_links']:>22}/{c['expected_links']} ({c['wrong_links']})" for c in found)
    )
    save_results(RESULTS, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
