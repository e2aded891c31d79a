"""The base of every undoable store write (pins, annotations, relations) and the safe way to push one.

Qt calls `redo()` from inside `QUndoStack.push`, where a Python exception could not stop the push:
so `push_command` runs the first write itself, and pushes the command only if that write succeeded.
A later undo or redo that fails (the database locked by another program, say) is reported, not raised.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from kyoto_desk.store.db import Store

log = logging.getLogger(__name__)

OnError = Callable[[BaseException], None]


class StoreCommand(QUndoCommand):
    """A command whose `forward()` / `backward()` write the store; see the module docstring."""

    def __init__(self, text: str, store: Store) -> None:
        super().__init__(text)
        self._store = store
        self._skip_redo = False
        self.on_error: OnError = lambda _error: None

    # Each subclass defines these two: the write, and the write that takes it back.
    forward: Callable[[], None]
    backward: Callable[[], None]

    def redo(self) -> None:
        if self._skip_redo:  # the first write already ran in push_command
            self._skip_redo = False
            return
        self._guarded(self.forward)

    def undo(self) -> None:
        self._guarded(self.backward)

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except Exception as exc:  # reported on the GUI; the transaction rolled back, nothing half-written
            log.info("%s failed", self.text(), exc_info=True)
            self.on_error(exc)


def push_command(stack: QUndoStack, command: StoreCommand, on_error: OnError) -> bool:
    """Do the command's first write; push it on the stack only if that worked."""
    try:
        command.forward()
    except Exception as exc:
        log.info("%s failed", command.text(), exc_info=True)
        on_error(exc)
        return False
    command.on_error = on_error
    command._skip_redo = True
    stack.push(command)
    return True
