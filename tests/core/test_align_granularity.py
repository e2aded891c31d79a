"""Alignment across granularities: the shape of Doha 2015 against Kyoto 2021.

The older text groups its actions as lettered subparagraphs under chapeaux ("5. We endeavour:",
"(a) To promote ..."); the newer one states each action as a numbered paragraph, in another order,
some paraphrased. Both texts below are SYNTHETIC TEST TEXT written for this test; neither is, nor
paraphrases, the Doha Declaration.
"""

from __future__ import annotations

import pytest

from kyoto_desk.core.align import align_units
from kyoto_desk.core.build import UnitSpec, build_document
from kyoto_desk.core.links import Alignment, LinkKind
from kyoto_desk.core.model import Document, DocumentInfo, UnitKind

OP, SUB = UnitKind.OPERATIVE, UnitKind.SUBPARAGRAPH

OLDER = [
    UnitSpec("5", "We endeavour:", OP),
    UnitSpec(
        "5(a)",
        "To promote restorative justice processes that involve victims, offenders and communities;",
        SUB,
        parent="5",
    ),
    UnitSpec(
        "5(b)",
        "To strengthen the protection of witnesses and reporting persons in criminal proceedings;",
        SUB,
        parent="5",
    ),
    UnitSpec(
        "5(c)",
        "To develop crime prevention strategies that address the root causes of crime among young people;",
        SUB,
        parent="5",
    ),
    UnitSpec(
        "5(d)",
        "To improve the conditions of detention and to reduce overcrowding in prisons;",
        SUB,
        parent="5",
    ),
    UnitSpec(
        "5(e)", "To collect and share reliable data on crime trends, on a voluntary basis;", SUB, parent="5"
    ),
    UnitSpec(
        "6", "We endeavour to strengthen international cooperation in criminal matters, including by:", OP
    ),
    UnitSpec(
        "6(a)",
        "Expediting the execution of requests for extradition and mutual legal assistance;",
        SUB,
        parent="6",
    ),
    UnitSpec("6(b)", "Returning confiscated proceeds of crime to their legitimate owners;", SUB, parent="6"),
    UnitSpec(
        "7",
        "We undertake to combat trafficking in cultural property through inventories and export controls;",
        OP,
    ),
    UnitSpec(
        "8",
        "We undertake to prevent and counter cybercrime in all its forms and to strengthen the capacity "
        "of law enforcement authorities to investigate it, including through specialized training;",
        OP,
    ),
]

NEWER = [
    UnitSpec(
        "1",
        "We commit to fostering international cooperation on criminal matters as a cornerstone of our work;",
    ),
    UnitSpec(
        "2",
        "Facilitate the speedy handling of extradition and mutual legal assistance requests, "
        "in accordance with domestic law;",
    ),
    UnitSpec(
        "3", "Enhance prison conditions and take measures to address overcrowding in detention facilities;"
    ),
    UnitSpec(
        "4",
        "Foster restorative justice processes involving victims, offenders and the community, "
        "as appropriate;",
    ),
    UnitSpec(
        "5", "Improve the availability of data on crime trends and share such data on a voluntary basis;"
    ),
    UnitSpec(
        "6", "Take appropriate measures to protect witnesses and reporting persons in criminal proceedings;"
    ),
    UnitSpec("7", "Develop crime prevention strategies that address the causes of crime affecting youth;"),
    UnitSpec(
        "8", "Promote the use of new technologies to modernize court administration and case management;"
    ),
    UnitSpec("9", "Ensure the return of confiscated proceeds of crime to their legitimate owners;"),
    UnitSpec(
        "10",
        "Counter trafficking in cultural property through inventories of collections and controls on export;",
    ),
    UnitSpec("11", "Prevent and counter cybercrime in all its forms;"),
    UnitSpec(
        "12",
        "Strengthen the capacity of law enforcement authorities to investigate cybercrime, "
        "including through specialized training;",
    ),
]

EXPECTED = {
    (("6",), ("1",)),
    (("6(a)",), ("2",)),
    (("5(d)",), ("3",)),
    (("5(a)",), ("4",)),
    (("5(e)",), ("5",)),
    (("5(b)",), ("6",)),
    (("5(c)",), ("7",)),
    (("6(b)",), ("9",)),
    (("7",), ("10",)),
    (("8",), ("11", "12")),
}


@pytest.fixture(scope="module")
def texts() -> tuple[Document, Document]:
    older = build_document(OLDER, DocumentInfo(title="SYNTHETIC TEST TEXT: older declaration"))
    newer = build_document(NEWER, DocumentInfo(title="SYNTHETIC TEST TEXT: newer declaration"))
    return older, newer


def links(alignment: Alignment) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    return {(link.old, link.new) for link in alignment.links}


def test_subparagraphs_link_to_paragraphs(texts: tuple[Document, Document]) -> None:
    older, newer = texts
    alignment = align_units(older, newer)
    assert links(alignment) == EXPECTED
    assert alignment.added == ("8",)


def test_bare_chapeau_is_unlinked_but_chapeau_with_content_links(texts: tuple[Document, Document]) -> None:
    older, newer = texts
    alignment = align_units(older, newer)
    assert alignment.removed == ("5",)
    assert any(link.old == ("6",) for link in alignment.links)


def test_one_paragraph_becomes_two(texts: tuple[Document, Document]) -> None:
    older, newer = texts
    alignment = align_units(older, newer)
    split = next(link for link in alignment.links if link.old == ("8",))
    assert split.kind is LinkKind.SPLIT
    assert split.reason.startswith("split into 2")


def test_reverse_direction_mirrors(texts: tuple[Document, Document]) -> None:
    older, newer = texts
    backward = align_units(newer, older)
    assert {(n, o) for o, n in links(backward)} == EXPECTED
    assert backward.added == ("5",)
    assert backward.removed == ("8",)
