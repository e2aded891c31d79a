"""A sample briefing input: a text against a SYNTHETIC revision of it, with generated annotations.

Used for the page images in `docs/briefing/`, the benchmark and the tests. The revision is made by
mechanical edits (reword, insert, drop, split, merge, move, renumber) of the given text and is
labelled synthetic in its title and symbol; it is no real draft of any negotiation.
"""

from __future__ import annotations

from dataclasses import replace

from kyoto_desk.core.annotation import Annotation, TextPosition, document_key, new_annotation
from kyoto_desk.core.build import UnitSpec, build_document, specs_of
from kyoto_desk.core.model import Document, DocumentInfo, UnitKind

SYNTHETIC_SYMBOL = "SYNTHETIC/REV.1"
SYNTHETIC_TITLE = "SYNTHETIC TEST TEXT: a generated revision (not a real draft)"
_NEW_PARAGRAPHS = (
    "SYNTHETIC TEST TEXT. We commit to reviewing the implementation of this declaration every two years "
    "through an open-ended intergovernmental expert group.",
    "SYNTHETIC TEST TEXT. We invite Member States to share data on the outcomes of alternatives to "
    "imprisonment, with full respect for privacy.",
)
_STANCES = ("support", "oppose", "amend", "question", "note")
_AUTHORS = ("A. Delegate", "B. Adviser", "C. Legal Officer")


def _reword(text: str, index: int) -> str:
    words = text.split(" ")
    if len(words) < 8:
        return text + " and, as appropriate, at the regional level"
    if index % 2:
        words[3:3] = [", where appropriate and in accordance with national legislation,"]
        return " ".join(words).replace(" ,", ",")
    words[len(words) // 2] = "strengthened"
    return " ".join(words)


def _renumber(specs: list[UnitSpec]) -> list[UnitSpec]:
    """Operative paragraphs numbered 1… again after the edits, as a revised draft would be."""
    out: list[UnitSpec] = []
    number = 0
    for spec in specs:
        if spec.kind is UnitKind.OPERATIVE:
            number += 1
            out.append(replace(spec, id=str(number), label=f"{number}."))
        else:
            out.append(spec)
    return out


def _split(spec: UnitSpec) -> list[UnitSpec]:
    cut = spec.text.find(", ", len(spec.text) // 3)
    if cut < 0:
        return [spec]
    first = replace(spec, text=spec.text[:cut] + ".")
    rest = spec.text[cut + 2 :]
    second = replace(spec, id=spec.id + "bis", text=rest[:1].upper() + rest[1:])
    return [first, second]


def synthetic_revision(document: Document) -> Document:
    """A SYNTHETIC revision of `document`'s preambular and operative paragraphs."""
    specs = [s for s in specs_of(document) if s.kind is not UnitKind.SUBPARAGRAPH]
    edited: list[UnitSpec] = []
    operatives = [i for i, s in enumerate(specs) if s.kind is UnitKind.OPERATIVE]
    dropped = set(operatives[5::31])
    split_at = set(operatives[11::37])
    merge_at = set(operatives[17::41])
    moved = operatives[8] if len(operatives) > 9 else -1
    for index, spec in enumerate(specs):
        if index in dropped or index == moved:
            continue
        if index - 1 in merge_at and edited:
            edited[-1] = replace(edited[-1], text=edited[-1].text.rstrip(".;") + "; " + spec.text)
            continue
        current = replace(spec, text=_reword(spec.text, index)) if index % 6 == 1 else spec
        edited.extend(_split(current) if index in split_at else [current])
        if index in operatives[20::45]:
            text = _NEW_PARAGRAPHS[len(edited) % len(_NEW_PARAGRAPHS)]
            edited.append(UnitSpec(f"{spec.id}new", text, UnitKind.OPERATIVE, headings=spec.headings))
    if moved >= 0:
        edited.insert(len(edited) - 3, specs[moved])
    info = DocumentInfo(title=SYNTHETIC_TITLE, symbols=(SYNTHETIC_SYMBOL,), year=document.info.year, alias="")
    return build_document(_renumber(edited), info)


def key_of(document: Document) -> str:
    """The annotation key of a document (sha256 of its text and its first symbol)."""
    return document_key(document.text, document.symbols[0] if document.symbols else "")


def sample_annotations(document: Document, count: int) -> list[Annotation]:
    """`count` annotations spread over `document`'s units, on a few words each, some with amendments."""
    units = [u for u in document.units if len(u.text.split()) > 6]
    key = key_of(document)
    out: list[Annotation] = []
    for index in range(count):
        unit = units[(index * 7) % len(units)]
        words = unit.text.split(" ")
        first = (index * 3) % max(len(words) - 4, 1)
        start = len(" ".join(words[:first])) + (1 if first else 0)
        end = start + len(" ".join(words[first : first + 3]))
        stance = _STANCES[index % len(_STANCES)]
        amendment = f"{unit.text[start:end]} and effective" if stance == "amend" else ""
        out.append(
            new_annotation(
                key,
                unit.id,
                unit.text,
                TextPosition(start, end),
                note=f"Sample note {index + 1} on paragraph {unit.label.rstrip('.') or unit.id}.",
                stance=stance,
                amendment=amendment,
                author=_AUTHORS[index % len(_AUTHORS)],
                themes=("sample",) if index % 4 == 0 else (),
            )
        )
    return out
