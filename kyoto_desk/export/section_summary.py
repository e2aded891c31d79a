"""The executive summary: how the paragraphs relate, and what each theme gets in each text."""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx.shared import Length

from kyoto_desk.core.compare import Comparison
from kyoto_desk.core.themes import ThemeSummary
from kyoto_desk.export.chart import ThemeBar, theme_chart_png
from kyoto_desk.export.docx_layout import CAPTION_STYLE, CELL_NUMBER_STYLE, CELL_STYLE, add_row, add_table
from kyoto_desk.export.docx_styler import Styler

COUNT_HEADERS = ("Paragraphs", "Number")
THEME_HEADERS = (
    "Theme",
    "Older units",
    "Newer units",
    "Older words",
    "Newer words",
    "Linked",
    "New",
    "Dropped",
)
_THEME_SHARES = (0.23, 0.11, 0.11, 0.11, 0.11, 0.11, 0.11, 0.11)


def count_rows(comparison: Comparison) -> list[tuple[str, int]]:
    counts = comparison.counts()
    return [
        ("Continued unchanged", counts.identical),
        ("Reworded", counts.modified),
        ("Moved", counts.moved),
        ("Split into several", counts.split),
        ("Merged from several", counts.merged),
        ("New", counts.added),
        ("Dropped", counts.removed),
    ]


def overview(comparison: Comparison) -> str:
    counts = comparison.counts()
    sizes = (
        f"The newer text has {len(comparison.new)} paragraphs against {len(comparison.old)} in the older one."
    )
    links = (
        f"{counts.identical} continue unchanged, {counts.modified} are reworded, {counts.moved} moved, "
        f"{counts.split} split and {counts.merged} merged"
    )
    return f"{sizes} {links}; {counts.added} are new and {counts.removed} dropped."


def present_themes(comparison: Comparison) -> list[ThemeSummary]:
    """Themes at least one of the texts speaks of, in lexicon order."""
    return [t for t in comparison.theme_summary if t.old.units or t.new.units]


def _write_table(
    styler: Styler, rows: Sequence[Sequence[str]], headers: Sequence[str], widths: Sequence[Length]
) -> None:
    table = add_table(styler, headers, widths)
    for values in rows:
        for index, (cell, value) in enumerate(zip(add_row(table, keep_together=True), values, strict=True)):
            # The first column names the row; the others hold counts, set right for easy comparison.
            style = CELL_STYLE if index == 0 else CELL_NUMBER_STYLE
            styler.run(styler.paragraph(cell.paragraphs[0], style), value)


def write_summary(styler: Styler, comparison: Comparison, width: Length, labels: tuple[str, str]) -> None:
    document = styler.document
    styler.heading("Executive summary", 1)
    document.add_paragraph(overview(comparison))
    counts = [(name, str(number)) for name, number in count_rows(comparison)]
    _write_table(styler, counts, COUNT_HEADERS, [Length(int(width * 0.5)), Length(int(width * 0.2))])
    themes = present_themes(comparison)
    styler.heading("Themes", 2)
    if not themes:
        document.add_paragraph("Neither text speaks of any theme of the lexicon.")
        return
    rows = [
        (
            t.label,
            str(t.old.units),
            str(t.new.units),
            str(t.old.words),
            str(t.new.words),
            str(t.new.linked),
            str(t.new.unmatched),
            str(t.old.unmatched),
        )
        for t in themes
    ]
    _write_table(styler, rows, THEME_HEADERS, [Length(int(width * s)) for s in _THEME_SHARES])
    bars = [ThemeBar(t.label, t.old.units, t.new.units) for t in themes]
    document.add_picture(io.BytesIO(theme_chart_png(bars, *labels)), width=Length(int(width * 0.95)))
    document.add_paragraph(
        "Units per theme in the older and the newer text. Linked: units of the newer text that continue "
        "a paragraph of the older; New: units with no counterpart; Dropped: older units with none.",
        CAPTION_STYLE,
    )
