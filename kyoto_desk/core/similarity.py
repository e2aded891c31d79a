"""How alike two units are: several cheap signals combined into one score in [0, 1], with the reason.

Signals: cosine of tf-idf vectors over canonical content stems (UN formula equivalents folded, register
words dropped, see `core.unformula`); cosine of character 4-gram sets of the content words, which sees
morphology the light stemmer misses; shared two-term phrases; and relative position, a small bonus
only for pairs that already share content. The idf comes from both texts together, so the score does not
depend on which text is called old.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain, pairwise

from kyoto_desk.core.unformula import WORD_RE, fold_phrases, word_terms
from kyoto_desk.core.unformula_lexicon import LIGHT_TERMS, PHRASES, STOP_WORDS

# Weights of the signals, set on the generated revisions and the (tuning) gold paraphrases; see
# bench/eval_alignment.py and docs/readme/30-alignment.md for what they score.
TERM_WEIGHT = 0.8
GRAM_WEIGHT = 0.1
PHRASE_WEIGHT = 0.1
POSITION_BONUS = 0.06
# Texts this long or longer get the whole position bonus; in shorter ones place says little.
POSITION_FULL_SIZE = 12
# Smoothing of the idf: small texts (a two-unit comparison) should not turn every shared word into a
# penalty, large ones still weigh rare words up.
IDF_PRIOR = 4.0
GRAM_SIZE = 4


@dataclass(frozen=True, slots=True)
class UnitProfile:
    """What the scorer needs of one unit (or of several units read as one)."""

    terms: Counter[str]
    grams: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    surface: tuple[str, ...]
    position: float  # relative place in its document, 0 (first) to 1 (last)

    @property
    def has_content(self) -> bool:
        return bool(self.terms)


@cache
def _word_grams(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    if len(padded) <= GRAM_SIZE:
        return (padded,)
    return tuple(padded[i : i + GRAM_SIZE] for i in range(len(padded) - GRAM_SIZE + 1))


def profile(text: str, position: float) -> UnitProfile:
    """The profile of one unit's text at a relative position; a bare lead-in gets an empty one."""
    terms, grams, pairs, surface = _text_features(text)
    if is_lead_in_text(text, terms):
        terms, grams, pairs = Counter(), frozenset(), frozenset()
    return UnitProfile(terms=terms, grams=grams, pairs=pairs, surface=surface, position=position)


def clear_text_cache() -> None:
    """Forget the cached features of unit texts (benchmarks time cold comparisons with it)."""
    _text_features.cache_clear()


def is_lead_in_text(text: str, terms: Counter[str] | None = None) -> bool:
    """Whether `text` only introduces what follows ("We endeavour:", "... take the following actions:"):
    no content terms at all, or a colon at the end and nothing but register words before it."""
    if terms is None:
        terms = _text_features(text)[0]
    if not terms:
        return True
    return text.rstrip().endswith(":") and all(t in LIGHT_TERMS for t in terms)


@lru_cache(maxsize=16384)
def _text_features(
    text: str,
) -> tuple[Counter[str], frozenset[str], frozenset[tuple[str, str]], tuple[str, ...]]:
    # Cached by text: revisions share most paragraphs, and the app compares the same texts repeatedly.
    lowered = text.lower()
    surface = WORD_RE.findall(lowered)
    words = fold_phrases(surface)
    terms = list(chain.from_iterable(map(word_terms, words)))
    content = set(words).difference(STOP_WORDS)
    grams = frozenset(chain.from_iterable(_word_grams(w) for w in content if not w.isdigit()))
    return Counter(terms), grams, frozenset(pairwise(terms)), tuple(surface)


def combine(profiles: Sequence[UnitProfile]) -> UnitProfile:
    """Several units read as one (the pieces of a split, the sources of a merge)."""
    if len(profiles) == 1:
        return profiles[0]
    terms: Counter[str] = Counter()
    for p in profiles:
        terms.update(p.terms)
    return UnitProfile(
        terms=terms,
        grams=frozenset().union(*(p.grams for p in profiles)),
        pairs=frozenset().union(*(p.pairs for p in profiles)),
        surface=tuple(w for p in profiles for w in p.surface),
        position=min(p.position for p in profiles),
    )


@dataclass(frozen=True, slots=True)
class Signals:
    """The separate signals behind a score, kept for the reason shown to the user."""

    terms: float
    grams: float
    phrases: float
    position: float
    base: float  # the content signals alone, without the position bonus
    score: float


