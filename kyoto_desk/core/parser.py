"""Parse the plain text of a UN resolution or declaration into a Document.

Three steps: `segment` cuts the text into raw blocks; `_Reader` walks them with the printed
structure in mind (header → opening → preamble → operative, frame resolution → annexed
declaration), joining paragraphs broken by a page break and setting footnotes aside; `_assemble`
lays the result out as the normalised text with every unit's offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kyoto_desk.core import classify as cls
from kyoto_desk.core.markup import CleanText, clean_inline, normalise_source
from kyoto_desk.core.model import Block, BlockKind, Document, DocumentInfo, Footnote, Part, Unit, UnitKind
from kyoto_desk.core.segment import FOOTNOTE_LINE, RawBlock, segment
from kyoto_desk.core.symbols import derive_symbols
from kyoto_desk.errors import InputError, ParseError

_HEADER, _PREAMBLE, _OPERATIVE = "header", "preamble", "operative"


@dataclass
class _UnitDraft:
    id: str
    kind: UnitKind
    label: str
    part: Part
    parent: str | None
    body: CleanText
    headings: tuple[str, ...] = ()


@dataclass
class _BlockDraft:
    kind: BlockKind
    text: str
    part: Part
    level: int = 0
    italic: bool = False


@dataclass
class _FootnoteDraft:
    number: int
    text: str
    after: int  # index of the entry it followed, for attaching footnotes whose marker was lost


_Entry = _UnitDraft | _BlockDraft | _FootnoteDraft


@dataclass
class _Reader:
    has_annex: bool
    entries: list[_Entry] = field(default_factory=list)
    part: Part = Part.DECLARATION
    zone: str = _HEADER
    pp_count: int = 0
    unnumbered: int = 0
    last_unit: _UnitDraft | None = None
    last_top: _UnitDraft | None = None  # last preambular or operative paragraph
    last_letter: _UnitDraft | None = None
    last_roman: _UnitDraft | None = None
    expect_title: bool = False
    ids: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.part = Part.RESOLUTION if self.has_annex else Part.DECLARATION

    # -- ids ---------------------------------------------------------------------------------
    def _prefix(self) -> str:
        return "R" if self.part is Part.RESOLUTION else ""

    def _unique(self, unit_id: str) -> str:
        candidate, n = unit_id, 2
        while candidate in self.ids:
            candidate, n = f"{unit_id}~{n}", n + 1
        self.ids.add(candidate)
        return candidate

    # -- entries -----------------------------------------------------------------------------
    def _add_unit(self, draft: _UnitDraft) -> None:
        self.entries.append(draft)
        self.last_unit = draft

    def _add_block(self, kind: BlockKind, text: str, *, italic: bool = False) -> None:
        clean = clean_inline(text).text
        if clean:
            self.entries.append(_BlockDraft(kind, clean, self.part, italic=italic))

    def read(self, raw: RawBlock) -> None:
        text = raw.text
        if cls.is_footnote(text):
            self._footnote(text)
        elif label := cls.operative_label(text):
            self._operative(text, label)
        elif sub := cls.sub_label(text):
            self._subparagraph(text, sub)
        elif self._continues(text):
            self._continue(text)
        else:
            self._unlabelled(text)

    def _footnote(self, text: str) -> None:
        match = FOOTNOTE_LINE.match(text)
        assert match is not None
        number = clean_inline(match.group(1)).markers[0][0]
        body = clean_inline(text[match.end() :]).text
        self.entries.append(_FootnoteDraft(number, body, len(self.entries) - 1))

    def _operative(self, text: str, label: tuple[str, str, str]) -> None:
        number, suffix, printed = label
        body = clean_inline(text.strip().lstrip("*")[len(printed) :].lstrip("*"))
        unit_id = self._unique(f"{self._prefix()}{number}{suffix}")
        draft = _UnitDraft(unit_id, UnitKind.OPERATIVE, printed, self.part, None, body)
        self.zone = _OPERATIVE
        self.last_top, self.last_letter, self.last_roman = draft, None, None
        self._add_unit(draft)

    def _subparagraph(self, text: str, sub: tuple[str, str]) -> None:
        label, printed = sub
        body = clean_inline(text.strip().lstrip("*")[len(printed) :].lstrip("*"))
        letter_label = self.last_letter.label.strip("()") if self.last_letter else None
        roman_label = self.last_roman.label.strip("()") if self.last_roman else None
        roman = self.last_letter is not None and cls.is_roman_item(label, letter_label, roman_label)
        parent = self.last_letter if roman else self.last_top
        if parent is None:  # a list before any paragraph: treat it as a paragraph of its own
            self._unlabelled(text)
            return
        unit_id = self._unique(f"{parent.id}({label})")
        draft = _UnitDraft(unit_id, UnitKind.SUBPARAGRAPH, printed, self.part, parent.id, body)
        if roman:
            self.last_roman = draft
        else:
            self.last_letter, self.last_roman = draft, None
        self._add_unit(draft)

    def _continues(self, text: str) -> bool:
        """A paragraph cut by a page break resumes after the page's footnotes, if any."""
        unit = self.last_unit
        previous = next((e for e in reversed(self.entries) if not isinstance(e, _FootnoteDraft)), None)
        if unit is None or previous is not unit or cls.CLOSING.match(text.strip()):
            return False
        return not cls.is_terminated(unit.body.text, preamble=unit.kind is UnitKind.PREAMBLE)

    def _continue(self, text: str) -> None:
        unit = self.last_unit
        assert unit is not None
        addition = clean_inline(text)
        joiner = "" if unit.body.text.endswith("-") and addition.text[:1].islower() else " "
        shift = len(unit.body.text) + len(joiner)
        unit.body = CleanText(
            unit.body.text + joiner + addition.text,
            unit.body.emphasis + tuple((s + shift, e + shift) for s, e in addition.emphasis),
            unit.body.markers + tuple((n, o + shift) for n, o in addition.markers),
        )

    def _unlabelled(self, text: str) -> None:
        plain = clean_inline(text).text
        if cls.ANNEX.match(text.strip()) and self.has_annex:
            self.part, self.zone, self.expect_title = Part.DECLARATION, _HEADER, True
            self.pp_count = self.unnumbered = 0
            self.last_unit = self.last_top = self.last_letter = self.last_roman = None
            self._add_block(BlockKind.METADATA, text)
        elif cls.CLOSING.match(text.strip()):
            # The meeting line closes the adopting resolution, whatever it annexes.
            self.part = Part.RESOLUTION if self.has_annex else self.part
            self._add_block(BlockKind.CLOSING, text)
        elif self.expect_title:
            self.expect_title = False
            self._add_block(BlockKind.TITLE, text)
        elif cls.OPENING.match(plain):
            self.zone = _PREAMBLE
            self._add_block(BlockKind.LEAD_IN, text)
        elif self.zone == _HEADER:
            self._header(text, plain)
        elif self.zone == _PREAMBLE:
            self._preamble(text, plain)
        else:
            self._operative_zone(text, plain)

    def _header(self, text: str, plain: str) -> None:
        if cls.RESOLUTION_TITLE.match(plain):
            self._add_block(BlockKind.TITLE, text)
        elif plain.endswith(",") and not cls.is_heading_like(plain) and len(plain) > 60:
            self.zone = _PREAMBLE
            self._preamble(text, plain)
        elif cls.is_italic_whole(text) or text.strip().startswith("**"):
            self._add_block(BlockKind.METADATA, text)  # one wrapped field, e.g. the agenda title
        else:
            for line in text.split("\n"):  # "Distr.: General" and the date are separate fields
                self._add_block(BlockKind.METADATA, line)

    def _preamble(self, text: str, plain: str) -> None:
        if plain.endswith(":") and len(plain) < 200:
            # "Declare the following:" ends the preamble; a following "The General Assembly," (after
            # "Recommends … the following draft resolution:") opens a new one.
            self.zone = _OPERATIVE
            self._add_block(BlockKind.LEAD_IN, text)
            return
        self.pp_count += 1
        unit_id = self._unique(f"{self._prefix()}pp{self.pp_count}")
        draft = _UnitDraft(unit_id, UnitKind.PREAMBLE, "", self.part, None, clean_inline(text))
        self.last_top, self.last_letter, self.last_roman = draft, None, None
        self._add_unit(draft)

    def _operative_zone(self, text: str, plain: str) -> None:
        if plain.endswith(":") and len(plain) < 300:
            self._add_block(BlockKind.LEAD_IN, text)
        elif parts := cls.split_run_together_headings(text):
            for index, heading in enumerate(parts):
                self._add_block(BlockKind.HEADING, heading, italic=index > 0)
        elif cls.is_heading_like(plain):
            self._add_block(BlockKind.HEADING, text, italic=cls.is_italic_whole(text))
        else:
            self.unnumbered += 1
            unit_id = self._unique(f"{self._prefix()}u{self.unnumbered}")
            draft = _UnitDraft(unit_id, UnitKind.OPERATIVE, "", self.part, None, clean_inline(text))
            self.last_top, self.last_letter, self.last_roman = draft, None, None
            self._add_unit(draft)


