"""The Linux desktop integration files, installed under share/ of a bundle or a prefix.

Layout follows the freedesktop specs, so a package's /usr/share or the bundle's own
`install-user.sh` (into ~/.local, no administrator rights) makes the menu entry, icon and
software-centre record appear.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from kyoto_desk.appinfo import APP_ID, ICON_SIZES, VERSION

LINUX_DIR = Path(__file__).resolve().parent / "linux"
DESKTOP_FILE = LINUX_DIR / f"{APP_ID}.desktop"
METAINFO_FILE = LINUX_DIR / f"{APP_ID}.metainfo.xml"
INSTALL_SCRIPT = LINUX_DIR / "install-user.sh"


def metainfo_with_release(source: Path, version: str, day: date) -> bytes:
    """The AppStream record with a <releases> element for `version`, the one version source."""
    tree = ET.parse(source)
    component = tree.getroot()
    for old in component.findall("releases"):
        component.remove(old)
    releases = ET.SubElement(component, "releases")
    ET.SubElement(releases, "release", version=version, date=day.isoformat())
    ET.indent(tree, space="  ")
    written: bytes = ET.tostring(component, encoding="utf-8", xml_declaration=True)
    return written + b"\n"


def install_linux_files(prefix: Path, root: Path, day: date | None = None) -> list[Path]:
    """Copy desktop entry, metainfo and icons into `prefix`/share, and the per-user installer into
    `prefix`; return the files written."""
    share = prefix / "share"
    icons = root / "resources" / "icons"
    metainfo = metainfo_with_release(METAINFO_FILE, VERSION, day or date.today())
    svg = (icons / "kyoto-desk.svg").read_bytes()
    targets: list[tuple[Path, bytes]] = [
        (share / "applications" / DESKTOP_FILE.name, DESKTOP_FILE.read_bytes()),
        (share / "metainfo" / METAINFO_FILE.name, metainfo),
        (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg", svg),
    ]
    for size in ICON_SIZES:
        png = (icons / f"kyoto-desk-{size}.png").read_bytes()
        targets.append((share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png", png))
    if share.exists():
        shutil.rmtree(share)
    for path, content in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    installer = prefix / INSTALL_SCRIPT.name
    shutil.copy2(INSTALL_SCRIPT, installer)  # keeps the executable bit
    return [*(path for path, _ in targets), installer]
