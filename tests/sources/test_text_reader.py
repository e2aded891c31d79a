"""Text files: the encoding rule (BOM, UTF-8, cp1252 fallback) and refusal of binary or unknown bytes."""

from __future__ import annotations

import codecs

import pytest

from kyoto_desk.errors import InputError
from kyoto_desk.sources.readers.text import decode_text, detect_encoding, read_text

SAMPLE = "1. We reaffirm the “rule of law” – café, naïve, 70/174;¹\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),  # Python writes the BOM of the machine's byte order
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
        (SAMPLE.encode("utf-32"), "utf-32"),
        ("1. We reaffirm the “rule of law” – café;".encode("cp1252"), "cp1252"),
        (b"plain ascii", "utf-8"),
    ],
)
def test_detect_encoding(data: bytes, encoding: str) -> None:
    assert detect_encoding(data) == encoding


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
    ],
)
def test_decoded_text_is_the_same_whatever_the_encoding(data: bytes) -> None:
    assert decode_text(data) == SAMPLE


def test_cp1252_fallback_decodes_smart_quotes() -> None:
    assert decode_text("“Doha” – 2015".encode("cp1252")) == "“Doha” – 2015"


def test_newlines_are_normalised() -> None:
    assert decode_text(b"a\r\nb\rc\fd") == "a\nb\nc\n\nd"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x81\x8d\x8f\x90\x9d not cp1252 either", "encoding"),  # bytes cp1252 leaves undefined
        (b"text\x00with\x00nul\x00bytes", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"\xff\xfe\x00\xd8", "not valid"),  # a UTF-16 BOM then a lone surrogate
    ],
)
def test_refused_bytes(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_text(data)


@pytest.mark.parametrize("data", [b"", b"   \n\n  ", codecs.BOM_UTF8])
def test_empty_file_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="empty"):
        read_text(data)


def test_read_text_trims_and_ends_with_newline() -> None:
    assert read_text(b"\n\n1. Text;\n\n\n").text == "1. Text;\n"
