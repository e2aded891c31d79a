"""Edit ▸ Carry annotations to the newer text: copy the older text's annotations onto their
counterparts in the newer one, re-anchored and marked kept / moved / modified / deleted.

Runs off the GUI thread on the comparison on screen (its alignment, pins included); carrying again
updates the same copies, so it is safe after the user corrected the alignment by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kyoto_desk.ui.tasks import TaskHandle

if TYPE_CHECKING:
    from kyoto_desk.core.anchor import CarriedAnnotation
    from kyoto_desk.core.compare import Comparison
    from kyoto_desk.store.db import Store
    from kyoto_desk.ui.main_window import MainWindow

NO_PAIR = "Choose an older and a newer text first: annotations are carried from the older to the newer."


def carry(store: Store, comparison: Comparison) -> list[CarriedAnnotation]:
    """Carry in one transaction: all copies are stored, or none."""
    from kyoto_desk.core.annotation import key_of
    from kyoto_desk.store.anchoring import carry_forward_stored

    with store.session() as session:
        return carry_forward_stored(
            session, key_of(comparison.old), key_of(comparison.new), comparison.new, comparison.alignment
        )


def carry_annotations(window: MainWindow) -> TaskHandle | None:
    """Start carrying for the pair on screen; the status bar says what became of each annotation."""
    presentation = window.presentation
    if presentation is None or presentation.new is None or presentation.comparison is None:
        window.statusBar().showMessage(NO_PAIR, 10000)
        return None
    comparison = presentation.comparison
    task = window.runner.start("carry annotations", lambda _p, _c: carry(window.store(), comparison))

    def finished(carried: object) -> None:
        from kyoto_desk.core.carry_summary import carry_summary

        window.annotations.load()
        if isinstance(carried, list):
            window.statusBar().showMessage(carry_summary(carried) + ".", 15000)

    task.finished.connect(finished)
    task.failed.connect(window.show_error)
    return task
