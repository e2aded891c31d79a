"""The bundled Kyoto text, parsed: the facts a delegate would check against the printed document."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from kyoto_desk.core.markup import SUPERSCRIPT_DIGITS, strip_links_and_escapes, superscript_number
from kyoto_desk.core.model import BlockKind, Document, Part, UnitKind
from kyoto_desk.sources.bundled import load_bundled, read_bundled

PILLARS = [
    "Advancing crime prevention",
    "Advancing the criminal justice system",
    "Promoting the rule of law",
    "Promoting international cooperation and technical assistance to prevent and address all forms of crime",
]

# Footnote number → the paragraph whose text carries its marker, as printed.
FOOTNOTE_HOME = {
    3: "pp3", 4: "pp4", 5: "20", 6: "20", 7: "25", 8: "35", 9: "35", 10: "36", 11: "43", 12: "43",
    13: "45", 14: "49", 15: "51", 16: "73", 17: "82", 18: "87", 19: "89", 20: "89",
}  # fmt: skip

# Paragraphs the source breaks across a page, with words that only the continuation holds.
CONTINUED = {
    "29": "recruitment by organized criminal groups including gangs",
    "37": "based on an individual assessment of the needs and risks of offenders",
    "45": "the United Nations Standard Minimum Rules for the Administration of Juvenile Justice",
    "65": "practices such as the Global Programme for the Implementation of the Doha Declaration",
    "80": "Commission on Crime Prevention and Criminal Justice and other relevant global and regional forums",
    "87": "wastes and other wastes and in precious metals",
    "95": "public-private partnerships with the digital industry",
}


@pytest.fixture(scope="module")
def source() -> Document:
    return load_bundled("kyoto")


@pytest.fixture(scope="module")
def declaration(source: Document) -> Document:
    return source.declaration()


def test_declaration_has_4_preambular_then_97_operative_paragraphs_in_order(declaration: Document) -> None:
    ids = [u.id for u in declaration.units]
    assert ids == [f"pp{i}" for i in range(1, 5)] + [str(i) for i in range(1, 98)]
    assert {u.kind for u in declaration.units[:4]} == {UnitKind.PREAMBLE}
    assert {u.kind for u in declaration.units[4:]} == {UnitKind.OPERATIVE}
    assert [u.label for u in declaration.units[4:7]] == ["1.", "2.", "3."]


def test_frame_resolution_keeps_its_own_paragraphs(source: Document) -> None:
    frame = source.part(Part.RESOLUTION)
    assert [u.id for u in frame.units if u.kind is UnitKind.OPERATIVE] == [f"R{i}" for i in range(1, 14)]
    assert [u.id for u in frame.units if u.kind is UnitKind.PREAMBLE] == [f"Rpp{i}" for i in range(1, 7)]
    assert frame.unit("R6").text.startswith("Endorses the Kyoto Declaration")
    assert frame.unit("R1").emphasis == ((0, len("Expresses its satisfaction")),)


def test_metadata_title_and_symbols(source: Document) -> None:
    assert source.title.startswith("Kyoto Declaration on Advancing Crime Prevention")
    assert source.symbols == ("E/RES/2021/20", "A/RES/76/181")
    metadata = [b.text for b in source.blocks if b.kind is BlockKind.METADATA]
    assert "Distr.: General" in metadata and "30 July 2021" in metadata
    closing = [b for b in source.blocks if b.kind is BlockKind.CLOSING]
    assert [b.text for b in closing] == ["13th plenary meeting 22 July 2021"]


def test_four_pillars_with_their_sub_headings(declaration: Document) -> None:
    headings = declaration.headings()
    assert [h.text for h in headings if h.level == 1] == PILLARS
    per_pillar = Counter(declaration.unit(u.id).headings[0] for u in declaration.units if u.headings)
    assert len([h for h in headings if h.level == 2]) == 7 + 6 + 6 + 4
    assert set(per_pillar) == set(PILLARS)
    assert declaration.unit("21").headings == (
        PILLARS[0],
        "Addressing the causes, including the root causes, of crime",
    )
    # Two headings printed on one line are two headings.
    assert declaration.unit("60").headings == (
        PILLARS[3],
        "International cooperation, including through capacity-building and technical assistance",
    )
    assert declaration.unit("20").headings == ()  # before the first pillar
    assert declaration.unit("96").headings == ()  # after the follow-up lead-in


@pytest.mark.parametrize(("number", "unit_id"), sorted(FOOTNOTE_HOME.items()))
def test_footnotes_attach_to_the_paragraph_that_cites_them(
    declaration: Document, number: int, unit_id: str
) -> None:
    unit = declaration.unit(unit_id)
    notes = {f.number: f for f in unit.footnotes}
    assert number in notes
    assert notes[number].offset is not None and 0 < notes[number].offset <= len(unit.text)


def test_footnote_text_never_leaks_into_paragraphs(source: Document) -> None:
    for unit in source.units:
        assert not set(unit.text) & set(SUPERSCRIPT_DIGITS), unit.id
        for note in source.footnotes:
            assert note.text not in unit.text, (unit.id, note.number)


@pytest.mark.parametrize(("unit_id", "continuation"), sorted(CONTINUED.items()))
def test_paragraphs_broken_by_a_page_are_joined(
    declaration: Document, unit_id: str, continuation: str
) -> None:
    unit = declaration.unit(unit_id)
    assert continuation in unit.text
    assert unit.text.endswith(";")


def test_unit_offsets_index_the_normalised_text(source: Document) -> None:
    for unit in source.units:
        assert source.text[unit.start : unit.end] == unit.text
    for block in source.blocks:
        assert source.text[block.start : block.end] == block.text


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text))


def test_every_word_of_the_source_lands_in_exactly_one_place(source: Document) -> None:
    raw = strip_links_and_escapes(read_bundled("kyoto")).replace("*", " ")
    raw = re.sub(f"[{SUPERSCRIPT_DIGITS}]+", lambda m: f" {superscript_number(m.group())} ", raw)
    placed = Counter[str]()
    for unit in source.units:
        placed += _tokens(unit.label) + _tokens(unit.text)
    for block in source.blocks:
        placed += _tokens(block.text)
    for note in source.footnotes:
        number = _tokens(str(note.number))
        placed += number + number + _tokens(note.text)  # the marker and the note's own number
    assert _tokens(raw) == placed
