"""The positions table (paragraph, stance, note, proposed amendment, author) and amendments in redline."""

from __future__ import annotations

from docx.shared import Length

from kyoto_desk.core.annotation import Annotation
from kyoto_desk.core.model import Document
from kyoto_desk.core.worddiff import DiffOp
from kyoto_desk.export.annotation_index import PlacedAnnotation
from kyoto_desk.export.docx_layout import CELL_NOTE_STYLE, CELL_STYLE, add_row, add_table
from kyoto_desk.export.docx_redline import write_number, write_segments
from kyoto_desk.export.docx_styler import Styler
from kyoto_desk.export.progress import ExportSteps
from kyoto_desk.export.redline_segments import Segment, Side
from kyoto_desk.export.synoptic_rows import display_label

POSITION_HEADERS = ("Paragraph", "Stance", "Note", "Proposed amendment", "Author")
_SHARES = (0.17, 0.13, 0.34, 0.22, 0.14)


def paragraph_name(side: Side | None, unit_id: str, documents: dict[Side, Document]) -> str:
    if side is None:
        return f"{unit_id} (in neither text)"
    document = documents[side]
    label = display_label(document.unit(unit_id)).rstrip(".") if unit_id in document else ""
    which = "newer" if side is Side.NEW else "older"
    return f"{label or unit_id} ({which})"


def write_positions(
    styler: Styler,
    placed: list[PlacedAnnotation],
    documents: dict[Side, Document],
    width: Length,
    steps: ExportSteps,
) -> None:
    """One row per annotation, in reading order, the quoted words under the paragraph number."""
    document = styler.document
    styler.heading("Positions", 1)
    if not placed:
        document.add_paragraph("No annotations fall within the scope of this briefing.")
        return
    widths = [Length(int(width * share)) for share in _SHARES]
    table = add_table(styler, POSITION_HEADERS, widths)
    for index, item in enumerate(placed):
        a = item.annotation
        cells = add_row(table, keep_together=True)
        values = (paragraph_name(item.side, a.unit_id, documents), a.stance, a.note, a.amendment, a.author)
        for cell, value in zip(cells, values, strict=True):
            styler.run(styler.paragraph(cell.paragraphs[0], CELL_STYLE), value)
        styler.add_paragraph(cells[0], f"“{a.quote.exact}”", CELL_NOTE_STYLE)
        if index % 50 == 49:
            steps.check()


def _spaced(quote: str, amendment: str) -> str:
    return amendment if quote[-1:].isspace() or amendment[:1].isspace() else " " + amendment


def amendment_segments(text: str, annotation: Annotation) -> list[Segment]:
    """The paragraph with the quoted words struck through and the proposed words inserted after them."""
    start, end = annotation.position.start, annotation.position.end
    if annotation.orphaned or text[start:end] != annotation.quote.exact:
        # The quote moved or vanished: show the proposal on its own rather than in the wrong place.
        return [
            Segment(DiffOp.DELETE, annotation.quote.exact, None),
            Segment(DiffOp.INSERT, annotation.amendment, None),
        ]
    pieces = [
        Segment(DiffOp.EQUAL, text[:start], (0, start)),
        Segment(DiffOp.DELETE, text[start:end], None),
        # A space keeps the struck and the inserted words apart, as in a printed UN redline.
        Segment(DiffOp.INSERT, _spaced(text[start:end], annotation.amendment), None),
        Segment(DiffOp.EQUAL, text[end:], (end, len(text))),
    ]
    return [p for p in pieces if p.text]


def write_amendments(styler: Styler, placed: list[PlacedAnnotation], documents: dict[Side, Document]) -> None:
    """Each proposed amendment as a redline of the paragraph it amends."""
    proposals = [p for p in placed if p.annotation.amendment.strip()]
    proposals = [p for p in proposals if p.side is not None] + [p for p in proposals if p.side is None]
    document = styler.document
    styler.heading("Proposed amendments", 1)
    if not proposals:
        document.add_paragraph("No amendments are proposed within the scope of this briefing.")
        return
    for item in proposals:
        a = item.annotation
        unit = documents[item.side].unit(a.unit_id) if item.side is not None else None
        who = f" — {a.author}" if a.author else ""
        styler.heading(f"Paragraph {paragraph_name(item.side, a.unit_id, documents)}{who}", 2)
        paragraph = document.add_paragraph()
        write_number(paragraph, display_label(unit) if unit else "", styler)
        text = unit.text if unit else ""
        write_segments(paragraph, amendment_segments(text, a), styler, shade_agreed=False)
        if a.note:
            styler.add_paragraph(document, a.note, CELL_NOTE_STYLE)
