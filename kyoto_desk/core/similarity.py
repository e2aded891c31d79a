"""How alike two units are: several cheap signals combined into one score in [0, 1], with the reason.

Signals: cosine of tf-idf vectors over canonical content stems (UN formula equivalents folded, register
words dropped, see `core.unformula`); the same cosine once the words left unmatched on both sides
that a general thesaurus relates (`core.concepts`) count as one term; cosine of character 4-gram
sets of the content words, which sees morphology the light stemmer misses; shared two-term phrases;
and relative position, a small bonus only for pairs that already share content. The idf comes from
both texts together, so the score does not depend on which text is called old.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache, reduce
from itertools import chain, count, pairwise, repeat
from operator import mul, or_

from kyoto_desk.core.concepts import concepts
from kyoto_desk.core.unformula import WORD_RE, fold_phrases, word_terms
from kyoto_desk.core.unformula_lexicon import LIGHT_TERMS, PHRASES, STOP_WORDS

# Weights of the signals, set on the generated revisions and the (tuning) gold paraphrases; see
# bench/eval_alignment.py and the README section "Paragraph alignment" for what they score.
TERM_WEIGHT = 0.8
# Share of the term signal taken by the thesaurus-matched cosine rather than the literal one: the
# lexicon knows the register's formulae, the thesaurus the rest of English; neither alone suffices.
SOFT_SHARE = 0.6
NEAR_IDENTICAL = 0.95
GRAM_WEIGHT = 0.1
PHRASE_WEIGHT = 0.1
POSITION_BONUS = 0.06
# The most the thesaurus can add to a pair's score: the soft cosine replaces at most the literal
# one's share, and the position bonus grows with the base it multiplies.
RELATED_GAIN_MAX = TERM_WEIGHT * SOFT_SHARE + POSITION_BONUS
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
    grams: int  # the character 4-grams of its content words, one bit each (see `_word_grams`)
    pairs: frozenset[str]  # each two terms in a row, as "first second" (see `_text_features`)
    surface: tuple[str, ...]
    position: float  # relative place in its document, 0 (first) to 1 (last)
    words: frozenset[str] = frozenset()  # the content words (stop words left out)

    @property
    def has_content(self) -> bool:
        return bool(self.terms)


# The bit of each character 4-gram ever seen. Sets of grams are bit masks because a pair's shared grams
# are then one `&` and a bit count, where intersecting sets of strings cost the aligner's first pass
# more than anything else. Bits are only added, never reused, so masks made at any time agree; their
# width follows the grams of the language seen so far (tens of thousands at most), a unit's mask stays
# smaller than the set of strings it replaces.
_GRAM_BITS: dict[str, int] = {}
_next_gram_bit = count()  # unique even when two threads meet a new gram at once
# A word met late has a wide mask (its bits are high): remembering every word ever met grew to 230 MB
# over the 75,000 words of the thesaurus; keeping 8,192 holds that to about 30 MB. A comparison of two
# declarations meets 3,000-5,000 distinct words, and a forgotten mask costs microseconds to rebuild.
WORD_MASKS_KEPT = 8192


@lru_cache(maxsize=WORD_MASKS_KEPT)
def _word_grams(word: str) -> int:
    """The mask of the character 4-grams of a word padded with a space at each end; none for a number."""
    if word.isdigit():
        return 0
    padded = f" {word} "
    if len(padded) <= GRAM_SIZE:
        grams = [padded]
    else:
        grams = [padded[i : i + GRAM_SIZE] for i in range(len(padded) - GRAM_SIZE + 1)]
    mask = 0
    for gram in grams:
        bit = _GRAM_BITS.get(gram)
        if bit is None:
            bit = _GRAM_BITS.setdefault(gram, next(_next_gram_bit))
        mask |= 1 << bit
    return mask


def profile(text: str, position: float) -> UnitProfile:
    """The profile of one unit's text at a relative position; a bare lead-in gets an empty one."""
    terms, grams, pairs, surface, words = _text_features(text)
    if is_lead_in_text(text, terms):
        terms, grams, pairs, words = Counter(), 0, frozenset(), frozenset()
    return UnitProfile(terms=terms, grams=grams, pairs=pairs, surface=surface, position=position, words=words)


def clear_text_cache() -> None:
    """Forget the cached features of unit texts (benchmarks time cold comparisons with it)."""
    _text_features.cache_clear()
    _term_concepts.cache_clear()


