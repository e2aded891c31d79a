"""Import fidelity: generated files of known text come back as the same text and the same units."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kyoto_desk.core.parser import parse_text
from kyoto_desk.sources.importer import ImportedText, parse_imported
from tests.sources.fidelity import word_error_rate
from tests.sources.fixture_texts import FixtureText

FixtureFile = Callable[[str, str], tuple[FixtureText, bytes]]
Imported = Callable[[str, str], tuple[FixtureText, ImportedText]]
CASES = [(t, k) for t in ("synthetic", "kyoto") for k in ("pdf", "pdf-noisy", "pdf-times", "docx", "html")]


@pytest.mark.parametrize(("text", "kind"), CASES)
def test_imported_units_equal_source_units(imported_fixture: Imported, text: str, kind: str) -> None:
    doc, imported = imported_fixture(text, kind)
    expected = parse_text(doc.expected_text())
    got = parse_imported(imported)
    assert [(u.id, u.text, u.emphasis) for u in got.units] == [
        (u.id, u.text, u.emphasis) for u in expected.units
    ]
    assert [(f.number, f.text, f.unit_id) for f in got.footnotes] == [
        (f.number, f.text, f.unit_id) for f in expected.footnotes
    ]


@pytest.mark.parametrize(("text", "kind"), CASES)
def test_word_error_rate_is_zero(imported_fixture: Imported, text: str, kind: str) -> None:
    doc, imported = imported_fixture(text, kind)
    assert word_error_rate(doc.expected_text(), imported.text) == 0.0
    assert imported.text == doc.expected_text()


@pytest.mark.parametrize(
    ("kind", "symbol"),
    [
        ("pdf", "A/RES/85/321"),
        ("pdf-noisy", "A/RES/85/321"),
        ("docx", "A/RES/85/321"),
        ("html", "A/RES/85/321"),
    ],
)
def test_symbol_and_date_detected(imported_fixture: Imported, kind: str, symbol: str) -> None:
    imported = imported_fixture("synthetic", kind)[1]
    assert imported.symbol == symbol
    assert (imported.date, imported.year) == ("2031-01-09", 2031)


def test_kyoto_pdf_symbol(imported_fixture: Imported) -> None:
    assert imported_fixture("kyoto", "pdf")[1].symbol == "E/RES/2021/20"


def test_noisy_pdf_really_is_noisy(fixture_file: FixtureFile) -> None:
    """The noisy fixture must carry the faults the clean-up repairs, or the test above proves nothing."""
    from kyoto_desk.sources.readers.pdf import extract_page_lines

    lines = [line for page in extract_page_lines(fixture_file("synthetic", "pdf-noisy")[1]) for line in page]
    joined = "\n".join(lines)
    assert "\ufffd" in joined  # a lost ffi ligature
    assert "ﬁ" in joined  # ligature glyphs
    assert any(line.endswith("-") and line[-2].islower() for line in lines)  # hyphenated line ends
    assert "2." in lines  # a paragraph number printed apart
    assert "Congress,1" in joined  # a footnote marker printed as a plain digit
    assert "__________" in lines and "3101234" in joined and "Please recycle" in joined


@pytest.mark.parametrize(
    ("reference", "hypothesis", "rate"),
    [
        ("a b c d", "a b c d", 0.0),
        ("a b c d", "a x c d", 0.25),
        ("a b c d", "a b c", 0.25),
        ("a b c d", "b c d", 0.25),
        ("a b a b", "a b b a b", 0.25),
        ("a b c d", "d c b a", 1.0),
        ("", "", 0.0),
    ],
)
def test_word_error_rate(reference: str, hypothesis: str, rate: float) -> None:
    assert word_error_rate(reference, hypothesis) == rate
