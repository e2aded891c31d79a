"""Shared by the benchmarks: write a results file atomically, so a crashed run leaves the old one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def save_results(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".json.part")
    temp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    temp.replace(path)
