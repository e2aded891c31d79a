"""The rows of the synoptic table, worked out from a Comparison before any Word is written.

Pure Python: a group is one link (or one added or removed unit); it occupies as many table rows as
its larger side has units, and the smaller side's last cell spans the rest, which is how a split or
a merge reads in a printed synoptic table.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kyoto_desk.core.compare import Comparison
from kyoto_desk.core.links import Link, LinkKind
from kyoto_desk.core.model import Unit, UnitKind
from kyoto_desk.core.worddiff import DiffOp, WordDiff
from kyoto_desk.export.annotation_index import AnnotationIndex
from kyoto_desk.export.briefing_options import BriefingOptions, Scope
from kyoto_desk.export.redline_segments import Segment, Side, cut, mark_agreed, plain, redline, struck

ADDED = "added"
REMOVED = "removed"
CHANGE_NAMES = {
    LinkKind.IDENTICAL.value: "Continued",
    LinkKind.MODIFIED.value: "Reworded",
    LinkKind.MOVED.value: "Moved",
    LinkKind.SPLIT.value: "Split",
    LinkKind.MERGED.value: "Merged",
    ADDED: "New",
    REMOVED: "Dropped",
}


@dataclass(frozen=True, slots=True)
class UnitCell:
    """One unit's text in a cell: its printed number and its segments in order."""

    side: Side
    unit_id: str
    label: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class SynopticGroup:
    """A link, or an added or removed unit, as consecutive table rows."""

    kind: str  # a LinkKind value, ADDED or REMOVED
    old: tuple[UnitCell, ...]
    new: tuple[UnitCell, ...]
    themes: tuple[str, ...]  # theme labels of the units on both sides
    theme_ids: tuple[str, ...]
    similarity: float | None
    reason: str
    headings: tuple[
        str, ...
    ] = ()  # the heading path the group stands under, in the newer text if it is there

    @property
    def height(self) -> int:
        return max(len(self.old), len(self.new), 1)

    @property
    def change(self) -> str:
        return CHANGE_NAMES[self.kind]


def display_label(unit: Unit) -> str:
    """The number a reader cites: the printed label, or "PP3" for an unnumbered preambular paragraph."""
    if unit.label:
        return unit.label
    return unit.number.upper() if unit.kind is UnitKind.PREAMBLE else unit.number


def _cuts(index: AnnotationIndex, side: Side, unit_id: str) -> list[int]:
    return [p for a in index.on(side, unit_id) for p in (a.position.start, a.position.end)]


