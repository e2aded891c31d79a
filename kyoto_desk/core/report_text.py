"""A comparison as a plain-text report a delegate can read in a terminal or paste into an e-mail."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from kyoto_desk.core.compare import Comparison
from kyoto_desk.core.model import Document
from kyoto_desk.core.report import link_heading, new_words_share, redline

WIDTH = 100
_INDENT = "      "


def _wrap(text: str) -> str:
    return textwrap.fill(
        text, WIDTH, initial_indent=_INDENT, subsequent_indent=_INDENT, break_long_words=False
    )


def _marked(comparison: Comparison, index: int, show_minor: bool) -> str:
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    pieces = redline(comparison.diffs[index], show_minor=show_minor)
    return "".join(marks[op].format(text) for op, text in pieces)


def _describe(document: Document) -> str:
    symbols = f" ({', '.join(document.symbols)})" if document.symbols else ""
    return f"{document.title or 'Untitled'}{symbols}, {len(document)} units"


def _header(comparison: Comparison) -> Iterator[str]:
    n = comparison.counts()
    yield "COMPARISON"
    yield f"  Older: {_describe(comparison.old)}"
    yield f"  Newer: {_describe(comparison.new)}"
    yield ""
    yield (
        f"  {n.continued} links: {n.identical} identical, {n.modified} modified, {n.moved} moved, "
        f"{n.split} split, {n.merged} merged; {n.added} added, {n.removed} removed."
    )
    yield (
        f"  New language: {new_words_share(comparison):.0%} of the newer text's words. "
        f"Agreed language: {len(comparison.agreed)} runs of {comparison.min_agreed_words} words or more."
    )
    yield "  Marks: [-deleted-] {+inserted+}"
    yield ""


def _body(comparison: Comparison, show_minor: bool) -> Iterator[str]:
    yield "PARAGRAPH BY PARAGRAPH (order of the newer text)"
    added = set(comparison.alignment.added)
    for unit in comparison.new.units:
        index = comparison.link_index_for_new(unit.id)
        if index is not None and comparison.links[index].new[0] == unit.id:
            link = comparison.links[index]
            yield f"  [{link.kind.value} {link.similarity:.2f}] {link_heading(link)}"
            if link.reason:
                yield f"{_INDENT}({link.reason})"
            yield _wrap(_marked(comparison, index, show_minor))
        elif unit.id in added:
            yield f"  [added] {unit.id}"
            yield _wrap(unit.text)
    if comparison.alignment.removed:
        yield ""
        yield "REMOVED FROM THE OLDER TEXT"
        for unit_id in comparison.alignment.removed:
            yield f"  [removed] {unit_id}"
            yield _wrap(comparison.old.unit(unit_id).text)
    yield ""


def _themes(comparison: Comparison) -> Iterator[str]:
    yield "THEMES (units / words; linked; added or removed)"
    yield f"  {'theme':<44} {'older':>13} {'newer':>13} {'linked':>7} {'added':>6} {'removed':>8}"
    for s in comparison.theme_summary:
        if not (s.old.units or s.new.units):
            continue
        old, new = f"{s.old.units}/{s.old.words}", f"{s.new.units}/{s.new.words}"
        counts = f"{s.new.linked:>7} {s.new.unmatched:>6} {s.old.unmatched:>8}"
        yield f"  {s.label[:44]:<44} {old:>13} {new:>13} {counts}"


def render_text(comparison: Comparison, *, show_minor: bool = True) -> str:
    """The report; with show_minor=False, case- and punctuation-only changes are not marked."""
    lines = [*_header(comparison), *_body(comparison, show_minor), *_themes(comparison)]
    return "\n".join(lines) + "\n"
