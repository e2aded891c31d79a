"""Agreed language: long word runs two texts share, wherever they stand, and the new language left over.

Runs are found without comparing units pairwise: every three-word sequence of the older text is
hashed once, each position of the newer text looks its sequence up, and a hit is extended word by
word along its diagonal. Runs of the same pair of units that are separated by an edit of one or two
words are then joined, so a long agreed passage with a changed word reads as one run.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, islice

from kyoto_desk.core.links import Alignment
from kyoto_desk.core.model import Document
from kyoto_desk.core.worddiff import DiffOp, Located, WordDiff

DEFAULT_MIN_WORDS = 6
SEED_WORDS = 3
# Seeds are looked up at every other position when runs are long enough: any exact stretch of
# SEED_WORDS + 1 words still holds one, so every exact run of min_words is found; only a three-word
# piece beyond an edit may go unjoined. Halves the look-ups.
SEED_STRIDE = 2
MAX_GAP = 2  # words an edit inside a run may insert, delete or replace on each side
# A three-word sequence as common as "and criminal justice" occurs in most units; looking at only the
# occurrences nearest the expected place keeps the search linear in the size of the texts.
MAX_PARTNERS = 8
# Words as \w+(?:['’\-]\w+)*, captured so that a split returns them. The quantifiers are possessive: a
# word is always taken whole (nothing follows it in the pattern to give characters back to), which
# spares the engine its backtracking bookkeeping.
_SPLIT_RE = re.compile(r"(\w++(?:['’\-]\w++)*+)")
# For ASCII text, the same with ASCII \w, which is the same class there ([A-Za-z0-9_]) and faster to test.
_ASCII_SPLIT_RE = re.compile(_SPLIT_RE.pattern, re.ASCII)
# A place in the older text packed in one int, unit << _SHIFT | word position, so that the index holds
# no tuple per word and a diagonal is one subtraction. Positions stay far below 2**31 in any paragraph.
_SHIFT = 32
_MASK = (1 << _SHIFT) - 1


@dataclass(frozen=True, slots=True)
class AgreedRun:
    """A run of words shared by an old and a new unit; `text` is the run as the new text words it.

    `words` and `old_words` count the run's words in the new and the old unit, `matched` those found
    identically in both (fewer when an edit of a word or two sits inside the run).
    """

    old: Located
    new: Located
    words: int
    old_words: int
    matched: int
    text: str

    @property
    def exact(self) -> bool:
        return self.matched == self.words == self.old_words


@dataclass(frozen=True, slots=True)
class _Words:
    """The words of one unit: normalised forms and where each starts and ends in the unit's text.

    Starts and ends are kept apart, as plain integers: a tuple per word was most of the objects one
    comparison leaves for the garbage collector to look through.
    """

    unit_id: str
    forms: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return tuple(zip(self.starts, self.ends, strict=True))


@lru_cache(maxsize=8192)
def _text_words(text: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    # Cached by text: one comparison reads each unit's words three times (runs, shares, new language).
    # Split on the captured word pattern, the text comes back as the gaps and the words in turn, so
    # running sums of their lengths are where each word starts and ends: no match object per word.
    if text.isascii():
        # ASCII casefolds to its lower case, letter for letter: one call for the whole text.
        parts = _ASCII_SPLIT_RE.split(text.lower())
        forms = tuple(parts[1::2])
    else:
        parts = _SPLIT_RE.split(text)
        forms = tuple(map(str.casefold, parts[1::2]))
    bounds = tuple(accumulate(map(len, parts[:-1])))
    return forms, bounds[0::2], bounds[1::2]


def word_forms(text: str) -> tuple[str, ...]:
    """The casefolded words of `text` as agreed language reads them, remembered until `clear_cache`."""
    return _text_words(text)[0]


def word_count(text: str) -> int:
    """How many words `text` has, counted as agreed language counts them."""
    return len(_text_words(text)[0])


def clear_cache() -> None:
    """Forget the words of unit texts remembered between comparisons (benchmarks time a cold run)."""
    _text_words.cache_clear()


def unit_words(document: Document) -> list[_Words]:
    return [_Words(unit.id, *_text_words(unit.text)) for unit in document.units]


def _grams(forms: tuple[str, ...], size: int) -> Iterator[tuple[str, ...]]:
    """Each run of `size` consecutive words, built in C by zip rather than by slicing."""
    return zip(*(forms[i:] for i in range(size)), strict=False)


def _index(units: Sequence[_Words], size: int) -> dict[tuple[str, ...], int | list[int]]:
    """Where each run of `size` words stands in `units`, as unit << _SHIFT | position: the place of a
    run found once (most are), an ascending list of places for one found more often."""
    grams: dict[tuple[str, ...], int | list[int]] = {}
    put = grams.setdefault  # one dict operation for a run not seen before, which most are
    for u, words in enumerate(units):
        for place, gram in enumerate(_grams(words.forms, size), u << _SHIFT):
            found = put(gram, place)
            if found is place:  # places are distinct numbers: only this place can be this object
                continue
            if isinstance(found, int):
                grams[gram] = [found, place]
            else:
                found.append(place)
    return grams


def _partners(found: list[int], target: int) -> list[int]:
    if len(found) <= MAX_PARTNERS:
        return found
    at = bisect_left(found, target << _SHIFT)
    low = max(0, min(at - MAX_PARTNERS // 2, len(found) - MAX_PARTNERS))
    return found[low : low + MAX_PARTNERS]


def _extend(old: tuple[str, ...], new: tuple[str, ...], o: int, n: int, seed: int) -> tuple[int, int, int]:
    """(new start, new end, old start) of the maximal exact run through the `seed` words that
    old[o:] and new[n:] are known to share."""
    if o == n and old == new:  # the same words (most units of a revision): the whole unit
        return 0, len(new), 0
    back = 0
    while o - back > 0 and n - back > 0 and old[o - back - 1] == new[n - back - 1]:
        back += 1
    ahead, room = seed, min(len(old) - o, len(new) - n)
    while ahead < room and old[o + ahead] == new[n + ahead]:
        ahead += 1
    return n - back, n + ahead, o - back


_Found = tuple[int, int, int, int]  # an exact run: new start, old start, new end, old end (word positions)


def _exact_runs(
    old: Sequence[tuple[str, ...]],
    new: tuple[str, ...],
    index: dict[tuple[str, ...], int | list[int]],
    target: int,
    *,
    size: int,
    stride: int,
) -> dict[int, list[_Found]]:
    """The exact runs one new unit shares with each old unit, found from seeds of `size` words."""
    runs: dict[int, list[_Found]] = defaultdict(list)
    # Diagonal (old unit << _SHIFT, plus old position minus new) -> new position covered up to.
    covered: dict[int, int] = {}
    look_up, is_covered = index.get, covered.get  # locals: this loop runs for every seed
    for n, gram in islice(enumerate(_grams(new, size)), 0, None, stride):
        found = look_up(gram)
        if found is None:
            continue
        if isinstance(found, int):
            if is_covered(found - n, -1) > n:  # most seeds: one place, on a diagonal already walked
                continue
            found = [found]
        for place in _partners(found, target):
            diagonal = place - n
            if is_covered(diagonal, -1) > n:
                continue
            ou = place >> _SHIFT
            start, end, old_start = _extend(old[ou], new, place & _MASK, n, size)
            covered[diagonal] = end
            runs[ou].append((start, old_start, end, old_start + end - start))
    return runs


def _join(runs: list[_Found]) -> list[list[int]]:
    """Chains of one unit pair's runs separated by at most MAX_GAP words on each side, as
    [new start, old start, new end, old end, matched words]."""
    chains: list[list[int]] = []
    # No two runs of a pair start at the same places, so plain tuple order is the reading order.
    for new_start, old_start, new_end, old_end in sorted(runs):
        for chain in chains:
            if 0 <= new_start - chain[2] <= MAX_GAP and 0 <= old_start - chain[3] <= MAX_GAP:
                chain[2], chain[3] = new_end, old_end
                chain[4] += new_end - new_start
                break
        else:
            chains.append([new_start, old_start, new_end, old_end, new_end - new_start])
    return chains


def _long_runs(runs: dict[int, list[_Found]], min_words: int) -> list[tuple[int, int, int, int, int, int]]:
    """The joined runs of one new unit with at least `min_words` matched words, in reading order, as
    (new start, old unit, old start, new end, old end, matched)."""
    out = []
    for ou, found in runs.items():
        if len(found) == 1:  # most pairs share one common phrase: nothing to join, nothing to sort
            new_start, old_start, new_end, old_end = found[0]
            if new_end - new_start >= min_words:
                out.append((new_start, ou, old_start, new_end, old_end, new_end - new_start))
            continue
        for new_start, old_start, new_end, old_end, matched in _join(found):
            if matched >= min_words:
                out.append((new_start, ou, old_start, new_end, old_end, matched))
    out.sort()  # a run is unique by where it starts on both sides: this is the order by those places
    return out


def _targets(old: Document, new: Document, alignment: Alignment | None) -> list[int]:
    """For each new unit, the old unit where its agreed language most likely stands."""
    linked: dict[str, int] = {}
    if alignment is not None:
        for link in alignment.links:
            first = min(old.position(i) for i in link.old)
            linked.update({i: first for i in link.new})
    scale = len(old) / max(1, len(new))
    return [linked.get(u.id, int(i * scale)) for i, u in enumerate(new.units)]


def agreed_runs(
    old: Document,
    new: Document,
    *,
    min_words: int = DEFAULT_MIN_WORDS,
    alignment: Alignment | None = None,
) -> tuple[AgreedRun, ...]:
    """Every run of at least `min_words` matched words shared by a unit of `old` and one of `new`.

    Ordered by new unit, then position. `alignment`, when given, tells where to look first for
    phrases so common that only the occurrences nearest their expected place are examined.
    """
    if min_words < 1:
        raise ValueError("min_words must be at least 1")
    old_words, new_words = unit_words(old), unit_words(new)
    size = min(SEED_WORDS, min_words)
    # A stretch of size + stride - 1 exact words always holds a seed: keep that within min_words.
    stride = max(1, min(SEED_STRIDE, min_words - size + 1))
    index = _index(old_words, size)
    old_forms = [words.forms for words in old_words]
    out = []
    for nu, (n, target) in enumerate(zip(new_words, _targets(old, new, alignment), strict=True)):
        runs = _exact_runs(old_forms, n.forms, index, target, size=size, stride=stride)
        text = new.units[nu].text
        for new_start, ou, old_start, new_end, old_end, matched in _long_runs(runs, min_words):
            o = old_words[ou]
            new_loc = Located(n.unit_id, n.starts[new_start], n.ends[new_end - 1])
            old_loc = Located(o.unit_id, o.starts[old_start], o.ends[old_end - 1])
            counts = new_end - new_start, old_end - old_start, matched
            out.append(AgreedRun(old_loc, new_loc, *counts, text[new_loc.start : new_loc.end]))
    return tuple(out)


def _covered_slices(words: _Words, intervals: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words the intervals together cover whole, as ascending, disjoint (first, stop) slices."""
    merged: Sequence[tuple[int, int] | list[int]] = intervals  # one interval needs no merging
    if len(intervals) > 1:
        joined: list[list[int]] = []
        for start, end in sorted(intervals):
            if joined and start <= joined[-1][1]:
                joined[-1][1] = max(joined[-1][1], end)
            else:
                joined.append([start, end])
        merged = joined
    # Words neither overlap nor go back, so their starts and ends both ascend: the words an interval
    # holds are one slice, found by bisection instead of a test per word.
    starts, ends = words.starts, words.ends
    found = ((bisect_left(starts, start), bisect_right(ends, end)) for start, end in merged)
    return [(first, stop) for first, stop in found if stop > first]


