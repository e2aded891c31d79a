"""Candidate pairs for alignment without scoring all pairs: an inverted index over content stems.

Each unit of one text meets only the units of the other that share enough of its rarer terms (the
top few by partial dot product), plus its positional neighbours, which catches a paragraph reworded in
place beyond recognition by its words. Terms found in very many units are left out of the index: they
cost quadratic time and say little. The selection is run from both sides and united, so the candidate
set does not depend on which text is called old.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence

from kyoto_desk.core.similarity import Scorer, UnitProfile

TOP_K = 6  # candidates kept per unit and per side
NEIGHBOURS = 1  # positional neighbours on each side of the unit's projected place
MAX_POSTING_SHARE = 0.15  # terms in more than this share of units are not indexed
MIN_POSTING_CAP = 12


def candidate_pairs(
    old: Sequence[UnitProfile], new: Sequence[UnitProfile], scorer: Scorer
) -> set[tuple[int, int]]:
    """Index pairs (old, new) worth scoring; units without content take part in none."""
    partial = _partial_dots(old, new, scorer)
    pairs: set[tuple[int, int]] = set()
    by_new: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, dots in enumerate(partial):
        for j, _ in heapq.nlargest(TOP_K, dots.items(), key=lambda item: (item[1], -item[0])):
            pairs.add((i, j))
        for j, dot in dots.items():
            by_new[j].append((dot, i))
    for j, dots_i in by_new.items():
        for _, i in heapq.nlargest(TOP_K, dots_i, key=lambda item: (item[0], -item[1])):
            pairs.add((i, j))
    pairs |= _neighbours(old, new)
    pairs |= {(j, i) for i, j in _neighbours(new, old)}
    return pairs


def _partial_dots(
    old: Sequence[UnitProfile], new: Sequence[UnitProfile], scorer: Scorer
) -> list[dict[int, float]]:
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, p in enumerate(new):
        for term, weight in scorer.vector(p).items():
            postings[term].append((j, weight))
    cap = max(MIN_POSTING_CAP, int(MAX_POSTING_SHARE * (len(old) + len(new))))
    old_df: dict[str, int] = defaultdict(int)
    for p in old:
        for term in p.terms:
            old_df[term] += 1
    result: list[dict[int, float]] = []
    for p in old:
        dots: dict[int, float] = defaultdict(float)
        for term, weight in scorer.vector(p).items():
            posting = postings.get(term)
            if posting is None or len(posting) + old_df[term] > cap:
                continue
            for j, other in posting:
                dots[j] += weight * other
        result.append(dots)
    return result


def _neighbours(old: Sequence[UnitProfile], new: Sequence[UnitProfile]) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    if not new:
        return pairs
    last = len(new) - 1
    content_new = [p.has_content for p in new]
    for i, p in enumerate(old):
        if not p.has_content:
            continue
        centre = round(p.position * last)
        for j in range(max(0, centre - NEIGHBOURS), min(last, centre + NEIGHBOURS) + 1):
            if content_new[j]:
                pairs.add((i, j))
    return pairs
