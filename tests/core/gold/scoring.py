"""How alignment quality is measured: the gold paraphrase set, its two protocols, and a difflib baseline.

Protocols on the gold set (`paraphrases.toml`):

- paired (the one the tests hold to precision >= 0.95 and recall >= 0.9): for each entry the old
  text is the original alone, the new text holds the paraphrase and the distractor, in an order drawn
  from the seed. A link original-paraphrase is a true positive, any link to the distractor a false
  positive. Precision = TP / (TP + FP), recall = TP / entries.
- isolated: the original is aligned against its paraphrase alone (one unit each) and, separately,
  against its distractor alone. Counted as above. Harsher: with no competitor, a near miss is judged by
  the absolute threshold only, and with two units the texts give no idf.
- document: all originals form the old text; paraphrases and distractors, shuffled (seeded), form the
  new text. Every linked (old, new) pair counts: correct when it joins an original to its own
  paraphrase. Precision = correct / linked pairs, recall = correct / pairs.

The baseline is what a plain approach does: difflib's SequenceMatcher ratio on the word sequences
(autojunk off), every pair of units scored, one-to-one from the best ratio down above a threshold.
"""

from __future__ import annotations

import difflib
import random
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kyoto_desk.core.build import UnitSpec, build_document
from kyoto_desk.core.links import Alignment, Link, LinkKind
from kyoto_desk.core.model import Document, DocumentInfo
from kyoto_desk.core.unformula import surface_words

GOLD_FILE = Path(__file__).parent / "paraphrases.toml"
HOLDOUT_FILE = Path(__file__).parent / "paraphrases_holdout.toml"
BLIND_FILE = Path(__file__).parent / "paraphrases_blind.toml"
DIFFLIB_THRESHOLD = 0.5

Aligner = Callable[[Document, Document], Alignment]


@dataclass(frozen=True, slots=True)
class GoldPair:
    id: str
    original: str
    paraphrase: str
    distractor: str


@dataclass(frozen=True, slots=True)
class PrecisionRecall:
    precision: float
    recall: float
    true_positives: int
    false_positives: int
    total: int


def load_gold(path: Path = GOLD_FILE) -> list[GoldPair]:
    with path.open("rb") as handle:
        return [GoldPair(**entry) for entry in tomllib.load(handle)["pair"]]


def single(text: str, unit_id: str = "1") -> Document:
    return build_document([UnitSpec(unit_id, text)], DocumentInfo(title="SYNTHETIC TEST TEXT"))


def _linked(alignment: Alignment) -> set[tuple[str, str]]:
    return {(o, n) for link in alignment.links for o in link.old for n in link.new}


def _rates(tp: int, fp: int, total: int) -> PrecisionRecall:
    precision = tp / (tp + fp) if tp + fp else 1.0
    return PrecisionRecall(precision, tp / total if total else 1.0, tp, fp, total)


def paired(aligner: Aligner, gold: list[GoldPair], seed: int = 0) -> PrecisionRecall:
    rng = random.Random(seed)
    tp = fp = 0
    for g in gold:
        first, second = (g.paraphrase, g.distractor) if rng.random() < 0.5 else (g.distractor, g.paraphrase)
        new = build_document([UnitSpec("1", first), UnitSpec("2", second)])
        paraphrase_id, distractor_id = ("1", "2") if first == g.paraphrase else ("2", "1")
        linked = {n for _, n in _linked(aligner(single(g.original), new))}
        tp += paraphrase_id in linked
        fp += distractor_id in linked
    return _rates(tp, fp, len(gold))


def isolated(aligner: Aligner, gold: list[GoldPair]) -> PrecisionRecall:
    tp = sum(1 for g in gold if _linked(aligner(single(g.original), single(g.paraphrase))))
    fp = sum(1 for g in gold if _linked(aligner(single(g.original), single(g.distractor))))
    return _rates(tp, fp, len(gold))


def document_texts(gold: list[GoldPair], seed: int) -> tuple[Document, Document, set[tuple[str, str]]]:
    """The old and new texts of the document protocol, and the correct (old, new) pairs."""
    old = build_document([UnitSpec(str(k + 1), g.original) for k, g in enumerate(gold)])
    entries = [(g.paraphrase, str(k + 1)) for k, g in enumerate(gold)] + [(g.distractor, "") for g in gold]
    random.Random(seed).shuffle(entries)
    new = build_document([UnitSpec(str(k + 1), text) for k, (text, _) in enumerate(entries)])
    truth = {(origin, str(k + 1)) for k, (_, origin) in enumerate(entries) if origin}
    return old, new, truth


def document(aligner: Aligner, gold: list[GoldPair], seed: int = 0) -> PrecisionRecall:
    old, new, truth = document_texts(gold, seed)
    found = _linked(aligner(old, new))
    return _rates(len(found & truth), len(found - truth), len(truth))


def difflib_align(old: Document, new: Document, threshold: float = DIFFLIB_THRESHOLD) -> Alignment:
    """The baseline aligner: all pairs by SequenceMatcher ratio on words, greedy one-to-one."""
    old_words = [surface_words(u.text) for u in old.units]
    new_words = [surface_words(u.text) for u in new.units]
    scored: list[tuple[float, int, int]] = []
    for i, a in enumerate(old_words):
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(a)  # seq2 is the one difflib indexes; reuse it across the row
        for j, b in enumerate(new_words):
            matcher.set_seq1(b)
            if matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold:
                ratio = matcher.ratio()
                if ratio >= threshold:
                    scored.append((ratio, i, j))
    used_old: set[int] = set()
    used_new: set[int] = set()
    links: list[Link] = []
    for ratio, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            links.append(
                Link((old.units[i].id,), (new.units[j].id,), LinkKind.MODIFIED, ratio, "difflib ratio")
            )
    return Alignment(
        links=tuple(sorted(links, key=lambda link: new.position(link.new[0]))),
        added=tuple(u.id for j, u in enumerate(new.units) if j not in used_new),
        removed=tuple(u.id for i, u in enumerate(old.units) if i not in used_old),
    )
