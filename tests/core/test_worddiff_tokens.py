"""The word diff's tokens: possessive quantifiers cut a text exactly where the plain pattern cuts it."""

from __future__ import annotations

import re

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
