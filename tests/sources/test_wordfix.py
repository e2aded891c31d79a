"""Word repairs judged by the document's own vocabulary: hyphens, ligatures, split words."""

from __future__ import annotations

import pytest

from kyoto_desk.sources.wordfix import (
    Vocabulary,
    join_hyphenated,
    join_split_words,
    replace_ligatures,
    restore_lost_ligatures,
)

DOCUMENT = (
    "A victim of crime and a developing plan. "
    "The Secretary-General reported on money-laundering and on the Secretariat. Member States commit to "
    "commitment and cooperation; cross-border cooperation and post-trial detention, in policymaking. "
    "Recalling the follow-up to the report, we reaffirm our commitment and the effective use of data "
    "in order to follow up on it."
)
VOCABULARY = Vocabulary([DOCUMENT])


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("the Secre-", "tary-General", "the Secretary-General"),  # half of no word: join
        ("on money-", "laundering", "on money-laundering"),  # the document spells it with a hyphen
        ("cross-", "border", "cross-border"),  # spelled hyphenated elsewhere
        ("the post-", "trial", "the post-trial"),
        ("the commit-", "ment", "the commitment"),  # the joined word is known
        ("policy-", "making.", "policymaking."),  # the document writes "policymaking"
        ("the Secretary-", "General", "the Secretary-General"),  # a capital after the hyphen keeps it
        ("sustain-", "able", "sustainable"),  # unknown halves: a typesetter's hyphen
        ("1990-", "2000", "1990-2000"),  # not letters: left as printed
        ("victim-", "centred", "victim-centred"),  # a word of the document before the hyphen
        ("develop-", "ment", "development"),  # only an ending after it
        ("crimi-", "nal", "criminal"),
        ("in-", "formation", "information"),  # a function word is no compound's first half
    ],
)
def test_join_hyphenated(left: str, right: str, expected: str) -> None:
    assert join_hyphenated(left, right, VOCABULARY) == expected


def test_join_hyphenated_keeps_hyphen_when_both_halves_are_words() -> None:
    vocabulary = Vocabulary(["data exchange between member and state parties"])
    assert join_hyphenated("data-", "exchange", vocabulary) == "data-exchange"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("our commit ment to", "our commitment to"),
        ("the Secre tariat.", "the Secretariat."),
        ("in order to follow up on it", "in order to follow up on it"),  # function words stay apart
        ("cooper ation;", "cooperation;"),
        ("an effec tive use", "an effective use"),
    ],
)
def test_join_split_words(text: str, expected: str) -> None:
    assert join_split_words(text, VOCABULARY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eﬀective ﬁnancial ﬂows", "effective financial flows"),
        ("reaﬃrm and ﬀ ﬄ", "reaffirm and ff ffl"),
    ],
)
def test_replace_ligatures(text: str, expected: str) -> None:
    assert replace_ligatures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we rea(cid:3)rm our", "we reaffirm our"),
        ("the e\ufffdective use", "the effective use"),
        ("of (cid:5)nancial ﬂows", "of financial ﬂows"),  # from the list of common UN words
        ("zz(cid:9)qq", "zz(cid:9)qq"),  # no candidate makes a word: left visible
    ],
)
def test_restore_lost_ligatures(text: str, expected: str) -> None:
    assert restore_lost_ligatures(text, VOCABULARY) == expected


def test_real_words_are_not_taken_for_torn_halves() -> None:
    vocabulary = Vocabulary(["the recovery of assets and of assets, such as sets of rules, a set of data"])
    assert join_split_words("such as sets of rules", vocabulary) == "such as sets of rules"


def test_vocabulary_knows_inflections() -> None:
    vocabulary = Vocabulary(["agencies reported"])
    assert vocabulary.knows("agency")
    assert vocabulary.knows("reporting")
    assert not vocabulary.knows("tary")
