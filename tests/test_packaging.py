"""What the packaging ships: app identity files, icons, bundle contents; no PyInstaller run needed."""

from __future__ import annotations

import ast
import configparser
import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kyoto_desk import __version__, appinfo

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

import bundle_layout  # noqa: E402
import linux_files  # noqa: E402
import synthetic_revision  # noqa: E402


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(linux_files.DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_names_the_app_its_command_and_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == appinfo.NAME
    assert entry["Exec"].split()[0] == appinfo.EXECUTABLE
    assert entry["Icon"] == appinfo.APP_ID
    assert entry["Comment"] == appinfo.SUMMARY
    assert entry["Categories"].endswith(";")
    assert linux_files.DESKTOP_FILE.name == f"{appinfo.APP_ID}.desktop"


def test_metainfo_is_well_formed_and_agrees_with_appinfo() -> None:
    component = ET.parse(linux_files.METAINFO_FILE).getroot()
    assert component.tag == "component"
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == appinfo.APP_ID
    assert component.findtext("name") == appinfo.NAME
    assert component.findtext("summary") == appinfo.SUMMARY
    assert component.findtext("project_license") == appinfo.LICENCE_NAME
    assert component.findtext("launchable") == linux_files.DESKTOP_FILE.name
    assert component.findtext("provides/binary") == appinfo.EXECUTABLE
    assert component.find("releases") is None  # added at build time, from __version__


def test_metainfo_release_comes_from_the_package_version() -> None:
    written = linux_files.metainfo_with_release(linux_files.METAINFO_FILE, __version__, date(2026, 11, 28))
    component = ET.fromstring(written)
    releases = component.findall("releases/release")
    assert [(r.get("version"), r.get("date")) for r in releases] == [(__version__, "2026-11-28")]
    assert component.findtext("id") == appinfo.APP_ID


def test_linux_files_follow_the_freedesktop_layout(tmp_path: Path) -> None:
    written = linux_files.install_linux_files(tmp_path, ROOT, day=date(2026, 11, 28))
    relative = {str(p.relative_to(tmp_path)) for p in written}
    assert f"share/applications/{appinfo.APP_ID}.desktop" in relative
    assert f"share/metainfo/{appinfo.APP_ID}.metainfo.xml" in relative
    assert f"share/icons/hicolor/scalable/apps/{appinfo.APP_ID}.svg" in relative
    for size in appinfo.ICON_SIZES:
        assert f"share/icons/hicolor/{size}x{size}/apps/{appinfo.APP_ID}.png" in relative
    assert all(p.is_file() and p.stat().st_size > 0 for p in written)
    assert os.access(tmp_path / "install-user.sh", os.X_OK)


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")
def test_install_user_script_installs_into_a_prefix_without_root(tmp_path: Path) -> None:
    bundle = tmp_path / "kyoto-desk"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "kyoto-desk").write_text("#!/bin/sh\n", encoding="utf-8")
    linux_files.install_linux_files(bundle, ROOT, day=date(2026, 11, 28))
    prefix = tmp_path / "prefix"
    subprocess.run(
        ["sh", str(bundle / "install-user.sh")],
        env={**os.environ, "PREFIX": str(prefix)},
        check=True,
        capture_output=True,
    )
    program = prefix / "opt" / "kyoto-desk" / "kyoto-desk"
    assert program.is_file()
    assert (prefix / "bin" / "kyoto-desk").resolve() == program.resolve()
    desktop = (prefix / "share" / "applications" / f"{appinfo.APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Exec={program}" in desktop.splitlines()
    assert (prefix / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{appinfo.APP_ID}.png").is_file()


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.mark.parametrize("size", appinfo.ICON_SIZES)
def test_icon_png_has_its_size(size: int) -> None:
    assert _png_size(appinfo.icon_png(size)) == (size, size)


def test_icon_sources_and_platform_formats_are_shipped() -> None:
    svg = ET.parse(appinfo.icon_svg()).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    ico = (appinfo.icons_dir() / "kyoto-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 6  # an icon directory with the Windows sizes
    icns = (appinfo.icons_dir() / "kyoto-desk.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    with pytest.raises(ValueError):
        appinfo.icon_png(17)


def test_bundle_data_holds_texts_resources_and_migrations_but_no_tests() -> None:
    pairs = bundle_layout.data_files(ROOT)
    placed = {(Path(src).name, dest) for src, dest in pairs}
    assert ("kyoto-declaration-2021.en.txt", "kyoto_desk/texts") in placed
    assert ("kyoto-declaration-2021.en.json", "kyoto_desk/texts") in placed
    assert ("themes.toml", "kyoto_desk/resources") in placed
    assert ("kyoto-desk.svg", "kyoto_desk/resources/icons") in placed
    assert ("env.py", "kyoto_desk/store/migrations") in placed
    versions = [src for src, dest in pairs if dest == "kyoto_desk/store/migrations/versions"]
    shipped = {Path(src).name for src in versions}
    assert {p.name for p in (ROOT / "kyoto_desk/store/migrations/versions").glob("*.py")} == shipped
    for src, _dest in pairs:
        assert "tests" not in Path(src).relative_to(ROOT).parts
        assert "__pycache__" not in src


def test_hidden_imports_cover_commands_and_migration_imports() -> None:
    asked: list[str] = []

    def collect(package: str, filter: Callable[[str], bool]) -> list[str]:
        asked.append(package)
        names = ["kyoto_desk.commands.compare", "kyoto_desk.store.migrations.env"]
        return [n for n in names if filter(n)]

    hidden = bundle_layout.hidden_imports(collect, ROOT)
    assert "kyoto_desk.commands.compare" in hidden
    assert "kyoto_desk.store.migrations.env" not in hidden  # shipped as a file, never imported
    assert {"alembic.op", "alembic.context", "sqlalchemy.dialects.sqlite"} <= set(hidden)
    assert asked == ["kyoto_desk"]


def test_test_tools_are_excluded_and_qt_extras_pruned() -> None:
    assert {"tests", "pytest", "hypothesis", "pytestqt", "reportlab"} <= set(bundle_layout.EXCLUDED_MODULES)
    assert bundle_layout.is_dropped("PySide6/Qt/translations/qt_de.qm")
    assert bundle_layout.is_dropped("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not bundle_layout.is_dropped("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert not bundle_layout.is_dropped("PySide6/Qt/plugins/platforms/libqwayland.so")
    assert not bundle_layout.is_dropped("PySide6/Qt/lib/libQt6Widgets.so.6")
    toc = [("PySide6/Qt/translations/qt_fr.qm", "/x", "DATA"), ("kyoto_desk/texts/a.json", "/y", "DATA")]
    assert bundle_layout.prune(toc) == toc[1:]


def test_spec_is_python_and_uses_the_shared_layout() -> None:
    spec = (PACKAGING / "kyoto_desk.spec").read_text(encoding="utf-8")
    tree = ast.parse(spec)
    called = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE", "data_files", "prune"} <= called
    assert "entry.py" in spec


def test_windows_version_tuple_pads_and_ignores_suffixes() -> None:
    assert bundle_layout._version_tuple("0.1.0") == (0, 1, 0, 0)
    assert bundle_layout._version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert bundle_layout._version_tuple("2.0.0.7.9") == (2, 0, 0, 7)


def test_synthetic_revision_is_labelled_and_edits_the_kyoto_text() -> None:
    text = synthetic_revision.synthetic_revision_text()
    assert text.startswith("SYNTHETIC TEST TEXT")
    kyoto = synthetic_revision.KYOTO_TEXT.read_text(encoding="utf-8")
    for old, new in synthetic_revision.EDITS:
        assert old in kyoto and new in text
    assert "98. We express our profound gratitude" in text
