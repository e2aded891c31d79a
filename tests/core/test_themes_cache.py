"""The shipped lexicon is parsed once per version of the file, and read again when it changes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kyoto_desk.core import themes


def test_lexicon_is_reused_until_the_file_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "themes.toml"
    shutil.copy(themes.shipped_lexicon_path(), copy)
    monkeypatch.setattr(themes, "shipped_lexicon_path", lambda: copy)
    first = themes.load_lexicon()
    assert themes.load_lexicon() is first
    extra = '\n[[theme]]\nid = "zz-test"\nlabel = "Test theme"\ncolour = "#123456"\nterms = ["zebra"]\n'
    copy.write_text(copy.read_text(encoding="utf-8") + extra, encoding="utf-8")
    os.utime(copy, ns=(1, 1))
    changed = themes.load_lexicon()
    assert changed is not first
    assert "zz-test" in {t.id for t in changed.themes}
