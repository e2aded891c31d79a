"""Annotations as CSV for people who code in spreadsheets.

Columns: `document,unit,quote,note,stance,themes,author` (what an import needs), then the amendment,
colour, offsets, orphaned flag, id and timestamps. Themes are joined with `;`. A cell that a
spreadsheet would run as a formula (starting with = + - @) is written with a leading apostrophe,
which the import strips again. UTF-8 with a byte-order mark, so Excel reads accents right.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from kyoto_desk.core.annotation import (
    CSV_EXTRA_COLUMNS,
    CSV_REQUIRED_COLUMNS,
    CSV_THEME_SEPARATOR,
    Annotation,
    defuse_cell,
)
from kyoto_desk.export.atomic import write_atomically
from kyoto_desk.export.webannotation import timestamp

REQUIRED_COLUMNS = CSV_REQUIRED_COLUMNS
COLUMNS = CSV_REQUIRED_COLUMNS + CSV_EXTRA_COLUMNS
THEME_SEPARATOR = CSV_THEME_SEPARATOR


def annotation_row(annotation: Annotation, document_name: str) -> list[str]:
    values = [
        document_name,
        annotation.unit_id,
        annotation.quote.exact,
        annotation.note,
        annotation.stance,
        THEME_SEPARATOR.join(annotation.themes),
        annotation.author,
        annotation.amendment,
        annotation.colour,
        str(annotation.position.start),
        str(annotation.position.end),
        "true" if annotation.orphaned else "false",
        annotation.id,
        timestamp(annotation.created),
        timestamp(annotation.modified),
    ]
    return [defuse_cell(value) for value in values]


def dumps(annotations: Iterable[Annotation], name_of: Callable[[str], str]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for annotation in sorted(annotations, key=lambda a: (a.created, a.id)):
        writer.writerow(annotation_row(annotation, name_of(annotation.document_key)))
    return buffer.getvalue()


def write_annotations_csv(
    path: Path, annotations: Iterable[Annotation], name_of: Callable[[str], str]
) -> None:
    """Write the CSV to `path` atomically."""
    data = dumps(annotations, name_of).encode("utf-8-sig")

    def write(handle: IO[bytes]) -> None:
        handle.write(data)

    write_atomically(path, write)
