"""The documents the user can open: the bundled texts and the library, as names `load_document` takes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kyoto_desk.core.model import Document


@dataclass(frozen=True, slots=True)
class Entry:
    """One openable document: `name` is what `load_document` resolves (an alias or a library key)."""

    name: str
    label: str
    bundled: bool = False


def bundled_entries() -> list[Entry]:
    """The texts shipped with the app (no database needed)."""
    from kyoto_desk.sources.bundled import bundled_texts

    return [
        Entry(alias, f"{record.info.title.split(':')[0]} ({record.info.year})", bundled=True)
        for alias, record in bundled_texts().items()
    ]


def list_entries(data_dir: Path) -> list[Entry]:
    """Bundled texts first, then the library's documents by symbol (opens the store: run it off the GUI)."""
    from kyoto_desk.sources.library import list_entries as library_entries

    entries = bundled_entries()
    for entry in library_entries(data_dir):
        label = f"{entry.symbol or 'no symbol'} — {entry.title or 'untitled'}"
        entries.append(Entry(entry.key, label))
    return entries


def load_entry(name: str, data_dir: Path) -> Document:
    """The declaration of the document an entry names (the whole text if it annexes none)."""
    from kyoto_desk.sources.resolve import load_document

    return load_document(name, data_dir).declaration()


def short_name(document: Document) -> str:
    """How panes and summaries name a document: its alias, else its symbol, else its title's first words."""
    if document.info.alias:
        return document.info.alias.replace("-", " ").capitalize()
    if document.symbols:
        return document.symbols[0]
    return " ".join(document.title.split()[:3]) or "Untitled"
