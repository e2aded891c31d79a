"""The theme chart is a real PNG sized to its bars."""

from __future__ import annotations

import io

from PIL import Image

from kyoto_desk.export.chart import ThemeBar, theme_chart_png


def _image(bars: list[ThemeBar]) -> Image.Image:
    return Image.open(io.BytesIO(theme_chart_png(bars, "E/RES/2021/20", "SYNTHETIC/REV.1")))


def test_chart_is_a_png_that_grows_with_the_themes() -> None:
    one = _image([ThemeBar("Corruption", 3, 4)])
    three = _image([ThemeBar("Corruption", 3, 4), ThemeBar("Cybercrime", 0, 2), ThemeBar("Firearms", 1, 0)])
    assert one.format == "PNG" and three.format == "PNG"
    assert one.width == three.width
    assert three.height > one.height


def test_longer_bar_has_more_ink() -> None:
    def dark_pixels(bars: list[ThemeBar]) -> int:
        image = _image(bars).convert("L")
        histogram = image.histogram()
        return sum(histogram[:100])

    assert dark_pixels([ThemeBar("T", 1, 10)]) > dark_pixels([ThemeBar("T", 1, 1)])


def test_empty_chart_still_draws() -> None:
    assert _image([]).height > 0
