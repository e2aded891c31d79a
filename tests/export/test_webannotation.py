"""The W3C Web Annotation writer: collection shape, selectors, body purposes, stable bytes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from kyoto_desk.core.annotation import Annotation, TextPosition, new_annotation
from kyoto_desk.export.webannotation import (
    DOCUMENT_PREFIX,
    W3C_CONTEXT,
    annotation_json,
    dumps,
    write_web_annotations,
)

UNIT = "SYNTHETIC TEST TEXT: we commit to strengthening the rule of law."
WHEN = datetime(2021, 3, 7, 10, 0, 0, 123456, tzinfo=UTC)


def _annotation(**fields: object) -> Annotation:
    return new_annotation("abc:A/SYN/1", "5", UNIT, TextPosition(34, 47), **fields).edited(
        created=WHEN, modified=WHEN
    )


def test_target_is_paragraph_fragment_refined_by_quote_and_position() -> None:
    item = annotation_json(_annotation(), "syn")
    target = item["target"]
    assert target["source"] == DOCUMENT_PREFIX + "abc:A/SYN/1"
    selector = target["selector"]
    assert (selector["type"], selector["value"]) == ("FragmentSelector", "5")
    quote, position = selector["refinedBy"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "strengthening",
        "prefix": UNIT[2:34],
        "suffix": " the rule of law.",
    }
    assert position == {"type": "TextPositionSelector", "start": 34, "end": 47}
    assert item["created"] == "2021-03-07T10:00:00.123456Z" and item["kd:document"] == "syn"
    assert item["id"].startswith("urn:uuid:")


def test_bodies_and_motivation() -> None:
    full = annotation_json(
        _annotation(note="n", stance="amend", themes=("a", "b"), amendment="x", author="ana")
    )
    assert [(b["purpose"], b["value"]) for b in full["body"]] == [
        ("commenting", "n"),
        ("classifying", "amend"),
        ("tagging", "a"),
        ("tagging", "b"),
        ("editing", "x"),
    ]
    assert full["motivation"] == "editing" and full["creator"] == {"type": "Person", "name": "ana"}
    bare = annotation_json(_annotation())
    assert bare["motivation"] == "highlighting" and "creator" not in bare
    assert [b["purpose"] for b in bare["body"]] == ["classifying"]


def test_collection_is_ordered_and_stable(tmp_path: Path) -> None:
    older = _annotation(note="older")
    newer = _annotation(note="newer").edited(created=datetime(2022, 1, 1, tzinfo=UTC))
    text = dumps([newer, older])
    collection = json.loads(text)
    assert collection["@context"][0] == W3C_CONTEXT and collection["type"] == "AnnotationCollection"
    assert collection["total"] == 2
    assert [i["body"][0]["value"] for i in collection["first"]["items"]] == ["older", "newer"]
    assert dumps([older, newer]) == text
    target = tmp_path / "out.json"
    write_web_annotations(target, [older, newer])
    assert target.read_text(encoding="utf-8") == text
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temp file left behind
