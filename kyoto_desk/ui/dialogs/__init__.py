"""Dialogs of the window: messages, go to paragraph, import and download, keyboard shortcuts."""
