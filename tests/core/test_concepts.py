"""core.concepts and its use in core.similarity: related words from the shipped thesaurus table."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoto_desk.core import concepts as concepts_module
from kyoto_desk.core.concepts import TABLE_FILE, ConceptTableError, concepts, related
from kyoto_desk.core.similarity import Scorer, profile
from kyoto_desk.paths import resources_dir
from tests.core.gold.scoring import GOLD_FILE, load_gold


def test_table_ships_with_its_licence() -> None:
    table = resources_dir() / TABLE_FILE
    assert table.stat().st_size < 1_500_000  # small enough to ship inside the package
    assert (table.parent / "WORDNET-LICENSE.txt").is_file()


@pytest.mark.parametrize(
    ("word_a", "word_b"),
    [
        ("kidnapping", "abductions"),
        ("prisoners", "inmates"),
        ("hostages", "captives"),
        ("quickly", "rapidly"),
    ],
)
def test_inflected_synonyms_are_related(word_a: str, word_b: str) -> None:
    assert related(word_a, word_b)
    assert related(word_b, word_a)


@pytest.mark.parametrize(("word_a", "word_b"), [("firearms", "cattle"), ("corruption", "smuggling")])
def test_different_things_are_not_related(word_a: str, word_b: str) -> None:
    assert not related(word_a, word_b)


def test_unknown_word_has_no_concepts() -> None:
    assert concepts("xqzvw") == frozenset()


def test_soft_cosine_is_symmetric_and_never_below_the_literal_one() -> None:
    for g in load_gold(GOLD_FILE)[:12]:
        for other in (g.paraphrase, g.distractor):
            a, b = profile(g.original, 0.0), profile(other, 1.0)
            scorer = Scorer([a, b])
            forward, backward = scorer.signals(a, b), scorer.signals(b, a)
            assert forward.soft == pytest.approx(backward.soft)
            assert forward.soft >= forward.terms - 1e-9


def test_damaged_table_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "align").mkdir()
    (tmp_path / "align" / "concepts.tsv.gz").write_bytes(b"not gzip")
    monkeypatch.setattr(concepts_module, "resources_dir", lambda: tmp_path)
    concepts_module._table.cache_clear()
    try:
        with pytest.raises(ConceptTableError) as caught:
            concepts_module._table()
        assert "Reinstall" in caught.value.hint
    finally:
        concepts_module._table.cache_clear()
