"""Where data lives, and the bundled texts' integrity."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from kyoto_desk import paths
from kyoto_desk.errors import InputError, UnknownDocumentError
from kyoto_desk.sources import bundled


def test_data_dir_prefers_the_option_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATA_ENV, str(tmp_path / "from-env"))
    assert paths.data_dir() == tmp_path / "from-env"
    assert paths.data_dir(tmp_path / "from-option") == tmp_path / "from-option"
    assert (tmp_path / "from-env").is_dir() and (tmp_path / "from-option").is_dir()


def test_data_dir_defaults_to_the_platform_user_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(paths.DATA_ENV, raising=False)
    monkeypatch.setattr(paths.platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "platform"))
    assert paths.data_dir() == tmp_path / "platform"


def test_bundled_kyoto_is_byte_exact_with_its_recorded_sha256() -> None:
    record = bundled.bundled_texts()["kyoto"]
    meta = json.loads(record.path.with_suffix(".json").read_text(encoding="utf-8"))
    assert hashlib.sha256(record.path.read_bytes()).hexdigest() == meta["sha256"] == record.sha256
    assert record.info.symbols == ("E/RES/2021/20", "A/RES/76/181")
    assert record.info.year == 2021


def test_a_tampered_bundled_text_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = tmp_path / "texts"
    shutil.copytree(paths.texts_dir(), texts)
    (texts / "kyoto-declaration-2021.en.txt").write_text("tampered", encoding="utf-8")
    monkeypatch.setattr(bundled, "texts_dir", lambda: texts)
    bundled.bundled_texts.cache_clear()
    try:
        with pytest.raises(InputError, match="checksum"):
            bundled.read_bundled("kyoto")
    finally:
        bundled.bundled_texts.cache_clear()


def test_alias_lookup_is_case_insensitive_and_unknown_aliases_are_named() -> None:
    assert bundled.read_bundled("KYOTO").startswith("\n")
    with pytest.raises(UnknownDocumentError, match="doha"):
        bundled.read_bundled("doha")