@lru_cache(maxsize=4096)
def _term_concepts(words: frozenset[str]) -> dict[str, frozenset[int]]:
    """The thesaurus concepts behind each term of a unit (through its words)."""
    by_term: dict[str, frozenset[int]] = {}
    for word in words:
        terms = word_terms(word)
        if not terms:
            continue
        found = concepts(word)
        for term in terms:
            known = by_term.get(term)
            # Most terms come from one word: its own (cached) set serves, no copy of it is made.
            by_term[term] = found if known is None else known | found
    return by_term


def is_lead_in_text(text: str, terms: Counter[str] | None = None) -> bool:
    """Whether `text` only introduces what follows ("We endeavour:", "... take the following actions:"):
    no content terms at all, or a colon at the end and nothing but register words before it."""
    if terms is None:
        terms = _text_features(text)[0]
    if not terms:
        return True
    return text.rstrip().endswith(":") and all(t in LIGHT_TERMS for t in terms)


_Features = tuple[Counter[str], int, frozenset[str], tuple[str, ...], frozenset[str]]


@lru_cache(maxsize=16384)
def _text_features(text: str) -> _Features:
    # Cached by text: revisions share most paragraphs, and the app compares the same texts repeatedly.
    lowered = text.lower()
    surface = WORD_RE.findall(lowered)
    words = fold_phrases(surface)
    terms = list(chain.from_iterable(map(word_terms, words)))
    content = frozenset(words).difference(STOP_WORDS)
    grams = reduce(or_, map(_word_grams, content), 0)
    # Phrases as strings, not pairs of terms: a cached tuple per phrase would be one more object for
    # the garbage collector to walk. No term holds a space, so the string stands for the pair.
    pairs = frozenset(map(" ".join, pairwise(terms)))
    return Counter(terms), grams, pairs, tuple(surface), content


def combine(profiles: Sequence[UnitProfile]) -> UnitProfile:
    """Several units read as one (the pieces of a split, the sources of a merge)."""
    if len(profiles) == 1:
        return profiles[0]
    terms: Counter[str] = Counter()
    for p in profiles:
        terms.update(p.terms)
    return UnitProfile(
        terms=terms,
        grams=reduce(or_, [p.grams for p in profiles]),
        pairs=frozenset().union(*(p.pairs for p in profiles)),
        surface=tuple(w for p in profiles for w in p.surface),
        position=min(p.position for p in profiles),
        words=frozenset().union(*(p.words for p in profiles)),
    )


@dataclass(frozen=True, slots=True)
class Signals:
    """The separate signals behind a score, kept for the reason shown to the user."""

    terms: float
    soft: float  # the term cosine with thesaurus-related leftover words counted as one term
    grams: float
    phrases: float
    position: float
    base: float  # the content signals alone, without the position bonus
    score: float


# A scored pair: its profiles (kept so that their ids stay theirs), the literal dot product and
# cosine, the word-form and phrase signals, whether the thesaurus may change its score, and how many
# word forms and phrases the two share.
_Pair = tuple[UnitProfile, UnitProfile, float, float, float, bool, int, int]


