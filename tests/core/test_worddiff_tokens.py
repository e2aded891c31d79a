"""The word diff's tokens: possessive quantifiers cut a text exactly where the plain pattern cuts it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyoto_desk.core.worddiff import TOKEN_RE, _tokens

PLAIN = re.compile(r"\w+(?:['’\-]\w+)*|\s+|[^\w\s]")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab9_-'’ \t\n.,é(", max_size=40))
def test_tokens_are_the_plain_patterns_tokens(text: str) -> None:
    assert TOKEN_RE.findall(text) == PLAIN.findall(text)
    assert "".join(TOKEN_RE.findall(text)) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ9_-'’ \t\n\x0b\x0c\r\x1c\x1f\x85\xa0.,é", max_size=40))
def test_ascii_text_is_cut_as_any_text(text: str) -> None:
    assert _tokens(text) == PLAIN.findall(text)


def test_more_distinct_words_than_codes_is_an_error_not_a_short_diff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each distinct token takes one character; past the last one the diff must stop, not drop text."""
    import sys

    from kyoto_desk.core import worddiff
    from kyoto_desk.core.build import UnitSpec, build_document

    monkeypatch.setattr(worddiff, "_FIRST_CODE", sys.maxunicode - 9)  # ten codes instead of a million
    doc = build_document([UnitSpec("1", "a b c d e"), UnitSpec("2", "a b c f g"), UnitSpec("3", "v w x y z")])
    fits = worddiff.diff_units([doc.unit("1")], [doc.unit("2")])  # eight distinct tokens
    assert "".join(s.text for s in fits.spans if s.op is not worddiff.DiffOp.INSERT) == "a b c d e"
    with pytest.raises(worddiff.DiffTooLargeError, match="too many to compare"):
        worddiff.diff_units([doc.unit("1")], [doc.unit("3")])
