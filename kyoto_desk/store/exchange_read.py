"""Read annotation files (W3C Web Annotation JSON or CSV) into checked, placed `Annotation`s.

Nothing is trusted: sizes, types and lengths are checked, every document must be known here and
every quote must stand in its unit (orphaned annotations excepted). The first problem stops the
read with an InputError naming the item or row, before anything is written.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from kyoto_desk.core.anchor import locate
from kyoto_desk.core.annotation import (
    CSV_REQUIRED_COLUMNS,
    CSV_THEME_SEPARATOR,
    DEFAULT_COLOUR,
    DOCUMENT_URN_PREFIX,
    Annotation,
    TextPosition,
    TextQuote,
    quote_at,
    restore_cell,
    utc_now,
)
from kyoto_desk.errors import InputError, KyotoDeskError
from kyoto_desk.store.resolver import DocumentResolver, ResolvedDocument

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ITEMS = 100_000
MAX_TEXT = 100_000  # characters in a note, quote or amendment
MAX_LABEL = 200  # characters in a stance, theme, author, unit id
MAX_THEMES = 50
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_CSV_ID_NAMESPACE = uuid.UUID("6f1c8c43-4d0f-4c1e-9a55-2d3b8e0c9a11")
_HINT = "Fix that entry (or remove it) and import again; nothing was imported."


class EntryError(Exception):
    """A problem in one entry; turned into an InputError naming the entry."""


def check_size(size: int) -> None:
    """Refuse files over MAX_FILE_BYTES."""
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"The file is {size // 1_000_000} MB; annotation files are limited to "
            f"{MAX_FILE_BYTES // 1_000_000} MB.",
            "Split it into smaller files.",
        )


def _text(value: object, what: str, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise EntryError(f"{what} must be text, not {type(value).__name__}")
    if len(value) > limit:
        raise EntryError(f"{what} is longer than {limit} characters")
    return value


def _int(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise EntryError(f"{what} must be a whole number ≥ 0")
    return value


def _id(value: object) -> str:
    raw = _text(value, "the id", 100)
    try:
        return uuid.UUID(raw.removeprefix("urn:uuid:")).hex
    except ValueError:
        raise EntryError(f"the id {raw!r} is not a UUID") from None


def _moment(value: object, what: str) -> datetime:
    raw = _text(value, what, 64)
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise EntryError(f"{what} {raw!r} is not an ISO 8601 date-time") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _colour(value: object) -> str:
    colour = _text(value, "the colour", 16)
    if not _COLOUR.fullmatch(colour):
        raise EntryError(f"the colour {colour!r} is not of the form #rrggbb")
    return colour


def place(annotation: Annotation, target: ResolvedDocument) -> Annotation:
    """The annotation with its quote found in its unit, or EntryError if it is not there."""
    if annotation.orphaned:
        return annotation
    if annotation.unit_id not in target.document:
        raise EntryError(f"{target.name} has no paragraph {annotation.unit_id!r}")
    text = target.document.unit(annotation.unit_id).text
    if annotation.position.end > len(text) or not annotation.quote.exact:
        annotation = replace(annotation, position=TextPosition(0, 0))
    anchor = locate(annotation.quote, annotation.position, text)
    if not anchor.exact or anchor.position is None:
        raise EntryError(
            f"the quote {annotation.quote.exact[:60]!r} is not in paragraph {annotation.unit_id}"
        )
    return replace(annotation, position=anchor.position, quote=quote_at(text, anchor.position))


def _entries(
    items: list[Any], label: str, read: Callable[[Any], Annotation], first: int = 1
) -> list[Annotation]:
    if len(items) > MAX_ITEMS:
        raise InputError(f"The file holds {len(items)} annotations; at most {MAX_ITEMS} are read at once.")
    read_so_far: dict[str, int] = {}
    annotations: list[Annotation] = []
    for number, item in enumerate(items, start=first):
        try:
            annotation = read(item)
        except (EntryError, KyotoDeskError, ValueError) as exc:
            raise InputError(f"{label} {number}: {exc}.", _HINT) from exc
        if annotation.id in read_so_far:
            raise InputError(
                f"{label} {number} repeats the id of {label} {read_so_far[annotation.id]}.", _HINT
            )
        read_so_far[annotation.id] = number
        annotations.append(annotation)
    return annotations


# --- W3C Web Annotation JSON ---------------------------------------------------------------------


def _bodies(item: dict[str, Any]) -> Iterator[tuple[str, str]]:
    bodies = item.get("body", [])
    for body in bodies if isinstance(bodies, list) else [bodies]:
        if not isinstance(body, dict):
            raise EntryError("a body must be an object")
        yield (
            _text(body.get("purpose", ""), "a body's purpose", MAX_LABEL),
            _text(body.get("value", ""), "a body"),
        )


def _selectors(target: dict[str, Any]) -> tuple[str, TextQuote, TextPosition]:
    fragment = target.get("selector")
    if not isinstance(fragment, dict) or fragment.get("type") != "FragmentSelector":
        raise EntryError("the target has no FragmentSelector naming its paragraph")
    unit = _text(fragment.get("value"), "the paragraph id", MAX_LABEL)
    refined = fragment.get("refinedBy", [])
    quote, position = None, None
    for selector in refined if isinstance(refined, list) else [refined]:
        kind = selector.get("type") if isinstance(selector, dict) else None
        if kind == "TextQuoteSelector":
            quote = TextQuote(
                _text(selector.get("exact"), "the quote"),
                _text(selector.get("prefix", ""), "the prefix", MAX_LABEL),
                _text(selector.get("suffix", ""), "the suffix", MAX_LABEL),
            )
        elif kind == "TextPositionSelector":
            start, end = _int(selector.get("start"), "start"), _int(selector.get("end"), "end")
            if end < start:
                raise EntryError("end comes before start")
            position = TextPosition(start, end)
    if quote is None:
        raise EntryError("the target has no TextQuoteSelector")
    return unit, quote, position or TextPosition(0, len(quote.exact))


def _json_annotation(item: Any, resolver: DocumentResolver) -> Annotation:
    if not isinstance(item, dict) or item.get("type") != "Annotation":
        raise EntryError("it is not an object of type Annotation")
    target = item.get("target")
    if not isinstance(target, dict):
        raise EntryError("it has no target object")
    source = _text(target.get("source"), "the target source", 300)
    if not source.startswith(DOCUMENT_URN_PREFIX):
        raise EntryError(f"the target {source!r} is not a Kyoto Desk document")
    resolved = resolver.by_key(source.removeprefix(DOCUMENT_URN_PREFIX))
    if resolved is None:
        raise EntryError(f"the document {item.get('kd:document') or source!r} is not in your library")
    unit, quote, position = _selectors(target)
    bodies = list(_bodies(item))
    creator = item.get("creator", {})
    now = utc_now()
    annotation = Annotation(
        id=_id(item.get("id")),
        document_key=resolved.key,
        unit_id=unit,
        position=position,
        quote=quote,
        colour=_colour(item.get("kd:colour", DEFAULT_COLOUR)),
        note="\n\n".join(value for purpose, value in bodies if purpose == "commenting"),
        stance=next((value for purpose, value in bodies if purpose == "classifying"), "note")[:MAX_LABEL],
        themes=tuple(value[:MAX_LABEL] for purpose, value in bodies if purpose == "tagging")[:MAX_THEMES],
        amendment="\n\n".join(value for purpose, value in bodies if purpose == "editing"),
        author=_text(creator.get("name", "") if isinstance(creator, dict) else "", "the author", MAX_LABEL),
        created=_moment(item["created"], "created") if "created" in item else now,
        modified=_moment(item["modified"], "modified") if "modified" in item else now,
        orphaned=item.get("kd:orphaned") is True,
    )
    return place(annotation, resolved)


def read_json(data: bytes, resolver: DocumentResolver) -> list[Annotation]:
    """Annotations of a Web Annotation collection, page, list or single annotation."""
    check_size(len(data))
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(f"The file is not valid JSON: {exc}.", "Export it again from Kyoto Desk.") from None
    items: Any = document
    if isinstance(document, dict):
        page = document.get("first", document)
        items = page.get("items", [document]) if isinstance(page, dict) else None
    if not isinstance(items, list):
        raise InputError("The JSON holds no list of annotations.", "Export it again from Kyoto Desk.")
    return _entries(items, "Annotation", lambda item: _json_annotation(item, resolver))


# --- CSV -------------------------------------------------------------------------------------------


def _csv_position(quote: str, text: str, row: dict[str, str]) -> TextPosition:
    if row.get("start", "").isdigit() and row.get("end", "").isdigit():
        start, end = int(row["start"]), int(row["end"])
        if start <= end and text[start:end] == quote:
            return TextPosition(start, end)
    if not quote:
        return TextPosition(0, len(text))  # no quote: the whole paragraph
    found = text.find(quote)
    if found == -1:
        raise EntryError(f"the quote {quote[:60]!r} is not in that paragraph")
    return TextPosition(found, found + len(quote))


def _csv_annotation(row: dict[str, str], resolver: DocumentResolver) -> Annotation:
    cells = {key: restore_cell(_text(value or "", f"column {key}")) for key, value in row.items() if key}
    resolved = resolver.by_name(cells["document"])
    unit, quote, orphaned = cells["unit"].strip(), cells["quote"], cells.get("orphaned", "") == "true"
    if not orphaned and unit not in resolved.document:
        raise EntryError(f"{resolved.name} has no paragraph {unit!r}")
    if orphaned:
        position = TextPosition(
            _int(int(cells.get("start") or 0), "start"), _int(int(cells.get("end") or 0), "end")
        )
        quote_selector = TextQuote(quote)
    else:
        text = resolved.document.unit(unit).text
        position = _csv_position(quote, text, cells)
        quote_selector = quote_at(text, position)
    themes = tuple(t.strip() for t in cells["themes"].split(CSV_THEME_SEPARATOR) if t.strip())
    fields = (
        resolved.key,
        unit,
        position.start,
        position.end,
        cells["note"],
        cells["stance"],
        themes,
        cells["author"],
    )
    now = utc_now()
    return Annotation(
        id=_id(cells["id"]) if cells.get("id") else uuid.uuid5(_CSV_ID_NAMESPACE, json.dumps(fields)).hex,
        document_key=resolved.key,
        unit_id=unit,
        position=position,
        quote=quote_selector,
        colour=_colour(cells["colour"]) if cells.get("colour") else DEFAULT_COLOUR,
        note=cells["note"],
        stance=_text(cells["stance"].strip() or "note", "the stance", MAX_LABEL),
        themes=tuple(_text(t, "a theme", MAX_LABEL) for t in themes)[:MAX_THEMES],
        amendment=cells.get("amendment", ""),
        author=_text(cells["author"].strip(), "the author", MAX_LABEL),
        created=_moment(cells["created"], "created") if cells.get("created") else now,
        modified=_moment(cells["modified"], "modified") if cells.get("modified") else now,
        orphaned=orphaned,
    )


def read_csv(data: bytes, resolver: DocumentResolver) -> list[Annotation]:
    """Annotations of a CSV file with at least the columns document,unit,quote,note,stance,themes,author."""
    check_size(len(data))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            "The CSV file is not UTF-8 text.", "Save it from the spreadsheet as 'CSV UTF-8'."
        ) from None
    csv.field_size_limit(MAX_TEXT + 1)
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    missing = [c for c in CSV_REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(
            f"The CSV file lacks the column(s) {', '.join(missing)}.",
            f"Its first row must name the columns {','.join(CSV_REQUIRED_COLUMNS)}.",
        )
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise InputError(f"The CSV file is malformed after line {reader.line_num}: {exc}.", _HINT) from None
    # Row numbers as a spreadsheet shows them: the header is row 1.
    return _entries(rows, "Row", lambda row: _csv_annotation(row, resolver), first=2)
