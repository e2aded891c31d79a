"""Agreed language: shared word runs at both locations, edit tolerance, shares and new language."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyoto_desk.core.agreed import agreed_runs, agreed_share, new_language
from kyoto_desk.core.build import UnitSpec, build_document
from kyoto_desk.core.model import Document
from kyoto_desk.core.worddiff import diff_units

WORD = re.compile(r"\w+(?:['’\-]\w+)*")


def doc(*texts: str, prefix: str = "") -> Document:
    return build_document([UnitSpec(f"{prefix}{i + 1}", t) for i, t in enumerate(texts)])


def words(text: str) -> list[str]:
    return [w.casefold() for w in WORD.findall(text)]


def common_subsequence(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (small inputs only)."""
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, start=1):
            previous, row[j] = row[j], previous + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]


PHRASE = "the rule of law at the national and international levels"


@pytest.mark.parametrize(
    ("old_text", "new_text", "expected"),
    [
        (f"We promote {PHRASE}.", f"They uphold {PHRASE} today.", [PHRASE]),
        (f"We promote {PHRASE}.", f"They uphold {PHRASE.upper()} today.", [PHRASE.upper()]),
        # a one-word substitution inside a long run keeps it one run
        (
            f"We promote {PHRASE}.",
            "We promote the rule of law at all national and international levels.",
            ["We promote the rule of law at all national and international levels"],
        ),
        # a two-word insertion too
        (
            f"We promote {PHRASE}.",
            "We promote the rule of law, as appropriate, at the national and international levels.",
            ["We promote the rule of law, as appropriate, at the national and international levels"],
        ),
        ("We promote justice for all.", "We promote justice for everyone.", []),  # under six words
    ],
)
def test_runs_found(old_text: str, new_text: str, expected: list[str]) -> None:
    runs = agreed_runs(doc(old_text), doc(new_text))
    assert [r.text for r in runs] == expected


def test_runs_found_across_unlinked_units_with_both_locations() -> None:
    old = doc("Nothing here.", "Nothing either.", f"We will strengthen {PHRASE} together.")
    new = doc(f"Firmly committed to {PHRASE}, we act.", "Unrelated text.", prefix="n")
    (run,) = agreed_runs(old, new)
    assert (run.old.unit_id, run.new.unit_id) == ("3", "n1")
    assert old.unit("3").text[run.old.start : run.old.end] == PHRASE
    assert new.unit("n1").text[run.new.start : run.new.end] == PHRASE
    assert run.exact and run.words == run.matched == 10


def test_min_words_is_respected() -> None:
    old, new = doc("combat crime and corruption now"), doc("they combat crime and corruption later")
    assert agreed_runs(old, new, min_words=6) == ()
    assert [r.text for r in agreed_runs(old, new, min_words=4)] == ["combat crime and corruption"]


def test_shares_per_unit() -> None:
    old = doc(f"{PHRASE}.", "Something else entirely here.")
    new = doc(f"Now {PHRASE} and more.", prefix="n")
    runs = agreed_runs(old, new)
    assert agreed_share(old, runs, side="old") == {"1": 1.0, "2": 0.0}
    assert agreed_share(new, runs, side="new") == {"n1": 10 / 13}


def test_new_language_excludes_agreed_and_equal_words() -> None:
    old = doc(f"We resolve to promote {PHRASE}.", "Protect the victims of crime.")
    new = doc(f"We decide to foster {PHRASE}.", "Protect all the victims of crime and witnesses.", prefix="n")
    runs = agreed_runs(old, new)
    diffs = [diff_units([old.unit("2")], [new.unit("n2")])]
    spans = new_language(new, runs, diffs)
    texts = {uid: [new.unit(uid).text[s:e] for s, e in found] for uid, found in spans.items()}
    assert texts == {"n1": ["We decide to foster"], "n2": ["all", "and witnesses"]}


def test_common_phrases_do_not_blow_up_and_prefer_the_linked_place() -> None:
    # The same passage in 50 units of each text: only nearby occurrences are examined, so the runs
    # stay bounded instead of growing with the square of the repetitions.
    old = doc(*[f"Unit {i}: {PHRASE}." for i in range(50)])
    new = doc(*[f"Para {i}: {PHRASE}." for i in range(50)], prefix="n")
    runs = agreed_runs(old, new)
    assert len(runs) <= 50 * 8
    assert all(
        any(r.new.unit_id == f"n{i + 1}" and r.old.unit_id == str(i + 1) for r in runs) for i in range(50)
    )


vocabulary = st.sampled_from(
    ["crime", "justice", "the", "of", "law", "rule", "victims", "and", "States", "to"]
)
texts = st.lists(vocabulary, min_size=0, max_size=25).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4), st.lists(texts, min_size=1, max_size=4), st.integers(2, 6))
def test_every_run_occurs_at_both_locations(old_texts: list[str], new_texts: list[str], size: int) -> None:
    old, new = doc(*old_texts), doc(*new_texts, prefix="n")
    for run in agreed_runs(old, new, min_words=size):
        old_text = old.unit(run.old.unit_id).text[run.old.start : run.old.end]
        new_text = new.unit(run.new.unit_id).text[run.new.start : run.new.end]
        assert new_text == run.text
        old_words, new_words = words(old_text), words(new_text)
        assert len(new_words) == run.words
        assert old_words[0] == new_words[0] and old_words[-1] == new_words[-1]
        assert (len(old_words), len(new_words)) == (run.old_words, run.words)
        assert common_subsequence(old_words, new_words) >= run.matched >= size
        if run.exact:
            assert old_words == new_words


def longest_common_stretch(a: list[str], b: list[str]) -> int:
    """Length of the longest run of words found, in order and unbroken, in both lists."""
    best = 0
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, start=1):
            previous, row[j] = row[j], previous + 1 if x == y else 0
            best = max(best, row[j])
    return best


@settings(max_examples=150, deadline=None)
@given(
    st.lists(vocabulary, max_size=10).map(" ".join),  # ≤ 8 three-word seeds: no partner cap applies
    st.lists(texts, min_size=1, max_size=3),
    st.integers(2, 6),
)
def test_every_exact_stretch_of_min_words_is_found(old_text: str, new_texts: list[str], size: int) -> None:
    old, new = doc(old_text), doc(*new_texts, prefix="n")
    runs = agreed_runs(old, new, min_words=size)
    for unit in new.units:
        if longest_common_stretch(words(old_text), words(unit.text)) >= size:
            assert any(r.new.unit_id == unit.id and r.matched >= size for r in runs)


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(st.tuples(st.integers(0, 120), st.integers(0, 40)), max_size=5))
def test_covered_words_are_those_the_intervals_cover(text: str, raw: list[tuple[int, int]]) -> None:
    from kyoto_desk.core.agreed import _covered, unit_words

    (words,) = unit_words(doc(text))
    intervals = [(start, start + length) for start, length in raw]
    covered = {i for s, e in intervals for i in range(s, e)}
    expected = [all(i in covered for i in range(a, b)) for a, b in words.spans]
    assert _covered(words, intervals) == expected
