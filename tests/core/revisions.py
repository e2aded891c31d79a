"""Revision pairs with known truth, generated from a real text: the test bed of the aligner.

`make_revision(document, profile, seed)` returns the document, a revised version built with
`core.build.build_document`, and the truth: which old units became which new units, which are new and
which were dropped. The revision applies, on disjoint units: deletions, merges of neighbours, splits at
a clause boundary, light edits, heavy rewrites (formula verbs swapped, qualifiers such as "as
appropriate" inserted, a clause deleted), moves, insertions of new synthetic paragraphs, and
renumbering of every operative paragraph. Seeded: the same seed gives the same pair.
"""

from __future__ import annotations

import random
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from kyoto_desk.core.build import UnitSpec, build_document
from kyoto_desk.core.links import Alignment
from kyoto_desk.core.model import Document, DocumentInfo, UnitKind

GOLD_DIR = Path(__file__).parent / "gold"
T = TypeVar("T")

# Formula swaps a drafter makes between revisions: (pattern, replacement), applied case-sensitively.
FORMULA_SWAPS: tuple[tuple[str, str], ...] = (
    (r"\bundertake\b", "commit"),
    (r"\bpromote\b", "foster"),
    (r"\bPromote\b", "Foster"),
    (r"\benhance\b", "strengthen"),
    (r"\bEnhance\b", "Strengthen"),
    (r"\bstrengthen\b", "reinforce"),
    (r"\bStrengthen\b", "Reinforce"),
    (r"\bdevelop\b", "elaborate"),
    (r"\bDevelop\b", "Elaborate"),
    (r"\bimplement\b", "apply"),
    (r"\bensure\b", "guarantee"),
    (r"\bcombat\b", "counter"),
    (r"\bcountries\b", "States"),
    (r"\beffective\b", "efficient"),
    (r"\bmeasures\b", "steps"),
    (r"\bEncourage\b", "Promote"),
    (r"\bencourage\b", "promote"),
    (r"\bsupport\b", "assist"),
    (r"\bimprove\b", "enhance"),
    (r"\bImprove\b", "Enhance"),
    (r"\bprovide\b", "offer"),
    (r"\bshare\b", "exchange"),
    (r"\bcooperation\b", "collaboration"),
    (r"\bincluding\b", "in particular"),
    (r"\bconsider\b", "take into account"),
    (r"\bassistance\b", "support"),
    (r"\bcapacity\b", "capabilities"),
    (r"\blegislation\b", "laws"),
)
QUALIFIERS = (
    "as appropriate",
    "where appropriate",
    "in accordance with domestic law",
    "in accordance with national legislation",
    "within existing resources",
    "on a voluntary basis",
    "as necessary",
)


@dataclass(frozen=True, slots=True)
class Profile:
    """Shares of the units each operation touches."""

    name: str
    edit: float
    rewrite: float
    move: float
    split: float
    merge: float
    delete: float
    insert: float


