"""The text of one table cell as segments: equal, inserted or deleted words with their unit offsets.

Pure Python (no docx): the writer turns each segment into one run, so segments are first cut at every
offset a comment or an agreed-language span starts or ends on; a comment then spans whole runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from kyoto_desk.core.worddiff import DiffOp, WordDiff


class Side(StrEnum):
    """Which text a cell shows offsets of."""

    OLD = "old"
    NEW = "new"


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a cell's text; `span` is its (start, end) in the unit's own text, None for a deletion."""

    op: DiffOp
    text: str
    span: tuple[int, int] | None
    agreed: bool = False


def plain(text: str, op: DiffOp = DiffOp.EQUAL) -> list[Segment]:
    """A whole unit as one segment: unchanged, or all inserted (a new paragraph)."""
    return [Segment(op, text, (0, len(text)))] if text else []


def struck(text: str) -> list[Segment]:
    """A dropped paragraph, struck through in the newer text's column."""
    return [Segment(DiffOp.DELETE, text, None)] if text else []


def _owners(diff: WordDiff) -> list[str]:
    """The new unit each span is shown in: its own, or for a deletion the unit it stands in."""
    owners: list[str] = []
    current = diff.new_ids[0] if diff.new_ids else ""
    for span in diff.spans:
        if span.new is not None:
            current = span.new.unit_id
        owners.append(current)
    return owners


def redline(diff: WordDiff, new_id: str) -> list[Segment]:
    """The new unit `new_id` of a linked pair in UN redline: its words plus the deletions among them."""
    out: list[Segment] = []
    for span, owner in zip(diff.spans, _owners(diff), strict=True):
        if owner != new_id:
            continue
        where = (span.new.start, span.new.end) if span.new is not None else None
        out.append(Segment(span.op, span.text, where))
    return out


def cut(segments: Sequence[Segment], offsets: Iterable[int]) -> list[Segment]:
    """The same segments split wherever one of `offsets` falls strictly inside one."""
    points = sorted(set(offsets))
    out: list[Segment] = []
    for segment in segments:
        if segment.span is None:
            out.append(segment)
            continue
        start, end = segment.span
        inner = [p for p in points if start < p < end]
        for left, right in zip([start, *inner], [*inner, end], strict=True):
            text = segment.text[left - start : right - start]
            out.append(replace(segment, text=text, span=(left, right)))
    return out


def mark_agreed(segments: Sequence[Segment], spans: Sequence[tuple[int, int]]) -> list[Segment]:
    """Flag the segments lying inside agreed-language spans (cut them at the span ends first)."""
    if not spans:
        return list(segments)
    out: list[Segment] = []
    for segment in cut(segments, (p for span in spans for p in span)):
        inside = segment.span is not None and any(
            s <= segment.span[0] and segment.span[1] <= e for s, e in spans
        )
        out.append(replace(segment, agreed=inside) if inside else segment)
    return out


def covering(segments: Sequence[Segment], start: int, end: int) -> tuple[int, int] | None:
    """Indexes (first, last) of the segments a quote from `start` to `end` covers, None if none.

    Deletions between two covered segments are included, so a comment on a reworded phrase shows
    its struck words too. An empty quote covers the segment it stands in.
    """
    if start == end:
        end = start + 1
    inside = [
        i
        for i, s in enumerate(segments)
        if s.span is not None and s.span[0] < end and start < s.span[1] and s.span[0] != s.span[1]
    ]
    return (inside[0], inside[-1]) if inside else None
