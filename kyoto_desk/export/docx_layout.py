"""The briefing's named styles, tables with repeated header rows, cell shading and landscape sections.

Every piece of text the briefing writes carries one of the named styles defined here, so a Word user
restyles the whole briefing by editing a style, never run by run.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Cm, Length, Pt, RGBColor
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.table import Table, _Cell, _Row

from kyoto_desk.export.docx_styler import Styler

BODY_FONT = "Times New Roman"  # the face of UN documents; LibreOffice substitutes Liberation Serif

TITLE_STYLE = "Briefing Title"
SUBTITLE_STYLE = "Briefing Subtitle"
COVER_STYLE = "Briefing Cover Line"
MARKING_STYLE = "Briefing Marking"
CELL_STYLE = "Briefing Cell"
CELL_HEADER_STYLE = "Briefing Table Header"
CELL_NOTE_STYLE = "Briefing Cell Note"
CELL_NUMBER_STYLE = "Briefing Cell Number"
CAPTION_STYLE = "Briefing Caption"
INSERTION_STYLE = "Redline Insertion"
DELETION_STYLE = "Redline Deletion"
NUMBER_STYLE = "Paragraph Number"
TABLE_STYLE = "Table Grid"

HEADER_FILL = "D9E2F3"
SECTION_FILL = "F2F2F2"
TABLE_HEADING_STYLES = ("Briefing Table Section", "Briefing Table Subsection")  # by heading level 1, 2+
AGREED_FILL = "EDEDED"


def _paragraph_style(document: DocxDocument, name: str, base: str = "Normal") -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = document.styles[base]
    style.quick_style = True
    return style


def _character_style(document: DocxDocument, name: str) -> CharacterStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    assert isinstance(style, CharacterStyle)
    style.base_style = document.styles["Default Paragraph Font"]
    style.quick_style = True
    return style


def _spacing(style: ParagraphStyle, before: float, after: float) -> None:
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.space_after = Pt(after)


def _set_face(style: ParagraphStyle, name: str) -> None:
    """Use the face `name`, dropping the template's theme fonts, which would otherwise win over it."""
    style.font.name = name
    fonts = style.element.rPr.rFonts if style.element.rPr is not None else None
    if fonts is not None:
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)


def define_styles(document: DocxDocument) -> None:
    """Add the briefing's styles to a fresh python-docx document."""
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _set_face(normal, BODY_FONT)
    normal.font.size = Pt(11)
    for level, size in ((1, 15), (2, 12.5)):
        heading = document.styles[f"Heading {level}"]
        assert isinstance(heading, ParagraphStyle)
        _set_face(heading, BODY_FONT)
        heading.font.size = Pt(size)
        heading.font.color.rgb = RGBColor(0x1F, 0x38, 0x64)
    title = _paragraph_style(document, TITLE_STYLE)
    title.font.size, title.font.bold = Pt(22), True
    _spacing(title, 72, 18)
    subtitle = _paragraph_style(document, SUBTITLE_STYLE)
    subtitle.font.size, subtitle.font.italic = Pt(13), True
    _spacing(subtitle, 0, 24)
    _spacing(_paragraph_style(document, COVER_STYLE), 0, 6)
    marking = _paragraph_style(document, MARKING_STYLE)
    marking.font.bold, marking.font.size = True, Pt(12)
    marking.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    caption = _paragraph_style(document, CAPTION_STYLE)
    caption.font.italic, caption.font.size = True, Pt(9)
    _define_table_styles(document)
    insertion = _character_style(document, INSERTION_STYLE)
    insertion.font.bold, insertion.font.underline = True, True
    _character_style(document, DELETION_STYLE).font.strike = True
    _character_style(document, NUMBER_STYLE).font.bold = True


def _define_table_styles(document: DocxDocument) -> None:
    cell = _paragraph_style(document, CELL_STYLE)
    cell.font.size = Pt(9.5)
    _spacing(cell, 0, 3)
    _paragraph_style(
        document, CELL_NUMBER_STYLE, CELL_STYLE
    ).paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header = _paragraph_style(document, CELL_HEADER_STYLE, CELL_STYLE)
    header.font.bold = True
    for name, size in zip(TABLE_HEADING_STYLES, (10.5, 9.5), strict=True):
        section = _paragraph_style(document, name, CELL_STYLE)
        section.font.bold, section.font.size = True, Pt(size)
        section.font.italic = name == TABLE_HEADING_STYLES[1]
        section.paragraph_format.keep_with_next = True  # never a heading alone at the foot of a page
    note = _paragraph_style(document, CELL_NOTE_STYLE, CELL_STYLE)
    note.font.italic, note.font.size = True, Pt(8.5)
    note.font.color.rgb = RGBColor(0x40, 0x40, 0x40)


