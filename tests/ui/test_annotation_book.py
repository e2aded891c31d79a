"""The window's in-memory annotation set: edits made while a load runs are not lost (SYNTHETIC text)."""

from __future__ import annotations

from kyoto_desk.core.annotation import new_annotation
from kyoto_desk.ui.annotation_book import AnnotationBook

TEXT = "SYNTHETIC TEST TEXT: a paragraph to annotate."


def test_an_edit_during_a_load_survives_the_load_result() -> None:
    book = AnnotationBook()
    old = new_annotation("k:SYN", "1", TEXT, note="loaded")
    added = new_annotation("k:SYN", "2", TEXT, note="added while loading")
    book.begin_load()
    book.apply(None, added)  # the load read the store before this write
    book.reset([old], {})
    assert {a.id for a in book.all()} == {old.id, added.id}
    edited = old.edited(note="edited after")
    book.begin_load()
    book.apply(old, edited)
    book.apply(added, None)
    book.reset([edited], {})  # the load read the store after these writes
    assert book.all() == [edited]


def test_of_unit_lists_a_paragraphs_annotations_in_text_order() -> None:
    from kyoto_desk.core.annotation import TextPosition

    book = AnnotationBook()
    late = new_annotation("k:SYN", "1", TEXT, TextPosition(20, 25))
    early = new_annotation("k:SYN", "1", TEXT, TextPosition(0, 9))
    other = new_annotation("other:SYN", "1", TEXT)
    book.reset([late, early, other], {})
    assert book.of_unit(frozenset({"k:SYN"}), "1") == [early, late]
