"""The per-theme bar chart of the executive summary, drawn with Pillow as a PNG.

Pillow rather than a plotting library: it is already installed (reportlab depends on it), draws a
grouped bar chart in a few dozen lines, and keeps the export free of a heavy dependency.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

OLD_COLOUR = (143, 170, 220)
NEW_COLOUR = (31, 56, 100)
TEXT_COLOUR = (40, 40, 40)
GRID_COLOUR = (215, 215, 215)
SCALE = 2  # drawn at twice the size it is shown, so it stays sharp when printed
ROW, BAR, LABEL_WIDTH, CHART_WIDTH, TOP = 22, 8, 250, 400, 36

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass(frozen=True, slots=True)
class ThemeBar:
    """One theme and its number of units in the older and the newer text."""

    theme: str
    old: int
    new: int


def _font(size: int) -> Font:
    # The default font scales when Pillow has FreeType; otherwise it is the small bitmap font.
    return ImageFont.load_default(size=size * SCALE)


def _scaled(*values: float) -> list[float]:
    return [v * SCALE for v in values]


def _at(x: float, y: float) -> tuple[float, float]:
    return x * SCALE, y * SCALE


def theme_chart_png(bars: Sequence[ThemeBar], old_label: str, new_label: str) -> bytes:
    """A horizontal grouped bar chart (old and new units per theme) as PNG bytes."""
    width = LABEL_WIDTH + CHART_WIDTH + 60
    height = TOP + ROW * max(len(bars), 1) + 20
    image = Image.new("RGB", (width * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(image)
    small = _font(9)
    peak = max([1, *(max(b.old, b.new) for b in bars)])
    _legend(draw, small, old_label, new_label)
    for step in range(5):
        x = LABEL_WIDTH + CHART_WIDTH * step / 4
        draw.line(_scaled(x, TOP - 6, x, height - 14), fill=GRID_COLOUR, width=SCALE)
        draw.text(_at(x, height - 12), str(round(peak * step / 4)), fill=TEXT_COLOUR, font=small)
    for index, item in enumerate(bars):
        _bar_pair(draw, TOP + index * ROW, item, peak)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _bar_pair(draw: ImageDraw.ImageDraw, y: int, item: ThemeBar, peak: int) -> None:
    draw.text(_at(6, y + 2), _clip(item.theme, 40), fill=TEXT_COLOUR, font=_font(11))
    for offset, count, colour in ((0, item.old, OLD_COLOUR), (BAR + 1, item.new, NEW_COLOUR)):
        right = LABEL_WIDTH + max(CHART_WIDTH * count / peak, 1)
        draw.rectangle(_scaled(LABEL_WIDTH, y + offset, right, y + offset + BAR), fill=colour)
        draw.text(_at(right + 4, y + offset - 2), str(count), fill=TEXT_COLOUR, font=_font(9))


def _legend(draw: ImageDraw.ImageDraw, font: Font, old: str, new: str) -> None:
    x = 6.0
    for label, colour in ((old, OLD_COLOUR), (new, NEW_COLOUR)):
        draw.rectangle(_scaled(x, 10, x + 14, 22), fill=colour)
        text = _clip(label, 40)
        draw.text(_at(x + 20, 9), text, fill=TEXT_COLOUR, font=font)
        x += 20 + draw.textlength(text, font=font) / SCALE + 24


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
