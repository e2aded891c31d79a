"""A comparison as one standalone HTML page in the UN redline style.

Insertions are bold and underlined, deletions struck through, as in UN drafting practice. The page
has inline CSS and no scripts or external resources, so it opens offline in any browser; every piece
of document text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from kyoto_desk.core.compare import Comparison
from kyoto_desk.core.model import Document
from kyoto_desk.core.report import link_heading, new_words_share, redline

_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #1b1b1b; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
.meta { color: #555; font-size: .9rem; }
.unit { margin: .8rem 0 1.2rem; }
.head { font-family: system-ui, sans-serif; font-size: .85rem; color: #333; }
.kind { display: inline-block; padding: 0 .4rem; border-radius: .2rem; background: #e8eef5;
        margin-right: .4rem; }
.kind.added { background: #e3f3e3; } .kind.removed { background: #f8e1e1; }
.reason { color: #666; font-size: .8rem; }
ins { font-weight: bold; text-decoration: underline; }
del { text-decoration: line-through; color: #7a1f1f; }
table { border-collapse: collapse; font-family: system-ui, sans-serif; font-size: .85rem; }
th, td { border-bottom: 1px solid #ddd; padding: .2rem .6rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .4rem; vertical-align: middle; }
"""


def _describe(label: str, document: Document) -> str:
    symbols = f" ({escape(', '.join(document.symbols))})" if document.symbols else ""
    title = escape(document.title or "Untitled")
    return f"<p class='meta'><b>{label}:</b> {title}{symbols}, {len(document)} units</p>"


def _redline(comparison: Comparison, index: int) -> str:
    tags = {"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}
    return "".join(tags[op].format(escape(text)) for op, text in redline(comparison.diffs[index]))


def _summary(comparison: Comparison) -> Iterator[str]:
    n = comparison.counts()
    yield f"<h1>Comparison: {escape(comparison.old.title or 'older text')} → "
    yield f"{escape(comparison.new.title or 'newer text')}</h1>"
    yield _describe("Older", comparison.old)
    yield _describe("Newer", comparison.new)
    yield (
        f"<p>{n.continued} links: {n.identical} identical, {n.modified} modified, {n.moved} moved, "
        f"{n.split} split, {n.merged} merged; {n.added} added, {n.removed} removed. "
        f"New language: {new_words_share(comparison):.0%} of the newer text's words; "
        f"agreed language: {len(comparison.agreed)} runs of {comparison.min_agreed_words} words or more.</p>"
    )
    yield "<p class='meta'>Insertions <ins>bold and underlined</ins>, deletions <del>struck through</del>."
    yield "</p>"


def _unit(kind: str, heading: str, body: str, reason: str = "") -> str:
    note = f" <span class='reason'>{escape(reason)}</span>" if reason else ""
    return (
        f"<div class='unit'><div class='head'><span class='kind {escape(kind)}'>{escape(kind)}</span>"
        f"{escape(heading)}{note}</div><div class='text'>{body}</div></div>"
    )


def _body(comparison: Comparison) -> Iterator[str]:
    yield "<h2>Paragraph by paragraph</h2>"
    added = set(comparison.alignment.added)
    for unit in comparison.new.units:
        index = comparison.link_index_for_new(unit.id)
        if index is not None and comparison.links[index].new[0] == unit.id:
            link = comparison.links[index]
            heading = f"{link_heading(link)} · similarity {link.similarity:.2f}"
            yield _unit(link.kind.value, heading, _redline(comparison, index), link.reason)
        elif unit.id in added:
            yield _unit("added", unit.id, f"<ins>{escape(unit.text)}</ins>")
    if comparison.alignment.removed:
        yield "<h2>Removed from the older text</h2>"
        for unit_id in comparison.alignment.removed:
            yield _unit("removed", unit_id, f"<del>{escape(comparison.old.unit(unit_id).text)}</del>")


def _themes(comparison: Comparison) -> Iterator[str]:
    yield "<h2>Themes</h2><table><tr><th>Theme</th><th>Older units</th><th>Older words</th>"
    yield "<th>Newer units</th><th>Newer words</th><th>Linked</th><th>Added</th><th>Removed</th></tr>"
    for s in comparison.theme_summary:
        if not (s.old.units or s.new.units):
            continue
        swatch = f"<span class='swatch' style='background:{escape(s.colour)}'></span>"
        cells = (s.old.units, s.old.words, s.new.units, s.new.words, s.new.linked, s.new.unmatched)
        numbers = "".join(f"<td>{value}</td>" for value in (*cells, s.old.unmatched))
        yield f"<tr><td>{swatch}{escape(s.label)}</td>{numbers}</tr>"
    yield "</table>"


def render_html(comparison: Comparison) -> str:
    """The standalone page."""
    title = escape(f"{comparison.old.title or 'Older text'} → {comparison.new.title or 'Newer text'}")
    parts = [
        "<!DOCTYPE html>",
        "<html lang='en'><head><meta charset='utf-8'>",
        "<meta name='generator' content='Kyoto Desk'>",
        f"<title>{title}</title><style>{_CSS}</style></head><body>",
        *_summary(comparison),
        *_body(comparison),
        *_themes(comparison),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