def shade(element_properties: BaseOxmlElement, fill: str) -> None:
    """Add a solid background `fill` (hex RGB) to a run's or a cell's property element."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    element_properties.append(shading)


def shade_cell(cell: _Cell, fill: str) -> None:
    shade(cell._tc.get_or_add_tcPr(), fill)


def repeat_as_header(row: _Row) -> None:
    """Mark `row` as a header row Word and LibreOffice repeat at the top of every page."""
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def add_table(styler: Styler, headers: Sequence[str], widths: Sequence[Length]) -> Table:
    """A grid table with a shaded, repeated header row and fixed column widths."""
    document = styler.document
    table: Table = document.add_table(rows=1, cols=len(headers))
    table.style = document.styles[TABLE_STYLE]
    table.autofit = False
    header = table.rows[0]
    repeat_as_header(header)
    for cell, text, width in zip(header.cells, headers, widths, strict=True):
        cell.width = width
        styler.run(styler.paragraph(cell.paragraphs[0], CELL_HEADER_STYLE), text)
        shade_cell(cell, HEADER_FILL)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    return table


def add_row(table: Table, keep_together: bool = False) -> list[_Cell]:
    """A new body row whose cells have the widths of the table's grid columns and one empty paragraph.

    `keep_together` stops the row breaking across pages: right for short rows (positions, counts),
    wrong for synoptic rows, whose long paragraphs would leave half-empty pages. The row is built
    directly: python-docx's `add_row` searches each element's place among its siblings one by one.
    """
    tbl = table._tbl
    tr = tbl.makeelement(qn("w:tr"))
    if keep_together:
        properties = tr.makeelement(qn("w:trPr"))
        properties.append(properties.makeelement(qn("w:cantSplit")))
        tr.append(properties)
    for column in tbl.tblGrid.gridCol_lst:
        tc = tr.makeelement(qn("w:tc"))
        tc_properties = tc.makeelement(qn("w:tcPr"))
        width = tc_properties.makeelement(qn("w:tcW"))
        width.set(qn("w:w"), str(int((column.w or 0) / 635)))  # EMU to twentieths of a point
        width.set(qn("w:type"), "dxa")
        tc_properties.append(width)
        tc.append(tc_properties)
        tc.append(tc.makeelement(qn("w:p")))
        tr.append(tc)
    tbl.append(tr)
    return [_Cell(tc, table) for tc in tr.tc_lst]


def _cell_property(cell: _Cell, tag: str, value: str | None) -> None:
    # tcPr holds tcW first; gridSpan and vMerge follow it in the schema's order, before any shading.
    element = OxmlElement(tag)
    if value is not None:
        element.set(qn("w:val"), value)
    properties = cell._tc.get_or_add_tcPr()
    properties.insert(1 if properties.tcW is not None else 0, element)


def merge_down(cells: Sequence[_Cell]) -> _Cell:
    """Merge fresh, empty cells of one column vertically; returns the top cell, which shows the text.

    Marked directly (vMerge restart/continue): python-docx's `merge` recomputes the table's grid for
    every call, and the cells here are known to be empty and aligned.
    """
    if len(cells) > 1:
        _cell_property(cells[0], "w:vMerge", "restart")
        for cell in cells[1:]:
            _cell_property(cell, "w:vMerge", None)
    return cells[0]


def span_row(cells: Sequence[_Cell]) -> _Cell:
    """Turn a fresh row's cells into one cell spanning all its grid columns."""
    first = cells[0]
    _cell_property(first, "w:gridSpan", str(len(cells)))
    width = sum((c.width or 0) for c in cells)
    for cell in cells[1:]:
        first._tc.getparent().remove(cell._tc)
    first.width = Length(width)
    return first


def text_width(section: Section) -> Length:
    """The width between the margins of `section`."""
    width = section.page_width - section.left_margin - section.right_margin  # type: ignore[operator]
    return Length(width)


def set_margins(section: Section) -> None:
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)


def start_section(document: DocxDocument, landscape: bool) -> Section:
    """A new section on a new page, in landscape or portrait, inheriting header and footer."""
    section: Section = document.add_section(WD_SECTION.NEW_PAGE)
    long_side = max(section.page_width or 0, section.page_height or 0)
    short_side = min(section.page_width or 0, section.page_height or 0)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Length(long_side if landscape else short_side)
    section.page_height = Length(short_side if landscape else long_side)
    return section
