"""Turn a name the user typed (alias, file path, library id, key or UN symbol) into a Document."""

from __future__ import annotations

from pathlib import Path

from kyoto_desk.core.model import Document, DocumentInfo
from kyoto_desk.errors import UnknownDocumentError

_HINT = "Give a bundled alias (kyoto), a file (PDF, DOCX, HTML, TXT), or a library id, key or UN symbol."


def _is_alias(name: str) -> bool:
    from kyoto_desk.sources.bundled import bundled_texts

    return name.lower() in bundled_texts()


def _load_file(path: Path) -> Document:
    from kyoto_desk.core.parser import parse_text
    from kyoto_desk.sources.readers.text import read_text

    text = read_text(path.read_bytes())
    return parse_text(text, DocumentInfo(title=path.stem, source=str(path)))


def load_document(name: str, data_dir: Path) -> Document:
    """The document `name` refers to, tried in this order: bundled alias, file path, library entry.

    A file is parsed but not added to the library; `kyoto-desk library add` does that.
    """
    from kyoto_desk.sources.bundled import load_bundled

    if _is_alias(name):
        return load_bundled(name)
    path = Path(name).expanduser()
    if path.is_file():
        return _load_file(path)
    raise UnknownDocumentError(f"No document is called {name!r}.", _HINT)