class Scorer:
    """Scores pairs of profiles with an idf computed from both texts."""

    def __init__(self, corpus: Iterable[UnitProfile], shorter_text: int = POSITION_FULL_SIZE) -> None:
        profiles = list(corpus)
        size = len(profiles)
        df = Counter(chain.from_iterable(p.terms for p in profiles))
        # Few distinct document frequencies: one logarithm each, not one per term.
        rarity = {n: 1.0 + math.log((size + IDF_PRIOR) / (n + IDF_PRIOR)) for n in set(df.values())}
        self._idf = {t: LIGHT_TERMS.get(t, 1.0) * rarity[n] for t, n in df.items()}
        self._default_idf = 1.0 + math.log((size + IDF_PRIOR) / (1 + IDF_PRIOR))
        self._position_bonus = POSITION_BONUS * min(1.0, shorter_text / POSITION_FULL_SIZE)
        # Vectors by the identity of the profile's terms, which units of the same text share; the
        # terms are kept alongside so that their id cannot be reused.
        self._vectors: dict[int, tuple[Counter[str], dict[str, float], float]] = {}
        # Dot product and word-form and phrase signals by pair; the profiles are kept so that their
        # ids stay theirs.
        self._pairs: dict[tuple[int, int], _Pair] = {}
        self._related: dict[tuple[int, int], tuple[UnitProfile, UnitProfile, dict[str, str]]] = {}
        self._surfaces: dict[int, tuple[UnitProfile, dict[str, str]]] = {}
        self._concepts: dict[int, tuple[UnitProfile, dict[str, frozenset[int]]]] = {}

    def idf(self, term: str) -> float:
        return self._idf.get(term, self._default_idf)

    def vector(self, p: UnitProfile) -> dict[str, float]:
        return self._weighted(p)[0]

    def _weighted(self, p: UnitProfile) -> tuple[dict[str, float], float]:
        hit = self._vectors.get(id(p.terms)) or self._weigh(p)
        return hit[1], hit[2]

    def _weigh(self, p: UnitProfile) -> tuple[Counter[str], dict[str, float], float]:
        terms = p.terms
        # A term met once weighs its idf: (1 + log 1) * idf is idf exactly. The look-ups run in C,
        # and only the rare repeated terms take the loop.
        vector = dict(zip(terms, map(self._idf.get, terms, repeat(self._default_idf)), strict=True))
        if sum(terms.values()) != len(terms):
            for t, n in terms.items():
                if n != 1:
                    vector[t] = (1.0 + math.log(n)) * vector[t]
        weights = vector.values()
        hit = self._vectors[id(terms)] = (terms, vector, math.sqrt(sum(map(mul, weights, weights))))
        return hit

    def signals(self, a: UnitProfile, b: UnitProfile) -> Signals:
        hit = self._pairs.get((id(a), id(b))) or self._pair(a, b)
        terms, soft = self._related_cosines(a, b, hit[2]) if hit[5] else (hit[3], hit[3])
        grams = _set_cosine(a.grams, b.grams, hit[6])
        phrases = _dice(a.pairs, b.pairs, hit[7])
        base = TERM_WEIGHT * ((1.0 - SOFT_SHARE) * terms + SOFT_SHARE * soft)
        base += GRAM_WEIGHT * grams + PHRASE_WEIGHT * phrases
        closeness = max(0.0, 1.0 - 4.0 * abs(a.position - b.position))
        # Position only breaks near-ties between pairs that already share content.
        bonus = self._position_bonus * closeness * min(1.0, base / 0.3)
        return Signals(terms, soft, grams, phrases, closeness, base, min(1.0, base + bonus))

    def score(self, a: UnitProfile, b: UnitProfile, *, related: bool = True) -> float:
        """`signals(a, b).score` without building the record: this runs for every candidate pair.
        With `related` False the thesaurus is left out (the soft cosine is the literal one): a cheap
        first pass that tells which pairs are worth the look-up."""
        hit = self._pairs.get((id(a), id(b))) or self._pair(a, b)
        terms = soft = hit[3]
        if related and hit[5]:
            terms, soft = self._related_cosines(a, b, hit[2])
        base = TERM_WEIGHT * ((1.0 - SOFT_SHARE) * terms + SOFT_SHARE * soft) + hit[4]
        closeness = max(0.0, 1.0 - 4.0 * abs(a.position - b.position))
        return min(1.0, base + self._position_bonus * closeness * min(1.0, base / 0.3))

    def literal_scores(self, pairs: Iterable[tuple[UnitProfile, UnitProfile]]) -> list[float]:
        """`score(a, b, related=False)` of each pair, remembering each pair as `score` does, in one
        loop: the aligner's first pass scores about ten pairs per unit, and calling `score` for each
        cost a quarter of that pass."""
        remembered, compute = self._pairs.get, self._pair
        bonus, out = self._position_bonus, []
        for a, b in pairs:
            hit = remembered((id(a), id(b))) or compute(a, b)
            base = TERM_WEIGHT * ((1.0 - SOFT_SHARE) * hit[3] + SOFT_SHARE * hit[3]) + hit[4]
            # score() in full, with min and max written out: calls cost more than the arithmetic here.
            closeness = 1.0 - 4.0 * abs(a.position - b.position)
            if closeness > 0.0:
                score = base + bonus * closeness * (base / 0.3 if base < 0.3 else 1.0)
                out.append(score if score < 1.0 else 1.0)
            else:
                out.append(base if base < 1.0 else 1.0)
        return out

    def _pair(self, a: UnitProfile, b: UnitProfile) -> _Pair:
        """What a pair's score needs besides the thesaurus, computed once: the thesaurus pass and the
        link's signals meet again pairs the literal pass has scored."""
        vectors = self._vectors  # the literal pass runs this for every candidate pair
        _, va, na = vectors.get(id(a.terms)) or self._weigh(a)
        _, vb, nb = vectors.get(id(b.terms)) or self._weigh(b)
        small, large = (va, vb) if len(va) <= len(vb) else (vb, va)
        dot = sum([w * large[t] for t, w in small.items() if t in large])
        literal = min(1.0, dot / (na * nb)) if va and vb else 0.0
        # Near-identical wording leaves too few words over for the thesaurus to change much (at most
        # TERM_WEIGHT * SOFT_SHARE * (1 - NEAR_IDENTICAL)); the look-up is skipped there.
        may_relate = bool(va and vb) and dot < NEAR_IDENTICAL * na * nb
        ga, gb, pa, pb = a.grams, b.grams, a.pairs, b.pairs
        shared_grams = (ga & gb).bit_count()
        # Units with the same text share one feature record, so their phrases are one set.
        shared_pairs = len(pa) if pa is pb else len(pa & pb)
        forms = (
            GRAM_WEIGHT * shared_grams / math.sqrt(ga.bit_count() * gb.bit_count()) if ga and gb else 0.0
        ) + (PHRASE_WEIGHT * 2.0 * shared_pairs / (len(pa) + len(pb)) if pa and pb else 0.0)
        hit = (a, b, dot, literal, forms, may_relate, shared_grams, shared_pairs)
        self._pairs[(id(a), id(b))] = hit
        return hit

    def _related_cosines(self, a: UnitProfile, b: UnitProfile, dot: float) -> tuple[float, float]:
        (va, na), (vb, nb) = self._weighted(a), self._weighted(b)
        joined = self.related_terms(a, b)
        if not joined:
            literal = min(1.0, dot / (na * nb))
            return literal, literal
        # A joined group holds terms of one side only, so joining adds its two sums to the dot
        # product and turns the group's squares into the square of its sum in each norm.
        sums: dict[str, list[float]] = {}
        for term, root in sorted(joined.items()):  # a fixed order of sums, whatever the hash seed
            pair = sums.setdefault(root, [0.0, 0.0, 0.0, 0.0])
            if term in va:
                pair[0] += va[term]
                pair[2] += va[term] ** 2
            else:
                pair[1] += vb[term]
                pair[3] += vb[term] ** 2
        soft_dot, square_a, square_b = dot, na * na, nb * nb
        for sum_a, sum_b, squares_a, squares_b in sums.values():
            soft_dot += sum_a * sum_b
            square_a += sum_a * sum_a - squares_a
            square_b += sum_b * sum_b - squares_b
        return min(1.0, dot / (na * nb)), min(1.0, soft_dot / math.sqrt(square_a * square_b))

    def related_terms(self, a: UnitProfile, b: UnitProfile) -> dict[str, str]:
        """For the terms of words that only one side has but that the thesaurus relates to a word
        only the other side has: the term both are counted as (the least of the group, so that the
        result does not depend on which side is `a`). Empty when there are none. Not to be changed:
        the pair's score and its reason share it."""
        hit = self._related.get((id(a), id(b)))
        if hit is None:
            hit = self._related[(id(a), id(b))] = (a, b, self._find_related(a, b))
        return hit[2]

    def surface_words(self, p: UnitProfile) -> dict[str, str]:
        """The first word of the unit behind each of its canonical terms (not to be changed)."""
        hit = self._surfaces.get(id(p))
        if hit is None:
            hit = self._surfaces[id(p)] = (p, _surface_of_terms(p.surface))
        return hit[1]

    def _find_related(self, a: UnitProfile, b: UnitProfile) -> dict[str, str]:
        by_term_a, by_term_b = self._term_concepts(a), self._term_concepts(b)
        only_b = by_term_b.keys() - by_term_a.keys()
        only_a = [(t, by_term_a[t]) for t in by_term_a.keys() - by_term_b.keys()] if only_b else []
        if not only_a:
            return {}
        # The concepts of all of a's leftover terms, for a test in C first: most of b's leftovers
        # relate to nothing.
        reach = frozenset().union(*[found for _, found in only_a])
        parent: dict[str, str] = {}
        for term in only_b:
            found_b = by_term_b[term]
            if found_b.isdisjoint(reach):
                continue
            for other, found_a in only_a:
                if not found_b.isdisjoint(found_a):
                    _union(parent, term, other)
        return {t: _find(parent, t) for t in parent}

    def _term_concepts(self, p: UnitProfile) -> dict[str, frozenset[int]]:
        hit = self._concepts.get(id(p))
        if hit is None:
            hit = self._concepts[id(p)] = (p, _term_concepts(p.words))
        return hit[1]

    def containment(self, part: UnitProfile, whole: UnitProfile) -> float:
        """The idf-weighted share of `part`'s terms that also occur in `whole`."""
        # The greedy pass asks this of every rival of every link: the look-ups run in C, in the terms' order.
        idf, default, terms = self._idf.get, self._default_idf, part.terms
        total = sum(map(idf, terms, repeat(default)))
        if total == 0.0:
            return 0.0
        within = whole.terms
        return sum([idf(t, default) for t in terms if t in within]) / total

    def shared_terms(self, a: UnitProfile, b: UnitProfile, limit: int = 4) -> list[str]:
        """The rarest terms both profiles hold, most telling first."""
        idf, default = self._idf.get, self._default_idf
        shared = sorted(a.terms.keys() & b.terms.keys(), key=lambda t: (-idf(t, default), t))
        return shared[:limit]


