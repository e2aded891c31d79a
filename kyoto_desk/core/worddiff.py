"""Word-level diff of linked units: diff-match-patch over words, with offsets into each unit's text.

Each word, space run and punctuation mark becomes one character so that diff-match-patch diffs words,
not letters, and semantic cleanup then merges tiny equalities into readable edits. A link that splits
or merges units is diffed as the concatenation of its units; every span still lies in one unit per
side, with offsets into that unit's own text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from diff_match_patch import diff_match_patch

from kyoto_desk.core.model import Unit

# Words keep inner hyphens and apostrophes ("money-laundering", "States'"); everything else is a
# one-character token or a whitespace run, so the tokens always cover the whole text.
TOKEN_RE = re.compile(r"\w+(?:['’\-]\w+)*|\s+|[^\w\s]")
_WORD_RE = re.compile(r"\w+")
# No token the regex produces is longer than one character without being a word or a space run, so
# this key can never collide with a real token.
_BOUNDARY = "\x00\x00"
# Private-use plane first: these characters are neither letters nor spaces, which keeps the semantic
# cleanup's word-boundary heuristics from treating token codes as text.
_FIRST_CODE = 0xE000
_SURROGATES = range(0xD800, 0xE000)


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


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    unit: int  # index into the side's units; -1 for a boundary
    start: int
    end: int


def _tokens(units: Sequence[Unit]) -> list[_Token]:
    out: list[_Token] = []
    for index, unit in enumerate(units):
        if index:
            out.append(_Token(_BOUNDARY, -1, 0, 0))
        out.extend(_Token(m.group(), index, m.start(), m.end()) for m in TOKEN_RE.finditer(unit.text))
    return out


class _Codes:
    """Token text to one character, shared by both sides of one diff."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}
        self._next = _FIRST_CODE

    def encode(self, tokens: Iterable[_Token]) -> str:
        chars: list[str] = []
        for token in tokens:
            code = self._codes.get(token.text)
            if code is None:
                if self._next in _SURROGATES:
                    self._next = _SURROGATES.stop
                code = chr(self._next)
                self._next += 1
                self._codes[token.text] = code
            chars.append(code)
        return "".join(chars)


def _engine() -> diff_match_patch:
    engine = diff_match_patch()
    # The default one-second budget makes long pairs degrade silently to "delete all, insert all".
    engine.Diff_Timeout = 0
    return engine


def _ops(old_tokens: Sequence[_Token], new_tokens: Sequence[_Token]) -> list[tuple[DiffOp, int]]:
    """(op, token count) runs turning the old tokens into the new ones."""
    if [t.text for t in old_tokens] == [t.text for t in new_tokens]:
        return [(DiffOp.EQUAL, len(old_tokens))] if old_tokens else []
    codes = _Codes()
    engine = _engine()
    diffs = engine.diff_main(codes.encode(old_tokens), codes.encode(new_tokens), False)
    engine.diff_cleanupSemantic(diffs)
    names = {0: DiffOp.EQUAL, 1: DiffOp.INSERT, -1: DiffOp.DELETE}
    return [(names[op], len(chars)) for op, chars in diffs if chars]


class _SpanBuilder:
    """Collects token steps into spans that never cross a unit boundary on either side."""

    def __init__(self, old_units: Sequence[Unit], new_units: Sequence[Unit]) -> None:
        self._old_units = old_units
        self._new_units = new_units
        self.spans: list[DiffSpan] = []
        self._key: tuple[DiffOp, int, int] | None = None
        self._old: tuple[int, int] | None = None
        self._new: tuple[int, int] | None = None
        self._text: list[str] = []

    def step(self, op: DiffOp, old: _Token | None, new: _Token | None) -> None:
        token = old if old is not None else new
        assert token is not None
        if token.unit < 0:  # a boundary belongs to no unit: it only ends the current span
            self.flush()
            return
        key = (op, old.unit if old else -1, new.unit if new else -1)
        if key != self._key:
            self.flush()
            self._key = key
        self._old = _widen(self._old, old)
        self._new = _widen(self._new, new)
        self._text.append(token.text)

    def flush(self) -> None:
        if self._key is None:
            return
        op, old_unit, new_unit = self._key
        old = Located(self._old_units[old_unit].id, *self._old) if self._old else None
        new = Located(self._new_units[new_unit].id, *self._new) if self._new else None
        self.spans.append(DiffSpan(op, "".join(self._text), old, new))
        self._key, self._old, self._new, self._text = None, None, None, []


def _widen(extent: tuple[int, int] | None, token: _Token | None) -> tuple[int, int] | None:
    if token is None:
        return extent
    return (token.start, token.end) if extent is None else (extent[0], token.end)


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def _nature(deleted: str, inserted: str) -> ChangeNature:
    before, after = _words(deleted), _words(inserted)
    if before == after:
        return ChangeNature.PUNCTUATION
    if [w.casefold() for w in before] == [w.casefold() for w in after]:
        return ChangeNature.CASE
    return ChangeNature.WORDS


def _classify(spans: list[DiffSpan]) -> tuple[DiffSpan, ...]:
    """Give each change span the nature of the whole change between two equal spans."""
    out: list[DiffSpan] = []
    group: list[DiffSpan] = []

    def close() -> None:
        deleted = "".join(s.text for s in group if s.op is DiffOp.DELETE)
        inserted = "".join(s.text for s in group if s.op is DiffOp.INSERT)
        nature = _nature(deleted, inserted)
        out.extend(DiffSpan(s.op, s.text, s.old, s.new, nature) for s in group)
        group.clear()

    for span in spans:
        if span.op is DiffOp.EQUAL:
            if group:
                close()
            out.append(span)
        else:
            group.append(span)
    if group:
        close()
    return tuple(out)


def diff_units(old_units: Sequence[Unit], new_units: Sequence[Unit]) -> WordDiff:
    """The word diff of the old units' text (concatenated) against the new units' text."""
    old_tokens, new_tokens = _tokens(old_units), _tokens(new_units)
    builder = _SpanBuilder(old_units, new_units)
    i = j = 0
    for op, count in _ops(old_tokens, new_tokens):
        for _ in range(count):
            old = old_tokens[i] if op is not DiffOp.INSERT else None
            new = new_tokens[j] if op is not DiffOp.DELETE else None
            builder.step(op, old, new)
            i += old is not None
            j += new is not None
    builder.flush()
    return WordDiff(
        tuple(u.id for u in old_units),
        tuple(u.id for u in new_units),
        _classify(builder.spans),
    )
