"""One line saying what carrying annotations to a newer draft did, for the CLI and the status bar."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from kyoto_desk.core.anchor import CarriedAnnotation, CarryStatus


def carry_summary(carried: Sequence[CarriedAnnotation]) -> str:
    """E.g. "Carried 5 annotations: 3 kept, 1 moved, 1 modified, 0 deleted (kept as orphans)"."""
    counts = Counter(c.status for c in carried)
    parts = ", ".join(f"{counts.get(status, 0)} {status.value}" for status in CarryStatus)
    noun = "annotation" if len(carried) == 1 else "annotations"
    return f"Carried {len(carried)} {noun}: {parts} (deleted ones are kept as orphans with their quote)"
