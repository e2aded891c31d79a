"""Paragraph alignment: which units of an older text continue in a newer one, and how.

The steps: profile every unit (`core.similarity`), find candidate pairs through an inverted index
(`core.similarity_index`), take the scored pairs from the best down, making one-to-one links and growing
them into splits and merges with free units that are pieces of a linked one, then call the links that
break the reading order moved. User pins are honoured first and everything else is aligned around them.
Every step treats the two texts alike, so swapping them swaps `added` and `removed` and mirrors the
links, nothing else.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain

from kyoto_desk.core.links import Alignment, Link, LinkKind, Pin
from kyoto_desk.core.model import Document, Unit
from kyoto_desk.core.similarity import (
    RELATED_GAIN_MAX,
    Scorer,
    UnitProfile,
    combine,
    explain,
    is_lead_in_text,
    profile,
)
from kyoto_desk.core.similarity_index import candidate_pairs
from kyoto_desk.errors import InputError

log = logging.getLogger(__name__)

LINK_THRESHOLD = 0.3  # lowest score for a one-to-one link
PIECE_FLOOR = 0.12  # lowest score for a piece joining a split or merge (a short piece scores low)
PIECE_CONTAINMENT = 0.6  # share of a leftover unit's terms that must lie in the unit it is a piece of
PIECE_GAIN = 0.02  # how much a piece must raise the group's score to be attached
# A one-to-one link must beat every other free partner of either unit by this much: when two
# candidates are this close, the texts do not say which one continues the unit, and no link is
# better than a coin toss (near-miss paragraphs share topic and formulae, not the commitment).
LINK_MARGIN = 0.03
# Related words (core.concepts) are looked up only for each unit's best few partners by wording: the
# look-up is the dearest part of scoring, and a pair outside both units' best few rarely wins.
RELATED_CANDIDATES = 2


@dataclass(slots=True)
class _Group:
    """A link under construction: indices into the old and new units."""

    old: list[int]
    new: list[int]
    pinned: bool = False
    score: float | None = None  # of a one-to-one link, as scored; None once pieces join


@dataclass(slots=True)
class _Plan:
    """What the pins decide before any scoring."""

    groups: list[_Group] = field(default_factory=list)
    forbidden: set[tuple[int, int]] = field(default_factory=set)
    banned_old: set[int] = field(default_factory=set)
    banned_new: set[int] = field(default_factory=set)


def is_bare_lead_in(unit: Unit) -> bool:
    """True for a lead-in such as "We endeavour:" that says nothing of its own and is never linked."""
    return is_lead_in_text(unit.text)


def align_units(old: Document, new: Document, *, pins: Sequence[Pin] = ()) -> Alignment:
    """Link the units of `old` to the units of `new`; see the module docstring for the method."""
    return _Aligner(old, new, pins).run()


def _profiles(document: Document) -> list[UnitProfile]:
    last = max(1, len(document.units) - 1)
    return [profile(u.text, i / last) for i, u in enumerate(document.units)]


class _Aligner:
    """One alignment run: the two texts, their profiles, the scorer and the pins' plan."""

    def __init__(self, old: Document, new: Document, pins: Sequence[Pin]) -> None:
        self.old, self.new = old, new
        self.old_p = _profiles(old)
        self.new_p = _profiles(new)
        self.scorer = Scorer(chain(self.old_p, self.new_p), shorter_text=min(len(old), len(new)))
        self.plan = _plan_pins(old, new, pins)

    def run(self) -> Alignment:
        plan = self.plan
        taken_old = {i for g in plan.groups for i in g.old} | plan.banned_old
        taken_new = {j for g in plan.groups for j in g.new} | plan.banned_new
        pairs = [
            (i, j)
            for i, j in candidate_pairs(self.old_p, self.new_p, self.scorer)
            if (i, j) not in plan.forbidden and i not in taken_old and j not in taken_new
        ]
        old_p, new_p = self.old_p, self.new_p
        scores = self.scorer.literal_scores([(old_p[i], new_p[j]) for i, j in pairs])
        literal = [(s, i, j) for s, (i, j) in zip(scores, pairs, strict=True)]
        best = _best_few(literal, RELATED_CANDIDATES)
        scored = [
            (self.scorer.score(self.old_p[i], self.new_p[j]), i, j) if (i, j) in best else (s, i, j)
            for s, i, j in literal
        ]
        return self._alignment(self._greedy(scored))

    def _greedy(self, scored: list[tuple[float, int, int]]) -> list[_Group]:
        """Take pairs from the best score down: a pair of free units becomes a link; a free unit that
        is a piece of an already linked unit joins that link as a split or merge."""

        # Ties go to the pair closest in place, then to reading order: quantities that stay the same
        # when the texts are swapped.
        old_at, new_at = [p.position for p in self.old_p], [p.position for p in self.new_p]

        def key(item: tuple[float, int, int]) -> tuple[float, float, float, float]:
            score, i, j = item
            a, b = old_at[i], new_at[j]
            return (-round(score, 9), abs(a - b), min(a, b), max(a, b))

        groups = list(self.plan.groups)
        of_old = {i: g for g in groups for i in g.old}
        of_new = {j: g for g in groups for j in g.new}
        rivals = _Rivals(self, scored)
        # Pairs that sort after every pair at or above the floor are never reached: leave them
        # unsorted (by the rounded score the order uses, so the pairs taken are the same).
        floor = round(PIECE_FLOOR, 9)
        for score, i, j in sorted([item for item in scored if round(item[0], 9) >= floor], key=key):
            if score < PIECE_FLOOR:
                break
            if i not in of_old and j not in of_new:
                if score >= LINK_THRESHOLD and rivals.clear_margin(score, i, j, of_old, of_new):
                    group = _Group([i], [j], score=score)
                    groups.append(group)
                    of_old[i] = of_new[j] = group
            elif j not in of_new and self._is_piece(of_old[i], i, j):  # new unit j split off old unit i
                of_old[i].new.append(j)
                of_old[i].score = None
                of_new[j] = of_old[i]
            elif i not in of_old and self._is_piece(of_new[j], i, j):  # old unit i merged into new unit j
                of_new[j].old.append(i)
                of_new[j].score = None
                of_old[i] = of_new[j]
        return groups

    def _is_piece(self, group: _Group, i: int, j: int) -> bool:
        """Whether the free unit of the pair (old i, new j) is a piece of `group`'s single unit."""
        if group.pinned:
            return False
        splits = j not in group.new  # else old unit i would merge into group.new[0]
        if len(group.old if splits else group.new) != 1:
            return False
        part, whole = (self.new_p[j], self.old_p[i]) if splits else (self.old_p[i], self.new_p[j])
        if self.scorer.containment(part, whole) < PIECE_CONTAINMENT:  # cheap test first
            return False
        gain = self._piece_gain(group, None, j) if splits else self._piece_gain(group, i, None)
        return gain > PIECE_GAIN

    def _group_score(self, old: Sequence[int], new: Sequence[int]) -> float:
        """The content score of a group, without position bonus or cap, so that gains stay visible."""
        a = combine([self.old_p[i] for i in sorted(old)])
        b = combine([self.new_p[j] for j in sorted(new)])
        return self.scorer.signals(a, b).base

    def _piece_gain(self, group: _Group, old_piece: int | None, new_piece: int | None) -> float:
        """How much the group's score rises when the piece joins it."""
        olds = group.old if old_piece is None else [*group.old, old_piece]
        news = group.new if new_piece is None else [*group.new, new_piece]
        return self._group_score(olds, news) - self._group_score(group.old, group.new)

    def _alignment(self, groups: list[_Group]) -> Alignment:
        for g in groups:
            g.old.sort()
            g.new.sort()
        moved = self._moved(groups)
        groups = sorted(groups, key=lambda g: (g.new[0], g.old[0]))
        links = tuple(self._link(g, id(g) in moved) for g in groups)
        linked_old = {i for g in groups for i in g.old}
        linked_new = {j for g in groups for j in g.new}
        return Alignment(
            links=links,
            added=tuple(u.id for j, u in enumerate(self.new.units) if j not in linked_new),
            removed=tuple(u.id for i, u in enumerate(self.old.units) if i not in linked_old),
        )

    def _moved(self, groups: list[_Group]) -> set[int]:
        """Ids of the groups outside the heaviest chain that keeps both reading orders (weighted LIS)."""
        ordered = sorted(groups, key=lambda g: (g.old[0], g.new[0]))
        # Every link counts one; similarity only decides between chains of equal length.
        weights = [
            1.0 + 1e-3 * (g.score if g.score is not None else self._group_score(g.old, g.new))
            for g in ordered
        ]
        places = [g.new[0] + 1 for g in ordered]
        kept = _heaviest_chain(places, weights)
        return {id(g) for k, g in enumerate(ordered) if k not in kept}

    def _link(self, g: _Group, moved: bool) -> Link:
        a = combine([self.old_p[i] for i in g.old])
        b = combine([self.new_p[j] for j in g.new])
        signals = self.scorer.signals(a, b)
        # The content signals alone: place helps to choose between candidates, it is no similarity.
        similarity = round(signals.base, 4)
        reason = explain(self.scorer, a, b, signals)
        if len(g.old) > 1 or len(g.new) > 1:
            kind = LinkKind.SPLIT if len(g.new) >= len(g.old) else LinkKind.MERGED
            shape = f"split into {len(g.new)}" if kind is LinkKind.SPLIT else f"{len(g.old)} merged"
            reason = f"{shape}{', moved' if moved else ''}: {reason}"
        elif moved:
            kind = LinkKind.MOVED
        elif a.surface == b.surface:
            kind, similarity = LinkKind.IDENTICAL, 1.0
        else:
            kind = LinkKind.MODIFIED
        if g.pinned:
            reason = f"linked by hand; {reason}"
        return Link(
            old=tuple(self.old.units[i].id for i in g.old),
            new=tuple(self.new.units[j].id for j in g.new),
            kind=kind,
            similarity=similarity,
            reason=reason,
            pinned=g.pinned,
        )


