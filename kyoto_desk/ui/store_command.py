"""The base of every undoable store write (pins, annotations, relations) and the safe way to push one.

Qt calls `redo()` from inside `QUndoStack.push`, where a Python exception could not stop the push:
so `push_command` runs the first write itself, and pushes the command only if that write succeeded.
A later undo or redo that fails (the database locked by another program, say) is reported, not raised.

A command given a workspace records itself in the store's undo journal in the same transaction as its
write, and its undo and redo move the journal's "done" mark in theirs: so the history can be rebuilt
after a restart (`undo_history`). An undo or redo the store already reflects (an annotation deleted by
an import meanwhile) is skipped with a status message, and the journal still moves with the stack.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtGui import QUndoCommand, QUndoStack

if TYPE_CHECKING:
    from kyoto_desk.store.db import Store, StoreSession

log = logging.getLogger(__name__)

OnError = Callable[[BaseException], None]
OnStatus = Callable[[str], None]


class StoreCommand(QUndoCommand):
    """A command whose `write()` changes the store; see the module docstring."""

    kind: ClassVar[str] = ""  # the journal's name for this kind of command (undo_history rebuilds by it)

    def __init__(self, text: str, store: Store, workspace: str | None = None) -> None:
        super().__init__(text)
        self._store = store
        self.workspace = workspace
        self.entry_id: int | None = None  # the journal entry, once recorded
        self.done_once = False  # the first write happened (a redo may then find the store ahead of it)
        self.replaying = False  # being put back on a stack from the journal: undo/redo write nothing
        self._skip_redo = False
        self.on_error: OnError = lambda _error: None
        self.on_status: OnStatus = lambda _message: None

    # Each subclass defines the write: do (forward) or take back the change, in the session given; or
    # return a sentence instead when the store already reflects it (the step is then skipped).
    write: Callable[[StoreSession, bool], str | None]

    def notify(self, forward: bool) -> None:
        """Tell the window what changed (after the transaction committed)."""

    def payload(self) -> dict[str, Any]:
        """The before/after states the journal keeps to rebuild this command."""
        return {}

    def forward(self) -> None:
        self._step(True)

    def backward(self) -> None:
        self._step(False)

    def _step(self, forward: bool) -> None:
        from kyoto_desk.store.undo_journal import mark_entry, record_entry

        with self._store.session() as session:
            skipped = self.write(session, forward)
            if self.workspace is not None and self.entry_id is None:
                self.entry_id = record_entry(session, self.workspace, self.kind, self.payload())
            elif self.entry_id is not None:
                mark_entry(session, self.entry_id, done=forward)
        self.done_once = True
        if skipped is None:
            self.notify(forward)
        else:
            log.info("%s: %s", self.text(), skipped)
            self.on_status(skipped)

    def redo(self) -> None:
        if self.replaying:
            return
        if self._skip_redo:  # the first write already ran in push_command
            self._skip_redo = False
            return
        self._guarded(self.forward)

    def undo(self) -> None:
        if not self.replaying:
            self._guarded(self.backward)

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except Exception as exc:  # reported on the GUI; the transaction rolled back, nothing half-written
            log.info("%s failed", self.text(), exc_info=True)
            self.on_error(exc)


def push_command(
    stack: QUndoStack, command: StoreCommand, on_error: OnError, on_status: OnStatus | None = None
) -> bool:
    """Do the command's first write; push it on the stack only if that worked."""
    try:
        command.forward()
    except Exception as exc:
        log.info("%s failed", command.text(), exc_info=True)
        on_error(exc)
        return False
    command.on_error = on_error
    if on_status is not None:
        command.on_status = on_status
    command._skip_redo = True
    stack.push(command)
    return True
