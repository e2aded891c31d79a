"""core.unformula: canonical terms of the UN register (the words here are single English words)."""

from __future__ import annotations

import pytest

from kyoto_desk.core.unformula import canonical, content_terms


@pytest.mark.parametrize(("comparative", "base"), [("quicker", "quick"), ("faster", "fast")])
def test_comparative_of_a_known_adjective_joins_its_base(comparative: str, base: str) -> None:
    assert canonical(comparative) == canonical(base)


@pytest.mark.parametrize("word", ["interest", "number", "member", "safer"])
def test_words_ending_like_comparatives_stay_whole_unless_the_base_is_known(word: str) -> None:
    assert canonical(word) == word


def test_formulae_and_qualifiers_fold_away() -> None:
    assert content_terms("We undertake to promote, as appropriate, the rule of law") == [
        "promot",
        "ruleoflaw",
    ]
