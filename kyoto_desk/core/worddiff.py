"""Word-level diff of linked units: diff-match-patch over words, with offsets into each unit's text.

Each word, space run and punctuation mark becomes one character so that diff-match-patch diffs words,
not letters, and semantic cleanup then merges tiny equalities into readable edits. A link that splits
or merges units is diffed as the concatenation of its units; every span still lies in one unit per
side, with offsets into that unit's own text.
"""

from __future__ import annotations

import importlib
import re
import sys
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import accumulate
from typing import Any

from diff_match_patch import diff_match_patch

from kyoto_desk.core.model import Unit
from kyoto_desk.errors import KyotoDeskError

# Words keep inner hyphens and apostrophes ("money-laundering", "States'"); everything else is a
# one-character token or a whitespace run, so the tokens always cover the whole text. Possessive
# quantifiers: each token is taken whole, so no backtracking bookkeeping is needed.
TOKEN_RE = re.compile(r"\w++(?:['’\-]\w++)*+|\s++|[^\w\s]")
# For ASCII text, the same tokens with ASCII classes, which are faster to test. Unicode \s also holds
# the ASCII separators \x1c-\x1f, so the ASCII pattern names them.
_ASCII_TOKEN_RE = re.compile(r"\w++(?:['’\-]\w++)*+|[\s\x1c-\x1f]++|[^\w\s\x1c-\x1f]", re.ASCII)
_WORD_RE = re.compile(r"\w+")
# No token the regex produces is longer than one character without being a word or a space run, so
# this key can never collide with a real token.
_BOUNDARY = "\x00\x00"
# Private-use plane first: these characters are neither letters nor spaces, which keeps the semantic
# cleanup's word-boundary heuristics from treating token codes as text.
_FIRST_CODE = 0xE000


class DiffTooLargeError(KyotoDeskError):
    """A linked pair has more distinct words than the word diff has codes for (over a million)."""


class DiffOp(StrEnum):
    """What a span does to the text."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


class ChangeNature(StrEnum):
    """What a change amounts to once case and punctuation are set aside."""

    WORDS = "words"  # the wording changed
    CASE = "case"  # only capitalisation changed
    PUNCTUATION = "punctuation"  # only punctuation or spacing changed


@dataclass(frozen=True, slots=True)
class Located:
    """Where a span lies: a unit and character offsets into that unit's text."""

    unit_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DiffSpan:
    """One run of equal, inserted or deleted text within one unit on each side it touches.

    `old` is set for equal and delete spans, `new` for equal and insert spans. `nature` is None for
    equal spans; for changes it tells whether only case or punctuation differ, which the UI may hide.
    """

    op: DiffOp
    text: str
    old: Located | None
    new: Located | None
    nature: ChangeNature | None = None

    @property
    def minor(self) -> bool:
        return self.nature is ChangeNature.CASE or self.nature is ChangeNature.PUNCTUATION


@dataclass(frozen=True, slots=True)
class WordDiff:
    """The diff of one link: its old and new unit ids and the spans in reading order."""

    old_ids: tuple[str, ...]
    new_ids: tuple[str, ...]
    spans: tuple[DiffSpan, ...]

    def spans_in_old(self, unit_id: str) -> tuple[DiffSpan, ...]:
        """Equal and delete spans lying in this old unit, in its text order."""
        return tuple(s for s in self.spans if s.old is not None and s.old.unit_id == unit_id)

    def spans_in_new(self, unit_id: str) -> tuple[DiffSpan, ...]:
        """Equal and insert spans lying in this new unit, in its text order."""
        return tuple(s for s in self.spans if s.new is not None and s.new.unit_id == unit_id)

    @property
    def changed(self) -> bool:
        """Whether any substantive (not case- or punctuation-only) change is present."""
        return any(s.op is not DiffOp.EQUAL and not s.minor for s in self.spans)


