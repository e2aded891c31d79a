"""The Word briefing: one function the export dialog and `kyoto-desk briefing` both call.

`export_briefing` builds the document in memory (cover, executive summary, synoptic table with the
annotations as comments, positions, proposed amendments) and writes it atomically; `build_briefing`
is the same without the file, for tests and the benchmark.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.shared import Cm

from kyoto_desk.core.annotation import Annotation
from kyoto_desk.core.compare import Comparison
from kyoto_desk.export.annotation_index import AnnotationIndex, PlacedAnnotation
from kyoto_desk.export.atomic import write_atomically
from kyoto_desk.export.briefing_options import BriefingOptions, Section
from kyoto_desk.export.docx_fields import set_header_footer
from kyoto_desk.export.docx_layout import define_styles, set_margins, start_section, text_width
from kyoto_desk.export.docx_styler import Styler, xml_safe
from kyoto_desk.export.progress import ExportSteps, IsCancelled, Progress, never_cancelled, no_progress
from kyoto_desk.export.redline_segments import Side
from kyoto_desk.export.section_cover import scope_text, short_name, write_cover
from kyoto_desk.export.section_positions import write_amendments, write_positions
from kyoto_desk.export.section_summary import write_summary
from kyoto_desk.export.section_synoptic import SynopticWriter, write_legend
from kyoto_desk.export.synoptic_rows import SynopticGroup, synoptic_groups

log = logging.getLogger(__name__)

_FIXED_STEPS = 6  # setup, cover, summary, positions, amendments, saving: besides one step per row


@dataclass(frozen=True, slots=True)
class BriefingResult:
    """What a briefing holds, for the status line: rows of the synoptic table, comments, positions."""

    rows: int
    comments: int
    positions: int
    path: Path | None = None


def _new_document(options: BriefingOptions, comparison: Comparison) -> DocxDocument:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4, as UN documents are printed
    set_margins(section)
    define_styles(document)
    set_header_footer(document, options.title, options.confidentiality)
    properties = document.core_properties
    properties.title = options.title
    properties.author = options.author or "Kyoto Desk"
    properties.subject = (
        f"{short_name(comparison.old, 'Older text')} and {short_name(comparison.new, 'newer text')}"
    )
    return document


def _page_break(document: DocxDocument) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _safe_options(options: BriefingOptions) -> BriefingOptions:
    return replace(
        options,
        title=xml_safe(options.title),
        author=xml_safe(options.author),
        confidentiality=xml_safe(options.confidentiality),
    )


def _safe_annotation(annotation: Annotation) -> Annotation:
    """The annotation with every free text made writable; the quote keeps its length, so offsets hold."""
    quote = annotation.quote
    return replace(
        annotation,
        note=xml_safe(annotation.note),
        amendment=xml_safe(annotation.amendment),
        author=xml_safe(annotation.author),
        stance=xml_safe(annotation.stance),
        themes=tuple(xml_safe(t) for t in annotation.themes),
        quote=replace(
            quote, exact=xml_safe(quote.exact), prefix=xml_safe(quote.prefix), suffix=xml_safe(quote.suffix)
        ),
    )


def _kept_units(groups: Iterable[SynopticGroup]) -> set[tuple[Side, str]]:
    kept = {(Side.OLD, c.unit_id) for g in groups for c in g.old}
    kept |= {(Side.NEW, c.unit_id) for g in groups for c in g.new if c.unit_id}
    return kept


class _BriefingWriter:
    def __init__(
        self, comparison: Comparison, options: BriefingOptions, annotations: Iterable[Annotation]
    ) -> None:
        self.c = comparison
        self.options = _safe_options(options)
        self.index = AnnotationIndex(
            (_safe_annotation(a) for a in annotations), comparison.old, comparison.new
        )
        self.groups = synoptic_groups(comparison, options, self.index)
        kept = _kept_units(self.groups)
        self.placed: list[PlacedAnnotation] = self.index.in_order(
            lambda side, unit_id: (side, unit_id) in kept
        )
        self.documents = {Side.OLD: comparison.old, Side.NEW: comparison.new}
        self.labels = (short_name(comparison.old, "Older text"), short_name(comparison.new, "Newer text"))

    def write(self, steps: ExportSteps) -> tuple[DocxDocument, BriefingResult]:
        options = self.options
        document = _new_document(options, self.c)
        styler = Styler(document)
        steps.advance()
        if options.includes(Section.COVER):
            write_cover(document, self.c.old, self.c.new, options)
        steps.advance()
        width = text_width(document.sections[0])
        if options.includes(Section.SUMMARY):
            write_summary(styler, self.c, width, self.labels)
        steps.advance()
        comments = self._synoptic(styler, steps) if options.includes(Section.SYNOPTIC) else 0
        if options.includes(Section.POSITIONS):
            write_positions(styler, self.placed, self.documents, width, steps)
        steps.advance()
        if options.includes(Section.AMENDMENTS):
            write_amendments(styler, self.placed, self.documents)
        steps.advance()
        result = BriefingResult(len(self.groups), comments, len(self.placed))
        return document, result

    def _synoptic(self, styler: Styler, steps: ExportSteps) -> int:
        options = self.options
        document = styler.document
        if options.landscape:
            section = start_section(document, landscape=True)
        else:
            if len(document.paragraphs) > 0:
                _page_break(document)
            section = document.sections[-1]
        styler.heading("Synoptic table", 1)
        writer = SynopticWriter(styler, self.index, options.includes(Section.COMMENTS), options.shade_agreed)
        if self.groups:
            write_legend(styler, options.shade_agreed)
            headers = (f"Older text: {self.labels[0]}", f"Newer text: {self.labels[1]}", "Change and themes")
            writer.write(headers, self.groups, text_width(section), steps)
        else:
            document.add_paragraph(
                f"No paragraph falls within the scope of this briefing ({scope_text(options)})."
            )
        if options.landscape:
            start_section(document, landscape=False)
        elif options.includes(Section.POSITIONS) or options.includes(Section.AMENDMENTS):
            _page_break(document)
        return writer.comments


def build_briefing(
    comparison: Comparison,
    *,
    options: BriefingOptions | None = None,
    annotations: Iterable[Annotation] = (),
    progress: Progress = no_progress,
    is_cancelled: IsCancelled = never_cancelled,
) -> tuple[DocxDocument, BriefingResult]:
    """The briefing as a python-docx Document, not yet saved."""
    writer = _BriefingWriter(comparison, options or BriefingOptions(), annotations)
    steps = ExportSteps(len(writer.groups) + _FIXED_STEPS, progress, is_cancelled)
    steps.check()
    return writer.write(steps)


def export_briefing(
    comparison: Comparison,
    target: Path,
    *,
    options: BriefingOptions | None = None,
    annotations: Iterable[Annotation] = (),
    progress: Progress = no_progress,
    is_cancelled: IsCancelled = never_cancelled,
) -> BriefingResult:
    """Write the briefing to `target` (.docx) atomically; progress runs from 0 to 1.

    Raises ExportCancelledError when `is_cancelled()` turns true (no file is left), and ExportError
    when the file cannot be written (read-only folder, file open elsewhere, full disk).
    """
    steps = ExportSteps(1, no_progress, is_cancelled)

    def report(fraction: float) -> None:
        progress(min(fraction, 0.95))  # the last stretch is the save itself

    document, result = build_briefing(
        comparison, options=options, annotations=annotations, progress=report, is_cancelled=is_cancelled
    )

    def save(handle: IO[bytes]) -> None:
        document.save(handle)

    write_atomically(Path(target), save, before_replace=steps.check)
    progress(1.0)
    log.info("briefing: %d rows, %d comments, %d positions", result.rows, result.comments, result.positions)
    return BriefingResult(result.rows, result.comments, result.positions, Path(target))
