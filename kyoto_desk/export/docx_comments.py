"""Annotations as real Word comments, anchored on the runs that hold the quoted words."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.text.run import Run

from kyoto_desk.core.annotation import Annotation
from kyoto_desk.export.redline_segments import Segment, covering


def comment_text(annotation: Annotation) -> str:
    """What the comment says: stance, note, proposed amendment and themes, one per line."""
    lines = [f"[{annotation.stance}]" + (f" {annotation.note}" if annotation.note else "")]
    if annotation.amendment:
        lines.append(f"Proposed: {annotation.amendment}")
    if annotation.themes:
        lines.append("Themes: " + ", ".join(annotation.themes))
    if annotation.orphaned:
        lines.append(f"(The quoted words “{annotation.quote.exact}” are no longer in this paragraph.)")
    return "\n".join(lines)


def initials(author: str) -> str:
    return "".join(word[0] for word in author.split() if word[:1].isalpha()).upper()[:4]


def anchor_comment(
    document: DocxDocument, runs: Sequence[Run], segments: Sequence[Segment], annotation: Annotation
) -> bool:
    """Add `annotation` as a comment on the runs covering its quote; False if no run covers it.

    An orphaned annotation (its quote no longer found) is anchored on the whole paragraph, so the
    note is never lost from the briefing.
    """
    if not runs:
        return False
    where = None
    if not annotation.orphaned:
        where = covering(segments, annotation.position.start, annotation.position.end)
    first, last = where if where is not None else (0, len(runs) - 1)
    author = annotation.author or "Kyoto Desk"
    document.add_comment(
        [runs[first], runs[last]], text=comment_text(annotation), author=author, initials=initials(author)
    )
    return True
