"""Re-anchoring spans in changed text, and carrying annotations to a newer draft."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kyoto_desk.core.anchor import (
    AnchorMethod,
    CarryStatus,
    carried_id,
    carry_forward,
    locate,
    reanchor,
    similarity,
)
from kyoto_desk.core.annotation import TextPosition, TextQuote, new_annotation, quote_at
from kyoto_desk.core.build import UnitSpec, build_document
from kyoto_desk.core.links import Alignment, Link, LinkKind

# SYNTHETIC TEST TEXT, written for these tests.
BASE = (
    "We commit to strengthening the rule of law at all levels and to promoting access to justice "
    "for all, including through legal aid, and we commit to strengthening the rule of law in prisons."
)
FIRST = BASE.index("strengthening the rule of law")
QUOTE_SPAN = TextPosition(FIRST, FIRST + len("strengthening the rule of law"))


def _quote() -> TextQuote:
    return quote_at(BASE, QUOTE_SPAN)


@pytest.mark.parametrize(
    ("new_text", "method", "expected"),
    [
        (BASE, AnchorMethod.POSITION, "strengthening the rule of law"),
        ("Today, " + BASE, AnchorMethod.QUOTE, "strengthening the rule of law"),
        (
            BASE.replace("We commit to", "We firmly commit to", 1),
            AnchorMethod.QUOTE,
            "strengthening the rule of law",
        ),
        (BASE.replace("strengthening the rule", "strengthening the role", 1), AnchorMethod.FUZZY, None),
        # The first occurrence is gone, the second stands in another context: the words are found there.
        (
            BASE.replace("strengthening the rule of law at all", "peace at all", 1),
            AnchorMethod.QUOTE,
            "second",
        ),
    ],
)
def test_locate_table(new_text: str, method: AnchorMethod, expected: str | None) -> None:
    anchor = locate(_quote(), QUOTE_SPAN, new_text)
    assert anchor.method is method
    if method is AnchorMethod.ORPHANED:
        assert anchor.position is None
        return
    assert anchor.position is not None
    found = new_text[anchor.position.start : anchor.position.end]
    if expected == "second":
        assert anchor.position.start == new_text.rindex("strengthening the rule of law")
    elif expected is not None:
        assert found == expected
        assert anchor.position.start == new_text.index(expected)  # the first occurrence, by its context
    else:
        assert found == "strengthening the role of law"


def test_second_occurrence_is_told_apart_by_context() -> None:
    second = BASE.rindex("strengthening the rule of law")
    span = TextPosition(second, second + len("strengthening the rule of law"))
    revised = BASE.replace("at all levels", "at every level and in all institutions")
    anchor = locate(quote_at(BASE, span), span, revised)
    assert anchor.position == TextPosition(revised.rindex("strengthening"), revised.rindex(" in prisons"))


def test_deleted_quote_with_a_similar_phrase_elsewhere_is_orphaned() -> None:
    text = "Recalling the Fourteenth United Nations Congress and the Fifteenth United Nations Congress."
    span = TextPosition(text.index("Fourteenth"), text.index(" Congress"))
    revised = text.replace("the Fourteenth United Nations Congress and ", "")
    assert locate(quote_at(text, span), span, revised).method is AnchorMethod.ORPHANED


def test_long_quote_beyond_bitap_limit_is_matched_by_head_and_tail() -> None:
    whole = TextPosition(0, len(BASE))
    revised = BASE.replace("legal aid", "legal assistance")
    anchor = locate(quote_at(BASE, whole), whole, revised)
    assert anchor.method is AnchorMethod.FUZZY
    assert anchor.position == TextPosition(0, len(revised))


def test_empty_quote_stays_put_or_is_orphaned() -> None:
    empty = TextQuote("", "ab", "cd")
    assert locate(empty, TextPosition(2, 2), "abcd").position == TextPosition(2, 2)
    assert locate(empty, TextPosition(9, 9), "abcd").method is AnchorMethod.ORPHANED


def test_reanchor_refreshes_quote_or_orphans() -> None:
    annotation = new_annotation("k", "1", BASE, QUOTE_SPAN, note="keep me")
    moved, anchor = reanchor(annotation, "Today, " + BASE)
    assert anchor.exact and moved.position.start == FIRST + 7 and moved.quote.prefix.startswith("Today")
    orphan, _ = reanchor(annotation, "Nothing of it is left.")
    assert orphan.orphaned and orphan.quote == annotation.quote and orphan.note == "keep me"


words = st.text(alphabet="abcdefgh ", min_size=0, max_size=40)


@settings(max_examples=200, deadline=None)
@given(before=words, quote=st.text(alphabet="abcdefgh ", min_size=1, max_size=60), after=words)
def test_unchanged_text_keeps_position(before: str, quote: str, after: str) -> None:
    text = before + quote + after
    span = TextPosition(len(before), len(before) + len(quote))
    anchor = locate(quote_at(text, span), span, text)
    assert anchor.method is AnchorMethod.POSITION and anchor.position == span


@settings(max_examples=200, deadline=None)
@given(
    before=words,
    quote=st.text(alphabet="abcdefgh ", min_size=3, max_size=60),
    after=words,
    new_before=words,
    new_after=words,
)
def test_unique_surviving_quote_is_found_exactly(
    before: str, quote: str, after: str, new_before: str, new_after: str
) -> None:
    new_text = new_before + quote + new_after
    assume(sum(new_text.startswith(quote, i) for i in range(len(new_text))) == 1)
    text = before + quote + after
    span = TextPosition(len(before), len(before) + len(quote))
    anchor = locate(quote_at(text, span), span, new_text)
    assert anchor.exact
    assert anchor.position == TextPosition(len(new_before), len(new_before) + len(quote))


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="abcdefgh ,.", min_size=1, max_size=120), data=st.data())
def test_placed_span_always_holds_similar_words(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    new_text = data.draw(st.text(alphabet="abcdefgh ,.", max_size=120))
    quote = quote_at(text, TextPosition(start, end))
    anchor = locate(quote, TextPosition(start, end), new_text)
    if anchor.position is not None:
        placed = new_text[anchor.position.start : anchor.position.end]
        assert similarity(placed, quote.exact) >= 0.75
        assert anchor.exact == (placed == quote.exact)


def test_carry_forward_marks_each_fate() -> None:
    old = build_document(
        [
            UnitSpec("1", "SYNTHETIC. We affirm the rule of law."),
            UnitSpec("2", "We support youth participation in crime prevention."),
            UnitSpec("3", "We welcome the work of the Commission on Crime Prevention."),
            UnitSpec("4", "We recall the Fourteenth Congress held in Kyoto."),
        ]
    )
    new = build_document(
        [
            UnitSpec("1", "SYNTHETIC. We affirm the rule of law."),
            UnitSpec("2", "We welcome the work of the Commission on Crime Prevention."),
            UnitSpec("3", "We support youth participation in crime prevention and criminal justice."),
            UnitSpec("4", "We recall the Congress."),
        ]
    )
    alignment = Alignment(
        links=(
            Link(("1",), ("1",), LinkKind.IDENTICAL, 1.0, "same"),
            Link(("3",), ("2",), LinkKind.MOVED, 1.0, "moved up"),
            Link(("2",), ("3",), LinkKind.MODIFIED, 0.8, "extended"),
        ),
        added=("4",),
        removed=("4",),
    )

    def on(unit: str, words: str) -> object:
        text = old.unit(unit).text
        start = text.index(words)
        return new_annotation("old", unit, text, TextPosition(start, start + len(words)))

    annotations = [
        on("1", "rule of law"),
        on("3", "the Commission"),
        on("2", "youth participation"),
        on("2", "in crime prevention."),
        on("4", "Fourteenth Congress"),
    ]
    carried = carry_forward(annotations, new, alignment, "new")  # type: ignore[arg-type]
    assert [c.status for c in carried] == [
        CarryStatus.KEPT,
        CarryStatus.MOVED,
        CarryStatus.KEPT,
        CarryStatus.MODIFIED,
        CarryStatus.DELETED,
    ]
    for item in carried:
        result = item.result
        assert result.document_key == "new" and result.id == carried_id(item.source.id, "new")
        if not result.orphaned:
            unit_text = new.unit(result.unit_id).text
            assert unit_text[result.position.start : result.position.end] == result.quote.exact
    assert carried[1].result.unit_id == "2"
    assert carried[3].result.quote.exact.startswith("in crime prevention")
    assert carried[4].result.orphaned and carried[4].result.quote == annotations[4].quote  # type: ignore[attr-defined]
