"""Word list numbering comes back as printed labels ("1.", "(a)"), so the parser sees numbered paragraphs."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from kyoto_desk.sources.importer import parse_imported, read_bytes
from kyoto_desk.sources.readers.docx_numbering import format_number

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize(
    ("number", "fmt", "expected"),
    [
        (3, "decimal", "3"),
        (3, "decimalZero", "03"),
        (1, "lowerLetter", "a"),
        (27, "lowerLetter", "aa"),
        (4, "upperLetter", "D"),
        (14, "lowerRoman", "xiv"),
        (1990, "upperRoman", "MCMXC"),
        (1, "bullet", ""),
        (1, "none", ""),
    ],
)
def test_format_number(number: int, fmt: str, expected: str) -> None:
    assert format_number(number, fmt) == expected


def test_list_number_style_of_python_docx() -> None:
    document = docx.Document()
    document.add_paragraph("The General Assembly,")
    document.add_paragraph("Recalling its resolution 70/174,")
    document.add_paragraph("Welcomes the report;", style="List Number")
    document.add_paragraph("Requests the Secretary-General to report.", style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_bytes(buffer.getvalue()).text
    assert "1. Welcomes the report;\n\n2. Requests the Secretary-General to report.\n" in text
    assert [u.id for u in parse_imported(read_bytes(buffer.getvalue())).units] == ["pp1", "1", "2"]


def _level(ilvl: int, fmt: str, text: str) -> str:
    props = f'<w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
    return f'<w:lvl w:ilvl="{ilvl}">{props}</w:lvl>'


def _numbered_docx(paragraphs: list[tuple[str, int | None]]) -> bytes:
    levels = _level(0, "decimal", "%1.") + _level(1, "lowerLetter", "(%2)") + _level(2, "lowerRoman", "(%3)")
    numbering = (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="7">{levels}</w:abstractNum>'
        '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
    )
    body = ""
    for text, level in paragraphs:
        num = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr>'
        props = "" if level is None else f"<w:pPr>{num}</w:pPr>"
        body += f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"
    document = f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", document)
        archive.writestr("word/numbering.xml", numbering)
    return buffer.getvalue()


def test_nested_levels_restart_under_their_parent() -> None:
    data = _numbered_docx(
        [
            ("Recalling,", None),
            ("Requests:", 0),
            ("Assistance;", 1),
            ("Training, including:", 1),
            ("Courses;", 2),
            ("Manuals;", 2),
            ("Decides;", 0),
            ("Other;", 1),
        ]
    )
    assert read_bytes(data).text.split("\n\n") == [
        "Recalling,",
        "1. Requests:",
        "(a) Assistance;",
        "(b) Training, including:",
        "(i) Courses;",
        "(ii) Manuals;",
        "2. Decides;",
        "(a) Other;\n",
    ]
