"""Check a Linux bundle for shared libraries that something in it needs but it does not carry.

Pruning (bundle_layout.DROPPED_FILES) must never leave a kept plugin or module without a library it
links to: such a plugin would load on the build machine, which has the library, and fail on a
delegate's. Libraries PyInstaller deliberately leaves to the system (glibc, libGL, libxcb,
libwayland-*) do not count. Needs `objdump` (binutils), which PyInstaller itself needs on Linux.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

ELF_MAGIC = b"\x7fELF"


def is_elf(path: Path) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    with open(path, "rb") as handle:
        return handle.read(4) == ELF_MAGIC


def needed_libraries(path: Path) -> list[str]:
    """The DT_NEEDED entries of an ELF file."""
    dump = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split()[1] for line in dump.splitlines() if line.strip().startswith("NEEDED")]


def missing_libraries(bundle: Path, bundled_by_design: Callable[[str], bool]) -> dict[str, list[str]]:
    """Library name -> files that need it, for libraries neither in the bundle nor left to the system.

    `bundled_by_design(name)` says whether PyInstaller would carry the library (False for system ones).
    """
    present = {p.name for p in bundle.rglob("*")}
    missing: dict[str, list[str]] = {}
    for path in sorted(bundle.rglob("*")):
        if not is_elf(path):
            continue
        for name in needed_libraries(path):
            if name not in present and bundled_by_design(name):
                missing.setdefault(name, []).append(str(path.relative_to(bundle)))
    return missing


def check_bundle(bundle: Path) -> dict[str, list[str]]:
    """`missing_libraries` with PyInstaller's own rule for what a bundle carries."""
    from PyInstaller.depend.dylib import include_library  # type: ignore[import-untyped]

    # PyInstaller's pattern for the dynamic loader misses the "ld-linux-x86-64.so.2" spelling.
    return missing_libraries(
        bundle, lambda name: not name.startswith("ld-linux") and bool(include_library(name))
    )
