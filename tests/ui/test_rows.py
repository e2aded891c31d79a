"""Which units sit level in the side-by-side view (pure Python, table-driven)."""

from __future__ import annotations

import pytest

from kyoto_desk.core.links import Alignment, Link, LinkKind
from kyoto_desk.ui.rows import Row, RowKind, build_rows, single_rows


def _link(old: tuple[str, ...], new: tuple[str, ...], kind: LinkKind = LinkKind.IDENTICAL) -> Link:
    return Link(old, new, kind, 1.0, "test")


CASES = [
    (
        "identical texts line up one to one",
        ["a", "b"],
        ["a", "b"],
        Alignment((_link(("a",), ("a",)), _link(("b",), ("b",))), (), ()),
        [Row(("a",), ("a",), RowKind.IDENTICAL, 0), Row(("b",), ("b",), RowKind.IDENTICAL, 1)],
    ),
    (
        "removed then added units between anchors get rows of their own",
        ["a", "x", "b"],
        ["a", "y", "b"],
        Alignment((_link(("a",), ("a",)), _link(("b",), ("b",))), ("y",), ("x",)),
        [
            Row(("a",), ("a",), RowKind.IDENTICAL, 0),
            Row(("x",), (), RowKind.REMOVED),
            Row((), ("y",), RowKind.ADDED),
            Row(("b",), ("b",), RowKind.IDENTICAL, 1),
        ],
    ),
    (
        "a split shares one row",
        ["a"],
        ["a1", "a2"],
        Alignment((_link(("a",), ("a1", "a2"), LinkKind.SPLIT),), (), ()),
        [Row(("a",), ("a1", "a2"), RowKind.SPLIT, 0)],
    ),
    (
        "a moved unit keeps its place on each side",
        ["m", "a", "b"],
        ["a", "b", "m"],
        Alignment(
            (_link(("a",), ("a",)), _link(("b",), ("b",)), _link(("m",), ("m",), LinkKind.MOVED)), (), ()
        ),
        [
            Row(("m",), (), RowKind.MOVED, 2),
            Row(("a",), ("a",), RowKind.IDENTICAL, 0),
            Row(("b",), ("b",), RowKind.IDENTICAL, 1),
            Row((), ("m",), RowKind.MOVED, 2),
        ],
    ),
    (
        "crossing links: only the longest ordered run lines up",
        ["a", "b", "c"],
        ["c", "a", "b"],
        Alignment((_link(("c",), ("c",)), _link(("a",), ("a",)), _link(("b",), ("b",))), (), ()),
        [
            Row((), ("c",), RowKind.IDENTICAL, 0),
            Row(("a",), ("a",), RowKind.IDENTICAL, 1),
            Row(("b",), ("b",), RowKind.IDENTICAL, 2),
            Row(("c",), (), RowKind.IDENTICAL, 0),
        ],
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "alignment", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_build_rows(old: list[str], new: list[str], alignment: Alignment, expected: list[Row]) -> None:
    rows = build_rows(old, new, alignment)
    assert rows == expected
    # Every unit of both texts appears exactly once, in reading order.
    assert [u for r in rows for u in r.old] == old
    assert [u for r in rows for u in r.new] == new


def test_single_rows_are_plain_and_unchanged() -> None:
    rows = single_rows(["pp1", "1"])
    assert [r.kind for r in rows] == [RowKind.PLAIN, RowKind.PLAIN]
    assert not any(r.changed for r in rows)
