"""The document model: a UN text as ordered units, headings, footnotes and other blocks.

Everything here is frozen. Offsets are in code points into `Document.text`, the normalised text the
parser assembles; for every unit `document.text[unit.start:unit.end] == unit.text`, which is what
anchoring and export rely on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum


class UnitKind(StrEnum):
    """What kind of numbered or unnumbered paragraph a unit is."""

    PREAMBLE = "preamble"
    OPERATIVE = "operative"
    SUBPARAGRAPH = "subparagraph"


class Part(StrEnum):
    """Which part of a source a unit belongs to.

    A GA or ECOSOC resolution often annexes the declaration it adopts; the declaration is what
    comparisons use by default, the frame resolution is kept so that nothing of the source is lost.
    """

    RESOLUTION = "resolution"
    DECLARATION = "declaration"


class BlockKind(StrEnum):
    """Text of a source that is not a unit or footnote."""

    METADATA = "metadata"  # organ, distribution, date, agenda item, session, symbol lines
    TITLE = "title"  # document or declaration title
    HEADING = "heading"  # section heading (level 1 pillar, level 2 sub-heading)
    LEAD_IN = "lead-in"  # "Declare the following:", "We therefore endeavour to take the following actions:"
    CLOSING = "closing"  # "13th plenary meeting", date lines at the end


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote; `offset` is where its marker stood in the text of `unit_id` (None if unplaced)."""

    number: int
    text: str
    unit_id: str | None = None
    offset: int | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A non-unit piece of text: heading, title, lead-in, metadata line or closing."""

    kind: BlockKind
    text: str
    start: int
    end: int
    level: int = 0  # headings: 1 for a pillar, 2 for a sub-heading
    part: Part = Part.DECLARATION


@dataclass(frozen=True, slots=True)
class Unit:
    """One paragraph or subparagraph with a stable id.

    Ids: preambular `pp1`…, operative by printed number `1`…`97`, `12bis`, subparagraphs `5(a)`,
    `5(a)(i)`; units of a frame resolution are prefixed `R` (`R1`, `Rpp1`). `label` is the number as
    printed ("1.", "(a)", "a)"); `text` excludes the label and footnote markers.
    """

    id: str
    kind: UnitKind
    text: str
    start: int
    end: int
    label: str = ""
    headings: tuple[str, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    parent: str | None = None  # the chapeau of a subparagraph
    part: Part = Part.DECLARATION
    emphasis: tuple[tuple[int, int], ...] = ()  # italic spans (start, end) within `text`

    @property
    def number(self) -> str:
        """The id without the frame prefix, as a reader would cite it ("para. 5(a)")."""
        return self.id[1:] if self.part is Part.RESOLUTION and self.id.startswith("R") else self.id


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What is known about a document besides its text."""

    title: str = ""
    symbols: tuple[str, ...] = ()
    year: int | None = None
    language: str = "en"
    congress: str = ""
    source: str = ""
    alias: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed UN text: ordered units plus everything else the source held."""

    info: DocumentInfo
    text: str
    units: tuple[Unit, ...]
    blocks: tuple[Block, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    _index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # A frozen dataclass cannot assign; the index is a private cache filled once.
        self._index.update({unit.id: i for i, unit in enumerate(self.units)})

    @property
    def title(self) -> str:
        return self.info.title

    @property
    def symbols(self) -> tuple[str, ...]:
        return self.info.symbols

    def __iter__(self) -> Iterator[Unit]:
        return iter(self.units)

    def __len__(self) -> int:
        return len(self.units)

    def __contains__(self, unit_id: object) -> bool:
        return unit_id in self._index

    def unit(self, unit_id: str) -> Unit:
        """The unit with this id; KeyError if there is none."""
        return self.units[self._index[unit_id]]

    def position(self, unit_id: str) -> int:
        """The unit's index in reading order."""
        return self._index[unit_id]

    def headings(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind is BlockKind.HEADING)

    def has_part(self, part: Part) -> bool:
        return any(u.part is part for u in self.units)

    def part(self, part: Part) -> Document:
        """The units, blocks and footnotes of one part, with the same text and offsets."""
        units = tuple(u for u in self.units if u.part is part)
        ids = {u.id for u in units}
        return replace(
            self,
            units=units,
            blocks=tuple(b for b in self.blocks if b.part is part),
            footnotes=tuple(f for f in self.footnotes if f.unit_id is None or f.unit_id in ids),
            _index={},
        )

    def declaration(self) -> Document:
        """The declaration this source adopts, or the whole document when it annexes none."""
        if self.has_part(Part.DECLARATION):
            return self.part(Part.DECLARATION)
        return self
