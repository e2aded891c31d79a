"""The window before any comparison: Kyoto as a readable document, and the first-run explanation."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from kyoto_desk.store.documents import add_document
from kyoto_desk.ui.main_window import MainWindow
from kyoto_desk.ui.unit_text import HeadingText, UnitText
from tests.ui.conftest import start


def test_first_run_shows_kyoto_and_explains_how_to_get_doha(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    start(qtbot, window)
    assert window.banner.isVisible()
    assert "A/RES/70/174" in window.banner.download_button.text()
    assert window.library.names() == ["kyoto"]
    assert window.presentation is not None and window.presentation.new is None
    assert len(window.presentation.old.document.units) == 101
    assert not window.view.new_pane.isVisible()


def test_kyoto_reads_as_a_structured_document(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    start(qtbot, window)
    grid = window.view.grid
    assert grid is not None
    units = [i.text for i in grid.items[True] if isinstance(i.text, UnitText)]
    headings = [i.text.text for i in grid.items[True] if isinstance(i.text, HeadingText)]
    assert [u.unit.id for u in units][:5] == ["pp1", "pp2", "pp3", "pp4", "1"]
    assert "Declare the following:" in headings
    assert "Advancing crime prevention" in headings
    with_note = next(u for u in units if u.unit.footnotes)
    rendered = with_note.document.toPlainText()
    assert with_note.unit.footnotes[0].text in rendered  # footnotes are shown under their paragraph
    assert window.summary.text() == "Kyoto: 101 paragraphs (4 preambular, 97 operative) · 18 footnotes"


def test_banner_goes_once_a_second_text_is_in_the_library(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    start(qtbot, window)
    with window.store().session() as session:
        add_document(
            session, text="SYNTHETIC TEST TEXT\n\n1. A paragraph.", symbol="SYNTHETIC/1", title="Synthetic"
        )
    with qtbot.waitSignal(window.library_refreshed, timeout=20000):
        window.refresh_library()
    assert not window.banner.isVisible()
    assert len(window.library.names()) == 2


def test_last_documents_are_reopened(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    first = make_window()
    start(qtbot, first)
    assert first.settings.last_documents() == ("kyoto", "")
    first.close()
    second = make_window()
    start(qtbot, second)
    assert second.current_names == ("kyoto", None)


def test_the_window_knows_the_store_file_name() -> None:
    from kyoto_desk.store.db import DB_NAME
    from kyoto_desk.ui.main_window import DB_FILE_NAME

    assert DB_FILE_NAME == DB_NAME


def test_a_last_document_that_is_gone_falls_back_to_kyoto_quietly(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    window.settings.save_documents("no-such-document", "")
    start(qtbot, window)
    assert window.current_names == ("kyoto", None)
    assert "could not be opened" in window.statusBar().currentMessage()
