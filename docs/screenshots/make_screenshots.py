"""Take the README screenshots from the real window, offscreen: `python docs/screenshots/make_screenshots.py`.

Texts: the bundled Kyoto Declaration and its SYNTHETIC revision (tests/ui/synthetic.py); never a Doha text.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QDockWidget  # noqa: E402

from kyoto_desk.app import make_application  # noqa: E402
from kyoto_desk.ui.main_window import MainWindow  # noqa: E402
from kyoto_desk.ui.palette import apply_scheme  # noqa: E402
from kyoto_desk.ui.settings import WindowSettings  # noqa: E402
from tests.ui.synthetic import kyoto, revised_kyoto  # noqa: E402

SIZE = (1560, 960)


def _settle(app: QApplication, window: MainWindow) -> None:
    while window.controller.busy:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    for _ in range(5):
        app.processEvents()


def _dock(window: MainWindow, name: str) -> QDockWidget:
    dock = window.findChild(QDockWidget, name)
    assert isinstance(dock, QDockWidget)
    return dock


def _window(data: Path, *, annotations: bool = False) -> MainWindow:
    settings = WindowSettings(QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(data, settings)
    window.resize(*SIZE)
    window.show()
    _dock(window, "annotationsDock").setVisible(annotations)  # shown in its own picture only
    return window


def first_run(app: QApplication, data: Path) -> None:
    window = _window(data)
    window.start()
    while not window.library_ready:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    _settle(app, window)
    window.grab().save(str(OUT / "first-run.png"))
    window.view.go_to_unit("35")
    window.view.clear_selection()
    _settle(app, window)
    window.grab().save(str(OUT / "kyoto-document.png"))
    window.close()


def _add_revision(data: Path) -> str:
    """Put the SYNTHETIC revision in the library as a text file, as a user would import it."""
    from kyoto_desk.sources.library import Metadata, add_file

    source = data / "synthetic-revision.txt"
    source.write_text(revised_kyoto(kyoto()).text, encoding="utf-8")
    meta = Metadata(
        symbol="SYNTHETIC/REV.1", title="SYNTHETIC TEST TEXT — a revised draft of the Kyoto Declaration"
    )
    return add_file(data, source, meta).entry.key


def comparison(app: QApplication, data: Path) -> None:
    key = _add_revision(data)
    window = _window(data)
    window.start()
    while not window.library_ready:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    window.open_names("kyoto", key)
    _settle(app, window)
    window.view.select(True, "40")  # the split paragraph, with a reworded and a moved one nearby
    _settle(app, window)
    window.grab().save(str(OUT / "comparison-light.png"))
    window.view.select(True, "5")
    _settle(app, window)
    _dock(window, "detailsDock").grab().save(str(OUT / "details-panel.png"))
    window.themes.choose(frozenset({"corruption"}))
    _settle(app, window)
    _dock(window, "detailsDock").hide()  # the theme panel gets the whole height for its picture
    _settle(app, window)
    _dock(window, "themesDock").grab().save(str(OUT / "theme-panel.png"))
    _dock(window, "detailsDock").show()
    window.grab().save(str(OUT / "theme-filter.png"))
    window.themes.choose(frozenset())
    apply_scheme(app, dark=True)
    window.actions_.agreed_action.trigger()
    window.view.select(True, "9")
    _settle(app, window)
    window.grab().save(str(OUT / "comparison-dark.png"))
    window.actions_.agreed_action.trigger()
    apply_scheme(app, dark=False)
    window.close()


A, B = "Delegation A", "Delegation B"
NOTES = (  # SYNTHETIC annotations: (older side?, words, fields); on the first paragraph holding the words
    (True, "intensify concerted", {"stance": "amend", "note": "Propose a stronger verb.", "author": A,
                                   "themes": ("corruption",), "amendment": "further intensify, coordinate"}),
    (True, "primary role", {"stance": "support", "note": "Keep as agreed.", "colour": "#a5d6a7",
                            "author": A}),
    (False, "further intensify and coordinate", {"stance": "support", "colour": "#a5d6a7",
                                                 "note": "Matches our amendment.", "author": B}),
    (True, None, {"stance": "question", "note": "Which bodies are meant?", "colour": "#90caf9",
                  "themes": ("cybercrime",), "author": B}),
    (False, "indispensable", {"stance": "oppose", "note": "Too strong for consensus.", "colour": "#f48fb1",
                              "author": A}),
)  # fmt: skip


def _annotate(window: MainWindow) -> None:
    from kyoto_desk.core.annotation import TextPosition, key_of, new_annotation

    assert window.presentation is not None
    for old, words, fields in NOTES:
        side = window.presentation.side(old)
        assert side is not None
        unit = next(u for u in side.document.units if words is None or words in u.text)
        unit_id, text, position = unit.id, unit.text, None
        if words is not None:
            start = text.index(words)
            position = TextPosition(start, start + len(words))
        annotation = new_annotation(key_of(side.document), unit_id, text, position, **fields)
        window.annotations.add(annotation)


def annotated_comparison(app: QApplication, data: Path) -> None:
    key = _add_revision(data)
    window = _window(data, annotations=True)
    window.start()
    while not window.library_ready:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    window.open_names("kyoto", key)
    _settle(app, window)
    _annotate(window)
    window.resizeDocks([_dock(window, "annotationsDock")], [250], Qt.Orientation.Vertical)
    panel = window.annotation_panel
    panel.select_id(panel.model.annotation(1).id)
    window.annotations.jump_to(panel.model.annotation(1))
    _settle(app, window)
    window.grab().save(str(OUT / "annotations.png"))
    window.close()


def main() -> int:
    app = make_application()
    apply_scheme(app, dark=False)
    first_run(app, Path(tempfile.mkdtemp(prefix="kyoto-desk-shots-")))
    comparison(app, Path(tempfile.mkdtemp(prefix="kyoto-desk-shots-")))
    annotated_comparison(app, Path(tempfile.mkdtemp(prefix="kyoto-desk-shots-")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
