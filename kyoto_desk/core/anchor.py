"""Re-anchoring: find where an annotated span now lies in a unit's (possibly changed) text.

Tried in order: the recorded position (if the quote is still there), the exact quote wherever it
occurs (the occurrence whose 32-character context agrees best wins), then a fuzzy match
(diff-match-patch's bitap `match_main` proposes starts and ends from the quote's head and tail and
from its context; each candidate span is scored on quote, context and position). A fuzzy candidate
is accepted only when the words are close *and* the context agrees, so a quote whose text is gone
is orphaned rather than moved onto other words.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import product

from diff_match_patch import diff_match_patch

from kyoto_desk.core.annotation import Annotation, TextPosition, TextQuote, quote_at
from kyoto_desk.core.links import Alignment, Link, LinkKind
from kyoto_desk.core.model import Document, Unit

# Bitap patterns are limited to Match_MaxBits (32) characters: longer quotes are matched by head and tail.
_PATTERN = 32
# A fuzzy span must keep this much of the quote (1 - edit distance / length) and of each side of its
# context: similar words elsewhere in the paragraph (UN texts repeat their phrases) sit elsewhere.
MIN_QUOTE_SIMILARITY = 0.75
MIN_CONTEXT_SIMILARITY = 0.5
_NEAR = 100  # characters within which a repeated phrase counts as "near" the old offsets


class AnchorMethod(StrEnum):
    """How a span was placed."""

    POSITION = "position"  # the quote is still at its recorded offsets
    QUOTE = "quote"  # the exact quote was found elsewhere, chosen by its context
    FUZZY = "fuzzy"  # the words changed; the closest span was taken
    ORPHANED = "orphaned"  # the quote is gone: the annotation is kept but not placed


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a quote lies now (None when orphaned) and how sure the match is, in [0, 1]."""

    method: AnchorMethod
    position: TextPosition | None
    score: float

    @property
    def exact(self) -> bool:
        return self.method in (AnchorMethod.POSITION, AnchorMethod.QUOTE)


ORPHAN = Anchor(AnchorMethod.ORPHANED, None, 0.0)


def _matcher(text_length: int) -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # spans are short; an unbounded diff keeps results deterministic
    dmp.Match_Threshold = 0.4
    dmp.Match_Distance = max(100, text_length)  # position matters, but a whole paragraph away is fine
    return dmp


def similarity(a: str, b: str, dmp: diff_match_patch | None = None) -> float:
    """1 - Levenshtein distance / length of the longer string (1.0 for two empty strings)."""
    if a == b:
        return 1.0
    matcher = dmp or _matcher(0)
    distance: int = matcher.diff_levenshtein(matcher.diff_main(a, b, False))
    return 1.0 - distance / max(len(a), len(b))


def _context_sides(
    quote: TextQuote, text: str, start: int, end: int, dmp: diff_match_patch
) -> tuple[float, float]:
    """How well the text before and after a candidate span agrees with the quote's prefix and suffix."""
    before = text[max(0, start - len(quote.prefix)) : start]
    after = text[end : end + len(quote.suffix)]
    return similarity(quote.prefix, before, dmp), similarity(quote.suffix, after, dmp)


def _context_similarity(quote: TextQuote, text: str, start: int, end: int, dmp: diff_match_patch) -> float:
    return sum(_context_sides(quote, text, start, end, dmp)) / 2


def _closeness(position: TextPosition, start: int, text: str) -> float:
    return 1.0 - min(1.0, abs(start - position.start) / max(1, len(text)))


def _nearness(position: TextPosition, start: int) -> float:
    return 1.0 - min(1.0, abs(start - position.start) / _NEAR)


def _occurrences(exact: str, text: str) -> list[int]:
    found: list[int] = []
    index = text.find(exact)
    while index != -1:
        found.append(index)
        index = text.find(exact, index + 1)
    return found


def _exact_anchor(
    quote: TextQuote, position: TextPosition, text: str, dmp: diff_match_patch
) -> Anchor | None:
    starts = _occurrences(quote.exact, text)
    if not starts:
        return None
    size = len(quote.exact)

    def rank(start: int) -> float:
        # Context decides between repeated phrases; nearness to the old offsets breaks near-ties, as
        # edits next to a span blur its context but move it only a few words.
        return _context_similarity(quote, text, start, start + size, dmp) + 0.5 * _nearness(position, start)

    best = max(starts, key=rank)
    method = AnchorMethod.POSITION if best == position.start else AnchorMethod.QUOTE
    return Anchor(method, TextPosition(best, best + size), 1.0)


def _candidate_bounds(
    quote: TextQuote, position: TextPosition, text: str, dmp: diff_match_patch
) -> tuple[set[int], set[int]]:
    exact, size = quote.exact, len(quote.exact)
    expected = min(position.start, len(text))
    head, tail = exact[:_PATTERN], exact[-_PATTERN:]
    before, after = quote.prefix[-_PATTERN:], quote.suffix[:_PATTERN]
    starts: set[int] = set()
    ends: set[int] = set()
    if (found := dmp.match_main(text, head, expected)) != -1:
        starts.add(found)
        ends.add(found + size)
    if (found := dmp.match_main(text, tail, expected + size - len(tail))) != -1:
        ends.add(found + len(tail))
        starts.add(found + len(tail) - size)
    if before and (found := dmp.match_main(text, before, expected - len(before))) != -1:
        starts.add(found + len(before))
    if after and (found := dmp.match_main(text, after, expected + size)) != -1:
        ends.add(found)
    clip = range(len(text) + 1)
    return {s for s in starts if s in clip}, {e for e in ends if e in clip}


