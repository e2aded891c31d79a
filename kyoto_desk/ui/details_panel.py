"""The details of the selected unit: both texts, the word diff, similarity, why linked, themes, notes."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from kyoto_desk.core.annotation import Annotation, UnitRelation
from kyoto_desk.core.links import Link
from kyoto_desk.core.model import Unit
from kyoto_desk.core.worddiff import DiffOp, WordDiff
from kyoto_desk.ui.note_markup import note_html
from kyoto_desk.ui.palette import Colours
from kyoto_desk.ui.presentation import KIND_WORDS, Presentation


def diff_html(diff: WordDiff, colours: Colours, *, show_minor: bool) -> str:
    """The link's text in UN convention: new words bold and underlined, dropped words struck through."""
    out: list[str] = []
    for span in diff.spans:
        text = html.escape(span.text)
        if span.op is DiffOp.EQUAL or (span.minor and not show_minor):
            if span.op is not DiffOp.DELETE:
                out.append(text)
        elif span.op is DiffOp.INSERT:
            out.append(f'<b><u style="color:{colours.insert.name()}">{text}</u></b>')
        else:
            out.append(f'<s style="color:{colours.delete.name()}">{text}</s>')
    return "".join(out)


def _unit_html(title: str, units: Sequence[Unit]) -> str:
    body = "<br>".join(f"<b>{html.escape(u.label or u.number)}</b> {html.escape(u.text)}" for u in units)
    return f"<h4>{html.escape(title)}</h4><p>{body}</p>"


class DetailsPanel(QWidget):
    """A read-only rich-text panel refreshed on every selection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName("Details of the selected paragraph")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.browser.setHtml("<p><i>Select a paragraph to see its details.</i></p>")

    def show_unit(
        self,
        presentation: Presentation,
        old: bool,
        unit_id: str,
        colours: Colours,
        *,
        show_minor: bool = True,
        annotations: Sequence[Annotation] = (),
        relations: Sequence[tuple[UnitRelation, str]] = (),
    ) -> None:
        side = presentation.side(old)
        if side is None or unit_id not in side.document:
            self.show_nothing()
            return
        index = presentation.link_of(unit_id, old=old)
        link = presentation.link(index) if index is not None else None
        parts = [self._header(presentation, old, unit_id, link)]
        if link is not None and presentation.new is not None and index is not None:
            parts.append(
                _unit_html(presentation.old.name, [presentation.old.document.unit(u) for u in link.old])
            )
            parts.append(
                _unit_html(presentation.new.name, [presentation.new.document.unit(u) for u in link.new])
            )
            diff = presentation.diffs.get(index)
            if diff is not None and link.kind.value != "identical":
                parts.append(f"<h4>Changes</h4><p>{diff_html(diff, colours, show_minor=show_minor)}</p>")
        else:
            parts.append(_unit_html(side.name, [side.document.unit(unit_id)]))
        parts.append(self._themes(presentation, side.themes.get(unit_id, ())))
        parts.append(self._notes(annotations))
        parts.append(self._relations(relations))
        self.browser.setHtml("".join(parts))

    def _header(self, presentation: Presentation, old: bool, unit_id: str, link: Link | None) -> str:
        side = presentation.side(old)
        assert side is not None
        title = f"<h3>{html.escape(side.name)}, para. {html.escape(unit_id)}</h3>"
        if presentation.new is None:
            return title
        if link is None:
            what = "Not carried over into the newer text" if old else "New: no counterpart in the older text"
            return f"{title}<p><b>{what}.</b></p>"
        kind = KIND_WORDS.get(link.kind.value, link.kind.value)
        pinned = " · linked by hand" if link.pinned else ""
        return (
            f"{title}<p><b>{kind}</b> · similarity {link.similarity:.0%}{pinned}<br>"
            f"<i>Why linked:</i> {html.escape(link.reason)}</p>"
        )

    def _themes(self, presentation: Presentation, theme_ids: Sequence[str]) -> str:
        if not theme_ids:
            return "<p><i>No theme of the lexicon is mentioned.</i></p>"
        info = {t.id: t for t in presentation.themes}
        chips = []
        for theme_id in theme_ids:
            theme = info.get(theme_id)
            label, colour = (theme.label, theme.colour) if theme else (theme_id, "#777777")
            chips.append(f'<span style="color:{colour}">■</span>&nbsp;{html.escape(label)}')
        return "<h4>Themes</h4><p>" + "<br>".join(chips) + "</p>"

    def _notes(self, annotations: Sequence[Annotation]) -> str:
        if not annotations:
            return ""
        items = []
        for a in annotations:
            swatch = f'<span style="color:{html.escape(a.colour)}">■</span>'
            orphaned = " <i>(orphaned: its words are no longer in the text)</i>" if a.orphaned else ""
            by = f" <small>— {html.escape(a.author)}</small>" if a.author else ""
            amendment = f"<br>Proposed: <u>{html.escape(a.amendment)}</u>" if a.amendment else ""
            quote = f"<i>“{html.escape(a.quote.exact)}”</i>{orphaned}"
            said = f"<b>{html.escape(a.stance)}</b>: {note_html(a.note)}{by}{amendment}"
            items.append(f"<li>{swatch} {quote} — {said}</li>")
        return f"<h4>Annotations</h4><ul>{''.join(items)}</ul>"

    def _relations(self, relations: Sequence[tuple[UnitRelation, str]]) -> str:
        if not relations:
            return ""
        items = "".join(
            f"<li><b>{html.escape(r.relation)}</b> {html.escape(other)}"
            + (f" — {html.escape(r.note)}" if r.note else "")
            + "</li>"
            for r, other in relations
        )
        return f"<h4>Related paragraphs</h4><ul>{items}</ul>"
