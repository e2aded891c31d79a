"""Annotation values: selectors, ids, keys and edits."""

from __future__ import annotations

import pytest

from kyoto_desk.core.annotation import (
    CONTEXT_CHARS,
    TextPosition,
    TextQuote,
    document_key,
    new_annotation,
    normalise_label,
    quote_at,
)

TEXT = "SYNTHETIC TEST TEXT. We commit to strengthening the rule of law at all levels, " * 2


def test_quote_at_keeps_context_of_32_code_points() -> None:
    quote = quote_at(TEXT, TextPosition(60, 72))
    assert quote.exact == TEXT[60:72]
    assert quote.prefix == TEXT[60 - CONTEXT_CHARS : 60]
    assert quote.suffix == TEXT[72 : 72 + CONTEXT_CHARS]


def test_quote_at_edges_is_clipped() -> None:
    assert quote_at("abc", TextPosition(0, 3)) == TextQuote("abc", "", "")


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 4)])
def test_invalid_position_is_refused(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        TextPosition(start, end)


def test_new_annotation_whole_unit_and_edit() -> None:
    ann = new_annotation("k:S", "5", "We affirm.", stance="support", themes=("rule of law",))
    assert ann.position == TextPosition(0, 10)
    assert ann.quote.exact == "We affirm."
    assert len(ann.id) == 32 and ann.created.tzinfo is not None
    edited = ann.edited(note="good")
    assert edited.note == "good" and edited.id == ann.id and edited.modified >= ann.modified
    assert not edited.same_content(ann)
    assert ann.same_content(ann.edited())


def test_new_annotation_beyond_unit_is_refused() -> None:
    with pytest.raises(ValueError):
        new_annotation("k:S", "5", "short", TextPosition(0, 99))


def test_document_key_follows_text_and_symbol() -> None:
    key = document_key("text", "A/RES/1")
    assert key.endswith(":A/RES/1") and len(key.split(":")[0]) == 64
    assert document_key("text ", "A/RES/1") != key


def test_normalise_label() -> None:
    assert normalise_label("  Rule   of Law ") == "rule of law"