def _fuzzy_anchor(quote: TextQuote, position: TextPosition, text: str, dmp: diff_match_patch) -> Anchor:
    size = len(quote.exact)
    starts, ends = _candidate_bounds(quote, position, text, dmp)
    best: tuple[float, int, int] | None = None
    for start, end in product(starts, ends):
        if not size / 2 <= end - start <= size * 1.5 + 8:
            continue
        words = similarity(quote.exact, text[start:end], dmp)
        sides = _context_sides(quote, text, start, end, dmp)
        # Both sides must agree: a similar phrase elsewhere ("Fifteenth United Nations" for a deleted
        # "Fourteenth United Nations") often shares one side of its context, rarely both.
        if words < MIN_QUOTE_SIMILARITY or min(sides) < MIN_CONTEXT_SIMILARITY:
            continue
        context = sum(sides) / 2
        score = 0.6 * words + 0.3 * context + 0.1 * _closeness(position, start, text)
        if best is None or score > best[0]:
            best = (score, start, end)
    if best is None:
        return ORPHAN
    return Anchor(AnchorMethod.FUZZY, TextPosition(best[1], best[2]), round(best[0], 4))


def _overlaps(a: TextPosition, b: TextPosition) -> bool:
    return a.start < b.end and b.start < a.end


def locate(quote: TextQuote, position: TextPosition, text: str) -> Anchor:
    """Where the quote lies in `text` now, or ORPHAN."""
    if not quote.exact:
        # An empty span has no words to find; it stays put if its offsets still exist.
        return Anchor(AnchorMethod.POSITION, position, 1.0) if position.end <= len(text) else ORPHAN
    dmp = _matcher(len(text))
    found = _exact_anchor(quote, position, text, dmp)
    if found is None:
        return _fuzzy_anchor(quote, position, text, dmp)
    assert found.position is not None
    if (
        min(_context_sides(quote, text, found.position.start, found.position.end, dmp))
        >= MIN_CONTEXT_SIMILARITY
    ):
        return found
    # The same words stand elsewhere in another context: if the annotated words were edited in
    # place, the edited span (whose context agrees) is what the user marked, not the repeat.
    fuzzy = _fuzzy_anchor(quote, position, text, dmp)
    if fuzzy.position is not None and not _overlaps(fuzzy.position, found.position):
        return fuzzy
    return found


def apply_anchor(annotation: Annotation, anchor: Anchor, text: str, unit_id: str | None = None) -> Annotation:
    """The annotation moved to `anchor` in `text` (quote refreshed), or orphaned with its quote kept."""
    unit = unit_id if unit_id is not None else annotation.unit_id
    if anchor.position is None:
        return replace(annotation, unit_id=unit, orphaned=True)
    return replace(
        annotation,
        unit_id=unit,
        position=anchor.position,
        quote=quote_at(text, anchor.position),
        orphaned=False,
    )


def reanchor(annotation: Annotation, unit_text: str) -> tuple[Annotation, Anchor]:
    """The annotation placed in its unit's current text, and how it was placed."""
    anchor = locate(annotation.quote, annotation.position, unit_text)
    return apply_anchor(annotation, anchor, unit_text), anchor


class CarryStatus(StrEnum):
    """What became of an annotation carried to a newer draft."""

    KEPT = "kept"  # its words are in the counterpart unit, which stayed in place
    MOVED = "moved"  # its words are in the counterpart unit, which moved in the order
    MODIFIED = "modified"  # its words changed; it was placed on the closest span
    DELETED = "deleted"  # its unit or its words are gone: carried as an orphan with its quote


@dataclass(frozen=True, slots=True)
class CarriedAnnotation:
    """An annotation of the older draft and its copy on the newer one."""

    source: Annotation
    result: Annotation
    status: CarryStatus
    anchor: Anchor


def carried_id(source_id: str, new_key: str) -> str:
    """The copy's id, derived from the source and the target so carrying twice updates, not duplicates."""
    return uuid.uuid5(uuid.UUID(source_id), new_key).hex


def _best_counterpart(annotation: Annotation, units: list[Unit]) -> tuple[Unit, Anchor]:
    placed = [(unit, locate(annotation.quote, annotation.position, unit.text)) for unit in units]
    # Exact placements beat fuzzy ones; among equals the higher score, then reading order.
    return max(placed, key=lambda pair: (pair[1].exact, pair[1].score, -units.index(pair[0])))


def carry_annotation(
    annotation: Annotation, new: Document, links_by_old_unit: dict[str, Link], new_key: str
) -> CarriedAnnotation:
    """Carry one annotation to the counterpart(s) of its unit in `new`."""
    copy = replace(annotation, id=carried_id(annotation.id, new_key), document_key=new_key)
    link = links_by_old_unit.get(annotation.unit_id)
    units = [new.unit(uid) for uid in link.new if uid in new] if link is not None else []
    if link is None or not units:
        return CarriedAnnotation(annotation, replace(copy, orphaned=True), CarryStatus.DELETED, ORPHAN)
    unit, anchor = _best_counterpart(annotation, units)
    result = apply_anchor(copy, anchor, unit.text, unit.id)
    if anchor.position is None:
        status = CarryStatus.DELETED
    elif not anchor.exact:
        status = CarryStatus.MODIFIED
    else:
        status = CarryStatus.MOVED if link.kind is LinkKind.MOVED else CarryStatus.KEPT
    return CarriedAnnotation(annotation, result, status, anchor)


def carry_forward(
    annotations: Iterable[Annotation], new: Document, alignment: Alignment, new_key: str
) -> list[CarriedAnnotation]:
    """Copies of `annotations` (on the older document of `alignment`) placed on `new`, each with its fate."""
    links_by_old_unit = {uid: link for link in alignment.links for uid in link.old}
    return [carry_annotation(a, new, links_by_old_unit, new_key) for a in annotations]
