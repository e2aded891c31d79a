"""A Document as plain JSON-ready data and as a readable text outline (what `parse` prints)."""

from __future__ import annotations

from typing import Any

from kyoto_desk.core.model import BlockKind, Document, Unit


def unit_to_dict(unit: Unit) -> dict[str, Any]:
    return {
        "id": unit.id,
        "kind": unit.kind.value,
        "label": unit.label,
        "part": unit.part.value,
        "parent": unit.parent,
        "text": unit.text,
        "headings": list(unit.headings),
        "footnotes": [{"number": f.number, "text": f.text} for f in unit.footnotes],
    }


def document_to_dict(document: Document) -> dict[str, Any]:
    """The JSON contract of `kyoto-desk parse`: title, symbols, units; plus blocks and footnotes."""
    return {
        "title": document.title,
        "symbols": list(document.symbols),
        "year": document.info.year,
        "language": document.info.language,
        "units": [unit_to_dict(u) for u in document.units],
        "blocks": [
            {"kind": b.kind.value, "text": b.text, "level": b.level, "part": b.part.value}
            for b in document.blocks
        ],
        "footnotes": [{"number": f.number, "text": f.text, "unit": f.unit_id} for f in document.footnotes],
    }


def document_to_text(document: Document) -> str:
    """An outline a person can read: headings, numbered paragraphs, footnotes under their paragraph."""
    lines = [document.title, "Symbols: " + (", ".join(document.symbols) or "none"), ""]
    headings = {b.start: b for b in document.blocks if b.kind in (BlockKind.HEADING, BlockKind.LEAD_IN)}
    events: list[tuple[int, str]] = []
    for start, block in headings.items():
        marker = "#" * block.level + " " if block.kind is BlockKind.HEADING else ""
        events.append((start, f"\n{marker}{block.text}\n"))
    for unit in document.units:
        indent = "    " if unit.parent else ""
        name = unit.label or f"[{unit.id}]"
        body = [f"{indent}{name} {unit.text}"]
        body += [f"{indent}    [{f.number}] {f.text}" for f in unit.footnotes]
        events.append((unit.start, "\n".join(body)))
    lines += [text for _, text in sorted(events, key=lambda e: e[0])]
    return "\n".join(lines).rstrip() + "\n"
