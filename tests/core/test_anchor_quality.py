"""The re-anchoring measure of bench/bench_anchoring.py, held to its threshold (quality, not time)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_anchoring.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_anchoring", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_generated_revisions_reanchor_exactly_and_never_wrongly() -> None:
    quality, _, _ = _bench().measure(2000, seed=7)
    assert quality.survived > 400 and quality.gone > 800  # both populations are really exercised
    assert quality.survived_exact / quality.survived >= 0.99, quality.failures[:3]
    assert quality.wrong_landings == 0, quality.failures[:3]
    assert quality.modified_placed > quality.modified / 2  # edited spans are mostly followed, not orphaned
