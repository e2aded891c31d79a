"""Word diff of linked units: spans, offsets per unit, minor changes, long inputs."""

from __future__ import annotations

import importlib
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyoto_desk.core import worddiff
from kyoto_desk.core.model import Unit, UnitKind
from kyoto_desk.core.worddiff import ChangeNature, DiffOp, DiffSpan, WordDiff, diff_units

# The package re-exports a class under the submodule's name, so fetch the module itself.
dmp_module = importlib.import_module("diff_match_patch.diff_match_patch")


@pytest.fixture(params=["fast", "python"], autouse=True)
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs on both engines: the C++ one when installed, and the pure-Python one."""
    if request.param == "python":
        monkeypatch.setattr(worddiff, "_fast", None)
    elif worddiff._fast is None:
        pytest.skip("fast-diff-match-patch is not installed")
    return str(request.param)


def unit(unit_id: str, text: str) -> Unit:
    return Unit(unit_id, UnitKind.OPERATIVE, text, 0, len(text))


def rebuilt(diff: WordDiff, units: list[Unit], side: str) -> dict[str, str]:
    """Each unit's text as the diff's spans give it back, in offset order."""
    out = {}
    for u in units:
        spans = diff.spans_in_old(u.id) if side == "old" else diff.spans_in_new(u.id)
        locs = [(s.old if side == "old" else s.new, s.text) for s in spans]
        locs.sort(key=lambda pair: pair[0].start if pair[0] else 0)
        out[u.id] = "".join(text for _, text in locs)
    return out


def changes(diff: WordDiff) -> list[tuple[str, str]]:
    return [(s.op.value, s.text) for s in diff.spans if s.op is not DiffOp.EQUAL]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("We undertake to act.", "We undertake to act.", []),
        ("We undertake to act.", "We commit to act.", [("delete", "undertake"), ("insert", "commit")]),
        (
            "promote the rule of law",
            "promote, as appropriate, the rule of law",
            [("insert", ", as appropriate,")],
        ),
        ("combat crime and terrorism", "combat crime", [("delete", " and terrorism")]),
        ("", "New text.", [("insert", "New text.")]),
        ("Old text.", "", [("delete", "Old text.")]),
    ],
)
def test_changes_are_whole_words(old: str, new: str, expected: list[tuple[str, str]]) -> None:
    assert changes(diff_units([unit("o", old)], [unit("n", new)])) == expected


@pytest.mark.parametrize(
    ("old", "new", "nature"),
    [
        ("the rule of law, and justice", "the rule of law; and justice", ChangeNature.PUNCTUATION),
        ("the Rule of Law and justice", "the rule of law and justice", ChangeNature.CASE),
        ("the rule of law and justice", "the rule of law and peace", ChangeNature.WORDS),
        ("crime prevention and justice", "crime prevention, and justice", ChangeNature.PUNCTUATION),
    ],
)
def test_minor_changes_are_classed(old: str, new: str, nature: ChangeNature) -> None:
    diff = diff_units([unit("o", old)], [unit("n", new)])
    natures = {s.nature for s in diff.spans if s.op is not DiffOp.EQUAL}
    assert natures == {nature}
    assert diff.changed is (nature is ChangeNature.WORDS)


def test_offsets_point_into_each_unit() -> None:
    old, new = unit("o", "We undertake to act now."), unit("n", "We commit to act now.")
    for span in diff_units([old], [new]).spans:
        if span.old is not None:
            assert old.text[span.old.start : span.old.end] == span.text
        if span.new is not None:
            assert new.text[span.new.start : span.new.end] == span.text


def test_split_spans_stay_within_one_unit_per_side() -> None:
    old = [unit("5", "We will prevent crime. We will also protect victims of crime.")]
    new = [unit("5(a)", "We will prevent crime."), unit("5(b)", "We will also protect all victims of crime.")]
    diff = diff_units(old, new)
    assert {s.new.unit_id for s in diff.spans if s.new} == {"5(a)", "5(b)"}
    assert changes(diff) == [("delete", " "), ("insert", "all ")]
    assert rebuilt(diff, new, "new") == {u.id: u.text for u in new}
    assert rebuilt(diff, old, "old") == {u.id: u.text for u in old}


def test_merge_reports_offsets_per_old_unit() -> None:
    old = [unit("3", "Member States shall cooperate."), unit("4", "They shall exchange information.")]
    new = [unit("7", "Member States shall cooperate and exchange information.")]
    diff = diff_units(old, new)
    for span in diff.spans:
        if span.old is not None:
            source = next(u for u in old if u.id == span.old.unit_id)
            assert source.text[span.old.start : span.old.end] == span.text
    assert rebuilt(diff, old, "old") == {u.id: u.text for u in old}


def _revision(words: list[str], rng: random.Random) -> list[str]:
    out = list(words)
    for position in sorted(rng.sample(range(len(out)), 40), reverse=True):
        out[position] = f"changed{position}"
    return out


class _RacingClock:
    """A clock that jumps a minute per reading, so any finite diff deadline passes at once."""

    def __init__(self) -> None:
        self.now = 0.0

    def time(self) -> float:
        self.now += 60.0
        return self.now


def test_long_pair_still_yields_a_minimal_diff(monkeypatch: pytest.MonkeyPatch) -> None:
    # The trap: with the default one-second Diff_Timeout, a long pair on a slow or busy machine comes
    # back as delete-all/insert-all. The racing clock plays that slow machine; only an unlimited
    # budget (Diff_Timeout = 0) still gives the minimal diff.
    monkeypatch.setattr(dmp_module, "time", _RacingClock())
    rng = random.Random(7)
    vocabulary = [f"word{i}" for i in range(300)]
    words = [rng.choice(vocabulary) for _ in range(2000)]
    revised = _revision(words, rng)
    diff = diff_units([unit("o", " ".join(words))], [unit("n", " ".join(revised))])
    deleted = sum(len(s.text.split()) for s in diff.spans if s.op is DiffOp.DELETE)
    inserted = sum(len(s.text.split()) for s in diff.spans if s.op is DiffOp.INSERT)
    assert deleted <= 60
    assert inserted <= 60


words_strategy = st.lists(
    st.sampled_from(
        ["the", "rule", "of", "law", "Crime", "crime", ",", ";", "victims", "-", "States'", "\n"]
    ),
    max_size=30,
)


def _text(tokens: list[str]) -> str:
    return " ".join(tokens)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(words_strategy.map(_text), min_size=1, max_size=3),
    st.lists(words_strategy.map(_text), min_size=1, max_size=3),
)
def test_spans_give_back_both_texts_exactly(old_texts: list[str], new_texts: list[str]) -> None:
    old = [unit(f"o{i}", t) for i, t in enumerate(old_texts)]
    new = [unit(f"n{i}", t) for i, t in enumerate(new_texts)]
    diff = diff_units(old, new)
    assert rebuilt(diff, old, "old") == {u.id: u.text for u in old}
    assert rebuilt(diff, new, "new") == {u.id: u.text for u in new}
    assert all(_consistent(s) for s in diff.spans)


def _consistent(span: DiffSpan) -> bool:
    if span.op is DiffOp.EQUAL:
        return span.old is not None and span.new is not None and span.nature is None
    if span.op is DiffOp.INSERT:
        return span.old is None and span.new is not None and span.nature is not None
    return span.new is None and span.old is not None and span.nature is not None
