"""Related words from a general English thesaurus: which words of two units may say the same thing.

The table (`resources/align/concepts.tsv.gz`, built offline from WordNet by bench/build_concepts.py)
gives each English word the concepts of its commonest senses, with their broader concepts and the
concepts of related word forms; two words are related when they share one. It is general vocabulary,
not tuned to any text: it lets the aligner see "abduction" in "kidnapping" or "inmate" in "prisoner"
where the UN-register lexicon (`core.unformula_lexicon`) has no entry.
"""

from __future__ import annotations

import gzip
from functools import cache

from kyoto_desk.errors import KyotoDeskError
from kyoto_desk.paths import resources_dir

TABLE_FILE = "align/concepts.tsv.gz"

# Inflections undone before the look-up, as WordNet's own morphology does: (suffix, replacement).
_INFLECTIONS: tuple[tuple[str, str], ...] = (
    ("ies", "y"),
    ("ses", "s"),
    ("xes", "x"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("es", "e"),
    ("es", ""),
    ("s", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
)


class ConceptTableError(KyotoDeskError):
    """The shipped thesaurus table is missing or damaged: an installation problem."""


@cache
def _table() -> dict[str, tuple[int, ...]]:
    # Loaded on first use (about 75,000 words); a comparison that never needs it never pays for it.
    path = resources_dir() / TABLE_FILE
    table: dict[str, tuple[int, ...]] = {}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#"):
                    continue
                word, _, ids = line.rstrip("\n").partition("\t")
                table[word] = tuple(map(int, ids.split(",")))
    except (OSError, EOFError, ValueError) as exc:
        raise ConceptTableError(
            f"The thesaurus table used to compare texts cannot be read ({path.name}: {exc}).",
            "Reinstall Kyoto Desk: the file ships with it.",
        ) from exc
    return table


@cache
def concepts(word: str) -> frozenset[int]:
    """The concepts of a lowercase word and of its uninflected forms; empty when unknown."""
    table = _table()
    found: set[int] = set(table.get(word, ()))
    for suffix, replacement in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            found.update(table.get(word[: len(word) - len(suffix)] + replacement, ()))
    return frozenset(found)


def related(word_a: str, word_b: str) -> bool:
    """Whether the two lowercase words share a concept."""
    return not concepts(word_a).isdisjoint(concepts(word_b))
