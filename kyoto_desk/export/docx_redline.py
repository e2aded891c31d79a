"""Segments into Word runs in UN redline: insertions bold and underlined, deletions struck through.

Formatting comes from the character styles of `docx_layout`; agreed-language shading is the one
direct format, because a run carries a single character style and agreed words may also be inserted.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.text.paragraph import Paragraph
from docx.text.run import Run

from kyoto_desk.core.worddiff import DiffOp
from kyoto_desk.export.docx_layout import AGREED_FILL, DELETION_STYLE, INSERTION_STYLE, NUMBER_STYLE, shade
from kyoto_desk.export.docx_styler import Styler
from kyoto_desk.export.redline_segments import Segment

_STYLE_OF = {DiffOp.INSERT: INSERTION_STYLE, DiffOp.DELETE: DELETION_STYLE, DiffOp.EQUAL: None}


def write_number(paragraph: Paragraph, label: str, styler: Styler) -> None:
    """The paragraph number as printed ("5.", "(a)"), in its own style, before the text."""
    if label:
        styler.run(paragraph, f"{label} ", NUMBER_STYLE)


def write_segments(
    paragraph: Paragraph, segments: Sequence[Segment], styler: Styler, shade_agreed: bool
) -> list[Run]:
    """One run per segment, in order; returns the runs so that comments can be anchored on them."""
    runs: list[Run] = []
    for segment in segments:
        run = styler.run(paragraph, segment.text, _STYLE_OF[segment.op])
        if shade_agreed and segment.agreed:
            shade(run._r.get_or_add_rPr(), AGREED_FILL)
        runs.append(run)
    return runs