def _find(parent: dict[str, str], term: str) -> str:
    while parent[term] != term:
        term = parent[term]
    return term


def _union(parent: dict[str, str], x: str, y: str) -> None:
    parent.setdefault(x, x)
    parent.setdefault(y, y)
    rx, ry = _find(parent, x), _find(parent, y)
    if rx != ry:
        # The lesser term roots the group: the grouping, and so the score, is the same either way round.
        parent[max(rx, ry)] = min(rx, ry)


def _set_cosine(a: int, b: int, shared: int) -> float:
    """The cosine of two sets given as bit masks, from the number of members they share."""
    if not a or not b:
        return 0.0
    return shared / math.sqrt(a.bit_count() * b.bit_count())


def _dice(a: frozenset[str], b: frozenset[str], shared: int) -> float:
    if not a or not b:
        return 0.0
    return 2.0 * shared / (len(a) + len(b))


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
        words_a, words_b = scorer.surface_words(a), scorer.surface_words(b)
        shown = [
            _shown(words_a.get(t, _READABLE.get(t, t)), words_b.get(t, _READABLE.get(t, t))) for t in shared
        ]
        parts.append("shares " + ", ".join(shown))
    related = _related_words(scorer, a, b) if s.soft > s.terms else []
    if related:
        parts.append("related words " + ", ".join(related))
    parts.append(f"terms {s.terms:.0%}, word forms {s.grams:.0%}")
    if s.phrases > 0:
        parts.append(f"phrases {s.phrases:.0%}")
    parts.append("same place" if s.position >= 0.75 else "elsewhere in the text")
    return "; ".join(parts)


