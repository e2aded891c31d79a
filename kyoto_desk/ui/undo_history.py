"""The workspace's undo history rebuilt from the store's journal, so Ctrl+Z works after a restart.

A workspace is the pair on screen (or the one text read alone). When the window shows a workspace whose
QUndoStack is empty (a new window, or the pair just changed and the stack was cleared), its journal is
read and each entry becomes its command again; entries undone before are put back on the redo side.
Nothing is written while rebuilding: the store already reflects every entry.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kyoto_desk.core.annotation import key_of

if TYPE_CHECKING:
    from kyoto_desk.store.db import Store
    from kyoto_desk.store.undo_journal import JournalEntry
    from kyoto_desk.ui.main_window import MainWindow
    from kyoto_desk.ui.store_command import StoreCommand

log = logging.getLogger(__name__)


def read_journal(store: Store, workspace: str) -> list[JournalEntry]:
    from kyoto_desk.store.undo_journal import list_entries

    with store.session() as session:
        return list_entries(session, workspace)


class UndoHistory(QObject):
    """Names the window's workspace and puts its journal back on the window's QUndoStack."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self._shown: str | None = None  # the workspace whose history the stack holds

    def workspace(self) -> str | None:
        """The journal's name for what the window shows, or None before anything is shown."""
        pair = self.w.controller.pair
        if pair is not None:
            return f"{key_of(pair.old)}|{key_of(pair.new)}"  # = store.undo_journal.workspace_key
        presentation = self.w.presentation
        return key_of(presentation.old.document) if presentation is not None else None

    def restore(self) -> None:
        """Rebuild the stack from the journal if the window just started showing this workspace."""
        workspace = self.workspace()
        if workspace is None or workspace == self._shown:
            return
        self._shown = workspace
        if self.w.controller.undo_stack.count() or not self.w.has_store():
            return
        if self.w.store_is_open():  # a few hundred small rows at most: read them at once
            self._rebuild(workspace, read_journal(self.w.store(), workspace))
            return
        window = self.w
        task = self.w.runner.start(
            "read the undo history", lambda _p, _c: read_journal(window.store(), workspace)
        )
        task.finished.connect(lambda entries: self._rebuild(workspace, entries))
        task.failed.connect(lambda error: log.warning("the undo history could not be read: %s", error))

    def _rebuild(self, workspace: str, entries: object) -> None:
        stack = self.w.controller.undo_stack
        if self.workspace() != workspace or stack.count() or not isinstance(entries, list):
            return  # the user moved on (or already acted): the journal stays for next time
        commands = [(entry, self._command(entry)) for entry in entries]
        kept = [(entry.done, command) for entry, command in commands if command is not None]
        for _done, command in kept:
            command.replaying = True
            stack.push(command)
        stack.setIndex(sum(done for done, _command in kept))
        for _done, command in kept:
            command.replaying = False
        log.info("undo history of %s rebuilt: %d steps", workspace, len(kept))

    def _command(self, entry: JournalEntry) -> StoreCommand | None:
        from kyoto_desk.store.undo_journal import annotation_from_json, relation_from_json
        from kyoto_desk.ui.annotation_commands import (
            AddAnnotationCommand,
            DeleteAnnotationCommand,
            EditAnnotationCommand,
            RelationCommand,
        )
        from kyoto_desk.ui.undo import PinCommand

        store, p, workspace = self.w.store(), entry.payload, self.workspace()
        apply = self.w.annotations.book.apply
        command: StoreCommand
        if entry.kind == AddAnnotationCommand.kind:
            command = AddAnnotationCommand(store, annotation_from_json(p["annotation"]), apply, workspace)
        elif entry.kind == EditAnnotationCommand.kind:
            before, after = annotation_from_json(p["before"]), annotation_from_json(p["after"])
            command = EditAnnotationCommand(store, before, after, apply, workspace)
        elif entry.kind == DeleteAnnotationCommand.kind:
            command = DeleteAnnotationCommand(store, annotation_from_json(p["annotation"]), apply, workspace)
        elif entry.kind == RelationCommand.kind:
            relation = relation_from_json(p["relation"])
            command = RelationCommand(
                store,
                relation,
                self.w.annotations.links.reload,
                remove=bool(p["remove"]),
                workspace=workspace,
            )
        elif entry.kind == PinCommand.kind:
            command = PinCommand.from_payload(store, p, self.w.controller.refresh)
        else:  # written by a newer version: leave it in the journal, rebuild the rest
            log.warning("unknown undo journal entry %r skipped", entry.kind)
            return None
        command.entry_id, command.done_once = entry.id, True
        command.on_error, command.on_status = self.w.show_error, self._status
        return command

    def _status(self, message: str) -> None:
        self.w.statusBar().showMessage(message, 8000)
