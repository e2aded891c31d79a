"""Rows of the side-by-side view: which old and new units sit level with each other.

Pure Python (no Qt) so that it is easy to test: links that keep their order become shared rows;
removed, added and moved units get rows of their own on their side, so both texts keep their
reading order and the gutter draws the moved ones as slanted connectors.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from kyoto_desk.core.links import Alignment, Link, LinkKind


class RowKind(StrEnum):
    """What a row shows; the link kinds plus the one-sided cases."""

    IDENTICAL = "identical"
    MODIFIED = "modified"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    ADDED = "added"
    REMOVED = "removed"
    PLAIN = "plain"  # a document shown on its own


@dataclass(frozen=True, slots=True)
class Row:
    """Units of each side that sit level; `link` indexes `Alignment.links` when the row shows one."""

    old: tuple[str, ...]
    new: tuple[str, ...]
    kind: RowKind
    link: int | None = None

    @property
    def changed(self) -> bool:
        return self.kind not in (RowKind.IDENTICAL, RowKind.PLAIN)


def _contiguous(ids: Sequence[str], position: dict[str, int]) -> bool:
    places = [position[i] for i in ids]
    return places == list(range(places[0], places[0] + len(places)))


def _anchors(links: Sequence[Link], old_pos: dict[str, int], new_pos: dict[str, int]) -> list[int]:
    """Indices of the links that line up: in order on both sides (longest increasing run of old places)."""
    candidates = [
        i
        for i, link in enumerate(links)
        if link.kind is not LinkKind.MOVED
        and link.old
        and link.new
        and _contiguous(link.old, old_pos)
        and _contiguous(link.new, new_pos)
    ]
    candidates.sort(key=lambda i: new_pos[links[i].new[0]])
    # Patience-style longest increasing subsequence over old positions, O(n log n).
    tails: list[int] = []
    tail_idx: list[int] = []
    back: dict[int, int | None] = {}
    for i in candidates:
        key = old_pos[links[i].old[0]]
        k = bisect.bisect_left(tails, key)
        back[i] = tail_idx[k - 1] if k else None
        if k == len(tails):
            tails.append(key)
            tail_idx.append(i)
        else:
            tails[k] = key
            tail_idx[k] = i
    chain: list[int] = []
    node = tail_idx[-1] if tail_idx else None
    while node is not None:
        chain.append(node)
        node = back[node]
    return chain[::-1]


def build_rows(old_ids: Sequence[str], new_ids: Sequence[str], alignment: Alignment) -> list[Row]:
    """Rows for two documents (unit ids in reading order) and their alignment."""
    old_pos = {u: i for i, u in enumerate(old_ids)}
    new_pos = {u: i for i, u in enumerate(new_ids)}
    links = alignment.links
    old_link = {u: i for i, link in enumerate(links) for u in link.old}
    new_link = {u: i for i, link in enumerate(links) for u in link.new}

    def lone(unit_id: str, old_side: bool) -> Row:
        index = (old_link if old_side else new_link).get(unit_id)
        if index is None:
            kind = RowKind.REMOVED if old_side else RowKind.ADDED
            return Row((unit_id,), (), kind) if old_side else Row((), (unit_id,), kind)
        kind = RowKind(links[index].kind.value)
        return Row((unit_id,), (), kind, index) if old_side else Row((), (unit_id,), kind, index)

    rows: list[Row] = []
    i = j = 0
    for index in _anchors(links, old_pos, new_pos):
        link = links[index]
        o0, n0 = old_pos[link.old[0]], new_pos[link.new[0]]
        rows.extend(lone(old_ids[k], True) for k in range(i, o0))
        rows.extend(lone(new_ids[k], False) for k in range(j, n0))
        rows.append(Row(link.old, link.new, RowKind(link.kind.value), index))
        i, j = o0 + len(link.old), n0 + len(link.new)
    rows.extend(lone(old_ids[k], True) for k in range(i, len(old_ids)))
    rows.extend(lone(new_ids[k], False) for k in range(j, len(new_ids)))
    return rows


def single_rows(ids: Sequence[str]) -> list[Row]:
    """Rows for one document shown alone (in the old/left column)."""
    return [Row((u,), (), RowKind.PLAIN) for u in ids]
