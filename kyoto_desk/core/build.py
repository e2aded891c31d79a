"""Build a Document from units directly: for revisions generated from a text, and for test fixtures.

The result honours the model's invariant (`doc.text[u.start:u.end] == u.text`) by laying the units
out in a fresh normalised text, one paragraph a line, headings before the units they introduce.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from kyoto_desk.core.model import Block, BlockKind, Document, DocumentInfo, Unit, UnitKind


@dataclass(frozen=True, slots=True)
class UnitSpec:
    """What a unit needs before it has offsets."""

    id: str
    text: str
    kind: UnitKind = UnitKind.OPERATIVE
    label: str = ""
    headings: tuple[str, ...] = ()
    parent: str | None = None


def _default_label(spec: UnitSpec) -> str:
    if spec.label:
        return spec.label
    if spec.kind is UnitKind.OPERATIVE:
        return f"{spec.id}."
    if spec.kind is UnitKind.SUBPARAGRAPH:
        return spec.id[len(spec.parent or "") :] or spec.id
    return ""


def build_document(specs: Iterable[UnitSpec], info: DocumentInfo | None = None) -> Document:
    """A Document holding `specs` in order, with heading blocks wherever the heading path changes."""
    pieces: list[str] = []
    units: list[Unit] = []
    blocks: list[Block] = []
    cursor = 0
    current: tuple[str, ...] = ()

    def emit(text: str) -> tuple[int, int]:
        nonlocal cursor
        start = cursor
        pieces.append(text)
        pieces.append("\n\n")
        cursor += len(text) + 2
        return start, start + len(text)

    for spec in specs:
        if spec.headings != current:
            # Only the levels that changed get a new heading block, as in a printed text.
            shared = 0
            while shared < min(len(current), len(spec.headings)) and current[shared] == spec.headings[shared]:
                shared += 1
            for level, heading in enumerate(spec.headings[shared:], start=shared + 1):
                start, end = emit(heading)
                blocks.append(Block(BlockKind.HEADING, heading, start, end, level=level))
            current = spec.headings
        label = _default_label(spec)
        prefix = f"{label} " if label else ""
        start, end = emit(prefix + spec.text)
        units.append(
            Unit(
                id=spec.id,
                kind=spec.kind,
                text=spec.text,
                start=start + len(prefix),
                end=end,
                label=label,
                headings=spec.headings,
                parent=spec.parent,
            )
        )
    return Document(
        info=info or DocumentInfo(), text="".join(pieces), units=tuple(units), blocks=tuple(blocks)
    )


def specs_of(document: Document) -> list[UnitSpec]:
    """The specs that rebuild `document`'s units (footnotes and emphasis are not carried)."""
    return [UnitSpec(u.id, u.text, u.kind, u.label, u.headings, u.parent) for u in document.units]


def with_info(document: Document, info: DocumentInfo) -> Document:
    """The same document under other metadata."""
    return replace(document, info=info, _index={})
