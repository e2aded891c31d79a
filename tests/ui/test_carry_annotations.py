"""Edit ▸ Carry annotations to the newer text, on Kyoto against its SYNTHETIC revision."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from kyoto_desk.core.annotation import key_of, new_annotation
from kyoto_desk.store.annotations import AnnotationFilter, add_annotation, list_annotations
from kyoto_desk.ui.carry_annotations import NO_PAIR, carry_annotations
from kyoto_desk.ui.main_window import MainWindow
from tests.ui.synthetic import kyoto


def test_carrying_copies_the_older_texts_annotations_onto_the_newer(
    qtbot: QtBot, compared: MainWindow
) -> None:
    comparison = compared.presentation.comparison  # type: ignore[union-attr]
    assert comparison is not None
    old, new = comparison.old, comparison.new
    quote = "Fourteenth United Nations Congress"  # pp1 is carried over word for word
    assert quote in new.unit("pp1").text
    with compared.store().session() as session:
        add_annotation(session, new_annotation(key_of(old), "pp1", quote, note="Keep this"))
    assert compared.actions_.carry_action.isEnabled()
    task = carry_annotations(compared)
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=30000):
        pass
    assert compared.statusBar().currentMessage().startswith("Carried 1 annotation: 1 kept")
    with compared.store().session() as session:
        copies = list_annotations(session, AnnotationFilter(document_key=key_of(new)))
    assert [(c.unit_id, c.note, c.quote.exact, c.orphaned) for c in copies] == [
        ("pp1", "Keep this", quote, False)
    ]


def test_without_a_pair_the_user_is_told_what_to_do(make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    window.show_document(kyoto())
    assert carry_annotations(window) is None
    assert window.statusBar().currentMessage() == NO_PAIR