class _Builder:
    def __init__(self, comparison: Comparison, index: AnnotationIndex, shade_agreed: bool) -> None:
        self.c = comparison
        self.index = index
        self.shade_agreed = shade_agreed
        self.labels = {t.id: t.label for t in comparison.lexicon.themes}

    def old_cell(self, unit_id: str) -> UnitCell:
        unit = self.c.old.unit(unit_id)
        segments = cut(plain(unit.text), _cuts(self.index, Side.OLD, unit_id))
        return UnitCell(Side.OLD, unit_id, display_label(unit), tuple(segments))

    def new_cell(self, unit_id: str, segments: list[Segment]) -> UnitCell:
        if self.shade_agreed:
            segments = mark_agreed(
                segments, [(r.new.start, r.new.end) for r in self.c.agreed_in_new(unit_id)]
            )
        segments = cut(segments, _cuts(self.index, Side.NEW, unit_id))
        return UnitCell(Side.NEW, unit_id, display_label(self.c.new.unit(unit_id)), tuple(segments))

    def themes(self, old: tuple[str, ...], new: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Labels and ids of the themes the units of both sides speak of, in lexicon order."""
        ids = [t for u in old for t in self.c.themes_old.get(u, ())]
        ids += [t for u in new for t in self.c.themes_new.get(u, ())]
        unique = tuple(dict.fromkeys(ids))
        return tuple(self.labels.get(t, t) for t in unique), unique

    def linked(self, link: Link, diff: WordDiff) -> SynopticGroup:
        old = tuple(self.old_cell(u) for u in link.old)
        new = tuple(self.new_cell(u, redline(diff, u)) for u in link.new)
        headings = self.c.new.unit(link.new[0]).headings
        themes = self.themes(link.old, link.new)
        return SynopticGroup(link.kind.value, old, new, *themes, link.similarity, link.reason, headings)

    def added(self, unit_id: str) -> SynopticGroup:
        cell = self.new_cell(unit_id, plain(self.c.new.unit(unit_id).text, DiffOp.INSERT))
        headings = self.c.new.unit(unit_id).headings
        return SynopticGroup(ADDED, (), (cell,), *self.themes((), (unit_id,)), None, "", headings)

    def removed(self, unit_id: str) -> SynopticGroup:
        unit = self.c.old.unit(unit_id)
        gone = UnitCell(Side.NEW, "", display_label(unit), tuple(struck(unit.text)))
        old = (self.old_cell(unit_id),)
        return SynopticGroup(REMOVED, old, (gone,), *self.themes((unit_id,), ()), None, "")


def _ordered(comparison: Comparison) -> list[tuple[str, Link | str]]:
    """Links and added units in the newer text's order, each removed unit after its old predecessor."""
    items: list[tuple[int, tuple[str, Link | str]]] = []
    for link in comparison.links:
        items.append((comparison.new.position(link.new[0]), ("link", link)))
    items.extend((comparison.new.position(u), (ADDED, u)) for u in comparison.alignment.added)
    items.sort(key=lambda item: item[0])
    ordered = [entry for _, entry in items]
    for unit_id in comparison.alignment.removed:
        ordered.insert(_slot_after_predecessor(comparison, ordered, unit_id), (REMOVED, unit_id))
    return ordered


def _slot_after_predecessor(
    comparison: Comparison, ordered: list[tuple[str, Link | str]], unit_id: str
) -> int:
    old = comparison.old
    position = old.position(unit_id)
    best, slot = -1, 0
    for index, (kind, item) in enumerate(ordered):
        ids = item.old if isinstance(item, Link) else ((item,) if kind == REMOVED else ())
        places = [old.position(i) for i in ids if old.position(i) < position]
        if places and max(places) >= best:
            best, slot = max(places), index + 1
    return slot


def _keep(group: SynopticGroup, options: BriefingOptions, index: AnnotationIndex) -> bool:
    if options.scope is Scope.CHANGED and group.kind == LinkKind.IDENTICAL.value:
        return False
    if options.scope is Scope.ANNOTATED and not (
        index.has_any(Side.OLD, (c.unit_id for c in group.old))
        or index.has_any(Side.NEW, (c.unit_id for c in group.new if c.unit_id))
    ):
        return False
    wanted = {t.casefold() for t in options.themes}
    # The user may name a theme by its id ("cybercrime") or by its label ("Cybercrime").
    return not wanted or any(t.casefold() in wanted for t in (*group.themes, *group.theme_ids))


def synoptic_groups(
    comparison: Comparison, options: BriefingOptions, index: AnnotationIndex
) -> list[SynopticGroup]:
    """The groups the briefing's scope keeps, in reading order of the newer text."""
    builder = _Builder(comparison, index, options.shade_agreed)
    groups: list[SynopticGroup] = []
    diffs = {id(link): diff for link, diff in zip(comparison.links, comparison.diffs, strict=True)}
    headings: tuple[str, ...] = ()
    for kind, item in _ordered(comparison):
        if isinstance(item, Link):
            group = builder.linked(item, diffs[id(item)])
        elif kind == ADDED:
            group = builder.added(item)
        else:
            # A dropped paragraph stands under the heading of the row before it, not its old heading,
            # which the newer text may word differently.
            group = replace(builder.removed(item), headings=headings)
        headings = group.headings
        if _keep(group, options, index):
            groups.append(group)
    return groups
