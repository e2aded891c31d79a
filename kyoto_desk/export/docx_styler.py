"""Styles applied by id, and runs built directly: the two hot paths of writing a briefing.

python-docx resolves a style name by scanning every style of the document on each assignment, and
adds a run by walking its text a character at a time while searching the paragraph's children for
the insertion point; together they were most of the export time. The results are the same XML.
"""

from __future__ import annotations

import re

from docx.blkcntnr import BlockItemContainer
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

# Characters XML 1.0 forbids (controls other than tab and newlines); python-docx refuses them outright, and
# a note pasted from another program or a text extracted from a PDF can carry one.
_NEEDS_CONVERSION = re.compile("[\t\r\n]")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters a .docx cannot hold (each becomes a space, keeping offsets)."""
    return _XML_INVALID.sub(" ", text)


class Styler:
    """Writes paragraphs and runs in the briefing's named styles, looking each style id up once."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self._ids = {style.name: style.style_id for style in document.styles}

    def paragraph(self, paragraph: Paragraph, name: str) -> Paragraph:
        """Give `paragraph` the style `name`."""
        p = paragraph._p
        if p.pPr is not None:
            p.style = self._ids[name]
            return paragraph
        properties = p.makeelement(qn("w:pPr"))
        style = properties.makeelement(qn("w:pStyle"))
        style.set(qn("w:val"), self._ids[name])
        properties.append(style)
        p.insert(0, properties)  # the paragraph's properties come before its runs
        return paragraph

    def add_paragraph(self, container: BlockItemContainer | DocxDocument, text: str, name: str) -> Paragraph:
        """A new paragraph at the end of `container` holding `text` in style `name`."""
        paragraph = self.paragraph(container.add_paragraph(), name)
        if text:
            self.run(paragraph, text)
        return paragraph

    def heading(self, text: str, level: int) -> Paragraph:
        """A heading of the document ("Heading 1", "Heading 2")."""
        return self.add_paragraph(self.document, text, f"Heading {level}")

    def run(self, paragraph: Paragraph, text: str, name: str | None = None) -> Run:
        """Append a run of `text` in character style `name` (None: the paragraph's own)."""
        text = xml_safe(text)
        if _NEEDS_CONVERSION.search(text):  # tabs and line breaks become w:tab and w:br elements
            run = paragraph.add_run(text)
            if name is not None:
                run._r.style = self._ids[name]
            return run
        p = paragraph._p
        r = p.makeelement(qn("w:r"))
        if name is not None:
            properties = r.makeelement(qn("w:rPr"))
            style = properties.makeelement(qn("w:rStyle"))
            style.set(qn("w:val"), self._ids[name])
            properties.append(style)
            r.append(properties)
        if text:
            element = r.makeelement(qn("w:t"))
            element.text = text
            if text != text.strip():
                element.set(qn("xml:space"), "preserve")
            r.append(element)
        p.append(r)
        return Run(r, paragraph)
