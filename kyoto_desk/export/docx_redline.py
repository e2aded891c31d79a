"""Segments into Word runs in UN redline: insertions bold and underlined, deletions struck through.

Formatting comes from the character styles of `docx_layout`; agreed-language shading is the one
direct format, because a run carries a single character style and agreed words may also be inserted.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.styles.style import CharacterStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from kyoto_desk.core.worddiff import DiffOp
from kyoto_desk.export.docx_layout import AGREED_FILL, DELETION_STYLE, INSERTION_STYLE, NUMBER_STYLE, shade
from kyoto_desk.export.redline_segments import Segment


class RedlineStyles:
    """The character styles looked up once per document (a style lookup walks the styles part)."""

    def __init__(self, document: DocxDocument) -> None:
        self.insertion = _character(document, INSERTION_STYLE)
        self.deletion = _character(document, DELETION_STYLE)
        self.number = _character(document, NUMBER_STYLE)


def _character(document: DocxDocument, name: str) -> CharacterStyle:
    style = document.styles[name]
    assert isinstance(style, CharacterStyle)
    return style


def write_number(paragraph: Paragraph, label: str, styles: RedlineStyles) -> None:
    """The paragraph number as printed ("5.", "(a)"), in its own style, before the text."""
    if label:
        paragraph.add_run(f"{label} ", styles.number)


def write_segments(
    paragraph: Paragraph, segments: Sequence[Segment], styles: RedlineStyles, shade_agreed: bool
) -> list[Run]:
    """One run per segment, in order; returns the runs so that comments can be anchored on them."""
    runs: list[Run] = []
    for segment in segments:
        style = None
        if segment.op is DiffOp.INSERT:
            style = styles.insertion
        elif segment.op is DiffOp.DELETE:
            style = styles.deletion
        run = paragraph.add_run(segment.text, style)
        if shade_agreed and segment.agreed:
            shade(run._r.get_or_add_rPr(), AGREED_FILL)
        runs.append(run)
    return runs
