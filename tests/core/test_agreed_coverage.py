"""Shares and new language read from covered slices match a word-by-word reading of the intervals."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kyoto_desk.core.agreed import _uncovered, _Words, unit_words
from kyoto_desk.core.build import UnitSpec, build_document

vocabulary = st.sampled_from(["crime", "of", "law", "rule", "States'", "anti-fraud", "é", ",", "."])
texts = st.lists(vocabulary, max_size=20).map(" ".join)
intervals = st.lists(st.tuples(st.integers(0, 150), st.integers(0, 60)), max_size=5).map(
    lambda raw: [(start, start + length) for start, length in raw]
)


def _words_of(text: str) -> _Words:
    (words,) = unit_words(build_document([UnitSpec("1", text)]))
    return words


@settings(max_examples=300, deadline=None)
@given(texts, intervals)
def test_new_language_is_each_stretch_of_uncovered_words(text: str, found: list[tuple[int, int]]) -> None:
    words = _words_of(text)
    chars = {i for s, e in found for i in range(s, e)}
    spans: list[tuple[int, int]] = []
    previous_new = False
    for start, end in words.spans:
        new = not all(i in chars for i in range(start, end))
        if new and previous_new:
            spans[-1] = (spans[-1][0], end)
        elif new:
            spans.append((start, end))
        previous_new = new
    assert _uncovered(words, found) == tuple(spans)
