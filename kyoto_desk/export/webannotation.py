"""Annotations as a W3C Web Annotation collection (JSON-LD), the format colleagues exchange.

Each annotation targets its document (`urn:kyoto-desk:document:<key>`) through a FragmentSelector
naming the paragraph, refined by a TextQuoteSelector and a TextPositionSelector (code points in the
paragraph's text). Bodies: the note (purpose commenting), the stance (classifying), each theme
(tagging) and the proposed amendment (editing). Colour, orphaned state and the document's short
name use the `kd:` namespace. The same set always serialises to the same bytes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from kyoto_desk.core.annotation import DOCUMENT_URN_PREFIX, Annotation
from kyoto_desk.export.atomic import write_atomically

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
KD_NAMESPACE = "urn:kyoto-desk:ns:"
CONTEXT: list[Any] = [W3C_CONTEXT, {"kd": KD_NAMESPACE}]
DOCUMENT_PREFIX = DOCUMENT_URN_PREFIX
UNIT_FRAGMENT = f"{KD_NAMESPACE}unit"  # FragmentSelector.conformsTo: the value is a paragraph id
COLLECTION_ID = "urn:kyoto-desk:annotations"


def timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with microseconds, so a round trip keeps the exact instant."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _bodies(annotation: Annotation) -> list[dict[str, str]]:
    bodies: list[dict[str, str]] = []
    if annotation.note:
        bodies.append(
            {"type": "TextualBody", "purpose": "commenting", "value": annotation.note, "format": "text/plain"}
        )
    bodies.append({"type": "TextualBody", "purpose": "classifying", "value": annotation.stance})
    bodies.extend(
        {"type": "TextualBody", "purpose": "tagging", "value": theme} for theme in annotation.themes
    )
    if annotation.amendment:
        bodies.append({"type": "TextualBody", "purpose": "editing", "value": annotation.amendment})
    return bodies


def _motivation(annotation: Annotation) -> str:
    if annotation.amendment:
        return "editing"
    return "commenting" if annotation.note else "highlighting"


def annotation_json(annotation: Annotation, document_name: str = "") -> dict[str, Any]:
    """One annotation as a Web Annotation object (without its own @context)."""
    item: dict[str, Any] = {
        "id": uuid.UUID(annotation.id).urn,
        "type": "Annotation",
        "motivation": _motivation(annotation),
        "created": timestamp(annotation.created),
        "modified": timestamp(annotation.modified),
    }
    if annotation.author:
        item["creator"] = {"type": "Person", "name": annotation.author}
    item["body"] = _bodies(annotation)
    item["target"] = {
        "source": DOCUMENT_PREFIX + annotation.document_key,
        "selector": {
            "type": "FragmentSelector",
            "conformsTo": UNIT_FRAGMENT,
            "value": annotation.unit_id,
            "refinedBy": [
                {
                    "type": "TextQuoteSelector",
                    "exact": annotation.quote.exact,
                    "prefix": annotation.quote.prefix,
                    "suffix": annotation.quote.suffix,
                },
                {
                    "type": "TextPositionSelector",
                    "start": annotation.position.start,
                    "end": annotation.position.end,
                },
            ],
        },
    }
    item["kd:colour"] = annotation.colour
    item["kd:orphaned"] = annotation.orphaned
    if document_name:
        item["kd:document"] = document_name
    return item


def collection_json(
    annotations: Iterable[Annotation], name_of: Callable[[str], str] | None = None
) -> dict[str, Any]:
    """An AnnotationCollection with every annotation on its one page, oldest first."""
    ordered = sorted(annotations, key=lambda a: (a.created, a.id))
    items = [annotation_json(a, name_of(a.document_key) if name_of else "") for a in ordered]
    return {
        "@context": CONTEXT,
        "id": COLLECTION_ID,
        "type": "AnnotationCollection",
        "label": "Kyoto Desk annotations",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def dumps(annotations: Iterable[Annotation], name_of: Callable[[str], str] | None = None) -> str:
    return json.dumps(collection_json(annotations, name_of), ensure_ascii=False, indent=2) + "\n"


def write_web_annotations(
    path: Path, annotations: Iterable[Annotation], name_of: Callable[[str], str] | None = None
) -> None:
    """Write the collection to `path` atomically (the old file stays whole if anything fails)."""
    data = dumps(annotations, name_of).encode("utf-8")

    def write(handle: IO[bytes]) -> None:
        handle.write(data)

    write_atomically(path, write)
