"""Reader details: PDFs from another producer, italic font names, progress and cancellation."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from kyoto_desk.sources.progress import OperationCancelledError
from kyoto_desk.sources.readers.docx import read_docx
from kyoto_desk.sources.readers.html import read_html
from kyoto_desk.sources.readers.pdf import _ITALIC_FONT, read_pdf
from tests.sources import un_pdf
from tests.sources.fixture_texts import FixtureText

FixtureFile = Callable[[str, str], tuple[FixtureText, bytes]]


def _platypus_pdf(paragraphs: list[str]) -> bytes:
    """Justified paragraphs as reportlab's layout engine sets them: space glyphs and word spacing."""
    assert un_pdf.LEFT  # the module registers the Body fonts
    for bold, italic, face in ((0, 0, "Body"), (0, 1, "BodyIt"), (1, 0, "BodyBd"), (1, 1, "BodyBd")):
        addMapping("Body", bold, italic, face)
    style = ParagraphStyle(
        "body", fontName="Body", fontSize=10, leading=12, alignment=TA_JUSTIFY, spaceAfter=6
    )
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([Paragraph(p, style) for p in paragraphs])
    return buffer.getvalue()


def test_pdf_with_space_glyphs_and_word_spacing() -> None:
    data = _platypus_pdf(
        [
            "<i>Recalling</i> its resolution 70/174 of 17 December 2015 on the follow-up to the Thirteenth "
            "United Nations Congress on Crime Prevention and Criminal Justice and the preparations for the "
            "Fourteenth Congress,<super>1</super>",
            "1. <i>Welcomes</i> the report of the Secretary-General on the implementation of the present "
            "resolution, and requests the Secretariat to continue its work on the financing of terrorism.",
        ]
    )
    assert read_pdf(data).text == (
        "*Recalling* its resolution 70/174 of 17 December 2015 on the follow-up to the Thirteenth United "
        "Nations Congress on Crime Prevention and Criminal Justice and the preparations for the Fourteenth "
        "Congress,¹\n\n1. *Welcomes* the report of the Secretary-General on the implementation of the "
        "present resolution, and requests the Secretariat to continue its work on the financing of "
        "terrorism.\n"
    )


@pytest.mark.parametrize(
    ("font", "italic"),
    [
        ("ABCDEF+TimesNewRomanPS-ItalicMT", True),
        ("TimesNewRoman,Italic", True),
        ("TimesNewRoman,BoldItalic", True),
        ("AAAAAA+BitstreamVeraSans-Oblique", True),
        ("Times-BoldIt", True),
        ("ABCDEF+TimesNewRomanPSMT", False),
        ("TimesNewRoman,Bold", False),
        ("Arial-BoldMT", False),
    ],
)
def test_italic_font_names(font: str, italic: bool) -> None:
    assert bool(_ITALIC_FONT.search(font)) is italic


def test_pdf_progress_and_cancel(fixture_file: FixtureFile) -> None:
    data = fixture_file("synthetic", "pdf")[1]
    seen: list[float] = []
    read_pdf(data, progress=seen.append)
    assert seen == [0.5, 1.0]
    with pytest.raises(OperationCancelledError, match="cancelled"):
        read_pdf(data, is_cancelled=lambda: True)


def test_docx_progress(fixture_file: FixtureFile) -> None:
    seen: list[float] = []
    read_docx(fixture_file("kyoto", "docx")[1], progress=seen.append)
    assert seen[-1] == 1.0 and seen == sorted(seen)


def test_html_decodes_the_declared_charset() -> None:
    page = (
        "<html><head><meta charset='windows-1252'></head><body>"
        "<p>1. We reaffirm the “rule of law” – café;</p></body></html>"
    ).encode("cp1252")
    assert read_html(page).text == "1. We reaffirm the “rule of law” – café;\n"


def test_html_skips_navigation_and_scripts(fixture_file: FixtureFile) -> None:
    text = read_html(fixture_file("synthetic", "html")[1]).text
    assert "Home" not in text and "not text" not in text and "Terms of use" not in text


def test_html_line_breaks() -> None:
    page = b"<html><body><p>1. One line<br>goes on;</p><div>2. Two<br>\n<br>3. Three;</div></body></html>"
    assert read_html(page).text == "1. One line goes on;\n\n2. Two\n\n3. Three;\n"


def test_readers_give_the_same_text_on_worker_threads(fixture_file: FixtureFile) -> None:
    """The UI runs imports on a thread pool: concurrent reads must not interfere."""
    from concurrent.futures import ThreadPoolExecutor

    from kyoto_desk.sources.importer import read_bytes

    files = [fixture_file("synthetic", kind)[1] for kind in ("pdf", "pdf-noisy", "docx", "html")] * 2
    serial = [read_bytes(data).text for data in files]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(lambda data: read_bytes(data).text, files)) == serial


def test_blocks_printed_side_by_side_become_separate_paragraphs() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 780, "United Nations")
    canvas.drawRightString(523, 780, "A/RES/85/321")
    canvas.drawString(72, 750, "General Assembly")
    canvas.drawString(400, 750, "Distr.: General")
    canvas.drawString(400, 738, "9 January 2031")
    canvas.drawString(72, 700, "1. Welcomes the report;")
    canvas.showPage()
    canvas.save()
    imported = read_pdf(buffer.getvalue())
    assert imported.text == (
        "United Nations\n\nGeneral Assembly\n\nDistr.: General 9 January 2031\n\n1. Welcomes the report;\n"
    )
    assert imported.symbols == ("A/RES/85/321",)


@pytest.mark.parametrize(
    "page",
    [
        b"<html><body><![if !supportLists]><p>1. Welcomes;</p><![endif]></body></html>",
        b"<html><body><p>1. Welcomes;</p><![CDATA[ junk ]]></body></html>",
    ],
)
def test_html_conditional_sections_of_word_are_skipped(page: bytes) -> None:
    assert read_html(page).text == "1. Welcomes;\n"


def test_html_with_a_malformed_declaration_is_refused() -> None:
    from kyoto_desk.errors import ImportFailedError

    with pytest.raises(ImportFailedError, match="malformed"):
        read_html(b"<!DOCTYPE html><p>1. x</p><![foo[ x")