PROFILES: dict[str, Profile] = {
    p.name: p
    for p in (
        Profile("light", edit=0.2, rewrite=0.05, move=0.03, split=0.02, merge=0.02, delete=0.03, insert=0.03),
        Profile("mixed", edit=0.25, rewrite=0.2, move=0.1, split=0.05, merge=0.05, delete=0.06, insert=0.06),
        Profile("heavy", edit=0.1, rewrite=0.6, move=0.1, split=0.05, merge=0.05, delete=0.08, insert=0.08),
        Profile(
            "restructured", edit=0.2, rewrite=0.2, move=0.34, split=0.05, merge=0.05, delete=0.05, insert=0.05
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Truth:
    """What the revision did: links as (old ids, new ids), plus added and removed ids."""

    links: frozenset[tuple[tuple[str, ...], tuple[str, ...]]]
    added: frozenset[str]
    removed: frozenset[str]
    moved: frozenset[str]  # old ids of the units the generator moved


@dataclass(frozen=True, slots=True)
class RevisionPair:
    old: Document
    new: Document
    truth: Truth


@dataclass(slots=True)
class _Item:
    """A unit of the revision being made, with the old units it comes from (none if inserted)."""

    text: str
    origin: tuple[str, ...]
    headings: tuple[str, ...]
    kind: UnitKind
    moved: bool = False
    pieces: tuple[str, ...] = ()  # set when the unit is split: the texts of the new units
    new_ids: list[str] = field(default_factory=list)


def synthetic_insertions() -> list[str]:
    with (GOLD_DIR / "synthetic_insertions.toml").open("rb") as handle:
        return list(tomllib.load(handle)["paragraphs"])


def make_revision(document: Document, profile: Profile | str, seed: int) -> RevisionPair:
    """`document` and a revision of it made with `profile`'s shares, reproducibly from `seed`."""
    profile = PROFILES[profile] if isinstance(profile, str) else profile
    rng = random.Random(f"{profile.name}:{seed}")
    items = [_Item(u.text, (u.id,), u.headings, u.kind) for u in document.units]
    pool = list(range(len(items)))
    rng.shuffle(pool)
    take = _Taker(pool, len(items))
    removed = {items[k].origin[0] for k in take(profile.delete)}
    for k in take(profile.merge):
        if k + 1 < len(items) and take.claim(k + 1):
            items[k] = _merge(items[k], items[k + 1])
            items[k + 1].origin = ()  # consumed by the merge
    for k in take(profile.split):
        if len(items[k].text.split()) >= 30:  # shorter paragraphs are not split by drafters either
            items[k].pieces = _split_text(items[k].text)
    for k in take(profile.edit):
        items[k].text = _light_edit(items[k].text, rng)
    for k in take(profile.rewrite):
        items[k].text = heavy_rewrite(items[k].text, rng)
    kept = [it for it in items if it.origin and it.origin[0] not in removed]
    kept = _explode_splits(kept)
    _move(kept, rng, round(profile.move * len(items)))
    _insert(kept, rng, max(1, round(profile.insert * len(items))))
    new = _build(kept, document)
    return RevisionPair(document, new, _truth(kept, removed, document))


class _Taker:
    """Hands out disjoint unit indices, so that operations never stack on one unit."""

    def __init__(self, pool: list[int], size: int) -> None:
        self._pool = pool
        self._size = size
        self._used: set[int] = set()

    def __call__(self, share: float) -> list[int]:
        wanted = round(share * self._size)
        chosen: list[int] = []
        while self._pool and len(chosen) < wanted:
            k = self._pool.pop()
            if k not in self._used:
                self._used.add(k)
                chosen.append(k)
        return sorted(chosen)

    def claim(self, k: int) -> bool:
        if k in self._used:
            return False
        self._used.add(k)
        return True


def _merge(a: _Item, b: _Item) -> _Item:
    joined = a.text.rstrip(";.: ") + ", and " + b.text[:1].lower() + b.text[1:]
    return _Item(joined, a.origin + b.origin, a.headings, a.kind)


def _split_text(text: str) -> tuple[str, str]:
    """Split at the comma or semicolon nearest the middle; both halves keep a fair share of the words."""
    # A drafter splits where each half still says something: at least eight words on either side.
    cuts = [
        m.end()
        for m in re.finditer(r"[,;] ", text)
        if 8 <= len(text[: m.end()].split()) <= len(text.split()) - 8
    ]
    middle = len(text) / 2
    cut = min(cuts, key=lambda c: (abs(c - middle), c)) if cuts else len(text) // 2
    first, second = text[:cut].rstrip(",; ") + ";", text[cut:].strip()
    return first, "Also " + second[:1].lower() + second[1:]


def _explode_splits(items: list[_Item]) -> list[_Item]:
    out: list[_Item] = []
    for it in items:
        if it.pieces:
            out.extend(_Item(piece, it.origin, it.headings, it.kind) for piece in it.pieces)
        else:
            out.append(it)
    return out


def _light_edit(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for _ in range(rng.randint(1, 3)):
        k = rng.randrange(len(words))
        if rng.random() < 0.5 and len(words) > 8:
            del words[k]
        else:
            words[k] = rng.choice(("further", "all", "relevant", "concrete", "national", "new", "key"))
    return " ".join(words)


def heavy_rewrite(text: str, rng: random.Random) -> str:
    """Swap formula verbs, insert a qualifier or two, and delete a clause if the paragraph has several."""
    for pattern, replacement in FORMULA_SWAPS:
        if rng.random() < 0.8:
            text = re.sub(pattern, replacement, text)
    clauses = re.split(r"(?<=,) ", text)
    if len(clauses) > 3:
        del clauses[rng.randrange(1, len(clauses))]
    for _ in range(rng.randint(1, 2)):
        at = rng.randrange(1, len(clauses) + 1) if len(clauses) > 1 else 1
        clauses.insert(at, rng.choice(QUALIFIERS) + ",")
    return " ".join(clauses)


def _move(items: list[_Item], rng: random.Random, count: int) -> None:
    for _ in range(count):
        candidates = [k for k, it in enumerate(items) if not it.moved]
        if len(candidates) < 2:
            return
        k = rng.choice(candidates)
        item = items.pop(k)
        item.moved = True
        # Far enough to be a real move: at least a tenth of the text away.
        target = rng.randrange(len(items) + 1)
        while abs(target - k) < max(2, len(items) // 10):
            target = rng.randrange(len(items) + 1)
        items.insert(target, item)


def _insert(items: list[_Item], rng: random.Random, count: int) -> None:
    texts = synthetic_insertions()
    rng.shuffle(texts)
    for text in texts[:count]:
        at = rng.randrange(len(items) + 1)
        neighbour = items[min(at, len(items) - 1)]
        items.insert(at, _Item(text, (), neighbour.headings, UnitKind.OPERATIVE))


def _build(items: list[_Item], old: Document) -> Document:
    specs: list[UnitSpec] = []
    counters = {UnitKind.PREAMBLE: 0, UnitKind.OPERATIVE: 0}
    for it in items:
        kind = it.kind if it.kind in counters else UnitKind.OPERATIVE
        counters[kind] += 1
        new_id = f"pp{counters[kind]}" if kind is UnitKind.PREAMBLE else str(counters[kind])
        it.new_ids.append(new_id)
        specs.append(UnitSpec(new_id, it.text, kind, headings=it.headings))
    info = DocumentInfo(title=f"{old.title} (SYNTHETIC REVISION)", alias="synthetic-revision")
    return build_document(specs, info)


def _truth(items: list[_Item], removed: set[str], old: Document) -> Truth:
    by_origin: dict[tuple[str, ...], list[str]] = {}
    for it in items:
        if it.origin:
            by_origin.setdefault(it.origin, []).extend(it.new_ids)
    return Truth(
        links=frozenset((origin, tuple(new_ids)) for origin, new_ids in by_origin.items()),
        added=frozenset(i for it in items if not it.origin for i in it.new_ids),
        removed=frozenset(removed),
        moved=frozenset(o for it in items if it.moved for o in it.origin),
    )


def link_pairs(links: frozenset[tuple[tuple[str, ...], tuple[str, ...]]]) -> set[tuple[str, str]]:
    """Every (old id, new id) a set of links connects: splits and merges count once per pair."""
    return {(o, n) for olds, news in links for o in olds for n in news}


def f1(found: set[T], truth: set[T]) -> float:
    if not found and not truth:
        return 1.0
    hits = len(found & truth)
    precision = hits / len(found) if found else 0.0
    recall = hits / len(truth) if truth else 0.0
    return 0.0 if hits == 0 else 2 * precision * recall / (precision + recall)


def scores(alignment: Alignment, truth: Truth) -> tuple[float, float]:
    """(link F1 over old-new id pairs, added/removed F1 over signed ids) of an alignment."""
    found_links = link_pairs(frozenset((link.old, link.new) for link in alignment.links))
    found_unmatched = {f"+{i}" for i in alignment.added} | {f"-{i}" for i in alignment.removed}
    true_unmatched = {f"+{i}" for i in truth.added} | {f"-{i}" for i in truth.removed}
    return f1(found_links, link_pairs(truth.links)), f1(found_unmatched, true_unmatched)
