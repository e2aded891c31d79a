"""The result of aligning two documents: links between units, and units without a counterpart."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class LinkKind(StrEnum):
    """How the linked units relate."""

    IDENTICAL = "identical"  # same words (case, punctuation and spacing aside), same relative place
    MODIFIED = "modified"  # reworded in place
    MOVED = "moved"  # carried over to another place in the order
    SPLIT = "split"  # one old unit became several new ones
    MERGED = "merged"  # several old units became one new one


@dataclass(frozen=True, slots=True)
class Link:
    """Old unit ids linked to new unit ids, with a similarity in [0, 1] and why."""

    old: tuple[str, ...]
    new: tuple[str, ...]
    kind: LinkKind
    similarity: float
    reason: str
    pinned: bool = False  # set by the user, kept whatever the scores say


@dataclass(frozen=True, slots=True)
class Pin:
    """A user's correction: link these units (linked=True) or never link them (linked=False)."""

    old: tuple[str, ...]
    new: tuple[str, ...]
    linked: bool = True


@dataclass(frozen=True, slots=True)
class Alignment:
    """Links in the order of the new text, plus the unmatched ids of each side in reading order."""

    links: tuple[Link, ...]
    added: tuple[str, ...]  # new units with no counterpart in the old text
    removed: tuple[str, ...]  # old units with no counterpart in the new text
