"""The shortcuts of theme tagging find what the plain way finds: words, and patterns joined into one."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kyoto_desk.core import themes
from kyoto_desk.core.themes import Lexicon, Theme, _lower_tokens


@given(st.text(alphabet="aZ09_-' \t\n.,;:’é", max_size=40))
def test_words_of_a_text_are_the_pattern_words_of_its_lowercase(text: str) -> None:
    assert _lower_tokens(text) == themes._TOKEN_RE.findall(text.lower())


def _theme(theme_id: str, pattern: str) -> Theme:
    return Theme(theme_id, theme_id, "#000000", (), (pattern,), re.compile(f"(?:{pattern})", re.IGNORECASE))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nothing to see", ()),
        ("Cyberspace", ("cyber",)),
        ("build national capacity", ("capacity",)),
        ("cyber attacks need national capacities", ("cyber", "capacity")),
        ("abab", ("repeat",)),  # a back-reference keeps its meaning: patterns are not joined then
        ("abcd", ()),
    ],
)
def test_patterns_find_every_theme_they_match(text: str, expected: tuple[str, ...]) -> None:
    plain = Lexicon((_theme("cyber", r"\bcyber\w*"), _theme("capacity", r"\bnational\s+capacit(?:y|ies)\b")))
    grouped = Lexicon((*plain.themes, _theme("repeat", r"\b(ab)\1\b")))
    assert plain.themes_of(text) == tuple(t for t in expected if t != "repeat")
    assert grouped.themes_of(text) == expected
