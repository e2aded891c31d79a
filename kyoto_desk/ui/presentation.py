"""What the views show: a document or a pair with their alignment, marks, themes and agreed runs.

Built once per comparison (off the GUI thread when big) from core objects; the views only read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from kyoto_desk.core.compare import Comparison
from kyoto_desk.core.links import Alignment, Link, LinkKind
from kyoto_desk.core.model import BlockKind, Document, UnitKind
from kyoto_desk.core.worddiff import DiffOp, WordDiff
from kyoto_desk.ui.rows import Row, build_rows, single_rows
from kyoto_desk.ui.unit_text import Mark, MarkRole

# How the interface names the relations of a link.
KIND_WORDS = {
    "identical": "Identical",
    "modified": "Reworded",
    "moved": "Moved",
    "split": "Split",
    "merged": "Merged",
}


@dataclass(frozen=True, slots=True)
class AgreedRun:
    """A run of a unit's text that also occurs in the other text, and where."""

    start: int
    end: int
    where: str  # "Kyoto, para. 12" — for the hover text


@dataclass(frozen=True, slots=True)
class ThemeInfo:
    id: str
    label: str
    colour: str


@dataclass(slots=True)
class Side:
    """One document of the view and what is drawn over its units."""

    document: Document
    name: str
    marks: dict[str, list[Mark]] = field(default_factory=dict)
    agreed: dict[str, list[AgreedRun]] = field(default_factory=dict)
    themes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lead_ins: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def ids(self) -> list[str]:
        return [u.id for u in self.document.units]


@dataclass(slots=True)
class Presentation:
    """Everything the comparison view paints; `new` is None when one document is read alone."""

    old: Side
    new: Side | None = None
    alignment: Alignment | None = None
    rows: list[Row] = field(default_factory=list)
    diffs: dict[int, WordDiff] = field(default_factory=dict)
    themes: tuple[ThemeInfo, ...] = ()
    comparison: Comparison | None = None
    status: str = ""

    def side(self, old: bool) -> Side | None:
        return self.old if old else self.new

    def link(self, index: int) -> Link | None:
        if self.alignment is None or not 0 <= index < len(self.alignment.links):
            return None
        return self.alignment.links[index]

    def link_of(self, unit_id: str, *, old: bool) -> int | None:
        """The index of the link holding this unit, if any."""
        if self.comparison is None:
            return None
        if old:
            return self.comparison.link_index_for_old(unit_id)
        return self.comparison.link_index_for_new(unit_id)


def lead_ins_of(document: Document) -> dict[str, tuple[str, ...]]:
    """Lead-in lines ("Declare the following:") keyed by the unit they introduce."""
    out: dict[str, list[str]] = {}
    blocks = sorted((b for b in document.blocks if b.kind is BlockKind.LEAD_IN), key=lambda b: b.start)
    units = document.units
    k = 0
    for block in blocks:
        while k < len(units) and units[k].start < block.start:
            k += 1
        if k < len(units):
            out.setdefault(units[k].id, []).append(block.text)
    return {key: tuple(value) for key, value in out.items()}


def diff_marks(diffs: Sequence[WordDiff]) -> tuple[dict[str, list[Mark]], dict[str, list[Mark]]]:
    """Insert and delete marks per unit id, old side and new side."""
    old: dict[str, list[Mark]] = {}
    new: dict[str, list[Mark]] = {}
    for diff in diffs:
        for span in diff.spans:
            if span.op is DiffOp.DELETE and span.old is not None:
                role = MarkRole.MINOR_DELETE if span.minor else MarkRole.DELETE
                old.setdefault(span.old.unit_id, []).append(Mark(span.old.start, span.old.end, role))
            elif span.op is DiffOp.INSERT and span.new is not None:
                role = MarkRole.MINOR_INSERT if span.minor else MarkRole.INSERT
                new.setdefault(span.new.unit_id, []).append(Mark(span.new.start, span.new.end, role))
    return old, new


def single(document: Document, name: str, themes: dict[str, tuple[str, ...]] | None = None) -> Presentation:
    """A presentation of one document read on its own."""
    side = Side(document, name, themes=themes or {}, lead_ins=lead_ins_of(document))
    return Presentation(old=side, rows=single_rows(side.ids()), status=_single_status(document, name))


_KIND_PLURALS = {
    UnitKind.PREAMBLE: "preambular",
    UnitKind.OPERATIVE: "operative",
    UnitKind.SUBPARAGRAPH: "subparagraphs",
}


def _single_status(document: Document, name: str) -> str:
    """E.g. "Kyoto: 101 paragraphs (4 preambular, 97 operative) · 18 footnotes"."""
    counts = {kind: sum(1 for u in document.units if u.kind is kind) for kind in UnitKind}
    parts = [f"{n} {_KIND_PLURALS[kind]}" for kind, n in counts.items() if n]
    paragraphs = len(document.units) - counts[UnitKind.SUBPARAGRAPH]
    return f"{name}: {paragraphs} paragraphs ({', '.join(parts)}) · {len(document.footnotes)} footnotes"


def _size(document: Document, name: str) -> str:
    subs = sum(1 for u in document.units if u.kind is UnitKind.SUBPARAGRAPH)
    text = f"{name}: {len(document.units) - subs} paragraphs"
    return text + (f", {subs} subparagraphs" if subs else "")


def comparison_status(comparison: Comparison, old_name: str, new_name: str) -> str:
    """The status-bar summary, newer text first: what it continues, rewords and adds."""
    links = comparison.alignment.links
    continued = sum(len(link.new) for link in links)
    reworded = sum(len(link.new) for link in links if link.kind is not LinkKind.IDENTICAL)
    added, removed = len(comparison.alignment.added), len(comparison.alignment.removed)
    return (
        f"{_size(comparison.new, new_name)} — {continued} continued, {reworded} reworded, {added} new"
        f" · {_size(comparison.old, old_name)} — {removed} not carried over"
    )


def _agreed(comparison: Comparison, old_name: str, new_name: str) -> tuple[dict[str, list[AgreedRun]], ...]:
    old: dict[str, list[AgreedRun]] = {}
    new: dict[str, list[AgreedRun]] = {}
    for run in comparison.agreed:
        old.setdefault(run.old.unit_id, []).append(
            AgreedRun(run.old.start, run.old.end, f"{new_name}, para. {run.new.unit_id}")
        )
        new.setdefault(run.new.unit_id, []).append(
            AgreedRun(run.new.start, run.new.end, f"{old_name}, para. {run.old.unit_id}")
        )
    return old, new


def from_comparison(comparison: Comparison, old_name: str, new_name: str) -> Presentation:
    """A presentation of a finished comparison; pure data, so it may be built off the GUI thread."""
    old_marks, new_marks = diff_marks(comparison.diffs)
    old_agreed, new_agreed = _agreed(comparison, old_name, new_name)
    old = Side(
        comparison.old,
        old_name,
        old_marks,
        old_agreed,
        dict(comparison.themes_old),
        lead_ins_of(comparison.old),
    )
    new = Side(
        comparison.new,
        new_name,
        new_marks,
        new_agreed,
        dict(comparison.themes_new),
        lead_ins_of(comparison.new),
    )
    alignment = comparison.alignment
    return Presentation(
        old=old,
        new=new,
        alignment=alignment,
        rows=build_rows(old.ids(), new.ids(), alignment),
        diffs=dict(enumerate(comparison.diffs)),
        themes=tuple(ThemeInfo(t.id, t.label, t.colour) for t in comparison.lexicon.themes),
        comparison=comparison,
        status=comparison_status(comparison, old_name, new_name),
    )