def _read_blocks(blocks: list[RawBlock]) -> list[_Entry]:
    reader = _Reader(has_annex=any(cls.ANNEX.match(b.text.strip()) for b in blocks))
    for raw in blocks:
        reader.read(raw)
    return reader.entries


def _heading_levels(entries: list[_Entry]) -> None:
    """Two heading levels when headings come in runs (pillar, then sub-heading); one level otherwise.

    In print, a pillar heading is directly followed by its first sub-heading; a later sub-heading
    stands alone between paragraphs, and italics (markdown `*…*`) mark a sub-heading too.
    """
    runs: list[list[_BlockDraft]] = []
    current: list[_BlockDraft] = []
    for entry in entries:
        if isinstance(entry, _BlockDraft) and entry.kind is BlockKind.HEADING:
            current.append(entry)
        elif not isinstance(entry, _FootnoteDraft) and current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    two_levels = any(len(run) > 1 for run in runs)
    seen_top: dict[Part, bool] = {}
    for run in runs:
        for index, heading in enumerate(run):
            if not two_levels:
                heading.level = 1
            elif len(run) > 1:
                heading.level = 1 if index == 0 else 2
            else:
                heading.level = 2 if seen_top.get(heading.part) or heading.italic else 1
            seen_top[heading.part] = seen_top.get(heading.part, False) or heading.level == 1


