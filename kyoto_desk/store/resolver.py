"""Find the Document an annotation points to: bundled texts by alias, library records by key or name.

Import needs the unit texts to check that each quote stands where the file says; export needs a
short name for each document key (`kyoto`, a symbol) that a colleague's import resolves again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from kyoto_desk.core.annotation import document_key
from kyoto_desk.core.model import Document
from kyoto_desk.core.parser import parse_text
from kyoto_desk.errors import UnknownDocumentError
from kyoto_desk.sources.bundled import bundled_texts, load_bundled, read_bundled
from kyoto_desk.store.documents import DocumentRecord, find_document

_HINT = "Import the document into the library first, or name it by alias (kyoto), UN symbol or key."


@dataclass(frozen=True, slots=True)
class ResolvedDocument:
    """A document with the key annotations use for it and the name exports write for it."""

    key: str
    name: str
    document: Document


class DocumentResolver:
    """Resolves names and keys within one session, parsing each document once."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._by_key: dict[str, ResolvedDocument] = {}
        self._bundled_keys: dict[str, str] = {}  # key -> alias
        for alias, record in bundled_texts().items():
            symbol = record.info.symbols[0] if record.info.symbols else ""
            self._bundled_keys[document_key(read_bundled(alias), symbol)] = alias

    def _bundled(self, alias: str, key: str) -> ResolvedDocument:
        if key not in self._by_key:
            self._by_key[key] = ResolvedDocument(key, alias, load_bundled(alias))
        return self._by_key[key]

    def _record(self, record: DocumentRecord) -> ResolvedDocument:
        if record.key not in self._by_key:
            latest = find_document(self._session, record.symbol) if record.symbol else None
            # A symbol names its latest version only; older versions are exported by key.
            name = record.alias or (
                record.symbol if latest is not None and latest.id == record.id else record.key
            )
            self._by_key[record.key] = ResolvedDocument(
                record.key, name, parse_text(record.text, record.info())
            )
        return self._by_key[record.key]

    def by_key(self, key: str) -> ResolvedDocument | None:
        """The document with this key, or None if neither bundled nor in the library."""
        if key in self._by_key:
            return self._by_key[key]
        if key in self._bundled_keys:
            return self._bundled(self._bundled_keys[key], key)
        record = find_document(self._session, key)
        return self._record(record) if record is not None and record.key == key else None

    def by_name(self, name: str) -> ResolvedDocument:
        """The document named by bundled alias or symbol, library alias, symbol or key."""
        wanted = name.strip()
        for key, alias in self._bundled_keys.items():
            symbols = {s.upper() for s in bundled_texts()[alias].info.symbols}
            if wanted.lower() == alias or wanted.upper() in symbols or wanted == key:
                return self._bundled(alias, key)
        record = find_document(self._session, wanted)
        if record is None:
            raise UnknownDocumentError(f"No document is called {wanted!r}.", _HINT)
        return self._record(record)

    def name_of(self, key: str) -> str:
        """The short name exports write for `key` (the key itself when it is unknown here)."""
        resolved = self.by_key(key)
        return resolved.name if resolved is not None else key
