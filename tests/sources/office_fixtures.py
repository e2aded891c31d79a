"""Build DOCX (python-docx, with real footnotes) and HTML files from a FixtureText (test fixtures only)."""

from __future__ import annotations

import html
import io
import re
import zipfile

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.text.paragraph import Paragraph

from tests.sources.fixture_texts import FixtureText

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_PIECES = re.compile(rf"(\*[^*]*\*|[{_SUPERSCRIPTS}]+)")
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _number(marker: str) -> int:
    return int(marker.translate(str.maketrans(_SUPERSCRIPTS, "0123456789")))


def _footnote_reference(paragraph: Paragraph, number: int) -> None:
    run = paragraph.add_run()
    props = OxmlElement("w:rPr")
    vert = OxmlElement("w:vertAlign")
    vert.set(qn("w:val"), "superscript")
    props.append(vert)
    run._r.append(props)
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(number))
    run._r.append(reference)


def _fill(paragraph: Paragraph, text: str) -> None:
    for piece in _PIECES.split(text):
        if not piece:
            continue
        if piece.startswith("*") and piece.endswith("*") and len(piece) > 1:
            paragraph.add_run(piece[1:-1]).italic = True
        elif piece[0] in _SUPERSCRIPTS:
            _footnote_reference(paragraph, _number(piece))
        else:
            paragraph.add_run(piece)


def _runs_xml(text: str) -> str:
    out = []
    for piece in _PIECES.split(text):
        if not piece:
            continue
        italic = piece.startswith("*") and piece.endswith("*") and len(piece) > 1
        body = html.escape(piece[1:-1] if italic else piece, quote=False)
        props = "<w:rPr><w:i/></w:rPr>" if italic else ""
        out.append(f'<w:r>{props}<w:t xml:space="preserve">{body}</w:t></w:r>')
    return "".join(out)


def _footnotes_xml(doc: FixtureText) -> str:
    notes = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>",
    ]
    for number, text in sorted(doc.footnotes.items()):
        notes.append(
            f'<w:footnote w:id="{number}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
            f"{_runs_xml(text)}</w:p></w:footnote>"
        )
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    return f'{head}<w:footnotes xmlns:w="{_W_NS}">{"".join(notes)}</w:footnotes>'


def _add_footnotes_part(data: bytes, doc: FixtureText) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/'
                    b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
                )
            target.writestr(item, content)
        target.writestr("word/footnotes.xml", _footnotes_xml(doc))
    return out.getvalue()


def build_docx(doc: FixtureText) -> bytes:
    """A .docx of `doc`: symbol in the page header, italics as runs, footnotes as Word footnotes."""
    document = docx.Document()
    document.core_properties.title = doc.short_title
    document.sections[0].header.paragraphs[0].text = doc.symbol
    for index, text in enumerate(doc.paragraphs):
        paragraph = document.add_paragraph()
        _fill(paragraph, text)
        if index in doc.headings:
            for run in paragraph.runs:
                run.bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return _add_footnotes_part(buffer.getvalue(), doc)


def _html_inline(text: str) -> str:
    escaped = html.escape(text, quote=False)
    escaped = re.sub(r"\*([^*]+)\*", r"<em>\1</em>", escaped)
    return re.sub(
        rf"[{_SUPERSCRIPTS}]+",
        lambda m: f'<sup><a href="#fn{_number(m.group(0))}">{_number(m.group(0))}</a></sup>',
        escaped,
    )


def build_html(doc: FixtureText) -> bytes:
    """A UN-documents-style page: navigation and scripts around the text, footnotes at the end."""
    body = []
    for index, text in enumerate(doc.paragraphs):
        tag = "h2" if index in doc.headings else "p"
        body.append(f"<{tag}>{_html_inline(text)}</{tag}>")
    notes = "".join(
        f'<p id="fn{n}"><sup>{n}</sup> {_html_inline(t)}</p>' for n, t in sorted(doc.footnotes.items())
    )
    page = (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{doc.symbol} - {html.escape(doc.short_title)}</title>"
        "<style>p { margin: 0 }</style><script>var menu = '1. not text';</script></head>"
        "<body><nav><ul><li>Home</li><li>Documents</li></ul></nav><main>"
        f"{''.join(body)}<hr><div class='footnotes'>{notes}</div></main>"
        "<footer>Contact us | Terms of use</footer></body></html>"
    )
    return page.encode("utf-8")