def _heading_paths(entries: list[_Entry]) -> None:
    path: list[str] = []
    part: Part | None = None
    for entry in entries:
        if isinstance(entry, _FootnoteDraft):
            continue
        if entry.part is not part:
            path, part = [], entry.part
        if isinstance(entry, _BlockDraft):
            if entry.kind is BlockKind.HEADING:
                path = [*path[: entry.level - 1], entry.text]
            elif entry.kind in (BlockKind.LEAD_IN, BlockKind.TITLE):
                path = []  # "In order to ensure follow-up…:" closes the last section
        else:
            entry.headings = tuple(path)


def _attach_footnotes(entries: list[_Entry]) -> dict[int, tuple[str, int | None]]:
    """Footnote entry index → (unit id, marker offset): by marker, else the paragraph it followed."""
    placed: dict[int, tuple[str, int | None]] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, _FootnoteDraft):
            continue
        units = [e for e in reversed(entries[:index]) if isinstance(e, _UnitDraft)]
        later = [e for e in entries[index + 1 :] if isinstance(e, _UnitDraft)]
        for unit in [*units, *later]:
            offsets = [offset for number, offset in unit.body.markers if number == entry.number]
            if offsets:
                placed[index] = (unit.id, offsets[0])
                break
        else:
            if units:
                placed[index] = (units[0].id, None)
    return placed


