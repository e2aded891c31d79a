"""Fuzzing the readers: whatever the bytes, the importer returns text or raises a KyotoDeskError.

The default runs are bounded so CI stays fast; `pytest -m slow` runs the long ones.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kyoto_desk.errors import KyotoDeskError
from kyoto_desk.sources.importer import parse_imported, read_bytes
from kyoto_desk.sources.unlayout import clean_pages
from tests.sources.fixture_texts import FixtureText

FixtureFile = Callable[[str, str], tuple[FixtureText, bytes]]
QUICK = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<!DOCTYPE html>", b"\xef\xbb\xbf", b"\xff\xfe"]


def _import_or_refuse(data: bytes) -> None:
    try:
        imported = read_bytes(data)
    except KyotoDeskError as exc:
        assert exc.message
        return
    assert imported.text.endswith("\n")
    try:
        parse_imported(imported)
    except KyotoDeskError as exc:
        assert exc.message


def _mutate(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for position, value in edits:
        out[position % len(out)] = value
    return bytes(out)


edits_strategy = st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=20)


def _arbitrary_bytes_test(data: bytes, prefix: bytes) -> None:
    _import_or_refuse(prefix + data)


def _mutation_test(fixture_file: FixtureFile, kind: str, edits: list[tuple[int, int]]) -> None:
    _import_or_refuse(_mutate(fixture_file("synthetic", kind)[1], edits))


@QUICK
@given(data=st.binary(max_size=2000), prefix=st.sampled_from(PREFIXES))
def test_arbitrary_bytes(data: bytes, prefix: bytes) -> None:
    _arbitrary_bytes_test(data, prefix)


@pytest.mark.parametrize("kind", ["pdf", "docx", "html"])
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=edits_strategy)
def test_mutated_fixtures(fixture_file: FixtureFile, kind: str, edits: list[tuple[int, int]]) -> None:
    _mutation_test(fixture_file, kind, edits)


html_fragments = st.lists(
    st.sampled_from(
        ["<p>", "</p>", "<![", "]]>", "<!", "<![if x]>", "<?", "<sup>", "</sup>", "1.", " Welcomes ", "<i>",
         "</i>", "&#", "x;", "&amp", "<br>", "<script>", "</script>", "<title>", "<meta charset=", "'", '"',
         "<", ">", "-->", "<!--", "\x00", "é"]
    ),
    max_size=40,
)  # fmt: skip


@QUICK
@given(fragments=html_fragments)
def test_html_fragments(fragments: list[str]) -> None:
    _import_or_refuse(("<!DOCTYPE html>" + "".join(fragments)).encode("utf-8", "surrogatepass"))


@pytest.mark.slow
@LONG
@given(fragments=html_fragments)
def test_html_fragments_long(fragments: list[str]) -> None:
    _import_or_refuse(("<!DOCTYPE html>" + "".join(fragments)).encode("utf-8", "surrogatepass"))


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_PIECES = [
    "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>1. Welcomes</w:t>", "<w:t> the report;</w:t>", "<w:tab/>",
    "<w:rPr><w:i/></w:rPr>", "<w:rPr><w:vertAlign w:val='superscript'/></w:rPr>", "<w:t>12</w:t>",
    "<w:footnoteReference w:id='1'/>", "<w:footnoteReference w:id='x'/>",
    "<w:pPr><w:numPr><w:ilvl w:val='1'/><w:numId w:val='3'/></w:numPr></w:pPr>",
    "<w:pPr><w:numPr><w:ilvl w:val='-4'/><w:numId w:val='99'/></w:numPr></w:pPr>",
    "<w:pPr><w:pStyle w:val='ListNumber'/></w:pPr>", "<w:del>", "</w:del>", "<", "&amp;",
]  # fmt: skip
docx_fragments = st.lists(st.sampled_from(DOCX_PIECES), max_size=40)
NUMBERING = (
    f"<w:numbering xmlns:w='{W_NS}'><w:abstractNum w:abstractNumId='7'><w:lvl w:ilvl='0'><w:start w:val='0'/>"
    "<w:numFmt w:val='lowerRoman'/><w:lvlText w:val='%1.%2.%9'/></w:lvl><w:lvl w:ilvl='1'>"
    "<w:numFmt w:val='bullet'/></w:lvl></w:abstractNum><w:num w:numId='3'><w:abstractNumId w:val='7'/>"
    "</w:num></w:numbering>"
)


def _docx_of(fragments: list[str]) -> bytes:
    import io
    import zipfile

    document = f"<w:document xmlns:w='{W_NS}'><w:body>{''.join(fragments)}</w:body></w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", document)
        archive.writestr("word/numbering.xml", NUMBERING)
    return buffer.getvalue()


@QUICK
@given(fragments=docx_fragments)
def test_docx_structures(fragments: list[str]) -> None:
    _import_or_refuse(_docx_of(fragments))


@pytest.mark.slow
@LONG
@given(fragments=docx_fragments)
def test_docx_structures_long(fragments: list[str]) -> None:
    _import_or_refuse(_docx_of(fragments))


page_lines = st.lists(
    st.lists(
        st.one_of(
            st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
            st.sampled_from(["", "__________", "3/12", "A/RES/70/174", "12.", "¹ note", "word-", "*it*"]),
        ),
        max_size=15,
    ),
    max_size=5,
)


@QUICK
@given(pages=page_lines)
def test_clean_pages_never_fails(pages: list[list[str]]) -> None:
    text = clean_pages(pages)
    assert text.endswith("\n")


@pytest.mark.slow
@LONG
@given(data=st.binary(max_size=20000), prefix=st.sampled_from(PREFIXES))
def test_arbitrary_bytes_long(data: bytes, prefix: bytes) -> None:
    _arbitrary_bytes_test(data, prefix)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["pdf", "docx", "html"])
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=edits_strategy)
def test_mutated_fixtures_long(fixture_file: FixtureFile, kind: str, edits: list[tuple[int, int]]) -> None:
    _mutation_test(fixture_file, kind, edits)


@pytest.mark.slow
@LONG
@given(pages=page_lines)
def test_clean_pages_never_fails_long(pages: list[list[str]]) -> None:
    assert clean_pages(pages).endswith("\n")
