"""Alignment quality on the hand-written gold paraphrases (SYNTHETIC TEST TEXT, tests/core/gold/).

The protocols are defined in tests/core/gold/scoring.py. Issue 3 targets precision >= 0.95 and recall
>= 0.9; the aligner reaches them on paraphrases.toml in the paired protocol (0.97 / 0.94), the other
protocols are held to what they measure. The held-out sets score far lower (see
the README, "Paragraph alignment"): paraphrases_holdout.toml was read while tuning the second pass and is
tuning data now; paraphrases_blind.toml was never looked at pair by pair.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoto_desk.core.align import align_units
from kyoto_desk.core.unformula import WORD_RE, stem
from tests.core.gold.scoring import (
    BLIND_FILE,
    GOLD_FILE,
    HOLDOUT_FILE,
    GoldPair,
    difflib_align,
    document,
    isolated,
    load_gold,
    paired,
)

# Plain English function words: the measure of rewording must not depend on the aligner's own lexicon.
FUNCTION_WORDS = frozenset(
    """a an the and or nor but of in on at by for with to into from as such that this these those their
    them they it its be is are was were been being which who whom whose so than then there also all any
    other including through among between against about upon within without we our may can""".split()
)


def content_stems(text: str) -> set[str]:
    return {stem(w) for w in WORD_RE.findall(text.lower()) if w not in FUNCTION_WORDS}


@pytest.fixture(scope="module")
def gold() -> list[GoldPair]:
    return load_gold()


@pytest.mark.parametrize("path", [GOLD_FILE, HOLDOUT_FILE, BLIND_FILE], ids=lambda p: p.name)
def test_gold_set_is_reworded_enough(path: Path) -> None:
    entries = load_gold(path)
    assert len(entries) >= (30 if path == GOLD_FILE else 15)
    assert len({g.id for g in entries}) == len(entries)
    for g in entries:
        original = content_stems(g.original)
        survived = original & content_stems(g.paraphrase)
        assert len(survived) < len(original) / 2, (g.id, sorted(survived))
        assert g.distractor not in (g.original, g.paraphrase)


def test_document_protocol_floor(gold: list[GoldPair]) -> None:
    result = document(align_units, gold)
    assert result.precision >= 0.95
    assert result.recall >= 0.94


def test_isolated_protocol_floor(gold: list[GoldPair]) -> None:
    result = isolated(align_units, gold)
    assert result.recall >= 0.94
    # With no competitor a near miss meets the threshold alone; the thesaurus lifts some over it.
    assert result.precision >= 0.75


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_paired_protocol_target(gold: list[GoldPair], seed: int) -> None:
    # The issue 3 target, on the set the weights and the lexicon were tuned on.
    result = paired(align_units, gold, seed)
    assert result.precision >= 0.95
    assert result.recall >= 0.9


def test_difflib_baseline_finds_no_paraphrase(gold: list[GoldPair]) -> None:
    # What plain string similarity does on the same data: the reason for the aligner's signals.
    assert paired(difflib_align, gold).recall <= 0.1


@pytest.mark.parametrize(("path", "found"), [(HOLDOUT_FILE, 8), (BLIND_FILE, 4)], ids=["holdout", "blind"])
def test_held_out_sets_beat_the_baseline(path: Path, found: int) -> None:
    # Far from the target (see the README); held to what they measure so that a loss is noticed.
    entries = load_gold(path)
    ours, baseline = document(align_units, entries), document(difflib_align, entries)
    assert ours.recall > baseline.recall
    assert ours.true_positives >= found
