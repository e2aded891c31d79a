"""Recognise what a raw block of a UN text is: footnote, unit, heading, lead-in, title or metadata.

The rules follow how UN resolutions and declarations are printed: a header of metadata lines, an
opening formula ("The General Assembly,", "We, Heads of State…"), preambular paragraphs ending in a
comma, a lead-in ending in a colon, numbered operative paragraphs with lettered subparagraphs, and
headings: short lines without closing punctuation.
"""

from __future__ import annotations

import re

from kyoto_desk.core.segment import FOOTNOTE_LINE, FRENCH_SUB_LABEL, OPERATIVE_LABEL, SUB_LABEL

ANNEX = re.compile(r"^\**Annex(?:\s+[IVX]+)?\**$", re.IGNORECASE)
RESOLUTION_TITLE = re.compile(r"^(\d{2,4})/(\d{1,4})\.\s+\S")
CLOSING = re.compile(r"^\**\s*\d+(?:st|nd|rd|th)\s+plenary\s+meeting\b", re.IGNORECASE)
OPENING = re.compile(
    r"^(?:The\s+(?:General\s+Assembly|Economic\s+and\s+Social\s+Council|Security\s+Council|"
    r"Human\s+Rights\s+Council|Commission\s+on\s+[A-Z][\w\s]+|Conference\s+of\s+the\s+Parties[\w\s]*)"
    r"\s*[,:]?|We,?\s+(?:the\s+)?(?:Heads|Ministers|Representatives|Member|States|participants)\b.*)$"
)
SYMBOL_LINE = re.compile(r"^[A-Z]{1,2}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+$")
HEADING_MAX = 250

_ROMAN = re.compile(r"^[ivxlc]+$")


def is_terminated(text: str, *, preamble: bool) -> bool:
    """Whether a paragraph ends as a whole paragraph does (so the next block cannot continue it)."""
    stripped = text.rstrip(" *_”’\"')")
    ends = ",;.:" if preamble else ";.:"
    return stripped.endswith(tuple(ends))


def is_heading_like(text: str) -> bool:
    """Short, capitalised, without closing punctuation: how section headings are printed."""
    stripped = text.strip("* ")
    if not stripped or len(stripped) > HEADING_MAX or "\n" in stripped.strip():
        return False
    return stripped[0].isupper() and not stripped.endswith((",", ";", ":", "."))


def split_run_together_headings(text: str) -> list[str] | None:
    """`Pillar*Sub-heading*` (two headings printed on one line) → [pillar, sub-heading]."""
    match = re.match(r"^(.*?[^\s*])\*+([^*]+?)\*+$", text.strip())
    if match and is_heading_like(match.group(1)) and is_heading_like(match.group(2)):
        return [match.group(1).strip(), match.group(2).strip()]
    return None


def is_italic_whole(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith("*") and stripped.endswith("*") and stripped.count("*") in (2, 4)


def operative_label(text: str) -> tuple[str, str, str] | None:
    """(number, suffix, printed label) of "12 bis. …", or None."""
    match = OPERATIVE_LABEL.match(text)
    if not match:
        return None
    printed = match.group(0).strip("*")
    return match.group(1), match.group(2) or "", printed


def sub_label(text: str) -> tuple[str, str] | None:
    """(letter or roman, printed label) of "(a) …" or French/Spanish "a) …", or None."""
    match = SUB_LABEL.match(text) or FRENCH_SUB_LABEL.match(text)
    if not match:
        return None
    return match.group(1), match.group(0).strip("*")


def is_footnote(text: str) -> bool:
    return bool(FOOTNOTE_LINE.match(text))


def next_letter(letter: str) -> str:
    """The letter after `letter` in UN numbering: a … z, aa, bb …"""
    if len(letter) == 1 and letter != "z":
        return chr(ord(letter) + 1)
    if letter == "z":
        return "aa"
    return chr(ord(letter[0]) + 1) * 2


def roman_value(text: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for i, char in enumerate(text):
        value = values[char]
        total += -value if i + 1 < len(text) and values[text[i + 1]] > value else value
    return total


def to_roman(number: int) -> str:
    table = [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
    out = ""
    for value, letters in table:
        while number >= value:
            out += letters
            number -= value
    return out


def is_roman_item(label: str, last_letter: str | None, last_roman: str | None) -> bool:
    """Decide whether "(i)" is the ninth letter or the first roman item, from what came before."""
    if not _ROMAN.match(label):
        return False
    if last_roman is not None and label == to_roman(roman_value(last_roman) + 1):
        return True
    if last_letter is not None and label == next_letter(last_letter):
        return False
    return label == "i" or last_roman is not None
