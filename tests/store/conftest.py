"""A fresh store in a temp data directory for each store test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kyoto_desk.store.db import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path)
    yield opened
    opened.close()
