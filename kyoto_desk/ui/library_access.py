"""The documents the user can open: the bundled texts and the library, as names `load_document` takes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kyoto_desk.core.model import Document
from kyoto_desk.store.db import Store
from kyoto_desk.store.documents import list_documents


@dataclass(frozen=True, slots=True)
class Entry:
    """One openable document: `name` is what `load_document` resolves (an alias or a library key)."""

    name: str
    label: str
    bundled: bool = False


def list_entries(store: Store | None) -> list[Entry]:
    """Bundled texts first, then the library's documents by symbol."""
    from kyoto_desk.sources.bundled import bundled_texts

    entries = [
        Entry(alias, f"{record.info.title.split(':')[0]} ({record.info.year})", bundled=True)
        for alias, record in bundled_texts().items()
    ]
    if store is not None:
        with store.session() as session:
            for record in list_documents(session):
                label = f"{record.symbol or 'no symbol'} — {record.title or 'untitled'}"
                entries.append(Entry(record.key, label))
    return entries


def load_entry(name: str, data_dir: Path, store: Store | None) -> Document:
    """The document an entry names; a library key is parsed from the stored text."""
    from kyoto_desk.errors import UnknownDocumentError
    from kyoto_desk.sources.resolve import load_document

    try:
        return load_document(name, data_dir).declaration()
    except UnknownDocumentError:
        if store is None:
            raise
    from kyoto_desk.core.parser import parse_text
    from kyoto_desk.store.documents import find_document

    with store.session() as session:
        record = find_document(session, name)
        if record is None:
            raise UnknownDocumentError(f"No document is called {name!r}.", "Choose one from the library.")
        text, info = record.text, record.info()
    return parse_text(text, info).declaration()


def short_name(document: Document) -> str:
    """How panes and summaries name a document: its alias, else first words of its title or symbol."""
    if document.info.alias:
        return document.info.alias.capitalize()
    if document.symbols:
        return document.symbols[0]
    return " ".join(document.title.split()[:3]) or "Untitled"
