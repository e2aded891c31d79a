"""Annotations and unit relations as frozen values, with the selectors that anchor them in a unit's text.

Offsets are code points within `Unit.text` (not the whole document), so an annotation survives
anything that happens outside its paragraph. Timestamps are timezone-aware UTC.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from kyoto_desk.core.model import Document

CONTEXT_CHARS = 32  # characters of prefix and suffix kept with every quote, as the W3C model suggests

DEFAULT_STANCES: tuple[str, ...] = ("support", "oppose", "amend", "question", "note")
DEFAULT_RELATIONS: tuple[str, ...] = ("carries over", "weakens", "strengthens", "replaces")
DEFAULT_COLOUR = "#fff176"

# Exchange vocabulary, shared by the writers (export/) and the readers (store/) of annotation files.
DOCUMENT_URN_PREFIX = "urn:kyoto-desk:document:"  # + document key: the target source in Web Annotation JSON
CSV_REQUIRED_COLUMNS = ("document", "unit", "quote", "note", "stance", "themes", "author")
CSV_EXTRA_COLUMNS = ("amendment", "colour", "start", "end", "orphaned", "id", "created", "modified")
CSV_THEME_SEPARATOR = ";"
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet would run as a formula


def defuse_cell(cell: str) -> str:
    """A CSV cell a spreadsheet will show, never run: an apostrophe goes before a formula-like start.

    Apostrophes already in front are counted in, so `restore_cell` gives back exactly what was written.
    """
    return "'" + cell if cell.lstrip("'").startswith(CSV_FORMULA_STARTS) else cell


def restore_cell(cell: str) -> str:
    """Undo `defuse_cell`."""
    return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(CSV_FORMULA_STARTS) else cell


def utc_now() -> datetime:
    """Now, timezone-aware in UTC (the only clock annotations use)."""
    return datetime.now(UTC)


def new_id() -> str:
    """A fresh annotation or relation id: a uuid4 in hex."""
    return uuid.uuid4().hex


def document_key(text: str, symbol: str) -> str:
    """How annotations name a document: sha256 of its normalised text, a colon, its symbol.

    The key follows the text, not a file path: the same text re-imported from another file keeps
    its annotations, and a revised draft under the same symbol gets a key of its own.
    """
    return f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}:{symbol}"


def key_of(document: Document) -> str:
    """The key new annotations and pins of `document` get: its normalised text and first symbol.

    The library records documents under the key of the text the parser *took*; annotations use
    the parsed `Document.text`, which every view has at hand. `keys_of` lists every key that may
    name the same document.
    """
    return document_key(document.text, document.symbols[0] if document.symbols else "")


def keys_of(document: Document) -> set[str]:
    """Every key annotations may name `document` by: its text with each of its symbols, or with none."""
    return {document_key(document.text, symbol) for symbol in (*document.symbols, "")}


def normalise_label(value: str) -> str:
    """Stances, themes and relations compare case- and space-insensitively: one spelling is kept."""
    return " ".join(value.split()).lower()


@dataclass(frozen=True, slots=True)
class TextQuote:
    """The exact words annotated, with up to CONTEXT_CHARS of text before and after them."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class TextPosition:
    """Start and end offsets (code points) of the span within its unit's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid text position {self.start}..{self.end}")


def quote_at(text: str, position: TextPosition, context: int = CONTEXT_CHARS) -> TextQuote:
    """The quote selector for `position` in `text`, with its context."""
    start, end = position.start, position.end
    return TextQuote(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


@dataclass(frozen=True, slots=True)
class Annotation:
    """A user's note on a span of one unit: highlight, note, stance, themes and proposed amendment.

    `orphaned` is set when re-anchoring could not place the quote in the unit's current text; the
    annotation is kept and shown with its quote, never dropped.
    """

    id: str
    document_key: str
    unit_id: str
    position: TextPosition
    quote: TextQuote
    colour: str = DEFAULT_COLOUR
    note: str = ""
    stance: str = "note"
    themes: tuple[str, ...] = ()
    amendment: str = ""
    author: str = ""
    created: datetime = field(default_factory=utc_now)
    modified: datetime = field(default_factory=utc_now)
    orphaned: bool = False

    def edited(self, **changes: object) -> Annotation:
        """A copy with `changes` applied and `modified` set to now (unless `changes` sets it)."""
        changes.setdefault("modified", utc_now())
        return replace(self, **changes)  # type: ignore[arg-type]

    def same_content(self, other: Annotation) -> bool:
        """True when both say the same thing (timestamps aside): used to tell a real conflict."""
        return replace(self, created=other.created, modified=other.modified) == other


def new_annotation(
    document_key_: str,
    unit_id: str,
    unit_text: str,
    position: TextPosition | None = None,
    **fields: object,
) -> Annotation:
    """An annotation on `position` of a unit (the whole unit when None), with a fresh id and quote."""
    span = position if position is not None else TextPosition(0, len(unit_text))
    if span.end > len(unit_text):
        raise ValueError(
            f"position {span.start}..{span.end} is beyond the unit's {len(unit_text)} characters"
        )
    now = utc_now()
    return Annotation(
        id=new_id(),
        document_key=document_key_,
        unit_id=unit_id,
        position=span,
        quote=quote_at(unit_text, span),
        created=now,
        modified=now,
        **fields,  # type: ignore[arg-type]
    )


@dataclass(frozen=True, slots=True)
class UnitRelation:
    """A typed link a user draws between a unit of one document and a unit of another."""

    id: str
    old_document_key: str
    old_unit: str
    new_document_key: str
    new_unit: str
    relation: str = "carries over"
    note: str = ""
    author: str = ""
    created: datetime = field(default_factory=utc_now)
    modified: datetime = field(default_factory=utc_now)
