"""Theme patterns run without IGNORECASE on lower-cased ASCII text only where that matches the same."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyoto_desk.core.themes import _lower_twin

atoms = st.sampled_from(["a", "b", "cy", r"\w", r"\s", r"\d", ".", "-", " ", "(?:a|bc)", "1"])
quantifiers = st.sampled_from(["", "", "*", "+", "?", "{0,2}"])
assertions = st.sampled_from([r"\b", "(?=b)", "(?<!a)", "^", "$"])
pieces = st.one_of(st.tuples(atoms, quantifiers).map("".join), assertions)
patterns = st.lists(pieces, min_size=1, max_size=5).map("".join)
ascii_texts = st.text(alphabet="abcyABCY -_1\n", max_size=30)


@settings(max_examples=400, deadline=None)
@given(patterns, ascii_texts)
def test_twin_finds_what_the_pattern_finds(pattern: str, text: str) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    twin = _lower_twin(regex)
    assert twin is not None
    assert bool(twin.search(text.lower())) == bool(regex.search(text))


@pytest.mark.parametrize(
    "pattern",
    [
        "[@-Z]x",  # a range holds capitals without naming them
        r"\x41",  # a letter named by its code
        r"\101",
        r"(a)\1",  # a back-reference
        "(?-i:a)b",  # a group with flags of its own
        r"\Wa",  # a capital escape
        "Cyber",
        "café",
    ],
)
def test_patterns_that_could_change_have_no_twin(pattern: str) -> None:
    assert _lower_twin(re.compile(pattern, re.IGNORECASE)) is None


def test_pattern_without_ignorecase_has_no_twin() -> None:
    assert _lower_twin(re.compile("cyber")) is None
