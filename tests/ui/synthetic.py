"""SYNTHETIC TEST TEXT: a revised copy of the Kyoto Declaration, for UI tests, benchmarks and screenshots.

The revision is made by this module (rewording, removals, additions, a move, a split and a
punctuation-only change); the added paragraphs are written here and are no UN text. Never a Doha text.
"""

from __future__ import annotations

from kyoto_desk.core.build import UnitSpec, build_document, specs_of
from kyoto_desk.core.model import Document, DocumentInfo, UnitKind
from kyoto_desk.sources.bundled import load_bundled

SYNTHETIC_INFO = DocumentInfo(
    title="SYNTHETIC TEST TEXT — a revised draft of the Kyoto Declaration",
    symbols=("SYNTHETIC/REV.1",),
    year=2026,
    alias="synthetic-revision",
)

ADDED = (
    "SYNTHETIC TEST TEXT: Strengthen the collection of comparable data on court backlogs and share "
    "practices for reducing pretrial delays;",
    "SYNTHETIC TEST TEXT: Support community-based programmes that help young people leave street gangs, "
    "with attention to mentoring and vocational training;",
    "SYNTHETIC TEST TEXT: Encourage cooperation between customs and police services in tracing "
    "illicit shipments of cultural property and wildlife;",
)

REWORDED = {
    "5": ("intensify", "further intensify and coordinate"),
    "9": ("primary role", "primary and indispensable role"),
    "20": ("promote", "strengthen and promote"),
    "33": ("effective", "effective, accessible"),
    "60": ("cooperation", "international cooperation"),
}


def kyoto() -> Document:
    """The bundled Kyoto Declaration (pp1–pp4, 1–97)."""
    return load_bundled("kyoto").declaration()


def _reword(spec: UnitSpec) -> UnitSpec:
    if spec.id in REWORDED:
        before, after = REWORDED[spec.id]
        return UnitSpec(spec.id, spec.text.replace(before, after, 1), spec.kind, spec.label, spec.headings)
    if spec.id == "8":  # punctuation only
        return UnitSpec(spec.id, spec.text.replace(",", ";", 1), spec.kind, spec.label, spec.headings)
    return spec


def _split(spec: UnitSpec) -> list[UnitSpec]:
    words = spec.text.split(" ")
    half = len(words) // 2
    first = " ".join(words[:half]).rstrip(",;") + ";"
    second = " ".join(words[half:])
    second = second[:1].upper() + second[1:]
    return [
        UnitSpec("x", first, spec.kind, "", spec.headings),
        UnitSpec("x", second, spec.kind, "", spec.headings),
    ]


def revised_kyoto(base: Document | None = None) -> Document:
    """SYNTHETIC TEST TEXT: Kyoto with 3 paragraphs dropped, 3 added, 6 reworded, 1 moved, 1 split."""
    specs = specs_of(base or kyoto())
    by_id = {s.id: s for s in specs}
    out: list[UnitSpec] = []
    for spec in specs:
        if spec.id in ("3", "45", "88"):
            continue
        if spec.id == "70":
            continue  # moved: reinserted after 25
        if spec.id == "40":
            out.extend(_split(spec))
            continue
        out.append(_reword(spec))
        if spec.id in ("15", "50", "80"):
            text = ADDED[("15", "50", "80").index(spec.id)]
            out.append(UnitSpec("x", text, UnitKind.OPERATIVE, "", spec.headings))
        if spec.id == "25":
            moved = by_id["70"]
            out.append(UnitSpec("x", moved.text, moved.kind, "", spec.headings))
    return build_document(_renumber(out), SYNTHETIC_INFO)


def _renumber(specs: list[UnitSpec]) -> list[UnitSpec]:
    number = 0
    out = []
    for spec in specs:
        if spec.kind is UnitKind.OPERATIVE:
            number += 1
            out.append(UnitSpec(str(number), spec.text, spec.kind, f"{number}.", spec.headings))
        else:
            out.append(spec)
    return out
