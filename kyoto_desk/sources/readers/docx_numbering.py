"""Word's automatic paragraph numbering (numbering.xml, list styles) turned back into printed labels.

A draft typed in Word often numbers its operative paragraphs with a list style, so "1." and "(a)" are
not in the text at all; without them the parser would see no numbered paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_MAX_LEVELS = 9


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    fmt: str
    text: str


def _val(element: Any, tag: str, default: str = "") -> str:
    found = element.find(f"{W}{tag}") if element is not None else None
    return str(found.get(f"{W}val", default)) if found is not None else default


def _int(text: str, default: int) -> int:
    # Damaged files carry anything in numeric attributes; a wrong number must not stop the import.
    return int(text) if text.isdigit() and len(text) < 6 else default


def _letters(number: int) -> str:
    # Word repeats the letter past z: a … z, aa … zz.
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _roman(number: int) -> str:
    out = ""
    for value, digits in _ROMAN:
        while number >= value:
            out, number = out + digits, number - value
    return out


def format_number(number: int, fmt: str) -> str:
    """`number` as Word writes it in the format `fmt`; "" for bullets and formats without a number."""
    formats = {
        "decimal": str(number),
        "decimalZero": f"{number:02d}",
        "lowerLetter": _letters(number),
        "upperLetter": _letters(number).upper(),
        "lowerRoman": _roman(number),
        "upperRoman": _roman(number).upper(),
    }
    return formats.get(fmt, "")


class Numbering:
    """The list definitions of one .docx and the running counters of its lists."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, str] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        self.counters: dict[str, list[int | None]] = {}
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, root: Any) -> None:
        for abstract in root.iter(f"{W}abstractNum"):
            levels = {}
            for level in abstract.iter(f"{W}lvl"):
                start = _val(level, "start", "1")
                levels[int(level.get(f"{W}ilvl", "0"))] = _Level(
                    int(start) if start.isdigit() else 1,
                    _val(level, "numFmt", "decimal"),
                    _val(level, "lvlText"),
                )
            self.abstract[abstract.get(f"{W}abstractNumId", "")] = levels
        for num in root.iter(f"{W}num"):
            self.nums[num.get(f"{W}numId", "")] = _val(num, "abstractNumId")

    def _read_styles(self, root: Any) -> None:
        based_on: dict[str, str] = {}
        for style in root.iter(f"{W}style"):
            ident = style.get(f"{W}styleId", "")
            based_on[ident] = _val(style, "basedOn")
            props = style.find(f"{W}pPr")
            num_pr = props.find(f"{W}numPr") if props is not None else None
            if num_pr is not None:
                self.style_num[ident] = (_val(num_pr, "numId"), _int(_val(num_pr, "ilvl", "0"), 0))
        for ident, first_parent in based_on.items():  # a style inherits its ancestors' numbering
            seen, parent = {ident}, first_parent
            while ident not in self.style_num and parent and parent not in seen:
                if parent in self.style_num:
                    self.style_num[ident] = self.style_num[parent]
                seen.add(parent)
                parent = based_on.get(parent, "")

    def _num_of(self, paragraph: Any) -> tuple[str, int] | None:
        props = paragraph.find(f"{W}pPr")
        num_pr = props.find(f"{W}numPr") if props is not None else None
        if num_pr is not None:
            return _val(num_pr, "numId"), _int(_val(num_pr, "ilvl", "0"), 0)
        return self.style_num.get(_val(props, "pStyle")) if props is not None else None

    def label(self, paragraph: Any) -> str:
        """The printed label of `paragraph` ("1.", "(a)"), advancing its list; "" if it has none."""
        found = self._num_of(paragraph)
        if found is None or found[0] in ("", "0"):
            return ""
        num_id, level = found[0], max(min(found[1], _MAX_LEVELS - 1), 0)
        levels = self.abstract.get(self.nums.get(num_id, ""), {})
        if level not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [None] * _MAX_LEVELS)
        current = counters[level]
        counters[level] = levels[level].start if current is None else current + 1
        counters[level + 1 :] = [None] * (_MAX_LEVELS - level - 1)
        text = levels[level].text
        for index in range(level + 1):
            value = counters[index] or (levels[index].start if index in levels else 1)
            shown = format_number(value, levels[index].fmt if index in levels else "decimal")
            text = text.replace(f"%{index + 1}", shown)
        return text.strip() if format_number(1, levels[level].fmt) else ""
