"""File ▸ Export / Import annotations through the functions the menu actions call.

Texts: the bundled Kyoto Declaration and its SYNTHETIC revision (tests/ui/synthetic.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from kyoto_desk.core.annotation import TextPosition, key_of, new_annotation
from kyoto_desk.ui.annotation_exchange import export_annotations, import_annotations
from kyoto_desk.ui.main_window import MainWindow
from tests.ui.annotating import stored


def _annotate_kyoto(window: MainWindow) -> None:
    assert window.presentation is not None
    document = window.presentation.old.document
    for unit_id, note in (("5", "SYNTHETIC note one"), ("12", "SYNTHETIC note two")):
        text = document.unit(unit_id).text
        window.annotations.add(
            new_annotation(key_of(document), unit_id, text, TextPosition(0, 10), note=note, author="Ana")
        )


def _run(qtbot: QtBot, task: object) -> None:
    with qtbot.waitSignal(task.done, timeout=20000):  # type: ignore[attr-defined]
        pass


def test_export_then_import_restores_the_set(qtbot: QtBot, compared: MainWindow, tmp_path: Path) -> None:
    _annotate_kyoto(compared)
    before = sorted(stored(compared), key=lambda a: a.id)
    target = tmp_path / "set.jsonld"
    _run(qtbot, export_annotations(compared, target, "json"))
    assert json.loads(target.read_text(encoding="utf-8"))["total"] == 2
    assert "2 annotation(s) exported" in compared.statusBar().currentMessage()
    for annotation in before:
        compared.annotations.delete(annotation)
    assert stored(compared) == []
    _run(qtbot, import_annotations(compared, target))
    assert sorted(stored(compared), key=lambda a: a.id) == before
    qtbot.waitUntil(lambda: len(compared.annotations.book) == 2, timeout=20000)
    assert compared.annotation_panel.model.rowCount() == 2
    assert "2 added" in compared.statusBar().currentMessage()


def test_csv_round_trip_changes_nothing(qtbot: QtBot, compared: MainWindow, tmp_path: Path) -> None:
    _annotate_kyoto(compared)
    before = sorted(stored(compared), key=lambda a: a.id)
    target = tmp_path / "set.csv"
    _run(qtbot, export_annotations(compared, target, "csv"))
    assert target.read_bytes().startswith(b"\xef\xbb\xbfdocument,unit,quote,note,stance,themes,author")
    _run(qtbot, import_annotations(compared, target))
    assert sorted(stored(compared), key=lambda a: a.id) == before
    assert "2 unchanged" in compared.statusBar().currentMessage()


def test_an_annotation_edited_on_both_sides_is_listed_and_the_newest_kept(
    qtbot: QtBot, compared: MainWindow, tmp_path: Path
) -> None:
    from kyoto_desk.ui.conflicts_dialog import ConflictsDialog

    _annotate_kyoto(compared)
    first = next(a for a in stored(compared) if a.unit_id == "5")
    compared.annotations.replace(first, first.edited(note="SYNTHETIC: their edit"))
    target = tmp_path / "theirs.jsonld"
    _run(qtbot, export_annotations(compared, target, "json"))
    theirs = next(a for a in stored(compared) if a.unit_id == "5")
    compared.annotations.replace(theirs, theirs.edited(note="SYNTHETIC: our later edit"))
    _run(qtbot, import_annotations(compared, target))
    assert next(a for a in stored(compared) if a.unit_id == "5").note == "SYNTHETIC: our later edit"
    dialog = compared.findChild(ConflictsDialog)
    assert isinstance(dialog, ConflictsDialog) and dialog.list.count() == 1
    assert "our later edit" in dialog.list.item(0).text() and dialog.changes() == []
    dialog.set_taken(0, True)  # the user prefers the file's version after all
    dialog.accept()
    assert next(a for a in stored(compared) if a.unit_id == "5").note == "SYNTHETIC: their edit"
    compared.controller.undo_stack.undo()
    assert next(a for a in stored(compared) if a.unit_id == "5").note == "SYNTHETIC: our later edit"


def test_a_refused_file_shows_one_sentence_and_changes_nothing(
    qtbot: QtBot, compared: MainWindow, tmp_path: Path
) -> None:
    _annotate_kyoto(compared)
    before = sorted(stored(compared), key=lambda a: a.id)
    bad = tmp_path / "bad.csv"
    bad.write_text("document,unit,quote,note,stance,themes,author\nkyoto,5,words not there,n,note,,A\n")
    _run(qtbot, import_annotations(compared, bad))
    message = compared.statusBar().currentMessage()
    assert "Row" in message and "Traceback" not in message and "\n" not in message
    assert sorted(stored(compared), key=lambda a: a.id) == before
