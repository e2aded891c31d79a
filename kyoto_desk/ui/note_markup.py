"""A note's tiny markup as HTML: `**bold**`, `*italic*`, and lines starting with "- " as bullets.

Notes are stored as the plain text the user typed (exports and the Word briefing show it as written);
only the window renders the markup. The text is escaped first and formatted after, so whatever a
note holds – `<script>`, `&`, a stray `*` – is shown as text, never interpreted.
"""

from __future__ import annotations

import html
import re

_BOLD = re.compile(r"\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*")
# A single star that is not part of a pair, with no space just inside it ("2 * 3 * 4" stays as typed).
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")
BULLET = "- "


def inline_html(line: str) -> str:
    """One line escaped, then its bold and italic runs marked."""
    escaped = html.escape(line, quote=True)
    return _ITALIC.sub(r"<i>\1</i>", _BOLD.sub(r"<b>\1</b>", escaped))


def note_html(note: str) -> str:
    """The note as HTML: paragraphs of lines joined by <br>, runs of bullet lines as one list."""
    out: list[str] = []
    lines: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if lines:
            out.append("<br>".join(lines))
            lines.clear()
        if bullets:
            out.append("<ul>" + "".join(f"<li>{b}</li>" for b in bullets) + "</ul>")
            bullets.clear()

    for raw in note.strip("\n").splitlines():
        stripped = raw.lstrip()
        if stripped.startswith(BULLET):
            if lines:
                flush()
            bullets.append(inline_html(stripped[len(BULLET) :].strip()))
        else:
            if bullets:
                flush()
            lines.append(inline_html(raw))
    flush()
    return "".join(out)
