"""Find the Document an annotation points to: bundled texts by alias, library records by key or name.

Two keys name a document: the library's record key (sha256 of the text the parser took, and the
symbol) and the key annotations are made with (`core.annotation.key_of`: the parsed text and the
first symbol; also with any other symbol). Both resolve here; the annotation key is the canonical
one, written on every annotation an import creates, so they show where the views look for them.
Import needs the unit texts to check each quote; export needs a short name for each key (`kyoto`, a
symbol) that a colleague's import resolves again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from kyoto_desk.core.annotation import key_of, keys_of
from kyoto_desk.core.model import Document
from kyoto_desk.core.parser import parse_text
from kyoto_desk.errors import UnknownDocumentError
from kyoto_desk.sources.bundled import bundled_texts, load_bundled
from kyoto_desk.store.documents import DocumentRecord, find_document, list_documents

_HINT = "Import the document into the library first, or name it by alias (kyoto), UN symbol or key."


@dataclass(frozen=True, slots=True)
class ResolvedDocument:
    """A document with the key annotations use for it and the name exports write for it."""

    key: str
    name: str
    document: Document
    keys: frozenset[str] = frozenset()  # every key that names it, `key` included


class DocumentResolver:
    """Resolves names and keys within one session, parsing each library document at most once."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._by_key: dict[str, ResolvedDocument] = {}
        self._by_record: dict[int, ResolvedDocument] = {}
        self._library_scanned = False
        for alias in bundled_texts():
            self._register(alias, load_bundled(alias), set())

    def _register(self, name: str, document: Document, extra_keys: set[str]) -> ResolvedDocument:
        keys = frozenset(keys_of(document) | extra_keys)
        resolved = ResolvedDocument(key_of(document), name, document, keys)
        for key in keys:
            self._by_key.setdefault(key, resolved)  # a bundled text keeps its alias as name
        return resolved

    def _record(self, record: DocumentRecord) -> ResolvedDocument:
        if record.id not in self._by_record:
            latest = find_document(self._session, record.symbol) if record.symbol else None
            # A symbol names its latest version only; older versions are exported by key.
            name = record.alias or (
                record.symbol if latest is not None and latest.id == record.id else record.key
            )
            document = parse_text(record.text, record.info())
            self._by_record[record.id] = self._register(name, document, {record.key})
        return self._by_record[record.id]

    def by_key(self, key: str) -> ResolvedDocument | None:
        """The document any of whose keys is `key`, or None if neither bundled nor in the library."""
        if key not in self._by_key:
            record = find_document(self._session, key)
            if record is not None and record.key == key:
                return self._record(record)
            if not self._library_scanned:  # an annotation key: known only once the texts are parsed
                self._library_scanned = True
                for each in list_documents(self._session):
                    self._record(each)
        return self._by_key.get(key)

    def by_name(self, name: str) -> ResolvedDocument:
        """The document named by bundled alias or symbol, library alias, symbol, or any of its keys."""
        wanted = name.strip()
        for alias, record in bundled_texts().items():
            if wanted.lower() == alias or wanted.upper() in {s.upper() for s in record.info.symbols}:
                return self._by_key[key_of(load_bundled(alias))]
        found = find_document(self._session, wanted)
        if found is not None:
            return self._record(found)
        resolved = self.by_key(wanted)
        if resolved is None:
            raise UnknownDocumentError(f"No document is called {wanted!r}.", _HINT)
        return resolved

    def name_of(self, key: str) -> str:
        """The short name exports write for `key` (the key itself when it is unknown here)."""
        resolved = self.by_key(key)
        return resolved.name if resolved is not None else key