class _TextBuilder:
    """Lays entries out as the normalised text, one entry a paragraph, and records offsets."""

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self.cursor = 0

    def add(self, text: str) -> tuple[int, int]:
        if self._pieces:
            self._pieces.append("\n\n")
            self.cursor += 2
        start = self.cursor
        self._pieces.append(text)
        self.cursor += len(text)
        return start, self.cursor

    def text(self) -> str:
        return "".join(self._pieces) + "\n"


def _superscript(number: int) -> str:
    return "".join("⁰¹²³⁴⁵⁶⁷⁸⁹"[int(d)] for d in str(number))


def _assemble(entries: list[_Entry], info: DocumentInfo) -> Document:
    placed = _attach_footnotes(entries)
    notes_by_unit: dict[str, list[Footnote]] = {}
    footnotes: list[Footnote] = []
    for index, entry in enumerate(entries):
        if isinstance(entry, _FootnoteDraft):
            unit_id, offset = placed.get(index, (None, None))
            note = Footnote(entry.number, entry.text, unit_id, offset)
            footnotes.append(note)
            if unit_id is not None:
                notes_by_unit.setdefault(unit_id, []).append(note)
    builder = _TextBuilder()
    units: list[Unit] = []
    blocks: list[Block] = []
    for entry in entries:
        if isinstance(entry, _FootnoteDraft):
            builder.add(f"{_superscript(entry.number)} {entry.text}")
        elif isinstance(entry, _BlockDraft):
            start, end = builder.add(entry.text)
            blocks.append(Block(entry.kind, entry.text, start, end, entry.level, entry.part))
        else:
            prefix = f"{entry.label} " if entry.label else ""
            start, end = builder.add(prefix + entry.body.text)
            notes = sorted(notes_by_unit.get(entry.id, []), key=lambda n: n.number)
            units.append(
                Unit(
                    id=entry.id,
                    kind=entry.kind,
                    text=entry.body.text,
                    start=start + len(prefix),
                    end=end,
                    label=entry.label,
                    headings=entry.headings,
                    footnotes=tuple(notes),
                    parent=entry.parent,
                    part=entry.part,
                    emphasis=entry.body.emphasis,
                )
            )
    info = _complete_info(info, blocks)
    return Document(info, builder.text(), tuple(units), tuple(blocks), tuple(footnotes))


def _complete_info(info: DocumentInfo, blocks: list[Block]) -> DocumentInfo:
    """Fill title and symbols from the text where the caller did not know them."""
    titles = [b for b in blocks if b.kind is BlockKind.TITLE]
    # The annexed declaration's title names the document better than the adopting resolution's.
    titles.sort(key=lambda b: b.part is not Part.DECLARATION)
    title_text = info.title or (titles[0].text if titles else "")
    symbols = info.symbols or derive_symbols(blocks)
    return replace(info, title=title_text, symbols=symbols)


def _check_input(text: str) -> None:
    if not text.strip():
        raise InputError("The text is empty.", "Choose a file that holds the text of a UN document.")
    suspicious = sum(1 for c in text[:20000] if c in "\ufffd\x00")
    if suspicious > max(3, len(text[:20000]) // 200):
        raise InputError(
            "The text is not readable: it looks like binary data or the wrong character encoding.",
            "Save the document as UTF-8 text, or import the original PDF or Word file.",
        )


def parse_text(text: str, info: DocumentInfo | None = None) -> Document:
    """The Document a UN text holds; InputError for unreadable text, ParseError if it has no paragraphs."""
    _check_input(text)
    entries = _read_blocks(segment(normalise_source(text)))
    if not any(isinstance(e, _UnitDraft) for e in entries):
        raise ParseError(
            "No preambular or numbered paragraphs were found: this does not look like a UN declaration "
            "or resolution.",
            "Check that the file holds the document's text, not only its cover page.",
        )
    _heading_levels(entries)
    _heading_paths(entries)
    return _assemble(entries, info or DocumentInfo())
