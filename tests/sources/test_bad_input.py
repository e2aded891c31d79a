"""Bad input gives one clear KyotoDeskError with a hint, never a crash."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from kyoto_desk.errors import ImportFailedError, InputError, KyotoDeskError
from kyoto_desk.sources.importer import detect_format, parse_imported, read_bytes, read_file
from kyoto_desk.sources.readers.docx import check_zip
from tests.sources.fixture_texts import FixtureText

FixtureFile = Callable[[str, str], tuple[FixtureText, bytes]]


def _pdf(draw: Callable[[Canvas], None], encrypt: object = None) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, encrypt=encrypt)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _text(canvas: Canvas) -> None:
    canvas.drawString(72, 700, "1. We express deep concern about crime;")


def _shapes(canvas: Canvas) -> None:  # a scanned page has pictures and no text objects
    for y in range(100, 700, 40):
        canvas.rect(72, y, 400, 20, fill=1)


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_encrypted_pdf_is_refused() -> None:
    data = _pdf(_text, encrypt="secret")
    with pytest.raises(ImportFailedError, match="encrypted") as info:
        read_bytes(data)
    assert info.value.hint


def test_pdf_with_owner_password_only_is_read() -> None:
    """UN PDFs often restrict editing with an owner password; they open without one."""
    data = _pdf(_text, encrypt=StandardEncryption("", ownerPassword="owner", canModify=0))
    assert "We express deep concern" in read_bytes(data).text


def test_image_only_pdf_says_ocr_is_not_supported() -> None:
    with pytest.raises(ImportFailedError, match="no text layer: OCR is not supported"):
        read_bytes(_pdf(_shapes))


@pytest.mark.parametrize(
    "mutilate",
    [
        lambda data: data[: len(data) // 2],
        lambda data: b"%PDF-1.4\n" + b"\x00garbage" * 100,
        lambda data: data.replace(b"/Page", b"/Pxge"),
        lambda data: data.replace(b"stream", b"strim"),
    ],
)
def test_corrupt_pdf_is_refused_cleanly(
    fixture_file: FixtureFile, mutilate: Callable[[bytes], bytes]
) -> None:
    data = mutilate(fixture_file("synthetic", "pdf")[1])
    with pytest.raises(KyotoDeskError):
        parse_imported(read_bytes(data))


def test_zip_bomb_is_refused_before_inflating() -> None:
    bomb = _zip({"word/document.xml": b"\0" * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000
    with pytest.raises(ImportFailedError, match="ZIP bomb"):
        read_bytes(bomb)


def test_declared_size_over_the_limit_is_refused() -> None:
    archive = _zip({"word/document.xml": b"<w:document/>" * 1000})
    with pytest.raises(ImportFailedError, match="unpacks to far more"):
        check_zip(archive, max_uncompressed=1000)


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"word/document.xml": b"<not xml"}, "damaged"),
        ({"word/document.xml": b"<?xml version='1.0'?><root/>"}, "damaged"),
        ({"content.xml": b"<office/>"}, "not a Word document"),
        (
            {
                "word/document.xml": b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"><w:body/></w:document>'
            },
            "no text",
        ),
    ],
)
def test_malformed_docx(entries: dict[str, bytes], message: str) -> None:
    with pytest.raises(KyotoDeskError, match=message):
        parse_imported(read_bytes(_zip(entries)))


def test_docx_entities_are_not_expanded() -> None:
    """Nested entities (the "billion laughs") stay unexpanded: python-docx's parser resolves none."""
    entities = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    body = b"<w:body><w:p><w:r><w:t>1. &b;</w:t></w:r></w:p></w:body>"
    namespace = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = entities + b'<w:document xmlns:w="' + namespace + b'">' + body + b"</w:document>"
    assert "aaaa" not in read_bytes(_zip({"word/document.xml": document})).text


def test_docx_needing_a_newer_zip_version_is_refused(fixture_file: FixtureFile) -> None:
    """Found by fuzzing: zipfile raises NotImplementedError for "zip file version 6.4"."""
    data = bytearray(fixture_file("synthetic", "docx")[1])
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 64  # "version needed to extract" of the first entry
    with pytest.raises(ImportFailedError, match="damaged"):
        read_bytes(bytes(data))


def test_truncated_docx_is_refused(fixture_file: FixtureFile) -> None:
    data = fixture_file("synthetic", "docx")[1]
    with pytest.raises(ImportFailedError, match="damaged"):
        read_bytes(data[: len(data) - 200])


def test_html_without_a_declaration_is_refused() -> None:
    page = b"<!DOCTYPE html><html><head><title>Search</title></head><body><p>No results.</p></body></html>"
    with pytest.raises(ImportFailedError, match="no UN declaration"):
        read_bytes(page)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, r"\.doc"),
        (b"{\\rtf1\\ansi text}", "RTF"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image"),
        (b"\xff\xd8\xff\xe0" + b"\0" * 100, "image"),
    ],
)
def test_unsupported_formats_are_named(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_bytes(data)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"1. Text;\n" * 1000)
    with pytest.raises(InputError, match="over the import limit") as info:
        read_file(path, max_bytes=1000)
    assert "--max-size" in info.value.hint


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Cannot read"):
        read_file(tmp_path / "nowhere.pdf")


def test_text_without_paragraphs_is_an_import_failure() -> None:
    with pytest.raises(ImportFailedError, match=r"notes\.txt"):
        parse_imported(read_bytes(b"Shopping list\n\nmilk\n", name="notes.txt"))


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\n\n%PDF-1.4 after junk", "pdf"),
        (b"PK\x03\x04rest", "docx"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"\xef\xbb\xbf  <html lang='en'>", "html"),
        (b"<?xml version='1.0'?><!-- c --><html>", "html"),
        (b"1. <b>not html</b> at the start", "text"),
        (b"Plain text", "text"),
    ],
)
def test_detect_format_by_magic_bytes(data: bytes, kind: str) -> None:
    assert detect_format(data) == kind