def _best_few(scored: Sequence[tuple[float, int, int]], size: int) -> set[tuple[int, int]]:
    """The pairs worth the thesaurus look-up: among the `size` best-scored partners of their old unit
    or of their new unit (ties to the lower index on the other side, which swapping the texts
    keeps), unless both units have a partner that beats the pair by more than the look-up could
    ever add to it."""
    # defaultdict, not setdefault: that would make an empty list for every pair.
    of_old: defaultdict[int, list[tuple[float, int]]] = defaultdict(list)
    of_new: defaultdict[int, list[tuple[float, int]]] = defaultdict(list)
    for s, i, j in scored:
        of_old[i].append((-s, j))
        of_new[j].append((-s, i))
    for row in chain(of_old.values(), of_new.values()):
        row.sort()
    best = {(i, j) for i, row in of_old.items() for _, j in row[:size]}
    best |= {(i, j) for j, row in of_new.items() for _, i in row[:size]}
    top_old = {i: -row[0][0] for i, row in of_old.items()}
    top_new = {j: -row[0][0] for j, row in of_new.items()}
    return {
        (i, j) for s, i, j in scored if (i, j) in best and min(top_old[i], top_new[j]) <= s + RELATED_GAIN_MAX
    }


class _Rivals:
    """The scored partners of every unit, to tell a clear best match from a toss-up."""

    def __init__(self, aligner: _Aligner, scored: Sequence[tuple[float, int, int]]) -> None:
        self.aligner = aligner
        self.of_old: defaultdict[int, list[tuple[float, int]]] = defaultdict(list)
        self.of_new: defaultdict[int, list[tuple[float, int]]] = defaultdict(list)
        for score, i, j in scored:
            self.of_old[i].append((score, j))
            self.of_new[j].append((score, i))

    def clear_margin(
        self, score: float, i: int, j: int, taken_old: Mapping[int, object], taken_new: Mapping[int, object]
    ) -> bool:
        """Whether (i, j) beats every other still free partner of i and of j by LINK_MARGIN. A partner
        that is a piece of the unit (the other half of a split or merge) is no rival."""
        bar = score - LINK_MARGIN
        old_p, new_p, scorer = self.aligner.old_p, self.aligner.new_p, self.aligner.scorer
        rival_new = any(
            s > bar
            and k != j
            and k not in taken_new
            and scorer.containment(new_p[k], old_p[i]) < PIECE_CONTAINMENT
            for s, k in self.of_old[i]
        )
        return not rival_new and not any(
            s > bar
            and k != i
            and k not in taken_old
            and scorer.containment(old_p[k], new_p[j]) < PIECE_CONTAINMENT
            for s, k in self.of_new[j]
        )


