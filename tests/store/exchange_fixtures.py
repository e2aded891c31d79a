"""Shared pieces of the exchange tests: a synthetic library document and annotations on it and on kyoto."""

from __future__ import annotations

from datetime import UTC, datetime

from kyoto_desk.core.annotation import Annotation, TextPosition, new_annotation
from kyoto_desk.sources.bundled import load_bundled
from kyoto_desk.store.annotations import add_annotation
from kyoto_desk.store.db import Store
from kyoto_desk.store.documents import add_document
from kyoto_desk.store.resolver import DocumentResolver

SYNTHETIC = """SYNTHETIC TEST TEXT

Synthetic Declaration on Testing

We, the participants,

1. Affirm that tests protect the rule of law and access to justice for all;

2. Commit to strengthening international cooperation in criminal matters;

3. Decide to review this synthetic declaration every five years.

"""  # the parser drops the last blank line: the record key and the annotation key differ
SYMBOL = "A/SYN/1"
WHEN = datetime(2021, 3, 7, 10, 0, tzinfo=UTC)


def add_synthetic(store: Store) -> str:
    """Put the synthetic document in the store's library; its key."""
    with store.session() as session:
        record, _ = add_document(session, text=SYNTHETIC, symbol=SYMBOL, title="Synthetic Declaration")
        return record.key


def on(key: str, unit_id: str, unit_text: str, words: str, **fields: object) -> Annotation:
    start = unit_text.index(words)
    annotation = new_annotation(key, unit_id, unit_text, TextPosition(start, start + len(words)), **fields)
    return annotation.edited(created=WHEN, modified=WHEN)


def seed(store: Store) -> list[Annotation]:
    """Four annotations: three on kyoto, one on the synthetic document."""
    add_synthetic(store)
    with store.session() as session:
        resolver = DocumentResolver(session)
        kyoto = resolver.by_name("kyoto")
        synthetic_key = resolver.by_name(SYMBOL).key  # as the views make them: core.annotation.key_of
        unit5 = load_bundled("kyoto").unit("5").text
        annotations = [
            on(
                kyoto.key,
                "5",
                unit5,
                "intensify concerted global efforts",
                stance="support",
                themes=("cooperation",),
            ),
            on(
                kyoto.key,
                "5",
                unit5,
                "prevent and combat crime",
                note='=core\n"quoted", commas',
                author="ana",
            ),
            on(
                kyoto.key,
                "R1",
                kyoto.document.unit("R1").text,
                kyoto.document.unit("R1").text[:20],
                colour="#ff0000",
            ),
            on(
                synthetic_key,
                "2",
                "Commit to strengthening international cooperation in criminal matters;",
                "international cooperation",
                stance="amend",
                amendment="mutual legal assistance",
                themes=("cooperation", "justice"),
                author="ben",
            ),
        ]
        for annotation in annotations:
            add_annotation(session, annotation)
    return annotations