class Scorer:
    """Scores pairs of profiles with an idf computed from both texts."""

    def __init__(self, corpus: Iterable[UnitProfile], shorter_text: int = POSITION_FULL_SIZE) -> None:
        df: Counter[str] = Counter()
        size = 0
        for p in corpus:
            df.update(p.terms.keys())
            size += 1
        self._idf = {
            t: LIGHT_TERMS.get(t, 1.0) * (1.0 + math.log((size + IDF_PRIOR) / (n + IDF_PRIOR)))
            for t, n in df.items()
        }
        self._default_idf = 1.0 + math.log((size + IDF_PRIOR) / (1 + IDF_PRIOR))
        self._position_bonus = POSITION_BONUS * min(1.0, shorter_text / POSITION_FULL_SIZE)
        # Vectors by profile identity; the profile is kept alongside so its id cannot be reused.
        self._vectors: dict[int, tuple[UnitProfile, dict[str, float], float]] = {}

    def idf(self, term: str) -> float:
        return self._idf.get(term, self._default_idf)

    def vector(self, p: UnitProfile) -> dict[str, float]:
        return self._weighted(p)[0]

    def _weighted(self, p: UnitProfile) -> tuple[dict[str, float], float]:
        hit = self._vectors.get(id(p))
        if hit is None:
            vector = {t: (1.0 + math.log(n)) * self.idf(t) for t, n in p.terms.items()}
            hit = (p, vector, math.sqrt(sum(w * w for w in vector.values())))
            self._vectors[id(p)] = hit
        return hit[1], hit[2]

    def signals(self, a: UnitProfile, b: UnitProfile) -> Signals:
        terms = _cosine(self._weighted(a), self._weighted(b))
        grams = _set_cosine(a.grams, b.grams)
        phrases = _dice(a.pairs, b.pairs)
        base = TERM_WEIGHT * terms + GRAM_WEIGHT * grams + PHRASE_WEIGHT * phrases
        closeness = max(0.0, 1.0 - 4.0 * abs(a.position - b.position))
        # Position only breaks near-ties between pairs that already share content.
        bonus = self._position_bonus * closeness * min(1.0, base / 0.3)
        return Signals(terms, grams, phrases, closeness, base, min(1.0, base + bonus))

    def score(self, a: UnitProfile, b: UnitProfile) -> float:
        """`signals(a, b).score` without building the record: this runs for every candidate pair."""
        va, na = self._weighted(a)
        vb, nb = self._weighted(b)
        if len(va) > len(vb):
            va, vb = vb, va
        dot = sum([w * vb[t] for t, w in va.items() if t in vb])
        ga, gb, pa, pb = a.grams, b.grams, a.pairs, b.pairs
        base = (
            (TERM_WEIGHT * dot / (na * nb) if dot else 0.0)
            + (GRAM_WEIGHT * len(ga & gb) / math.sqrt(len(ga) * len(gb)) if ga and gb else 0.0)
            + (PHRASE_WEIGHT * 2.0 * len(pa & pb) / (len(pa) + len(pb)) if pa and pb else 0.0)
        )
        closeness = max(0.0, 1.0 - 4.0 * abs(a.position - b.position))
        return min(1.0, base + self._position_bonus * closeness * min(1.0, base / 0.3))

    def containment(self, part: UnitProfile, whole: UnitProfile) -> float:
        """The idf-weighted share of `part`'s terms that also occur in `whole`."""
        total = sum(self.idf(t) for t in part.terms)
        if total == 0.0:
            return 0.0
        return sum(self.idf(t) for t in part.terms if t in whole.terms) / total

    def shared_terms(self, a: UnitProfile, b: UnitProfile, limit: int = 4) -> list[str]:
        """The rarest terms both profiles hold, most telling first."""
        shared = sorted(set(a.terms) & set(b.terms), key=lambda t: (-self.idf(t), t))
        return shared[:limit]


def _cosine(a: tuple[dict[str, float], float], b: tuple[dict[str, float], float]) -> float:
    (va, na), (vb, nb) = a, b
    if not va or not vb:
        return 0.0
    if len(va) > len(vb):
        va, vb = vb, va
    dot = sum(w * vb[t] for t, w in va.items() if t in vb)
    return min(1.0, dot / (na * nb)) if dot else 0.0


def _set_cosine(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def _dice(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> float:
    if not a or not b:
        return 0.0
    return 2.0 * len(a & b) / (len(a) + len(b))


def explain(scorer: Scorer, a: UnitProfile, b: UnitProfile, signals: Signals | None = None) -> str:
    """A one-line reason for a link, for people: the words the two units share (and the equivalent
    words the lexicon matched, as "promote ≈ foster"), how alike they are, and whether they sit in the
    same place."""
    if a.surface == b.surface:
        return "same words"
    s = signals or scorer.signals(a, b)
    parts: list[str] = []
    shared = scorer.shared_terms(a, b)
    if shared:
        words_a, words_b = _surface_of_terms(a.surface), _surface_of_terms(b.surface)
        shown = [
            _shown(words_a.get(t, _READABLE.get(t, t)), words_b.get(t, _READABLE.get(t, t))) for t in shared
        ]
        parts.append("shares " + ", ".join(shown))
    parts.append(f"terms {s.terms:.0%}, word forms {s.grams:.0%}")
    if s.phrases > 0:
        parts.append(f"phrases {s.phrases:.0%}")
    parts.append("same place" if s.position >= 0.75 else "elsewhere in the text")
    return "; ".join(parts)


# Phrase tokens ("ruleoflaw") as a reader would say them ("rule of law").
_READABLE: dict[str, str] = {}
for _phrase, _token in PHRASES.items():
    _READABLE.setdefault(_token, _phrase)


def _surface_of_terms(surface: tuple[str, ...]) -> dict[str, str]:
    """The first word of a text behind each of its canonical terms."""
    found: dict[str, str] = {}
    for word in surface:
        for term in word_terms(word):
            found.setdefault(term, word)
    return found


def _shown(word_a: str, word_b: str) -> str:
    return word_a if word_a == word_b else f"{word_a} ≈ {word_b}"
