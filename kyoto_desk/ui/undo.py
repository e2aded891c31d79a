"""Undoable corrections of the alignment: link two units by hand, or unlink a pair.

Each command writes the store through its pin functions (and the pair's undo journal) and then asks
the window to compare again, so the engine re-aligns around the pinned pairs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kyoto_desk.core.links import Pin
from kyoto_desk.store.db import Store, StoreSession
from kyoto_desk.store.pins import delete_pin, list_pins, save_pin
from kyoto_desk.store.undo_journal import pin_from_json, pin_json, workspace_key
from kyoto_desk.ui.store_command import StoreCommand


class PinCommand(StoreCommand):
    """Record a pin between two documents; undo restores whatever decision the units had before."""

    kind = "pin"

    def __init__(
        self,
        store: Store,
        old_key: str,
        new_key: str,
        pin: Pin,
        after: Callable[[], None],
        *,
        previous: Pin | None = None,
    ) -> None:
        verb = "Link" if pin.linked else "Unlink"
        super().__init__(
            f"{verb} {', '.join(pin.old)} ↔ {', '.join(pin.new)}", store, workspace_key(old_key, new_key)
        )
        self._keys = (old_key, new_key)
        self._pin = pin
        self._after = after
        self._previous = previous

    def write(self, session: StoreSession, forward: bool) -> str | None:
        old_key, new_key = self._keys
        if forward:
            same = [
                p
                for p in list_pins(session, old_key, new_key)
                if (p.old, p.new) == (self._pin.old, self._pin.new)
            ]
            self._previous = same[-1] if same else None
            save_pin(session, old_key, new_key, self._pin)
        else:
            delete_pin(session, old_key, new_key, self._pin)
            if self._previous is not None:
                save_pin(session, old_key, new_key, self._previous)
        return None  # pins are replaced, never refused: a pin the store has already is simply rewritten

    def notify(self, forward: bool) -> None:
        self._after()

    def payload(self) -> dict[str, Any]:
        old_key, new_key = self._keys
        return {"keys": [old_key, new_key], "pin": pin_json(self._pin), "previous": pin_json(self._previous)}

    @classmethod
    def from_payload(cls, store: Store, payload: dict[str, Any], after: Callable[[], None]) -> PinCommand:
        """The command a journal entry describes (rebuilding the history after a restart)."""
        old_key, new_key = payload["keys"]
        pin = pin_from_json(payload["pin"])
        assert pin is not None  # recorded by `payload` above, never None
        return cls(store, str(old_key), str(new_key), pin, after, previous=pin_from_json(payload["previous"]))


def load_pins(store: Store, old_key: str, new_key: str) -> list[Pin]:
    """The pins saved between two documents, oldest first."""
    with store.session() as session:
        return list_pins(session, old_key, new_key)
