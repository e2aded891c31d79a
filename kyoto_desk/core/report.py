"""A comparison as plain data: the JSON contract of `kyoto-desk compare --format json`.

Keys: `old`/`new` (title, symbols, units with text, themes and agreed share), `links` (old and new ids,
kind, similarity, reason, word diff), `added`, `removed`, `agreed` (shared runs with both places),
`new_language` (per new unit), `themes` (per-theme summary) and `counts`. Offsets are code points into
each unit's `text`.
"""

from __future__ import annotations

from typing import Any

from kyoto_desk.core.agreed import AgreedRun
from kyoto_desk.core.compare import Comparison
from kyoto_desk.core.links import Link
from kyoto_desk.core.model import Document
from kyoto_desk.core.themes import ThemeSummary, ThemeTally
from kyoto_desk.core.worddiff import DiffSpan, Located, WordDiff

FORMAT_VERSION = 1


def _place(loc: Located | None) -> dict[str, Any] | None:
    return None if loc is None else {"unit": loc.unit_id, "start": loc.start, "end": loc.end}


def span_dict(span: DiffSpan) -> dict[str, Any]:
    return {
        "op": span.op.value,
        "text": span.text,
        "old": _place(span.old),
        "new": _place(span.new),
        "minor": span.minor,
        "nature": span.nature.value if span.nature else None,
    }


def link_dict(link: Link, diff: WordDiff) -> dict[str, Any]:
    return {
        "old": list(link.old),
        "new": list(link.new),
        "kind": link.kind.value,
        "similarity": round(link.similarity, 4),
        "reason": link.reason,
        "pinned": link.pinned,
        "changed": diff.changed,
        "diff": [span_dict(s) for s in diff.spans],
    }


def _side(document: Document, themes: dict[str, tuple[str, ...]], shares: dict[str, float]) -> dict[str, Any]:
    return {
        "title": document.title,
        "symbols": list(document.symbols),
        "units": [
            {
                "id": u.id,
                "label": u.label,
                "kind": u.kind.value,
                "text": u.text,
                "themes": list(themes.get(u.id, ())),
                "agreed_share": round(shares.get(u.id, 0.0), 4),
            }
            for u in document.units
        ],
    }


def agreed_dict(run: AgreedRun) -> dict[str, Any]:
    return {
        "old": run.old.unit_id,
        "new": run.new.unit_id,
        "text": run.text,
        "old_start": run.old.start,
        "old_end": run.old.end,
        "new_start": run.new.start,
        "new_end": run.new.end,
        "words": run.words,
        "exact": run.exact,
    }


def _tally(tally: ThemeTally, unmatched: str) -> dict[str, int]:
    return {"units": tally.units, "words": tally.words, "linked": tally.linked, unmatched: tally.unmatched}


def theme_dict(summary: ThemeSummary) -> dict[str, Any]:
    return {
        "label": summary.label,
        "colour": summary.colour,
        "old": _tally(summary.old, "removed"),
        "new": _tally(summary.new, "added"),
    }


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as JSON-ready data (lists, dicts, strings, numbers, booleans, None)."""
    c = comparison
    return {
        "format": "kyoto-desk-comparison",
        "version": FORMAT_VERSION,
        "old": _side(c.old, dict(c.themes_old), dict(c.agreed_share_old)),
        "new": _side(c.new, dict(c.themes_new), dict(c.agreed_share_new)),
        "counts": c.counts().as_dict(),
        "links": [link_dict(link, diff) for link, diff in zip(c.links, c.diffs, strict=True)],
        "added": list(c.alignment.added),
        "removed": list(c.alignment.removed),
        "agreed": [agreed_dict(r) for r in c.agreed],
        "min_agreed_words": c.min_agreed_words,
        "new_language": {uid: [list(s) for s in spans] for uid, spans in c.new_language.items() if spans},
        "themes": {s.theme_id: theme_dict(s) for s in c.theme_summary},
    }


def new_words_share(comparison: Comparison) -> float:
    """Share of the newer text's words that are new language (neither agreed nor kept in a link)."""
    total = new = 0
    for unit in comparison.new.units:
        words = len(unit.text.split())
        total += words
        new += sum(len(unit.text[s:e].split()) for s, e in comparison.new_language.get(unit.id, ()))
    return new / total if total else 0.0


def redline(diff: WordDiff, *, show_minor: bool = True) -> list[tuple[str, str]]:
    """(op, text) pieces in reading order; with show_minor=False, case and punctuation changes read
    as plain new text."""
    pieces: list[tuple[str, str]] = []
    for span in diff.spans:
        op = span.op.value
        if span.minor and not show_minor:
            if op == "delete":
                continue
            op = "equal"
        if pieces and pieces[-1][0] == op:
            pieces[-1] = (op, pieces[-1][1] + span.text)
        else:
            pieces.append((op, span.text))
    return pieces


def link_heading(link: Link) -> str:
    """ "5 → 7" or "5, 6 → 9" or "12 → 14(a), 14(b)"."""
    return f"{', '.join(link.old)} → {', '.join(link.new)}"
