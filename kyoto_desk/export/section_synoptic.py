"""The synoptic table: older | newer text in aligned rows, the newer in UN redline, with themes."""

from __future__ import annotations

from collections.abc import Sequence

from docx.shared import Length
from docx.table import Table, _Cell

from kyoto_desk.core.worddiff import DiffOp
from kyoto_desk.export.annotation_index import AnnotationIndex
from kyoto_desk.export.docx_comments import anchor_comment
from kyoto_desk.export.docx_layout import (
    CAPTION_STYLE,
    CELL_NOTE_STYLE,
    CELL_STYLE,
    SECTION_FILL,
    TABLE_HEADING_STYLES,
    add_row,
    add_table,
    merge_down,
    shade_cell,
    span_row,
)
from kyoto_desk.export.docx_redline import write_number, write_segments
from kyoto_desk.export.docx_styler import Styler
from kyoto_desk.export.progress import ExportSteps
from kyoto_desk.export.redline_segments import Segment
from kyoto_desk.export.synoptic_rows import SynopticGroup, UnitCell

_SHARES = (0.39, 0.43, 0.18)


class SynopticWriter:
    """Writes groups as table rows and, when asked, the annotations as comments on their words."""

    def __init__(
        self, styler: Styler, index: AnnotationIndex, with_comments: bool, shade_agreed: bool
    ) -> None:
        self.styler = styler
        self.document = styler.document
        self.index = index
        self.with_comments = with_comments
        self.shade_agreed = shade_agreed
        self.comments = 0

    def write(
        self, headers: Sequence[str], groups: Sequence[SynopticGroup], width: Length, steps: ExportSteps
    ) -> Table:
        widths = [Length(int(width * share)) for share in _SHARES]
        table = add_table(self.styler, headers, widths)
        current: tuple[str, ...] = ()
        for group in groups:
            for level, heading in changed_headings(current, group.headings):
                self._heading_row(table, heading, level)
            current = group.headings
            rows = [add_row(table) for _ in range(group.height)]
            self._column(rows, 0, group.old)
            self._column(rows, 1, group.new)
            self._change(_span(rows, 2, 0), group)
            steps.advance()
        return table

    def _column(self, rows: list[list[_Cell]], column: int, units: Sequence[UnitCell]) -> None:
        for index, unit in enumerate(units):
            # The side with fewer units lets its last cell run down the remaining rows.
            target = _span(rows, column, index) if index == len(units) - 1 else rows[index][column]
            paragraph = self.styler.paragraph(target.paragraphs[0], CELL_STYLE)
            write_number(paragraph, unit.label, self.styler)
            runs = write_segments(paragraph, unit.segments, self.styler, self.shade_agreed)
            if self.with_comments and unit.unit_id:
                for annotation in self.index.on(unit.side, unit.unit_id):
                    self.comments += anchor_comment(self.document, runs, unit.segments, annotation)
        if not units:
            _span(rows, column, 0)

    def _heading_row(self, table: Table, heading: str, level: int) -> None:
        """A full-width row naming the section the next rows belong to."""
        cells = add_row(table, keep_together=True)
        cell = span_row(cells)
        self.styler.run(self.styler.paragraph(cell.paragraphs[0], TABLE_HEADING_STYLES[level > 1]), heading)
        shade_cell(cell, SECTION_FILL)

    def _change(self, cell: _Cell, group: SynopticGroup) -> None:
        head = self.styler.paragraph(cell.paragraphs[0], CELL_STYLE)
        head.add_run(group.change).bold = True
        percent = int(group.similarity * 100) if group.similarity is not None else 100
        if percent < 100:  # floored: a reworded paragraph never reads "100% similar"
            head.add_run(f" · {percent}% similar")
        if group.themes:
            self.styler.add_paragraph(cell, "Themes: " + ", ".join(group.themes), CELL_NOTE_STYLE)


def changed_headings(current: tuple[str, ...], wanted: tuple[str, ...]) -> list[tuple[int, str]]:
    """The (level, heading) pairs to print when the heading path changes, as a printed text would."""
    shared = 0
    while shared < min(len(current), len(wanted)) and current[shared] == wanted[shared]:
        shared += 1
    return list(enumerate(wanted[shared:], start=shared + 1))


def _span(rows: list[list[_Cell]], column: int, first: int) -> _Cell:
    """The cell of `column` from row `first` to the group's last row, merged when that is several rows."""
    return merge_down([row[column] for row in rows[first:]])


def write_legend(styler: Styler, shade_agreed: bool) -> None:
    """A caption showing the redline conventions with the styles themselves."""
    paragraph = styler.add_paragraph(styler.document, "", CAPTION_STYLE)
    paragraph.add_run("The newer text is shown in UN redline: ")
    samples = [Segment(DiffOp.INSERT, "inserted words", None), Segment(DiffOp.EQUAL, ", ", None)]
    samples.append(Segment(DiffOp.DELETE, "deleted words", None))
    if shade_agreed:
        samples += [
            Segment(DiffOp.EQUAL, ", ", None),
            Segment(DiffOp.EQUAL, "agreed language", None, agreed=True),
        ]
    write_segments(paragraph, samples, styler, shade_agreed)
    paragraph.add_run(
        ". Rows follow the order of the newer text; dropped paragraphs stand after their predecessor."
    )
