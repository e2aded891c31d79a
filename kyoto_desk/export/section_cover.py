"""The cover page: title, date, author or delegation, the two documents, scope and marking."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK

from kyoto_desk.core.model import Document
from kyoto_desk.export.briefing_options import BriefingOptions, Scope
from kyoto_desk.export.docx_layout import COVER_STYLE, MARKING_STYLE, SUBTITLE_STYLE, TITLE_STYLE
from kyoto_desk.export.docx_styler import xml_safe

_SCOPE_TEXT = {
    Scope.ALL: "all paragraphs",
    Scope.CHANGED: "changed paragraphs only",
    Scope.ANNOTATED: "annotated paragraphs only",
}


def describe(document: Document) -> str:
    """A document as a reader cites it: title, symbols and year."""
    info = document.info
    parts = [info.title or info.alias or "Untitled text"]
    if info.symbols:
        parts.append(", ".join(info.symbols))
    if info.year:
        parts.append(str(info.year))
    return xml_safe(" · ".join(parts))


def short_name(document: Document, fallback: str) -> str:
    """The name a column header uses: the first symbol, else the alias, else `fallback`."""
    info = document.info
    return info.symbols[0] if info.symbols else (info.alias.capitalize() if info.alias else fallback)


def scope_text(options: BriefingOptions) -> str:
    text = _SCOPE_TEXT[options.scope]
    if options.themes:
        text += "; themes: " + ", ".join(options.themes)
    return text


def write_cover(document: DocxDocument, old: Document, new: Document, options: BriefingOptions) -> None:
    if options.confidentiality:
        document.add_paragraph(options.confidentiality.upper(), MARKING_STYLE)
    document.add_paragraph(options.title, TITLE_STYLE)
    document.add_paragraph("Comparison of two texts, with the delegation's analysis", SUBTITLE_STYLE)
    lines = [
        ("Date", options.effective_date().strftime("%d %B %Y").lstrip("0")),
        ("Prepared by", options.author or "—"),
        ("Older text", describe(old)),
        ("Newer text", describe(new)),
        ("Scope", scope_text(options)),
    ]
    for label, value in lines:
        paragraph = document.add_paragraph(style=COVER_STYLE)
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    document.add_paragraph(style=COVER_STYLE).add_run().add_break(WD_BREAK.PAGE)
