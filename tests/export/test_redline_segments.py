"""Cell segments: redline ownership, cutting at offsets, agreed marks, and which segments a quote covers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kyoto_desk.core.worddiff import DiffOp, DiffSpan, Located, WordDiff
from kyoto_desk.export.redline_segments import Segment, covering, cut, mark_agreed, plain, redline, struck

EQ, INS, DEL = DiffOp.EQUAL, DiffOp.INSERT, DiffOp.DELETE


def _span(op: DiffOp, text: str, new: tuple[str, int] | None, old: tuple[str, int] | None) -> DiffSpan:
    return DiffSpan(
        op,
        text,
        Located(old[0], old[1], old[1] + len(text)) if old else None,
        Located(new[0], new[1], new[1] + len(text)) if new else None,
    )


# One old unit "a b c d" split into new "a b X." and "d": the deletion of " c" belongs with the first.
SPLIT = WordDiff(
    ("o",),
    ("n1", "n2"),
    (
        _span(EQ, "a b", ("n1", 0), ("o", 0)),
        _span(DEL, " c", None, ("o", 3)),
        _span(INS, " X.", ("n1", 3), None),
        _span(EQ, "d", ("n2", 0), ("o", 6)),
    ),
)


def test_redline_gives_each_new_unit_its_words_and_the_deletions_among_them() -> None:
    assert redline(SPLIT, "n1") == [
        Segment(EQ, "a b", (0, 3)),
        Segment(DEL, " c", None),
        Segment(INS, " X.", (3, 6)),
    ]
    assert redline(SPLIT, "n2") == [Segment(EQ, "d", (0, 1))]


def test_deletion_before_any_new_word_goes_to_the_first_new_unit() -> None:
    spans = (_span(DEL, "Old ", None, ("o", 0)), _span(EQ, "text", ("n", 0), ("o", 4)))
    diff = WordDiff(("o",), ("n",), spans)
    assert [s.op for s in redline(diff, "n")] == [DEL, EQ]


@pytest.mark.parametrize(
    ("offsets", "pieces"),
    [
        ([], ["hello world"]),
        ([0, 11], ["hello world"]),
        ([5], ["hello", " world"]),
        ([2, 5, 5, 8], ["he", "llo", " wo", "rld"]),
    ],
)
def test_cut_splits_only_inside_segments(offsets: list[int], pieces: list[str]) -> None:
    assert [s.text for s in cut(plain("hello world"), offsets)] == pieces


@given(st.text(min_size=1, max_size=40), st.lists(st.integers(min_value=0, max_value=45), max_size=6))
def test_cut_keeps_the_text_and_contiguous_offsets(text: str, offsets: list[int]) -> None:
    pieces = cut(plain(text), offsets)
    assert "".join(p.text for p in pieces) == text
    assert all(p.span is not None and text[p.span[0] : p.span[1]] == p.text for p in pieces)


def test_deletions_are_never_cut() -> None:
    assert cut(struck("gone words"), [2, 4]) == struck("gone words")


def test_mark_agreed_flags_exactly_the_agreed_range() -> None:
    marked = mark_agreed(plain("we agree on this"), [(3, 8)])
    assert [(s.text, s.agreed) for s in marked] == [("we ", False), ("agree", True), (" on this", False)]


def test_covering_includes_deletions_between_covered_words() -> None:
    segments = redline(SPLIT, "n1")
    assert covering(segments, 0, 6) == (0, 2)
    assert covering(segments, 3, 6) == (2, 2)
    assert covering(segments, 7, 9) is None


def test_an_empty_quote_covers_the_segment_it_stands_in() -> None:
    assert covering(cut(plain("abc def"), [4]), 4, 4) == (1, 1)
