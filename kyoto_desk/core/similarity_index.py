"""Candidate pairs for alignment without scoring all pairs: an inverted index over content stems.

Each unit of one text meets only the units of the other that share its rarest terms (the top few by
the dot product over those terms), plus its positional neighbours, which catches a paragraph reworded in
place beyond recognition by its words. Looking through a bounded number of rare terms keeps the work
linear in the size of the texts; common terms would make it quadratic and say little. The selection is
run from both sides and united, so the candidate set does not depend on which text is called old.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from operator import itemgetter

from kyoto_desk.core.similarity import Scorer, UnitProfile

TOP_K = 6  # candidates kept per unit, from each side
INDEXED_TERMS = 8  # a unit looks for partners through its rarest terms only: linear, not quadratic
NEIGHBOURS = 1  # positional neighbours on each side of the unit's projected place


def candidate_pairs(
    old: Sequence[UnitProfile], new: Sequence[UnitProfile], scorer: Scorer
) -> set[tuple[int, int]]:
    """Index pairs (old, new) worth scoring; units without content take part in none."""
    pairs = _best_partners(old, new, scorer)
    pairs |= {(i, j) for j, i in _best_partners(new, old, scorer)}
    pairs |= _neighbours(old, new)
    pairs |= {(i, j) for j, i in _neighbours(new, old)}
    return pairs


def _best_partners(
    seekers: Sequence[UnitProfile], others: Sequence[UnitProfile], scorer: Scorer
) -> set[tuple[int, int]]:
    """For each seeker, the TOP_K others with the highest dot product over the seeker's rarest terms."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, p in enumerate(others):
        for term, weight in scorer.vector(p).items():
            postings[term].append((j, weight))
    pairs: set[tuple[int, int]] = set()
    by_score = itemgetter(1)
    for i, p in enumerate(seekers):
        vector = scorer.vector(p)
        # Rarest by the number of units that hold the term in the other text: that bounds the work.
        # sorted()[:n] is what heapq.nsmallest/nlargest return (stable on ties), and is faster on rows
        # this short.
        keyed = sorted([(len(found), -w, t) for t, w in vector.items() if (found := postings.get(t))])
        dots: dict[int, float] = defaultdict(float)
        for _, minus_weight, term in keyed[:INDEXED_TERMS]:
            weight = -minus_weight
            for j, other in postings[term]:
                dots[j] += weight * other
        pairs.update((i, j) for j, _ in sorted(dots.items(), key=by_score, reverse=True)[:TOP_K])
    return pairs


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
