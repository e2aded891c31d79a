"""Turn a name the user typed (alias, file path, library id, key or UN symbol) into a Document."""

from __future__ import annotations

from pathlib import Path

from kyoto_desk.core.model import Document
from kyoto_desk.errors import UnknownDocumentError
from kyoto_desk.sources.bundled import bundled_texts, load_bundled

_HINT = (
    "Give a bundled alias (kyoto), a file (PDF, DOCX, HTML, TXT, MD), or a library id, key or UN symbol "
    "(see `kyoto-desk library list`)."
)


def load_document(name: str, data_dir: Path) -> Document:
    """The document `name` refers to, tried in this order: bundled alias, file path, library entry.

    A file is read with the importer (any supported format) and parsed, but not added to the
    library; `kyoto-desk library add` does that. A UN symbol gives the latest version in the library.
    """
    # Imported here: the store and the readers load slowly, and `parse kyoto` needs neither.
    from kyoto_desk.sources.importer import parse_imported, read_file
    from kyoto_desk.sources.library import load_entry

    if name.lower() in bundled_texts():
        return load_bundled(name)
    path = Path(name).expanduser()
    if path.is_file():
        return parse_imported(read_file(path))
    document = load_entry(data_dir, name.strip())
    if document is None:
        raise UnknownDocumentError(f"No document is called {name!r}.", _HINT)
    return document
