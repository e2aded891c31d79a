"""What the window remembers between runs (QSettings, organisation "Kyoto Desk")."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Kyoto Desk"
APPLICATION = "Kyoto Desk"
DEFAULT_POINT_SIZE = 11.0


class WindowSettings:
    """Typed access to the few values the window keeps: geometry, state, last documents, zoom, toggles."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings(ORGANISATION, APPLICATION)

    @property
    def qsettings(self) -> QSettings:
        """The underlying store, for dialogs that keep their own keys in the same place."""
        return self._s

    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def last_documents(self) -> tuple[str, str]:
        return str(self._s.value("documents/old", "") or ""), str(self._s.value("documents/new", "") or "")

    def save_documents(self, old: str, new: str) -> None:
        self._s.setValue("documents/old", old)
        self._s.setValue("documents/new", new)

    def point_size(self) -> float:
        try:
            return float(self._s.value("view/point_size", DEFAULT_POINT_SIZE))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return DEFAULT_POINT_SIZE

    def save_point_size(self, size: float) -> None:
        self._s.setValue("view/point_size", size)

    def flag(self, name: str, default: bool) -> bool:
        value = self._s.value(f"view/{name}", default)
        return value in (True, "true", "1", 1)

    def save_flag(self, name: str, value: bool) -> None:
        self._s.setValue(f"view/{name}", value)

    def author(self) -> str:
        """The name new annotations are signed with (remembered from the last one)."""
        return str(self._s.value("annotations/author", "") or "")

    def save_author(self, author: str) -> None:
        self._s.setValue("annotations/author", author)

    def annotation_colour(self) -> str:
        return str(self._s.value("annotations/colour", "#fff176") or "#fff176")

    def save_annotation_colour(self, colour: str) -> None:
        self._s.setValue("annotations/colour", colour)

    def sync(self) -> None:
        self._s.sync()
