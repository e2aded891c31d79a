"""UN document symbols: recognise them in a text's header and derive them from resolution numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kyoto_desk.core.model import Block, BlockKind

SYMBOL = re.compile(r"^(?:[A-Z]{1,2}|[A-Z]+\.\d+)(?:/[A-Z0-9][A-Za-z0-9.\-]*)+$")
_RESOLUTION_NUMBER = re.compile(r"^(\d{2,4})/(\d{1,4})\.\s")
_ORGAN_PREFIX = {
    "economic and social council": "E/RES/",
    "general assembly": "A/RES/",
    "security council": "S/RES/",
    "human rights council": "A/HRC/RES/",
}


def is_symbol(text: str) -> bool:
    """Whether `text` is shaped like a UN document symbol (A/RES/70/174, E/2021/30, A/CONF.234/16)."""
    return bool(SYMBOL.match(text.strip()))


def derive_symbols(blocks: Iterable[Block]) -> tuple[str, ...]:
    """Symbols printed alone on a header line, then the symbol a numbered resolution title implies."""
    found: list[str] = []
    organ = ""
    for block in blocks:
        if block.kind is BlockKind.METADATA:
            text = block.text.strip()
            if is_symbol(text) and text not in found:
                found.append(text)
            for name in _ORGAN_PREFIX:
                if organ == "" and name in text.lower():
                    organ = name
        elif block.kind is BlockKind.TITLE and organ:
            match = _RESOLUTION_NUMBER.match(block.text)
            symbol = f"{_ORGAN_PREFIX[organ]}{match.group(1)}/{match.group(2)}" if match else ""
            if symbol and symbol not in found:
                found.append(symbol)
    return tuple(found)
