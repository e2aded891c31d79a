"""compare_documents: one diff per link, counts, lookups, agreed and new language, progress, cancel."""

from __future__ import annotations

import pytest

from kyoto_desk.core.build import UnitSpec, build_document
from kyoto_desk.core.compare import Comparison, ComparisonCancelled, compare_documents
from kyoto_desk.core.links import LinkKind, Pin
from kyoto_desk.core.model import Document, DocumentInfo
from kyoto_desk.core.report import comparison_dict
from kyoto_desk.core.themes import load_lexicon
from kyoto_desk.errors import KyotoDeskError
from kyoto_desk.sources.bundled import load_bundled
from tests.core.revisions import make_revision


@pytest.fixture(scope="module")
def kyoto() -> Document:
    return load_bundled("kyoto").declaration()


@pytest.fixture(scope="module", params=["light", "mixed", "restructured"])
def compared(request: pytest.FixtureRequest, kyoto: Document) -> Comparison:
    pair = make_revision(kyoto, request.param, 3)
    return compare_documents(pair.old, pair.new, lexicon=load_lexicon())


def synthetic(*texts: str, title: str = "SYNTHETIC TEST TEXT") -> Document:
    return build_document([UnitSpec(str(i + 1), t) for i, t in enumerate(texts)], DocumentInfo(title=title))


def test_every_link_has_its_own_diff(compared: Comparison) -> None:
    assert len(compared.diffs) == len(compared.links)
    for link, diff in zip(compared.links, compared.diffs, strict=True):
        assert (diff.old_ids, diff.new_ids) == (link.old, link.new)
        assert compared.diff_for(link) is diff


def test_every_unit_is_accounted_for(compared: Comparison) -> None:
    for unit in compared.old.units:
        link = compared.link_for_old(unit.id)
        assert (link is None) == (unit.id in compared.alignment.removed)
        assert link is None or unit.id in link.old
    for unit in compared.new.units:
        link = compared.link_for_new(unit.id)
        assert (link is None) == (unit.id in compared.alignment.added)
    assert set(compared.themes_old) == {u.id for u in compared.old.units}
    assert set(compared.themes_new) == {u.id for u in compared.new.units}
    assert set(compared.agreed_share_new) == set(compared.new_language) == {u.id for u in compared.new.units}


def test_counts_match_the_links(compared: Comparison) -> None:
    counts = compared.counts()
    kinds = [link.kind for link in compared.links]
    assert counts.continued == len(kinds)
    assert (
        counts.continued == counts.identical + counts.modified + counts.moved + counts.split + counts.merged
    )
    assert counts.split == kinds.count(LinkKind.SPLIT)
    assert (counts.added, counts.removed) == (len(compared.alignment.added), len(compared.alignment.removed))


def test_identical_links_have_no_changes_and_no_new_language(compared: Comparison) -> None:
    for link, diff in zip(compared.links, compared.diffs, strict=True):
        if link.kind is LinkKind.IDENTICAL:
            assert not diff.changed
            assert all(not compared.new_language[i] for i in link.new)


def test_comparing_a_text_with_itself(kyoto: Document) -> None:
    result = compare_documents(kyoto, kyoto)
    assert result.counts().identical == len(kyoto)
    assert all(
        share == 1.0
        for uid, share in result.agreed_share_new.items()
        if len(kyoto.unit(uid).text.split()) >= 6
    )
    assert not any(result.new_language.values())


def test_added_unit_is_new_language_unless_agreed() -> None:
    old = synthetic("We will promote the rule of law at the national and international levels.")
    new = synthetic(
        "We will promote the rule of law at the national and international levels.",
        "Quantum ledgers shall be audited yearly by independent panels.",
    )
    result = compare_documents(old, new)
    assert result.alignment.added == ("2",)
    (span,) = result.new_language["2"]
    assert (
        new.unit("2").text[span[0] : span[1]]
        == "Quantum ledgers shall be audited yearly by independent panels"
    )
    assert result.new_language["1"] == ()


def test_results_are_deterministic(compared: Comparison) -> None:
    again = compare_documents(compared.old, compared.new, lexicon=compared.lexicon)
    assert comparison_dict(again) == comparison_dict(compared)


def test_pins_reach_the_alignment() -> None:
    old = synthetic("Combat corruption in all its forms.", "Protect the victims of crime.")
    new = synthetic("Protect the victims of crime.", "Fight corruption in every form.")
    result = compare_documents(old, new, pins=(Pin(("2",), ("2",)),))
    link = result.link_for_old("2")
    assert link is not None and link.new == ("2",) and link.pinned


def test_progress_rises_to_one(kyoto: Document) -> None:
    seen: list[float] = []
    compare_documents(kyoto, kyoto, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen) and len(seen) >= 5


@pytest.mark.parametrize("after", [0, 1, 3])
def test_cancel_stops_the_comparison(kyoto: Document, after: int) -> None:
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > after

    with pytest.raises(ComparisonCancelled) as caught:
        compare_documents(kyoto, kyoto, is_cancelled=cancelled)
    assert isinstance(caught.value, KyotoDeskError) and caught.value.hint


@pytest.mark.parametrize("cancel", [False, True])
def test_garbage_collector_is_restored(kyoto: Document, cancel: bool) -> None:
    import gc

    assert gc.isenabled()
    try:
        compare_documents(kyoto, kyoto, is_cancelled=lambda: cancel)
    except ComparisonCancelled:
        assert cancel
    assert gc.isenabled()


def test_clear_caches_forgets_every_text(kyoto: Document) -> None:
    """Benchmarks time first comparisons with it: nothing remembered by unit text may survive."""
    from kyoto_desk.core import agreed, similarity, themes
    from kyoto_desk.core.compare import clear_caches

    caches = [similarity._text_features, similarity._term_concepts, agreed._text_words, themes._forms]
    pair = make_revision(kyoto, "mixed", 5)
    compare_documents(pair.old, pair.new, lexicon=load_lexicon())
    assert all(cache.cache_info().currsize for cache in caches)
    clear_caches()
    assert [cache.cache_info().currsize for cache in caches] == [0, 0, 0, 0]
