"""Canonical terms of UN texts: multiword formulae folded, a light stemmer, equivalent words joined.

Declarations reword by swapping one stock formula for another ("undertake" for "commit", "foster" for
"promote", "where appropriate" inserted). Alignment should see through those swaps, so every word is
reduced to a canonical term: multiword formulae are folded first, stems of equivalent words are mapped to
one representative, and words that carry only the register (pronouns, chapeau verbs, qualifiers) are
dropped. The lists themselves are data, in `core.unformula_lexicon`.
"""

from __future__ import annotations

import re
from functools import cache

from kyoto_desk.core.unformula_lexicon import GROUPS, HYPHEN_PARTS_DROPPED, PHRASES, STOP_WORDS

# Canonical term of each word stem, filled from the lexicon's groups below.
EQUIVALENTS: dict[str, str] = {}
_EXACT: dict[str, str] = {}  # whole words whose stems would collide with another group

# Suffixes stripped by `stem`, longest first; a light stemmer is enough because character n-grams
# catch what it leaves.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("izations", "iz"),
    ("ization", "iz"),
    ("isations", "iz"),
    ("isation", "iz"),
    ("ational", "at"),
    ("fulness", ""),
    ("iveness", "iv"),
    ("ousness", "ous"),
    ("ations", ""),
    ("ation", ""),
    ("itions", ""),
    ("ition", ""),
    ("ments", ""),
    ("ment", ""),
    ("ities", ""),
    ("ity", ""),
    ("ness", ""),
    ("ings", ""),
    ("ing", ""),
    ("ives", ""),
    ("ive", ""),
    ("ions", ""),
    ("ion", ""),
    ("ies", "i"),
    ("ied", "i"),
    ("ally", ""),
    ("ly", ""),
    ("ed", ""),
    ("es", ""),
    ("al", ""),
    ("s", ""),
    ("e", ""),
    ("y", "i"),
)
_MIN_STEM = 3
_MIN_PREFIX = 6

# Possessive quantifiers: a run of letters never has to give any back (the separators are no letters),
# and the scan is a quarter faster without the backtracking it would try.
WORD_RE = re.compile(r"[a-z0-9]++(?:['’-][a-z0-9]++)*+")


@cache
def stem(word: str) -> str:
    """A light suffix-stripping stem of a lowercase word ("strengthening" → "strengthen")."""
    if len(word) <= 4 or word.isdigit():
        # Short plurals ("laws", "arms") still lose their s; "rights"-length words go through below.
        if len(word) == 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) + len(replacement) >= _MIN_STEM:
            if suffix == "s" and word.endswith(("ss", "us", "is")):  # "access", "status", "crisis"
                return word
            return word[: len(word) - len(suffix)] + replacement
    return word


@cache
def canonical(word: str) -> str | None:
    """The canonical stem of a lowercase word, or None when it is a stop word."""
    if word in STOP_WORDS or len(word) < 2 or word.isdigit():
        return None
    direct = _EXACT.get(word) or EQUIVALENTS.get(word)
    if direct is not None:
        return direct
    base = stem(word.replace("’", "'").split("'")[0])
    exact = EQUIVALENTS.get(base)
    if exact is not None:
        return exact
    comparative = _comparative_base(word)
    if comparative is not None:
        return comparative
    # Then shorter prefixes, so "improvement" (stem "improve") meets "improv"; never below six letters,
    # where prefixes start to collide ("regular" is no "regulation", "special" no "species").
    for length in range(len(base) - 1, _MIN_PREFIX - 1, -1):
        hit = EQUIVALENTS.get(base[:length])
        if hit is not None:
            return hit
    return base


def _comparative_base(word: str) -> str | None:
    """The canonical term of an adjective's known base for a comparative or superlative ("quicker",
    "safest", "easier"); only bases the lexicon knows, so that "offender" or "interest" stay whole."""
    for suffix, replacement in (("iest", "y"), ("ier", "y"), ("est", ""), ("er", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            base = word[: len(word) - len(suffix)] + replacement
            hit = EQUIVALENTS.get(base) or EQUIVALENTS.get(stem(base))
            if hit is not None:
                return hit
    return None


def _fill_equivalents() -> None:
    for canon, members in GROUPS.items():
        for member in members:
            if member.startswith("="):
                _EXACT[member[1:]] = canon
                continue
            EQUIVALENTS.setdefault(member, canon)
            EQUIVALENTS.setdefault(stem(member), canon)
    for token in PHRASES.values():
        # Phrase tokens are already canonical; mapping them to themselves keeps the stemmer off them.
        if token:
            EQUIVALENTS.setdefault(token, token)


_fill_equivalents()


def _phrase_index() -> dict[str, list[tuple[list[str], str]]]:
    # Phrases by first word, longest first, so that folding is one dictionary look-up per word.
    index: dict[str, list[tuple[list[str], str]]] = {}
    for phrase, token in sorted(PHRASES.items(), key=lambda item: -len(item[0].split())):
        words = WORD_RE.findall(phrase)
        index.setdefault(words[0], []).append((words, token))
    return index


_PHRASES_BY_FIRST_WORD = _phrase_index()


def fold_phrases(words: list[str]) -> list[str]:
    """The lowercase words with multiword formulae replaced by their canonical token (or dropped)."""
    index = _PHRASES_BY_FIRST_WORD
    # Only about one word in seven can start a formula: find those in one pass in C, then copy the
    # words between them as slices instead of testing and appending every word in Python.
    starts = [i for i, word in enumerate(words) if word in index]
    folded: list[str] = []
    done = 0  # words before this index are folded or copied
    for i in starts:
        if i < done:  # inside a formula already folded
            continue
        for phrase, token in index[words[i]]:
            end = i + len(phrase)
            if words[i:end] == phrase:
                folded += words[done:i]
                if token:
                    folded.append(token)
                done = end
                break
    folded += words[done:]
    return folded


@cache
def word_terms(word: str) -> tuple[str, ...]:
    """The canonical terms of one lowercase word: none for a stop word, one per part of a hyphenated
    word that the lexicon does not know whole ("anti-corruption" gives "corrupt")."""
    whole = canonical(word)
    if whole is None:
        return ()
    if "-" not in word or whole != stem(word):
        return (whole,)
    parts = (canonical(p) for p in word.split("-") if p not in HYPHEN_PARTS_DROPPED)
    return tuple(p for p in parts if p is not None)


def content_terms(text: str) -> list[str]:
    """The canonical content stems of `text`, in reading order."""
    return [t for word in fold_phrases(WORD_RE.findall(text.lower())) for t in word_terms(word)]


def surface_words(text: str) -> list[str]:
    """Lowercase words with punctuation dropped: what 'identical wording' compares."""
    return WORD_RE.findall(text.lower())
