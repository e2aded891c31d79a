"""The compact forms the aligner keeps its features in say exactly what the plain sets and loops said."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kyoto_desk.core.similarity import _set_cosine, _term_concepts, _word_grams, combine, profile
from kyoto_desk.core.unformula import (
    _EXACT,
    _PHRASES_BY_FIRST_WORD,
    EQUIVALENTS,
    PHRASES,
    WORD_RE,
    fold_phrases,
    word_terms,
)

_PLAIN_WORD_RE = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_PHRASE_WORDS = sorted({w for phrase in PHRASES for w in WORD_RE.findall(phrase)})


def _grams(word: str) -> set[str]:
    padded = f" {word} "
    if len(padded) <= 4:
        return {padded}
    return {padded[i : i + 4] for i in range(len(padded) - 3)}


def _plain_fold(words: list[str]) -> list[str]:
    """fold_phrases as first written: every word tested in turn."""
    folded: list[str] = []
    i = 0
    while i < len(words):
        for phrase, token in _PHRASES_BY_FIRST_WORD.get(words[i], ()):
            if words[i : i + len(phrase)] == phrase:
                if token:
                    folded.append(token)
                i += len(phrase)
                break
        else:
            folded.append(words[i])
            i += 1
    return folded


@pytest.mark.parametrize(
    ("words_a", "words_b"),
    [
        (["crime", "prevention"], ["crime", "prevent"]),
        (["justice"], ["injustice", "justices"]),
        (["a", "of"], ["law"]),
        (["2030", "agenda"], ["agenda"]),
    ],
)
def test_gram_masks_count_what_gram_sets_count(words_a: list[str], words_b: list[str]) -> None:
    sets = [set().union(*(_grams(w) for w in ws if not w.isdigit())) for ws in (words_a, words_b)]
    masks = [0, 0]
    for k, words in enumerate((words_a, words_b)):
        for word in words:
            masks[k] |= _word_grams(word)
    assert [m.bit_count() for m in masks] == [len(s) for s in sets]
    shared = (masks[0] & masks[1]).bit_count()
    assert shared == len(sets[0] & sets[1])
    expected = len(sets[0] & sets[1]) / (len(sets[0]) * len(sets[1])) ** 0.5 if all(sets) else 0.0
    assert _set_cosine(masks[0], masks[1], shared) == expected


def test_no_term_holds_a_space() -> None:
    """Phrases are kept as "first second": that stands for the pair only while no term has a space."""
    terms = [*EQUIVALENTS.values(), *_EXACT.values(), *PHRASES.values()]
    assert not [t for t in terms if " " in t]
    p = profile("Strengthen the rule of law and crime prevention.", 0.0)
    assert all(len(phrase.split(" ")) == 2 for phrase in p.pairs)


def test_combined_profile_unites_words_grams_and_phrases() -> None:
    a, b = profile("Prevent crime.", 0.0), profile("Protect victims of trafficking.", 1.0)
    both = combine([a, b])
    assert both.grams == a.grams | b.grams
    assert both.words == a.words | b.words
    assert both.pairs == a.pairs | b.pairs
    assert sorted(both.terms) == sorted({*a.terms, *b.terms})


@given(st.lists(st.sampled_from([*_PHRASE_WORDS, "crime", "victims"]), max_size=30))
def test_fold_phrases_matches_the_word_by_word_fold(words: list[str]) -> None:
    assert fold_phrases(words) == _plain_fold(words)


@given(st.text(alphabet="ab0'’- .-Zé", max_size=40))
def test_word_pattern_finds_what_the_backtracking_pattern_found(text: str) -> None:
    assert WORD_RE.findall(text) == _PLAIN_WORD_RE.findall(text)


def test_term_concepts_keep_every_term_of_the_words() -> None:
    """_find_related takes a unit's leftover terms from these keys: they must be all its terms."""
    p = profile("Combat kidnapping and abduction; protect prisoners and inmates.", 0.5)
    by_term = _term_concepts(p.words)
    assert set(by_term) == {t for w in p.words for t in word_terms(w)}
    assert set(by_term) == set(p.terms)


def test_word_masks_are_bounded_and_the_same_when_rebuilt() -> None:
    """A long session meets more words than are kept; a forgotten word's mask comes back unchanged."""
    from kyoto_desk.core.similarity import WORD_MASKS_KEPT

    first = {w: _word_grams(w) for w in ("cooperation", "extradition", "trafficking")}
    for n in range(WORD_MASKS_KEPT + 500):  # SYNTHETIC words, enough to push the first ones out
        _word_grams(f"zq{n}x{n % 97}")
    assert _word_grams.cache_info().currsize <= WORD_MASKS_KEPT
    assert {w: _word_grams(w) for w in first} == first