def _covered(words: _Words, intervals: Sequence[tuple[int, int]]) -> list[bool]:
    """For each word of the unit, whether the intervals together cover it whole."""
    flags = [False] * len(words.starts)
    for first, stop in _covered_slices(words, intervals):
        flags[first:stop] = [True] * (stop - first)
    return flags


def agreed_share(document: Document, runs: Iterable[AgreedRun], *, side: str) -> dict[str, float]:
    """Per unit of `document` (the "old" or "new" side of `runs`), the share of its words agreed."""
    intervals: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for run in runs:
        loc = run.old if side == "old" else run.new
        intervals[loc.unit_id].append((loc.start, loc.end))
    shares = {}
    for words in unit_words(document):
        found = intervals.get(words.unit_id)
        if found and words.starts:  # the slices are disjoint: their lengths add up to the words covered
            covered = sum(stop - first for first, stop in _covered_slices(words, found))
            shares[words.unit_id] = covered / len(words.starts)
        else:
            shares[words.unit_id] = 0.0
    return shares


def new_language(
    new: Document, runs: Iterable[AgreedRun], diffs: Iterable[WordDiff]
) -> dict[str, tuple[tuple[int, int], ...]]:
    """Per new unit, the character spans of words neither agreed language nor equal in a link's diff."""
    intervals: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for run in runs:
        intervals[run.new.unit_id].append((run.new.start, run.new.end))
    for diff in diffs:
        for span in diff.spans:
            if span.op is DiffOp.EQUAL and span.new is not None:
                intervals[span.new.unit_id].append((span.new.start, span.new.end))
    return {w.unit_id: _uncovered(w, intervals.get(w.unit_id, [])) for w in unit_words(new)}


def _uncovered(words: _Words, intervals: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """One span per stretch of words the intervals leave uncovered: the gaps between covered slices."""
    spans: list[tuple[int, int]] = []
    at = 0
    for first, stop in _covered_slices(words, intervals) if intervals else ():
        if first > at:
            spans.append((words.starts[at], words.ends[first - 1]))
        at = stop
    if len(words.starts) > at:
        spans.append((words.starts[at], words.ends[-1]))
    return tuple(spans)
