"""The PySide6 interface: windows, views, panels, background tasks and undoable commands."""

from kyoto_desk.ui.qt_guard import guard

# Before any widget is made: a faulty PySide6 release would otherwise abort the interpreter.
guard()
