"""The note markup renderer: bold, italic, bullets, and escaping first (markup never becomes code)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from kyoto_desk.ui.main_window import MainWindow
from kyoto_desk.ui.note_markup import note_html


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("plain words", "plain words"),
        ("a **strong** verb", "a <b>strong</b> verb"),
        ("an *aspirational* tone", "an <i>aspirational</i> tone"),
        ("**bold** then *italic*", "<b>bold</b> then <i>italic</i>"),
        ("***both***", "<i><b>both</b></i>"),
        ("2 * 3 * 4 stays", "2 * 3 * 4 stays"),
        ("snake_case*star*inside", "snake_case*star*inside"),
        ("** not bold **", "** not bold **"),
        ("a lone * star", "a lone * star"),
        ("first line\nsecond line", "first line<br>second line"),
        ("- one\n- *two*", "<ul><li>one</li><li><i>two</i></li></ul>"),
        (
            "Why:\n- weaker\n- vaguer\nAsk the chair.",
            "Why:<ul><li>weaker</li><li>vaguer</li></ul>Ask the chair.",
        ),
        ("-not a bullet", "-not a bullet"),
        ("", ""),
    ],
)
def test_markup_is_rendered(note: str, expected: str) -> None:
    assert note_html(note) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("**<b>x</b>**", "<b>&lt;b&gt;x&lt;/b&gt;</b>"),
        ("- <img src=x onerror=y>", "<ul><li>&lt;img src=x onerror=y&gt;</li></ul>"),
        ('R&D "quoted"', "R&amp;D &quot;quoted&quot;"),
    ],
)
def test_the_note_is_escaped_before_it_is_formatted(note: str, expected: str) -> None:
    assert note_html(note) == expected


@given(st.text(alphabet=st.sampled_from(list("ab *-<>&\"'\n/")), max_size=60))
def test_only_the_markups_own_tags_reach_the_html(note: str) -> None:
    rendered = note_html(note)
    for tag in ("<b>", "</b>", "<i>", "</i>", "<ul>", "</ul>", "<li>", "</li>", "<br>"):
        rendered = rendered.replace(tag, "")
    assert "<" not in rendered and ">" not in rendered


def test_the_details_and_the_panel_tooltip_show_the_formatting(qtbot: QtBot, compared: MainWindow) -> None:
    from PySide6.QtCore import Qt

    from kyoto_desk.ui.annotation_dialog import AnnotationDialog
    from tests.ui.annotating import fill

    compared.view.select(True, "5")
    dialog = compared.annotations.annotate_paragraph()
    assert isinstance(dialog, AnnotationDialog)
    fill(dialog, note="keep **intensify**\n- *firmer*\n- <script>x</script>")
    compared.view.select(True, "5")
    shown = compared.details.browser.toPlainText()
    assert "keep intensify" in shown and "*" not in shown  # the markers became formatting
    assert "\nfirmer\n" in shown and "<script>x</script>" in shown  # a bullet of its own; text, never run
    tooltip = str(compared.annotation_panel.model.data(compared.annotation_panel.model.index(0, 5),
                                                       Qt.ItemDataRole.ToolTipRole))  # fmt: skip
    assert "<b>intensify</b>" in tooltip and "<li><i>firmer</i></li>" in tooltip
    assert "&lt;script&gt;" in tooltip
