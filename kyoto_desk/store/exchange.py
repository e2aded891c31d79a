"""Import annotation files and merge a colleague's set into the store.

An import runs inside the caller's session, i.e. one transaction: the whole file is read and
checked first, then written; any problem leaves the store as it was. Merging is by annotation id:
a new id is added, an identical one left alone, and one that differs is a conflict, settled by
`prefer` (the newest edit by default) and listed so the user can review it. Annotations missing
from the file are never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy.orm import Session

from kyoto_desk.core.annotation import Annotation
from kyoto_desk.errors import InputError
from kyoto_desk.store.annotations import add_annotation, get_annotation, normalised, update_annotation
from kyoto_desk.store.exchange_read import check_size, read_csv, read_json
from kyoto_desk.store.resolver import DocumentResolver


class Prefer(StrEnum):
    """Which side wins a conflict."""

    NEWEST = "newest"  # the later `modified` (ours on a tie)
    OURS = "ours"
    THEIRS = "theirs"


@dataclass(frozen=True, slots=True)
class Conflict:
    """The same annotation edited on both sides, and the version kept."""

    ours: Annotation
    theirs: Annotation
    kept: Annotation


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: int
    unchanged: int
    conflicts: tuple[Conflict, ...]
    file_format: str = ""

    @property
    def replaced(self) -> int:
        """Conflicts settled in favour of the incoming version."""
        return sum(1 for c in self.conflicts if c.kept is c.theirs)

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.unchanged} unchanged, {len(self.conflicts)} conflict(s) "
            f"({self.replaced} taken from the file, {len(self.conflicts) - self.replaced} kept as they were)"
        )


def _winner(ours: Annotation, theirs: Annotation, prefer: Prefer) -> Annotation:
    if prefer is Prefer.OURS:
        return ours
    if prefer is Prefer.THEIRS:
        return theirs
    return theirs if theirs.modified > ours.modified else ours


def merge_annotations(
    session: Session, incoming: list[Annotation], prefer: Prefer = Prefer.NEWEST, file_format: str = ""
) -> ImportReport:
    """Merge `incoming` into the store by id (see the module docstring)."""
    added = unchanged = 0
    conflicts: list[Conflict] = []
    for theirs in (normalised(a) for a in incoming):
        ours = get_annotation(session, theirs.id)
        if ours is None:
            add_annotation(session, theirs)
            added += 1
        elif ours.same_content(theirs):
            unchanged += 1
        else:
            kept = _winner(ours, theirs, prefer)
            if kept is theirs:
                update_annotation(session, theirs)
            conflicts.append(Conflict(ours, theirs, kept))
    return ImportReport(added, unchanged, tuple(conflicts), file_format)


def detect_format(data: bytes) -> str:
    """ "json" when the file starts (after a BOM and spaces) with { or [, otherwise "csv"."""
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    return "json" if head in (b"{", b"[") else "csv"


def read_annotations(session: Session, data: bytes) -> tuple[list[Annotation], str]:
    """The checked annotations of a JSON or CSV file's bytes, and which format it was."""
    check_size(len(data))
    resolver = DocumentResolver(session)
    file_format = detect_format(data)
    reader = read_json if file_format == "json" else read_csv
    return reader(data, resolver), file_format


def import_annotations(session: Session, path: Path, prefer: Prefer = Prefer.NEWEST) -> ImportReport:
    """Read `path` (JSON or CSV) and merge it; all or nothing within the caller's transaction."""
    try:
        check_size(path.stat().st_size)  # before reading: a huge file is refused without loading it
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror or exc}.", "Check the file name.") from exc
    incoming, file_format = read_annotations(session, data)
    return merge_annotations(session, incoming, prefer, file_format)
