"""Undoable corrections of the alignment: link two units by hand, or unlink a pair.

Each command writes the store through its pin functions and then asks the window to compare again,
so the engine re-aligns around the pinned pairs.
"""

from __future__ import annotations

from collections.abc import Callable

from kyoto_desk.core.links import Pin
from kyoto_desk.store.db import Store
from kyoto_desk.store.pins import delete_pin, list_pins, save_pin
from kyoto_desk.ui.store_command import StoreCommand


class PinCommand(StoreCommand):
    """Record a pin between two documents; undo restores whatever decision the units had before."""

    def __init__(self, store: Store, old_key: str, new_key: str, pin: Pin, after: Callable[[], None]) -> None:
        verb = "Link" if pin.linked else "Unlink"
        super().__init__(f"{verb} {', '.join(pin.old)} ↔ {', '.join(pin.new)}", store)
        self._keys = (old_key, new_key)
        self._pin = pin
        self._after = after
        self._previous: Pin | None = None

    def forward(self) -> None:
        old_key, new_key = self._keys
        with self._store.session() as session:
            same = [
                p
                for p in list_pins(session, old_key, new_key)
                if (p.old, p.new) == (self._pin.old, self._pin.new)
            ]
            self._previous = same[-1] if same else None
            save_pin(session, old_key, new_key, self._pin)
        self._after()

    def backward(self) -> None:
        old_key, new_key = self._keys
        with self._store.session() as session:
            delete_pin(session, old_key, new_key, self._pin)
            if self._previous is not None:
                save_pin(session, old_key, new_key, self._previous)
        self._after()


def load_pins(store: Store, old_key: str, new_key: str) -> list[Pin]:
    """The pins saved between two documents, oldest first."""
    with store.session() as session:
        return list_pins(session, old_key, new_key)
