"""The architecture as a test: imports point down only (see STYLE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kyoto_desk"

# Layer → top-level modules it must never import.
FORBIDDEN = {
    "core": ("PySide6", "sqlalchemy", "alembic", "docx", "kyoto_desk.ui", "kyoto_desk.store",
             "kyoto_desk.export", "kyoto_desk.sources"),
    "sources": ("PySide6", "kyoto_desk.ui", "kyoto_desk.export"),
    "store": ("PySide6", "docx", "kyoto_desk.ui", "kyoto_desk.export"),
    "export": ("PySide6", "kyoto_desk.ui"),
    "ui": ("docx", "sqlite3"),
}  # fmt: skip


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_down(layer: str) -> None:
    offenders = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in _imports(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer]):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_ui_runs_no_sql() -> None:
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert "from sqlalchemy" not in source and "import sqlalchemy" not in source, path
