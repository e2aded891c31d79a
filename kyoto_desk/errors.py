"""The exception hierarchy: every error a user can meet is a KyotoDeskError with a next step."""

from __future__ import annotations


class KyotoDeskError(Exception):
    """Base of all errors Kyoto Desk reports to users.

    `hint` says what the user can do next; the message says what went wrong. Both are plain
    sentences fit for a status line or a dialog, never a traceback.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def user_text(self) -> str:
        return f"{self.message} {self.hint}".strip()


class ParseError(KyotoDeskError):
    """The text could not be read as a UN declaration or resolution."""


class InputError(KyotoDeskError):
    """The input is unreadable: binary, empty, wrong encoding, too large, or of the wrong type."""


class UnknownDocumentError(KyotoDeskError):
    """A name given where a document is expected is neither a file, an alias nor a library entry."""


class ImportFailedError(KyotoDeskError):
    """A PDF, DOCX, HTML or text file could not be imported."""


class DownloadError(KyotoDeskError):
    """A document could not be fetched from the UN documents service."""


class StoreError(KyotoDeskError):
    """The database cannot be opened or written."""


class ExportError(KyotoDeskError):
    """A file could not be written."""
