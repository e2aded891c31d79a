"""Fixtures for the briefing tests: the Kyoto text, a SYNTHETIC revision of it, and a small hand-made pair."""

from __future__ import annotations

import pytest

from kyoto_desk.core.annotation import Annotation, TextPosition, new_annotation
from kyoto_desk.core.build import UnitSpec, build_document
from kyoto_desk.core.compare import Comparison, compare_documents
from kyoto_desk.core.model import Document, DocumentInfo, UnitKind
from kyoto_desk.export.sample import key_of, sample_annotations, synthetic_revision
from kyoto_desk.sources.bundled import load_bundled

# SYNTHETIC TEST TEXT: short paragraphs written for these tests, no real negotiated text.
OLD_SPECS = [
    UnitSpec(
        "pp1", "Recalling the synthetic declaration adopted at the first test congress,", UnitKind.PREAMBLE
    ),
    UnitSpec("1", "We commit to strengthening cooperation against corruption in all its forms."),
    UnitSpec("2", "We will support victims of crime with care and full respect for their rights."),
    UnitSpec("3", "We will review progress in cybercrime prevention at our next session."),
    UnitSpec("4", "We encourage research on crime prevention, and we welcome data sharing among States."),
]
NEW_SPECS = [
    UnitSpec(
        "pp1", "Recalling the synthetic declaration adopted at the first test congress,", UnitKind.PREAMBLE
    ),
    UnitSpec(
        "1",
        "We commit to further strengthening international cooperation against corruption in all its forms.",
    ),
    UnitSpec("2", "We will support victims of crime with care and full respect for their rights."),
    UnitSpec("3", "We encourage research on crime prevention."),
    UnitSpec("4", "We welcome data sharing among States."),
    UnitSpec("5", "We will hold an expert meeting on firearms trafficking in the synthetic region."),
]


@pytest.fixture(scope="session")
def small_pair() -> tuple[Document, Document]:
    old = build_document(OLD_SPECS, DocumentInfo(title="SYNTHETIC TEST TEXT old", symbols=("SYN/OLD",)))
    new = build_document(NEW_SPECS, DocumentInfo(title="SYNTHETIC TEST TEXT new", symbols=("SYN/NEW",)))
    return old, new


@pytest.fixture(scope="session")
def small_comparison(small_pair: tuple[Document, Document]) -> Comparison:
    return compare_documents(*small_pair)


def quote_annotation(document: Document, unit_id: str, words: str, **fields: object) -> Annotation:
    """An annotation on the first occurrence of `words` in the unit."""
    text = document.unit(unit_id).text
    start = text.index(words)
    return new_annotation(key_of(document), unit_id, text, TextPosition(start, start + len(words)), **fields)


@pytest.fixture(scope="session")
def kyoto() -> Document:
    return load_bundled("kyoto").declaration()


@pytest.fixture(scope="session")
def revision(kyoto: Document) -> Document:
    return synthetic_revision(kyoto)


@pytest.fixture(scope="session")
def kyoto_comparison(kyoto: Document, revision: Document) -> Comparison:
    return compare_documents(kyoto, revision)


@pytest.fixture(scope="session")
def kyoto_annotations(revision: Document) -> list[Annotation]:
    return sample_annotations(revision, 24)
