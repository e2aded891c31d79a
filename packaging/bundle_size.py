"""How big a built bundle is, in total and by its largest parts."""

from __future__ import annotations

from pathlib import Path


def folder_size(folder: Path) -> int:
    """Bytes of all regular files under `folder` (symlinks not followed, so nothing counts twice)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def human_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def largest_files(folder: Path, count: int = 10) -> list[tuple[int, str]]:
    """The `count` biggest files, as (bytes, path relative to `folder`), biggest first."""
    sizes = [
        (p.lstat().st_size, str(p.relative_to(folder)))
        for p in folder.rglob("*")
        if p.is_file() and not p.is_symlink()
    ]
    return sorted(sizes, reverse=True)[:count]
