"""What goes into the PyInstaller bundle: data files, hidden imports, exclusions, Windows version info.

Kept out of the spec so tests can check it without running PyInstaller.
"""

from __future__ import annotations

import ast
import fnmatch
import importlib.util
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from kyoto_desk.appinfo import APP_ID, DESCRIPTION, EXECUTABLE, NAME, ORGANISATION

__all__ = ["APP_ID", "EXCLUDED_MODULES", "data_files", "hidden_imports", "prune", "windows_version_info"]

# Never in the bundle: the test and lint tool chain, and Qt modules the app does not use (PySide6's
# hooks would otherwise pull in QML/Quick plugins that add tens of megabytes).
EXCLUDED_MODULES = [
    "tests",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "reportlab",
    "mypy",
    "ruff",
    "tkinter",
    "pygments",  # only Mako's optional syntax highlighting of template errors wants it
    "PyInstaller",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtNetwork",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtUiTools",
    "PySide6.QtXml",
    "PySide6.QtDBus",
    "PySide6.QtPrintSupport",
    "PySide6.QtConcurrent",
]

# Pulled in by PIL and lxml but never used: AVIF images (5 MB of libavif) and lxml's extra APIs.
EXCLUDED_MODULES += ["PIL._avif", "PIL.AvifImagePlugin", "lxml.objectify", "lxml.html", "lxml.isoschematron"]

# Files the Qt hooks collect that a desktop window does not need (fnmatch patterns on the path in the
# bundle). Each is checked by packaging/elf_deps.py: nothing kept may need a dropped library.
DROPPED_FILES = (
    "PySide6/Qt/translations/*",  # the UI is English; Qt's own dialog translations are 7 MB
    "PySide6/Qt/plugins/egldeviceintegrations/*",  # full-screen embedded devices, not desktops
    "PySide6/Qt/plugins/generic/*",  # evdev and TUIO touch input for kiosks; TUIO needs QtNetwork
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",  # a VNC server platform; needs QtNetwork
    # The GTK theme plugin needs the host's GTK 3, which a bundle must not carry (and which a
    # non-GTK desktop lacks); the xdg-desktop-portal theme plugin stays.
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so*",
    "PySide6/Qt/lib/libQt6EglFsKmsSupport.so*",
    "PySide6/Qt/lib/libQt6Network.so*",
    "libQt6Network.so*",
    "libgssapi_krb5.so*", "libkrb5.so*", "libkrb5support.so*", "libk5crypto.so*", "libcom_err.so*",
    "libkeyutils.so*",
    "libatk-1.0.so*", "libcairo.so*", "libcairo-gobject.so*", "libpango-1.0.so*", "libpangocairo-1.0.so*",
    "libpangoft2-1.0.so*", "libgdk_pixbuf-2.0.so*", "libthai.so*", "libdatrie.so*", "libpixman-1.so*",
    "libfribidi.so*", "libharfbuzz.so*", "libgraphite2.so*",
)  # fmt: skip

MIGRATIONS = Path("kyoto_desk") / "store" / "migrations"


def is_dropped(dest: str) -> bool:
    """Whether a file PyInstaller collected (its path in the bundle) is left out."""
    posix = dest.replace("\\", "/")
    return any(fnmatch.fnmatchcase(posix, pattern) for pattern in DROPPED_FILES)


def prune(entries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A PyInstaller TOC (dest, source, kind) without the dropped files."""
    return [entry for entry in entries if not is_dropped(entry[0])]


def _files(root: Path, folder: Path, patterns: Iterable[str]) -> list[Path]:
    found = {p for pattern in patterns for p in (root / folder).rglob(pattern) if p.is_file()}
    return sorted(p for p in found if "__pycache__" not in p.parts)


def data_files(root: Path) -> list[tuple[str, str]]:
    """(source file, folder in the bundle) pairs.

    texts/ and resources/ go inside the package folder, where kyoto_desk.paths looks first; the
    Alembic migrations go in as .py files because Alembic loads them by path, not by import.
    """
    pairs: list[tuple[str, str]] = []
    for folder, target in ((Path("texts"), Path("kyoto_desk/texts")),
                           (Path("resources"), Path("kyoto_desk/resources"))):  # fmt: skip
        for path in _files(root, folder, ["*"]):
            pairs.append((str(path), str(target / path.parent.relative_to(root / folder))))
    for path in _files(root, MIGRATIONS, ["*.py"]):
        pairs.append((str(path), str(path.parent.relative_to(root))))
    return pairs


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _imports_of(paths: Iterable[Path]) -> set[str]:
    """Every module the files import, including `from package import module` ones."""
    names: set[str] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in names if _is_module(name)}


def hidden_imports(collect_submodules: Callable[..., list[str]], root: Path | None = None) -> list[str]:
    """Modules PyInstaller cannot see by reading imports.

    The CLI imports its commands by name, and the migrations (data files, never imported by the
    package) import alembic and sqlalchemy modules, which must be in the bundle for them.
    """
    root = root or Path(__file__).resolve().parents[1]
    ours = collect_submodules(
        "kyoto_desk", filter=lambda name: not name.startswith("kyoto_desk.store.migrations")
    )
    from_migrations = {
        name
        for name in _imports_of(_files(root, MIGRATIONS, ["*.py"]))
        if name.split(".")[0] in {"alembic", "sqlalchemy"}
    }
    return sorted({*ours, *from_migrations, "sqlalchemy.dialects.sqlite"})


def _version_tuple(version: str) -> tuple[int, int, int, int]:
    # Windows wants four integers: "1.2.3rc1" -> (1, 2, 3, 0); a part's leading digits count.
    leading = (re.match(r"\d*", part) for part in version.split(".")[:4])
    numbers = [int(m.group() or 0) if m else 0 for m in leading]
    padded = [*numbers, 0, 0, 0, 0][:4]
    return (padded[0], padded[1], padded[2], padded[3])


def windows_version_info(version: str) -> Any:
    """The version resource of the Windows executables (Explorer's Details tab), from __version__."""
    # Needs pefile, which PyInstaller installs on Windows only.
    from PyInstaller.utils.win32 import versioninfo as vi  # type: ignore[import-untyped]

    numbers = _version_tuple(version)
    strings = [
        vi.StringStruct("CompanyName", ORGANISATION),
        vi.StringStruct("FileDescription", NAME),
        vi.StringStruct("FileVersion", version),
        vi.StringStruct("InternalName", EXECUTABLE),
        vi.StringStruct("OriginalFilename", f"{EXECUTABLE}.exe"),
        vi.StringStruct("ProductName", NAME),
        vi.StringStruct("ProductVersion", version),
        vi.StringStruct("Comments", DESCRIPTION[:120]),
    ]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            vi.StringFileInfo([vi.StringTable("040904B0", strings)]),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0409, 1200])]),
        ],
    )
