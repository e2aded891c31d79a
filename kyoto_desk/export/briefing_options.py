"""What goes into a briefing: the choices of the export dialog and of `kyoto-desk briefing`."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any


class Scope(StrEnum):
    """Which rows of the synoptic table the briefing keeps."""

    ALL = "all"
    CHANGED = "changed"  # everything but identical paragraphs
    ANNOTATED = "annotated"  # only rows carrying one of the user's annotations


class Section(StrEnum):
    """The parts of a briefing, in the order they are written."""

    COVER = "cover"
    SUMMARY = "summary"
    SYNOPTIC = "synoptic"
    COMMENTS = "comments"  # annotations as Word comments on the synoptic table
    POSITIONS = "positions"
    AMENDMENTS = "amendments"


ALL_SECTIONS: frozenset[Section] = frozenset(Section)


@dataclass(frozen=True, slots=True)
class BriefingOptions:
    """Every choice the user makes before exporting; the dialog remembers them with `to_dict`."""

    title: str = "Briefing on the revised text"
    author: str = ""  # the author or delegation named on the cover
    date: dt.date | None = None  # None: the day of the export
    confidentiality: str = ""  # e.g. "CONFIDENTIAL"; printed in header and footer when set
    scope: Scope = Scope.ALL
    themes: tuple[str, ...] = ()  # keep only rows about these themes; empty keeps every row
    sections: frozenset[Section] = field(default=ALL_SECTIONS)
    landscape: bool = False  # the synoptic table on landscape pages
    shade_agreed: bool = True  # shade agreed language in the newer text

    def includes(self, section: Section) -> bool:
        return section in self.sections

    def effective_date(self) -> dt.date:
        return self.date or dt.date.today()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, so the dialog can remember the choices between exports."""
        return {
            "title": self.title,
            "author": self.author,
            "date": self.date.isoformat() if self.date else None,
            "confidentiality": self.confidentiality,
            "scope": self.scope.value,
            "themes": list(self.themes),
            "sections": sorted(s.value for s in self.sections),
            "landscape": self.landscape,
            "shade_agreed": self.shade_agreed,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BriefingOptions:
        """Options from `to_dict` output; unknown or malformed entries fall back to the defaults.

        Remembered settings may come from an older version of the app, so nothing here raises.
        """
        options = cls()
        changes: dict[str, Any] = {}
        for name in ("title", "author", "confidentiality"):
            if isinstance(data.get(name), str):
                changes[name] = data[name]
        for name in ("landscape", "shade_agreed"):
            if isinstance(data.get(name), bool):
                changes[name] = data[name]
        if data.get("scope") in {s.value for s in Scope}:
            changes["scope"] = Scope(data["scope"])
        if isinstance(data.get("themes"), list):
            changes["themes"] = tuple(str(t) for t in data["themes"])
        if isinstance(data.get("sections"), list):
            known = {s.value for s in Section}
            changes["sections"] = frozenset(Section(s) for s in data["sections"] if s in known)
        if isinstance(data.get("date"), str):
            with contextlib.suppress(ValueError):  # a malformed date falls back to the export day
                changes["date"] = dt.date.fromisoformat(data["date"])
        return replace(options, **changes)
