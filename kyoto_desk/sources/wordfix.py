"""Word-level repairs of extracted text: line-end hyphens, lost ligatures, words split by spacing.

Every decision consults a vocabulary built from the document itself (words seen whole elsewhere in
it), with a short list of common UN words as a fallback, so the fixes follow the document's own
spelling instead of a general dictionary.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
# A ligature glyph without a Unicode mapping comes out of pdfminer as "(cid:N)" or U+FFFD.
_LOST_GLYPH = re.compile(r"\(cid:\d+\)|\ufffd")
_LIGATURE_CANDIDATES = ("fi", "fl", "ff", "ffi", "ffl")
# Short words that are words even when a document uses them once: never taken for a torn half.
_FUNCTION_WORDS = frozenset(
    "a an and any as at be by do for from if in into is it its no nor not of on or our so such than that "
    "the their them then there these they this those to up upon us was we were which who with".split()
)
# Right halves that are only endings: a line-end hyphen before one of them was put by the typesetter.
_WORD_ENDINGS = frozenset(
    "able ably al ally ance ances ant ants ary ate ated ates ating ation ations ative ed ence ences "
    "ent ential ents er ers es ful ial ially ible ic ical ically ies ing ings ion ions ise ised ism ist "
    "ists ity ities ive ively ives ize ized izes izing less ly ment mental ments ness nal ous ship "
    "sion sions tion tional tions tive tory ture tures ty ual ure ures".split()
)
# Words UN texts use that contain ligature pairs, for documents too short to spell them whole.
_COMMON_WORDS = frozenset(
    """affirm affirms affected affects benefit benefits conflict conflicts confiscated confiscation
    difficult difficulties effect effective effectively effects efficiency efficient efforts field
    fields final financial financing first flora flows identified identify influence justified
    offences offenders offending office officers official officials profit profits reaffirm reaffirmed
    reflect reflected reflecting scientific significant specific specifically sufficient traffic
    trafficked trafficking verification""".split()
)


class Vocabulary:
    """Counts of the words of one document, lower-cased; the judge of every repair."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.counts: Counter[str] = Counter()
        for text in texts:
            self.counts.update(w.lower() for w in _WORD.findall(text))

    def knows(self, word: str) -> bool:
        """Whether the document (or the common list) has `word`, or its stem with another ending."""
        return any(self.counts[f] > 0 or f in _COMMON_WORDS for f in _forms(word.lower()))

    def is_fragment(self, word: str) -> bool:
        """Whether `word` looks like a torn piece: seen at most once, in no other form, no function word."""
        lowered = word.lower()
        if lowered in _FUNCTION_WORDS or self.counts[lowered] > 1 or lowered in _COMMON_WORDS:
            return False
        return not any(self.counts[f] > 0 or f in _COMMON_WORDS for f in _forms(lowered) - {lowered})

    def count(self, word: str) -> int:
        return self.counts[word.lower()] + (1 if word.lower() in _COMMON_WORDS else 0)


def _forms(lowered: str) -> set[str]:
    """`lowered` with the plural, past and -ing endings added or taken away."""
    plural = lowered[:-1] + "ies" if lowered.endswith("y") else lowered + "s"
    forms = {lowered, lowered + "s", lowered + "es", plural}
    for suffix in ("s", "es", "ed", "ing", "ly"):
        if lowered.endswith(suffix) and len(lowered) > len(suffix) + 2:
            stem = lowered[: -len(suffix)]
            forms |= {stem, stem + "e", stem + "s", stem + "ed", stem + "ing"}
    return forms


def replace_ligatures(text: str) -> str:
    """Ligature glyphs (ﬁ, ﬂ, ...) spelled out as their letters."""
    return "".join(_LIGATURES.get(ch, ch) for ch in text)


def restore_lost_ligatures(text: str, vocabulary: Vocabulary) -> str:
    """Unmapped glyphs inside a word replaced by the ligature that makes a known word."""

    def fix(match: re.Match[str]) -> str:
        before = re.search(r"[A-Za-z]*$", text[: match.start()])
        after = re.match(r"[A-Za-z]*", text[match.end() :])
        head = before.group(0) if before else ""
        tail = after.group(0) if after else ""
        for letters in _LIGATURE_CANDIDATES:
            if vocabulary.knows(head + letters + tail):
                return letters
        return match.group(0)

    return _LOST_GLYPH.sub(fix, text)


def join_hyphenated(left: str, right: str, vocabulary: Vocabulary) -> str:
    """The word a line-end hyphen split, e.g. "Secre-" + "tary", "money-" + "laundering".

    In order: the document's own spelling decides when it has the word hyphenated or whole; a
    capital after the hyphen keeps it (Secretary-General); a right half that is only a word ending
    ("-ment", "-tion") is a typesetter's break; otherwise the hyphen stays when the left half is a
    word of the document ("victim-centred"), and goes when it is a piece ("crimi-nal").
    """
    stem = left[:-1]
    head_match = re.search(r"[A-Za-z]+$", stem)
    tail_match = re.match(r"[A-Za-z]+", right)
    if not head_match or not tail_match:
        return left + right
    head, tail = head_match.group(0), tail_match.group(0)
    if vocabulary.count(f"{head}-{tail}") > vocabulary.count(head + tail):
        return left + right
    if vocabulary.knows(head + tail):
        return stem + right
    if tail[0].isupper():
        return left + right
    if tail.lower() in _WORD_ENDINGS:
        return stem + right
    compound = head.lower() not in _FUNCTION_WORDS and len(head) >= 3 and vocabulary.knows(head)
    return left + right if compound else stem + right


def join_split_words(text: str, vocabulary: Vocabulary) -> str:
    """Words torn apart by letter spacing in justified lines ("commit ment") put back together.

    Two neighbours are joined only when the joined word occurs elsewhere in the document and at
    least one half is not a word there, so "in to" stays apart while "Secre tariat" joins.
    """
    tokens = text.split(" ")
    out: list[str] = []
    for token in tokens:
        if out and _should_join(out[-1], token, vocabulary):
            out[-1] = out[-1] + token
        else:
            out.append(token)
    return " ".join(out)


def _should_join(left: str, right: str, vocabulary: Vocabulary) -> bool:
    lhead = re.search(r"[A-Za-z]+$", left)
    rtail = re.fullmatch(r"([A-Za-z]+)[,.;:)]*", right)
    if not lhead or not rtail or lhead.end() - lhead.start() != len(left.lstrip("(*")):
        return False
    a, b = lhead.group(0), rtail.group(1)
    if b[0].isupper():
        return False
    if vocabulary.counts[(a + b).lower()] < 1:
        return False
    return vocabulary.is_fragment(a) or vocabulary.is_fragment(b)
