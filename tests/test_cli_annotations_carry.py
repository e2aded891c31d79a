"""Annotations follow a document to its next version: on `library add` and with `annotations carry`.

The texts are SYNTHETIC, written for this test; no real UN document but the bundled Kyoto text.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DRAFT_1 = """SYNTHETIC TEST TEXT, first draft

We, the participants in the Synthetic Congress,

Declare the following:

1. We undertake to strengthen international cooperation in criminal matters;

2. We commit to protect victims and witnesses at every stage of proceedings;

3. We resolve to counter corruption in all its forms;
"""

# The second draft moves paragraph 3 to the top, rewords paragraph 2 and drops nothing.
DRAFT_2 = """SYNTHETIC TEST TEXT, second draft

We, the participants in the Synthetic Congress,

Declare the following:

1. We resolve to counter corruption in all its forms;

2. We undertake to strengthen international cooperation in criminal matters;

3. We commit to protect victims, witnesses and reporting persons at every stage of proceedings;
"""

CSV = (
    "document,unit,quote,note,stance,themes,author\n"
    "SYN/1,1,strengthen international cooperation,Keep this,support,,Delegate\n"
    "SYN/1,3,counter corruption,Moved up?,question,,Delegate\n"
)


def _kd(data: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "kyoto_desk", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_new_version_takes_the_annotations_of_the_one_before(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (tmp_path / "d1.txt").write_text(DRAFT_1, encoding="utf-8")
    (tmp_path / "d2.txt").write_text(DRAFT_2, encoding="utf-8")
    (tmp_path / "notes.csv").write_text(CSV, encoding="utf-8")
    _kd(data, "library", "add", str(tmp_path / "d1.txt"), "--symbol", "SYN/1", "--title", "Draft 1")
    _kd(data, "annotations", "import", str(tmp_path / "notes.csv"))
    added = _kd(data, "library", "add", str(tmp_path / "d2.txt"), "--symbol", "SYN/1", "--title", "Draft 2")
    assert "Carried 2 annotations: 1 kept, 1 moved, 0 modified, 0 deleted" in added
    listed = _kd(data, "annotations", "list", "--document", "SYN/1").splitlines()
    # The newest version of SYN/1 now carries both notes, the moved one on its new paragraph number.
    assert any("\t1\t" in line and "counter corruption" in line for line in listed)
    assert any("\t2\t" in line and "strengthen international cooperation" in line for line in listed)


def test_carrying_again_updates_the_same_copies(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (tmp_path / "d1.txt").write_text(DRAFT_1, encoding="utf-8")
    (tmp_path / "d2.txt").write_text(DRAFT_2, encoding="utf-8")
    (tmp_path / "notes.csv").write_text(CSV, encoding="utf-8")
    _kd(data, "library", "add", str(tmp_path / "d1.txt"), "--symbol", "SYN/1")
    _kd(data, "annotations", "import", str(tmp_path / "notes.csv"))
    _kd(data, "library", "add", str(tmp_path / "d2.txt"), "--symbol", "SYN/2")
    first = _kd(data, "annotations", "carry", "SYN/1", "SYN/2")
    again = _kd(data, "annotations", "carry", "SYN/1", "SYN/2")
    assert first == again
    assert first.startswith("Carried 2 annotations: 1 kept, 1 moved")
    assert len(_kd(data, "annotations", "list", "--document", "SYN/2").splitlines()) == 2
