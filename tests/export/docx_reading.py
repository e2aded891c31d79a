"""Read a saved briefing back: tables, effective run formatting, comment anchors, header/footer XML."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.run import Run


def reopen(path: Path) -> DocxDocument:
    return docx.Document(str(path))


def is_inserted(run: Run) -> bool:
    """Bold and underlined, directly or through its character style."""
    style = run.style.font if run.style is not None else None
    bold = run.bold if run.bold is not None else bool(style and style.bold)
    underline = run.underline if run.underline is not None else bool(style and style.underline)
    return bool(bold and underline)


def is_deleted(run: Run) -> bool:
    style = run.style.font if run.style is not None else None
    return bool(run.font.strike if run.font.strike is not None else (style and style.strike))


def is_shaded(run: Run) -> bool:
    properties = run._r.rPr
    return properties is not None and properties.find(qn("w:shd")) is not None


def table_with_header(document: DocxDocument, first_header: str) -> Table:
    """The table whose first header cell is `first_header`, or starts with it and a colon."""
    for table in document.tables:
        text = table.rows[0].cells[0].text
        if text == first_header or text.startswith(first_header + ":"):
            return table
    raise AssertionError(f"no table starts with {first_header!r}")


def comment_anchors(document: DocxDocument) -> dict[int, str]:
    """The text each comment is anchored on, by comment id, read from the range markers in the body."""
    body = document.element.body
    open_ids: set[int] = set()
    texts: dict[int, list[str]] = defaultdict(list)
    for element in body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ids.add(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:t"):
            for comment_id in open_ids:
                texts[comment_id].append(element.text or "")
    return {k: "".join(v) for k, v in texts.items()}


def vertically_merged(cell_element: object) -> str | None:
    """The vMerge value of a cell ("restart", "continue") or None."""
    tc = cell_element
    properties = tc.tcPr  # type: ignore[attr-defined]
    if properties is None or properties.find(qn("w:vMerge")) is None:
        return None
    return str(properties.find(qn("w:vMerge")).get(qn("w:val"), "continue"))