@dataclass(slots=True)
class _Side:
    """The tokens of one side's units in a row, a boundary token between units, with offsets."""

    units: Sequence[Unit]
    texts: list[str]
    firsts: list[int]  # token position of each unit's first token (a unit's tokens are one stretch)
    starts: list[int]
    boundaries: list[int]  # token positions of the boundaries

    def located(self, lo: int, hi: int) -> tuple[Located, str]:
        """The place and text of tokens lo..hi-1, which lie in one unit."""
        unit = self.units[bisect_right(self.firsts, lo) - 1]
        start, end = self.starts[lo], self.starts[hi - 1] + len(self.texts[hi - 1])
        return Located(unit.id, start, end), unit.text[start:end]

    def pieces(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Tokens lo..hi-1 cut at boundaries into runs that each lie in one unit."""
        out = []
        for cut in self.boundaries[bisect_left(self.boundaries, lo) : bisect_left(self.boundaries, hi)]:
            if cut > lo:
                out.append((lo, cut))
            lo = cut + 1
        if hi > lo:
            out.append((lo, hi))
        return out


def _tokens(text: str) -> list[str]:
    return (_ASCII_TOKEN_RE if text.isascii() else TOKEN_RE).findall(text)


def _side(units: Sequence[Unit]) -> _Side:
    if len(units) == 1:  # most links: the unit's tokens as they come, without copying them into a row
        found = _tokens(units[0].text)
        # The tokens cover the text without gaps, so offsets are running sums of their lengths.
        return _Side(units, found, [0], list(accumulate(map(len, found), initial=0)), [])
    side = _Side(units, [], [], [], [])
    for index, unit in enumerate(units):
        if index:
            side.boundaries.append(len(side.texts))
            side.texts.append(_BOUNDARY)
            side.starts.append(0)
        side.firsts.append(len(side.texts))
        found = _tokens(unit.text)
        side.starts.extend(accumulate(map(len, found[:-1]), initial=0) if found else ())
        side.texts.extend(found)
    return side


def _encode(old_tokens: list[str], new_tokens: list[str]) -> tuple[str, str]:
    """Both sides as strings of one character per token, equal tokens sharing a character."""
    # A token met for the first time takes the next code, the old side read first, all in C loops.
    # Codes count up from the private-use plane, which lies above the surrogates: none is ever one.
    codes: defaultdict[str, str] = defaultdict(map(chr, range(_FIRST_CODE, sys.maxunicode + 1)).__next__)
    old_codes = "".join(map(codes.__getitem__, old_tokens))
    new_codes = "".join(map(codes.__getitem__, new_tokens))
    # Past the last code the StopIteration ends join() early instead of raising: a short string is the
    # only sign, and diffing it would silently drop the rest of the text.
    if len(old_codes) != len(old_tokens) or len(new_codes) != len(new_tokens):
        raise DiffTooLargeError(
            "Two linked paragraphs hold more than a million different words between them, too many to "
            "compare word by word.",
            "Check that the document was imported as paragraphs (a table of data can arrive as one).",
        )
    return old_codes, new_codes


def _engine() -> diff_match_patch:
    engine = diff_match_patch()
    # The default one-second budget makes long pairs degrade silently to "delete all, insert all".
    engine.Diff_Timeout = 0
    return engine


_NAMES: dict[object, DiffOp] = {0: DiffOp.EQUAL, 1: DiffOp.INSERT, -1: DiffOp.DELETE}
_NAMES.update({"=": DiffOp.EQUAL, "+": DiffOp.INSERT, "-": DiffOp.DELETE})


def _load_fast() -> Any:
    """The C++ build of diff-match-patch when installed (fast-diff-match-patch), else None."""
    try:
        return importlib.import_module("fast_diff_match_patch")
    except ImportError:
        return None


# Same algorithm and cleanup as the pure-Python engine, about ten times faster.
_fast = _load_fast()


def _ops(old_tokens: list[str], new_tokens: list[str]) -> list[tuple[DiffOp, int]]:
    """(op, token count) runs turning the old tokens into the new ones."""
    if old_tokens == new_tokens:
        return [(DiffOp.EQUAL, len(old_tokens))] if old_tokens else []
    old_codes, new_codes = _encode(old_tokens, new_tokens)
    if _fast is not None:
        # The C++ build of the same algorithm, about ten times faster; timelimit=0 means no limit.
        runs = _fast.diff(
            old_codes, new_codes, timelimit=0, checklines=False, cleanup="Semantic", counts_only=True
        )
        return [(_NAMES[op], count) for op, count in runs if count]
    engine = _engine()
    diffs = engine.diff_main(old_codes, new_codes, False)
    engine.diff_cleanupSemantic(diffs)
    return [(_NAMES[op], len(chars)) for op, chars in diffs if chars]


_Piece = tuple[DiffOp, str, Located | None, Located | None]  # a span before its change is classified


def _pieces(op: DiffOp, old: _Side, new: _Side, at: tuple[int, int], count: int) -> list[_Piece]:
    """The spans of one diff run of `count` tokens starting at old token i and new token j."""
    i, j = at
    if op is DiffOp.DELETE:
        placed = (old.located(*p) for p in old.pieces(i, i + count))
        return [(op, text, loc, None) for loc, text in placed]
    if op is DiffOp.INSERT:
        placed = (new.located(*p) for p in new.pieces(j, j + count))
        return [(op, text, None, loc) for loc, text in placed]
    # Equal tokens are the same strings, boundaries included, so both sides cut at the same places.
    out: list[_Piece] = []
    for lo, hi in old.pieces(i, i + count):
        old_loc, text = old.located(lo, hi)
        new_loc, _ = new.located(lo - i + j, hi - i + j)
        out.append((op, text, old_loc, new_loc))
    return out


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def _nature(deleted: str, inserted: str) -> ChangeNature:
    before, after = _words(deleted), _words(inserted)
    if before == after:
        return ChangeNature.PUNCTUATION
    if [w.casefold() for w in before] == [w.casefold() for w in after]:
        return ChangeNature.CASE
    return ChangeNature.WORDS


def _classify(pieces: list[_Piece]) -> tuple[DiffSpan, ...]:
    """The spans, each change span with the nature of the whole change between two equal spans.

    Pieces become spans only once their nature is known, so no span is built twice.
    """
    out: list[DiffSpan] = []
    group: list[_Piece] = []

    def close() -> None:
        deleted = "".join(text for op, text, _, _ in group if op is DiffOp.DELETE)
        inserted = "".join(text for op, text, _, _ in group if op is DiffOp.INSERT)
        nature = _nature(deleted, inserted)
        out.extend(DiffSpan(*piece, nature) for piece in group)
        group.clear()

    for piece in pieces:
        if piece[0] is DiffOp.EQUAL:
            if group:
                close()
            out.append(DiffSpan(*piece))
        else:
            group.append(piece)
    if group:
        close()
    return tuple(out)


def _unchanged(old_units: Sequence[Unit], new_units: Sequence[Unit]) -> WordDiff | None:
    """The diff of units whose texts are the same one by one, without tokenizing them."""
    if len(old_units) != len(new_units) or any(
        a.text != b.text for a, b in zip(old_units, new_units, strict=True)
    ):
        return None
    spans = tuple(
        DiffSpan(DiffOp.EQUAL, a.text, Located(a.id, 0, len(a.text)), Located(b.id, 0, len(b.text)))
        for a, b in zip(old_units, new_units, strict=True)
        if a.text
    )
    return WordDiff(tuple(u.id for u in old_units), tuple(u.id for u in new_units), spans)


def diff_units(old_units: Sequence[Unit], new_units: Sequence[Unit]) -> WordDiff:
    """The word diff of the old units' text (concatenated) against the new units' text."""
    same = _unchanged(old_units, new_units)
    if same is not None:
        return same
    old, new = _side(old_units), _side(new_units)
    pieces: list[_Piece] = []
    i = j = 0
    for op, count in _ops(old.texts, new.texts):
        pieces.extend(_pieces(op, old, new, (i, j), count))
        i += count if op is not DiffOp.INSERT else 0
        j += count if op is not DiffOp.DELETE else 0
    return WordDiff(tuple(u.id for u in old_units), tuple(u.id for u in new_units), _classify(pieces))
