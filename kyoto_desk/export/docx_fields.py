"""Word fields (PAGE, NUMPAGES) and the running header and footer of a briefing."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run

HEADER_STYLE = "Header"
FOOTER_STYLE = "Footer"


def _fld_char(kind: str) -> BaseOxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> Run:
    """Append a complex field (begin, instruction, separate, cached result, end) to `paragraph`.

    A complex field rather than `w:fldSimple` because both Word and LibreOffice update it on open
    and print; the placeholder is what shows until they do.
    """
    begin = paragraph.add_run()
    begin._r.append(_fld_char("begin"))
    code = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    code._r.append(instr)
    separate = paragraph.add_run()
    separate._r.append(_fld_char("separate"))
    result = paragraph.add_run(placeholder)
    end = paragraph.add_run()
    end._r.append(_fld_char("end"))
    return result


def add_page_numbers(paragraph: Paragraph) -> None:
    """ "Page N of M" with live fields."""
    paragraph.add_run("Page ")
    add_field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    add_field(paragraph, "NUMPAGES")


def set_header_footer(document: DocxDocument, running_title: str, marking: str) -> None:
    """Header: the marking (if any) and the title; footer: the marking and page numbers.

    Set on the first section only: later sections (the landscape table) link to it, so every page
    carries the same header and footer.
    """
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.style = document.styles[HEADER_STYLE]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if marking:
        header.add_run(marking.upper()).bold = True
        header.add_run("\n")
    header.add_run(running_title)
    footer = section.footer.paragraphs[0]
    footer.style = document.styles[FOOTER_STYLE]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if marking:
        footer.add_run(marking.upper()).bold = True
        footer.add_run("\n")
    add_page_numbers(footer)