def _heaviest_chain(places: Sequence[int], weights: Sequence[float]) -> set[int]:
    """Indices of the heaviest subsequence with strictly increasing places (places are 1-based)."""
    size = max(places, default=0) + 1
    tree: list[tuple[float, int]] = [(0.0, -1)] * size  # Fenwick tree: best chain ending at or below a place
    back: list[int] = []
    totals: list[float] = []
    for k, place in enumerate(places):
        best, cursor = (0.0, -1), place - 1
        while cursor > 0:
            best = max(best, tree[cursor])
            cursor -= cursor & -cursor
        totals.append(best[0] + weights[k])
        back.append(best[1])
        cursor = place
        while cursor < size:
            tree[cursor] = max(tree[cursor], (totals[k], k))
            cursor += cursor & -cursor
    chain_: set[int] = set()
    k = max(range(len(places)), key=lambda n: (totals[n], -n), default=-1)
    while k >= 0:
        chain_.add(k)
        k = back[k]
    return chain_


def _plan_pins(old: Document, new: Document, pins: Sequence[Pin]) -> _Plan:
    plan = _Plan()
    seen_old: set[str] = set()
    seen_new: set[str] = set()
    for pin in pins:
        unknown = [u for u in pin.old if u not in old] + [u for u in pin.new if u not in new]
        if unknown:
            # A pin outlives re-imports of its documents; one that names vanished units is stale, not fatal.
            log.warning("Ignoring a pin that names units no longer present: %s", ", ".join(unknown))
            continue
        old_idx = [old.position(u) for u in pin.old]
        new_idx = [new.position(u) for u in pin.new]
        if not pin.linked:
            plan.forbidden.update((i, j) for i in old_idx for j in new_idx)
            if not new_idx:
                plan.banned_old.update(old_idx)
            if not old_idx:
                plan.banned_new.update(new_idx)
            continue
        if not old_idx or not new_idx:
            raise InputError(
                "A manual link needs units on both sides.",
                "Pick at least one paragraph in each text, or unlink the paragraph instead.",
            )
        clash = (seen_old & set(pin.old)) | (seen_new & set(pin.new))
        if clash:
            raise InputError(
                f"Paragraph {sorted(clash)[0]} is in two manual links.",
                "Remove one of the two manual links, then link again.",
            )
        seen_old.update(pin.old)
        seen_new.update(pin.new)
        plan.groups.append(_Group(sorted(old_idx), sorted(new_idx), pinned=True))
    return plan
