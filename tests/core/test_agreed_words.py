"""Agreed language reads a text's words in one split: forms and offsets as a match per word gives them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kyoto_desk.core.agreed import _text_words, clear_cache

WORD = re.compile(r"\w+(?:['’\-]\w+)*")
# ASCII and the letters whose case folding changes their length or differs from lower case.
alphabet = st.sampled_from([*"ab Z-'’_.,\n9", "ß", "İ", "K", "ǅ", "ﬁ", "Σ", "ς", "é", "\xa0"])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet, max_size=40))
def test_words_are_those_a_match_per_word_finds(text: str) -> None:
    clear_cache()
    found = list(WORD.finditer(text))
    forms, starts, ends = _text_words(text)
    assert forms == tuple(m.group().casefold() for m in found)
    assert list(zip(starts, ends, strict=True)) == [m.span() for m in found]
