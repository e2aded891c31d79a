"""The shapes UN texts come in, on SYNTHETIC texts written for these tests (not real UN documents)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyoto_desk.core.build import UnitSpec, build_document
from kyoto_desk.core.model import Part, UnitKind
from kyoto_desk.core.parser import parse_text
from kyoto_desk.errors import InputError, ParseError

HARD_WRAPPED = """SYNTHETIC TEST TEXT

Draft declaration on testing parsers

We, the participants in the Synthetic Congress,

Recalling the importance of well-formed
documents for the exchange of
views,

Declare the following:

1. We undertake to promote the exchange of
information on money-
laundering and related matters;
2. We commit to strengthen cooperation;
"""

CHAPEAU_WITH_LETTERS = """SYNTHETIC TEST TEXT

We, the participants in the Synthetic Congress,

Declare as follows:

5. We endeavour:

(a) To promote access to justice for all;

(b) To strengthen institutions, including:

(i) Courts;

(ii) Prosecution services;

(c) To foster international cooperation;

5 bis. We also endeavour to share data;

6. We decide to meet again.
"""

FRENCH_STYLE = """SYNTHETIC TEST TEXT

We, the participants in the Synthetic Congress,

Declare as follows:

1. We endeavour:
a) To promote the rule of law;
b) To counter corruption;
"""

RUN_TOGETHER_HEADINGS = """SYNTHETIC TEST TEXT

We, the participants in the Synthetic Congress,

Declare as follows:

First pillar on prevention*Sub-heading on data*

1. Collect data on crime trends;

Second sub-heading on youth

2. Empower youth;
"""

LETTER_I_AFTER_H = "\n\n".join(
    ["We, the participants in the Synthetic Congress,", "Declare as follows:", "1. We endeavour:"]
    + [f"({letter}) To act on item {letter};" for letter in "abcdefghij"]
)


def test_hard_wrapped_lines_join_and_keep_line_end_hyphens() -> None:
    doc = parse_text(HARD_WRAPPED)
    assert [u.id for u in doc.units] == ["pp1", "1", "2"]
    assert (
        doc.unit("pp1").text == "Recalling the importance of well-formed documents for the exchange of views,"
    )
    assert "money-laundering and related matters;" in doc.unit("1").text
    assert doc.unit("1").part is Part.DECLARATION  # no annex, so no frame prefix


def test_chapeau_lettered_and_roman_subparagraphs_and_bis() -> None:
    doc = parse_text(CHAPEAU_WITH_LETTERS)
    assert [u.id for u in doc.units] == ["5", "5(a)", "5(b)", "5(b)(i)", "5(b)(ii)", "5(c)", "5bis", "6"]
    assert doc.unit("5").text == "We endeavour:"
    assert doc.unit("5(b)(i)").parent == "5(b)"
    assert doc.unit("5(c)").parent == "5"
    assert doc.unit("5(a)").kind is UnitKind.SUBPARAGRAPH
    assert doc.unit("5bis").label == "5 bis."


def test_french_and_spanish_letter_labels() -> None:
    doc = parse_text(FRENCH_STYLE)
    assert [u.id for u in doc.units] == ["1", "1(a)", "1(b)"]
    assert doc.unit("1(b)").label == "b)"


def test_letter_i_after_h_is_a_letter_not_a_roman_numeral() -> None:
    doc = parse_text(LETTER_I_AFTER_H)
    assert [u.id for u in doc.units][-3:] == ["1(h)", "1(i)", "1(j)"]
    assert doc.unit("1(i)").parent == "1"


def test_two_headings_on_one_line_become_two_levels() -> None:
    doc = parse_text(RUN_TOGETHER_HEADINGS)
    assert doc.unit("1").headings == ("First pillar on prevention", "Sub-heading on data")
    assert doc.unit("2").headings == ("First pillar on prevention", "Second sub-heading on youth")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", InputError),
        ("   \n\n  ", InputError),
        ("\x00\x01\x02" * 500, InputError),
        ("\ufffd" * 400, InputError),
        ("Dear colleague, thank you for the letter.", ParseError),
    ],
)
def test_bad_input_gives_one_clear_error(text: str, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        parse_text(text)
    assert str(info.value) and "\n" not in str(info.value)


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)
_SENTENCE = st.lists(_WORD, min_size=3, max_size=25).map(lambda w: " ".join(w).capitalize())


@st.composite
def _declarations(draw: st.DrawFn) -> list[UnitSpec]:
    specs = [
        UnitSpec(f"pp{i + 1}", draw(_SENTENCE) + ",", UnitKind.PREAMBLE)
        for i in range(draw(st.integers(1, 3)))
    ]
    specs.append(UnitSpec("lead", "", UnitKind.PREAMBLE))  # replaced below by a lead-in line
    for number in range(1, draw(st.integers(2, 12))):
        letters = draw(st.integers(0, 3))
        specs.append(UnitSpec(str(number), draw(_SENTENCE) + (":" if letters else ";")))
        for letter in "abc"[:letters]:
            specs.append(
                UnitSpec(
                    f"{number}({letter})", draw(_SENTENCE) + ";", UnitKind.SUBPARAGRAPH, parent=str(number)
                )
            )
    return specs


@settings(max_examples=60, deadline=None)
@given(_declarations())
def test_a_laid_out_declaration_parses_back_to_its_units(specs: list[UnitSpec]) -> None:
    units = [s for s in specs if s.id != "lead"]
    laid_out = build_document(units).text
    # A lead-in closes the preamble, as "Declare the following:" does in print.
    preamble_count = sum(1 for s in units if s.kind is UnitKind.PREAMBLE)
    paragraphs = laid_out.split("\n\n")
    paragraphs.insert(preamble_count, "Declare the following:")
    doc = parse_text("We, the participants in the Synthetic Congress,\n\n" + "\n\n".join(paragraphs))
    assert [(u.id, u.text, u.kind, u.parent) for u in doc.units] == [
        (s.id, s.text, s.kind, s.parent) for s in units
    ]
