"""Render resources/icons/kyoto-desk.svg to the PNG, ICO and ICNS files each platform needs.

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

Qt's SVG renderer draws the PNGs (PySide6-Essentials ships QtSvg); Pillow packs them into the
Windows .ico and the macOS .icns. The outputs are committed, so a build needs neither step.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "kyoto-desk.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # Windows uses up to 256 px
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # macOS wants 1024 for the Retina 512@2x slot

log = logging.getLogger("make_icons")


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn on a transparent `size`x`size` canvas, as a Pillow RGBA image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)  # straight alpha, as Pillow expects
    pixels = bytes(rgba.constBits())
    return Image.frombuffer("RGBA", (size, size), pixels, "raw", "RGBA", rgba.bytesPerLine(), 1).copy()


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        log.error("%s is not a valid SVG", SVG)
        return 1
    images = {size: render(renderer, size) for size in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES})}
    for size in PNG_SIZES:
        images[size].save(ICONS / f"kyoto-desk-{size}.png", optimize=True)
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(ICONS / "kyoto-desk.ico", sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES])  # fmt: skip
    images[max(ICNS_SIZES)].save(ICONS / "kyoto-desk.icns", append_images=[images[s] for s in ICNS_SIZES])
    log.info("wrote %d PNGs, kyoto-desk.ico and kyoto-desk.icns to %s", len(PNG_SIZES), ICONS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
