"""Carrying annotations across generated revisions of the Kyoto Declaration, aligned by the real aligner."""

from __future__ import annotations

import random

import pytest

from kyoto_desk.core.align import align_units
from kyoto_desk.core.anchor import CarryStatus, carry_forward
from kyoto_desk.core.annotation import Annotation, TextPosition, new_annotation
from kyoto_desk.sources.bundled import load_bundled
from tests.core.revisions import make_revision


def _annotate(unit_id: str, text: str, rng: random.Random) -> Annotation:
    words = text.split(" ")
    first = rng.randrange(len(words))
    last = min(len(words), first + rng.randint(2, 8))
    start = len(" ".join(words[:first])) + (1 if first else 0)
    end = len(" ".join(words[:last]))
    return new_annotation("old", unit_id, text, TextPosition(start, max(start, end)))


@pytest.mark.parametrize("profile", ["light", "mixed"])
def test_carried_annotations_keep_their_words_and_never_drift(profile: str) -> None:
    pair = make_revision(load_bundled("kyoto").declaration(), profile, seed=5)
    alignment = align_units(pair.old, pair.new)
    rng = random.Random(profile)
    annotations = [_annotate(u.id, u.text, rng) for u in pair.old.units]
    carried = carry_forward(annotations, pair.new, alignment, "new")
    truth_links = {old: news for olds, news in pair.truth.links for old in olds}
    exact_expected = exact_done = 0
    for item in carried:
        source, result = item.source, item.result
        assert result.document_key == "new" and result.note == source.note
        if source.unit_id in pair.truth.removed:
            assert item.status is CarryStatus.DELETED and result.orphaned
            continue
        if result.orphaned:
            continue
        # Wherever it landed, the span holds the words it quotes (no silent drift).
        text = pair.new.unit(result.unit_id).text
        assert text[result.position.start : result.position.end] == result.quote.exact
        if item.status in (CarryStatus.KEPT, CarryStatus.MOVED):
            assert result.quote.exact == source.quote.exact
        counterparts = truth_links.get(source.unit_id, ())
        if any(source.quote.exact in pair.new.unit(uid).text for uid in counterparts):
            exact_expected += 1
            exact_done += (
                item.status in (CarryStatus.KEPT, CarryStatus.MOVED) and result.unit_id in counterparts
            )
    # Words that survive in the true counterpart are carried there exactly, aligner errors aside.
    assert exact_expected > 50
    assert exact_done / exact_expected >= 0.95, (exact_done, exact_expected)
