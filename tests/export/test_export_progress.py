"""Progress reporting and cancellation of a briefing export: a cancel leaves no file at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoto_desk.core.compare import Comparison
from kyoto_desk.errors import ExportError
from kyoto_desk.export.briefing import export_briefing
from kyoto_desk.export.progress import ExportCancelledError


def test_progress_rises_to_one(tmp_path: Path, kyoto_comparison: Comparison) -> None:
    seen: list[float] = []
    export_briefing(kyoto_comparison, tmp_path / "b.docx", progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    assert len(seen) > 20  # one step per synoptic row, so a dialog's bar moves smoothly


@pytest.mark.parametrize("after", [0, 5, 60])
def test_cancel_leaves_no_file(tmp_path: Path, kyoto_comparison: Comparison, after: int) -> None:
    calls = 0

    def is_cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > after

    with pytest.raises(ExportCancelledError) as caught:
        export_briefing(kyoto_comparison, tmp_path / "b.docx", is_cancelled=is_cancelled)
    assert isinstance(caught.value, ExportError)
    assert "No file was written" in caught.value.hint
    assert list(tmp_path.iterdir()) == []


def test_cancel_after_saving_still_leaves_the_previous_file(
    tmp_path: Path, kyoto_comparison: Comparison
) -> None:
    target = tmp_path / "b.docx"
    target.write_bytes(b"previous briefing")
    progress: list[float] = []

    def is_cancelled() -> bool:
        # Only the last check, after the bytes are written and before the rename, says stop.
        return bool(progress) and progress[-1] >= 0.95

    with pytest.raises(ExportCancelledError):
        export_briefing(kyoto_comparison, target, progress=progress.append, is_cancelled=is_cancelled)
    assert target.read_bytes() == b"previous briefing"
    assert [p.name for p in tmp_path.iterdir()] == ["b.docx"]
