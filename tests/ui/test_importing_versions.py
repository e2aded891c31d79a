"""Importing a new version of a document in the window carries its annotations over and says so.

SYNTHETIC texts written for this test; the annotation is added through the store as the CLI would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from kyoto_desk.core.annotation import key_of, new_annotation
from kyoto_desk.sources.resolve import load_document
from kyoto_desk.store.annotations import add_annotation
from kyoto_desk.store.db import open_store
from kyoto_desk.ui.importing import start_import
from kyoto_desk.ui.main_window import MainWindow

DRAFT = """A/SYN/7

SYNTHETIC TEST TEXT: draft {n}

We, the participants in the Synthetic Congress,

Declare the following:

1. We undertake to strengthen international cooperation in criminal matters;

2. We commit to protect victims and witnesses{extra};
"""


def test_a_new_version_imported_in_the_window_carries_annotations(
    qtbot: QtBot, make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    window = make_window()
    first, second = tmp_path / "draft1.txt", tmp_path / "draft2.txt"
    first.write_text(DRAFT.format(n=1, extra=""), encoding="utf-8")
    second.write_text(DRAFT.format(n=2, extra=" at every stage"), encoding="utf-8")
    task = start_import(window, first)
    with qtbot.waitSignal(task.done, timeout=30000):
        pass
    document = load_document("A/SYN/7", window.data_dir)
    store = open_store(window.data_dir)
    with store.session() as session:
        add_annotation(session, new_annotation(key_of(document), "2", "victims and witnesses"))
    store.close()
    task = start_import(window, second)
    with qtbot.waitSignal(task.done, timeout=30000):
        pass
    message = window.statusBar().currentMessage()
    # The quoted words survive the rewording of paragraph 2, which stays in place: kept.
    assert message.startswith("Added as a new version. Carried 1 annotation: 1 kept, 0 moved, 0 modified")