def _related_words(scorer: Scorer, a: UnitProfile, b: UnitProfile, limit: int = 3) -> list[str]:
    """Pairs of words the thesaurus joined, as "kidnapping ~ abductions"."""
    words_a, words_b = scorer.surface_words(a), scorer.surface_words(b)
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for term, root in sorted(scorer.related_terms(a, b).items()):
        side_a, side_b = groups.setdefault(root, ([], []))
        if term in words_a:
            side_a.append(words_a[term])
        elif term in words_b:
            side_b.append(words_b[term])
    shown = [f"{side_a[0]} ~ {side_b[0]}" for side_a, side_b in groups.values() if side_a and side_b]
    return shown[:limit]


# Phrase tokens ("ruleoflaw") as a reader would say them ("rule of law").
_READABLE: dict[str, str] = {}
for _phrase, _token in PHRASES.items():
    _READABLE.setdefault(_token, _phrase)


def _surface_of_terms(surface: tuple[str, ...]) -> dict[str, str]:
    """The first word of a text behind each of its canonical terms."""
    found: dict[str, str] = {}
    for word in dict.fromkeys(surface):  # each word once: its terms are the same every time
        for term in word_terms(word):
            found.setdefault(term, word)
    return found


def _shown(word_a: str, word_b: str) -> str:
    return word_a if word_a == word_b else f"{word_a} ≈ {word_b}"
